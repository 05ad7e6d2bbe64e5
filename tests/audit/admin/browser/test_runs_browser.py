"""Runs, one run, trends, the dashboard panel, the audit settings and the digest email in real
Chromium: axe-core (WCAG 2.2 A/AA and best practice) finds nothing in them; "Run full audit
now" and the trends menu work from the keyboard alone; the screens work with JavaScript
blocked; and with it, a running run's progress refreshes itself.

axe runs on the screen's ``<main>`` (the Wagtail admin's menus around it are Wagtail's to keep
accessible), and on the whole digest email.

With ``CLEARWAY_SCREENSHOTS=1`` the tests also save a 1280-wide PNG of each screen into
``docs/screenshots/`` (``scripts/screenshots_admin_b.py`` does that).
"""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from audit.core.conf import audit_settings
from audit.core.enums import Impact, PageStatus, RunStatus, RunTrigger
from audit.engine.browsers import LocalChromium
from audit.engine.drivers.axe import ClearwayAxe
from audit.jobs.digest import build_digests, render_digest
from audit.storage.models import AuditRun, AuditSchedule
from tests.audit.admin.browser.conftest import WIDTH, sign_in
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, tracked_finding
from tests.audit.admin.people import build_pages
from tests.browser.axe import format_violation
from tests.factories import SuperuserFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"


#: Wagtail's slim header (breadcrumbs, the filters toggle) is Wagtail's: its filter toggle's
#: badge fails label-content-name-mismatch once a filter is on (a Wagtail issue, see
#: docs/audit-admin-runs.md).
WAGTAIL_FURNITURE = [[".w-slim-header"]]


def axe_problems(axe: ClearwayAxe, label: str, selector: str | None = "main") -> list[str]:
    context = {"include": [[selector]], "exclude": WAGTAIL_FURNITURE} if selector else None
    violations = axe.run(context)["violations"]
    return [f"{label}: {format_violation(violation)}" for violation in violations]


def screenshot(driver: WebDriver, name: str) -> None:
    """A PNG of the whole page, 1280 CSS pixels wide, when CLEARWAY_SCREENSHOTS is set."""
    if not os.environ.get("CLEARWAY_SCREENSHOTS"):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(WIDTH, min(max(int(height) + 140, 800), 2600))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(WIDTH, 1000)


def press(driver: WebDriver, key: str) -> None:
    ActionChains(driver).send_keys(key).perform()


