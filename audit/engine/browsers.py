"""Browser backends: where the audit's headless Chromium comes from.

Pluggable in the Wagtail way (compare ``wagtail.contrib.frontend_cache``): a backend is a class
taking the audit settings, named by dotted path in ``CLEARWAY_AUDIT["BROWSER_BACKEND"]``.
:func:`get_backend` picks :class:`RemoteWebDriver` whenever ``REMOTE_URL`` is set (a Selenium
Grid or a standalone chromedriver), otherwise the configured class, by default
:class:`LocalChromium` (Debian's Chromium and chromedriver on this machine).

Every driver a backend creates is quit with ``driver.quit()``; the local one also removes its
profile and kills any Chromium process its chromedriver left behind.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from django.utils.module_loading import import_string
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options as ChromeOptions
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.addresses import without_credentials
from audit.core.conf import AuditSettings

logger = logging.getLogger(__name__)

#: Headless, quiet, and never talking to Google: no updates, sync, QUIC or field trials.
CHROMIUM_ARGUMENTS: tuple[str, ...] = (
    "--headless=new",
    # Containers and CI runners rarely allow Chromium's sandbox (it needs user namespaces).
    "--no-sandbox",
    "--disable-gpu",
    # /dev/shm is 64 MB in Docker: large pages crash the renderer there.
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
)


#: Chromium preferences for every audit browser. Network prediction off: speculative
#: connections that never carry a request each hold one of a sync WSGI server's workers (say
#: gunicorn's default) until its timeout, stalling the audited site and the audit with it.
AUDIT_PREFERENCES: dict[str, Any] = {"net.network_prediction_options": 2}


class BrowserUnavailable(RuntimeError):
    """No browser could be started: a missing binary or driver, or a refused session."""


class BrowserBackend:
    """Creates WebDriver sessions for the audit. Subclasses implement :meth:`create_driver`."""

    #: Whether drivers from this backend accept Chrome DevTools Protocol commands
    #: (``driver.execute_cdp_cmd``). Without it axe-core is injected into every page.
    supports_cdp: bool = False
    #: A short name for reports.
    name: ClassVar[str] = "browser"

    def __init__(self, config: AuditSettings, *, prefs: Mapping[str, Any] | None = None) -> None:
        self.config = config
        #: Extra Chromium preferences for every browser this backend starts (see
        #: :func:`chromium_options`), beyond :data:`AUDIT_PREFERENCES`.
        self.prefs: dict[str, Any] = dict(prefs or {})

    def check(self) -> None:
        """Raise :class:`BrowserUnavailable` if no browser can be started, before any is."""

    def create_driver(self) -> WebDriver:
        raise NotImplementedError

    def describe(self) -> str:
        """Where the browsers come from, for the run's recorded configuration."""
        return self.name


def chromium_options(
    config: AuditSettings, *, prefs: Mapping[str, Any] | None = None
) -> ChromeOptions:
    """Chromium's options for the audit, local or remote (a profile directory is added locally).

    ``prefs`` are Chromium preferences, such as a content setting that blocks JavaScript
    (``{"profile.managed_default_content_settings.javascript": 2}``), added to
    :data:`AUDIT_PREFERENCES`.
    """
    options = ChromeOptions()
    if config.CHROMIUM_BINARY:
        options.binary_location = config.CHROMIUM_BINARY
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--window-size={config.WINDOW_WIDTH},{config.WINDOW_HEIGHT}")
    # A page's alert(), confirm() or beforeunload prompt must not stop the audit: accept it
    # (Selenium's default fails the next command and cancels a beforeunload navigation).
    options.unhandled_prompt_behavior = "accept"
    options.add_experimental_option("prefs", {**AUDIT_PREFERENCES, **(prefs or {})})
    return options


def _offline() -> None:
    # Selenium Manager downloads browsers and drivers when it thinks one is missing: never.
    os.environ["SE_OFFLINE"] = "true"


class ChromiumDriver(webdriver.Chrome):
    """``webdriver.Chrome`` that owns its profile directory.

    ``quit()`` also kills the Chromium processes using that profile: when chromedriver dies
    (or is killed), Chromium is left running as an orphan, and a long audit would pile them up.
    """

    def __init__(self, *, profile_dir: Path, **kwargs: Any) -> None:
        self.profile_dir = profile_dir
        super().__init__(**kwargs)

    def browser_pids(self) -> list[int]:
        """Chromium's processes for this driver (found by their profile directory)."""
        return processes_using_profile(self.profile_dir)

    def quit(self) -> None:
        try:
            # LocalWebDriver.quit swallows the errors of a dead session and stops chromedriver.
            super().quit()
        finally:
            discard_profile(self.profile_dir)


def processes_using_profile(profile_dir: Path) -> list[int]:
    """Ids of the processes started with ``--user-data-dir=<profile_dir>`` (Linux ``/proc``).

    Every Chromium process (browser, zygotes, renderers, utilities) carries the flag, so this
    finds exactly one browser's processes and nobody else's.
    """
    flag = f"--user-data-dir={profile_dir}".encode()
    pids = []
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # Exited meanwhile, or not ours to read.
        if flag in arguments:
            pids.append(int(entry.name))
    return pids


