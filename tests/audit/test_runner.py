"""Browser sessions and the runner, in real headless Chromium against a local server.

One module-wide session serves most tests (a browser takes a second or two to start); tests
that need other settings or that break browsers start their own.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.conf import AuditSettings
from audit.core.enums import Impact, Level, Outcome, PageStatus
from audit.engine.browsers import BrowserUnavailable, ChromiumDriver, LocalChromium
from audit.engine.drivers import axe as axe_driver
from audit.engine.runner import AuditRunner, BrowserSession, SinkError
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import RunInfo, RunSummary, Sink

from .conftest import LocalSite

pytestmark = pytest.mark.browser

# Short, so the tests of hanging pages are quick; long enough for a clean page on a busy machine.
TIMEOUT = 8.0

CLEAN = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bin collections</title></head>
<body><main><h1>Bin collections</h1><p>We collect bins every week.</p></main></body>
</html>"""

BARRIERS = """<!doctype html>
<html>
<head>
<meta charset="utf-8"><title>Report a missed bin</title>
<style>.faint { color: #aaa; background: #fff; }</style>
</head>
<body>
<main>
<h1>Report a missed bin</h1>
{extra}
<img src="/lorry.png">
<form action="/report"><input type="text" name="postcode"><button>Find</button></form>
<p class="faint">Reports close at 5pm.</p>
</main>
</body>
</html>"""


def barriers(extra: str = "") -> str:
    return BARRIERS.replace("{extra}", extra)


def settings(**overrides: object) -> AuditSettings:
    values: dict[str, object] = {"PAGE_TIMEOUT": TIMEOUT, "MAX_PAGE_BYTES": 200_000, "WORKERS": 1}
    values.update(overrides)
    return AuditSettings(**values)  # type: ignore[arg-type]


class RecordingChromium(LocalChromium):
    """LocalChromium that remembers its drivers, so a test can kill this backend's browsers
    and nobody else's."""

    def __init__(self, config: AuditSettings) -> None:
        super().__init__(config)
        self.drivers: list[ChromiumDriver] = []

    def create_driver(self) -> WebDriver:
        driver = super().create_driver()
        assert isinstance(driver, ChromiumDriver)
        self.drivers.append(driver)
        return driver

    def kill_browser(self) -> None:
        """SIGKILL the newest browser's Chromium processes, as a crash would."""
        for pid in self.drivers[-1].browser_pids():
            with contextlib.suppress(OSError):  # Exited meanwhile.
                os.kill(pid, signal.SIGKILL)


class NoCdpChromium(LocalChromium):
    supports_cdp = False


@pytest.fixture(scope="module")
def session() -> Iterator[BrowserSession]:
    with BrowserSession(settings()) as session:
        session.start()
        yield session


def from_browser(site: LocalSite, path: str) -> int:
    """How many times the browser (not the pre-flight fetch) requested ``path``."""
    return sum(1 for requested, agent in site.requests if requested == path and "Chrome" in agent)


def summary_of(page: PageAudit) -> set[tuple[str, str, str]]:
    return {(f.rule, f.outcome, f.fingerprint) for f in page.findings}


# One page at a time -------------------------------------------------------------------------


def test_a_clean_page_has_no_findings(session: BrowserSession, local_site: LocalSite) -> None:
    url = local_site.route("/bins", CLEAN)

    page = session.audit(AuditTarget(url, page_id=7))

    assert page.status == PageStatus.OK, page.error
    assert page.error == ""
    assert page.http_status == 200
    assert page.url == url
    assert page.page_id == 7
    assert page.findings == []
    assert page.duration > 0
    assert session.axe.once_per_document


def test_known_barriers_are_found(session: BrowserSession, local_site: LocalSite) -> None:
    url = local_site.route("/missed-bin", barriers())

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    found = {finding.rule: finding for finding in page.violations}
    assert set(found) == {"image-alt", "label", "color-contrast", "html-has-lang"}
    expected = {
        # rule: (success criteria, level, impact, selector)
        "image-alt": (("1.1.1",), Level.A, Impact.CRITICAL, "img"),
        "label": (("4.1.2",), Level.A, Impact.CRITICAL, "input"),
        "color-contrast": (("1.4.3",), Level.AA, Impact.SERIOUS, "p"),
        "html-has-lang": (("3.1.1",), Level.A, Impact.SERIOUS, "html"),
    }
    for rule, (wcag, level, impact, selector) in expected.items():
        finding = found[rule]
        assert (finding.wcag, finding.level, finding.impact, finding.selector) == (
            wcag,
            level,
            impact,
            selector,
        ), rule
        assert finding.outcome == Outcome.VIOLATION
        assert finding.help_url.startswith("https://dequeuniversity.com/rules/axe/")
        assert finding.message
        assert len(finding.fingerprint) == 32
    assert found["image-alt"].html == '<img src="/lorry.png">'
    assert "page:" not in found["image-alt"].fingerprint


