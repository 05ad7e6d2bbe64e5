"""'Is this page useful?': the public form post and the read-only admin listing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.permissions import policy_registry

from feedback.models import PageFeedback
from feedback.permissions import ReadOnlyFeedbackPolicy
from tests.factories import (
    PageFeedbackFactory,
    ServiceCategoryPageFactory,
    ServicePageFactory,
    SuperuserFactory,
    UserFactory,
    build_site,
    make_private,
)

SUBMIT_URL = "/feedback/"


class SubmitFeedbackTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        home = build_site()
        bins = ServiceCategoryPageFactory(parent=home, title="Bins", slug="bins")
        cls.page = ServicePageFactory(parent=bins, title="Missed bin", slug="missed-bin")
        cls.draft = ServicePageFactory(parent=bins, title="Garden waste", publish=False)
        cls.private = ServicePageFactory(parent=bins, title="Crew rota")
        make_private(cls.private)

    def setUp(self) -> None:
        # A real browser with no cookies: CSRF checks on, as in production.
        self.client = Client(enforce_csrf_checks=True)

    def post(self, **data: Any) -> Any:
        return self.client.post(SUBMIT_URL, {"page": self.page.pk, "useful": "yes", **data})

    def test_url(self) -> None:
        self.assertEqual(reverse("feedback:submit"), SUBMIT_URL)

    def test_yes_is_stored_with_the_pages_title_and_address(self) -> None:
        response = self.post(useful="yes")
        self.assertContains(response, "<h1>Thank you for your feedback</h1>", status_code=200)
        self.assertContains(response, 'href="/bins/missed-bin/"')
        feedback = PageFeedback.objects.get()
        self.assertEqual(feedback.page_id, self.page.pk)
        self.assertEqual(feedback.page_title, "Missed bin")
        self.assertEqual(feedback.url, "/bins/missed-bin/")
        self.assertIs(feedback.useful, True)
        self.assertEqual(feedback.comment, "")

    def test_no_with_a_comment(self) -> None:
        self.post(useful="no", comment="The postcode search is broken.")
        feedback = PageFeedback.objects.get()
        self.assertIs(feedback.useful, False)
        self.assertEqual(feedback.comment, "The postcode search is broken.")
        self.assertEqual(str(feedback), "Missed bin: not useful")

    def test_sets_no_cookies(self) -> None:
        response = self.post(comment="Fine.")
        self.assertEqual(dict(response.cookies), {})
        self.assertNotIn("Set-Cookie", response.headers)

    def test_feedback_is_a_plain_form_post_on_every_page(self) -> None:
        page = self.client.get(self.page.url).content.decode()
        self.assertIn(f'action="{SUBMIT_URL}" method="post"', page)
        self.assertIn(f'name="page" value="{self.page.pk}"', page)
        self.assertNotIn("csrfmiddlewaretoken", page)

    def test_thank_you_page_does_not_ask_again(self) -> None:
        response = self.post()
        self.assertNotContains(response, "Is this page useful?")
        self.assertNotContains(response, "Last updated")

    def test_honeypot_stores_nothing_but_thanks_all_the_same(self) -> None:
        response = self.post(website="https://spam.example", comment="Buy now")
        self.assertContains(response, "Thank you for your feedback")
        self.assertFalse(PageFeedback.objects.exists())

    def test_unknown_draft_and_private_pages_are_refused(self) -> None:
        for page_id in (999_999, self.draft.pk, self.private.pk, "not-a-number", ""):
            with self.subTest(page=page_id):
                response = self.post(page=page_id)
                self.assertContains(response, "There is a problem", status_code=400)
        self.assertFalse(PageFeedback.objects.exists())

    def test_answers_other_than_yes_or_no_are_refused(self) -> None:
        for useful in ("maybe", ""):
            with self.subTest(useful=useful):
                self.assertEqual(self.post(useful=useful).status_code, 400)
        self.assertFalse(PageFeedback.objects.exists())

    def test_comment_length_limit(self) -> None:
        self.assertEqual(self.post(comment="x" * 1201).status_code, 400)
        self.assertFalse(PageFeedback.objects.exists())
        self.assertEqual(self.post(comment="x" * 1200).status_code, 200)
        self.assertEqual(len(PageFeedback.objects.get().comment), 1200)

    def test_get_is_not_allowed(self) -> None:
        self.assertEqual(self.client.get(SUBMIT_URL).status_code, 405)


class FeedbackAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        build_site()
        cls.feedback = PageFeedbackFactory(page_title="Pay your council tax", comment="Broken")
        cls.superuser = SuperuserFactory()
        cls.no_permission = UserFactory(permissions=["wagtailadmin.access_admin"])
        cls.reader = UserFactory(
            permissions=["wagtailadmin.access_admin", "feedback.view_pagefeedback"]
        )

    def get_as(self, user: AbstractBaseUser | None, url: str) -> Any:
        if user is not None:
            self.client.force_login(user)
        return self.client.get(url)

    def test_superuser_sees_the_listing(self) -> None:
        response = self.get_as(self.superuser, reverse("page_feedback:index"))
        self.assertContains(response, "Pay your council tax")
        self.assertNotContains(response, reverse("page_feedback:add"))

    def test_anonymous_visitors_are_sent_to_log_in(self) -> None:
        url = reverse("page_feedback:index")
        response = self.get_as(None, url)
        self.assertRedirects(response, f"{reverse('wagtailadmin_login')}?next={url}")

    def test_editors_without_the_permission_are_turned_away(self) -> None:
        response = self.get_as(self.no_permission, reverse("page_feedback:index"))
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "Page feedback")

    def test_view_permission_is_enough_to_read(self) -> None:
        response = self.get_as(self.reader, reverse("page_feedback:index"))
        self.assertContains(response, "Pay your council tax")
        url = reverse("page_feedback:delete", args=[self.feedback.pk])
        self.assertRedirects(self.client.get(url), reverse("wagtailadmin_home"))

    def test_nobody_can_add_or_edit_feedback(self) -> None:
        add_url = reverse("page_feedback:add")
        edit_url = reverse("page_feedback:edit", args=[self.feedback.pk])
        for user in (self.superuser, self.reader):
            self.client.force_login(user)
            with self.subTest(user=user.username):
                self.assertRedirects(self.client.get(add_url), reverse("wagtailadmin_home"))
                self.assertRedirects(self.client.get(edit_url), reverse("wagtailadmin_home"))
                self.client.post(add_url, {"comment": "Made up"})
                self.client.post(edit_url, {"comment": "Rewritten"})
        self.assertEqual(list(PageFeedback.objects.values_list("comment", flat=True)), ["Broken"])

    def test_superuser_may_delete_feedback(self) -> None:
        self.client.force_login(self.superuser)
        url = reverse("page_feedback:delete", args=[self.feedback.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(url)
        self.assertFalse(PageFeedback.objects.exists())

    def test_policy_refuses_add_and_change_even_to_superusers(self) -> None:
        policy = policy_registry.get_by_type(PageFeedback)
        self.assertIsInstance(policy, ReadOnlyFeedbackPolicy)
        self.assertFalse(policy.user_has_permission(self.superuser, "add"))
        self.assertFalse(policy.user_has_permission(self.superuser, "change"))
        self.assertTrue(policy.user_has_permission(self.superuser, "delete"))
        self.assertFalse(policy.user_has_permission(self.reader, "delete"))
        self.assertTrue(policy.user_has_permission(self.reader, "view"))
