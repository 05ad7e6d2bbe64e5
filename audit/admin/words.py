"""Settings > Words to avoid: the plain-English rule's list, edited as a Wagtail snippet."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from audit.storage.models import PlainEnglishTerm


class PlainEnglishTermViewSet(SnippetViewSet):
    model = PlainEnglishTerm
    icon = "doc-full"
    menu_label = _("Words to avoid")
    add_to_settings_menu = True
    list_display = ["phrase", "alternatives", "enabled"]
    list_filter = ["enabled"]
    search_fields = ["phrase", "alternatives"]
    list_export = ["phrase", "alternatives", "note", "enabled"]
    ordering = ["phrase"]
    panels = [
        FieldPanel("phrase"),
        FieldPanel("alternatives"),
        FieldPanel("note"),
        FieldPanel("enabled"),
    ]
