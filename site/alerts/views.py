from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AlertBanner


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = "Alert banners"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "level", "starts_at", "ends_at"]
    list_filter = ["level"]
