"""The production stack: `make serve` (scripts/serve.sh), the Dockerfile and compose.yaml.

Docker is not needed: compose.yaml and the Dockerfile are read as text and held to what the
tests start for real here (gunicorn with the production settings, the task worker beside it).
compose.yaml keeps to a plain subset of YAML, read by :func:`read_yaml` below, because PyYAML
is not a dependency of the project.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.clearway.test_settings import ROOT, clean_env

SETTINGS_DIR = ROOT / "site" / "clearway" / "settings"
#: The services compose.yaml must define: the two this module starts for real (web, worker),
#: the migration step before them, the database and the Selenium Grid.
SERVICES = {"db", "migrate", "web", "worker", "selenium-hub", "chromium"}
#: Services built from the Dockerfile, whose environment the Django settings must read.
CLEARWAY_SERVICES = ("migrate", "web", "worker")
#: The hashed stylesheet a page links to: collectstatic's manifest storage names it.
HASHED_CSS = re.compile(r"/static/css/clearway\.[0-9a-f]{12}\.css")


# A reader for compose.yaml's subset of YAML --------------------------------------------------


def _scalar(text: str) -> Any:
    """A value: JSON-style lists and double-quoted strings as JSON, the rest as plain text."""
    if text.startswith(("[", '"')):
        return json.loads(text)
    if text.startswith("'"):
        return text[1:-1]
    return text


def read_yaml(text: str) -> Any:
    """Block mappings and lists of scalars, nested by indentation; full-line comments.

    Anything outside that subset (anchors, inline comments, multi-line strings, flow mappings)
    is rejected rather than misread.
    """
    lines: list[tuple[int, str]] = []
    for raw in text.splitlines():
        content = raw.strip()
        if not content or content.startswith("#"):
            continue
        if re.search(r"(^|\s)[&*]\w|\s#|^[|>]|:\s*[|>{]", content):
            raise ValueError(f"outside the YAML subset the tests read: {raw!r}")
        lines.append((len(raw) - len(raw.lstrip(" ")), content))

    def block(start: int, indent: int) -> tuple[Any, int]:
        if lines[start][1].startswith("- "):
            items: list[Any] = []
            index = start
            while index < len(lines) and lines[index] == (indent, lines[index][1]):
                if not lines[index][1].startswith("- "):
                    raise ValueError(f"a mapping inside a list: {lines[index][1]!r}")
                items.append(_scalar(lines[index][1][2:].strip()))
                index += 1
            return items, index
        mapping: dict[str, Any] = {}
        index = start
        while index < len(lines) and lines[index][0] == indent:
            key, colon, rest = lines[index][1].partition(":")
            if not colon or key in mapping:
                raise ValueError(f"not a new mapping key: {lines[index][1]!r}")
            index += 1
            if rest.strip():
                mapping[key] = _scalar(rest.strip())
            elif index < len(lines) and lines[index][0] > indent:
                mapping[key], index = block(index, lines[index][0])
            else:
                mapping[key] = None
        return mapping, index

    value, end = block(0, lines[0][0])
    if end != len(lines):
        raise ValueError(f"unexpected indentation: {lines[end][1]!r}")
    return value


def test_the_yaml_reader_reads_the_subset_and_rejects_the_rest() -> None:
    text = 'a:\n  # note\n  b: "x: y"\n  c: ["p", "q"]\n  d:\n    - one\n    - "two"\n  e:\nf: g\n'
    assert read_yaml(text) == {
        "a": {"b": "x: y", "c": ["p", "q"], "d": ["one", "two"], "e": None},
        "f": "g",
    }
    for outside in ("a: &anchor\n  b: c\n", "a: b # comment\n", "a: |\n  text\n", "a: {b: c}\n"):
        with pytest.raises(ValueError, match="subset"):
            read_yaml(outside)


def interpolate(value: str, environment: dict[str, str]) -> str:
    """Compose's ``${NAME}``, ``${NAME:-default}`` and ``${NAME:?error}`` substitution."""

    def substitute(match: re.Match[str]) -> str:
        name, operator, argument = match.group(1), match.group(2), match.group(3)
        if environment.get(name):
            return environment[name]
        if operator == ":?":
            raise KeyError(f"{name}: {argument}")
        return argument if operator == ":-" else ""

    return re.sub(r"\$\{(\w+)(?:(:[-?])([^}]*))?\}", substitute, value)


# What the repository's files say ----------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return read_yaml((ROOT / "compose.yaml").read_text())


