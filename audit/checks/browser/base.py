"""What the browser rule groups share: their scripts, their context, and turning what a script
reports into :class:`~audit.checks.issues.Issue` objects.

Each group measures the page in as few ``execute_script`` round trips as it can (usually one):
the script finds the elements, names them (selector, outer HTML, attribution) and answers with
plain data. Scripts live in ``js/`` beside this module and are read once per process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.catalogue import get_rule
from audit.checks.issues import Issue
from audit.core.conf import AuditSettings
from audit.core.enums import FixedBy, Outcome, Source

logger = logging.getLogger(__name__)

_JS = Path(__file__).with_name("js")

#: Selectors of page-level issues (the page's title, its language).
PAGE_LEVEL = frozenset({"html", "title"})


@cache
def helpers() -> str:
    """The shared helpers every rule's script starts with: ``js/where.js`` (also used by the
    axe-core run) and ``js/common.js``."""
    return raw_script("where") + "\n" + raw_script("common")


@cache
def script(name: str) -> str:
    """``js/<name>.js`` after the shared helpers (:func:`helpers`), read once per process."""
    return helpers() + "\n" + raw_script(name)


@cache
def raw_script(name: str) -> str:
    """``js/<name>.js`` alone."""
    return (_JS / f"{name}.js").read_text()


@dataclass
class Context:
    """The page being checked, and how to reach it."""

    driver: WebDriver
    config: AuditSettings
    #: Whether ``driver.execute_cdp_cmd`` works (local Chromium, chromedriver behind a grid).
    cdp: bool

    def enabled(self, rule_id: str) -> bool:
        return self.config.rule_enabled(rule_id)

    def options(self, rule_id: str) -> dict[str, Any]:
        return self.config.rule_options(get_rule(rule_id))

    def run(self, name: str, *arguments: Any) -> Any:
        """Run ``js/<name>.js`` (with the shared helpers) in the page and return its answer."""
        return self.driver.execute_script(script(name), *arguments)

    def run_many(self, calls: Sequence[tuple[str, Sequence[Any]]]) -> list[Any]:
        """Run several ``js/<name>.js`` scripts in one round trip; their answers in order.

        Each script runs in a function of its own, so ``arguments`` is its own arguments.
        """
        body = ",\n".join(
            f"(function () {{\n{raw_script(name)}\n}}).apply(null, arguments[0][{index}])"
            for index, (name, _) in enumerate(calls)
        )
        source = f"{helpers()}\nreturn [\n{body}\n];"
        return list(self.driver.execute_script(source, [list(args) for _, args in calls]))

    def cdp_command(self, command: str, parameters: Mapping[str, Any] | None = None) -> Any:
        return self.driver.execute_cdp_cmd(command, dict(parameters or {}))


#: A group's checks: every issue its rules found on the page.
Group = Callable[[Context], list[Issue]]


@dataclass(frozen=True)
class Request:
    """A script a group wants run, and how its answer becomes issues; several groups'
    requests can share one round trip (:func:`run_requests`)."""

    script: str
    arguments: Sequence[Any]
    interpret: Callable[[Any], list[Issue]]


def run_requests(context: Context, requests: Iterable[Request | None]) -> list[Issue]:
    """Run the requests (None: nothing wanted) in one round trip; their issues in order."""
    wanted = [request for request in requests if request is not None]
    if not wanted:
        return []
    answers = context.run_many([(request.script, request.arguments) for request in wanted])
    return [
        found
        for request, answer in zip(wanted, answers, strict=True)
        for found in request.interpret(answer)
    ]


def issue(rule_id: str, found: Mapping[str, Any], outcome: Outcome = Outcome.VIOLATION) -> Issue:
    """An :class:`Issue` from what a script reported with ``CW.report``.

    An element inside an editor-content region is the editor's to fix; anything else is the
    template's. A page-level report (selector ``html`` or ``title``) follows the rule's
    ``fixed_by``.
    """
    region = str(found.get("region") or "")
    selector = str(found.get("selector") or "html")
    if region or (selector in PAGE_LEVEL and get_rule(rule_id).fixed_by == FixedBy.EDITOR):
        source = Source.CONTENT
    else:
        source = Source.TEMPLATE
    return Issue(
        rule=rule_id,
        selector=selector,
        html=str(found.get("html") or ""),
        message=str(found.get("message") or get_rule(rule_id).title),
        outcome=Outcome(found.get("outcome") or outcome),
        source=source,
        region=region,
        block_id=str(found.get("blockId") or "") if region else "",
    )


def issues(
    rule_id: str, found: Iterable[Mapping[str, Any]], limit: int | None = None
) -> list[Issue]:
    """Issues for the reported elements, one per selector, at most ``limit``."""
    result: list[Issue] = []
    seen: set[str] = set()
    for item in found:
        made = issue(rule_id, item)
        if made.selector in seen:
            continue
        seen.add(made.selector)
        result.append(made)
        if limit is not None and len(result) >= limit:
            break
    return result


def cdp_works(driver: WebDriver) -> bool:
    """Whether this driver accepts DevTools commands (a cheap one is tried)."""
    try:
        driver.execute_cdp_cmd("Runtime.evaluate", {"expression": "1", "returnByValue": True})
    except (WebDriverException, AttributeError, KeyError):
        return False
    return True
