"""The page cache, alert-banner timing and response headers on public pages.

Test settings use a DummyCache for pages; these tests switch a real local-memory cache on.
"""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.http import HttpResponse
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Page

from pages.models import ServicePage
from tests.factories import (
    AlertBannerFactory,
    ContactPointFactory,
    SearchPageFactory,
    ServiceCategoryPageFactory,
    ServicePageFactory,
    SuperuserFactory,
    build_site,
    make_private,
)

CSP_DIRECTIVES = settings.CLEARWAY_PUBLIC_CSP.split("; ")

PAGE_CACHE = {
    **settings.CACHES,
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "clearway-test-pages",
    },
}


def max_age(response: HttpResponse) -> int:
    match = re.search(r"max-age=(\d+)", response.get("Cache-Control", ""))
    assert match, response.get("Cache-Control")
    return int(match.group(1))


@override_settings(CACHES=PAGE_CACHE, CACHE_MIDDLEWARE_SECONDS=300)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.bins = ServiceCategoryPageFactory(parent=cls.home, title="Bins", slug="bins")
        cls.missed = ServicePageFactory(parent=cls.bins, title="Missed bin", slug="missed-bin")

    def rename_quietly(self, page: Page, title: str) -> None:
        """Change the database without the signals that empty the cache."""
        ServicePage.objects.filter(pk=page.pk).update(title=title)

    def test_anonymous_page_views_are_cached(self) -> None:
        first = self.client.get("/bins/missed-bin/")
        self.assertEqual(max_age(first), 300)
        self.rename_quietly(self.missed, "Renamed quietly")
        second = self.client.get("/bins/missed-bin/")
        self.assertContains(second, "<h1>Missed bin</h1>", html=False)
        self.assertNotContains(second, "Renamed quietly")

    def test_publishing_a_page_empties_the_cache(self) -> None:
        self.client.get("/bins/missed-bin/")
        self.missed.title = "Report a missed bin"
        self.missed.save_revision().publish()
        self.assertContains(self.client.get("/bins/missed-bin/"), "<h1>Report a missed bin</h1>")

    def test_publishing_any_page_empties_the_cache(self) -> None:
        self.client.get("/bins/")
        self.rename_quietly(self.missed, "Renamed quietly")
        ServicePageFactory(parent=self.bins, title="Garden waste")
        response = self.client.get("/bins/")
        self.assertContains(response, "Garden waste")
        self.assertContains(response, "Renamed quietly")

    def test_unpublishing_a_page_empties_the_cache(self) -> None:
        self.client.get("/bins/missed-bin/")
        self.missed.unpublish()
        self.assertEqual(self.client.get("/bins/missed-bin/").status_code, 404)

    def test_making_a_page_private_empties_the_cache(self) -> None:
        self.client.get("/bins/missed-bin/")
        make_private(self.missed)
        self.assertNotContains(self.client.get("/bins/missed-bin/"), "<h1>Missed bin</h1>")

    def test_saving_an_alert_banner_empties_the_cache(self) -> None:
        self.client.get("/")
        banner = AlertBannerFactory(title="Storm warning")
        self.assertContains(self.client.get("/"), "Storm warning")
        banner.delete()
        self.assertNotContains(self.client.get("/"), "Storm warning")

    def test_saving_a_contact_point_empties_the_cache(self) -> None:
        self.client.get("/bins/missed-bin/")
        self.rename_quietly(self.missed, "Renamed quietly")
        ContactPointFactory()
        self.assertContains(self.client.get("/bins/missed-bin/"), "Renamed quietly")

    def test_signed_in_editors_never_get_the_anonymous_copy(self) -> None:
        self.client.get("/bins/missed-bin/")
        self.rename_quietly(self.missed, "Renamed quietly")
        self.client.force_login(SuperuserFactory())
        self.assertContains(self.client.get("/bins/missed-bin/"), "Renamed quietly")

    def assert_lifetime_runs_until(self, moment: datetime.datetime) -> HttpResponse:
        """The response's max-age is the time left until ``moment``, whenever it was made."""
        before = timezone.now()
        response = self.client.get("/bins/missed-bin/")
        after = timezone.now()
        shortest = int((moment - after).total_seconds())
        longest = int((moment - before).total_seconds())
        self.assertTrue(shortest <= max_age(response) <= longest, response["Cache-Control"])
        return response

    def test_cache_lifetime_ends_when_a_banner_starts(self) -> None:
        starts = timezone.now() + datetime.timedelta(seconds=60)
        AlertBannerFactory(title="Road closed", starts_at=starts)
        response = self.assert_lifetime_runs_until(starts)
        self.assertNotContains(response, "Road closed")

    def test_cache_lifetime_ends_when_a_banner_ends(self) -> None:
        ends = timezone.now() + datetime.timedelta(seconds=120)
        AlertBannerFactory(title="Road closed", ends_at=ends)
        response = self.assert_lifetime_runs_until(ends)
        self.assertContains(response, "Road closed")

    def test_far_off_banner_changes_leave_the_full_lifetime(self) -> None:
        AlertBannerFactory(starts_at=timezone.now() + datetime.timedelta(days=2))
        AlertBannerFactory(ends_at=timezone.now() - datetime.timedelta(minutes=5))
        self.assertEqual(max_age(self.client.get("/bins/missed-bin/")), 300)


class ResponseHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.search = SearchPageFactory(parent=cls.home, slug="search")
        cls.missed = ServicePageFactory(parent=cls.home, title="Missed bin", slug="missed-bin")

    public_urls = ("/", "/missed-bin/", "/search/?q=bin", "/no-such-page/", "/robots.txt")

    def test_public_pages_set_no_cookies(self) -> None:
        for url in self.public_urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(dict(response.cookies), {})
                self.assertNotIn("Set-Cookie", response.headers)

    def test_public_pages_send_the_content_security_policy(self) -> None:
        for url in (*self.public_urls, "/sitemap.xml"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["Content-Security-Policy"], settings.CLEARWAY_PUBLIC_CSP)
        self.assertIn("script-src 'self'", settings.CLEARWAY_PUBLIC_CSP)
        self.assertNotIn("unsafe-inline", settings.CLEARWAY_PUBLIC_CSP)

    def test_a_preview_keeps_the_policy_but_may_be_framed_by_the_admin(self) -> None:
        # Wagtail serves the preview at the admin's address through the whole middleware
        # chain, as a request to the page's own address, and shows it in a frame.
        self.client.force_login(SuperuserFactory())
        response = self.client.get(f"/admin/pages/{self.missed.pk}/view_draft/")
        self.assertEqual(response.status_code, 200)
        policy = set(response["Content-Security-Policy"].split("; "))
        self.assertIn("frame-ancestors 'self'", policy)
        self.assertEqual(
            policy - {"frame-ancestors 'self'"}, set(CSP_DIRECTIVES) - {"frame-ancestors 'none'"}
        )
        # The page itself still may not be framed.
        page = self.client.get("/missed-bin/")
        self.assertIn("frame-ancestors 'none'", page["Content-Security-Policy"])

    def test_the_admin_shows_no_avatars_from_gravatar(self) -> None:
        self.client.force_login(SuperuserFactory(email="editor@anytown.gov.uk"))
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("gravatar", response.content.decode())

    def test_the_admin_is_left_without_the_public_policy(self) -> None:
        response = self.client.get("/admin/login/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Content-Security-Policy", response.headers)
        self.client.force_login(SuperuserFactory())
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Content-Security-Policy", response.headers)
