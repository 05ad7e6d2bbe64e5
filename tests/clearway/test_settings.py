"""Settings: safe for production by default, configured only from the environment.

Settings modules read the environment once, when imported, so environment-dependent checks
run in a fresh Python process with exactly the environment they need.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django_tasks import TaskResultStatus, task

from clearway.settings import base
from clearway.settings.env import env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]
#: Variables the settings read; removed so each subprocess starts from the defaults.
SETTINGS_PREFIXES = ("DJANGO_", "CLEARWAY_", "DATABASE_", "WAGTAIL")


def clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(SETTINGS_PREFIXES)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "site"), str(ROOT)])
    return {**env, **overrides}


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_in_subprocess(module: str, names: list[str], **env: str) -> dict[str, Any]:
    code = (
        "import importlib, json, sys\n"
        f"s = importlib.import_module({module!r})\n"
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}, default=str))\n"
    )
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_base_settings_are_safe_whatever_the_environment() -> None:
    assert base.DEBUG is False
    assert base.SESSION_COOKIE_SECURE is True
    assert base.CSRF_COOKIE_SECURE is True
    assert base.SESSION_COOKIE_HTTPONLY is True
    assert base.SECURE_CONTENT_TYPE_NOSNIFF is True
    assert base.X_FRAME_OPTIONS == "DENY"
    assert base.LANGUAGE_CODE == "en-gb"
    assert base.TIME_ZONE == "Europe/London"
    assert base.USE_TZ is True


def test_base_defaults_without_environment_variables() -> None:
    values = settings_in_subprocess(
        "clearway.settings.base",
        ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"],
    )
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECRET_KEY"] == ""
    assert values["ALLOWED_HOSTS"] == []
    assert values["DEBUG"] is False


def test_environment_variables_configure_the_base_settings() -> None:
    values = settings_in_subprocess(
        "clearway.settings.base",
        ["SECURE_SSL_REDIRECT", "ALLOWED_HOSTS", "SECURE_PROXY_SSL_HEADER"],
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_ALLOWED_HOSTS="council.example, www.council.example,",
        DJANGO_BEHIND_PROXY="yes",
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["ALLOWED_HOSTS"] == ["council.example", "www.council.example"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_database_url_selects_postgresql() -> None:
    values = settings_in_subprocess(
        "clearway.settings.production",
        ["DATABASES", "INSTALLED_APPS"],
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="council.example",
        DATABASE_URL="postgres://council:pw@db.council.example:5432/clearway",
    )
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["HOST"], database["PORT"]) == (
        "clearway",
        "db.council.example",
        5432,
    )
    assert "django.contrib.postgres" in values["INSTALLED_APPS"]


def test_sqlite_without_database_url() -> None:
    values = settings_in_subprocess("clearway.settings.base", ["DATABASES", "INSTALLED_APPS"])
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "django.contrib.postgres" not in values["INSTALLED_APPS"]


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="clearway.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="council.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = run(
        ["manage.py", "check"],
        DJANGO_SETTINGS_MODULE="clearway.settings.production",
        DJANGO_ALLOWED_HOSTS="council.example",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_env_helpers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARWAY_FLAG", " Yes ")
    monkeypatch.setenv("CLEARWAY_OFF", "off")
    monkeypatch.setenv("CLEARWAY_NUMBER", "42")
    monkeypatch.setenv("CLEARWAY_LIST", " a, ,b ,")
    monkeypatch.delenv("CLEARWAY_MISSING", raising=False)
    assert env_bool("CLEARWAY_FLAG", False) is True
    assert env_bool("CLEARWAY_OFF", True) is False
    assert env_bool("CLEARWAY_MISSING", True) is True
    assert env_int("CLEARWAY_NUMBER", 1) == 42
    assert env_int("CLEARWAY_MISSING", 7) == 7
    assert env_list("CLEARWAY_LIST") == ["a", "b"]
    assert env_list("CLEARWAY_MISSING", ["x"]) == ["x"]
    assert env_str("CLEARWAY_MISSING", "fallback") == "fallback"


@pytest.mark.parametrize(
    ("helper", "value"),
    [(env_bool, "maybe"), (env_int, "ten"), (env_str, None)],
)
def test_env_helpers_name_the_variable_they_reject(
    monkeypatch: pytest.MonkeyPatch, helper: Any, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("CLEARWAY_BAD", raising=False)
        args: tuple[Any, ...] = ("CLEARWAY_BAD",)
    else:
        monkeypatch.setenv("CLEARWAY_BAD", value)
        args = ("CLEARWAY_BAD", 0)
    with pytest.raises(ImproperlyConfigured, match="CLEARWAY_BAD"):
        helper(*args)


@task()
def double(number: int) -> int:
    return number * 2


def test_test_settings_run_tasks_immediately() -> None:
    assert (
        settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    )
    result = double.enqueue(21)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 42


def test_make_run_settings_show_residents_pages_on_the_loopback() -> None:
    values = settings_in_subprocess(
        "clearway.settings.local",
        ["DEBUG", "ALLOWED_HOSTS", "CLEARWAY_SERVE_MEDIA", "SECURE_SSL_REDIRECT"],
    )
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert values["CLEARWAY_SERVE_MEDIA"] is True
    assert values["SECURE_SSL_REDIRECT"] is False
    assert settings_in_subprocess("clearway.settings.dev", ["DEBUG"])["DEBUG"] is True


def make_dry_run(target: str) -> list[str]:
    """The commands ``make TARGET`` would run that start Django (manage.py or run.sh)."""
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", target],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if "manage.py" in line or "run.sh" in line]


@pytest.mark.parametrize(
    ("target", "module"), [("run", "clearway.settings.local"), ("dev", "clearway.settings.dev")]
)
def test_make_run_and_make_dev_choose_their_settings(target: str, module: str) -> None:
    commands = make_dry_run(target)
    assert [command.split()[-1] for command in commands][-1] == "scripts/run.sh"
    for command in commands:
        assert command.startswith(f"DJANGO_SETTINGS_MODULE={module} "), command


def test_run_script_binds_the_loopback_with_the_run_settings_by_default() -> None:
    script = (ROOT / "scripts" / "run.sh").read_text()
    # The loopback unless HOST says otherwise (`make run HOST=...`).
    assert 'HOST="${HOST:-127.0.0.1}"' in script
    assert 'runserver "$HOST:$PORT"' in script
    assert 'DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-clearway.settings.local}"' in script


def test_proxy_hops_follow_behind_proxy_unless_set() -> None:
    names = ["CLEARWAY_PROXY_HOPS", "CLEARWAY_FEEDBACK_RATE_LIMIT", "CLEARWAY_FEEDBACK_MAX_BYTES"]
    defaults = settings_in_subprocess("clearway.settings.base", names)
    assert defaults == {
        "CLEARWAY_PROXY_HOPS": 0,
        "CLEARWAY_FEEDBACK_RATE_LIMIT": 20,
        "CLEARWAY_FEEDBACK_MAX_BYTES": 16_384,
    }
    behind = settings_in_subprocess("clearway.settings.base", names, DJANGO_BEHIND_PROXY="1")
    assert behind["CLEARWAY_PROXY_HOPS"] == 1
    configured = settings_in_subprocess(
        "clearway.settings.base",
        names,
        DJANGO_BEHIND_PROXY="1",
        CLEARWAY_PROXY_HOPS="2",
        CLEARWAY_FEEDBACK_RATE_LIMIT="5",
    )
    assert (configured["CLEARWAY_PROXY_HOPS"], configured["CLEARWAY_FEEDBACK_RATE_LIMIT"]) == (2, 5)
