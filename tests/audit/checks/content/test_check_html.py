"""The runner: parsing any HTML, selectors, attribution, switching rules off, and findings."""

from __future__ import annotations

import pytest

from audit.checks.catalogue import all_rules, get_rule
from audit.checks.content import DEFAULT_TERMS, check_html, content_rule_ids
from audit.checks.content.document import ContentDocument
from audit.checks.issues import issue_to_finding
from audit.core.enums import Engine, Level, RuleKind, Source

from .conftest import URL, page

BAD = (
    '<p>Read the <a href="/a/">here</a> and <a href="/b.pdf">form</a>.</p>'
    "<p>PLEASE NOTE we utilise <i>everything</i>.</p>"
    '<figure><img src="/i.jpg" alt="IMG_0001.jpg"><figcaption>A caption</figcaption></figure>'
)


@pytest.mark.parametrize(
    "html", ["", "   ", "<", "not html at all", "<html><body></body></html>", "\x00\x01", "<?xml?>"]
)
def test_bad_or_empty_html_never_raises(config, html: str) -> None:
    found = check_html(html, url=URL, config=config, terms=())
    assert isinstance(found, list)
    if not html.strip():
        assert found == []


def test_comments_everywhere_are_ignored(config, caplog) -> None:
    body = (
        "<!-- a --><p><!-- b -->You can pay <!-- c -->online.<!-- d --></p>"
        '<figure><img src="/a.jpg" alt="IMG_1.jpg"><!-- e --><figcaption>x</figcaption></figure>'
        '<div><img src="/b.jpg" alt="Hall"><!-- f --><p class="caption">Hall</p></div>'
        '<p><a href="/f.pdf">Form</a><!-- g --> (PDF, 1 MB)</p>'
    )
    found = check_html(page(body), url=URL, config=config, terms=DEFAULT_TERMS)
    assert {i.rule for i in found} == {"clearway-alt-file-name", "clearway-alt-repeats-caption"}
    assert "failed" not in caplog.text


def test_xhtml_with_an_xml_declaration(config) -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page('<p><a href="/x/">Click here</a></p>')
    assert "clearway-link-text" in {
        i.rule for i in check_html(html, url=URL, config=config, terms=())
    }


def test_a_fragment_without_html_or_body(config) -> None:
    found = check_html('<p><a href="/x/">Click here</a></p>', url=URL, config=config, terms=())
    assert "clearway-link-text" in {i.rule for i in found}


def test_an_accessible_page_has_no_issues(config) -> None:
    html = page(
        "<p>You can pay your council tax online, by phone or at the town hall.</p>"
        '<p><a href="/council-tax/pay-online/">Pay your council tax online</a></p>'
        '<p class="document"><a href="/documents/bands.pdf">Council tax bands (PDF, 120 KB)</a></p>'
        '<figure><img src="/media/hall.jpg" alt="The town hall on High Street">'
        "<figcaption>Pay in person at the town hall</figcaption></figure>"
    )
    assert check_html(html, url=URL, config=config, terms=DEFAULT_TERMS) == []


def test_every_content_rule_is_in_the_catalogue() -> None:
    rules = all_rules()
    for rule_id in content_rule_ids():
        rule = rules[rule_id]
        assert rule.kind == RuleKind.CONTENT
        assert rule.what and rule.why and rule.how
        assert rule.wcag or rule.level in {Level.PLAIN_ENGLISH, Level.BEST_PRACTICE}


def test_disabled_rules_do_not_run(config) -> None:
    html = page(BAD)
    everything = {i.rule for i in check_html(html, url=URL, config=config, terms=[])}
    assert {"clearway-link-text", "clearway-document-link", "clearway-block-capitals",
            "clearway-italic-underline", "clearway-alt-file-name"} <= everything  # fmt: skip
    off = config.with_overrides(DISABLED_RULES=("clearway-link-text", "clearway-alt-file-name"))
    rest = {i.rule for i in check_html(html, url=URL, config=off, terms=[])}
    assert rest == everything - {"clearway-link-text", "clearway-alt-file-name"}


def test_a_failing_rule_does_not_cost_the_others(config, monkeypatch, caplog) -> None:
    from audit.checks.content import rules

    def broken(document, context):
        raise ZeroDivisionError

    monkeypatch.setitem(rules.CHECKS, "clearway-link-text", broken)
    found = check_html(page(BAD), url=URL, config=config, terms=[])
    assert "clearway-document-link" in {i.rule for i in found}
    assert "clearway-link-text failed" in caplog.text


# Selectors and attribution -----------------------------------------------------------------


