"""Run axe-core (installed from npm, never vendored) in a Selenium-driven page.

axe-selenium-python's ``Axe.run`` builds its JavaScript by pasting Python values into a
string, which breaks on any options dict. ``ClearwayAxe`` keeps the library's injection but
passes context and options to ``execute_async_script`` as real arguments, and turns an axe
error into a Python exception instead of a script timeout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_selenium_python import Axe
from selenium.webdriver.remote.webdriver import WebDriver

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"

#: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22a",
            "wcag22aa",
            "best-practice",
        ],
    },
    # Only what the report needs: violations, not the passes and incompletes.
    "resultTypes": ["violations"],
}

_RUN_AXE = """
const [context, options, done] = arguments;
if (typeof axe === "undefined") {
  done({error: "axe-core is not loaded in this page"});
  return;
}
axe.run(context || document, options)
  .then((results) => done({violations: results.violations}))
  .catch((error) => done({error: String(error && error.stack || error)}));
"""


class AxeError(RuntimeError):
    """axe-core could not run in the page."""


class ClearwayAxe(Axe):
    """axe-selenium-python's ``Axe`` with a safe ``run``."""

    def __init__(self, driver: WebDriver, script_path: Path = AXE_SCRIPT) -> None:
        if not script_path.is_file():
            raise AxeError(
                f"axe-core is missing ({script_path}): run npm ci in {REPO_ROOT} to install it."
            )
        super().__init__(driver, script_url=str(script_path))
        self._source = script_path.read_text(encoding="utf-8")

    def inject(self) -> None:
        # Read once per session, not once per page.
        self.selenium.execute_script(self._source)

    def run(
        self, context: Any = None, options: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """The violations axe finds in the current page."""
        result = self.selenium.execute_async_script(_RUN_AXE, context, options or AXE_OPTIONS)
        if not isinstance(result, dict) or "error" in result:
            message = result.get("error") if isinstance(result, dict) else repr(result)
            raise AxeError(f"axe-core failed: {message}")
        return result["violations"]

    def check(self) -> list[dict[str, Any]]:
        """Inject axe into the current page and run Clearway's rule set."""
        self.inject()
        return self.run()


def format_violation(violation: dict[str, Any]) -> str:
    """One rule's failures, readably: rule, impact, help, and each element's target and HTML."""
    lines = [
        f"[{violation.get('impact') or 'n/a'}] {violation['id']}: {violation['help']}"
        f" ({violation['helpUrl']})"
    ]
    for node in violation["nodes"]:
        target = ", ".join(
            " >> ".join(part) if isinstance(part, list) else str(part) for part in node["target"]
        )
        html = " ".join(node.get("html", "").split())
        if len(html) > 200:
            html = html[:197] + "..."
        lines.append(f"    at {target}")
        lines.append(f"       {html}")
        summary = " ".join((node.get("failureSummary") or "").split())
        if summary:
            lines.append(f"       {summary}")
    return "\n".join(lines)


def format_violations(label: str, violations: list[dict[str, Any]]) -> str:
    """A readable report of one page's violations."""
    return "\n".join(
        [f"{label}: {len(violations)} axe violation(s)"]
        + [format_violation(violation) for violation in violations]
    )
