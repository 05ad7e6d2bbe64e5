"""With JavaScript off, every page shows its content and the feedback form still works."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from feedback.models import PageFeedback

from .conftest import DemoSite, Findings, submit_feedback
from .pagechecks import main_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_every_page_shows_its_content_without_javascript(
    browser_without_javascript: WebDriver, demo_site: DemoSite
) -> None:
    driver = browser_without_javascript
    findings = Findings("Pages without JavaScript")
    for target in demo_site.targets:
        if not findings.visit(target, driver, demo_site.url):
            continue
        content = main_content(driver)
        if not content["h1Shown"]:
            findings.add(target, f"the h1 {content['h1']!r} is not shown")
        if not content["mainShown"] or content["mainText"] < 20:
            findings.add(
                target,
                f"the main landmark is not shown with its content "
                f"(shown: {content['mainShown']}, {content['mainText']} characters)",
            )
    findings.assert_none()


@pytest.mark.parametrize(
    ("useful", "comment"),
    [("yes", None), ("no", None), ("no", "Browser test, no JavaScript: the bin table is wrong.")],
    ids=["yes", "no", "no-with-comment"],
)
def test_feedback_form_works_without_javascript(
    browser_without_javascript: WebDriver,
    demo_site: DemoSite,
    useful: str,
    comment: str | None,
) -> None:
    driver = browser_without_javascript
    path, page_id = demo_site.feedback_page
    before = PageFeedback.objects.filter(page_id=page_id).count()
    driver.get(demo_site.url + path)
    submit_feedback(driver, useful=useful, comment=comment)
    stored = PageFeedback.objects.filter(page_id=page_id)
    assert stored.count() == before + 1, "the answer was not stored"
    answer = stored.order_by("-pk").first()
    assert answer is not None
    assert answer.useful is (useful == "yes")
    assert answer.comment == (comment or "")
    assert answer.url == path
