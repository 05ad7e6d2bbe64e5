"""'Is this page useful?' limits that need no cookie: a per-client rate and a size cap."""

from __future__ import annotations

from typing import Any
from unittest import mock
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from feedback import limits
from feedback.models import PageFeedback
from tests.factories import ServicePageFactory, build_site

SUBMIT_URL = "/feedback/"
RESIDENT = "203.0.113.7"
NEIGHBOUR = "198.51.100.23"


class FeedbackLimitTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        home = build_site()
        cls.page = ServicePageFactory(parent=home, title="Missed bin", slug="missed-bin")

    def setUp(self) -> None:
        # A real browser with no cookies: CSRF checks on, as in production.
        self.client = Client(enforce_csrf_checks=True, raise_request_exception=False)

    def post(self, address: str = RESIDENT, forwarded: str | None = None, **data: Any) -> Any:
        headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
        # Form-encoded, as browsers send this form (the test client's default is multipart).
        response = self.client.post(
            SUBMIT_URL,
            urlencode({"page": self.page.pk, "useful": "yes", **data}),
            content_type="application/x-www-form-urlencoded",
            REMOTE_ADDR=address,
            headers=headers,
        )
        self.assert_no_cookie(response)
        return response

    def assert_no_cookie(self, response: Any) -> None:
        self.assertEqual(dict(response.cookies), {})
        self.assertNotIn("Set-Cookie", response.headers)

    def assert_site_page(self, response: Any, status: int, h1: str) -> BeautifulSoup:
        """The site's own page (its header, skip link and footer), not a Django error page."""
        self.assertEqual(response.status_code, status)
        self.assertTemplateUsed(response, "base.html")
        html = BeautifulSoup(response.content, "html.parser")
        self.assertEqual([h.get_text() for h in html.find_all("h1")], [h1])
        self.assertEqual(html.find("a")["href"], "#main")
        self.assertIsNotNone(html.select_one("footer.footer"))
        self.assertNotIn("Traceback", html.get_text())
        return html


@override_settings(CLEARWAY_FEEDBACK_RATE_LIMIT=3, CLEARWAY_FEEDBACK_RATE_WINDOW=600)
class RateLimitTests(FeedbackLimitTestCase):
    def test_answers_beyond_the_limit_get_a_friendly_429(self) -> None:
        for _ in range(3):
            self.assertEqual(self.post().status_code, 200)
        response = self.post(comment="One more")
        html = self.assert_site_page(response, 429, "Too many answers from your connection")
        self.assertIn("try again", html.select_one("main").get_text())
        retry_after = int(response.headers["Retry-After"])
        self.assertTrue(1 <= retry_after <= 600, retry_after)
        self.assertEqual(PageFeedback.objects.count(), 3)

    def test_refused_answers_count_too(self) -> None:
        # Robots posting nonsense use up their allowance as well.
        for _ in range(3):
            self.assertEqual(self.post(useful="maybe").status_code, 400)
        self.assertEqual(self.post().status_code, 429)

    def test_each_client_has_its_own_allowance(self) -> None:
        for _ in range(4):
            self.post(address=RESIDENT)
        self.assertEqual(self.post(address=RESIDENT).status_code, 429)
        self.assertEqual(self.post(address=NEIGHBOUR).status_code, 200)

    def test_the_next_window_starts_afresh(self) -> None:
        start = 1_800_000_000.0  # a window boundary: a multiple of 600
        with mock.patch("feedback.limits.time.time", return_value=start + 10):
            for _ in range(3):
                self.post()
            response = self.post()
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response.headers["Retry-After"], "590")
        with mock.patch("feedback.limits.time.time", return_value=start + 600):
            self.assertEqual(self.post().status_code, 200)

    def test_the_address_is_never_stored(self) -> None:
        self.post(address=RESIDENT)
        stored = cache._cache.keys()  # type: ignore[attr-defined]  # LocMemCache's own store
        keys = [key for key in stored if "feedback-rate" in key]
        self.assertEqual(len(keys), 1)
        self.assertNotIn(RESIDENT, keys[0])
        self.assertNotIn(RESIDENT.replace(".", ""), keys[0])
        request = mock.Mock(META={"REMOTE_ADDR": RESIDENT})
        self.assertIn(limits.client_key(request), keys[0])

    @override_settings(CLEARWAY_FEEDBACK_RATE_LIMIT=0)
    def test_zero_turns_the_limit_off(self) -> None:
        for _ in range(5):
            self.assertEqual(self.post().status_code, 200)


