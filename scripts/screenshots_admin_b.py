#!/usr/bin/env python3
"""Screenshots of the audit admin's runs, trends, dashboard panel and settings screens and of
the digest email, 1280 CSS px wide, in headless Chromium, into docs/screenshots/ (runs*.png,
trends.png, dashboard.png, settings.png, digest.png).

The browser tests that check those screens with axe-core take them, on fresh test data:

    .venv/bin/python scripts/screenshots_admin_b.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/audit/admin/browser/test_runs_browser.py"
#: The tests that visit every screen (the keyboard tests add nothing to look at).
TESTS = "test_screens_are_accessible or test_digest_email_is_accessible"


def main() -> int:
    environment = {**os.environ, "CLEARWAY_SCREENSHOTS": "1"}
    command = [sys.executable, "-m", "pytest", "-q", TEST, "-k", TESTS]
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
