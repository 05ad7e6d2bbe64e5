"""The states and categories the audit stores, as TextChoices."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Engine(models.TextChoices):
    AXE = "axe", "axe-core"
    #: IBM Equal Access's rule engine (npm: accessibility-checker-engine).
    IBM = "ibm", "IBM Equal Access"
    CLEARWAY = "clearway", "Clearway"


class Outcome(models.TextChoices):
    """What a finding is. Only a violation is a WCAG failure: it alone counts towards
    ``--fail-on``, the "violations" totals and the accessibility statement."""

    #: A failure of the WCAG success criterion the rule names.
    VIOLATION = "violation", _("Violation")
    #: Possibly a failure: a person must check.
    NEEDS_REVIEW = "needs-review", _("Needs review")
    #: Good practice (plain English, meta descriptions...), not a WCAG failure.
    ADVICE = "advice", _("Advice")


class Source(models.TextChoices):
    """Who can fix a finding: where its element sits in the page.

    Editor content is whatever the templates mark with ``data-clearway-content="<field>"``
    (docs/audit.md, "Editor content and template markup").
    """

    CONTENT = "content", _("Page content (an editor can fix it)")
    TEMPLATE = "template", _("Template (a developer can fix it)")
    #: The element could not be found again (in a frame or shadow DOM, say).
    UNKNOWN = "unknown", _("Unknown")


class Impact(models.TextChoices):
    """axe-core's impact levels, least severe first."""

    MINOR = "minor", _("Minor")
    MODERATE = "moderate", _("Moderate")
    SERIOUS = "serious", _("Serious")
    CRITICAL = "critical", _("Critical")

    @classmethod
    def rank(cls, value: str) -> int:
        """0 for minor up to 3 for critical; -1 for anything unknown."""
        order = [member.value for member in cls]
        return order.index(value) if value in order else -1


class Level(models.TextChoices):
    A = "A", "A"
    AA = "AA", "AA"
    AAA = "AAA", "AAA"
    BEST_PRACTICE = "best-practice", _("Best practice")
    #: Clearway's style rules: plain English is a council duty, not a WCAG criterion.
    PLAIN_ENGLISH = "plain-english", _("Plain English")


class PageStatus(models.TextChoices):
    OK = "ok", _("Audited")
    ERROR = "error", _("Error")
    TIMEOUT = "timeout", _("Timed out")
    SKIPPED = "skipped", _("Skipped")
    #: The page sent the browser to another site; the navigation was refused, not followed.
    LEFT_SITE = "left-site", _("Left the site")


class RunTrigger(models.TextChoices):
    NIGHTLY = "nightly", _("Nightly")
    MANUAL = "manual", _("Manual")
    PUBLISH = "publish", _("On publish")
    #: An editor's "Audit this page now".
    REQUEST = "request", _("On request")
    CLI = "cli", _("Command line")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    FAILED = "failed", _("Failed")
    INTERRUPTED = "interrupted", _("Interrupted")


class FindingStatus(models.TextChoices):
    """Where a finding (one fingerprint) stands across runs."""

    OPEN = "open", _("Open")
    FIXED = "fixed", _("Fixed")
    REGRESSED = "regressed", _("Regressed")
    DISMISSED = "dismissed", _("Dismissed")


class RuleKind(models.TextChoices):
    """Where a Clearway rule runs."""

    CONTENT = "content", _("Content (server side, from the page's HTML or fields)")
    BROWSER = "browser", _("Browser (needs Chromium)")
    #: PDFs linked from the site, read from their bytes (docs/documents.md).
    DOCUMENT = "document", _("Document (PDF, no browser)")


class FixedBy(models.TextChoices):
    """Who can usually fix what a rule finds."""

    EDITOR = "editor", _("Editor")
    DEVELOPER = "developer", _("Developer")


class DismissalReason(models.TextChoices):
    """Why a finding needs no fix. The accessibility statement (``audit.storage.statement``)
    reads the reason: a false positive or a finding that does not apply is left out, an
    accepted one is still a failure it lists, and the last two are listed under their own
    headings, as the regulations ask."""

    FALSE_POSITIVE = "false-positive", _("False positive: the page is fine")
    NOT_APPLICABLE = "not-applicable", _("Not applicable to this page")
    ACCEPTED = "accepted", _("Accepted: we know, and will not fix it now")
    #: Regulation 7: fixing it would be a disproportionate burden (assessed and recorded).
    DISPROPORTIONATE_BURDEN = (
        "disproportionate",
        _("Disproportionate burden: fixing it now would cost more than the regulations require"),
    )
    #: Regulation 4(2): content the regulations exempt, such as a PDF or Word document
    #: published before 23 September 2018 that is not needed for a service.
    OUTSIDE_SCOPE = "outside-scope", _("Outside the scope of the accessibility regulations")


class DismissalScope(models.TextChoices):
    PAGE = "page", _("This page only")
    #: The same rule on the same element (same selector and HTML) on any page: template markup.
    SITE = "site", _("Every page on the site")


class RuleSet(models.TextChoices):
    """axe-core rule sets an administrator can choose for the nightly audit."""

    WCAG22_AA_BEST_PRACTICE = "wcag22aa-best-practice", _("WCAG 2.2 A and AA, and best practice")
    WCAG22_AA = "wcag22aa", _("WCAG 2.2 A and AA")
    WCAG21_AA = "wcag21aa", _("WCAG 2.1 A and AA")


class BatchStatus(models.TextChoices):
    """Where a batch of a run's pages stands (:class:`audit.storage.models.RunBatch`)."""

    PENDING = "pending", _("Waiting for a worker")
    CLAIMED = "claimed", _("Being audited")
    DONE = "done", _("Done")
