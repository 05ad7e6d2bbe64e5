"""`make run`: the site on your own machine as residents see it. Never use in production.

Development conveniences (plain HTTP on the loopback, emails printed, no page cache) without
Django's debug pages: a missing page gets the site's own 404 and an error its own 500, and
static files are served by WhiteNoise from `collectstatic`'s output, as in production.
`make dev` uses dev.py instead, for developers who want the debug pages.
"""

from .dev import *  # noqa: F403

DEBUG = False
