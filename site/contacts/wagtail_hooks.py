from wagtail.snippets.models import register_snippet

from .views import ContactPointViewSet

register_snippet(ContactPointViewSet)
