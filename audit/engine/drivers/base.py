"""What every browser engine driver offers the runner, and how their findings are merged.

A driver (:mod:`audit.engine.drivers.axe`, :mod:`audit.engine.drivers.ibm`) is installed once
per browser and run on each page the browser loads; the runner runs every enabled engine in the
same visit, in order, then merges what they found with :func:`merge_findings`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Protocol

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.enums import Engine, Impact, Outcome
from audit.results import FindingResult

logger = logging.getLogger(__name__)


class EngineError(RuntimeError):
    """An engine could not analyse the page; the message is the engine's."""


class EngineScriptMissing(FileNotFoundError):
    """An engine's script is not installed where the settings say (run `npm ci`)."""


@cache
def read_script(path: str, package: str) -> str:
    """An engine's JavaScript, read once per process; ``package`` names its npm package."""
    script = Path(path)
    if not script.is_file():
        raise EngineScriptMissing(
            f"{package} was not found at {script}. Install it from npm (`npm ci`)."
        )
    return script.read_text(encoding="utf-8")


def register_for_new_documents(driver: WebDriver, source: str, engine: str) -> bool:
    """Have Chromium evaluate ``source`` at the start of every document ``driver`` loads
    (CDP ``Page.addScriptToEvaluateOnNewDocument``), so it is never sent again per page.

    Returns False when the driver takes no CDP commands: the engine then injects its script
    into each page.
    """
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    except (WebDriverException, AttributeError) as error:
        # AttributeError: a driver class without execute_cdp_cmd.
        logger.info("No CDP (%s): %s will be injected into every page.", error, engine)
        return False
    return True


class BrowserEngine(Protocol):
    """One rule engine that runs inside the audited page."""

    #: The engine findings name (``Engine.AXE``...).
    name: Engine

    def version(self) -> str:
        """The engine's version, for reports and for re-auditing when it changes."""
        ...

    def install(self, driver: WebDriver, *, use_cdp: bool = True) -> bool:
        """Prepare a new browser (register the script for every new document when CDP
        allows, and say whether it did)."""
        ...

    def run(self, driver: WebDriver, page_key: str) -> list[FindingResult]:
        """The findings on the page the browser shows. Raises :class:`EngineError` when the
        engine fails, Selenium's ``TimeoutException`` when it takes too long."""
        ...


def merge_findings(findings: Iterable[FindingResult]) -> list[FindingResult]:
    """One finding per problem: a finding on the same element (``element_path``) and sharing a
    WCAG criterion with an earlier finding of another engine joins it.

    The earlier finding keeps its rule, fingerprint, selector and text (pass axe's findings
    first, so axe's history is not re-keyed); it gains the other engine in ``engine_rules``,
    the union of the criteria, and the stronger outcome and impact. Findings without a
    criterion (best practice) or without an element path are never merged.
    """
    merged: list[FindingResult] = []
    by_element: dict[str, list[int]] = {}
    for finding in findings:
        index = _match(merged, by_element.get(finding.element_path, []), finding)
        if index is None:
            if finding.element_path:
                by_element.setdefault(finding.element_path, []).append(len(merged))
            merged.append(finding)
        else:
            joined = _join(merged[index], finding)
            if joined.outcome != merged[index].outcome and any(
                (other.fingerprint, other.outcome) == (joined.fingerprint, joined.outcome)
                for other in merged
            ):
                # The same element already has that outcome under this fingerprint (axe reports
                # one element both ways, rarely): one finding per fingerprint and outcome.
                joined = replace(joined, outcome=merged[index].outcome)
            merged[index] = joined
    return merged


def _match(
    merged: list[FindingResult], candidates: list[int], finding: FindingResult
) -> int | None:
    if not finding.wcag:
        return None
    for index in candidates:
        other = merged[index]
        if finding.engine not in other.engines and set(other.wcag) & set(finding.wcag):
            return index
    return None


def _join(first: FindingResult, second: FindingResult) -> FindingResult:
    violation = first.is_violation or second.is_violation
    impact = max(first.impact, second.impact, key=Impact.rank)
    return replace(
        first,
        outcome=Outcome.VIOLATION if violation else Outcome.NEEDS_REVIEW,
        impact=Impact(impact),
        wcag=tuple(dict.fromkeys([*first.wcag, *second.wcag])),
        engine_rules=(*first.engine_rules, *second.engine_rules),
    )
