"""axe-core: where its script lives, how it is configured, and how its results become
Clearway findings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from audit.core.conf import DEFAULT_TAGS
from audit.core.enums import Engine, Impact, Level, Outcome, Source
from audit.engine.drivers.base import EngineScriptMissing
from audit.results import FindingResult
from audit.results.fingerprints import fingerprint

_SUCCESS_CRITERION = re.compile(r"^wcag(\d)(\d)(\d+)$")
_LEVEL_TAG = re.compile(r"^wcag2\d?(a{1,3})$")


class AxeScriptMissing(EngineScriptMissing):
    """axe-core is not installed where the settings say (run `npm ci`)."""


@cache
def load_script(path: str) -> str:
    """The axe-core source, read once per process."""
    script = Path(path)
    if not script.is_file():
        raise AxeScriptMissing(
            f"axe-core was not found at {script}. Install it from npm (`npm ci`) or set "
            "CLEARWAY_AUDIT['AXE_SCRIPT']."
        )
    return script.read_text(encoding="utf-8")


def axe_version(path: str) -> str:
    """The version from axe-core's package.json beside the script, or from the script itself."""
    package = Path(path).resolve().parent / "package.json"
    if package.is_file():
        return str(json.loads(package.read_text(encoding="utf-8"))["version"])
    match = re.search(r"axe v([\d.]+)", load_script(path)[:500])
    return match.group(1) if match else "unknown"


def run_options(tags: Iterable[str] = DEFAULT_TAGS) -> dict[str, Any]:
    """Options for ``axe.run``: only the rules with these tags; keep needs-review results."""
    return {
        "runOnly": {"type": "tag", "values": list(tags)},
        "resultTypes": ["violations", "incomplete"],
        # "v1" is "v2" plus each element's failureSummary: what exactly to fix on it.
        "reporter": "v1",
        # The element's full path, for fingerprints: axe's `target` is the shortest unique
        # selector, which changes when unrelated elements are added to the page.
        "ancestry": True,
        # How long a frame's axe-core has to answer before the frame is left out. axe's 500 ms
        # is too short for a busy machine running several browsers: frames (and their
        # findings) went missing under load. A frame that cannot answer (no scripts) costs
        # this long once.
        "pingWaitTime": 2000,
    }


def success_criteria(tags: Iterable[str]) -> tuple[str, ...]:
    """WCAG success criteria from axe tags: ``wcag143`` is 1.4.3, ``wcag1410`` is 1.4.10."""
    criteria = []
    for tag in tags:
        match = _SUCCESS_CRITERION.match(tag)
        if match:
            criteria.append(".".join(match.groups()))
    return tuple(criteria)


def conformance_level(tags: Iterable[str]) -> Level:
    """The lowest WCAG level a rule belongs to, or best practice."""
    levels = {match.group(1).upper() for tag in tags if (match := _LEVEL_TAG.match(tag))}
    for level in (Level.A, Level.AA, Level.AAA):
        if level.value in levels:
            return level
    return Level.BEST_PRACTICE


def axe_outcome(reported: Outcome, tags: Iterable[str]) -> Outcome:
    """``reported``, except for axe's best-practice rules (no WCAG level tag): advice, since
    only a WCAG failure is a violation."""
    return Outcome.ADVICE if conformance_level(tags) == Level.BEST_PRACTICE else reported


def _impact(value: str | None) -> Impact:
    # axe leaves impact empty for some needs-review results: treat those as moderate.
    return Impact(value) if value in Impact.values else Impact.MODERATE


def findings_from_results(results: Mapping[str, Any], page_key: str) -> list[FindingResult]:
    """One finding per failing element, violations and needs-review kept apart.

    Elements whose normalised target is the same (identical links in a repeated list, say)
    share a fingerprint and are reported once.
    """
    findings: dict[str, FindingResult] = {}
    for outcome, key in ((Outcome.VIOLATION, "violations"), (Outcome.NEEDS_REVIEW, "incomplete")):
        for rule in results.get(key, []):
            tags = rule.get("tags", [])
            # One advice finding even when a best-practice rule reports both outcomes.
            rule_outcome = axe_outcome(outcome, tags)
            for node in rule.get("nodes", []):
                selector = " ".join(_flatten_target(node.get("target", [])))
                path = " ".join(_flatten_target(node.get("ancestry", []))) or selector
                html = node.get("html", "")
                finding_id = fingerprint(rule["id"], page_key, path, html)
                findings.setdefault(
                    f"{rule_outcome}:{finding_id}",
                    FindingResult(
                        rule=rule["id"],
                        engine=Engine.AXE,
                        outcome=rule_outcome,
                        impact=_impact(node.get("impact") or rule.get("impact")),
                        wcag=success_criteria(tags),
                        level=conformance_level(tags),
                        selector=selector,
                        html=html,
                        message=node.get("failureSummary") or rule.get("help", ""),
                        help_url=rule.get("helpUrl", ""),
                        fingerprint=finding_id,
                        help=rule.get("help", ""),
                        element_path=path,
                        **attribution(node),
                    ),
                )
    return list(findings.values())


def attribution(node: Mapping[str, Any]) -> dict[str, Any]:
    """``source``, ``region`` and ``block_id`` from what the browser found around the node.

    The browser sends ``region`` (the ``data-clearway-content`` field name, or null) and
    ``blockId`` (the ``data-block-id``, or null), and ``located: false`` when it could not find
    the element (in a frame or shadow DOM). Results without them are template findings.
    """
    if node.get("located") is False:
        return {"source": Source.UNKNOWN, "region": "", "block_id": ""}
    region = node.get("region") or ""
    if not region:
        return {"source": Source.TEMPLATE, "region": "", "block_id": ""}
    return {
        "source": Source.CONTENT,
        "region": str(region),
        "block_id": str(node.get("blockId") or ""),
    }


def _flatten_target(target: list[Any]) -> list[str]:
    # Targets inside iframes or shadow roots are nested lists of selectors.
    flat: list[str] = []
    for part in target:
        flat.extend(_flatten_target(part) if isinstance(part, list) else [str(part)])
    return flat