def discard_profile(profile_dir: Path) -> None:
    """Kill whatever Chromium still runs on ``profile_dir``, then remove the directory.

    After a normal quit, Chromium's helper processes (the network service flushing its cache)
    can outlive the browser by a moment and write into the profile while it is being removed,
    so this waits for them to go and removes the directory until it stays removed.
    """
    deadline = time.monotonic() + 5
    while True:
        pids = processes_using_profile(profile_dir)
        for pid in pids:
            with contextlib.suppress(OSError):  # Already gone.
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(profile_dir, ignore_errors=True)
        if (not pids and not profile_dir.exists()) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    if profile_dir.exists():
        logger.warning("Could not remove Chromium's profile %s.", profile_dir)


class LocalChromium(BrowserBackend):
    """Chromium and chromedriver installed on this machine (Debian's, by default)."""

    supports_cdp = True
    name = "local-chromium"

    def check(self) -> None:
        for label, path, package, setting in (
            ("Chromium", self.config.CHROMIUM_BINARY, "chromium", "CHROMIUM_BINARY"),
            ("chromedriver", self.config.CHROMEDRIVER, "chromium-driver", "CHROMEDRIVER"),
        ):
            if not path or not os.access(path, os.X_OK):
                raise BrowserUnavailable(
                    f"{label} was not found at {path or '(not set)'}: install Debian's {package} "
                    f"package or set CLEARWAY_AUDIT['{setting}']."
                )

    def create_driver(self) -> WebDriver:
        self.check()
        _offline()
        # A fresh profile per browser: nothing (cookies, cache, service workers) carries over
        # from one browser to the next, and its processes can be found by its path.
        profile_dir = Path(tempfile.mkdtemp(prefix="clearway-chromium-"))
        options = chromium_options(self.config, prefs=self.prefs)
        options.add_argument(f"--user-data-dir={profile_dir}")
        service = Service(executable_path=self.config.CHROMEDRIVER)
        try:
            return ChromiumDriver(profile_dir=profile_dir, service=service, options=options)
        except Exception as error:  # A refused session, or chromedriver failing to start.
            discard_profile(profile_dir)
            raise BrowserUnavailable(
                f"Chromium ({self.config.CHROMIUM_BINARY}) could not be started by "
                f"{self.config.CHROMEDRIVER}: {error_summary(error)}"
            ) from error

    def describe(self) -> str:
        return f"{self.name} ({self.config.CHROMIUM_BINARY})"


class RemoteWebDriver(BrowserBackend):
    """Chromium behind a WebDriver server: Selenium Grid, or a standalone chromedriver.

    CDP commands go through chromedriver's ``goog/cdp/execute`` endpoint, which Selenium Grid
    forwards. A server without it is detected on the first browser and the audit falls back
    to injecting axe-core into every page.

    ``CHROMIUM_BINARY`` is sent as the browser's path: set it to ``""`` when the remote machine
    finds its own browser.
    """

    supports_cdp = True
    name = "remote"

    def check(self) -> None:
        if not self.config.REMOTE_URL:
            raise BrowserUnavailable("CLEARWAY_AUDIT['REMOTE_URL'] is not set.")

    def create_driver(self) -> WebDriver:
        self.check()
        _offline()
        try:
            driver = webdriver.Remote(
                command_executor=self.config.REMOTE_URL,
                options=chromium_options(self.config, prefs=self.prefs),
            )
        except Exception as error:
            # A refused session is a WebDriverException; a server that is not listening is an
            # urllib3 error (MaxRetryError), which Selenium does not wrap.
            raise BrowserUnavailable(
                "No browser from the WebDriver server at "
                f"{without_credentials(self.config.REMOTE_URL)}: "
                f"{error_summary(error)}"
            ) from error
        if self.supports_cdp and not self._cdp_works(driver):
            logger.info(
                "%s does not accept CDP commands: axe-core will be injected into every page.",
                without_credentials(self.config.REMOTE_URL),
            )
            self.supports_cdp = False
        return driver

    @staticmethod
    def _cdp_works(driver: WebDriver) -> bool:
        try:
            driver.execute_cdp_cmd("Browser.getVersion", {})
        except (WebDriverException, AttributeError, KeyError):
            return False
        return True

    def describe(self) -> str:
        return f"{self.name} ({without_credentials(self.config.REMOTE_URL)})"


def get_backend(config: AuditSettings) -> BrowserBackend:
    """The backend the settings ask for: remote when ``REMOTE_URL`` is set."""
    if config.REMOTE_URL:
        return RemoteWebDriver(config)
    backend_class = import_string(config.BROWSER_BACKEND)
    if not (isinstance(backend_class, type) and issubclass(backend_class, BrowserBackend)):
        raise BrowserUnavailable(
            f"CLEARWAY_AUDIT['BROWSER_BACKEND'] = {config.BROWSER_BACKEND!r} is not a "
            "BrowserBackend subclass."
        )
    return backend_class(config)


def error_summary(error: BaseException) -> str:
    """The first line of an error's message: chromedriver's messages end in a stack trace."""
    message = error.msg if isinstance(error, WebDriverException) and error.msg else str(error)
    lines = (message or "").strip().splitlines()
    return lines[0] if lines else type(error).__name__
