"""IBM Equal Access beside axe-core, in real headless Chromium against a local server: one
finding per problem both engines find (axe's fingerprint kept), IBM's own findings, and a page
for each curation decision (audit/checks/curation.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from audit.checks import curation
from audit.checks.curation import IBM_CURATION, Curation, Decision, ibm_outcome
from audit.core.conf import AuditSettings
from audit.core.enums import Engine, Level, Outcome, PageStatus
from audit.engine.drivers.ibm import IbmEngine
from audit.engine.runner import BrowserSession
from audit.results import AuditTarget, PageAudit

from .conftest import LocalSite

pytestmark = pytest.mark.browser


def settings(*engines: str) -> AuditSettings:
    return AuditSettings(
        PAGE_TIMEOUT=15.0,
        MAX_PAGE_BYTES=200_000,
        WORKERS=1,
        **({"ENGINES": engines} if engines else {}),  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def both() -> Iterator[BrowserSession]:
    """Every engine, as by default."""
    with BrowserSession(settings()) as session:
        session.start()
        yield session


@pytest.fixture(scope="module")
def axe_only() -> Iterator[BrowserSession]:
    """The audit as it was before IBM's engine: axe-core and Clearway's rules."""
    with BrowserSession(settings("axe", "clearway")) as session:
        session.start()
        yield session


@pytest.fixture(scope="module")
def ibm_only() -> Iterator[BrowserSession]:
    """IBM's engine alone: nothing else touches the page after it has run."""
    with BrowserSession(settings("ibm")) as session:
        session.start()
        yield session


def page(body: str, *, lang: str = "en") -> str:
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Bins - Anytown</title></head>
<body>{body}</body></html>"""


def audited(session: BrowserSession, site: LocalSite, path: str, html: str) -> PageAudit:
    url = site.route(path, html)
    result = session.audit(AuditTarget(url, page_id=41))
    assert result.status == PageStatus.OK, result.error
    return result


def raw_rules(session: BrowserSession) -> set[str]:
    """The rules IBM's engine itself reports (before curation) on the page the browser shows."""
    (engine,) = [engine for engine in session.engines if isinstance(engine, IbmEngine)]
    assert session.driver is not None
    skipped, engine.skip_rules = engine.skip_rules, []  # the rules switched off are not run
    try:
        answer: dict[str, Any] = engine._execute(session.driver)
    finally:
        engine.skip_rules = skipped
    assert not set(skipped) & {
        result["ruleId"] for result in engine._execute(session.driver)["results"]
    }
    return {result["ruleId"] for result in answer["results"]}


BOTH_FIND = page(
    """<main><h1>Report a missed bin</h1><img src="/lorry.png">
<form action="/report"><input type="text" name="postcode"><button>Find</button></form></main>"""
)


def test_a_barrier_both_engines_find_is_one_finding_naming_both(
    both: BrowserSession, axe_only: BrowserSession, local_site: LocalSite
) -> None:
    before = audited(axe_only, local_site, "/missed-bin", BOTH_FIND)
    now = audited(both, local_site, "/missed-bin", BOTH_FIND)

    axe_found = {finding.rule: finding for finding in before.violations}
    found = {finding.rule: finding for finding in now.violations}
    for rule, ibm_rule in (("image-alt", "img_alt_valid"), ("label", "input_label_exists")):
        merged = found[rule]
        assert merged.engine == Engine.AXE
        assert merged.engines == (Engine.AXE, Engine.IBM)
        assert merged.engine_rules == ((Engine.AXE, rule), (Engine.IBM, ibm_rule))
        # History is not re-keyed: the finding is axe's, with axe's fingerprint and selector.
        assert merged.fingerprint == axe_found[rule].fingerprint
        assert merged.selector == axe_found[rule].selector
        assert ibm_rule not in found  # not a second finding for the same problem
    assert before.findings[0].engines == (Engine.AXE,)
    # Every finding of the axe-only audit is still there, under the same fingerprint.
    assert {f.fingerprint for f in before.findings} <= {f.fingerprint for f in now.findings}


ONLY_IBM = page(
    """<main><h1>Your address</h1>
<label for="postcode">Postcode</label><input id="postcode" type="text" aria-label="Enter code">
</main>"""
)


