from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alert banners"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .models import AlertBanner, forget_banners

        post_save.connect(forget_banners, sender=AlertBanner, dispatch_uid="alerts_forget_save")
        post_delete.connect(forget_banners, sender=AlertBanner, dispatch_uid="alerts_forget_delete")
