"""The demo council's documents: tagged PDFs pass every document rule, and the old untagged
one's findings are dismissed as outside the scope of the regulations, so the seeded site has no
open violation from its documents."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model

from audit.core.conf import AuditSettings
from audit.core.enums import DismissalReason, FindingStatus, Outcome, PageStatus, RunTrigger
from audit.engine.documents import audit_document
from audit.runs import service
from audit.storage.models import Dismissal, TrackedFinding
from audit.storage.sink import DatabaseSink


@pytest.mark.django_db
def test_the_seeded_demo_documents_have_no_open_violation() -> None:
    call_command("seed_demo", verbosity=0)
    run = service.create_run(RunTrigger.CLI, urls=[])
    sink = DatabaseSink(run)
    config = AuditSettings()
    pdfs = [d for d in get_document_model().objects.all() if d.filename.endswith(".pdf")]
    assert len(pdfs) >= 3
    for document in pdfs:
        with document.open_file() as handle:
            data = handle.read()
        # The address the audit would meet on any host: fingerprints hold the URL.
        url = f"http://127.0.0.1:8000{document.url}"
        result = audit_document(url, config, [], body=data, http_status=200)
        assert result.status == PageStatus.OK, (url, result.error)
        sink.page(result)

    assert not TrackedFinding.objects.current().violations().exists(), list(
        TrackedFinding.objects.current().violations().values_list("url", "rule")
    )
    legacy = TrackedFinding.objects.filter(url__endswith="housing-strategy-2015-to-2020.pdf")
    assert legacy.filter(outcome=Outcome.VIOLATION).exists()
    assert {t.status for t in legacy.filter(outcome=Outcome.VIOLATION)} == {FindingStatus.DISMISSED}
    assert set(Dismissal.objects.values_list("reason", flat=True)) == {
        DismissalReason.OUTSIDE_SCOPE
    }
    # The accessible ones have nothing but advice.
    others = TrackedFinding.objects.exclude(url__endswith="housing-strategy-2015-to-2020.pdf")
    assert set(others.values_list("outcome", flat=True)) <= {Outcome.ADVICE}
