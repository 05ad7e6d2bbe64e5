"""Settings > Accessibility audit: the nightly audit's schedule, rules, engines, exclusions and
digest, edited through Wagtail's settings (``wagtail.contrib.settings``): the form, the panels
and the menu label. :mod:`audit.admin.settings_registration` attaches the panels to the model."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.contrib.settings.registry import SettingMenuItem

from audit.core.enums import Engine
from audit.engine.exclusions import pattern_errors
from audit.storage.models import AuditSchedule

#: The label of the setting in the Settings menu.
MENU_LABEL = _("Accessibility audit")
#: Wagtail icon of the setting (menu and header).
ICON = "glasses"


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes in a ``<fieldset>`` with a ``<legend>``, so screen readers announce the
    group's name with each box; the panel's help text describes the group, not each box."""

    template_name = "audit/settings/checkbox_group.html"

    def __init__(self, legend: StrOrPromise, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.legend = legend

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        described_by = attrs.pop("aria-describedby", "")
        context: dict[str, Any] = super().get_context(name, value, attrs)
        context["widget"].update(legend=self.legend, described_by=described_by)
        return context


#: The engines an administrator can choose, in the order they run.
ENGINE_CHOICES = [
    (Engine.AXE.value, _("axe-core: the most widely used accessibility rules")),
    (Engine.IBM.value, _("IBM Equal Access: a second opinion on the same page")),
    (Engine.CLEARWAY.value, _("Clearway: plain English, links, titles, reflow, focus and more")),
]


class AuditScheduleForm(WagtailAdminModelForm):
    """Checks the excluded URL patterns line by line and stores them tidied; the engines are
    checkboxes, at least one ticked."""

    engines = forms.MultipleChoiceField(
        label=_("Engines"),
        choices=ENGINE_CHOICES,
        widget=CheckboxGroup(legend=_("Engines")),
        help_text=_(
            "Which engines the nightly audit, audits started here and audits on publish use. "
            "The audit command follows the ENGINES setting instead."
        ),
        error_messages={"required": _("Choose at least one engine.")},
    )

    def clean_engines(self) -> list[str]:
        chosen = set(self.cleaned_data.get("engines") or ())
        # Stored in the order they run, whatever order the browser sent them in.
        return [value for value, _label in ENGINE_CHOICES if value in chosen]

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
            [
                FieldPanel("enabled"),
                FieldPanel("nightly_time"),
                FieldPanel("rule_set"),
                FieldPanel("engines"),
            ],
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
