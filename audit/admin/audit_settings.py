"""Settings > Accessibility audit: the nightly audit's schedule, rules, exclusions and digest,
edited through Wagtail's settings (``wagtail.contrib.settings``): the form, the panels and the
menu label. :mod:`audit.admin.settings_registration` attaches the panels to the model."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.contrib.settings.registry import SettingMenuItem

from audit.engine.exclusions import pattern_errors
from audit.storage.models import AuditSchedule

#: The label of the setting in the Settings menu.
MENU_LABEL = _("Accessibility audit")
#: Wagtail icon of the setting (menu and header).
ICON = "glasses"


class AuditScheduleForm(WagtailAdminModelForm):
    """Checks the excluded URL patterns line by line and stores them tidied."""

    def clean_excluded_url_patterns(self) -> str:
        text: str = self.cleaned_data.get("excluded_url_patterns") or ""
        errors = pattern_errors(text)
        if errors:
            raise forms.ValidationError(errors)
        # Keep comments (they explain why a path is excluded); drop stray spaces and blanks.
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return "\n".join(lines)


edit_handler = ObjectList(
    [
        MultiFieldPanel(
            [FieldPanel("enabled"), FieldPanel("nightly_time"), FieldPanel("rule_set")],
            heading=_("Nightly audit"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(template="audit/settings/exclusions_help.html"),
                FieldPanel(
                    "excluded_url_patterns",
                    heading=_("Excluded URL patterns"),
                    help_text=_("One pattern per line, as explained above."),
                ),
            ],
            heading=_("Pages not to audit"),
        ),
        MultiFieldPanel([FieldPanel("digest_enabled")], heading=_("Email digest")),
    ],
    base_form_class=AuditScheduleForm,
)


def rename_settings_menu_item(request: Any, menu_items: list[Any]) -> None:
    """The ``construct_settings_menu`` hook: "Accessibility audit", not the model's verbose
    name ("Accessibility audit settings" under a menu called Settings says it twice)."""
    for item in menu_items:
        if isinstance(item, SettingMenuItem) and item.model is AuditSchedule:
            item.label = MENU_LABEL