def test_attribution_follows_regions_and_blocks(config) -> None:
    html = page(
        '<div data-block-id="b1"><p>x <a href="/a/">here</a></p></div>'
        '<ul data-clearway-content="related_links"><li data-block-id="r1">'
        '<a href="/b/">Read more</a></li></ul>',
        footer='<footer data-block-id="ignored"><a href="/accessibility/">More</a></footer>',
    )
    found = {i.selector: i for i in check_html(html, url=URL, config=config, terms=[])}
    body = found['[data-block-id="b1"] a[href="/a/"]']
    assert (body.source, body.region, body.block_id) == (Source.CONTENT, "body", "b1")
    related = found['[data-block-id="r1"] a[href="/b/"]']
    assert (related.source, related.region, related.block_id) == (
        Source.CONTENT, "related_links", "r1",
    )  # fmt: skip
    footer = found['[data-block-id="ignored"] a[href="/accessibility/"]']
    assert (footer.source, footer.region, footer.block_id) == (Source.TEMPLATE, "", "")


def test_selectors_name_elements_without_positions_when_they_can() -> None:
    document = ContentDocument(
        '<html><body><main id="main"><p><a href="/a/">A</a></p><p><a href="/a/">A</a>'
        '<a id="x" href="/b/">B</a></p><div><span><i>deep</i></span></div></main></body></html>'
    )
    first, second, named = document.links
    assert document.selector(named) == "#x"
    assert document.selector(first) == '#main > p:nth-of-type(1) > a[href="/a/"]'
    assert document.selector(second) == '#main > p:nth-of-type(2) > a[href="/a/"]:nth-of-type(1)'
    italic = next(document.root.iter("i"))
    assert document.selector(italic) == "#main > div > span > i"


def test_duplicate_ids_are_not_used() -> None:
    document = ContentDocument(
        '<body><p id="d"><a href="/a/">A</a></p><p id="d"><a href="/b/">B</a></p></body>'
    )
    assert document.selector(document.links[0]) == 'body a[href="/a/"]'


def test_selectors_quote_attribute_values() -> None:
    document = ContentDocument("<body><a href='/a?x=\"1\"'>A</a></body>")
    assert document.selector(document.links[0]) == 'body a[href="/a?x=\\"1\\""]'


# Findings ----------------------------------------------------------------------------------


def test_issues_become_clearway_findings_with_stable_fingerprints(config) -> None:
    before = check_html(page(BAD), url=URL, config=config, terms=[])
    after = check_html(
        page("<p>A new paragraph above everything, with a <a href='/c/'>new link</a>.</p>" + BAD),
        url=URL,
        config=config,
        terms=[],
    )
    key = "page:7"
    findings_before = {f.fingerprint: f for f in (issue_to_finding(i, key) for i in before)}
    findings_after = {f.fingerprint: f for f in (issue_to_finding(i, key) for i in after)}
    assert findings_before
    assert set(findings_before) <= set(findings_after)
    for finding in findings_before.values():
        assert finding.engine == Engine.CLEARWAY
        rule = get_rule(finding.rule)
        assert (finding.impact, finding.level, finding.wcag) == (rule.impact, rule.level, rule.wcag)


def test_long_sentence_fingerprints_survive_an_edit_elsewhere(config) -> None:
    long = " ".join(["word"] * 30) + "."
    before = check_html(page(f"<p>{long}</p>"), url=URL, config=config, terms=[])
    after = check_html(page(f"<p>New text.</p><p>{long}</p>"), url=URL, config=config, terms=[])
    assert {issue_to_finding(i, "k").fingerprint for i in before} == {
        issue_to_finding(i, "k").fingerprint for i in after
    }


def test_time_grows_linearly_with_the_page(config) -> None:
    """A huge page (a list of thousands of links, each with a finding) stays linear: no search
    of the whole page per element. Measured in CPU time, which a busy machine barely skews."""
    import time

    def seconds(items: int) -> float:
        rows = "".join(
            f'<li><a href="/same/">Read more</a> We utilise item {n}. '
            f'<a href="/i/{n}">Item {n}</a></li>'
            for n in range(items)
        )
        html = page(f"<ul>{rows}</ul>")
        started = time.process_time()
        found = check_html(html, url=URL, config=config, terms=DEFAULT_TERMS)
        assert len(found) >= 2 * items
        return time.process_time() - started

    seconds(200)  # warm up
    small, large = seconds(1000), seconds(8000)
    assert large < 8 * 3 * small, (small, large)  # linear: 8 times; quadratic: 64 times


def test_rules_are_switched_off_and_tuned_in_the_setting(settings) -> None:
    from audit.core.conf import audit_settings

    html = page("<p>We utilise <a href='/x/'>here</a>.</p>" + "<p>" + "word " * 30 + "end.</p>")
    settings.CLEARWAY_AUDIT = {
        "DISABLED_RULES": ["clearway-link-text"],
        "RULE_OPTIONS": {"clearway-long-sentence": {"max_words": 40}},
    }
    rules = {
        i.rule for i in check_html(html, url=URL, config=audit_settings(), terms=DEFAULT_TERMS)
    }
    assert rules == {"clearway-words-to-avoid"}
    settings.CLEARWAY_AUDIT = {}
    rules = {
        i.rule for i in check_html(html, url=URL, config=audit_settings(), terms=DEFAULT_TERMS)
    }
    assert rules == {"clearway-words-to-avoid", "clearway-link-text", "clearway-long-sentence"}
