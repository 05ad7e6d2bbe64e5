"""Auditing URLs in headless Chromium: one browser session per worker thread.

:class:`BrowserSession` audits one URL at a time in one long-lived browser: a pre-flight fetch
(:mod:`audit.engine.fetch`), then the browser loads the page and the engines in ``ENGINES`` analyse
it in the same visit: axe-core (:mod:`audit.engine.drivers.axe`), then IBM Equal Access
(:mod:`audit.engine.drivers.ibm`), each installed once per browser, their findings on one
problem merged into one. A page that times out gets a new browser
before the next page (Chromium is in an unknown state after a timed-out load); a page whose browser
crashes is tried once more on a new browser; every ``RESTART_EVERY`` pages the browser is replaced
to bound its memory.

:class:`AuditRunner` runs a list of targets through ``WORKERS`` sessions, each owned by one
thread; nothing mutable is shared between them but two queues. Results reach the sink from the
thread that called :meth:`AuditRunner.run`, as each page finishes; see its docstring for the
order of calls and for what happens when a sink fails.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from django.utils import timezone
from selenium.common.exceptions import (
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser.suite import prepare_browser, run_browser_checks
from audit.checks.catalogue import is_content_rule
from audit.checks.issues import issue_to_finding
from audit.core.addresses import host_of, is_allowed
from audit.core.conf import AuditSettings
from audit.core.crashes import is_browser_crash
from audit.core.enums import Engine, PageStatus
from audit.engine.browsers import BrowserBackend, BrowserUnavailable, error_summary, get_backend
from audit.engine.documents import audit_document
from audit.engine.drivers.axe import AxeEngine, ClearwayAxe
from audit.engine.drivers.axe_results import run_options
from audit.engine.drivers.base import BrowserEngine, EngineError, merge_findings
from audit.engine.drivers.ibm import IbmEngine
from audit.engine.guard import MAX_RECORDED, GuardUnavailable, PageRequests, RequestGuard
from audit.engine.preparation import ContentChecks, PreparedPage, Preparer
from audit.engine.reuse import AssetFingerprints, PreviousResults, analysis_key
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import RunInfo, RunSummary, Sink, SinkGroup

logger = logging.getLogger(__name__)

#: Dialogs in a row a page may open before it is recorded as an error.
_DIALOG_ATTEMPTS = 5


class SinkError(RuntimeError):
    """One or more sink calls failed during a run; the run itself went to the end."""


def axe_options(config: AuditSettings) -> dict[str, Any]:
    """``axe.run`` options for these settings.

    Disabled rules are filtered from the results rather than switched off in axe: axe throws on
    an unknown rule id in ``rules``, and a typo in the settings would fail every page.
    """
    return run_options(config.TAGS)


def browser_engines(config: AuditSettings) -> list[BrowserEngine]:
    """The browser engines ``ENGINES`` enables, in the order they run (axe first, so a merged
    finding keeps axe's fingerprint). Raises ``EngineScriptMissing`` for an engine whose
    script is not installed."""
    engines: list[BrowserEngine] = []
    if Engine.AXE in config.ENGINES:
        engines.append(AxeEngine(config.AXE_SCRIPT, axe_options(config)))
    if Engine.IBM in config.ENGINES:
        engines.append(IbmEngine(skip_rules=config.DISABLED_RULES))
    return engines


def engine_versions(engines: Sequence[BrowserEngine]) -> dict[str, str]:
    """Each browser engine's version, by engine name."""
    return {str(engine.name): engine.version() for engine in engines}


class BrowserSession:
    """One browser, reused page after page, with axe-core installed.

    Not thread-safe: each worker thread owns one. Use it as a context manager, or call
    :meth:`close`; the browser starts on :meth:`start` or on the first page.
    """

    def __init__(
        self,
        config: AuditSettings,
        backend: BrowserBackend | None = None,
        *,
        allowed_hosts: Iterable[str] | None = None,
    ) -> None:
        self.config = config
        self.backend = backend or get_backend(config)
        #: Hosts every hop may be on, besides the host of the URL being audited.
        self.allowed_hosts = tuple(config.ALLOWED_HOSTS if allowed_hosts is None else allowed_hosts)
        self.engines = browser_engines(config)
        self.driver: WebDriver | None = None
        #: Checks the current browser's every request (GUARD_REQUESTS).
        self.guard: RequestGuard | None = None
        #: Pages loaded in the current browser, for RESTART_EVERY.
        self.pages_in_browser = 0
        #: Browsers started so far (the first one included).
        self.browsers_started = 0
        self._disabled = frozenset(config.DISABLED_RULES)

    @property
    def axe(self) -> ClearwayAxe:
        """axe-core in this session's browser (when ``ENGINES`` has it)."""
        for engine in self.engines:
            if isinstance(engine, AxeEngine):
                return engine.axe
        raise AttributeError("axe-core is not among this session's engines")

    def __enter__(self) -> BrowserSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> WebDriver:
        """The browser, started now if there is none. Raises :class:`BrowserUnavailable`."""
        if self.driver is None:
            driver = self.backend.create_driver()
            guard: RequestGuard | None = None
            try:
                driver.set_page_load_timeout(self.config.PAGE_TIMEOUT)
                driver.set_script_timeout(self.config.PAGE_TIMEOUT)
                if self.config.GUARD_REQUESTS:
                    guard = self._guard(driver)
                for engine in self.engines:
                    engine.install(driver, use_cdp=self.backend.supports_cdp)
                if self.config.runs_browser_checks:
                    prepare_browser(driver)
            except BaseException:
                if guard is not None:
                    guard.close()
                _quit(driver)
                raise
            self.driver = driver
            self.guard = guard
            self.pages_in_browser = 0
            self.browsers_started += 1
        return self.driver

    def _guard(self, driver: WebDriver) -> RequestGuard:
        try:
            return RequestGuard.attach(driver, self.config.THIRD_PARTY_HOSTS, self.allowed_hosts)
        except GuardUnavailable as error:
            # Fail closed: a browser whose requests cannot be checked audits nothing.
            raise BrowserUnavailable(
                f"the browser's requests cannot be checked ({error}); see GUARD_REQUESTS in "
                "docs/audit.md"
            ) from error

    def close(self) -> None:
        """Quit the browser, if any. The session starts a new one if used again."""
        driver, self.driver = self.driver, None
        guard, self.guard = self.guard, None
        if guard is not None:
            guard.close()
        if driver is not None:
            _quit(driver)

    def audit(self, target: AuditTarget, page_key: str | None = None) -> PageAudit:
        """Fetch and analyse one URL. Every failure is in the returned :class:`PageAudit`,
        never raised.

        ``page_key`` identifies the page in fingerprints (default: ``page:<id>`` for a
        Wagtail page, else the URL as given, whatever it redirects to).
        """
        prepared = Preparer(self.config, self.allowed_hosts).prepare(target, page_key)
        return self.analyse(prepared) if prepared.needs_browser else prepared.fetch_failure()

    def analyse(self, page: PreparedPage) -> PageAudit:
        """Analyse a prepared (successfully fetched) page in the browser."""
        started = time.monotonic()
        refused = PageRequests()

        def result(
            status: PageStatus, error: str = "", findings: Sequence[FindingResult] = ()
        ) -> PageAudit:
            audit = page.result(status, error, findings, seconds=time.monotonic() - started)
            audit.blocked_requests = list(refused.blocked)
            return audit

        for attempt in (1, 2):
            refused = PageRequests()
            try:
                try:
                    findings = self._analyse(
                        page.fetched.final_url, page.page_key, page.allowed_hosts, refused
                    )
                    checks = self._browser_checks(page.page_key, page.allowed_hosts, refused)
                except Exception as error:
                    if refused.left_site and not isinstance(error, _LeftAllowedHosts):
                        raise _LeftAllowedHosts(refused.left_site) from error
                    raise
            except TimeoutException:
                # Chromium is in an unknown state after a timed-out load or script: replace it.
                self.close()
                return result(
                    PageStatus.TIMEOUT,
                    f"the page took longer than {self.config.PAGE_TIMEOUT:g} s to load and analyse",
                )
            except EngineError as error:
                return result(PageStatus.ERROR, str(error))
            except _RunawayDialogs as error:
                self.close()  # Its script may still be looping: the next page gets a new tab.
                return result(PageStatus.ERROR, str(error))
            except _LeftAllowedHosts as error:
                return result(
                    PageStatus.LEFT_SITE,
                    f"the page sent the browser to another site ({error}): the audit did not "
                    "follow it",
                )
            except BrowserUnavailable as error:
                self.close()
                if attempt == 1:
                    logger.warning("No browser for %s (%s): trying again.", page.target.url, error)
                    continue
                return result(PageStatus.ERROR, f"the browser could not start: {error}")
            except Exception as error:
                if is_browser_crash(error):
                    self.close()
                    if attempt == 1:
                        logger.warning(
                            "The browser crashed on %s (%s): trying again in a new browser.",
                            page.target.url,
                            error_summary(error),
                        )
                        continue
                    return result(PageStatus.ERROR, f"the browser crashed ({error_summary(error)})")
                if isinstance(error, WebDriverException):
                    message = error_summary(error)
                    if "net::ERR_" not in message:
                        # An unexpected browser error: don't trust this browser with the next
                        # page. (A network error is the page's, and leaves the browser fine.)
                        self.close()
                    return result(
                        PageStatus.ERROR, f"the browser could not load the page: {message}"
                    )
                raise
            return result(PageStatus.OK, findings=[*findings, *checks])
        raise AssertionError("unreachable")  # pragma: no cover

    def _browser_checks(
        self, page_key: str, allowed: Sequence[str], refused: PageRequests
    ) -> list[FindingResult]:
        """Clearway's browser rules on the page the engines have just analysed (same
        document)."""
        if not self.config.runs_browser_checks or self.driver is None:
            return []
        # The keyboard rules press keys on links: a navigation they cause is refused like any
        # other, but it is the audit's doing, not the page's, so it does not count as leaving.
        with self._guarded(allowed, refused, count_navigation=False):
            issues = run_browser_checks(self.driver, self.config)
        return [issue_to_finding(issue, page_key) for issue in issues]

    @contextlib.contextmanager
    def _guarded(
        self, allowed: Sequence[str], refused: PageRequests, *, count_navigation: bool = True
    ) -> Iterator[None]:
        """Check the browser's requests against ``allowed`` meanwhile; add what was refused
        to ``refused``."""
        if self.guard is None:
            yield
            return
        self.guard.begin(allowed)
        try:
            yield
        finally:
            now = self.guard.end()
            if count_navigation and not refused.left_site:
                refused.left_site = now.left_site
            refused.blocked.extend(now.blocked[: max(0, MAX_RECORDED - len(refused.blocked))])
            refused.refused += now.refused

    def _analyse(
        self, url: str, page_key: str, allowed: Sequence[str], refused: PageRequests
    ) -> list[FindingResult]:
        if self.driver is not None and self.pages_in_browser >= self.config.RESTART_EVERY:
            # A browser's memory grows over hundreds of pages: start afresh now and then.
            self.close()
        driver = self.start()
        self.pages_in_browser += 1
        with self._guarded(allowed, refused):
            return self._load_and_run_engines(driver, url, page_key, allowed)

    def _load_and_run_engines(
        self, driver: WebDriver, url: str, page_key: str, allowed: Sequence[str]
    ) -> list[FindingResult]:
        """Load ``url`` and run every engine on it, in order, in the same document; the
        findings merged (:func:`audit.engine.drivers.base.merge_findings`)."""
        with contextlib.suppress(UnexpectedAlertPresentException):
            # A dialog opened while the page loaded: accepted below, like any other.
            driver.get(url)
        for attempt in range(1, _DIALOG_ATTEMPTS + 1):
            try:
                # The page may have sent the browser elsewhere (a script, a meta refresh, a
                # redirect the fetch was not given): analyse only pages on allowed hosts.
                landed = driver.current_url
                if landed != url and not is_allowed(landed, allowed):
                    raise _LeftAllowedHosts(landed)
                findings = [
                    finding
                    for engine in self.engines
                    for finding in engine.run(driver, page_key)
                    if finding.rule not in self._disabled
                ]
                if self.guard is not None and self.guard.left_site():
                    raise _LeftAllowedHosts(self.guard.left_site())
                return merge_findings(findings)
            except UnexpectedAlertPresentException as error:
                # The browser accepts a dialog left open, but a second one (alert() then
                # confirm()) opening during a command fails that command: accept, try again.
                if attempt == _DIALOG_ATTEMPTS:
                    raise _RunawayDialogs(error.alert_text or "") from error
                with contextlib.suppress(WebDriverException):
                    driver.switch_to.alert.accept()
        raise AssertionError("unreachable")  # pragma: no cover


class _LeftAllowedHosts(Exception):
    pass


class _RunawayDialogs(Exception):
    """The page kept opening dialogs (alert() in a loop, say): nobody could use it."""

    def __init__(self, last_text: str) -> None:
        said = f" The last one said: {last_text[:100]!r}." if last_text else ""
        super().__init__(
            "the page kept opening dialogs (alert, confirm or prompt), so nobody could use it "
            f"and it could not be audited.{said}"
        )


@dataclass
class _WorkerFailure:
    error: BaseException


#: Pages prepared ahead of the browsers, per browser: enough to keep each busy, few enough
#: that a long run does not hold thousands of pages' HTML in memory.
_AHEAD_PER_BROWSER = 4


class AuditRunner:
    """Audits targets with up to ``WORKERS`` browsers and reports to a sink.

    ``allowed_hosts``: hosts redirects may lead to, besides each target's own host (default:
    ``ALLOWED_HOSTS``). Pass the hosts of the Wagtail sites when auditing them.
    ``previous``: where the results of unchanged pages are looked up (:mod:`audit.engine.reuse`);
    by default every page is analysed. ``content_checks``: content rules to run on each
    fetched page.
    """

    def __init__(
        self,
        config: AuditSettings,
        backend: BrowserBackend | None = None,
        *,
        allowed_hosts: Iterable[str] | None = None,
        previous: PreviousResults | None = None,
        content_checks: ContentChecks | None = None,
    ) -> None:
        self.config = config
        self.backend = backend or get_backend(config)
        self.allowed_hosts = tuple(config.ALLOWED_HOSTS if allowed_hosts is None else allowed_hosts)
        self.previous = previous
        self.content_checks = content_checks

    def run(
        self,
        targets: Iterable[AuditTarget],
        sink: Sink,
        *,
        configuration: Mapping[str, object] | None = None,
        skip_documents: Container[str] = (),
    ) -> RunSummary:
        """Audit every target; the summary lists the pages in the order of ``targets``.

        Sink calls: ``begin`` once, ``page`` as each page finishes (in finishing order), ``end``
        once, all from this thread (so a database sink, and ``previous``, use this thread's
        connection), one at a time. ``configuration`` is merged into the :class:`RunInfo`'s.

        Then the PDFs the pages link to (docs/documents.md) are checked, each once, but those
        that were targets themselves or are in ``skip_documents`` (recorded by an earlier
        attempt at the run, or by another batch of it), and reach the sink like pages.
        ``skip_documents`` is asked about each document just before it is checked, so a
        container that reads the database sees what other workers recorded meanwhile.

        Pages are fetched (and fingerprinted) by threads of their own ahead of the browsers;
        browsers start when the first page needs one, up to ``WORKERS``. A missing browser
        binary raises :class:`BrowserUnavailable` before ``begin`` (the sink hears nothing); a
        browser that fails to start is each affected page's error. A failing ``sink.page`` is
        logged and the run goes on (the other pages are worth having); after ``end``,
        :class:`SinkError` is raised so the caller knows a result was lost. An unexpected
        exception while auditing a page is logged and recorded as that page's error. An
        exception from ``begin`` or ``end`` (or Ctrl-C) stops the run and is raised as it is;
        the browsers are always quit.
        """
        targets = list(targets)
        # EngineScriptMissing now, not once per page.
        versions = engine_versions(browser_engines(self.config))
        self.backend.check()
        group = sink if isinstance(sink, SinkGroup) else SinkGroup(sink)
        workers = max(1, min(self.config.WORKERS, len(targets))) if targets else 0
        started_at = timezone.now()
        version = versions.get(Engine.AXE, "")
        reusing = self.previous is not None
        preparer = Preparer(
            self.config,
            self.allowed_hosts,
            assets=AssetFingerprints(self.config, self.allowed_hosts) if reusing else None,
            # Every engine's version, and which engines run, decide the results too.
            analysis_key=analysis_key(self.config, _engines_key(self.config, versions))
            if reusing
            else "",
            content_checks=self.content_checks,
        )
        group.begin(
            RunInfo(
                started_at=started_at,
                axe_version=version,
                total=len(targets),
                engine_versions=versions,
                configuration={
                    "tags": list(self.config.TAGS),
                    "disabled_rules": list(self.config.DISABLED_RULES),
                    "workers": workers,
                    "browser": self.backend.describe(),
                    "page_timeout": self.config.PAGE_TIMEOUT,
                    "axe_once_per_document": self.backend.supports_cdp,
                    "engines": list(self.config.ENGINES),
                    "engine_versions": versions,
                    "reuse_unchanged": reusing,
                    **(configuration or {}),
                },
            )
        )
        pages, sink_errors = _Pipeline(self, preparer, workers, group).run(targets)
        if self.config.runs_document_checks:
            targeted = {target.url for target in targets}
            pages.extend(self._audit_documents(pages, targeted, skip_documents, group, sink_errors))
        summary = RunSummary(
            started_at=started_at,
            finished_at=timezone.now(),
            axe_version=version,
            pages=pages,
            engine_versions=versions,
        )
        group.end(summary)
        if sink_errors:
            raise SinkError(
                f"{len(sink_errors)} result(s) could not be recorded; the first error was: "
                f"{sink_errors[0]!r}"
            ) from sink_errors[0]
        return summary

    def _audit_documents(
        self,
        pages: Sequence[PageAudit],
        targeted: set[str],
        skip: Container[str],
        sink: Sink,
        sink_errors: list[Exception],
    ) -> list[PageAudit]:
        """Check every PDF the pages link to, once, in the order they were met, but those
        ``targeted`` (audited as targets) or in ``skip`` when their turn comes."""
        urls = [url for page in pages for url in page.documents if url not in targeted]
        results = []
        for url in dict.fromkeys(urls):
            if url in skip:
                continue
            try:
                # On the hosts its page's links were allowed to: the run's and its own.
                result = audit_document(url, self.config, (*self.allowed_hosts, host_of(url)))
            except Exception as error:  # One odd document must not cost the run.
                logger.exception("Checking the document %s failed.", url)
                result = PageAudit(
                    url=url, status=PageStatus.ERROR, error=f"the audit failed: {error}"
                )
            results.append(result)
            try:
                sink.page(result)
            except Exception as error:
                logger.exception("A sink could not record %s.", url)
                sink_errors.append(error)
        return results


def _engines_key(config: AuditSettings, versions: Mapping[str, str]) -> str:
    """The engines a run uses and their versions, for :func:`analysis_key`."""
    return " ".join(
        [*(f"{name}:{version}" for name, version in sorted(versions.items())), *config.ENGINES]
    )


class _Pipeline:
    """One run's threads: preparers fetch pages ahead, browsers analyse those that need it.

    Nothing mutable is shared but queues and a semaphore: each browser session belongs to one
    thread, and results (and reuse look-ups) are handled by the thread that called ``run``.
    """

    def __init__(
        self, runner: AuditRunner, preparer: Preparer, workers: int, sink: SinkGroup
    ) -> None:
        self.runner = runner
        self.preparer = preparer
        self.workers = workers
        self.sink = sink
        self.stop = threading.Event()
        self.ahead = threading.BoundedSemaphore(max(1, workers) * _AHEAD_PER_BROWSER)
        self.events: queue.SimpleQueue[tuple[int, PreparedPage | PageAudit] | _WorkerFailure] = (
            queue.SimpleQueue()
        )
        self.browser_jobs: queue.SimpleQueue[tuple[int, PreparedPage] | None] = queue.SimpleQueue()
        self.threads: list[threading.Thread] = []
        self.browser_threads = 0
        self.queued_for_browser = 0

    def run(self, targets: list[AuditTarget]) -> tuple[list[PageAudit], list[Exception]]:
        self._start_preparers(targets)
        results: list[PageAudit | None] = [None] * len(targets)
        sink_errors: list[Exception] = []
        try:
            remaining = len(targets)
            while remaining:
                event = self._next_event()
                if event is None:
                    continue
                index, item = event
                page = self._finished(index, item)
                if page is None:
                    continue  # It went to a browser.
                results[index] = page
                remaining -= 1
                try:
                    self.sink.page(page)
                except Exception as error:
                    logger.exception("A sink could not record %s.", page.url)
                    sink_errors.append(error)
        finally:
            self._shut_down(len(targets))
        return [page for page in results if page is not None], sink_errors

    def _start_preparers(self, targets: list[AuditTarget]) -> None:
        work: queue.SimpleQueue[tuple[int, AuditTarget]] = queue.SimpleQueue()
        for numbered in enumerate(targets):
            work.put(numbered)
        # Fetching waits on the network, not the CPU: one more preparer than browsers keeps
        # the browsers fed while a slow page is fetched.
        for number in range(1, min(self.workers + 1, len(targets)) + 1):
            self._start(self._prepare_loop, work, name=f"clearway-prepare-{number}")

    def _next_event(self) -> tuple[int, PreparedPage | PageAudit] | None:
        """The next prepared or finished page; None after a quiet second. Raises a worker's
        failure, or when every worker has stopped with pages left."""
        try:
            event = self.events.get(timeout=1)
        except queue.Empty:
            if not any(thread.is_alive() for thread in self.threads):
                raise RuntimeError("The audit workers stopped with pages left.") from None
            return None
        if isinstance(event, _WorkerFailure):
            raise event.error
        return event

    def _finished(self, index: int, item: PreparedPage | PageAudit) -> PageAudit | None:
        """``item``'s result if it has one now; a page that needs a browser is queued for one
        (a browser thread is started if all are busy, up to ``workers``) and gives None."""
        if isinstance(item, PageAudit):
            return item
        page = self._settle(item)
        if page is not None:
            return page
        self.queued_for_browser += 1
        self.browser_jobs.put((index, item))
        if self.browser_threads < min(self.workers, self.queued_for_browser):
            self.browser_threads += 1
            self._start(self._browser_loop, name=f"clearway-audit-{self.browser_threads}")
        return None

    def _shut_down(self, pages: int) -> None:
        # On an error or Ctrl-C, workers finish their current page, then quit their browsers.
        self.stop.set()
        for index in range(pages):  # Nothing waits for pages that will not come.
            self.preparer.settle(index)
        for _ in range(self.browser_threads):
            self.browser_jobs.put(None)
        for thread in self.threads:
            thread.join()

    def _settle(self, page: PreparedPage) -> PageAudit | None:
        """The page's result when no browser is needed (a failed fetch, unchanged content)."""
        if not page.needs_browser:
            self.ahead.release()
            return page.fetch_failure()
        previous = self.runner.previous
        if previous is None or not page.fingerprint:
            return None
        found = previous.find(page.target, page.fingerprint)
        if found is None:
            return None
        self.ahead.release()
        # Content rules ran afresh on the fetched HTML (some depend on other pages).
        browser_findings = [finding for finding in found if not is_content_rule(finding.rule)]
        return page.result(PageStatus.OK, findings=browser_findings, reused=True)

    def _start(self, target: Callable[..., None], *args: Any, name: str) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self.threads.append(thread)
        thread.start()

    def _prepare_loop(self, work: queue.SimpleQueue[tuple[int, AuditTarget]]) -> None:
        try:
            while not self.stop.is_set():
                if not self.ahead.acquire(timeout=0.5):
                    continue
                try:
                    index, target = work.get_nowait()
                except queue.Empty:
                    self.ahead.release()
                    return
                try:
                    prepared = _prepare_one(self.preparer, target, index)
                finally:
                    self.preparer.settle(index)
                if isinstance(prepared, PageAudit):
                    self.ahead.release()  # A bug while preparing: settled, no browser.
                self.events.put((index, prepared))
        except BaseException as error:
            self.events.put(_WorkerFailure(error))

    def _browser_loop(self) -> None:
        session = BrowserSession(
            self.runner.config, self.runner.backend, allowed_hosts=self.runner.allowed_hosts
        )
        try:
            while not self.stop.is_set():
                job = self.browser_jobs.get()
                if job is None:
                    return
                index, page = job
                try:
                    self.events.put((index, _analyse_one(session, page)))
                finally:
                    self.ahead.release()
        except BaseException as error:
            self.events.put(_WorkerFailure(error))
        finally:
            session.close()


def _prepare_one(preparer: Preparer, target: AuditTarget, order: int) -> PreparedPage | PageAudit:
    """``preparer.prepare``, with a bug on one page recorded as that page's error."""
    started = time.monotonic()
    try:
        return preparer.prepare(target, order=order)
    except Exception as error:
        logger.exception("Preparing %s failed.", target.url)
        return PageAudit(
            url=target.url,
            status=PageStatus.ERROR,
            error=f"the audit failed: {error_summary(error)}",
            duration=time.monotonic() - started,
            page_id=target.page_id,
        )


def _analyse_one(session: BrowserSession, page: PreparedPage) -> PageAudit:
    """``session.analyse``, with a bug on one page recorded as that page's error: one odd page
    must not cost a night's run."""
    started = time.monotonic()
    try:
        return session.analyse(page)
    except Exception as error:
        logger.exception("Auditing %s failed.", page.target.url)
        session.close()  # Whatever state the browser is in, don't carry it to the next page.
        return page.result(
            PageStatus.ERROR,
            f"the audit failed: {error_summary(error)}",
            seconds=time.monotonic() - started,
        )


def _quit(driver: WebDriver) -> None:
    try:
        driver.quit()
    except Exception as error:
        # A dead browser's quit fails; the backend has cleaned up what it can.
        logger.debug("Quitting the browser failed: %s", error)
