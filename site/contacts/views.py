from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContactPoint


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "mail"
    menu_label = "Contact points"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "phone", "email"]
    search_fields = ["name"]