def serve_script_commands() -> tuple[list[str], list[str]]:
    """scripts/serve.sh's gunicorn and task worker commands, as words."""
    web: list[str] = []
    worker: list[str] = []
    for line in (ROOT / "scripts" / "serve.sh").read_text().splitlines():
        words = shlex.split(line.removesuffix("&"))
        if words and words[0].endswith("/gunicorn"):
            web = words
        elif "db_worker" in words:
            worker = words
    assert web and worker, "scripts/serve.sh starts gunicorn and manage.py db_worker"
    return web, worker


def dockerfile_stages() -> list[str]:
    """The Dockerfile's build stages' text, in order."""
    return re.split(r"^FROM ", (ROOT / "Dockerfile").read_text(), flags=re.MULTILINE)[1:]


def apt_packages(text: str) -> set[str]:
    """Packages named by ``apt-get install`` commands (options dropped)."""
    packages: set[str] = set()
    for command in re.findall(r"apt-get install ([^\n&>]+)", text):
        packages |= {word for word in command.split() if not word.startswith(("-", "$", "\\"))}
    return packages


def names_the_settings_read() -> set[str]:
    """Environment variables read by the settings modules (env.py's helpers, dj-database-url)."""
    names: set[str] = set()
    for path in SETTINGS_DIR.glob("*.py"):
        text = path.read_text()
        names |= set(re.findall(r"env_(?:str|int|bool|list)\(\s*\"(\w+)\"", text))
        names |= set(re.findall(r"\benv=\"(\w+)\"", text))
    return names


def test_compose_names_the_production_services(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == SERVICES
    assert services["db"]["image"] == "postgres:15"
    assert services["selenium-hub"]["image"].startswith("selenium/hub:4.")
    assert services["chromium"]["image"].startswith("selenium/node-chromium:4.")
    for name in CLEARWAY_SERVICES:
        assert services[name]["build"] == ".", name
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }
    assert set(compose["volumes"]) == {"pgdata", "media"}


def test_compose_runs_the_commands_make_serve_runs(compose: dict[str, Any]) -> None:
    web, worker = serve_script_commands()
    # serve.sh binds $HOST:$PORT from the virtualenv; the container binds every interface.
    in_container = [
        "gunicorn" if word.endswith("/gunicorn") else word.replace("$HOST:$PORT", "0.0.0.0:8000")
        for word in web
    ]
    assert compose["services"]["web"]["command"] == in_container
    assert compose["services"]["worker"]["command"] == ["python", *worker[1:]]
    assert worker[1:] == ["manage.py", "db_worker"]
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile_stages()[-1], flags=re.MULTILINE)
    assert cmd is not None
    assert json.loads(cmd.group(1)) == in_container
    assert compose["services"]["web"]["ports"] == ["${HOST:-127.0.0.1}:${PORT:-8000}:8000"]


def test_compose_sets_only_variables_the_settings_read(compose: dict[str, Any]) -> None:
    read = names_the_settings_read()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "CLEARWAY_AUDIT_REMOTE_URL"} <= read
    for name in CLEARWAY_SERVICES:
        assert set(compose["services"][name]["environment"]) <= read, name


