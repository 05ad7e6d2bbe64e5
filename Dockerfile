# Clearway's image: the website (gunicorn) and the task worker (manage.py db_worker) run from
# it; compose.yaml starts both. See docs/deployment.md.

# npm packages (axe-core, which the audit injects into pages), installed with Debian's npm.
FROM python:3.12-slim-bookworm AS npm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=clearway.settings.production \
    SE_OFFLINE=true \
    WEB_CONCURRENCY=2
# Debian's Chromium and chromedriver for audits run in the worker itself, the same packages
# scripts/ensure-chromium.sh installs; Selenium never downloads a browser (SE_OFFLINE). Pango,
# HarfBuzz's subsetter and a font for WeasyPrint (seed_demo's PDFs), as scripts/ensure-pango.sh.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so that a code change does not reinstall them. The project installs
# its dependencies only (pyproject.toml: packages = []); the code runs from /app.
COPY pyproject.toml requirements.lock README.md ./
RUN pip install -c requirements.lock .
COPY --from=npm /app/node_modules node_modules
COPY . .
# Compressed, content-hashed static files, collected into the image. The production settings
# need a key and a host name to load; these two serve only this build step.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --no-input --verbosity 0
RUN useradd --create-home --uid 10001 clearway \
 && mkdir -p /data/media \
 && chown clearway /data/media
ENV CLEARWAY_MEDIA_ROOT=/data/media
USER clearway
EXPOSE 8000
# The same gunicorn command as `make serve` (scripts/serve.sh), bound to every interface of
# the container; workers: WEB_CONCURRENCY (gunicorn reads it). The worker service runs
# `python manage.py db_worker` instead.
CMD ["gunicorn", "clearway.wsgi:application", "--pythonpath", "site", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
