"""`manage.py audit --engines` and the engines in the JSON report, with real Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from audit.core.enums import Engine
from audit.engine.drivers.axe_results import axe_version
from audit.engine.drivers.ibm import IbmEngine
from audit.storage.models import Finding

from .conftest import LocalSite
from .test_audit_command import BARRIERS, audit, findings

pytestmark = pytest.mark.browser


def versions() -> dict[str, str]:
    from audit.core.conf import audit_settings

    return {"axe": axe_version(audit_settings().AXE_SCRIPT), "ibm": IbmEngine().version()}


@pytest.mark.django_db
def test_every_engine_runs_by_default_and_the_report_names_them(
    local_site: LocalSite, tmp_path: Path
) -> None:
    url = local_site.route("/parking", BARRIERS)

    status, report = audit(tmp_path, url, "--no-store")

    assert status == 1
    assert report["tool"]["engines"] == versions()
    assert report["tool"]["axe_version"] == versions()["axe"]
    found = {f["rule"]: f for f in findings(report, url)}
    # One finding for the image, axe's, naming both engines with their rules.
    assert found["image-alt"]["engine"] == "axe"
    assert found["image-alt"]["engines"] == {"axe": "image-alt", "ibm": "img_alt_valid"}
    assert "img_alt_valid" not in found
    assert found["clearway-link-text"]["engines"] == {"clearway": "clearway-link-text"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("engines", "expected"),
    [
        ("axe", {"axe"}),
        ("ibm", {"ibm"}),
        ("ibm,clearway", {"ibm", "clearway"}),
        ("axe, clearway", {"axe", "clearway"}),
    ],
)
def test_engines_chooses_the_engines(
    local_site: LocalSite, tmp_path: Path, engines: str, expected: set[str]
) -> None:
    url = local_site.route("/parking", BARRIERS)

    status, report = audit(tmp_path, url, "--no-store", "--engines", engines)

    assert status == 1  # every engine finds the image without a text alternative
    reported = {engine for f in findings(report, url) for engine in f["engines"]}
    assert reported == expected
    browser_engines = expected - {"clearway"}
    assert report["tool"]["engines"] == {
        name: version for name, version in versions().items() if name in browser_engines
    }


@pytest.mark.django_db
def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(CommandError, match="--engines takes one or more of axe, ibm, clearway"):
        call_command("audit", "http://127.0.0.1:9/", "--engines", "axe,wave", "--no-store")


@pytest.mark.django_db(transaction=True)
def test_a_stored_run_keeps_every_engine_of_a_finding(
    local_site: LocalSite, tmp_path: Path
) -> None:
    url = local_site.route("/parking", BARRIERS)

    status, report = audit(tmp_path, url)

    assert status == 1
    image = Finding.objects.get(rule="image-alt")
    assert image.engine == Engine.AXE
    assert image.engine_rules == [["axe", "image-alt"], ["ibm", "img_alt_valid"]]
    # The report of a stored run is read back from the database: the same engines.
    assert report["tool"]["engines"] == versions()
    found = {f["rule"]: f for f in findings(report, url)}
    assert found["image-alt"]["engines"] == {"axe": "image-alt", "ibm": "img_alt_valid"}
