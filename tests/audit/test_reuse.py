"""Unchanged pages reuse their last results instead of a browser run.

Unit tests for the fingerprint's parts, then stored runs in real Chromium against the local
test server: a second run of unchanged pages starts no browser and records the same findings
as reused; a changed page, stylesheet or rule setting is analysed again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from audit.core.conf import AuditSettings
from audit.core.enums import PageStatus, RunTrigger
from audit.engine.browsers import LocalChromium
from audit.engine.links import asset_urls
from audit.engine.reuse import AssetFingerprints, analysis_key, content_fingerprint
from audit.runs import service
from audit.storage.models import AuditRun, Finding, PageResult

from .conftest import LocalSite

BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bins {n}</title>
<link rel="stylesheet" href="/style.css"></head>
<body><main><h1>Bins {n}</h1><img src="/bin.png"></main></body></html>"""


# Fingerprint parts ---------------------------------------------------------------------------


def test_asset_urls_are_the_stylesheets_scripts_and_frames_a_page_loads() -> None:
    html = """<html><head>
    <link rel="stylesheet" href="/css/site.css#x"><link rel="icon" href="/favicon.ico">
    <link rel="preload stylesheet" href="https://cdn.example/a.css">
    <script src="app.js"></script><script>inline()</script></head>
    <body><iframe src="/map"></iframe><img src="/photo.jpg">
    <script src="/css/site.css"></script></body></html>"""

    assert asset_urls(html, "https://council.example/bins/") == [
        "https://council.example/css/site.css",
        "https://cdn.example/a.css",
        "https://council.example/bins/app.js",
        "https://council.example/map",
    ]


def test_asset_urls_follow_the_base_element_and_survive_junk() -> None:
    html = '<head><base href="/static/"><script src="x.js"></script></head>'
    assert asset_urls(html, "https://council.example/a/b") == [
        "https://council.example/static/x.js"
    ]
    assert asset_urls("", "https://council.example/") == []
    assert asset_urls(b"\x00\xff not html", "https://council.example/") == []


def test_the_content_fingerprint_changes_with_the_html_the_assets_and_the_settings() -> None:
    body = b"<p>Bins</p>"
    base = content_fingerprint(body, [("https://a/s.css", "1")], "key")

    assert content_fingerprint(body, [("https://a/s.css", "1")], "key") == base
    assert content_fingerprint(b"<p>Bins!</p>", [("https://a/s.css", "1")], "key") != base
    assert content_fingerprint(body, [("https://a/s.css", "2")], "key") != base
    assert content_fingerprint(body, [], "key") != base
    assert content_fingerprint(body, [("https://a/s.css", "1")], "other key") != base


def test_nonces_and_csrf_tokens_do_not_change_the_fingerprint() -> None:
    page = '<script nonce="{}"></script><input name="csrfmiddlewaretoken" value="{}"><p>{}</p>'

    first = content_fingerprint(page.format("n1", "t1", "Bins").encode(), [], "k")
    second = content_fingerprint(page.format("n2", "t2", "Bins").encode(), [], "k")
    edited = content_fingerprint(page.format("n2", "t2", "Recycling").encode(), [], "k")

    assert first == second
    assert edited != first


def test_the_analysis_key_covers_the_browser_rules_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit.engine import reuse

    assert (reuse.BROWSER_CHECKS_SOURCE / "suite.py").is_file()
    assert any(reuse.BROWSER_CHECKS_SOURCE.glob("js/*.js"))
    before = analysis_key(AuditSettings(), "4.11.0")
    for path in reuse.BROWSER_CHECKS_SOURCE.rglob("*"):
        if path.suffix in {".py", ".js"} and path.is_file():
            copy = tmp_path / path.relative_to(reuse.BROWSER_CHECKS_SOURCE)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
    monkeypatch.setattr(reuse, "BROWSER_CHECKS_SOURCE", tmp_path)
    assert analysis_key(AuditSettings(), "4.11.0") == before
    (tmp_path / "js" / "focus.js").write_text("// changed\n", encoding="utf-8")
    assert analysis_key(AuditSettings(), "4.11.0") != before


def test_the_analysis_key_covers_the_rule_settings() -> None:
    config = AuditSettings()
    key = analysis_key(config, "4.11.0")

    assert analysis_key(AuditSettings(), "4.11.0") == key
    assert analysis_key(config, "4.11.1") != key
    assert analysis_key(config.with_overrides(DISABLED_RULES=("region",)), "4.11.0") != key
    assert analysis_key(config.with_overrides(TAGS=("wcag2a",)), "4.11.0") != key
    assert analysis_key(config.with_overrides(WINDOW_WIDTH=800), "4.11.0") != key
    options = {"clearway-reading-age": {"target": 12}}
    assert analysis_key(config.with_overrides(RULE_OPTIONS=options), "4.11.0") != key


