"""What the audit browser may contact: every request is checked before Chromium sends it.

A page the audit visits may be hostile, or carry something hostile (a comment, an embed, a
compromised third-party script), and the audit runs inside the council's network. Left alone,
such a page could make the audit browser send requests to the intranet, to cloud metadata at
169.254.169.254 or to a router: server-side request forgery through the browser.

:class:`RequestGuard` connects to the browser's own DevTools socket (beside chromedriver, which
cannot forward DevTools events) and pauses every request of every target (the page, its
frames, its workers) with ``Fetch.enable``. :class:`RequestPolicy` decides each one:

- a top-level document (a navigation of the audited tab) only to the run's allowed hosts;
- anything else (frames, images, scripts, styles, fonts, media, XHR/fetch) also to third-party
  hosts: those listed in ``CLEARWAY_AUDIT["THIRD_PARTY_HOSTS"]``, or by default any host whose
  every address is public;
- never to a loopback, private, link-local, unique-local, multicast or reserved address unless
  that exact host is allowed. Names are resolved and their addresses checked; a redirect is a
  new request and is checked again.

A refused request is failed inside the browser (``BlockedByClient``): it is never sent.
:meth:`RequestGuard.begin` and :meth:`RequestGuard.end` frame one page, and say what was
refused, so the page result can tell editors the audit saw the page without it.

See docs/audit.md, "What the audit will and will not contact".
"""

from __future__ import annotations

import functools
import ipaddress
import itertools
import json
import logging
import socket
import threading
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import websocket
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.addresses import address_class, is_allowed

logger = logging.getLogger(__name__)

#: Schemes that never reach the network, or that Chromium does not send through DevTools.
_LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome", "chrome-error", "devtools"})

#: Auto-attach to every new target (frames in other processes, workers), paused until we
#: have enabled interception in it, so not one of its requests slips through.
_AUTO_ATTACH = {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True}

#: Refused requests kept per page (a page may try thousands).
MAX_RECORDED = 50


#: Every request of a target, paused before it is sent.
_INTERCEPT_ALL: dict[str, Any] = {"patterns": [{"urlPattern": "*"}]}

#: Seconds to wait for the browser to answer a set-up command.
_CALL_TIMEOUT = 10.0


@dataclass
class _Answer:
    ready: threading.Event = field(default_factory=threading.Event)
    message: dict[str, Any] = field(default_factory=dict)


class GuardUnavailable(RuntimeError):
    """The browser's DevTools socket cannot be reached, so its requests cannot be checked."""


Resolver = Callable[[str], list[str]]


def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself); [] if none."""
    try:
        return [ipaddress.ip_address(host.strip("[]")).compressed]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def answered_once(resolver: Resolver) -> Resolver:
    """``resolver``, asking about each name once: a page with thirty images from one CDN
    costs one lookup, not thirty. The guard takes a new one for every page, so a name whose
    address changes is looked up again on the next page."""
    return functools.cache(resolver)


@dataclass(frozen=True)
class RequestPolicy:
    """Which requests the audit browser may send while auditing one page."""

    #: ``host`` or ``host:port``: the audited site's hosts. Any address, any kind of request.
    allowed_hosts: frozenset[str]
    #: Hosts subresources may also come from; None: any host whose addresses are all public.
    third_party_hosts: frozenset[str] | None = None
    resolver: Resolver = field(default=resolve, compare=False)

    @classmethod
    def for_hosts(
        cls,
        allowed_hosts: Iterable[str],
        third_party_hosts: Iterable[str] | None = None,
        resolver: Resolver = resolve,
    ) -> RequestPolicy:
        third = (
            None if third_party_hosts is None else frozenset(h.lower() for h in third_party_hosts)
        )
        return cls(frozenset(h.lower() for h in allowed_hosts), third, resolver)

    def refusal(self, url: str, *, top_level_document: bool) -> str:
        """Why ``url`` may not be requested ("" when it may)."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in _LOCAL_SCHEMES:
            return ""
        if scheme not in {"http", "https", "ws", "wss"} or not parts.hostname:
            return f"not a web address ({scheme or 'no scheme'})"
        web_url = url if scheme in {"http", "https"} else f"http{scheme[2:]}" + url[len(scheme) :]
        if is_allowed(web_url, self.allowed_hosts):
            return ""
        if top_level_document:
            return "a page on another site"
        if self.third_party_hosts is not None:
            if is_allowed(web_url, self.third_party_hosts):
                return ""
            return "a host that is not in THIRD_PARTY_HOSTS"
        addresses = self.resolver(parts.hostname)
        if not addresses:
            return "a host that does not resolve"
        for address in addresses:
            kind = address_class(address)
            if kind:
                return f"a {kind} address ({address})"
        return ""


