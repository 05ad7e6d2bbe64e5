"""Auditing URLs in headless Chromium: one browser session per worker thread.

:class:`BrowserSession` audits one URL at a time in one long-lived browser: a pre-flight fetch
(:mod:`audit.fetch`), then the browser loads the page and axe-core (installed once per browser,
:mod:`audit.axe_driver`) analyses it. A page that times out gets a new browser before the next
page (Chromium is in an unknown state after a timed-out load); a page whose browser crashes is
tried once more on a new browser; every ``RESTART_EVERY`` pages the browser is replaced to bound
its memory.

:class:`AuditRunner` runs a list of targets through ``WORKERS`` sessions, each owned by one
thread; nothing mutable is shared between them but two queues. Results reach the sink from the
thread that called :meth:`AuditRunner.run`, as each page finishes; see its docstring for the
order of calls and for what happens when a sink fails.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import queue
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import urllib3.exceptions
from django.utils import timezone
from selenium.common.exceptions import (
    InvalidSessionIdException,
    NoSuchWindowException,
    TimeoutException,
    UnexpectedAlertPresentException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver

from .axe import axe_version, findings_from_results, load_script, run_options
from .axe_driver import AxeError, ClearwayAxe
from .browsers import BrowserBackend, BrowserUnavailable, error_summary, get_backend
from .conf import AuditSettings
from .enums import PageStatus
from .fetch import FetchProblem, fetch_page
from .fingerprints import page_key as make_page_key
from .results import AuditTarget, FindingResult, PageAudit
from .sinks import RunInfo, RunSummary, Sink, SinkGroup
from .urls import host_of, is_allowed

logger = logging.getLogger(__name__)

#: Fragments of chromedriver's messages when the browser, its tab or its connection is gone.
CRASH_MARKERS = (
    "invalid session id",
    "chrome not reachable",
    "disconnected",
    "session deleted",
    "no such window",
    "tab crashed",
    "target crashed",
    "target window already closed",
)


#: Dialogs in a row a page may open before it is recorded as an error.
_DIALOG_ATTEMPTS = 5


class SinkError(RuntimeError):
    """One or more sink calls failed during a run; the run itself went to the end."""


def is_browser_crash(error: BaseException) -> bool:
    """Whether ``error`` means the browser (or chromedriver) died, rather than the page failed."""
    if isinstance(error, InvalidSessionIdException | NoSuchWindowException):
        return True
    if isinstance(error, WebDriverException):
        message = (error.msg or str(error)).lower()
        if "net::err_" in message:
            return False  # The page's network error (ERR_INTERNET_DISCONNECTED, say).
        return any(marker in message for marker in CRASH_MARKERS)
    # chromedriver itself is gone: Selenium lets urllib3's connection errors through.
    return isinstance(
        error, urllib3.exceptions.HTTPError | ConnectionError | http.client.HTTPException
    )


def axe_options(config: AuditSettings) -> dict[str, Any]:
    """``axe.run`` options for these settings.

    Disabled rules are filtered from the results rather than switched off in axe: axe throws on
    an unknown rule id in ``rules``, and a typo in the settings would fail every page.
    """
    return run_options(config.TAGS)


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
        self.axe = ClearwayAxe(config.AXE_SCRIPT, axe_options(config))
        self.driver: WebDriver | None = None
        #: Pages loaded in the current browser, for RESTART_EVERY.
        self.pages_in_browser = 0
        #: Browsers started so far (the first one included).
        self.browsers_started = 0
        self._disabled = frozenset(config.DISABLED_RULES)

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
            try:
                driver.set_page_load_timeout(self.config.PAGE_TIMEOUT)
                driver.set_script_timeout(self.config.PAGE_TIMEOUT)
                self.axe.install(driver, use_cdp=self.backend.supports_cdp)
            except BaseException:
                _quit(driver)
                raise
            self.driver = driver
            self.pages_in_browser = 0
            self.browsers_started += 1
        return self.driver

    def close(self) -> None:
        """Quit the browser, if any. The session starts a new one if used again."""
        driver, self.driver = self.driver, None
        if driver is not None:
            _quit(driver)

    def audit(self, target: AuditTarget, page_key: str | None = None) -> PageAudit:
        """Audit one URL. Every failure is in the returned :class:`PageAudit`, never raised.

        ``page_key`` identifies the page in fingerprints (default: ``page:<id>`` for a
        Wagtail page, else the URL as given, whatever it redirects to).
        """
        started = time.monotonic()
        key = page_key or make_page_key(target.url, target.page_id)
        allowed = (*self.allowed_hosts, host_of(target.url))
        fetched = fetch_page(target.url, self.config, allowed)

        def result(
            status: PageStatus, error: str = "", findings: Sequence[FindingResult] = ()
        ) -> PageAudit:
            return PageAudit(
                url=target.url,
                status=status,
                http_status=fetched.status,
                error=error,
                findings=list(findings),
                duration=time.monotonic() - started,
                page_id=target.page_id,
            )

        if not fetched.ok:
            timed_out = fetched.error_kind == FetchProblem.TIMEOUT
            return result(PageStatus.TIMEOUT if timed_out else PageStatus.ERROR, fetched.error)

        for attempt in (1, 2):
            try:
                results = self._analyse(fetched.final_url, allowed)
            except TimeoutException:
                # Chromium is in an unknown state after a timed-out load or script: replace it.
                self.close()
                return result(
                    PageStatus.TIMEOUT,
                    f"the page took longer than {self.config.PAGE_TIMEOUT:g} s to load and analyse",
                )
            except AxeError as error:
                return result(PageStatus.ERROR, str(error))
            except _LeftAllowedHosts as error:
                return result(PageStatus.ERROR, str(error))
            except BrowserUnavailable as error:
                self.close()
                if attempt == 1:
                    logger.warning("No browser for %s (%s): trying again.", target.url, error)
                    continue
                return result(PageStatus.ERROR, f"the browser could not start: {error}")
            except Exception as error:
                if is_browser_crash(error):
                    self.close()
                    if attempt == 1:
                        logger.warning(
                            "The browser crashed on %s (%s): trying again in a new browser.",
                            target.url,
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
            findings = findings_from_results(results, key)
            return result(
                PageStatus.OK, findings=[f for f in findings if f.rule not in self._disabled]
            )
        raise AssertionError("unreachable")  # pragma: no cover

    def _analyse(self, url: str, allowed: Sequence[str]) -> dict[str, Any]:
        if self.driver is not None and self.pages_in_browser >= self.config.RESTART_EVERY:
            # A browser's memory grows over hundreds of pages: start afresh now and then.
            self.close()
        driver = self.start()
        self.pages_in_browser += 1
        driver.get(url)
        for attempt in range(1, _DIALOG_ATTEMPTS + 1):
            try:
                # The page may have sent the browser elsewhere (a script, a meta refresh, a
                # redirect the fetch was not given): analyse only pages on allowed hosts.
                landed = driver.current_url
                if landed != url and not is_allowed(landed, allowed):
                    raise _LeftAllowedHosts(
                        f"the page sent the browser to a disallowed host ({landed})"
                    )
                return self.axe.run()
            except UnexpectedAlertPresentException:
                # The browser accepts a dialog left open, but a second one (alert() then
                # confirm()) opening during a command fails that command: accept, try again.
                if attempt == _DIALOG_ATTEMPTS:
                    raise
                with contextlib.suppress(WebDriverException):
                    driver.switch_to.alert.accept()
        raise AssertionError("unreachable")  # pragma: no cover


class _LeftAllowedHosts(Exception):
    pass


@dataclass
class _WorkerFailure:
    error: BaseException


class AuditRunner:
    """Audits targets with ``WORKERS`` browsers and reports to a sink.

    ``allowed_hosts``: hosts redirects may lead to, besides each target's own host (default:
    ``ALLOWED_HOSTS``). Pass the hosts of the Wagtail sites when auditing them.
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
        self.allowed_hosts = tuple(config.ALLOWED_HOSTS if allowed_hosts is None else allowed_hosts)

    def run(
        self,
        targets: Iterable[AuditTarget],
        sink: Sink,
        *,
        configuration: Mapping[str, object] | None = None,
    ) -> RunSummary:
        """Audit every target; the summary lists the pages in the order of ``targets``.

        Sink calls: ``begin`` once, ``page`` as each page finishes (in finishing order), ``end``
        once, all from this thread (so a database sink uses this thread's connection), one at a
        time. ``configuration`` is merged into the :class:`RunInfo`'s.

        Before ``begin``, the browsers are started: when none can be, :class:`BrowserUnavailable`
        is raised and the sink hears nothing. A failing ``sink.page`` is logged and the run goes
        on (the other pages are worth having); after ``end``, :class:`SinkError` is raised so the
        caller knows a result was lost. An unexpected exception while auditing a page is logged
        and recorded as that page's error. An exception from ``begin`` or ``end`` (or Ctrl-C)
        stops the run and is raised as it is; the browsers are always quit.
        """
        targets = list(targets)
        load_script(self.config.AXE_SCRIPT)  # AxeScriptMissing now, not once per page.
        self.backend.check()
        group = sink if isinstance(sink, SinkGroup) else SinkGroup(sink)
        count = max(1, min(self.config.WORKERS, len(targets))) if targets else 0
        sessions = self._start_sessions(count)
        try:
            started_at = timezone.now()
            version = axe_version(self.config.AXE_SCRIPT)
            info_configuration: dict[str, object] = {
                "tags": list(self.config.TAGS),
                "disabled_rules": list(self.config.DISABLED_RULES),
                "workers": count,
                "browser": self.backend.describe(),
                "page_timeout": self.config.PAGE_TIMEOUT,
                "axe_once_per_document": all(s.axe.once_per_document for s in sessions),
                **(configuration or {}),
            }
            group.begin(
                RunInfo(
                    started_at=started_at,
                    axe_version=version,
                    total=len(targets),
                    configuration=info_configuration,
                )
            )
            pages, sink_errors = self._audit_all(targets, sessions, group)
        finally:
            # Workers quit their own browsers; this covers a failure before they started.
            for session in sessions:
                session.close()
        summary = RunSummary(
            started_at=started_at,
            finished_at=timezone.now(),
            axe_version=version,
            pages=pages,
        )
        group.end(summary)
        if sink_errors:
            raise SinkError(
                f"{len(sink_errors)} result(s) could not be recorded; the first error was: "
                f"{sink_errors[0]!r}"
            ) from sink_errors[0]
        return summary

    def _start_sessions(self, count: int) -> list[BrowserSession]:
        """``count`` sessions with their browsers started, in parallel (each takes ~1 s)."""
        sessions = [
            BrowserSession(self.config, self.backend, allowed_hosts=self.allowed_hosts)
            for _ in range(count)
        ]
        errors: list[BaseException] = []

        def start(session: BrowserSession) -> None:
            try:
                session.start()
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=start, args=(session,)) for session in sessions]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            for session in sessions:
                session.close()
            if isinstance(errors[0], BrowserUnavailable):
                raise errors[0]
            raise BrowserUnavailable(f"The browser could not start: {errors[0]}") from errors[0]
        return sessions

    def _audit_all(
        self, targets: list[AuditTarget], sessions: list[BrowserSession], sink: Sink
    ) -> tuple[list[PageAudit], list[Exception]]:
        work: queue.SimpleQueue[tuple[int, AuditTarget]] = queue.SimpleQueue()
        for item in enumerate(targets):
            work.put(item)
        done: queue.SimpleQueue[tuple[int, PageAudit] | _WorkerFailure] = queue.SimpleQueue()
        stop = threading.Event()

        def worker(session: BrowserSession) -> None:
            try:
                while not stop.is_set():
                    try:
                        index, target = work.get_nowait()
                    except queue.Empty:
                        return
                    done.put((index, _audit_one(session, target)))
            except BaseException as error:
                done.put(_WorkerFailure(error))
            finally:
                session.close()

        threads = [
            threading.Thread(target=worker, args=(session,), name=f"clearway-audit-{number}")
            for number, session in enumerate(sessions, start=1)
        ]
        results: list[PageAudit | None] = [None] * len(targets)
        sink_errors: list[Exception] = []
        for thread in threads:
            thread.start()
        try:
            remaining = len(targets)
            while remaining:
                try:
                    item = done.get(timeout=1)
                except queue.Empty:
                    if not any(thread.is_alive() for thread in threads) and done.empty():
                        raise RuntimeError("The audit workers stopped with pages left.") from None
                    continue
                if isinstance(item, _WorkerFailure):
                    raise item.error
                index, page = item
                results[index] = page
                remaining -= 1
                try:
                    sink.page(page)
                except Exception as error:
                    logger.exception("A sink could not record %s.", page.url)
                    sink_errors.append(error)
        finally:
            # On an error or Ctrl-C, workers finish their current page, then quit their browsers.
            stop.set()
            for thread in threads:
                thread.join()
        return [page for page in results if page is not None], sink_errors


def _audit_one(session: BrowserSession, target: AuditTarget) -> PageAudit:
    """``session.audit``, with a bug on one page recorded as that page's error: one odd page
    must not cost a night's run."""
    started = time.monotonic()
    try:
        return session.audit(target)
    except Exception as error:
        logger.exception("Auditing %s failed.", target.url)
        session.close()  # Whatever state the browser is in, don't carry it to the next page.
        return PageAudit(
            url=target.url,
            status=PageStatus.ERROR,
            error=f"the audit failed: {error_summary(error)}",
            duration=time.monotonic() - started,
            page_id=target.page_id,
        )


def _quit(driver: WebDriver) -> None:
    try:
        driver.quit()
    except Exception as error:
        # A dead browser's quit fails; the backend has cleaned up what it can.
        logger.debug("Quitting the browser failed: %s", error)
