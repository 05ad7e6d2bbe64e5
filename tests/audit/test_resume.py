"""A killed `manage.py audit` resumes its own run when the same command is run again.

The command runs as a real subprocess (with real Chromium) against the test database, is
SIGKILLed part way through, and is run again: the second run must finish the same AuditRun,
recording every page exactly once. A subprocess cannot see an in-memory SQLite test database,
so this test needs a database server (``DATABASE_URL=postgres://...``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audit.core.enums import RunStatus, RunTrigger
from audit.storage.models import AuditRun, Finding, PageResult

from .conftest import LocalSite, manage_py_env

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[2]
PAGES = 12
#: Each page answers after this long (twice per page: the fetch, then the browser).
DELAY = 0.25
#: A missing alt text (critical) and a needs-review item on every page: findings to count.
PAGE = """<!doctype html><html lang="en"><head><title>Page {n}</title></head>
<body><main><h1>Page {n}</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#777;background:#888">Low contrast {n}</p></main></body></html>"""


def test_a_killed_audit_command_resumes_the_same_run(local_site: LocalSite, tmp_path: Path) -> None:
    env = manage_py_env()
    urls = [local_site.route(f"/page-{n}", PAGE.format(n=n), delay=DELAY) for n in range(PAGES)]
    report = tmp_path / "report.json"
    command = [
        sys.executable,
        "manage.py",
        "audit",
        *urls,
        "--workers",
        "1",
        "--format",
        "json",
        "--output",
        str(report),
    ]

    # First attempt: killed (with its Chromium and chromedriver) once some pages are stored.
    first = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=tmp_path.joinpath("first.err").open("w"),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 45
        while PageResult.objects.count() < 3:
            assert first.poll() is None, tmp_path.joinpath("first.err").read_text()
            assert time.monotonic() < deadline, "the first attempt stored no pages in time"
            time.sleep(0.05)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)

    time.sleep(0.5)  # Requests the killed process had already sent reach the server's log.
    recorded_before = PageResult.objects.count()
    recorded_urls = set(PageResult.objects.values_list("url", flat=True))
    requests_before = {url: local_site.requested(_path(url)) for url in urls}
    assert 3 <= recorded_before < PAGES, "kill the run part way through, not after it"
    assert not report.exists(), "a killed command must not leave a partial report"
    killed = AuditRun.objects.get()
    assert killed.status == RunStatus.RUNNING  # Its process died without saying so.

    # Second attempt: the same command, to the end.
    second = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    # 1: the pages have violations at or above --fail-on serious; 2 would be "could not run".
    assert second.returncode == 1, second.stderr
    assert f"Resuming interrupted audit run {killed.pk}." in second.stderr

    run = AuditRun.objects.get()  # The same, single run: not a second one.
    assert run.pk == killed.pk
    assert run.trigger == RunTrigger.CLI
    assert run.status == RunStatus.FINISHED
    assert run.finished_at is not None
    assert run.pages_done == PAGES

    stored = Counter(PageResult.objects.filter(run=run).values_list("url", flat=True))
    assert stored == Counter(urls), "every URL exactly once"
    findings = Counter(
        Finding.objects.filter(run=run).values_list("page_result_id", "fingerprint", "outcome")
    )
    assert findings, "the pages have findings"
    assert max(findings.values()) == 1, "no finding stored twice for a page"
    assert set(Finding.objects.filter(run=run).values_list("url", flat=True)) == set(urls)

    data = json.loads(report.read_text())
    assert data["schema"] == "clearway.audit/1"
    assert Counter(page["url"] for page in data["pages"]) == Counter(urls)
    # Pages the first attempt recorded were not fetched again; every other page was fetched and
    # then loaded in the browser once by the second attempt, whatever the first had started.
    requested_again = {url: local_site.requested(_path(url)) - requests_before[url] for url in urls}
    assert requested_again == {url: 0 if url in recorded_urls else 2 for url in urls}


def _path(url: str) -> str:
    return urlsplit(url).path
