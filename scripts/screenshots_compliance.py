#!/usr/bin/env python3
"""Screenshots of the compliance screens, cropped to the part that matters (at most 1280 CSS px
wide, 256 colours), in headless Chromium, into docs/screenshots/: the public accessibility
statement after a real full audit (statement-public.png), its history and preview in the admin
(statement-history.png, statement-preview.png), a document's findings (documents-panel.png,
documents-report.png), the report's template rows (report-template-pages.png), the page
editor's Checks panel with its one count (editor-checks-count.png) and the result of "Audit
this page now" (editor-audit-now.png).

The browser tests that check those screens take them, on fresh test data:

    .venv/bin/python scripts/screenshots_compliance.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/audit/test_statement_e2e.py",
    "tests/audit/admin/browser/test_compliance_browser.py",
]


def main() -> int:
    environment = {**os.environ, "CLEARWAY_SCREENSHOTS": "1"}
    command = [sys.executable, "-m", "pytest", "-q", *TESTS]
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
