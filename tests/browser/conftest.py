"""Real-browser fixtures: headless Chromium, and the demo council on a live server.

The browsers are the audit's own (:mod:`audit.engine.browsers`) and axe-core runs through the
audit's engine (:class:`audit.engine.runner.BrowserSession`), so these tests exercise that code too.

The demo council is seeded once for the whole browser package, straight into the test
database, and served by a live server thread. The database is put back exactly as it was
before (flushed, then reloaded from a snapshot) when the package is done, so the other tests
never see the demo content. Each browser test is marked ``django_db``: that creates the test
database even when only the browser tests run, lets the live server through pytest-django's
database blocker, and rolls back what a test writes where it can (feedback, on SQLite).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from audit.core.conf import AuditSettings, audit_settings
from audit.engine.browsers import BrowserUnavailable, LocalChromium
from audit.engine.runner import BrowserSession

#: Chromium's content setting that blocks JavaScript on every site.
NO_JAVASCRIPT_PREFS = {"profile.managed_default_content_settings.javascript": 2}


# Browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def audit_config() -> AuditSettings:
    """The audit's settings: the Chromium, chromedriver and axe-core the audit would use."""
    return audit_settings()


@pytest.fixture(scope="package", autouse=True)
def _require_chromium(audit_config: AuditSettings) -> None:
    """Skip on a machine without Chromium, but never in CI, where the browser tests must run."""
    chromium = Path(audit_config.CHROMIUM_BINARY)
    if not chromium.exists():
        message = (
            f"{chromium} is missing: install Debian's chromium and chromium-driver "
            "(make test does: scripts/ensure-chromium.sh)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{message}. The browser tests must run in CI.", pytrace=False)
        pytest.skip(message)
    try:
        LocalChromium(audit_config).check()  # chromedriver is there, and both can run
    except BrowserUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    axe_script = Path(audit_config.AXE_SCRIPT)
    if not axe_script.is_file():
        pytest.fail(f"{axe_script} is missing: run npm ci in {settings.BASE_DIR}.", pytrace=False)


def start_chromium(backend: LocalChromium) -> WebDriver:
    """A browser from the audit's backend (which removes its profile on quit)."""
    driver = backend.create_driver()
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="package")
def chromium(audit_config: AuditSettings, demo_site: DemoSite) -> Iterator[WebDriver]:
    """One headless Chromium with JavaScript on, shared by every browser test.

    It depends on ``demo_site`` so that it quits, closing its connections, before the live
    server stops.
    """
    driver = start_chromium(LocalChromium(audit_config))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(chromium: WebDriver) -> Iterator[WebDriver]:
    """The shared Chromium at its default size, whatever the previous test did to it."""
    reset_viewport(chromium)
    yield chromium
    reset_viewport(chromium)


@pytest.fixture(scope="package")
def browser_without_javascript(
    audit_config: AuditSettings, demo_site: DemoSite
) -> Iterator[WebDriver]:
    """A second Chromium with JavaScript blocked by a content setting, as a resident may have."""
    driver = start_chromium(LocalChromium(audit_config, prefs=NO_JAVASCRIPT_PREFS))
    try:
        # Prove the setting works: a page's own script must not run.
        driver.get(
            "data:text/html,<p id=probe>off</p>"
            "<script>document.getElementById('probe').textContent = 'on'</script>"
        )
        state = driver.find_element(By.ID, "probe").text
        assert state == "off", "JavaScript still runs in the no-JavaScript browser"
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def axe_session(audit_config: AuditSettings, demo_site: DemoSite) -> Iterator[BrowserSession]:
    """A Chromium with axe-core installed exactly as the audit installs it.

    Not the shared browser: the audit registers axe-core for every new document over CDP, and
    the other tests' pages must not carry it.
    """
    host = urlsplit(demo_site.url).netloc
    with BrowserSession(audit_config, LocalChromium(audit_config), allowed_hosts=[host]) as session:
        session.start()
        yield session


