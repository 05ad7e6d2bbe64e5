"""`manage.py audit` on a real page whose only faults are plain English: advice, exit 0."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from audit.core.enums import Outcome
from audit.storage.models import AuditRun, TrackedFinding

from .conftest import LocalSite

pytestmark = pytest.mark.browser

LONG_SENTENCE = (
    "When you want to apply for a permit to park your car on the street outside your home you "
    "will need to show us proof of your address and the registration of your car before we can "
    "look at your application."
)
WORDY = f"""<!doctype html><html lang="en"><head><title>Parking permits - Anytown</title>
<meta name="description" content="Apply for a parking permit."></head>
<body><main><h1>Parking permits</h1><p>{LONG_SENTENCE}</p>
<p><a href="/parking/apply">Apply for a parking permit</a></p></main>
<footer><a href="/accessibility-statement">Accessibility statement</a></footer></body></html>"""


@pytest.mark.django_db(transaction=True)
def test_a_page_with_long_sentences_and_nothing_else_passes(
    local_site: LocalSite, tmp_path: Path
) -> None:
    url = local_site.route("/parking", WORDY)
    report = tmp_path / "report.json"

    # Exits 0 even at the strictest --fail-on: call_command raises SystemExit otherwise.
    call_command(
        "audit", url, "--workers", "1", "--fail-on", "minor", "--format", "json",
        "--output", str(report), stderr=StringIO(),
    )  # fmt: skip

    data = json.loads(report.read_text())
    (page,) = data["pages"]
    assert [(f["rule"], f["outcome"]) for f in page["findings"]] == [
        ("clearway-long-sentence", "advice")
    ]
    assert (data["summary"]["violations"], data["summary"]["advice"]) == (0, 1)
    run = AuditRun.objects.get()
    assert (run.violations, run.needs_review, run.advice) == (0, 0, 1)
    assert TrackedFinding.objects.get().outcome == Outcome.ADVICE
