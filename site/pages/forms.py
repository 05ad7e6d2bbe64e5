"""The page editor's form: errors said where the editor is looking.

Wagtail 8 autosaves the add-page form as a draft (required fields deferred), so an abandoned
form leaves a page behind, and the next page with the same title then fails with "slug already
in use" on the Promote tab, which the editor sees only as a red "1" on that tab: Wagtail's
banner says "could not be saved due to validation errors" and lists the errors only when the
form has a non-field error. This form names the page that holds the slug and adds a non-field
error naming the tabs with errors, so the banner at the top lists every error and its field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import TabbedInterface
from wagtail.models import Page


def _tabs_by_field(page: Page) -> dict[str, str]:
    """Field name -> the heading of the editor tab that shows it (none without tabs)."""
    handler = type(page).get_edit_handler()
    tabs: dict[str, str] = {}
    if not isinstance(handler, TabbedInterface):
        return tabs
    for tab in handler.children:
        options = tab.get_form_options()
        for name in [*options.get("fields", ()), *options.get("formsets", ())]:
            tabs.setdefault(name, str(tab.heading))
    return tabs


class ClearwayPageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned_data: dict[str, Any] = super().clean()
        self._explain_slug_in_use()
        self._summarise_errors_by_tab()
        return cleaned_data

    def _explain_slug_in_use(self) -> None:
        slug = self.data.get(self.add_prefix("slug"), "")
        if "slug" not in self.errors or not slug or self.parent_page is None:
            return
        holder = self.parent_page.get_children().filter(slug=slug)
        if self.instance.pk:
            holder = holder.exclude(pk=self.instance.pk)
        other = holder.first()
        if other is None:
            return
        if other.live:
            where = _("the published page “%(title)s”") % {"title": other.title}
        else:
            where = _(
                "the draft “%(title)s”, never published (perhaps saved automatically from an "
                "earlier, unfinished page)"
            ) % {"title": other.title}
        self.errors["slug"] = self.error_class(
            [
                _(
                    "The address “%(slug)s” is already used by %(where)s in this section. "
                    "Change the slug, or edit or delete that page."
                )
                % {"slug": slug, "where": where}
            ]
        )

    def _summarise_errors_by_tab(self) -> None:
        fields = [name for name in self.errors if name != NON_FIELD_ERRORS]
        if not fields:
            return
        tabs_by_field = _tabs_by_field(self.instance)
        tabs = list(dict.fromkeys(tabs_by_field.get(name, "") for name in fields))
        named = ", ".join(f"“{tab}”" for tab in tabs if tab)
        if not named:
            return
        self.add_error(
            None,
            _("Check the highlighted fields on these tabs: %(tabs)s.") % {"tabs": named},
        )
