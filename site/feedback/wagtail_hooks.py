from wagtail import hooks

from .views_admin import PageFeedbackViewSet


@hooks.register("register_admin_viewset")
def register_feedback_viewset() -> PageFeedbackViewSet:
    return PageFeedbackViewSet("page_feedback")
