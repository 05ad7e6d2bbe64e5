from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyFeedbackPolicy(ModelPermissionPolicy):
    """Answers are residents' words: staff may read and delete them, never add or edit."""

    def user_has_permission(self, user: AbstractBaseUser | AnonymousUser, action: str) -> bool:
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)
