from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Page feedback"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import PageFeedback
        from .permissions import ReadOnlyFeedbackPolicy

        register_permission_policy(PageFeedback, ReadOnlyFeedbackPolicy(PageFeedback))
