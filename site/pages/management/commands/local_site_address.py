"""Keep the local default Site at the address `make run` serves: `manage.py local_site_address
127.0.0.1 8001`.

Wagtail builds full URLs from the Site record (the audit, sitemap.xml, links in emails), so a
site served on another port must say so, or the audit visits port 8000. Only a Site on a
loopback address is changed: a council's real Site record is never touched.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class Command(BaseCommand):
    help = "Point the local default Site at HOST:PORT (only a Site on a loopback address)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("host")
        parser.add_argument("port", type=int)

    def handle(self, *args: Any, host: str, port: int, verbosity: int, **options: Any) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"Not a port: {port}.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.hostname not in LOOPBACK_NAMES:
            if verbosity >= 1:
                self.stdout.write("No local default Site: nothing changed.")
            return
        # 0.0.0.0 listens everywhere but is not an address to visit: keep the loopback name.
        hostname = site.hostname if host in {"0.0.0.0", "::"} else host
        if (site.hostname, site.port) == (hostname, port):
            return
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        if verbosity >= 1:
            self.stdout.write(f"The default Site is now {hostname}:{port}.")