def test_fingerprints_are_stable_across_runs(
    session: BrowserSession, local_site: LocalSite
) -> None:
    url = local_site.route("/missed-bin", barriers())

    before = session.audit(AuditTarget(url, page_id=12))
    again = session.audit(AuditTarget(url, page_id=12))

    assert len(before.violations) == 4
    assert summary_of(before) == summary_of(again)


def test_positions_do_not_change_fingerprints(
    session: BrowserSession, local_site: LocalSite
) -> None:
    # Two identical forms: axe tells their inputs apart by position (:nth-child), which the
    # fingerprint ignores; a new element above shifts the positions.
    form = '<form action="/search"><input type="text" name="q"><button>Go</button></form>'
    page = f"<!doctype html><html lang='en'><title>x</title><main><h1>x</h1>{{}}{form}{form}</main>"
    url = local_site.route("/search", page.format(""))
    before = session.audit(AuditTarget(url, page_id=13))
    local_site.route("/search", page.format("<div>New: search the archive.</div>"))
    after = session.audit(AuditTarget(url, page_id=13))

    # Both inputs have the same fingerprint, so they are one finding.
    (label_before,) = [f for f in before.violations if f.rule == "label"]
    (label_after,) = [f for f in after.violations if f.rule == "label"]
    assert ":nth-child" in label_before.selector
    assert label_before.selector != label_after.selector
    assert summary_of(before) == summary_of(after)


def test_fingerprints_survive_an_unrelated_paragraph(
    session: BrowserSession, local_site: LocalSite
) -> None:
    url = local_site.route("/missed-bin", barriers())
    before = session.audit(AuditTarget(url, page_id=12))
    local_site.route("/missed-bin", barriers("<p>New: garden waste collections resume.</p>"))
    after = session.audit(AuditTarget(url, page_id=12))

    assert summary_of(before) == summary_of(after)


def test_a_page_that_replaces_window_axe_is_still_audited(
    session: BrowserSession, local_site: LocalSite
) -> None:
    url = local_site.route(
        "/own-axe", CLEAN.replace("</main>", "</main><script>window.axe = 'mine';</script>")
    )

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    assert page.findings == []


def test_a_page_that_shows_dialogs_is_audited(
    session: BrowserSession, local_site: LocalSite
) -> None:
    script = "alert('Cookies?'); confirm('Sure?'); window.onbeforeunload = () => 'Leave?';"
    url = local_site.route(
        "/dialogs", CLEAN.replace("</main>", f"</main><script>{script}</script>")
    )
    after = local_site.route("/after-dialogs", CLEAN)

    page = session.audit(AuditTarget(url))
    next_page = session.audit(AuditTarget(after))

    assert page.status == PageStatus.OK, page.error
    assert next_page.status == PageStatus.OK, next_page.error


def test_a_page_that_opens_dialogs_in_a_loop_is_an_error_in_plain_words(
    session: BrowserSession, local_site: LocalSite
) -> None:
    url = local_site.route(
        "/alert-loop",
        CLEAN.replace("</main>", "</main><script>while (true) { alert('Again!'); }</script>"),
    )
    after = local_site.route("/after-loop", CLEAN)

    page = session.audit(AuditTarget(url))
    next_page = session.audit(AuditTarget(after))

    assert page.status == PageStatus.ERROR
    assert page.error.startswith("the page kept opening dialogs (alert, confirm or prompt)")
    assert "'Again!'" in page.error
    assert "unexpected alert open" not in page.error  # no raw Selenium text
    assert next_page.status == PageStatus.OK, next_page.error


