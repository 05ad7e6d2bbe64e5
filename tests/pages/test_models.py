"""Page types: where each can live, breadcrumbs, guide navigation and listings."""

from __future__ import annotations

import datetime
from typing import Any

from django.test import RequestFactory
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import (
    AccessibilityStatementPage,
    BasePage,
    GuidePage,
    GuidePartPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SearchPage,
    ServiceCategoryPage,
    ServicePage,
    StepByStepPage,
)
from tests.factories import (
    AccessibilityStatementPageFactory,
    GuidePageFactory,
    GuidePartPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceCategoryPageFactory,
    ServicePageFactory,
    StepByStepPageFactory,
    build_site,
    make_private,
)


def context_for(target: BasePage, /, **query: str) -> dict[str, Any]:
    request = RequestFactory().get(target.url, query)
    return target.get_context(request)


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_top_level_pages(self) -> None:
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ServiceCategoryPage,
                ServicePage,
                StepByStepPage,
                NewsIndexPage,
                AccessibilityStatementPage,
                SearchPage,
            },
        )

    def test_categories_hold_services_guides_and_step_by_steps(self) -> None:
        self.assertAllowedParentPageTypes(ServiceCategoryPage, {HomePage})
        self.assertAllowedSubpageTypes(
            ServiceCategoryPage, {ServicePage, GuidePage, StepByStepPage}
        )

    def test_guides_are_made_of_parts(self) -> None:
        self.assertAllowedParentPageTypes(GuidePage, {ServiceCategoryPage})
        self.assertAllowedSubpageTypes(GuidePage, {GuidePartPage})
        self.assertAllowedParentPageTypes(GuidePartPage, {GuidePage})
        self.assertCanNotCreateAt(ServiceCategoryPage, GuidePartPage)

    def test_news_stories_live_in_the_news_index(self) -> None:
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanNotCreateAt(HomePage, NewsPage)

    def test_leaf_pages_have_no_children(self) -> None:
        for model in (ServicePage, GuidePartPage, NewsPage, SearchPage, StepByStepPage):
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, set())
        self.assertAllowedParentPageTypes(ServicePage, {ServiceCategoryPage, HomePage})
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedParentPageTypes(SearchPage, {HomePage})

    def test_declared_parents_accept_their_children(self) -> None:
        refused = [
            (child.__name__, parent.__name__)
            for child in (ServicePage, StepByStepPage, GuidePage, NewsPage, SearchPage)
            for parent in child.clean_parent_page_models()
            if child not in parent.allowed_subpage_models()
        ]
        self.assertEqual(refused, [])


class SingletonPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()

    def test_one_news_index_search_page_and_statement_per_site(self) -> None:
        for model in (NewsIndexPage, SearchPage, AccessibilityStatementPage):
            with self.subTest(model=model.__name__):
                self.assertTrue(model.can_create_at(self.home))
        NewsIndexPageFactory(parent=self.home)
        AccessibilityStatementPageFactory(parent=self.home)
        self.assertFalse(NewsIndexPage.can_create_at(self.home))
        self.assertFalse(AccessibilityStatementPage.can_create_at(self.home))
        self.assertTrue(SearchPage.can_create_at(self.home))


class TreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.bins = ServiceCategoryPageFactory(parent=cls.home, title="Bins and recycling")
        cls.missed = ServicePageFactory(parent=cls.bins, title="Report a missed bin")
        cls.draft = ServicePageFactory(parent=cls.bins, title="Garden waste", publish=False)
        cls.private = ServicePageFactory(parent=cls.bins, title="Crew rota")
        make_private(cls.private)
        cls.steps = StepByStepPageFactory(parent=cls.bins, title="Get a new bin")
        cls.guide = GuidePageFactory(parent=cls.bins, title="Recycling guide")
        cls.part2 = GuidePartPageFactory(parent=cls.guide, title="What goes in each bin")
        cls.part_draft = GuidePartPageFactory(parent=cls.guide, title="Unfinished", publish=False)
        cls.part3 = GuidePartPageFactory(parent=cls.guide, title="Recycling centres")

    def test_breadcrumbs_run_from_home_to_the_parent(self) -> None:
        self.assertEqual(self.missed.get_breadcrumbs(), [self.home.page_ptr, self.bins.page_ptr])
        self.assertEqual(
            [crumb.title for crumb in self.part2.get_breadcrumbs()],
            ["Anytown Borough Council", "Bins and recycling", "Recycling guide"],
        )
        self.assertEqual(self.home.get_breadcrumbs(), [])
        self.assertFalse(HomePage.show_breadcrumbs)
        self.assertTrue(ServicePage.show_breadcrumbs)

    def test_category_lists_only_live_public_children(self) -> None:
        services = list(context_for(self.bins)["services"])
        self.assertEqual(
            [page.title for page in services],
            ["Report a missed bin", "Get a new bin", "Recycling guide"],
        )
        # Specific pages, so listings can show each one's summary.
        self.assertIsInstance(services[1], StepByStepPage)

    def test_home_lists_live_public_categories(self) -> None:
        ServiceCategoryPageFactory(parent=self.home, title="Parking", publish=False)
        hidden = ServiceCategoryPageFactory(parent=self.home, title="Staff")
        make_private(hidden)
        categories = context_for(self.home)["categories"]
        self.assertEqual([page.title for page in categories], ["Bins and recycling"])

    def test_guide_first_part_has_contents_and_a_next_link(self) -> None:
        context = context_for(self.guide)
        self.assertEqual(
            [part.title for part in context["guide_parts"]],
            ["Recycling guide", "What goes in each bin", "Recycling centres"],
        )
        self.assertEqual(context["part_number"], 1)
        self.assertIsNone(context["previous_part"])
        self.assertEqual(context["next_part"].pk, self.part2.pk)

    def test_guide_middle_part_links_both_ways_skipping_drafts(self) -> None:
        context = context_for(self.part2)
        self.assertEqual(context["guide"].pk, self.guide.pk)
        self.assertEqual(context["part_number"], 2)
        self.assertEqual(context["previous_part"].pk, self.guide.pk)
        self.assertEqual(context["next_part"].pk, self.part3.pk)

    def test_guide_last_part_has_no_next_link(self) -> None:
        context = context_for(self.part3)
        self.assertEqual(context["part_number"], 3)
        self.assertEqual(context["previous_part"].pk, self.part2.pk)
        self.assertIsNone(context["next_part"])

    def test_guide_parts_follow_the_order_editors_give_them(self) -> None:
        self.part3.move(self.part2, pos="left")
        titles = [part.title for part in context_for(self.guide)["guide_parts"]]
        self.assertEqual(titles, ["Recycling guide", "Recycling centres", "What goes in each bin"])

    def test_meta_description_prefers_the_search_description(self) -> None:
        self.assertEqual(
            self.missed.get_meta_description(), "What you can do on Report a missed bin."
        )
        self.missed.search_description = "Tell us if we did not collect your bin."
        self.assertEqual(
            self.missed.get_meta_description(), "Tell us if we did not collect your bin."
        )


class NewsListingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.news = NewsIndexPageFactory(parent=cls.home)
        first_day = datetime.date(2025, 3, 1)
        for day in range(12):
            NewsPageFactory(
                parent=cls.news,
                title=f"Story {day + 1:02d}",
                date=first_day + datetime.timedelta(days=day),
            )
        NewsPageFactory(parent=cls.news, title="Embargoed", date=first_day, publish=False)

    def titles(self, **query: str) -> list[str]:
        return [story.title for story in context_for(self.news, **query)["stories"]]

    def test_first_page_shows_the_newest_ten(self) -> None:
        self.assertEqual(self.titles(), [f"Story {n:02d}" for n in range(12, 2, -1)])

    def test_second_page_shows_the_rest_without_drafts(self) -> None:
        stories = context_for(self.news, page="2")["stories"]
        self.assertEqual([story.title for story in stories], ["Story 02", "Story 01"])
        self.assertEqual(stories.paginator.count, 12)

    def test_bad_page_numbers_fall_back_safely(self) -> None:
        self.assertEqual(self.titles(page="abc"), self.titles(page="1"))
        self.assertEqual(self.titles(page="99"), ["Story 02", "Story 01"])
