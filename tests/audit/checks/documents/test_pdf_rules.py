"""Each document rule passes on a good PDF and fails on a real bad one; bad input is a
problem in words, never an exception."""

from __future__ import annotations

import pytest

from audit.checks.catalogue import get_rule
from audit.checks.documents import PdfProblem, check_pdf
from audit.checks.documents import rules as r
from audit.checks.documents.pdf import read_pdf
from audit.core.conf import AuditSettings
from audit.core.enums import Outcome, RuleKind

from . import pdfs

CONFIG = AuditSettings()


def rules_failed(data: bytes, config: AuditSettings = CONFIG) -> set[str]:
    checked = check_pdf(data, name="bands.pdf", config=config)
    assert checked.problem == ""
    return {issue.rule for issue in checked.issues}


def test_a_weasyprint_pdf_ua_document_passes_every_rule_but_the_web_page_advice() -> None:
    assert rules_failed(pdfs.tagged()) == {r.WEB_PAGE}


def test_an_untagged_document_fails_the_tag_rule() -> None:
    assert r.TAGGED in rules_failed(pdfs.untagged_weasyprint())
    assert r.TAGGED in rules_failed(pdfs.plain(title="T", show_title=True, lang="en"))
    assert r.TAGGED not in rules_failed(pdfs.plain(tags=True))


def test_a_document_without_a_title_or_that_does_not_show_it_fails_the_title_rule() -> None:
    assert r.TITLE in rules_failed(pdfs.plain())
    assert r.TITLE in rules_failed(pdfs.plain(title="Council tax bands"))
    assert r.TITLE not in rules_failed(pdfs.plain(title="Council tax bands", show_title=True))


def test_a_document_without_a_language_fails_the_language_rule() -> None:
    assert r.LANGUAGE in rules_failed(pdfs.plain())
    assert r.LANGUAGE not in rules_failed(pdfs.plain(lang="en-GB"))


def test_a_scan_without_text_fails_the_text_rule() -> None:
    checked = check_pdf(pdfs.scanned(), name="letter.pdf", config=CONFIG)
    messages = {issue.rule: issue.message for issue in checked.issues}
    assert "looks like a scan" in messages[r.TEXT]
    assert r.TEXT not in rules_failed(pdfs.plain())


def test_long_documents_need_bookmarks_as_advice() -> None:
    assert r.BOOKMARKS in rules_failed(pdfs.plain(pages=21))
    assert r.BOOKMARKS not in rules_failed(pdfs.plain(pages=21, bookmarks=3))
    assert r.BOOKMARKS not in rules_failed(pdfs.plain(pages=20))
    assert get_rule(r.BOOKMARKS).outcome == Outcome.ADVICE


def test_form_fields_without_a_tooltip_fail_one_finding_each() -> None:
    checked = check_pdf(pdfs.form(tooltips=False), name="bus-pass.pdf", config=CONFIG)
    unlabelled = [issue for issue in checked.issues if issue.rule == r.FORM_LABELS]
    assert [issue.selector for issue in unlabelled] == ["pdf field name", "pdf field postcode"]
    assert r.FORM_LABELS not in rules_failed(pdfs.form(tooltips=True))
    # A form is not "could be a web page" advice: it is a question of an online form.
    assert r.WEB_PAGE not in rules_failed(pdfs.form(tooltips=True))


def test_file_size_and_web_page_advice_follow_their_options() -> None:
    small = pdfs.plain(title="T", show_title=True, lang="en", tags=True)
    assert rules_failed(small) == {r.WEB_PAGE}
    strict = AuditSettings(
        RULE_OPTIONS={r.FILE_SIZE: {"max_bytes": 100}, r.WEB_PAGE: {"max_pages": 0}}
    )
    assert rules_failed(small, strict) == {r.FILE_SIZE}
    assert rules_failed(small, AuditSettings(DISABLED_RULES=(r.WEB_PAGE,))) == set()


@pytest.mark.parametrize(
    ("data", "problem", "words"),
    [
        (pdfs.encrypted(), PdfProblem.ENCRYPTED, "password"),
        (pdfs.corrupt(), PdfProblem.CORRUPT, "damaged"),
        (b"<!doctype html><title>Not found</title>", PdfProblem.NOT_PDF, "not a PDF"),
        (b"", PdfProblem.NOT_PDF, "not a PDF"),
    ],
    ids=["encrypted", "corrupt", "html-named-pdf", "empty"],
)
def test_bad_input_is_a_problem_in_words(data: bytes, problem: PdfProblem, words: str) -> None:
    checked = check_pdf(data, name="x.pdf", config=CONFIG)
    assert checked.facts.problem == problem
    assert words in checked.problem
    assert checked.issues == []


def test_the_facts_of_a_tagged_document() -> None:
    facts = read_pdf(pdfs.tagged())
    assert (facts.has_structure, facts.marked, facts.displays_title) == (True, True, True)
    assert (facts.title, facts.language, facts.pages) == ("Council tax bands 2026", "en-GB", 1)


def test_the_rules_are_document_rules_with_wcag_criteria() -> None:
    expected = {
        r.TAGGED: ("1.3.1",),
        r.TITLE: ("2.4.2",),
        r.LANGUAGE: ("3.1.1",),
        r.TEXT: ("1.1.1",),
        r.FORM_LABELS: ("4.1.2", "3.3.2"),
        r.BOOKMARKS: ("2.4.5",),
    }
    for rule_id, wcag in expected.items():
        rule = get_rule(rule_id)
        assert (rule.kind, rule.wcag) == (RuleKind.DOCUMENT, wcag)
    for advice in (r.FILE_SIZE, r.WEB_PAGE, r.BOOKMARKS):
        assert get_rule(advice).outcome == Outcome.ADVICE
