"""'Is this page useful?' answers, stored without cookies, accounts or tracking."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The page's title and address when the answer was given, kept if the page is deleted.
    page_title = models.CharField(max_length=255)
    url = models.CharField(max_length=2000)
    useful = models.BooleanField(verbose_name=_("useful"))
    comment = models.TextField(blank=True, max_length=1200, verbose_name=_("what went wrong"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self) -> str:
        answer = "useful" if self.useful else "not useful"
        return f"{self.page_title}: {answer}"