def test_a_barrier_only_ibm_finds_is_reported_as_ibm_s(
    both: BrowserSession, axe_only: BrowserSession, local_site: LocalSite
) -> None:
    # The visible label "Postcode" is not part of the name "Enter code" (WCAG 2.5.3): axe-core's
    # rule for it looks at widgets named by their content, not at fields.
    assert audited(axe_only, local_site, "/menu", ONLY_IBM).violations == []
    result = audited(both, local_site, "/menu", ONLY_IBM)

    (finding,) = result.violations
    assert (finding.rule, finding.engine, finding.engines) == (
        "label_name_visible",
        Engine.IBM,
        (Engine.IBM,),
    )
    assert (finding.wcag, finding.level) == (("2.5.3",), Level.A)
    # IBM gives an XPath; the finding has the element's CSS path, as axe's findings do.
    assert finding.selector == "html > body > main > input:nth-child(3)"
    assert finding.html.startswith("<input") and 'aria-label="Enter code"' in finding.html
    assert finding.help_url.startswith("https://able.ibm.com/rules/")
    assert finding.message and finding.help
    assert len(finding.fingerprint) == 32
    again = audited(both, local_site, "/menu", ONLY_IBM)
    assert [f.fingerprint for f in again.violations] == [finding.fingerprint]


def test_ibm_s_potential_results_need_review(both: BrowserSession, local_site: LocalSite) -> None:
    # A form without a submit button may change context on input (3.2.2): IBM only suspects it.
    html = page('<main><h1>Search</h1><form action="/s"><label>Word <input name="q"></label>'
                "</form></main>")  # fmt: skip
    result = audited(both, local_site, "/search", html)

    (finding,) = [f for f in result.findings if f.rule == "form_submit_button_exists"]
    assert finding.outcome == Outcome.NEEDS_REVIEW
    assert finding.wcag == ("3.2.2",)


# Curation: a page for each decision ----------------------------------------------------------

SKIP_LINK = page(
    """<a href="#main" class="skip">Skip to main content</a>
<header><p>Anytown Council</p></header>
<main id="main"><h1>Bin collections</h1><p>We collect bins every week.</p></main>"""
)

CLOSED_DETAILS = page(
    """<main><h1>Feedback</h1><form action="/feedback" method="post">
<details><summary>Tell us more</summary>
<label for="more">What went wrong?</label><textarea id="more" name="more"></textarea>
</details><button>Send</button></form></main>"""
)

#: The usual visually-hidden label (GOV.UK's, and Clearway's own in static/css/clearway.css).
HIDDEN_LABEL = page(
    """<style>.visually-hidden { position: absolute !important; width: 1px !important;
height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important;
clip-path: inset(50%) !important; white-space: nowrap !important; border: 0 !important; }</style>
<main><h1>About the council</h1><form action="/search" role="search">
<label for="site-q" class="visually-hidden">Search this website</label>
<input type="search" id="site-q" name="q"><button>Search</button></form>
<label>Sort by <select name="sort"><option>Newest</option><option>Oldest</option></select></label>
</main>"""
)

#: A page with one paragraph: nothing to bypass; its content starts with a heading (H69).
NOTHING_TO_BYPASS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Map - Anytown</title></head>
<body><h1>Where the depot is</h1><p>The depot is on Mill Lane, next to the park.</p>
</body></html>"""

SCROLLABLE_TABLE = page(
    """<main><h1>Collection days</h1>
<div role="region" aria-label="Collection days by street" tabindex="0" style="overflow-x: auto">
<table><caption>Collection days by street</caption>
<thead><tr><th scope="col">Street</th><th scope="col">Day</th></tr></thead>
<tbody><tr><td>High Street</td><td>Monday</td></tr></tbody></table></div></main>"""
)

SKIP_LINK_SHOWN_ON_FOCUS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bins - Anytown</title>
<style>
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 0; top: 0; background: #fff; color: #0b0c0c; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
</style></head>
<body><a href="#main" class="skip">Skip to main content</a>
<main id="main"><h1>Bin collections</h1><p><a href="/bins/missed">Report a missed bin</a></p>
</main></body></html>"""

#: A WordPress theme's sidebar: a complementary landmark named by aria-label.
SIDEBAR = page(
    """<main><h1>Library opening times</h1><p>Open every day but Sunday.</p></main>
<aside aria-label="Related links and news"><h2>Related links</h2>
<ul><li><a href="/libraries/join">Join the library</a></li></ul></aside>"""
)

FIGURE = page(
    """<main><h1>Our new lorries</h1>
<figure><img src="/lorry.png" alt="A green bin lorry outside the depot">
<figcaption>The new lorries run on electricity.</figcaption></figure></main>"""
)