def reset_viewport(driver: WebDriver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": False})
    driver.get("about:blank")


def set_viewport(driver: WebDriver, width: int, height: int = 1024) -> None:
    """Lay pages out at exactly ``width`` CSS pixels, as a desktop browser zoomed in would.

    Scrollbars are hidden (overlaid, as on phones) so the layout width is ``width`` itself.
    """
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})


# The demo council on a live server ---------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One page the browser tests visit, and the h1 that proves the browser got there."""

    label: str
    path: str
    h1: str
    #: Reached by answering "Is this page useful?" on ``path``, not by going to a URL.
    after_feedback: bool = False
    #: Built from Clearway's templates (the Wagtail admin's login page is not).
    public: bool = True

    def __str__(self) -> str:
        suffix = " (after answering the feedback form)" if self.after_feedback else ""
        return f"{self.label} <{self.path}>{suffix}"

    def open(self, driver: WebDriver, base_url: str) -> str | None:
        """Go to the page; a problem if the browser ends up somewhere else."""
        driver.get(base_url + self.path)
        if self.after_feedback:
            submit_feedback(driver, useful="yes")
        found = driver.execute_script(
            "const h1 = document.querySelector('h1'); return h1 && h1.textContent.trim();"
        )
        if found != self.h1:
            return f"expected the h1 {self.h1!r}, found {found!r}"
        return None


@dataclass(frozen=True)
class DemoSite:
    url: str
    targets: tuple[Target, ...]
    #: A page with the feedback form, and its database id.
    feedback_page: tuple[str, int]

    @property
    def public_targets(self) -> tuple[Target, ...]:
        return tuple(target for target in self.targets if target.public)


class Findings:
    """Problems collected across pages, asserted once with the whole report.

    A problem found on several pages (a template's, usually) is reported once, with the list
    of pages, and then each page's own problems.
    """

    def __init__(self, title: str) -> None:
        self.title = title
        self.problems: dict[str, list[str]] = {}
        self.paths: dict[str, str] = {}
        self.pages = 0

    def add(self, target: Target, problem: str) -> None:
        self.paths[str(target)] = target.path
        problems = self.problems.setdefault(str(target), [])
        if problem not in problems:
            problems.append(problem)

    def extend(self, target: Target, problems: list[str]) -> None:
        for problem in problems:
            self.add(target, problem)

    def visit(self, target: Target, driver: WebDriver, base_url: str) -> bool:
        """Open ``target``; False (and a problem noted) if it did not load as expected."""
        self.pages += 1
        problem = target.open(driver, base_url)
        if problem:
            self.add(target, problem)
        return problem is None

    def report(self) -> str:
        pages_with: dict[str, list[str]] = {}
        for page, problems in self.problems.items():
            for problem in problems:
                pages_with.setdefault(problem, []).append(page)
        shared = {problem for problem, pages in pages_with.items() if len(pages) >= 3}
        sections = [
            f"On {len(pages_with[problem])} pages "
            f"({', '.join(self.paths[page] for page in pages_with[problem])}):\n" + _indent(problem)
            for problem in shared
        ]
        for page, problems in self.problems.items():
            own = [problem for problem in problems if problem not in shared]
            if own:
                sections.append(f"{page}:\n" + "\n".join(_indent(p) for p in own))
        count = sum(len(p) for p in self.problems.values())
        return (
            f"{self.title}: {count} problem(s) on {len(self.problems)} of {self.pages} "
            "page(s)\n\n" + "\n\n".join(sections)
        )

    def assert_none(self) -> None:
        if self.problems:
            pytest.fail(self.report(), pytrace=False)


def _indent(problem: str) -> str:
    return "  - " + problem.replace("\n", "\n    ")


