"""axe-core in a Selenium-driven Chromium, installed once per browser.

axe-selenium-python's ``Axe`` sends the whole axe-core script (about 560 kB) to every page
(``inject``) and builds ``axe.run``'s JavaScript by pasting Python values into a string, which
breaks on any options dict (``True`` is not JavaScript). :class:`ClearwayAxe` keeps the class
but:

* registers axe-core once per browser with the DevTools command
  ``Page.addScriptToEvaluateOnNewDocument``, so Chromium evaluates it at the start of every
  document (and same-process frame) it loads, with no round trip per page; when the backend
  has no CDP, it falls back to injecting per page;
* passes the context and options to ``execute_async_script`` as real arguments;
* turns an axe failure into :class:`AxeError` with axe's message instead of a script timeout;
* injects and retries once when ``window.axe`` is missing after the load (a page that
  replaced it, a navigation the registration missed).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from axe_selenium_python import Axe
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser.base import raw_script
from audit.core.enums import Engine
from audit.engine.drivers.axe_results import (
    axe_version,
    findings_from_results,
    load_script,
    run_options,
)
from audit.engine.drivers.base import EngineError, register_for_new_documents
from audit.results import FindingResult

logger = logging.getLogger(__name__)

#: Runs axe in the page (``js/run-axe.js``, after the attribution helper the browser rules
#: share): answers ``{"results": ...}``, ``{"error": ...}``, or ``{"error": ..., "missing": true}``.
_RUN_AXE = raw_script("where") + "\n" + (Path(__file__).with_name("js") / "run-axe.js").read_text()


class AxeError(EngineError):
    """axe-core could not analyse the page; the message is axe's."""


class ClearwayAxe(Axe):
    """axe-core for one browser at a time; :meth:`install` it on each new browser.

    ``script_path`` is axe-core's ``axe.min.js`` (read once per process); ``options`` are the
    default ``axe.run`` options (Clearway's tags, violations and needs-review results).
    """

    def __init__(self, script_path: str, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(None, script_url=script_path)
        self.source = load_script(script_path)
        self.options: dict[str, Any] = dict(options) if options is not None else run_options()
        #: True when axe-core is registered for every new document of the current browser.
        self.once_per_document = False

    def install(self, driver: WebDriver, *, use_cdp: bool = True) -> bool:
        """Bind to ``driver`` and register axe-core for its new documents when CDP allows.

        Returns whether it did; otherwise :meth:`run` injects axe-core into each page.
        """
        self.selenium = driver
        self.once_per_document = use_cdp and register_for_new_documents(
            driver, self.source, "axe-core"
        )
        return self.once_per_document

    def inject(self) -> None:
        """Put axe-core into the current page (the parent reads the file on every call)."""
        self.selenium.execute_script(self.source)

    def run(self, context: Any = None, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """axe's results for the current page: ``violations`` and ``incomplete`` with their
        nodes, plus ``url``, ``timestamp`` and ``testEngine``.

        Raises :class:`AxeError` when axe fails, and Selenium's ``TimeoutException`` when it
        takes longer than the driver's script timeout.
        """
        if self.selenium is None:
            raise AxeError("ClearwayAxe.install(driver) was not called.")
        arguments = dict(self.options if options is None else options)
        if not self.once_per_document:
            self.inject()
        answer = self._execute(context, arguments)
        if answer.get("missing"):
            # The page removed or replaced window.axe, or loaded before the registration.
            logger.debug("axe-core missing from %s: injecting it.", self.selenium.current_url)
            self.inject()
            answer = self._execute(context, arguments)
        if "error" in answer:
            raise AxeError(f"axe-core failed: {answer['error']}")
        results: dict[str, Any] = answer["results"]  # the object _RUN_AXE builds
        return results

    def _execute(self, context: Any, options: dict[str, Any]) -> dict[str, Any]:
        answer = self.selenium.execute_async_script(_RUN_AXE, context, options)
        if not isinstance(answer, dict):
            return {"error": f"unexpected answer from the page: {answer!r:.200}"}
        return answer


class AxeEngine:
    """axe-core as one of the audit's engines (:class:`audit.engine.drivers.base.BrowserEngine`)."""

    name = Engine.AXE

    def __init__(self, script_path: str, options: Mapping[str, Any] | None = None) -> None:
        self.script_path = script_path
        self.axe = ClearwayAxe(script_path, options)

    def version(self) -> str:
        return axe_version(self.script_path)

    def install(self, driver: WebDriver, *, use_cdp: bool = True) -> bool:
        return self.axe.install(driver, use_cdp=use_cdp)

    def run(self, driver: WebDriver, page_key: str) -> list[FindingResult]:
        if self.axe.selenium is not driver:
            raise AxeError("AxeEngine.install(driver) was not called for this browser.")
        return findings_from_results(self.axe.run(), page_key)
