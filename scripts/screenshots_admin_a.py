#!/usr/bin/env python3
"""Screenshots of the audit admin's report and editor screens, 1280 CSS px wide, in headless
Chromium, into docs/screenshots/ (report*.png, editor*.png).

The browser test that checks those screens with axe-core takes them, on fresh test data:

    .venv/bin/python scripts/screenshots_admin_a.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/audit/admin/browser/test_report_browser.py"


def main() -> int:
    environment = {**os.environ, "CLEARWAY_SCREENSHOTS": "1"}
    command = [sys.executable, "-m", "pytest", "-q", TEST]
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
