"""What one audit produces, independent of where it is stored or reported."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.core.enums import Engine, Impact, Level, Outcome, PageStatus, Source


@dataclass(frozen=True)
class AuditTarget:
    """A URL to audit, with its Wagtail page when it is one."""

    url: str
    page_id: int | None = None


@dataclass(frozen=True)
class FindingResult:
    """One element failing one rule on one page.

    When several engines report the same problem (the same element and WCAG criterion), they
    are one finding: ``engine`` and ``rule`` are the first engine's (axe's when it is one of
    them, so its fingerprint is kept), and ``engine_rules`` names every engine with its rule.
    """

    rule: str
    engine: Engine
    outcome: Outcome
    impact: Impact
    wcag: tuple[str, ...]
    level: Level
    selector: str
    html: str
    message: str
    help_url: str
    fingerprint: str
    #: The rule's one-line description, e.g. "Images must have alternative text".
    help: str = ""
    #: Editor content or template markup (``data-clearway-content`` regions).
    source: Source = Source.TEMPLATE
    #: The editor-content region's field name, e.g. "body"; empty outside one.
    region: str = ""
    #: The StreamField block's id (``data-block-id``) when the element is in one.
    block_id: str = ""
    #: ``(engine, rule)`` for every engine that reported this problem, the first first.
    #: Empty when given: ``((engine, rule),)``.
    engine_rules: tuple[tuple[Engine, str], ...] = ()
    #: The element's full CSS path (axe-core's ``ancestry``), to match the engines' findings
    #: on one element; not reported or stored.
    element_path: str = field(default="", compare=False, repr=False)
    #: The reason (a ``DismissalReason`` value) of the standing dismissal that covers this
    #: finding, marked for the reports (:func:`audit.storage.dismissals.mark_dismissed`);
    #: empty when nobody dismissed it. A dismissed finding is neither a violation, nor to
    #: review, nor advice in any total.
    dismissed: str = ""

    def __post_init__(self) -> None:
        if not self.engine_rules:
            object.__setattr__(self, "engine_rules", ((self.engine, self.rule),))

    @property
    def engines(self) -> tuple[Engine, ...]:
        """Every engine that reported this problem, ``engine`` first."""
        return tuple(engine for engine, _ in self.engine_rules)

    @property
    def is_violation(self) -> bool:
        """A WCAG failure: the only outcome that counts towards ``--fail-on`` and totals."""
        return self.outcome == Outcome.VIOLATION

    @property
    def is_dismissed(self) -> bool:
        return bool(self.dismissed)

    @property
    def is_advice(self) -> bool:
        return self.outcome == Outcome.ADVICE


@dataclass
class PageAudit:
    """The result of auditing one URL."""

    url: str
    status: PageStatus
    http_status: int | None = None
    error: str = ""
    findings: list[FindingResult] = field(default_factory=list)
    #: Seconds spent fetching and analysing the page.
    duration: float = 0.0
    #: Wagtail page id when the URL is a Wagtail page.
    page_id: int | None = None
    #: The HTML, its assets and the analysis settings, hashed (:mod:`audit.engine.reuse`).
    content_fingerprint: str = ""
    #: The browser findings were reused from an earlier audit of the same content.
    reused: bool = False
    #: Requests the browser was not allowed to send ("<url> (<reason>)"): the page was
    #: audited without them (:mod:`audit.engine.guard`).
    blocked_requests: list[str] = field(default_factory=list)
    #: The PDFs this page links to on the allowed hosts: each is checked once in the same run
    #: as a result of its own (docs/documents.md).
    documents: list[str] = field(default_factory=list)

    @property
    def violations(self) -> list[FindingResult]:
        """Open WCAG failures: dismissed ones are in :attr:`dismissed`."""
        return [f for f in self.findings if f.is_violation and not f.is_dismissed]

    @property
    def needs_review(self) -> list[FindingResult]:
        return [
            f for f in self.findings if f.outcome == Outcome.NEEDS_REVIEW and not f.is_dismissed
        ]

    @property
    def advice(self) -> list[FindingResult]:
        """Good practice (plain English, meta descriptions...): not WCAG failures."""
        return [f for f in self.findings if f.is_advice and not f.is_dismissed]

    @property
    def dismissed(self) -> list[FindingResult]:
        """Findings an editor dismissed (whatever their outcome), with the reason."""
        return [f for f in self.findings if f.is_dismissed]
