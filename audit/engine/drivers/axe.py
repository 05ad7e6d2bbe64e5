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
from typing import Any

from axe_selenium_python import Axe
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from audit.engine.drivers.axe_results import load_script, run_options

logger = logging.getLogger(__name__)

#: Runs axe in the page and answers ``{"results": ...}``, ``{"error": ...}``, or
#: ``{"error": ..., "missing": true}`` when axe-core is not in the page. Only the fields
#: Clearway reads are sent back: axe's full node data (checks, related nodes) can run to
#: megabytes on a bad page, and all of it would be serialised through chromedriver.
_RUN_AXE = """
const context = arguments[0];
const options = arguments[1];
const done = arguments[arguments.length - 1];
if (typeof window.axe !== "object" || window.axe === null || typeof window.axe.run !== "function") {
  done({error: "axe-core is not loaded in this page", missing: true});
  return;
}
// Where each failing element sits: inside an editor-content region
// (data-clearway-content="<field>") or not, and in which StreamField block (the nearest
// data-block-id="<id>"; ignored outside a region, where it would be template markup).
// Only a target in the top document is looked up (an iframe's or shadow root's target is a
// nested list); anything else, or a selector that no longer matches, is unknown.
const attribution = (target) => {
  const unknown = {located: false, region: null, blockId: null};
  if (!Array.isArray(target) || target.length !== 1 || typeof target[0] !== "string") {
    return unknown;
  }
  let element;
  try {
    element = document.querySelector(target[0]);
  } catch (error) {
    return unknown;
  }
  if (!element) {
    return unknown;
  }
  const region = element.closest("[data-clearway-content]");
  const block = element.closest("[data-block-id]");
  return {
    located: true,
    region: region ? region.getAttribute("data-clearway-content") : null,
    blockId: block && region ? block.getAttribute("data-block-id") : null,
  };
};
const rules = (list) => (list || []).map((rule) => ({
  id: rule.id,
  impact: rule.impact,
  tags: rule.tags,
  description: rule.description,
  help: rule.help,
  helpUrl: rule.helpUrl,
  nodes: (rule.nodes || []).map((node) => ({
    target: node.target,
    html: node.html,
    impact: node.impact,
    failureSummary: node.failureSummary,
    // Only with the ancestry option: the element's full CSS path.
    ...(node.ancestry ? {ancestry: node.ancestry} : {}),
    ...attribution(node.target),
  })),
}));
try {
  window.axe.run(context || document, options).then(
    (results) => done({results: {
      url: results.url,
      timestamp: results.timestamp,
      testEngine: results.testEngine,
      violations: rules(results.violations),
      incomplete: rules(results.incomplete),
    }}),
    (error) => done({error: String((error && error.message) || error)}),
  );
} catch (error) {
  done({error: String((error && error.message) || error)});
}
"""


class AxeError(RuntimeError):
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
        self.once_per_document = False
        if use_cdp:
            try:
                driver.execute_cdp_cmd(
                    "Page.addScriptToEvaluateOnNewDocument", {"source": self.source}
                )
            except (WebDriverException, AttributeError) as error:
                # AttributeError: a driver class without execute_cdp_cmd.
                logger.info("No CDP (%s): axe-core will be injected into every page.", error)
            else:
                self.once_per_document = True
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
