"""Create the first admin account for `make run`, once.

The password comes from DJANGO_SUPERUSER_PASSWORD; without it a random one is made and
printed this once (it is not stored anywhere, so note it down).
"""

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser unless any superuser exists."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--username", default=os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        )
        parser.add_argument(
            "--email", default=os.environ.get("DJANGO_SUPERUSER_EMAIL", "admin@example.com")
        )

    def handle(self, *args: Any, username: str, email: str, **options: Any) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin user already exists.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created the admin user '{username}'."))
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Its password is {password}\n"
                    "It is shown only this once. Set DJANGO_SUPERUSER_PASSWORD to choose your own."
                )
            )
