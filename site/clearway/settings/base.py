"""Settings shared by every environment.

Safe for production on their own: DEBUG is off, the secret key and hosts come from the
environment, and every security header is on. dev.py and test.py relax what they must.
"""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

#: The repository root (site/clearway/settings/base.py is three levels down from site/).
BASE_DIR = Path(__file__).resolve().parents[3]
SITE_DIR = BASE_DIR / "site"

DEBUG = False
# Empty unless set: Django refuses to start rather than run with a guessable key.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Clearway
    "pages",
    "contacts",
    "alerts",
    "feedback",
    "audit",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    # Promoted search results: editors pin pages to searches ("tip" -> recycling centres).
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Background tasks: the django_tasks package Wagtail itself uses, stored in the database.
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clearway.middleware.PublicContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache wraps everything below it: a hit is answered here, before sessions,
    # authentication or Wagtail touch the database.
    "django.middleware.cache.UpdateCacheMiddleware",
    # Inside the cache, so the cache keeps compressed pages rather than compressing every hit.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",
    "clearway.middleware.CachedSiteMiddleware",
]

ROOT_URLCONF = "clearway.urls"
WSGI_APPLICATION = "clearway.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (postgres://user:pass@host/db) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL's full-text search fields and indexes.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A UK council: British English and UK time, including summer time.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
#: `collectstatic`'s output, served by WhiteNoise (the Docker image collects into the image).
STATIC_ROOT = Path(env_str("CLEARWAY_STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("CLEARWAY_MEDIA_ROOT", str(BASE_DIR / "media")))
#: Serve MEDIA_ROOT from Django itself: only for local runs (dev.py); in production the web
#: server or a storage service does it.
CLEARWAY_SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed, content-hashed files served with far-future cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Local memory is per process: with several server processes each keeps its own page cache,
# and each is emptied by the content-change signals only in the process that saw the change;
# page lifetimes (CLEARWAY_PAGE_CACHE_SECONDS) bound how stale another process can be.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    # Whole public pages for anonymous visitors; emptied whenever content changes.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_SECONDS = env_int("CLEARWAY_PAGE_CACHE_SECONDS", 300)
CACHE_MIDDLEWARE_KEY_PREFIX = "page"

# Background tasks (https://github.com/RealOrangeOne/django-tasks): stored in the database
# and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security. https://docs.djangoproject.com/en/6.1/howto/deployment/checklist/
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
_behind_proxy = env_bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _behind_proxy else None
#: How many proxies in front of the site add the address they were contacted from to
#: X-Forwarded-For. 0 (the default without DJANGO_BEHIND_PROXY) trusts REMOTE_ADDR only.
CLEARWAY_PROXY_HOPS = env_int("CLEARWAY_PROXY_HOPS", 1 if _behind_proxy else 0)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# gov.uk is on browsers' HSTS preload list already; other domains can opt out.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
#: Content-Security-Policy for public pages (the admin sets its own needs; see middleware).
CLEARWAY_PUBLIC_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)

# "Is this page useful?" (docs/feedback.md): limits that need no cookie.
#: Answers accepted from one client address in each window; 0 turns the limit off.
CLEARWAY_FEEDBACK_RATE_LIMIT = env_int("CLEARWAY_FEEDBACK_RATE_LIMIT", 20)
#: The rate limit's fixed window, in seconds.
CLEARWAY_FEEDBACK_RATE_WINDOW = env_int("CLEARWAY_FEEDBACK_RATE_WINDOW", 600)
#: The largest answer accepted, in bytes: a 1,200-character comment in any script, encoded.
CLEARWAY_FEEDBACK_MAX_BYTES = env_int("CLEARWAY_FEEDBACK_MAX_BYTES", 16_384)

# The accessibility audit (docs/audit.md). Keys not set here take audit/core/conf.py's defaults;
# the environment sets only what differs between machines.
CLEARWAY_AUDIT: dict[str, object] = {
    #: Service pages' review dates and owners, for the audit (docs/content-review.md).
    "PAGE_REVIEWS": "pages.review.page_reviews",
}
#: A Selenium Grid (or standalone chromedriver) for the audit's browsers: compose.yaml's
#: worker uses the Grid hub. Empty: Chromium runs on the worker's own machine.
if _remote_url := env_str("CLEARWAY_AUDIT_REMOTE_URL", ""):
    CLEARWAY_AUDIT["REMOTE_URL"] = _remote_url
#: Browsers one worker drives at once (default: one per core); with a Grid, at most the
#: sessions its nodes offer, or the rest wait in the Grid's queue.
if _browsers := env_int("CLEARWAY_AUDIT_WORKERS", 0):
    CLEARWAY_AUDIT["WORKERS"] = _browsers
#: Task workers that share one audit run, each taking batches of pages (docs/scale.md).
if _shared := env_int("CLEARWAY_AUDIT_PARALLEL_BATCHES", 0):
    CLEARWAY_AUDIT["PARALLEL_BATCHES"] = _shared

# Wagtail
WAGTAIL_SITE_NAME = env_str("CLEARWAY_SITE_NAME", "Anytown Borough Council")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, with titles weighted on SQLite as boosts weight them on
        # PostgreSQL (pages/search_backend.py).
        "BACKEND": "pages.search_backend",
        # English stemming on PostgreSQL ("bins" finds "bin"); SQLite gets it from the Porter
        # tokenizer (pages/migrations/0002_sqlite_search_stemming.py). Only PostgreSQL reads it.
        # https://docs.wagtail.org/en/stable/topics/search/backends.html
        "SEARCH_CONFIG": "english",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_I18N_ENABLED = False
# No avatars from gravatar.com: the admin would send a hash of each editor's email address to
# a third party on every screen, and the request fails on networks that block it.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_FORMAT_CONVERTERS = {}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # pikepdf (the audit's PDF checks) says at INFO that it has started, on every command.
        "pikepdf": {"level": "WARNING"},
        # WeasyPrint (the demo's PDFs) warns at INFO about CSS it ignores, and fontTools chats.
        "fontTools": {"level": "WARNING"},
    },
}