def test_the_worker_drives_the_grid_hub_through_the_settings(compose: dict[str, Any]) -> None:
    services = compose["services"]
    environment = {
        name: interpolate(
            value,
            {"DJANGO_SECRET_KEY": "k", "DJANGO_ALLOWED_HOSTS": "h", "POSTGRES_PASSWORD": "pw"},
        )
        for name, value in services["worker"]["environment"].items()
    }
    assert environment["CLEARWAY_AUDIT_REMOTE_URL"] == "http://selenium-hub:4444"
    assert environment["DATABASE_URL"] == "postgres://clearway:pw@db:5432/clearway"
    node = services["chromium"]["environment"]
    assert node["SE_EVENT_BUS_HOST"] == "selenium-hub"
    assert int(node["SE_NODE_MAX_SESSIONS"]) == int(environment["CLEARWAY_AUDIT_WORKERS"])
    # The image sets DJANGO_SETTINGS_MODULE; the audit reads its settings as in the worker.
    code = (
        "import json\n"
        "from django.conf import settings\n"
        "from audit.core.conf import audit_settings\n"
        "audit = audit_settings()\n"
        "host = settings.DATABASES['default']['HOST']\n"
        "print(json.dumps([audit.REMOTE_URL, audit.WORKERS, host]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_env(**environment, DJANGO_SETTINGS_MODULE="clearway.settings.production"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["http://selenium-hub:4444", 2, "db"]


def test_the_image_installs_the_browser_packages_the_tests_use() -> None:
    npm_stage, runtime = dockerfile_stages()
    ensure = (ROOT / "scripts" / "ensure-chromium.sh").read_text()
    assert apt_packages(ensure) == {"chromium", "chromium-driver"}
    # And WeasyPrint's system libraries (seed_demo's PDFs), as scripts/ensure-pango.sh.
    pango = apt_packages((ROOT / "scripts" / "ensure-pango.sh").read_text())
    assert "libpango-1.0-0" in pango
    assert apt_packages(runtime) == apt_packages(ensure) | pango
    assert runtime.startswith("python:3.12-slim")
    assert apt_packages(npm_stage) == {"nodejs", "npm"}
    assert "RUN npm ci" in npm_stage
    assert "COPY --from=npm /app/node_modules node_modules" in runtime
    assert "pip install -c requirements.lock ." in runtime
    assert "manage.py collectstatic" in runtime
    user = re.findall(r"^USER (\S+)$", runtime, flags=re.MULTILINE)
    assert user and user[-1] not in {"root", "0"}
    assert "DJANGO_SETTINGS_MODULE=clearway.settings.production" in runtime


# make serve ------------------------------------------------------------------------------


def make_dry_run(*args: str) -> list[str]:
    """The commands ``make ARGS`` would run that start Django (manage.py or a script)."""
    # HOST and PORT from the environment would move the servers; the defaults are tested.
    environment = {k: v for k, v in clean_env().items() if k not in {"HOST", "PORT"}}
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return [
        line
        for line in result.stdout.splitlines()
        if "manage.py" in line or "scripts/serve.sh" in line or "scripts/run.sh" in line
    ]


def test_make_serve_runs_gunicorn_and_the_worker_with_the_production_settings() -> None:
    commands = make_dry_run("serve")
    for command in commands:
        assert command.startswith("DJANGO_SETTINGS_MODULE=clearway.settings.production "), command
    assert commands[0].endswith("bash scripts/serve.sh --check")
    assert any(command.endswith("manage.py migrate --no-input") for command in commands)
    assert any("manage.py collectstatic --no-input" in command for command in commands)
    assert commands[-1].endswith(" HOST=127.0.0.1 PORT=8000 bash scripts/serve.sh")
    web, worker = serve_script_commands()
    assert web[:2] == ["$VENV/bin/gunicorn", "clearway.wsgi:application"]
    assert "$HOST:$PORT" in web
    assert worker == ["$VENV/bin/python", "manage.py", "db_worker"]
    script = (ROOT / "scripts" / "serve.sh").read_text()
    assert 'DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-clearway.settings.production}"' in (
        script
    )


@pytest.mark.parametrize("target", ["run", "dev", "serve"])
def test_host_and_port_are_make_variables(target: str) -> None:
    commands = make_dry_run(target, "HOST=127.0.0.2", "PORT=8123")
    assert commands[-1].split(" bash ")[0].endswith(" HOST=127.0.0.2 PORT=8123"), commands[-1]


@pytest.mark.parametrize(
    ("present", "message"),
    [
        ({}, "set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS in the environment"),
        ({"DJANGO_SECRET_KEY": "k"}, "set DJANGO_ALLOWED_HOSTS in the environment"),
        ({"DJANGO_ALLOWED_HOSTS": "h"}, "set DJANGO_SECRET_KEY in the environment"),
    ],
)
def test_serve_refuses_to_start_without_its_secrets_in_one_line(
    present: dict[str, str], message: str
) -> None:
    result = subprocess.run(
        ["bash", "scripts/serve.sh"],
        cwd=ROOT,
        env=clean_env(**present),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_production_settings_refuse_to_load_without_allowed_hosts() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean_env(
            DJANGO_SETTINGS_MODULE="clearway.settings.production",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS=" , ",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set the DJANGO_ALLOWED_HOSTS environment variable." in result.stderr


# The stack, started for real ---------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A migrated, seeded SQLite database and collected static files, in a temporary folder."""

    environment: dict[str, str]
    static_root: Path


@pytest.fixture(scope="module")
def prepared_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("serve")
    environment = {
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "CLEARWAY_STATIC_ROOT": str(folder / "static"),
        "CLEARWAY_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "clearway.settings.production",
    }
    for command in (
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input"],
        ["seed_demo"],
    ):
        result = subprocess.run(
            [sys.executable, "manage.py", *command, "--verbosity", "0"],
            cwd=ROOT,
            env=clean_env(**environment),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return Site(environment, folder / "static")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        if self.headers.get("content-encoding") == "gzip":
            return gzip.decompress(self.body).decode()
        return self.body.decode()


def get(port: int, path: str, headers: dict[str, str]) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        found = {name.lower(): value for name, value in response.getheaders()}
        return Response(response.status, found, body)
    finally:
        connection.close()


def alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def group_commands(group: int) -> list[str]:
    """The command lines of the processes in a process group."""
    # -ww: without it ps cuts each line at $COLUMNS when set (CI sets it), losing the command.
    listing = subprocess.run(
        ["ps", "-ww", "-eo", "pgid=,args="], capture_output=True, text=True, timeout=10, check=True
    )
    return [
        args
        for pgid, _, args in (line.strip().partition(" ") for line in listing.stdout.splitlines())
        if pgid == str(group)
    ]


@contextmanager
def started(
    script: str, environment: dict[str, str], log: Path
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """Run ``bash scripts/SCRIPT`` on a free loopback port until it answers; yield the port
    and the script's process.

    The script and everything it starts share a new process group, which is killed on the
    way out whatever happens.
    """
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["bash", f"scripts/{script}"],
            cwd=ROOT,
            env=clean_env(**environment, HOST="127.0.0.1", PORT=str(port)),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"{script} exited:\n{log.read_text()}"
            try:
                get(port, "/robots.txt", {})
                break
            except OSError:
                assert time.monotonic() < deadline, f"{script} did not answer:\n{log.read_text()}"
                time.sleep(0.25)
        yield port, process
    finally:
        if alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def assert_compressed_hashed_static(port: int, site: Site, headers: dict[str, str]) -> int:
    """The home page links the hashed stylesheet, which is sent gzipped; returns the bytes
    a first visit transfers for both."""
    page = get(port, "/", {**headers, "Accept-Encoding": "gzip"})
    assert page.status == 200, page.text()
    assert page.headers.get("content-encoding") == "gzip"
    stylesheet = HASHED_CSS.search(page.text())
    assert stylesheet is not None, "the page links collectstatic's hashed stylesheet"
    css = get(port, stylesheet.group(), {**headers, "Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.headers.get("content-encoding") == "gzip"
    assert "immutable" in css.headers["cache-control"]
    collected = (site.static_root / stylesheet.group().removeprefix("/static/")).read_bytes()
    assert gzip.decompress(css.body) == collected
    assert len(css.body) < len(collected) / 2
    identity = get(port, stylesheet.group(), headers)
    assert "content-encoding" not in identity.headers
    assert identity.body == collected
    return len(page.body) + len(css.body)


def test_make_serve_stack_serves_compressed_hashed_static_files_and_stops_together(
    prepared_site: Site, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    # Behind a TLS proxy, as in compose.yaml: plain HTTP from it is HTTPS to the site.
    environment = {**prepared_site.environment, "DJANGO_BEHIND_PROXY": "true"}
    with started("serve.sh", environment, log) as (port, script):
        transferred = assert_compressed_hashed_static(
            port, prepared_site, {"X-Forwarded-Proto": "https"}
        )
        # The figure for the production stack: about 7 KB for a first visit.
        assert transferred < 10_000, transferred
        # The production settings send plain HTTP to HTTPS.
        assert get(port, "/", {}).status == 301
        commands = group_commands(script.pid)
        assert any("gunicorn clearway.wsgi:application" in command for command in commands)
        assert any("manage.py db_worker" in command for command in commands)
        # The worker starts beside gunicorn, not before it answers: on a busy machine it may
        # still be setting Django up (bounded wait).
        deadline = time.monotonic() + 60
        while "Starting worker" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.25)
        # What Ctrl-C does to the script (a terminal sends SIGINT to the whole group; a
        # background process ignores SIGINT, so the test sends SIGTERM to the script alone).
        script.send_signal(signal.SIGTERM)
        assert script.wait(timeout=45) == 0
        assert group_commands(script.pid) == [], "gunicorn and the worker stop with the script"
    output = log.read_text()
    assert f"Listening at: http://127.0.0.1:{port}" in output
    assert "with clearway.settings.production" in output
    assert "Starting worker" in output


def test_make_run_serves_compressed_static_files_too(prepared_site: Site, tmp_path: Path) -> None:
    """`make run` (runserver, DEBUG off) sends what production sends, in weight."""
    environment = {**prepared_site.environment, "DJANGO_SETTINGS_MODULE": "clearway.settings.local"}
    with started("run.sh", environment, tmp_path / "run.log") as (port, _):
        transferred = assert_compressed_hashed_static(port, prepared_site, {})
        assert transferred < 10_000, transferred