@dataclass
class PageRequests:
    """What the guard refused while one page was audited."""

    #: The first top-level navigation away from the allowed hosts, if any.
    left_site: str = ""
    #: Refused subresources: "<url> (<reason>)", at most :data:`MAX_RECORDED`.
    blocked: list[str] = field(default_factory=list)
    #: All refused requests, the navigation included.
    refused: int = 0


class RequestGuard:
    """Checks every request of one browser against a :class:`RequestPolicy`.

    Decisions are taken on the socket's reader thread, so a page waits for nothing but its
    own checks; :meth:`begin` and :meth:`end` are called by the thread driving the browser.
    """

    def __init__(
        self,
        url: str,
        third_party_hosts: Iterable[str] | None = None,
        allowed_hosts: Iterable[str] = (),
    ) -> None:
        self._third_party = None if third_party_hosts is None else tuple(third_party_hosts)
        self._policy = RequestPolicy.for_hosts(allowed_hosts, self._third_party)
        self._page = PageRequests()
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self._ids = itertools.count(1)
        #: The audited tab (the one open when the guard attached): a document request in it
        #: is the page navigating.
        self._tabs: set[str] = set()
        #: Every tab, popups included: a document request in one is a top-level navigation.
        self._pages: set[str] = set()
        #: Commands sent by :meth:`_call`, waiting for their answer, by id.
        self._waiting: dict[int, _Answer] = {}
        try:
            self._socket = websocket.create_connection(url, timeout=10, suppress_origin=True)
        except (OSError, websocket.WebSocketException) as error:
            raise GuardUnavailable(f"the browser's DevTools socket ({url}): {error}") from error
        self._socket.settimeout(None)
        self._reader = threading.Thread(target=self._read, name="clearway-guard", daemon=True)
        self._reader.start()

    @classmethod
    def attach(
        cls,
        driver: WebDriver,
        third_party_hosts: Iterable[str] | None = None,
        allowed_hosts: Iterable[str] = (),
    ) -> RequestGuard:
        """A guard on ``driver``'s browser, intercepting from now on, ``allowed_hosts``
        allowed until the first :meth:`begin`. Raises :class:`GuardUnavailable` when the
        browser's DevTools socket cannot be reached."""
        guard = cls(devtools_url(driver), third_party_hosts, allowed_hosts)
        try:
            guard._call("Target.setAutoAttach", _AUTO_ATTACH)
            # The tab that exists already is not paused like new targets: intercept in it
            # before this returns, so the first page cannot send a request unchecked.
            for target in guard._call("Target.getTargets", {})["targetInfos"]:
                if target.get("type") != "page":
                    continue
                guard._tabs.add(target["targetId"])
                guard._pages.add(target["targetId"])
                attached = guard._call(
                    "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
                )
                guard._call("Fetch.enable", _INTERCEPT_ALL, attached["sessionId"])
                guard._call("Target.setAutoAttach", _AUTO_ATTACH, attached["sessionId"])
        except Exception:
            guard.close()
            raise
        return guard

    def begin(self, allowed_hosts: Iterable[str]) -> None:
        """Start a page: these hosts are allowed, and nothing is refused yet."""
        with self._lock:
            self._policy = RequestPolicy.for_hosts(
                allowed_hosts, self._third_party, answered_once(resolve)
            )
            self._page = PageRequests()

    def left_site(self) -> str:
        """The navigation away from the allowed hosts refused since :meth:`begin`, if any."""
        with self._lock:
            return self._page.left_site

    def end(self) -> PageRequests:
        """What was refused since :meth:`begin`. The page's hosts stay allowed, and nothing
        else, until the next :meth:`begin`: the page's own scripts may still be running."""
        with self._lock:
            page, self._page = self._page, PageRequests()
        return page

    def close(self) -> None:
        try:
            self._socket.close()
        except Exception:
            logger.debug("Closing the guard's socket failed.", exc_info=True)

    # The reader thread.

    def _read(self) -> None:
        while True:
            try:
                message = json.loads(self._socket.recv())
            except (OSError, websocket.WebSocketException, ValueError):
                return  # The browser is gone: its driver reports that on the next command.
            try:
                self._handle(message)
            except Exception:
                logger.exception("The request guard could not handle %s.", message.get("method"))

    def _handle(self, message: dict[str, Any]) -> None:
        if "id" in message:
            with self._lock:
                waiting = self._waiting.pop(message["id"], None)
            if waiting is not None:
                waiting.message = message
                waiting.ready.set()
            return
        method = message.get("method")
        params = message.get("params", {})
        session = message.get("sessionId")
        if method == "Target.attachedToTarget":
            self._attached(params)
        elif method == "Fetch.requestPaused":
            self._decide(params, session)

    def _attached(self, params: dict[str, Any]) -> None:
        session = params["sessionId"]
        target = params["targetInfo"]
        if target.get("type") == "page":
            # A new tab (window.open): its pages must be on the site like the audited tab's,
            # but a refused one is not the audited page leaving.
            self._pages.add(target["targetId"])
        # The tab attach() set up comes here too: enabling twice is harmless, and waiting for
        # attach() to say so first would leave the other targets paused meanwhile.
        self._send("Fetch.enable", _INTERCEPT_ALL, session)
        self._send("Target.setAutoAttach", _AUTO_ATTACH, session)
        self._send("Runtime.runIfWaitingForDebugger", {}, session)

    def _decide(self, params: dict[str, Any], session: str | None) -> None:
        url = params["request"]["url"]
        document = params.get("resourceType") == "Document"
        top_level = document and params.get("frameId") in self._pages
        audited_tab = document and params.get("frameId") in self._tabs
        with self._lock:
            policy = self._policy
        reason = policy.refusal(url, top_level_document=top_level)
        if not reason:
            self._send("Fetch.continueRequest", {"requestId": params["requestId"]}, session)
            return
        self._send(
            "Fetch.failRequest",
            {"requestId": params["requestId"], "errorReason": "BlockedByClient"},
            session,
        )
        with self._lock:
            page = self._page
            page.refused += 1
            if audited_tab:
                page.left_site = page.left_site or url
            elif len(page.blocked) < MAX_RECORDED:
                page.blocked.append(f"{url} ({reason})")
        logger.info("Refused %s: %s.", url, reason)

    def _send(
        self,
        method: str,
        params: dict[str, Any],
        session: str | None = None,
        *,
        number: int | None = None,
    ) -> None:
        message: dict[str, Any] = {
            "id": number if number is not None else next(self._ids),
            "method": method,
            "params": params,
        }
        if session:
            message["sessionId"] = session
        with self._send_lock:
            self._socket.send(json.dumps(message))

    def _call(
        self, method: str, params: dict[str, Any], session: str | None = None
    ) -> dict[str, Any]:
        """Send a command and wait for its answer (never from the reader thread)."""
        number = next(self._ids)
        waiting = _Answer()
        with self._lock:
            self._waiting[number] = waiting
        self._send(method, params, session, number=number)
        if not waiting.ready.wait(_CALL_TIMEOUT):
            raise GuardUnavailable(f"the browser did not answer {method}")
        if "error" in waiting.message:
            raise GuardUnavailable(f"{method}: {waiting.message['error'].get('message')}")
        result: dict[str, Any] = waiting.message.get("result", {})
        return result


def devtools_url(driver: WebDriver) -> str:
    """The browser-wide DevTools websocket of ``driver``'s Chromium.

    Selenium Grid 4 proxies it as the ``se:cdp`` capability; chromedriver names the browser's
    debugging address in ``goog:chromeOptions``. Raises :class:`GuardUnavailable`.
    """
    capabilities = driver.capabilities
    grid = capabilities.get("se:cdp")
    if grid:
        return str(grid)
    address = (capabilities.get("goog:chromeOptions") or {}).get("debuggerAddress")
    if not address:
        raise GuardUnavailable("the WebDriver server does not say where the browser's DevTools are")
    try:
        with urllib.request.urlopen(f"http://{address}/json/version", timeout=10) as response:
            return str(json.load(response)["webSocketDebuggerUrl"])
    except (OSError, ValueError, KeyError) as error:
        raise GuardUnavailable(f"the browser's DevTools at {address}: {error}") from error


__all__ = [
    "GuardUnavailable",
    "PageRequests",
    "RequestGuard",
    "RequestPolicy",
    "answered_once",
    "devtools_url",
    "resolve",
]
