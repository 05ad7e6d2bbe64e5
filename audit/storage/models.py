"""Audit history: runs, the pages each run audited, what each page showed, and every
finding's life across runs. Nothing is rewritten: every run's results stay queryable."""

from __future__ import annotations

import datetime
import os
import socket
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting

from audit.core.conf import ALL_ENGINES
from audit.core.enums import (
    BatchStatus,
    DismissalReason,
    DismissalScope,
    Engine,
    FindingStatus,
    Impact,
    Level,
    Outcome,
    PageStatus,
    RuleSet,
    RunStatus,
    RunTrigger,
    Source,
)
from audit.results import FindingResult
from audit.results.fingerprints import target_key


class AuditRunQuerySet(models.QuerySet["AuditRun"]):
    def stalled(self, since: datetime.datetime) -> AuditRunQuerySet:
        """Running runs with no sign of life since ``since``: their worker died."""
        return self.filter(status=RunStatus.RUNNING).filter(
            models.Q(heartbeat_at__lt=since)
            | models.Q(heartbeat_at__isnull=True, started_at__lt=since)
        )


class AuditRun(models.Model):
    trigger = models.CharField(max_length=10, choices=RunTrigger.choices)
    status = models.CharField(
        max_length=12, choices=RunStatus.choices, default=RunStatus.QUEUED, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: The night this run audits, for nightly runs: at most one run per night.
    night = models.DateField(null=True, blank=True, unique=True)
    axe_version = models.CharField(max_length=20, blank=True)
    #: Rules, limits and URLs the run was started with.
    configuration = models.JSONField(default=dict, blank=True)
    pages_total = models.PositiveIntegerField(default=0)
    pages_done = models.PositiveIntegerField(default=0)
    pages_failed = models.PositiveIntegerField(default=0)
    #: WCAG failures only; needs-review findings and advice are counted apart.
    violations = models.PositiveIntegerField(default=0)
    needs_review = models.PositiveIntegerField(default=0)
    #: Advice (plain English, best practice): not WCAG failures.
    advice = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    #: Updated as pages finish: a running run whose heartbeat stops was interrupted.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    #: "host:pid" of the process running it, to tell at once when that process has died.
    owner = models.CharField(max_length=300, blank=True)
    #: Pages whose results were reused from an earlier run (unchanged HTML and assets).
    pages_reused = models.PositiveIntegerField(default=0)
    #: Findings first seen in this run, seen again after being fixed, and no longer seen.
    findings_new = models.PositiveIntegerField(default=0)
    findings_regressed = models.PositiveIntegerField(default=0)
    findings_fixed = models.PositiveIntegerField(default=0)

    objects = AuditRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("run_audit", "Can start accessibility audits"),
            ("dismiss_finding", "Can dismiss accessibility findings"),
        ]

    def __str__(self) -> str:
        return f"{self.get_trigger_display()} audit {self.pk} ({self.get_status_display()})"

    @property
    def began_at(self) -> datetime.datetime:
        """When the run started, or was created if it never started."""
        return self.started_at or self.created_at

    @property
    def owner_is_gone(self) -> bool:
        """True when the process that ran this run was on this machine and has exited."""
        host, _, pid = self.owner.rpartition(":")
        if not pid.isdigit() or host != socket.gethostname():
            return False
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    @property
    def duration(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class PageResult(models.Model):
    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="page_results")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.CharField(max_length=2000)
    status = models.CharField(max_length=10, choices=PageStatus.choices)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration = models.FloatField(default=0)
    #: The page's HTML and the assets it loads, hashed: unchanged pages reuse their results.
    content_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    reused = models.BooleanField(default=False)
    #: Requests the audit browser refused to send for this page (audit.engine.guard).
    blocked_requests = models.JSONField(default=list, blank=True)
    #: The PDFs this page links to, each checked in the same run as a result of its own
    #: (docs/documents.md): how a page's editors see its documents' findings.
    documents = models.JSONField(default=list, blank=True)
    audited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]
        constraints = [
            # Each URL is audited once per run, even when a resumed run meets it again.
            models.UniqueConstraint(fields=["run", "url"], name="audit_page_once_per_run")
        ]
        # A document's results are found by its address across runs (the document view, the
        # digest), where the constraint above, led by the run, does not help.
        indexes = [models.Index(fields=["url"], name="audit_page_result_url")]

    def __str__(self) -> str:
        return f"{self.url} ({self.get_status_display()})"


