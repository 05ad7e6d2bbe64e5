"""IBM Equal Access's rule engine (npm ``accessibility-checker-engine``) in the audit browser.

Like axe-core, its browser bundle ``ace.js`` is registered once per browser with the DevTools
command ``Page.addScriptToEvaluateOnNewDocument`` (injected into each page when there is no
CDP, or when the page replaced ``window.ace``), and run after axe in the same visit with the
``WCAG_2_2`` rule set (``js/run-ibm.js``). The engine's own rule set maps each rule (and
reason) to WCAG success criteria; :mod:`audit.checks.curation` decides which results are
violations, which need review and which are left out.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser.base import raw_script
from audit.checks.curation import ibm_outcome, ibm_rules_off
from audit.core.enums import Engine, Impact, Level, Outcome
from audit.engine.drivers.axe_results import attribution
from audit.engine.drivers.base import EngineError, read_script, register_for_new_documents
from audit.results import FindingResult
from audit.results.fingerprints import fingerprint

logger = logging.getLogger(__name__)

PACKAGE = "accessibility-checker-engine"
#: The engine's rule set for WCAG 2.2 A and AA.
RULESET = "WCAG_2_2"

_RUN_IBM = raw_script("where") + "\n" + (Path(__file__).with_name("js") / "run-ibm.js").read_text()


class IbmError(EngineError):
    """IBM's engine could not analyse the page; the message is the engine's."""


def default_script() -> str:
    base = Path(getattr(settings, "BASE_DIR", Path.cwd()))
    return str(base / "node_modules" / PACKAGE / "ace.js")


class IbmEngine:
    """IBM Equal Access as one of the audit's engines
    (:class:`audit.engine.drivers.base.BrowserEngine`)."""

    name = Engine.IBM

    def __init__(
        self,
        script_path: str | None = None,
        ruleset: str = RULESET,
        *,
        skip_rules: Iterable[str] = (),
    ) -> None:
        self.script_path = script_path or default_script()
        self.source = read_script(self.script_path, PACKAGE)
        self.ruleset = ruleset
        #: Rules not run at all: those switched off (their results would all be dropped), and
        #: any ``skip_rules`` (the settings' DISABLED_RULES).
        self.skip_rules = sorted({*ibm_rules_off(), *skip_rules})
        self.driver: WebDriver | None = None
        #: True when the engine is registered for every new document of the current browser.
        self.once_per_document = False

    def version(self) -> str:
        package = Path(self.script_path).resolve().parent / "package.json"
        if package.is_file():
            return str(json.loads(package.read_text(encoding="utf-8"))["version"])
        return "unknown"

    def install(self, driver: WebDriver, *, use_cdp: bool = True) -> bool:
        self.driver = driver
        self.once_per_document = use_cdp and register_for_new_documents(
            driver, self.source, "IBM's engine"
        )
        return self.once_per_document

    def run(self, driver: WebDriver, page_key: str) -> list[FindingResult]:
        if self.driver is not driver:
            raise IbmError("IbmEngine.install(driver) was not called for this browser.")
        if not self.once_per_document:
            self._inject(driver)
        answer = self._execute(driver)
        if answer.get("missing"):
            logger.debug("IBM's engine missing from %s: injecting it.", driver.current_url)
            self._inject(driver)
            answer = self._execute(driver)
        if "error" in answer:
            raise IbmError(f"IBM Equal Access failed: {answer['error']}")
        return findings_from_ibm(answer.get("results", []), page_key)

    def _inject(self, driver: WebDriver) -> None:
        # The bundle declares `var ace`: global as a document's script, but local to the
        # function WebDriver wraps a script in, so it is made global by hand.
        driver.execute_script(f"{self.source}\n;window.ace = ace;")

    def _execute(self, driver: WebDriver) -> dict[str, Any]:
        answer = driver.execute_async_script(_RUN_IBM, self.ruleset, self.skip_rules)
        if not isinstance(answer, dict):
            return {"error": f"unexpected answer from the page: {answer!r:.200}"}
        return answer


def findings_from_ibm(results: Sequence[Mapping[str, Any]], page_key: str) -> list[FindingResult]:
    """One finding per rule and element, curated (:func:`audit.checks.curation.ibm_outcome`).

    The selector is the element's full CSS path (the engine gives an XPath; ``run-ibm.js``
    builds axe's ``ancestry`` from the element itself), so it matches axe's findings.
    """
    findings: dict[str, FindingResult] = {}
    for result in results:
        rule = str(result["ruleId"])
        outcome = ibm_outcome(
            rule,
            str(result.get("policy")),
            str(result.get("confidence")),
            rendered=bool(result.get("rendered", True)),
            named=bool(result.get("named", False)),
            label_shown=bool(result.get("labelShown", False)),
        )
        if outcome is None:
            continue
        criteria = result.get("wcag") or []
        path = str(result.get("ancestry") or result.get("xpath") or "")
        html = str(result.get("snippet") or "")
        finding_id = fingerprint(rule, page_key, path, html)
        findings.setdefault(
            f"{outcome}:{finding_id}",
            FindingResult(
                rule=rule,
                engine=Engine.IBM,
                outcome=outcome,
                impact=_impact(str(result.get("policy")), outcome),
                wcag=tuple(dict.fromkeys(str(criterion["num"]) for criterion in criteria)),
                level=_level(criteria),
                selector=path,
                html=html,
                message=str(result.get("message") or ""),
                help_url=str(result.get("helpUrl") or ""),
                fingerprint=finding_id,
                help=str(result.get("title") or ""),
                element_path=str(result.get("ancestry") or ""),
                **attribution(result),
            ),
        )
    return list(findings.values())


def _impact(policy: str, outcome: Outcome) -> Impact:
    # IBM has no impact scale: a requirement it is sure of is serious (it fails CI by default,
    # like axe's serious findings); a suspicion moderate; a recommendation minor.
    if policy != "VIOLATION":
        return Impact.MINOR
    return Impact.SERIOUS if outcome == Outcome.VIOLATION else Impact.MODERATE


def _level(criteria: Sequence[Mapping[str, Any]]) -> Level:
    levels = {str(criterion.get("level")) for criterion in criteria}
    for level in (Level.A, Level.AA, Level.AAA):
        if level.value in levels:
            return level
    return Level.BEST_PRACTICE
