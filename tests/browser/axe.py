"""axe-core's violations, formatted for a failing test's report.

axe runs through the audit's own engine (:class:`audit.engine.drivers.axe.ClearwayAxe`, started by
:class:`audit.engine.runner.BrowserSession`); only the readable report is the tests' own.
"""

from __future__ import annotations

from typing import Any


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