def test_assets_are_fetched_once_per_run_and_off_site_ones_never(local_site: LocalSite) -> None:
    local_site.route("/style.css", "p { color: red }", content_type="text/css")
    local_site.route("/moved.css", status=301, headers={"Location": "/style.css"})
    assets = AssetFingerprints(AuditSettings(PAGE_TIMEOUT=5), [local_site.host])

    first = assets.of(local_site.url("/style.css"))
    again = assets.of(local_site.url("/style.css"))
    moved = assets.of(local_site.url("/moved.css"))
    missing = assets.of(local_site.url("/missing.css"))
    off_site = assets.of("https://cdn.example/style.css")

    assert first == again and len(first) == 64
    assert local_site.requested("/style.css") == 1
    assert moved.startswith("status:301:")
    assert missing == "status:404:"
    assert off_site == "off-site"


# Stored runs in Chromium ---------------------------------------------------------------------


class CountingChromium(LocalChromium):
    started = 0

    def create_driver(self) -> Any:
        CountingChromium.started += 1
        return super().create_driver()


@pytest.fixture
def counting_browser(settings: Any) -> Iterator[type[CountingChromium]]:
    settings.CLEARWAY_AUDIT = {
        **settings.CLEARWAY_AUDIT,
        "BROWSER_BACKEND": f"{__name__}.CountingChromium",
        "PAGE_TIMEOUT": 20,
    }
    CountingChromium.started = 0
    yield CountingChromium


def audit_urls(urls: list[str]) -> AuditRun:
    run = service.create_run(RunTrigger.MANUAL, urls=urls)
    return service.execute_run(run.pk, workers=2)


def findings_by_url(run: AuditRun) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for finding in Finding.objects.filter(run=run):
        found.setdefault(finding.url, set()).add((finding.rule, finding.fingerprint))
    return found


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_second_run_of_unchanged_pages_reuses_every_result_without_a_browser(
    local_site: LocalSite, counting_browser: type[CountingChromium]
) -> None:
    local_site.route("/style.css", "main { color: #000 }", content_type="text/css")
    urls = [local_site.route(f"/bins-{n}", BAD_PAGE.format(n=n)) for n in range(3)]

    first = audit_urls(urls)
    browsers_after_first = counting_browser.started
    second = audit_urls(urls)

    assert browsers_after_first >= 1
    assert counting_browser.started == browsers_after_first  # No browser for the second run.
    assert first.pages_reused == 0
    assert second.pages_reused == 3
    results = PageResult.objects.filter(run=second)
    assert {result.status for result in results} == {PageStatus.OK}
    assert all(result.reused for result in results)
    assert all(len(result.content_fingerprint) == 64 for result in results)
    # The same findings, stored again for the second run (its history is complete).
    assert findings_by_url(second) == findings_by_url(first)
    assert any(
        "image-alt" in {rule for rule, _ in found} for found in findings_by_url(second).values()
    )
    assert second.violations == first.violations > 0
    # Nothing new, fixed or regressed: the same findings were seen.
    assert (second.findings_new, second.findings_fixed, second.findings_regressed) == (0, 0, 0)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_changed_page_stylesheet_or_setting_is_analysed_again(
    local_site: LocalSite, counting_browser: type[CountingChromium], settings: Any
) -> None:
    local_site.route("/style.css", "main { color: #000 }", content_type="text/css")
    urls = [local_site.route(f"/bins-{n}", BAD_PAGE.format(n=n)) for n in range(2)]
    audit_urls(urls)

    # Page 0 gets its alt text: only it is analysed again, and its finding is fixed.
    local_site.route(
        "/bins-0",
        BAD_PAGE.format(n=0).replace(
            '<img src="/bin.png">', '<img src="/bin.png" alt="A green bin">'
        ),
    )
    edited = audit_urls(urls)
    reused = dict(PageResult.objects.filter(run=edited).values_list("url", "reused"))
    assert reused == {urls[0]: False, urls[1]: True}
    assert "image-alt" not in {rule for rule, _ in findings_by_url(edited).get(urls[0], set())}
    assert edited.findings_fixed >= 1

    # A stylesheet both pages load changes: both are analysed again.
    local_site.route("/style.css", "main { color: #111 }", content_type="text/css")
    restyled = audit_urls(urls)
    assert restyled.pages_reused == 0

    # Nothing changes, but a rule is switched off: analysed again, without that rule.
    settings.CLEARWAY_AUDIT = {**settings.CLEARWAY_AUDIT, "DISABLED_RULES": ["image-alt"]}
    configured = audit_urls(urls)
    assert configured.pages_reused == 0
    assert "image-alt" not in {rule for rule, _ in findings_by_url(configured).get(urls[1], set())}