@pytest.mark.parametrize(
    ("rule", "html"),
    [
        ("aria_content_in_landmark", SKIP_LINK),
        ("element_tabbable_role_valid", SCROLLABLE_TABLE),
        ("element_tabbable_visible", SKIP_LINK_SHOWN_ON_FOCUS),
        ("style_color_misuse", SKIP_LINK_SHOWN_ON_FOCUS),
        ("aria_complementary_label_visible", SIDEBAR),
    ],
)
def test_rules_switched_off_report_nothing_on_good_pages(
    ibm_only: BrowserSession, local_site: LocalSite, rule: str, html: str
) -> None:
    assert IBM_CURATION[rule].decision == Decision.OFF
    result = audited(ibm_only, local_site, f"/{rule}", html)

    assert rule in raw_rules(ibm_only)  # the engine reports it: the decision is what hides it
    assert rule not in {f.rule for f in result.findings}
    assert result.violations == []


def test_a_disabled_ibm_rule_is_not_run(local_site: LocalSite) -> None:
    with BrowserSession(
        settings("ibm").with_overrides(DISABLED_RULES=("label_name_visible",))
    ) as s:
        (engine,) = s.engines
        assert isinstance(engine, IbmEngine) and "label_name_visible" in engine.skip_rules
        assert audited(s, local_site, "/menu-disabled", ONLY_IBM).violations == []


def test_a_figure_with_a_caption_is_no_finding(
    ibm_only: BrowserSession, local_site: LocalSite
) -> None:
    assert IBM_CURATION["figure_label_exists"].decision == Decision.OFF
    local_site.route("/lorry.png", b"GIF89a", content_type="image/gif")
    assert audited(ibm_only, local_site, "/figure", FIGURE).findings == []
    assert ibm_outcome("figure_label_exists", "RECOMMENDATION", "FAIL", rendered=True) is None


def test_a_labelled_field_in_closed_details_is_not_a_violation(
    ibm_only: BrowserSession, local_site: LocalSite
) -> None:
    assert IBM_CURATION["input_label_exists"].decision == Decision.ON_WHEN_UNNAMED
    result = audited(ibm_only, local_site, "/feedback", CLOSED_DETAILS)

    assert "input_label_exists" in raw_rules(ibm_only)
    assert result.violations == []
    # The engine misjudges the hidden field: nothing is reported on it.
    assert "input_label_exists" not in {f.rule for f in result.findings}
    assert all(f.outcome == Outcome.NEEDS_REVIEW for f in result.findings)


def test_a_visually_hidden_label_names_its_field(
    ibm_only: BrowserSession, local_site: LocalSite
) -> None:
    result = audited(ibm_only, local_site, "/about", HIDDEN_LABEL)

    assert "input_label_exists" in raw_rules(ibm_only)  # the engine's misjudgement
    assert "input_label_exists" not in {f.rule for f in result.findings}
    assert result.violations == []


def test_a_page_with_nothing_to_bypass_is_no_finding(
    ibm_only: BrowserSession, both: BrowserSession, local_site: LocalSite
) -> None:
    assert IBM_CURATION["skip_main_exists"].decision == Decision.OFF
    result = audited(ibm_only, local_site, "/map", NOTHING_TO_BYPASS)

    assert "skip_main_exists" in raw_rules(ibm_only)
    assert "skip_main_exists" not in {f.rule for f in result.findings}
    # axe-core's rule for the same criterion accepts the heading, as WCAG does.
    assert "bypass" not in {
        f.rule for f in audited(both, local_site, "/map", NOTHING_TO_BYPASS).findings
    }


def test_an_unlabelled_field_that_is_shown_is_still_a_violation(
    ibm_only: BrowserSession, local_site: LocalSite
) -> None:
    html = page('<main><h1>Feedback</h1><form action="/f"><textarea name="more"></textarea>'
                "<button>Send</button></form></main>")  # fmt: skip
    result = audited(ibm_only, local_site, "/feedback-bad", html)

    (finding,) = [f for f in result.findings if f.rule == "input_label_exists"]
    assert finding.outcome == Outcome.VIOLATION
    assert finding.wcag == ("4.1.2",)


