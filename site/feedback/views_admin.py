from wagtail.admin.viewsets.model import ModelViewSet

from .models import PageFeedback


class PageFeedbackViewSet(ModelViewSet):
    model = PageFeedback
    icon = "help"
    menu_label = "Page feedback"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["page_title", "useful", "comment", "created_at"]
    list_filter = ["useful", "created_at"]
    list_export = ["page_title", "url", "useful", "comment", "created_at"]
    search_fields = ["page_title", "comment"]
    form_fields = ["comment"]
    inspect_view_enabled = True
    copy_view_enabled = False