def submit_feedback(driver: WebDriver, useful: str, comment: str | None = None) -> None:
    """Answer "Is this page useful?" on the current page, by clicking as a resident would."""
    form = driver.find_element(By.CSS_SELECTOR, "form.feedback")
    if comment is None:
        form.find_element(By.CSS_SELECTOR, f"fieldset button[value='{useful}']").click()
    else:
        form.find_element(By.TAG_NAME, "summary").click()
        form.find_element(By.NAME, "comment").send_keys(comment)
        form.find_element(By.CSS_SELECTOR, "details button[type='submit']").click()
    # No element references across the navigation: Chromium reports a node of the old
    # document as an "unknown error", not as a stale element.
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: (
            d.execute_script(
                "const h1 = document.querySelector('h1');"
                "return document.readyState === 'complete' && h1 && h1.textContent.trim();"
            )
            == "Thank you for your feedback"
        )
    )


def _relative(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def collect_targets() -> tuple[tuple[Target, ...], tuple[str, int]]:
    """Every live public page of the site, then the pages that are not Wagtail pages."""
    from wagtail.models import Page

    from pages.models import SearchPage, ServicePage

    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    targets = [
        Target(
            label=f"{type(page)._meta.verbose_name} {page.title!r}",
            path=_relative(page.get_url()),
            h1=page.title,
        )
        for page in pages
    ]
    search = SearchPage.objects.live().get()
    service = ServicePage.objects.live().order_by("path").first()
    assert service is not None, "the demo site has no live service page"
    service_path = _relative(service.get_url())
    search_path = _relative(search.get_url())
    targets += [
        Target("search with results", f"{search_path}?q=bins", h1=search.title),
        Target("search with no results", f"{search_path}?q=zzzzqqq", h1=search.title),
        # An editor's promoted result (seeded for "tip") is listed before the others.
        Target("search with a promoted result", f"{search_path}?q=tip", h1=search.title),
    ]
    # A second page of results, for the pagination links (the demo has too few news stories).
    if Page.objects.live().public().search("council").count() > SearchPage.per_page:
        targets.append(
            Target("search results, page 2", f"{search_path}?q=council&page=2", h1=search.title)
        )
    targets += [
        Target("page not found (404)", "/no-such-page/", h1="Page not found"),
        Target(
            "feedback thank-you page",
            service_path,
            h1="Thank you for your feedback",
            after_feedback=True,
        ),
        Target("Wagtail admin login", "/admin/login/", h1="Sign in to Wagtail", public=False),
    ]
    return tuple(targets), (service_path, service.pk)


def _seed() -> None:
    """The demo council, then the browser tests' own edge cases on top of it."""
    from pages.models import HomePage

    from .content import build_alert_banners, build_block_gallery

    call_command("seed_demo", verbosity=0)
    home = HomePage.objects.live().get()
    build_block_gallery(home)
    build_alert_banners()


def _clear_caches() -> None:
    for cache in caches.all():
        cache.clear()


def _wait_for_requests_to_finish(timeout: float = 5.0) -> None:
    """Let the live server's request threads close their (shared) database connection."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture(scope="package")
def demo_site(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[DemoSite]:
    """The seeded demo council, served by a live server for the whole browser package."""
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            _clear_caches()
            _seed()
            targets, feedback_page = collect_targets()
            # pytest-django's live server, not its ``live_server`` fixture: that one makes
            # every test transactional, which empties the database after each test.
            server = LiveServer("localhost")
        except BaseException:
            _restore(snapshot)
            raise
    server._live_server_modified_settings.enable()  # adds the host to ALLOWED_HOSTS
    try:
        yield DemoSite(url=server.url, targets=targets, feedback_page=feedback_page)
    finally:
        _wait_for_requests_to_finish()
        server.stop()
        server._live_server_modified_settings.disable()
        with django_db_blocker.unblock():
            _restore(snapshot)


def _restore(snapshot: str) -> None:
    """Put the database back as the snapshot has it (as TransactionTestCase's
    serialized_rollback does), and forget anything cached from the demo."""
    # As TransactionTestCase does: keep the sequences where they are, or the next row inserted
    # on PostgreSQL would reuse an id the snapshot has just put back.
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
    )
    connection.creation.deserialize_db_from_string(snapshot)
    _clear_caches()