def test_a_rule_that_can_only_suspect_is_needs_review_at_most(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rule = "img_alt_valid"
    monkeypatch.setattr(
        curation, "IBM_CURATION", {rule: Curation(rule, Decision.REVIEW, "for the test")}
    )
    assert ibm_outcome(rule, "VIOLATION", "FAIL", rendered=True) == Outcome.NEEDS_REVIEW
    assert ibm_outcome(rule, "VIOLATION", "POTENTIAL", rendered=True) == Outcome.NEEDS_REVIEW
    assert ibm_outcome(rule, "RECOMMENDATION", "MANUAL", rendered=True) is None


def test_focus_rules_the_browser_rules_check_better_are_off() -> None:
    # Neither fired on a test page of ours; the demo council measured them (docs/audit-rules.md).
    for rule in ("element_tabbable_unobscured", "style_focus_visible"):
        assert IBM_CURATION[rule].decision == Decision.OFF
        assert ibm_outcome(rule, "VIOLATION", "POTENTIAL", rendered=True) is None


#: A contact form's textarea with its label shown above it; a search field whose label is
#: visually hidden; a field named only by aria-label.
LABELS_SHOWN_OR_NOT = page(
    """<style>.visually-hidden { position: absolute !important; width: 1px !important;
height: 1px !important; overflow: hidden !important; clip-path: inset(50%) !important;
white-space: nowrap !important; border: 0 !important; }</style>
<main><h1>Contact us</h1><form action="/c" method="post">
<div class="field"><label for="c-msg">Your message</label>
<textarea id="c-msg" name="message" rows="5" cols="40"></textarea></div>
<div class="field"><label for="c-ref" class="visually-hidden">Reference</label>
<textarea id="c-ref" name="ref" rows="2" cols="40"></textarea></div>
<div class="field"><textarea aria-label="Anything else" name="else" rows="2"></textarea></div>
<button type="submit">Send message</button></form></main>"""
)


def test_a_field_whose_label_is_shown_is_not_asked_about(
    ibm_only: BrowserSession, local_site: LocalSite
) -> None:
    assert IBM_CURATION["input_label_visible"].decision == Decision.ON_UNLESS_LABEL_SHOWN
    result = audited(ibm_only, local_site, "/contact", LABELS_SHOWN_OR_NOT)

    assert "input_label_visible" in raw_rules(ibm_only)  # the engine asks of the first too
    asked = {f.selector for f in result.findings if f.rule == "input_label_visible"}
    # Only the field named by aria-label alone. (Of the visually hidden label, the engine
    # says input_label_exists, decided as its own rule.)
    assert [selector.rsplit(" > ", 2)[-2] for selector in asked] == ["div:nth-child(3)"], asked


def test_hidden_or_named_elements_are_left_out_only_where_decided() -> None:
    assert ibm_outcome("input_label_exists", "VIOLATION", "FAIL", rendered=False) is None
    assert ibm_outcome("input_label_exists", "VIOLATION", "FAIL", rendered=True, named=True) is None
    assert ibm_outcome("input_label_exists", "VIOLATION", "FAIL", rendered=True) == (
        Outcome.VIOLATION
    )
    assert ibm_outcome("img_alt_valid", "VIOLATION", "FAIL", rendered=True, named=True) == (
        Outcome.VIOLATION
    )


@pytest.mark.parametrize(
    ("policy", "confidence", "expected"),
    [
        ("VIOLATION", "FAIL", Outcome.VIOLATION),
        ("VIOLATION", "POTENTIAL", Outcome.NEEDS_REVIEW),
        ("RECOMMENDATION", "FAIL", Outcome.NEEDS_REVIEW),
        ("RECOMMENDATION", "POTENTIAL", None),
        ("RECOMMENDATION", "MANUAL", None),
        ("INFORMATION", "FAIL", None),
    ],
)
def test_an_uncurated_rule_follows_the_engine_s_split(
    policy: str, confidence: str, expected: Outcome | None
) -> None:
    assert "img_alt_valid" not in IBM_CURATION
    assert ibm_outcome("img_alt_valid", policy, confidence, rendered=True) == expected
    assert ibm_outcome("img_alt_valid", policy, confidence, rendered=False) == expected


def test_every_decision_has_a_reason() -> None:
    for rule, decided in IBM_CURATION.items():
        assert decided.rule == rule
        assert len(decided.reason) > 40, rule


def test_without_cdp_ibm_s_engine_is_injected_into_each_page(local_site: LocalSite) -> None:
    from .test_runner import NoCdpChromium

    config = settings("ibm")
    with BrowserSession(config, NoCdpChromium(config)) as plain:
        result = audited(plain, local_site, "/menu-plain", ONLY_IBM)
        (engine,) = plain.engines
        assert isinstance(engine, IbmEngine) and not engine.once_per_document
    assert [f.rule for f in result.violations] == ["label_name_visible"]
