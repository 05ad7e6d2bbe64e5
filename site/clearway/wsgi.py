"""WSGI entry point. Production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os
import sys
from pathlib import Path

# site/ is a source folder on the import path, not a package (`site` is a stdlib module).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clearway.settings.production")

application = get_wsgi_application()
