from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = "Contact points"
    default_auto_field = "django.db.models.BigAutoField"
