"""A shared run's batches audited on a remote WebDriver server, with real Chromium: chromedriver
started as a standalone server (the fixture of test_browsers.py), and Selenium Grid 4 when its
jar is at hand (``CLEARWAY_SELENIUM_SERVER_JAR``; docs/scale.md says where to get it). The
server is down at first: the batch is given back with the reason on the run, and audited when
it is tried again."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from audit.core.enums import BatchStatus, PageStatus, RunStatus, RunTrigger
from audit.results import AuditTarget
from audit.runs.batches import start_batches, work_batches
from audit.runs.planning import Plan
from audit.runs.service import create_run
from audit.storage.models import AuditRun, PageResult, RunBatch
from tests.audit.conftest import LocalSite
from tests.audit.test_browsers import chromedriver_server, free_port
from tests.audit.test_runner import BARRIERS, CLEAN

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

__all__ = ["chromedriver_server"]  # A fixture, used by name.


@pytest.fixture(scope="module")
def selenium_grid() -> Iterator[str]:
    """Selenium Grid 4 in standalone mode, offline, using Debian's chromedriver on the PATH."""
    jar = os.environ.get("CLEARWAY_SELENIUM_SERVER_JAR", "")
    if not jar or not os.path.exists(jar):
        pytest.skip("Set CLEARWAY_SELENIUM_SERVER_JAR to selenium-server-4.x.jar (docs/scale.md).")
    port = free_port()
    process = subprocess.Popen(
        ["java", "-jar", jar, "standalone", "--port", str(port), "--selenium-manager", "false"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "SE_OFFLINE": "true"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not _ready(url):
            assert process.poll() is None, "Selenium Grid did not start"
            assert time.monotonic() < deadline, "Selenium Grid was not ready in 90 s"
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(20)


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/status", timeout=2) as response:
            return b'"ready": true' in response.read()
    except OSError:
        return False


@pytest.fixture(params=["chromedriver", "grid"])
def webdriver_server(request: pytest.FixtureRequest) -> str:
    name = "chromedriver_server" if request.param == "chromedriver" else "selenium_grid"
    url: str = request.getfixturevalue(name)
    return url


def audit_settings(**values: Any) -> Any:
    return override_settings(
        CLEARWAY_AUDIT={
            "AUDIT_ON_PUBLISH": False,
            "BATCH_SIZE": 2,
            "WORKERS": 1,
            "PAGE_TIMEOUT": 15,
            **values,
        }
    )


def test_a_shared_run_waits_for_its_webdriver_server(
    webdriver_server: str, local_site: LocalSite
) -> None:
    urls = [
        local_site.route("/bins", CLEAN),
        local_site.route("/missed-bin", BARRIERS.replace("{extra}", "")),
        local_site.route("/council-tax", CLEAN.replace("Bins", "Council tax")),
    ]
    down = f"http://127.0.0.1:{free_port()}"
    with audit_settings(REMOTE_URL=down):
        run = create_run(RunTrigger.MANUAL, plan=Plan(targets=[AuditTarget(u) for u in urls]))
        start_batches(run.pk)
        assert work_batches(run.pk, wait=False) is None

    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING
    assert f"The WebDriver server at {down} cannot be reached" in run.error
    first = RunBatch.objects.get(run=run, number=1)
    assert (first.status, first.attempts) == (BatchStatus.PENDING, 1)
    assert not PageResult.objects.filter(run=run).exists()

    # The server is up again when the batches are tried again.
    RunBatch.objects.update(lease_expires_at=timezone.now())
    with audit_settings(REMOTE_URL=webdriver_server):
        finished = work_batches(run.pk, wait=False)

    assert finished is not None, AuditRun.objects.get(pk=run.pk).error
    assert finished.status == RunStatus.FINISHED
    pages = dict(PageResult.objects.filter(run=run).values_list("url", "status"))
    assert pages == dict.fromkeys(urls, PageStatus.OK)
    assert finished.violations > 0
    assert finished.configuration["browser"] == f"remote ({webdriver_server})"
    assert finished.configuration["axe_once_per_document"] is True  # CDP works through it.