def test_an_axe_failure_is_an_error(session: BrowserSession, local_site: LocalSite) -> None:
    script = "window.axe = {run: () => Promise.reject(new Error('boom'))};"
    url = local_site.route(
        "/broken-axe", CLEAN.replace("</main>", f"</main><script>{script}</script>")
    )

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.ERROR
    assert page.error == "axe-core failed: boom"


def test_an_error_status_is_not_analysed(session: BrowserSession, local_site: LocalSite) -> None:
    url = local_site.route("/broken", "<h1>Server error</h1>", status=500)

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.ERROR
    assert page.http_status == 500
    assert page.error == "HTTP 500 Internal Server Error"
    assert page.findings == []
    assert from_browser(local_site, "/broken") == 0


def test_a_pdf_is_not_analysed(session: BrowserSession, local_site: LocalSite) -> None:
    # Checked as a document instead, without the browser (tests/audit/test_documents.py).
    url = local_site.route("/report.pdf", b"%PDF-1.7", content_type="application/pdf")

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.ERROR
    assert page.error.startswith("document not checked: a damaged PDF that could not be read")
    assert page.http_status == 200
    assert from_browser(local_site, "/report.pdf") == 0


def test_a_redirect_loop_is_an_error(session: BrowserSession, local_site: LocalSite) -> None:
    url = local_site.route("/a", status=302, headers={"Location": "/b"})
    local_site.route("/b", status=302, headers={"Location": "/a"})

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.ERROR
    assert page.error.startswith("redirect loop: ")


def test_a_redirect_to_another_host_is_an_error(
    session: BrowserSession, local_site: LocalSite
) -> None:
    local_site.route("/elsewhere", CLEAN)
    url = local_site.route(
        "/away", status=302, headers={"Location": local_site.url("/elsewhere", host="localhost")}
    )

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.ERROR
    assert "not on an allowed host" in page.error
    assert local_site.requested("/elsewhere") == 0


def test_a_script_redirect_to_another_host_is_refused_in_the_browser(
    session: BrowserSession, local_site: LocalSite
) -> None:
    local_site.route("/elsewhere", CLEAN)
    target = local_site.url("/elsewhere", host="localhost")
    url = local_site.route(
        "/scripted",
        CLEAN.replace("</main>", f"</main><script>location.href = '{target}';</script>"),
    )

    page = session.audit(AuditTarget(url))

    # Refused in the browser before it was sent (issue 12): the other host heard nothing.
    assert page.status == PageStatus.LEFT_SITE
    assert page.error.startswith(f"the page sent the browser to another site ({target})")
    assert local_site.requested("/elsewhere") == 0


def test_a_redirect_within_the_site_is_followed(
    session: BrowserSession, local_site: LocalSite
) -> None:
    local_site.route("/new", CLEAN)
    url = local_site.route("/old", status=301, headers={"Location": "/new"})

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    assert page.url == url


def test_a_page_too_large_is_not_analysed(session: BrowserSession, local_site: LocalSite) -> None:
    url = local_site.route("/huge", CLEAN.replace("<p>", "<p>" + "words " * 50_000))

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.ERROR
    assert page.error.startswith("page too large: ")
    assert from_browser(local_site, "/huge") == 0


def test_a_page_that_never_answers_times_out_without_the_browser(
    session: BrowserSession, local_site: LocalSite
) -> None:
    url = local_site.route("/hangs", CLEAN, delay=30)
    started = time.monotonic()

    page = session.audit(AuditTarget(url))

    assert time.monotonic() - started < TIMEOUT + 5  # Not the 30 s the server takes.
    assert page.status == PageStatus.TIMEOUT
    assert page.error == f"timed out after {TIMEOUT:g} s"
    assert from_browser(local_site, "/hangs") == 0


def test_a_page_that_never_finishes_loading_times_out_and_the_browser_is_replaced(
    session: BrowserSession, local_site: LocalSite
) -> None:
    # The HTML arrives at once, so the fetch passes; an image never does, so the load event
    # never fires in the browser.
    local_site.route("/never.png", b"", content_type="image/png", delay=30)
    url = local_site.route(
        "/stuck", CLEAN.replace("</main>", '</main><img src="/never.png" alt="">')
    )
    next_url = local_site.route("/next", CLEAN)
    browsers = session.browsers_started

    page = session.audit(AuditTarget(url))
    after = session.audit(AuditTarget(next_url))

    assert page.status == PageStatus.TIMEOUT
    assert page.error == f"the page took longer than {TIMEOUT:g} s to load and analyse"
    assert page.duration < TIMEOUT + 10  # Not the 30 s the image takes.
    assert after.status == PageStatus.OK, after.error
    assert session.browsers_started == browsers + 1


