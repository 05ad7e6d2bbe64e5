"""What the audit browser will and will not contact (:mod:`audit.engine.guard`).

The browser tests serve a hostile page set from one local server (the audited site) and count
what a second local server on another port (another host to the browser) receives: it must
hear nothing, neither from the pre-flight fetch nor from Chromium, unless it is configured as
an allowed third party.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from audit.core.conf import AuditSettings
from audit.core.enums import PageStatus
from audit.engine.browsers import BrowserUnavailable, LocalChromium
from audit.engine.guard import GuardUnavailable, RequestPolicy, answered_once, devtools_url
from audit.engine.runner import BrowserSession
from audit.results import AuditTarget

from .conftest import LocalSite

# Unit tests of the policy: addresses, names and request kinds.

PUBLIC = {"cdn.example": ["93.184.215.14"], "intranet.example": ["10.1.2.3"]}


def resolver(host: str) -> list[str]:
    from audit.engine.guard import resolve

    return PUBLIC.get(host) or resolve(host)


def policy(third_party: tuple[str, ...] | None = None) -> RequestPolicy:
    return RequestPolicy.for_hosts(
        ["council.example", "127.0.0.1:8000"], third_party, resolver=resolver
    )


@pytest.mark.parametrize(
    ("url", "top_level", "refused"),
    [
        ("https://council.example/bins", True, ""),
        ("http://127.0.0.1:8000/bins", True, ""),  # an allowed host, whatever its address
        ("https://cdn.example/app.js", False, ""),  # a public third party
        ("https://cdn.example/", True, "a page on another site"),
        ("https://intranet.example/admin", False, "a private address (10.1.2.3)"),
        ("http://169.254.169.254/latest/meta-data/", False, "a link-local address"),
        ("http://127.0.0.1:9000/", False, "a loopback address (127.0.0.1)"),
        ("http://[::1]:8000/", False, "a loopback address (::1)"),
        ("http://localhost:8000/", False, "a loopback address"),
        ("ws://127.0.0.1:8000/socket", False, ""),
        ("wss://intranet.example/socket", False, "a private address"),
        ("data:image/png;base64,AAAA", False, ""),
        ("ftp://council.example/file", False, "not a web address (ftp)"),
        ("http://no-such-host.invalid/", False, "a host that does not resolve"),
    ],
)
def test_what_the_policy_refuses(url: str, top_level: bool, refused: str) -> None:
    reason = policy().refusal(url, top_level_document=top_level)
    assert reason.startswith(refused) if refused else reason == ""


def test_a_third_party_list_replaces_any_public_address() -> None:
    listed = policy(third_party=("fonts.example",))
    assert listed.refusal("https://fonts.example/a.woff2", top_level_document=False) == ""
    assert listed.refusal("https://cdn.example/app.js", top_level_document=False) == (
        "a host that is not in THIRD_PARTY_HOSTS"
    )
    # Listing a host is allowing it exactly, a private address included.
    inside = policy(third_party=("intranet.example",))
    assert inside.refusal("https://intranet.example/logo.png", top_level_document=False) == ""


def test_a_page_looks_each_name_up_once() -> None:
    asked: list[str] = []

    def counting(host: str) -> list[str]:
        asked.append(host)
        return resolver(host)

    page = RequestPolicy.for_hosts(["council.example"], resolver=answered_once(counting))
    for number in range(30):
        assert page.refusal(f"https://cdn.example/{number}.png", top_level_document=False) == ""
        assert page.refusal(f"https://intranet.example/{number}", top_level_document=False)
    assert asked == ["cdn.example", "intranet.example"]


def test_a_driver_that_hides_devtools_cannot_be_guarded() -> None:
    class Hidden:
        capabilities: dict[str, object] = {"browserName": "chrome"}

    with pytest.raises(GuardUnavailable):
        devtools_url(Hidden())  # type: ignore[arg-type]


# The browser, against a hostile page set.


def settings(**overrides: object) -> AuditSettings:
    values: dict[str, object] = {"PAGE_TIMEOUT": 20.0, "WORKERS": 1}
    values.update(overrides)
    return AuditSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def other_host() -> Iterator[LocalSite]:
    """Another host to the browser (another port): it must hear nothing unless allowed."""
    site = LocalSite()
    site.start()
    yield site
    site.stop()


@pytest.fixture(scope="module")
def session() -> Iterator[BrowserSession]:
    with BrowserSession(settings()) as session:
        session.start()
        yield session


def page(body: str, head: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bins</title>'
        f"{head}</head><body><main><h1>Bins</h1><p>We collect bins weekly.</p>{body}</main>"
        "</body></html>"
    )


def subresources(other: LocalSite, site: LocalSite) -> str:
    name = site.url("/by-name.png", host="localhost")  # a name that resolves to loopback
    return (
        f'<img src="{other.url("/img.png")}" alt="">'
        f'<iframe title="Map" src="{other.url("/frame")}"></iframe>'
        f'<link rel="stylesheet" href="{other.url("/style.css")}">'
        f'<img src="{name}" alt="">'
        f'<img src="/hop1" alt="">'
        f"<script>fetch({other.url('/xhr')!r}).catch(() => 0);</script>"
    )


@pytest.mark.browser
def test_subresources_on_other_hosts_and_private_names_are_never_requested(
    session: BrowserSession, local_site: LocalSite, other_host: LocalSite
) -> None:
    # A redirect chain that leaves the site on its third hop.
    local_site.route("/hop1", status=302, headers={"Location": "/hop2"})
    local_site.route("/hop2", status=302, headers={"Location": "/hop3"})
    local_site.route("/hop3", status=302, headers={"Location": other_host.url("/hop4.png")})
    url = local_site.route("/hostile", page(subresources(other_host, local_site)))

    result = session.audit(AuditTarget(url))

    assert result.status == PageStatus.OK, result.error
    assert other_host.requests == []
    assert local_site.requested("/by-name.png") == 0
    assert local_site.requested("/hop3") == 1  # the chain was followed while on the site
    blocked = "\n".join(result.blocked_requests)
    for path in ("/img.png", "/frame", "/style.css", "/xhr", "/hop4.png"):
        assert other_host.url(path) in blocked
    assert "by-name.png (a loopback address (127.0.0.1))" in blocked


@pytest.mark.browser
@pytest.mark.parametrize(
    "leave",
    [
        '<meta http-equiv="refresh" content="0;url={target}">',
        "<script>location.href = {target!r};</script>",
        "<script>location.replace({target!r});</script>",
        '<form id="f" method="get" action="{target}"></form>'
        "<script>document.getElementById('f').submit();</script>",
    ],
    ids=["meta-refresh", "location", "location-replace", "form-submit"],
)
def test_a_page_that_leaves_the_site_is_recorded_and_the_other_host_hears_nothing(
    session: BrowserSession, local_site: LocalSite, other_host: LocalSite, leave: str
) -> None:
    target = other_host.url("/elsewhere")
    other_host.route("/elsewhere", page(""))
    html = (
        page(leave.format(target=target))
        if "meta" not in leave
        else page("", head=leave.format(target=target))
    )
    url = local_site.route("/leaving", html)

    result = session.audit(AuditTarget(url))

    assert result.status == PageStatus.LEFT_SITE
    assert target in result.error
    assert other_host.requests == []


@pytest.mark.browser
def test_window_open_to_another_host_is_refused(
    session: BrowserSession, local_site: LocalSite, other_host: LocalSite
) -> None:
    url = local_site.route(
        "/popup", page(f"<script>window.open({other_host.url('/popup')!r});</script>")
    )
    result = session.audit(AuditTarget(url))
    assert other_host.requests == []
    # The audited tab stayed: the page is audited, the popup listed as refused.
    assert result.status == PageStatus.OK, result.error
    assert any(other_host.url("/popup") in blocked for blocked in result.blocked_requests)


@pytest.mark.browser
def test_an_allowed_third_party_still_loads(local_site: LocalSite, other_host: LocalSite) -> None:
    other_host.route("/logo.png", b"\x89PNG\r\n", content_type="image/png")
    url = local_site.route(
        "/with-logo",
        page(
            f'<img src="{other_host.url("/logo.png")}" alt="">'
            + subresources(other_host, local_site)
        ),
    )
    config = settings(THIRD_PARTY_HOSTS=(other_host.host,))
    with BrowserSession(config) as session:
        result = session.audit(AuditTarget(url))
    assert result.status == PageStatus.OK, result.error
    assert other_host.requested("/logo.png") == 1
    assert not any("logo.png" in blocked for blocked in result.blocked_requests)
    assert local_site.requested("/by-name.png") == 0  # not listed: still refused


@pytest.mark.browser
def test_without_the_guard_the_browser_is_not_checked(
    local_site: LocalSite, other_host: LocalSite
) -> None:
    """The control experiment: the same page, GUARD_REQUESTS off, reaches the other host."""
    url = local_site.route("/unguarded", page(f'<img src="{other_host.url("/img.png")}" alt="">'))
    with BrowserSession(settings(GUARD_REQUESTS=False)) as session:
        result = session.audit(AuditTarget(url))
    assert result.status == PageStatus.OK
    assert other_host.requested("/img.png") == 1
    assert result.blocked_requests == []


@pytest.mark.browser
def test_a_browser_whose_devtools_cannot_be_reached_audits_nothing(
    local_site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    import audit.engine.guard as guard

    def hidden(driver: object) -> str:
        raise GuardUnavailable("hidden for the test")

    monkeypatch.setattr(guard, "devtools_url", hidden)
    url = local_site.route("/any", page(""))
    with BrowserSession(settings(), LocalChromium(settings())) as session:
        result = session.audit(AuditTarget(url))
        with pytest.raises(BrowserUnavailable, match="cannot be checked"):
            session.start()
    assert result.status == PageStatus.ERROR
    assert "cannot be checked" in result.error
    assert local_site.requested("/any") == 1  # the pre-flight fetch only