def tab_to(driver: WebDriver, predicate: str, limit: int = 150) -> dict[str, Any]:
    """Press Tab until ``predicate`` (JavaScript on ``el``, the focused element) holds; the
    focused element's outline and box shadow, to tell that focus is visible."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        found = driver.execute_script(
            f"const el = document.activeElement; if (!({predicate})) return null;"
            "const style = getComputedStyle(el);"
            "return {outline: style.outlineStyle, width: style.outlineWidth,"
            " shadow: style.boxShadow};"
        )
        if found:
            return found
    pytest.fail(f"Tab never reached an element where {predicate}")


def build_history(owner: Any) -> dict[str, Any]:
    """A site with pages the signed-in person owns, three finished nightly runs, a running
    manual run and a run with page errors."""
    home = build_site()
    pages = build_pages(home)
    for page in (pages.bins_page, pages.tax_page):
        type(page).objects.filter(pk=page.pk).update(owner=owner)
    now = timezone.now()
    runs = []
    for days, (critical, serious, minor) in zip(
        (3, 2, 1), ((3, 5, 2), (2, 4, 2), (1, 4, 0)), strict=True
    ):
        started = now - datetime.timedelta(days=days, hours=-2)
        run = AuditRunFactory(
            started_at=started,
            finished_at=started + datetime.timedelta(minutes=4, seconds=12),
            pages_total=120,
            pages_done=120,
            pages_reused=100,
            pages_failed=1,
            findings_new=critical,
            findings_fixed=serious,
            findings_regressed=minor,
        )
        AuditRun.objects.filter(pk=run.pk).update(created_at=started)
        for impact, count in ((Impact.CRITICAL, critical), (Impact.SERIOUS, serious)):
            for n in range(count):
                tracked_finding(
                    page=pages.bins_page, run=run, impact=impact, selector=f"i.d{days}-{impact}-{n}"
                )
        for n in range(minor):
            tracked_finding(
                page=pages.tax_page, run=run, impact=Impact.MINOR, selector=f"b.d{days}-{n}"
            )
        PageResultFactory(
            run=run,
            url="http://localhost/forms/old.php",
            status=PageStatus.ERROR,
            http_status=500,
            error='Server error: <b onmouseover="alert(1)">boom</b>',
        )
        PageResultFactory(run=run, url="http://localhost/news/", reused=True)
        runs.append(run)
    running = AuditRunFactory(
        trigger=RunTrigger.MANUAL,
        status=RunStatus.RUNNING,
        finished_at=None,
        pages_total=120,
        pages_done=45,
    )
    return {"pages": pages, "runs": runs, "running": running}


def test_screens_are_accessible(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    user = SuperuserFactory(first_name="Sam", last_name="Patel")
    world = build_history(user)
    sign_in(driver, live_server.url, user)
    last = world["runs"][-1]
    screens = [
        ("runs", reverse("audit_runs:index")),
        ("runs-detail", reverse("audit_runs:detail", args=[last.pk])),
        ("runs-detail-errors", reverse("audit_runs:detail", args=[last.pk]) + "?status=failed"),
        ("trends", reverse("audit_trends:index")),
        ("dashboard", reverse("wagtailadmin_home")),
        (
            "settings",
            reverse(
                "wagtailsettings:edit", args=["audit", "auditschedule", AuditSchedule.load().pk]
            ),
        ),
    ]
    problems: list[str] = []
    for name, path in screens:
        driver.get(live_server.url + path)
        WebDriverWait(driver, 10).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        problems += axe_problems(axe, name)
        screenshot(driver, name)
    # The dashboard panel itself, on the home page that holds it.
    driver.get(live_server.url + reverse("wagtailadmin_home"))
    assert "Your pages with accessibility problems" in driver.page_source
    problems += axe_problems(axe, "dashboard panel", "#audit-dashboard-section")
    assert not problems, "\n".join(problems)


def test_digest_email_is_accessible(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    owner = SuperuserFactory(first_name="Sam", last_name="Patel")
    world = build_history(owner)
    hostile = world["runs"][-1]
    tracked_finding(
        page=world["pages"].tax_page,
        run=hostile,
        rule="link-name",
        impact=Impact.SERIOUS,
        selector="a.more",
        html='<a href="/x" class="more"><img src="x.png" onerror="alert(1)"></a>',
        help="Links must have discernible text",
    )
    (digest,) = build_digests(hostile)
    html = render_digest(digest).alternatives[0][0]
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as file:
        file.write(str(html))
    try:
        driver.get(Path(file.name).as_uri())
        alerts = driver.execute_script("return document.querySelectorAll('img').length")
        assert alerts == 0, "the snippet's markup became an element"
        problems = axe_problems(axe, "digest email", None)
        screenshot(driver, "digest")
    finally:
        os.unlink(file.name)
    assert not problems, "\n".join(problems)


def test_run_full_audit_now_by_keyboard(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, _ = chromium
    user = SuperuserFactory()
    build_site()
    sign_in(driver, live_server.url, user)
    driver.get(live_server.url + reverse("audit_runs:index"))
    focus = tab_to(driver, "el.textContent.trim() === 'Run full audit now'")
    assert focus["outline"] != "none" or focus["shadow"] != "none", f"focus not visible: {focus}"
    with mock.patch("audit.tasks.run_audit") as task:
        press(driver, Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: "Full audit queued" in d.page_source)
    run = AuditRun.objects.get(trigger=RunTrigger.MANUAL)
    task.enqueue.assert_called_once_with(run.pk)
    assert driver.current_url.endswith(reverse("audit_runs:detail", args=[run.pk]))
    # Now one is queued: a second press is refused politely.
    driver.get(live_server.url + reverse("audit_runs:index"))
    tab_to(driver, "el.textContent.trim() === 'Run full audit now'")
    with mock.patch("audit.tasks.run_audit") as task:
        press(driver, Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: "A full audit is already queued" in d.page_source)
    task.enqueue.assert_not_called()
    assert AuditRun.objects.filter(trigger=RunTrigger.MANUAL).count() == 1


def test_trends_runs_menu_by_keyboard(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, _ = chromium
    user = SuperuserFactory()
    build_history(user)
    sign_in(driver, live_server.url, user)
    driver.get(live_server.url + reverse("audit_trends:index"))
    tab_to(driver, "el.id === 'audit-trends-runs'")
    press(driver, Keys.ARROW_UP)  # from "The last 20" to "The last 10"
    tab_to(driver, "el.textContent.trim() === 'Show'", limit=3)
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "runs=10" in d.current_url)
    assert "Violations by impact in the last 3 full audits" in driver.page_source


def test_progress_refreshes_itself_while_a_run_is_going(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    """With JavaScript, the progress of a running run moves without a reload (every 5 s)."""
    driver, _ = chromium
    user = SuperuserFactory()
    build_site()
    running = AuditRunFactory(
        trigger=RunTrigger.NIGHTLY,
        status=RunStatus.RUNNING,
        finished_at=None,
        pages_total=120,
        pages_done=45,
    )
    sign_in(driver, live_server.url, user)
    driver.get(live_server.url + reverse("audit_runs:index"))
    cell = f"audit-run-{running.pk}-status"

    def status_text(d: WebDriver) -> str:
        return str(d.execute_script(f"return document.getElementById('{cell}').textContent"))

    assert "45 of 120 pages" in status_text(driver)
    driver.execute_script("window.notReloaded = true")
    AuditRun.objects.filter(pk=running.pk).update(pages_done=90)
    WebDriverWait(driver, 15).until(lambda d: "90 of 120 pages" in status_text(d))
    AuditRun.objects.filter(pk=running.pk).update(status=RunStatus.FINISHED)
    WebDriverWait(driver, 15).until(lambda d: "Finished" in status_text(d))
    assert driver.execute_script("return window.notReloaded === true"), "the page was reloaded"
    marker = driver.execute_script(f"return document.getElementById('{cell}').dataset.auditLive")
    assert marker is None  # refreshing has stopped


def test_screens_work_without_javascript(live_server: Any, wagtail_root: Any) -> None:
    """In a Chromium with JavaScript blocked: the list, the button, a run and the trends."""
    config = audit_settings()
    if not Path(config.CHROMIUM_BINARY).exists() and not os.environ.get("CI"):
        pytest.skip(f"{config.CHROMIUM_BINARY} is missing")
    prefs = {"profile.managed_default_content_settings.javascript": 2}
    driver = LocalChromium(config, prefs=prefs).create_driver()
    try:
        driver.set_page_load_timeout(30)
        user = SuperuserFactory()
        build_history(user)
        AuditRun.objects.filter(status=RunStatus.RUNNING).delete()  # nothing in the way
        sign_in(driver, live_server.url, user)
        driver.get(live_server.url + reverse("audit_runs:index"))
        assert driver.execute_script("return 1") == 1  # WebDriver's scripts still run...
        driver.get("data:text/html,<p id=p>off</p><script>p.textContent='on'</script>")
        assert driver.find_element(By.ID, "p").text == "off"  # ...but the page's do not
        driver.get(live_server.url + reverse("audit_runs:index"))
        with mock.patch("audit.tasks.run_audit"):
            driver.find_element(
                By.XPATH, "//button[normalize-space()='Run full audit now']"
            ).click()
            WebDriverWait(driver, 10).until(lambda d: "Full audit queued" in d.page_source)
        run = AuditRun.objects.get(trigger=RunTrigger.MANUAL)
        assert driver.current_url.endswith(reverse("audit_runs:detail", args=[run.pk]))
        last = AuditRun.objects.filter(trigger=RunTrigger.NIGHTLY).order_by("-pk").first()
        assert last is not None
        driver.get(live_server.url + reverse("audit_runs:detail", args=[last.pk]))
        driver.find_element(By.LINK_TEXT, "Show the pages with errors").click()
        WebDriverWait(driver, 10).until(lambda d: "status=failed" in d.current_url)
        assert "/forms/old.php" in driver.page_source and "/news/" not in driver.page_source
        driver.get(live_server.url + reverse("audit_trends:index"))
        Select(driver.find_element(By.ID, "audit-trends-runs")).select_by_value("10")
        driver.find_element(By.XPATH, "//button[normalize-space()='Show']").click()
        WebDriverWait(driver, 10).until(lambda d: "runs=10" in d.current_url)
        assert driver.find_element(By.CSS_SELECTOR, "svg.audit-trend-chart").is_displayed()
    finally:
        driver.quit()
