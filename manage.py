#!/usr/bin/env python
"""Django's command-line utility for Clearway."""

import os
import sys
from pathlib import Path

# site/ holds the website's packages. It is a source folder on the import path rather than
# a package, because `site` is also a standard-library module.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clearway.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
