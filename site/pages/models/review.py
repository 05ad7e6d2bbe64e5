"""A review date and an owner for content that must stay true (as LocalGov Drupal's
"review status"): the audit reminds the owner before the date and sends them the page's
accessibility findings (docs/content-review.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ReviewMixin(models.Model):
    """Who checks a page is still right, and by when.

    The owner may be a person, a group, or both: the person is asked first, the group's
    members when the person cannot be reached (left, inactive, no email address). A review
    date needs an owner, and an owner a review date, so no reminder goes nowhere.
    """

    next_review_date = models.DateField(
        _("next review date"),
        null=True,
        blank=True,
        help_text=_("When the owner should check this page is still correct."),
    )
    review_owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Reminded before the review date, and told about accessibility problems."),
    )
    review_owner_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("owner (team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The team responsible: its members are told when the person cannot be."),
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("next_review_date"),
                FieldPanel("review_owner_user"),
                FieldPanel("review_owner_group"),
            ],
            heading=_("Review"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        has_owner = self.review_owner_user_id is not None or self.review_owner_group_id is not None
        if self.next_review_date and not has_owner:
            raise ValidationError(
                {"review_owner_user": _("Choose a person or a team to review this page.")}
            )
        if has_owner and not self.next_review_date:
            raise ValidationError(
                {"next_review_date": _("Choose when the owner should review this page.")}
            )