@override_settings(CLEARWAY_FEEDBACK_RATE_LIMIT=2)
class ClientAddressTests(FeedbackLimitTestCase):
    PROXY = "10.0.0.5"

    def test_without_a_proxy_x_forwarded_for_is_ignored(self) -> None:
        # A client cannot buy a fresh allowance by inventing headers.
        for number in range(2):
            self.post(forwarded=f"192.0.2.{number}")
        self.assertEqual(self.post(forwarded="192.0.2.99").status_code, 429)

    @override_settings(CLEARWAY_PROXY_HOPS=1)
    def test_behind_a_proxy_the_hop_it_added_is_the_client(self) -> None:
        for number in range(2):
            # Whatever the client claims on the left, the proxy's entry on the right counts.
            self.post(address=self.PROXY, forwarded=f"192.0.2.{number}, {RESIDENT}")
        self.assertEqual(self.post(address=self.PROXY, forwarded=RESIDENT).status_code, 429)
        self.assertEqual(self.post(address=self.PROXY, forwarded=NEIGHBOUR).status_code, 200)

    def test_client_address(self) -> None:
        cases = [
            (0, RESIDENT, f"192.0.2.1, {NEIGHBOUR}", RESIDENT),
            (1, self.PROXY, f"192.0.2.1, {RESIDENT}", RESIDENT),
            (1, self.PROXY, RESIDENT, RESIDENT),
            (2, self.PROXY, f"192.0.2.1, {RESIDENT}, 10.0.0.4", RESIDENT),
            # Fewer entries than proxies: not trusted, the connection's own address is used.
            (2, self.PROXY, RESIDENT, self.PROXY),
            (1, self.PROXY, "", self.PROXY),
        ]
        for hops, remote, forwarded, expected in cases:
            with self.subTest(hops=hops, forwarded=forwarded):
                request = mock.Mock(META={"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded})
                with override_settings(CLEARWAY_PROXY_HOPS=hops):
                    self.assertEqual(limits.client_address(request), expected)


class SizeLimitTests(FeedbackLimitTestCase):
    def test_the_longest_comment_in_any_script_fits_the_default_limit(self) -> None:
        # 1,200 four-byte characters, percent-encoded as a browser sends them.
        response = self.post(useful="no", comment="\U0001f5d1" * 1200)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(PageFeedback.objects.get().comment), 1200)

    @override_settings(CLEARWAY_FEEDBACK_MAX_BYTES=1000)
    def test_larger_posts_get_a_friendly_413(self) -> None:
        response = self.post(useful="no", comment="x" * 1000)
        html = self.assert_site_page(response, 413, "Your feedback is too long")
        self.assertIn("up to 1,200 characters", html.select_one("main").get_text())
        self.assertFalse(PageFeedback.objects.exists())
        self.assertEqual(self.post(useful="no", comment="x" * 900).status_code, 200)

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=500)
    def test_djangos_own_cap_gets_the_same_page(self) -> None:
        response = self.post(useful="no", comment="x" * 600)
        self.assert_site_page(response, 413, "Your feedback is too long")
        self.assertFalse(PageFeedback.objects.exists())

    @override_settings(CLEARWAY_FEEDBACK_MAX_BYTES=1000, DEBUG=True)
    def test_never_a_debug_page(self) -> None:
        response = self.post(useful="no", comment="x" * 2000)
        self.assert_site_page(response, 413, "Your feedback is too long")


class NoCookieTests(FeedbackLimitTestCase):
    @override_settings(CLEARWAY_FEEDBACK_RATE_LIMIT=1, CLEARWAY_FEEDBACK_MAX_BYTES=1000)
    def test_no_feedback_response_sets_a_cookie(self) -> None:
        statuses = [
            self.post(comment="Fine.").status_code,  # each post() asserts no cookie
            self.post().status_code,
        ]
        cache.clear()
        statuses.append(self.post(useful="maybe").status_code)
        cache.clear()
        statuses.append(self.post(comment="x" * 2000).status_code)
        response = self.client.get(SUBMIT_URL)
        self.assert_no_cookie(response)
        statuses.append(response.status_code)
        self.assertEqual(statuses, [200, 429, 400, 413, 405])
