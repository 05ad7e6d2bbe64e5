from wagtail.snippets.models import register_snippet

from .views import AlertBannerViewSet

register_snippet(AlertBannerViewSet)