class Finding(models.Model):
    """One element failing one rule, as one run saw it."""

    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="findings")
    page_result = models.ForeignKey(PageResult, on_delete=models.CASCADE, related_name="findings")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.CharField(max_length=2000)
    rule = models.CharField(max_length=100, db_index=True)
    engine = models.CharField(max_length=10, choices=Engine.choices)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    impact = models.CharField(max_length=10, choices=Impact.choices)
    wcag = models.JSONField(default=list, blank=True, help_text=_("Success criteria, e.g. 1.4.3"))
    level = models.CharField(max_length=13, choices=Level.choices)
    selector = models.TextField()
    html = models.TextField(blank=True)
    message = models.TextField(blank=True)
    help = models.CharField(max_length=300, blank=True)
    help_url = models.URLField(max_length=500, blank=True)
    fingerprint = models.CharField(max_length=32, db_index=True)
    #: The rule and element without the page: the same template element on every page shares
    #: it, so one site-wide dismissal covers them all.
    target_key = models.CharField(max_length=32, db_index=True, blank=True)
    #: Editor content or template markup: who can fix it.
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.TEMPLATE)
    #: The editor-content region's field name, e.g. "body"; empty outside one.
    region = models.CharField(max_length=100, blank=True)
    #: The StreamField block the element is in (``data-block-id``), when it is in one.
    block_id = models.CharField(max_length=64, blank=True)
    #: Every engine that reported this problem, with its rule: ``[["axe", "label"], ["ibm",
    #: "input_label_exists"]]``; empty for rows stored before there were two engines.
    engine_rules = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["url", "rule"]
        constraints = [
            models.UniqueConstraint(
                fields=["page_result", "fingerprint", "outcome"], name="audit_finding_once_per_page"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} on {self.url}"

    @classmethod
    def from_result(cls, page_result: PageResult, result: FindingResult) -> Finding:
        """An unsaved row for ``result``, found on ``page_result``'s page."""
        return cls(
            run_id=page_result.run_id,
            page_result=page_result,
            page_id=page_result.page_id,
            url=page_result.url,
            rule=result.rule,
            engine=result.engine,
            outcome=result.outcome,
            impact=result.impact,
            wcag=list(result.wcag),
            level=result.level,
            selector=result.selector,
            html=result.html,
            message=result.message,
            help=cls._fit("help", result.help),
            help_url=cls._fit("help_url", result.help_url),
            fingerprint=result.fingerprint,
            target_key=target_key(result.rule, result.selector, result.html),
            source=result.source,
            region=cls._fit("region", result.region),
            block_id=cls._fit("block_id", result.block_id),
            engine_rules=[[str(engine), rule] for engine, rule in result.engine_rules],
        )

    @classmethod
    def _fit(cls, name: str, text: str) -> str:
        """``text`` cut to the length of the column ``name``."""
        field = cls._meta.get_field(name)
        return text[: field.max_length if isinstance(field, models.Field) else None]

    def to_result(self) -> FindingResult:
        return FindingResult(
            rule=self.rule,
            engine=Engine(self.engine),
            outcome=Outcome(self.outcome),
            impact=Impact(self.impact),
            wcag=tuple(self.wcag),
            level=Level(self.level),
            selector=self.selector,
            html=self.html,
            message=self.message,
            help_url=self.help_url,
            fingerprint=self.fingerprint,
            help=self.help,
            source=Source(self.source),
            region=self.region,
            block_id=self.block_id,
            engine_rules=tuple((Engine(engine), str(rule)) for engine, rule in self.engine_rules),
        )


class TrackedFindingQuerySet(models.QuerySet["TrackedFinding"]):
    def current(self) -> TrackedFindingQuerySet:
        """Findings the last audit of their page still saw and nobody dismissed."""
        return self.filter(status__in=[FindingStatus.OPEN, FindingStatus.REGRESSED])

    def current_or_dismissed(self) -> TrackedFindingQuerySet:
        """What the admin lists for a page or document: current findings, and dismissed ones
        (counted or shown apart)."""
        return self.filter(
            status__in=[FindingStatus.OPEN, FindingStatus.REGRESSED, FindingStatus.DISMISSED]
        )

    def of_documents(self, urls: Iterable[str]) -> TrackedFindingQuerySet:
        """Findings on the documents at ``urls``: a document's findings have no page."""
        return self.filter(url__in=urls, page__isnull=True)

    def violations(self) -> TrackedFindingQuerySet:
        return self.filter(outcome=Outcome.VIOLATION)

    def needs_review(self) -> TrackedFindingQuerySet:
        return self.filter(outcome=Outcome.NEEDS_REVIEW)

    def advice(self) -> TrackedFindingQuerySet:
        """Good practice (plain English, meta descriptions...): never an accessibility
        problem in totals, trends or digests."""
        return self.filter(outcome=Outcome.ADVICE)

    def accessibility(self) -> TrackedFindingQuerySet:
        """Violations and findings to review: everything but advice."""
        return self.exclude(outcome=Outcome.ADVICE)

    def for_page(self, page: int | models.Model) -> TrackedFindingQuerySet:
        return self.filter(page_id=page if isinstance(page, int) else page.pk)

    def with_latest(self) -> TrackedFindingQuerySet:
        """With the latest sighting (rule, impact, snippet, block) loaded in the same query."""
        return self.select_related("latest")


class TrackedFinding(models.Model):
    """A finding's life across runs, one row per fingerprint (and outcome). A finding whose
    rule is re-classified (a violation that becomes advice) keeps its row: the next run
    updates its outcome (:class:`audit.storage.sink.DatabaseSink`)."""

    fingerprint = models.CharField(max_length=32)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    rule = models.CharField(max_length=100)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.CharField(max_length=2000)
    status = models.CharField(
        max_length=10, choices=FindingStatus.choices, default=FindingStatus.OPEN, db_index=True
    )
    first_seen = models.ForeignKey(AuditRun, on_delete=models.PROTECT, related_name="+")
    last_seen = models.ForeignKey(AuditRun, on_delete=models.PROTECT, related_name="+")
    fixed_in = models.ForeignKey(
        AuditRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    latest = models.ForeignKey(
        Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TrackedFindingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fingerprint", "outcome"], name="audit_track_once")
        ]
        # A document's findings are found by its address (``of_documents``).
        indexes = [models.Index(fields=["url"], name="audit_tracked_url")]

    def __str__(self) -> str:
        return f"{self.rule} on {self.url} ({self.get_status_display()})"


def default_engines() -> list[str]:
    """Every engine: :attr:`AuditSchedule.engines`' default."""
    return list(ALL_ENGINES)


class AuditSchedule(BaseGenericSetting):
    """When the nightly audit runs. Edited in Settings > Accessibility audit."""

    enabled = models.BooleanField(
        default=True, help_text=_("Audit every public page of the site each night.")
    )
    nightly_time = models.TimeField(
        default=datetime.time(2, 0),
        help_text=_("Local time (the site's time zone) when the nightly audit starts."),
    )

    rule_set = models.CharField(
        max_length=30,
        choices=RuleSet.choices,
        default=RuleSet.WCAG22_AA_BEST_PRACTICE,
        help_text=_("Which axe-core rules the nightly audit runs."),
    )
    #: The engines the runs the admin starts use (the command line follows ``ENGINES``).
    engines = models.JSONField(
        default=default_engines,
        help_text=_(
            "Which engines the audits started here use (nightly, from the admin, on publish)."
        ),
    )
    excluded_url_patterns = models.TextField(
        blank=True,
        help_text=_(
            "Pages not to audit: one pattern per line, matched against the page's path, "
            "with * for any characters (for example /news/archive/*)."
        ),
    )
    digest_enabled = models.BooleanField(
        default=True,
        help_text=_(
            "After each nightly audit, email page owners a list of their pages' new problems."
        ),
    )

    class Meta:
        verbose_name = _("accessibility audit settings")

    def __str__(self) -> str:
        return f"Nightly at {self.nightly_time:%H:%M}" if self.enabled else "Nightly audit off"


class DismissalQuerySet(models.QuerySet["Dismissal"]):
    def active(self) -> DismissalQuerySet:
        return self.filter(revoked_at__isnull=True)


class Dismissal(models.Model):
    """An editor's decision that a finding needs no fix. Undoing it keeps the row (revoked)."""

    rule = models.CharField(max_length=100)
    scope = models.CharField(
        max_length=4, choices=DismissalScope.choices, default=DismissalScope.PAGE
    )
    #: Page scope: the finding's fingerprint.
    fingerprint = models.CharField(max_length=32, db_index=True, blank=True)
    #: Site scope: :attr:`Finding.target_key`, shared by the element on every page.
    target_key = models.CharField(max_length=32, db_index=True, blank=True)
    #: Where it was dismissed from (kept for the record; site dismissals cover every page).
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.CharField(max_length=2000, blank=True)
    reason = models.CharField(max_length=20, choices=DismissalReason.choices)
    note = models.TextField(help_text=_("Why this needs no fix."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = DismissalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.rule} dismissed ({self.get_reason_display()})"


class DigestDelivery(models.Model):
    """One digest email sent to one person for one run: never two."""

    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="digests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    findings = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "user"], name="audit_one_digest_per_run")
        ]

    def __str__(self) -> str:
        return f"Digest for run {self.run_id} to user {self.user_id}"


class PlainEnglishTerm(models.Model):
    """A word or phrase to avoid, with plainer alternatives (GOV.UK's list, editable)."""

    phrase = models.CharField(max_length=100, unique=True)
    alternatives = models.CharField(
        max_length=300, blank=True, help_text=_("Plainer words to use instead, comma-separated.")
    )
    note = models.CharField(max_length=300, blank=True)
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("word to avoid")
        verbose_name_plural = _("words to avoid")

    def __str__(self) -> str:
        return self.phrase


class ScheduledTask(models.Model):
    """The last call of a background task queued to run later under a key (the nightly audit,
    the watchdog): :func:`audit.jobs.scheduling.enqueue_once` queues a call once, and a task
    that is no longer the current call for its key knows it is stale."""

    key = models.CharField(max_length=50, unique=True)
    #: The task result's id in the task queue.
    result_id = models.CharField(max_length=64)
    run_after = models.DateTimeField()
    args = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"{self.key} at {self.run_after:%Y-%m-%d %H:%M}"


class RunBatchQuerySet(models.QuerySet["RunBatch"]):
    def unfinished(self) -> RunBatchQuerySet:
        return self.exclude(status=BatchStatus.DONE)

    def claimable(self, now: datetime.datetime) -> RunBatchQuerySet:
        """Batches a worker may take now: waiting ones (unless held back until later, after a
        failure) and claimed ones whose worker let the lease expire (it died)."""
        return self.unfinished().filter(
            models.Q(lease_expires_at__isnull=True) | models.Q(lease_expires_at__lte=now)
        )


class RunBatch(models.Model):
    """Some of a run's pages, audited together by whichever worker claims them
    (:mod:`audit.runs.batches`). A claim is a lease, renewed as each page is stored: a batch
    whose worker died is claimed again once its lease expires."""

    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="batches")
    number = models.PositiveIntegerField()
    #: ``[[url, page_id], ...]`` in the plan's order (``page_id`` null for a plain URL).
    targets = models.JSONField(default=list)
    status = models.CharField(
        max_length=10, choices=BatchStatus.choices, default=BatchStatus.PENDING
    )
    #: "host:pid" of the worker holding the claim.
    claimed_by = models.CharField(max_length=300, blank=True)
    #: A claimed batch: when its claim lapses. A waiting one: not claimed before then (a retry).
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    #: How many times it was claimed; also tells one claim from the next by the same worker.
    attempts = models.PositiveIntegerField(default=0)
    #: Why the last attempt did not finish it (a Selenium Grid that is down, say).
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = RunBatchQuerySet.as_manager()

    class Meta:
        ordering = ["run", "number"]
        constraints = [
            models.UniqueConstraint(fields=["run", "number"], name="audit_batch_once_per_run")
        ]
        indexes = [models.Index(fields=["run", "status"], name="audit_batch_run_status")]

    def __str__(self) -> str:
        return f"Batch {self.number} of run {self.run_id} ({self.get_status_display()})"


class StatementSnapshot(models.Model):
    """What the accessibility statement said after one finished full-site run: its data as
    :meth:`audit.storage.statement.StatementData.as_json` gives it. One per run, kept as the
    statement's history."""

    run = models.OneToOneField(AuditRun, on_delete=models.CASCADE, related_name="statement")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Accessibility statement after audit {self.run_id}"


class PageWeightRecord(models.Model):
    """The published page's weight when it was last measured (:mod:`audit.runs.weight`):
    stored so the editor panel never measures a page on its way to the edit view."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="audit_weight"
    )
    measured_at = models.DateTimeField()
    url = models.CharField(max_length=2048)
    status = models.PositiveSmallIntegerField()
    html_bytes = models.PositiveIntegerField(default=0)
    css_bytes = models.PositiveIntegerField(default=0)
    js_bytes = models.PositiveIntegerField(default=0)
    image_bytes = models.PositiveIntegerField(default=0)
    #: The heaviest parts, heaviest first: ``{"kind", "name", "url", "bytes"}`` each
    #: (``bytes`` is null for an embed, which loads from elsewhere).
    parts = models.JSONField(default=list)

    class Meta:
        verbose_name = _("page weight")

    def __str__(self) -> str:
        return f"Weight of page {self.page_id}: {self.total_bytes} bytes"

    @property
    def total_bytes(self) -> int:
        return self.html_bytes + self.css_bytes + self.js_bytes + self.image_bytes
