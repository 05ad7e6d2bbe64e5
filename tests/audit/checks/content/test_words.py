"""Words to avoid: the default list, matching, and the admin-editable table."""

from __future__ import annotations

import pytest

from audit.checks.content import DEFAULT_TERMS, PlainTerm
from audit.checks.content.words import find_terms
from audit.storage.models import PlainEnglishTerm
from audit.storage.terms import load_terms

from .conftest import issues, page

RULE = "clearway-words-to-avoid"


@pytest.mark.parametrize(
    "text, phrase, suggestion",
    [
        ("We will utilise your data.", "utilise", "use"),
        ("Staff UTILISED the form.", "UTILISED", "used"),
        ("Fill in the form in order to apply.", "in order to", "to"),
        ("Fill in the form in\norder to apply.", "in order to", "to"),
        ("Going forward, bins are emptied weekly.", "Going forward", "in future"),
        ("We will facilitate a meeting.", "facilitate", "help"),
        ("Bring proof, e.g. a bill.", "e.g.", "for example"),
        ("Bring proof, eg a bill.", "eg", "for example"),
        ("Paper, card etc. go in the blue bin.", "etc", "such as"),
        ("Call us prior to your visit.", "prior to", "before"),
        ("Whilst you wait, fill in the form.", "Whilst", "while"),
        ("Roads impacted by flooding are closed.", "impacted", "affected"),
    ],
)
def test_words_to_avoid_are_reported_with_alternatives(
    text: str, phrase: str, suggestion: str
) -> None:
    (found,) = issues(page(f"<p>{text}</p>"), RULE)
    assert f"“{phrase}”" in found.message.replace("\n", " ") or phrase.split()[0] in found.message
    assert suggestion in found.message
    assert found.region == "body"


@pytest.mark.parametrize(
    "text",
    [
        # Ordinary council words that a careless list would flag.
        "We deliver bins to new homes.",
        "Foster carers get an allowance.",
        "Return your keys to the housing office. This is the key to the front door.",
        "Drive to the recycling centre.",
        "Ask for an assisted bin collection.",
        "The impact of the roadworks will be small.",
        "Commit a crime and you may be fined.",
        "Promote your event on our noticeboard.",
        # Inside other words, web addresses and email addresses.
        "Segregated waste goes in the green bin.",
        "Email etcetera@anytown.gov.uk or visit www.facilitate.example.org.",
        "Our partner in Ireland is anytown.ie for details.",
        # Quoted words are someone else's.
        "Do not write “in order to”: write “to”.",
        'The report said "going forward" eleven times.',
    ],
)
def test_ordinary_text_passes(text: str) -> None:
    assert issues(page(f"<p>{text}</p>"), RULE) == []


def test_code_and_quotations_are_not_checked() -> None:
    body = (
        "<p>Type <code>utilise</code> in the box.</p>"
        "<pre>utilise(in_order_to=True) # utilise it, in order to test</pre>"
        "<blockquote><p>We will utilise every resource going forward.</p></blockquote>"
        "<p>The minister said <q>we will facilitate it</q>.</p>"
    )
    assert issues(page(body), RULE) == []


def test_one_issue_per_element_listing_every_term() -> None:
    (found,) = issues(page("<p>In order to apply, utilise the form. Utilise it once.</p>"), RULE)
    assert "in order to" in found.message.lower() and "utilise" in found.message.lower()
    assert found.message.lower().count("utilise") == 1


def test_headings_and_list_items_are_checked() -> None:
    body = "<h2>Going forward</h2><ul><li>We utilise your data</li></ul>"
    assert len(issues(page(body), RULE)) == 2


def test_template_text_is_not_checked_when_regions_are_marked() -> None:
    html = page("<p>Fine.</p>").replace("<header>", "<header><p>Utilise our search.</p>")
    assert issues(html, RULE) == []


def test_custom_terms() -> None:
    terms = [PlainTerm("leisure facility", ("leisure centre", "pool"))]
    (found,) = issues(page("<p>Visit a Leisure  Facility.</p>"), RULE, terms=terms)
    assert "leisure centre" in found.message
    assert issues(page("<p>We utilise it.</p>"), RULE, terms=terms) == []
    assert issues(page("<p>We utilise it.</p>"), RULE, terms=[]) == []


def test_find_terms_is_whole_words() -> None:
    assert find_terms("utilisation utilises", DEFAULT_TERMS) == [
        ("utilisation", next(t for t in DEFAULT_TERMS if t.phrase == "utilisation"))
    ]


# The table --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_migration_loads_the_default_list_and_load_terms_reads_it() -> None:
    assert PlainEnglishTerm.objects.count() == len(DEFAULT_TERMS)
    row = PlainEnglishTerm.objects.get(phrase="in order to")
    assert row.alternatives == "to" and row.enabled
    assert set(load_terms()) == set(DEFAULT_TERMS)


@pytest.mark.django_db
def test_load_terms_uses_enabled_rows() -> None:
    PlainEnglishTerm.objects.filter(phrase="utilise").update(enabled=False)
    PlainEnglishTerm.objects.create(phrase="leisure facility", alternatives="leisure centre, pool")
    terms = load_terms()
    assert "utilise" not in {t.phrase for t in terms}
    assert PlainTerm("leisure facility", ("leisure centre", "pool"), "") in terms


@pytest.mark.django_db
def test_an_empty_table_means_the_default_list() -> None:
    PlainEnglishTerm.objects.all().delete()
    assert load_terms() == DEFAULT_TERMS


def test_no_database_means_the_default_list() -> None:
    # No django_db mark: database access is blocked, as when the table cannot be read.
    assert load_terms() == DEFAULT_TERMS


@pytest.mark.django_db
def test_check_html_with_the_terms_editors_keep_in_the_table(config) -> None:
    from audit.checks.content import check_html

    PlainEnglishTerm.objects.create(phrase="leisure facility", alternatives="leisure centre")
    found = check_html(
        page("<p>Visit a leisure facility.</p>"), url="/", config=config, terms=load_terms()
    )
    assert [i.rule for i in found] == [RULE]


def test_other_languages_are_not_checked() -> None:
    html = page('<p lang="fr">Le rapport est robust, etc.</p>')
    assert issues(html, RULE) == []
    assert len(issues(page("<p>The report is robust.</p>"), RULE)) == 1


def test_advice_names_the_words_found_and_their_replacements_only() -> None:
    """The message, not the rule's fixed help, carries the suggestions: a page that says
    "commence" is told "start, begin", never the help text's old "use", "to", "help"."""
    from audit.checks.catalogue import get_rule

    (found,) = issues(page("<p>Works commence prior to Easter.</p>"), "clearway-words-to-avoid")
    assert "“commence” (try “start”, “begin”)" in found.message
    assert "“prior to” (try “before”)" in found.message
    assert "“use”" not in found.message
    how = get_rule("clearway-words-to-avoid").how
    assert "“use”" not in how and "“help”" not in how
