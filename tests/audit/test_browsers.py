"""Browser backends and axe-core's installation in them."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from selenium.common.exceptions import WebDriverException

from audit.core.conf import AuditSettings
from audit.core.enums import PageStatus
from audit.engine.browsers import (
    CHROMIUM_ARGUMENTS,
    BrowserBackend,
    BrowserUnavailable,
    ChromiumDriver,
    LocalChromium,
    RemoteWebDriver,
    chromium_options,
    get_backend,
)
from audit.engine.drivers.axe import ClearwayAxe
from audit.engine.drivers.axe_results import AxeScriptMissing, run_options
from audit.engine.runner import BrowserSession
from audit.results import AuditTarget

from .conftest import LocalSite
from .test_runner import BARRIERS, CLEAN, barriers, summary_of

CHROMEDRIVER = "/usr/bin/chromedriver"


def settings(**overrides: Any) -> AuditSettings:
    return AuditSettings(PAGE_TIMEOUT=5.0, **overrides)


# Choosing a backend -------------------------------------------------------------------------


class CustomBackend(BrowserBackend):
    pass


def test_the_default_backend_is_local_chromium() -> None:
    assert type(get_backend(settings())) is LocalChromium


def test_a_remote_url_chooses_the_remote_backend() -> None:
    config = settings(REMOTE_URL="http://grid:4444", BROWSER_BACKEND=f"{__name__}.CustomBackend")

    backend = get_backend(config)

    assert type(backend) is RemoteWebDriver
    assert backend.config is config


def test_a_backend_by_dotted_path() -> None:
    assert type(get_backend(settings(BROWSER_BACKEND=f"{__name__}.CustomBackend"))) is (
        CustomBackend
    )


def test_a_backend_must_be_a_backend() -> None:
    with pytest.raises(BrowserUnavailable, match="is not a BrowserBackend subclass"):
        get_backend(settings(BROWSER_BACKEND="audit.core.conf.AuditSettings"))
    with pytest.raises(ImportError):
        get_backend(settings(BROWSER_BACKEND="audit.nothing.Here"))


def test_chromium_options() -> None:
    options = chromium_options(settings(WINDOW_WIDTH=800, WINDOW_HEIGHT=600))

    assert options.binary_location == "/usr/bin/chromium"
    assert options.arguments == [*CHROMIUM_ARGUMENTS, "--window-size=800,600"]
    assert "--headless=new" in options.arguments
    assert options.unhandled_prompt_behavior == "accept"
    assert chromium_options(settings(CHROMIUM_BINARY="")).binary_location == ""


def test_network_prediction_is_off_and_extra_preferences_add_to_it() -> None:
    # Speculative connections hold a sync server's workers until they time out.
    prefs = chromium_options(settings()).experimental_options["prefs"]
    assert prefs["net.network_prediction_options"] == 2

    blocked = {"profile.managed_default_content_settings.javascript": 2}
    prefs = chromium_options(settings(), prefs=blocked).experimental_options["prefs"]
    assert prefs == {"net.network_prediction_options": 2, **blocked}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"CHROMIUM_BINARY": "/nowhere/chromium"}, "Chromium was not found at /nowhere/chromium"),
        ({"CHROMEDRIVER": "/nowhere/chromedriver"}, "chromedriver was not found at /nowhere"),
    ],
)
def test_a_missing_browser_or_driver(overrides: dict[str, str], message: str) -> None:
    backend = LocalChromium(settings(**overrides))

    with pytest.raises(BrowserUnavailable, match=message) as raised:
        backend.create_driver()

    assert "CLEAR" in str(raised.value)  # It names the setting to change.


def test_a_remote_server_that_is_not_there() -> None:
    port = free_port()
    backend = RemoteWebDriver(settings(REMOTE_URL=f"http://audit:s3cret@127.0.0.1:{port}"))

    with pytest.raises(BrowserUnavailable, match="No browser from the WebDriver server") as raised:
        backend.create_driver()
    # The Grid's password is never shown: the message goes to logs and to the admin.
    assert "s3cret" not in str(raised.value) and f"127.0.0.1:{port}" in str(raised.value)
    assert "s3cret" not in backend.describe()


class _NoCdp:
    """Stands in for a driver whose server refuses CDP commands."""

    def execute_cdp_cmd(self, cmd: str, params: dict[str, Any]) -> dict[str, Any]:
        raise WebDriverException("unknown command: goog/cdp/execute")


def test_without_cdp_axe_falls_back_to_per_page_injection() -> None:
    axe = ClearwayAxe(settings().AXE_SCRIPT)

    assert not RemoteWebDriver._cdp_works(_NoCdp())  # type: ignore[arg-type]
    assert axe.install(_NoCdp()) is False  # type: ignore[arg-type]
    assert axe.once_per_document is False


def test_a_missing_axe_script() -> None:
    with pytest.raises(AxeScriptMissing, match="npm ci"):
        ClearwayAxe("/nowhere/axe.min.js")


# Real browsers ------------------------------------------------------------------------------


@pytest.mark.browser
def test_a_local_browser_cleans_up_after_itself() -> None:
    os.environ.pop("SE_OFFLINE", None)
    driver = LocalChromium(settings(WINDOW_WIDTH=1000, WINDOW_HEIGHT=700)).create_driver()
    try:
        assert os.environ["SE_OFFLINE"] == "true"
        assert isinstance(driver, ChromiumDriver)
        assert driver.profile_dir.is_dir()
        assert driver.browser_pids()
        assert "HeadlessChrome" in driver.execute_script("return navigator.userAgent")
        assert driver.get_window_size() == {"width": 1000, "height": 700}
    finally:
        driver.quit()

    assert driver.browser_pids() == []
    assert not driver.profile_dir.exists()


@pytest.fixture(scope="module")
def local_session() -> Iterator[BrowserSession]:
    with BrowserSession(settings()) as session:
        session.start()
        yield session


@pytest.mark.browser
def test_axe_is_in_every_new_document_without_injection(
    local_session: BrowserSession, local_site: LocalSite
) -> None:
    driver = local_session.start()
    assert local_session.guard is not None
    local_session.guard.begin([local_site.host])  # The test drives the browser itself.
    local_site.route("/frame", CLEAN)
    url = local_site.route(
        "/framed", CLEAN.replace("</main>", '</main><iframe src="/frame" title="Frame"></iframe>')
    )

    driver.get(url)

    assert local_session.axe.once_per_document
    assert driver.execute_script("return typeof window.axe.run") == "function"
    frame_has_axe = "return typeof document.querySelector('iframe').contentWindow.axe.run"
    assert driver.execute_script(frame_has_axe) == "function"


@pytest.mark.browser
def test_options_are_passed_as_arguments(
    local_session: BrowserSession, local_site: LocalSite
) -> None:
    # axe-selenium-python pasted options into the script as Python (True, None): not JavaScript.
    driver = local_session.start()
    assert local_session.guard is not None
    local_session.guard.begin([local_site.host])  # The test drives the browser itself.
    driver.get(local_site.route("/missed-bin", barriers()))
    options = {**run_options(["wcag2a"]), "selectors": True, "iframes": True, "ancestry": True}

    results = local_session.axe.run(options=options)

    rules = {rule["id"] for rule in results["violations"]}
    assert rules == {"image-alt", "label", "html-has-lang"}  # Contrast is AA: not asked for.
    assert results["testEngine"]["name"] == "axe-core"
    node = results["violations"][0]["nodes"][0]
    # Plus where the element sits (tests/audit/test_attribution.py).
    assert set(node) == {
        "target",
        "html",
        "impact",
        "failureSummary",
        "ancestry",
        "located",
        "region",
        "blockId",
    }


@pytest.fixture(scope="module")
def chromedriver_server() -> Iterator[str]:
    """chromedriver as a standalone WebDriver server, as a Selenium Grid node would run it."""
    port = free_port()
    process = subprocess.Popen(
        [CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}/status", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.browser
def test_the_remote_backend_finds_what_the_local_one_finds(
    chromedriver_server: str, local_session: BrowserSession, local_site: LocalSite
) -> None:
    urls = [
        local_site.route("/missed-bin", barriers()),
        local_site.route("/bins", CLEAN),
        local_site.route("/no-lang", BARRIERS.replace("{extra}", "<p>Extra</p>")),
    ]
    local = [local_session.audit(AuditTarget(url)) for url in urls]
    config = settings(REMOTE_URL=chromedriver_server)
    backend = get_backend(config)
    assert isinstance(backend, RemoteWebDriver)

    with BrowserSession(config, backend) as remote_session:
        remote = [remote_session.audit(AuditTarget(url)) for url in urls]
        assert backend.supports_cdp
        assert remote_session.axe.once_per_document

    assert [page.status for page in remote] == [PageStatus.OK] * 3
    assert [summary_of(page) for page in remote] == [summary_of(page) for page in local]
    assert len(remote[0].violations) == 4


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.browser
def test_the_remote_backend_guards_requests_too(
    chromedriver_server: str, local_site: LocalSite
) -> None:
    """The request guard on a WebDriver server's browser (its DevTools address, as a Grid
    node's; Selenium Grid itself offers se:cdp): another host hears nothing."""
    other = LocalSite()
    other.start()
    try:
        url = local_site.route(
            "/hostile",
            CLEAN.replace("</main>", f'<img src="{other.url("/img.png")}" alt=""></main>').replace(
                "</body>", f"<script>location.href = {other.url('/away')!r};</script></body>"
            ),
        )
        config = settings(REMOTE_URL=chromedriver_server)
        with BrowserSession(config, get_backend(config)) as remote_session:
            page = remote_session.audit(AuditTarget(url))
            assert remote_session.guard is not None
    finally:
        other.stop()
    assert other.requests == []
    assert page.status == PageStatus.LEFT_SITE