# Crashes ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crash_session() -> Iterator[tuple[BrowserSession, RecordingChromium]]:
    """A session whose browsers the crash tests may kill (the shared one stays healthy)."""
    config = settings()
    backend = RecordingChromium(config)
    with BrowserSession(config, backend) as session:
        session.start()
        yield session, backend


def test_a_killed_browser_is_replaced_and_the_page_retried(
    crash_session: tuple[BrowserSession, RecordingChromium], local_site: LocalSite
) -> None:
    session, backend = crash_session
    url = local_site.route("/missed-bin", barriers())
    browsers = session.browsers_started
    old = backend.drivers[-1]

    backend.kill_browser()
    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    assert len(page.violations) == 4
    assert session.browsers_started == browsers + 1
    # The dead browser's processes and profile are gone.
    assert old.browser_pids() == []
    assert not old.profile_dir.exists()


def test_a_killed_chromedriver_is_replaced_and_the_page_retried(
    crash_session: tuple[BrowserSession, RecordingChromium], local_site: LocalSite
) -> None:
    session, backend = crash_session
    url = local_site.route("/bins", CLEAN)
    session.start()
    browsers = session.browsers_started
    old = backend.drivers[-1]

    old.service.process.kill()
    old.service.process.wait()
    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    assert session.browsers_started == browsers + 1
    # chromedriver's orphaned Chromium was killed with it.
    assert old.browser_pids() == []


def test_a_page_that_crashes_every_browser_is_an_error(
    crash_session: tuple[BrowserSession, RecordingChromium], local_site: LocalSite
) -> None:
    session, backend = crash_session

    def crash(request: BaseHTTPRequestHandler) -> None:
        if "Chrome" in request.headers.get("User-Agent", ""):
            backend.kill_browser()

    url = local_site.route("/crashes", CLEAN, on_request=crash)
    fine = local_site.route("/fine", CLEAN)
    session.start()
    browsers = session.browsers_started

    page = session.audit(AuditTarget(url))
    after = session.audit(AuditTarget(fine))

    assert page.status == PageStatus.ERROR
    assert page.error.startswith("the browser crashed (")
    assert from_browser(local_site, "/crashes") == 2
    assert after.status == PageStatus.OK, after.error
    assert session.browsers_started == browsers + 2


# Other settings -----------------------------------------------------------------------------


def test_without_cdp_axe_is_injected_per_page_with_the_same_results(
    session: BrowserSession, local_site: LocalSite
) -> None:
    urls = [
        local_site.route("/one", barriers()),
        local_site.route("/two", CLEAN),
        local_site.route("/three", barriers("<p>More</p>")),
    ]
    with_cdp = [session.audit(AuditTarget(url)) for url in urls]
    # IBM's contrast rule too: with axe's switched off, IBM's would be a finding of its own.
    config = settings(
        RESTART_EVERY=2, DISABLED_RULES=("color-contrast", "text_contrast_sufficient")
    )

    with BrowserSession(config, NoCdpChromium(config)) as plain:
        without = [plain.audit(AuditTarget(url)) for url in urls]
        assert not plain.axe.once_per_document
        # RESTART_EVERY=2: a second browser for the third page.
        assert plain.browsers_started == 2

    for cdp_page, plain_page in zip(with_cdp, without, strict=True):
        assert plain_page.status == PageStatus.OK, plain_page.error
        expected = {f for f in summary_of(cdp_page) if f[0] != "color-contrast"}
        assert summary_of(plain_page) == expected
    assert any(f.rule == "color-contrast" for f in with_cdp[0].findings)


# The runner ---------------------------------------------------------------------------------


class RecordingSink(Sink):
    def __init__(self, fail_on: str = "") -> None:
        self.calls: list[tuple[str, object]] = []
        self.threads: set[str] = set()
        self.fail_on = fail_on

    def begin(self, info: RunInfo) -> None:
        self.calls.append(("begin", info))

    def page(self, result: PageAudit) -> None:
        self.threads.add(threading.current_thread().name)
        self.calls.append(("page", result))
        if self.fail_on and result.url.endswith(self.fail_on):
            raise RuntimeError("the database is down")

    def end(self, summary: RunSummary) -> None:
        self.calls.append(("end", summary))


def pages_of(site: LocalSite, count: int) -> list[AuditTarget]:
    targets = []
    for number in range(count):
        body = barriers(f"<p>Page {number}</p>") if number % 2 else CLEAN
        targets.append(AuditTarget(site.route(f"/page-{number}", body), page_id=100 + number))
    return targets


def test_two_workers_find_what_one_finds(local_site: LocalSite) -> None:
    targets = pages_of(local_site, 10)
    targets.insert(3, AuditTarget(local_site.route("/gone", "", status=404)))

    one = RecordingSink()
    single = AuditRunner(settings(WORKERS=1)).run(targets, one)
    two = RecordingSink()
    double = AuditRunner(settings(WORKERS=2)).run(targets, two, configuration={"urls": "given"})

    for summary in (single, double):
        assert [page.url for page in summary.pages] == [target.url for target in targets]
        assert summary.errors == 1
        assert summary.violations == 5 * 4
    assert [summary_of(page) for page in single.pages] == [
        summary_of(page) for page in double.pages
    ]
    # The sink heard begin, every page, then end, all from the calling thread.
    for sink, summary, workers in ((one, single, 1), (two, double, 2)):
        kinds = [kind for kind, _ in sink.calls]
        assert kinds == ["begin"] + ["page"] * len(targets) + ["end"]
        info = sink.calls[0][1]
        assert isinstance(info, RunInfo)
        assert info.total == len(targets)
        assert info.configuration["workers"] == workers
        assert info.axe_version.count(".") == 2
        assert sink.calls[-1][1] is summary
        assert sink.threads == {threading.current_thread().name}
    assert two.calls[0][1].configuration["urls"] == "given"  # type: ignore[union-attr]


def test_a_run_survives_a_killed_browser_a_failing_sink_and_a_bug(
    local_site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = settings()
    backend = RecordingChromium(config)
    killed = threading.Event()

    def crash_once(request: BaseHTTPRequestHandler) -> None:
        if "Chrome" in request.headers.get("User-Agent", "") and not killed.is_set():
            killed.set()
            backend.kill_browser()

    targets = pages_of(local_site, 5)
    local_site.route("/page-2", CLEAN, on_request=crash_once)
    sink = RecordingSink(fail_on="/page-1")
    normalise = axe_driver.findings_from_results

    def buggy(results: dict[str, Any], page_key: str) -> list[FindingResult]:
        if page_key == "page:104":
            raise KeyError("nodes")
        return normalise(results, page_key)

    monkeypatch.setattr(axe_driver, "findings_from_results", buggy)

    with pytest.raises(SinkError, match="1 result") as raised:
        AuditRunner(config, backend).run(targets, sink)

    # The sink's error is raised after the run ends, with every page audited and reported.
    assert isinstance(raised.value.__cause__, RuntimeError)
    assert [kind for kind, _ in sink.calls] == ["begin"] + ["page"] * 5 + ["end"]
    summary = sink.calls[-1][1]
    assert isinstance(summary, RunSummary)
    assert [page.status for page in summary.pages] == [PageStatus.OK] * 4 + [PageStatus.ERROR]
    # A bug on one page is that page's error, not the run's end.
    assert summary.pages[4].error == "the audit failed: 'nodes'"
    # Page 2 killed the first browser and was audited again in a second one.
    assert killed.is_set()
    assert from_browser(local_site, "/page-2") == 2
    # Page 4's bug replaced the second browser too, to be safe.
    assert len(backend.drivers) == 2
    assert all(driver.browser_pids() == [] for driver in backend.drivers)


def test_no_targets(local_site: LocalSite) -> None:
    sink = RecordingSink()

    summary = AuditRunner(settings()).run([], sink)

    assert summary.pages == []
    assert [kind for kind, _ in sink.calls] == ["begin", "end"]


def test_no_browser_no_run() -> None:
    sink = RecordingSink()
    config = settings(CHROMIUM_BINARY="/nonexistent/chromium")

    with pytest.raises(BrowserUnavailable, match="Chromium was not found at /nonexistent"):
        AuditRunner(config).run([AuditTarget("http://127.0.0.1:9/")], sink)

    assert sink.calls == []
