"""Where the URLs to audit come from: the Wagtail page tree, sitemaps, explicit URLs and
(optionally) the links on those pages.

Every source returns :class:`~audit.results.AuditTarget` objects whose URLs are normalised
(:func:`audit.core.addresses.normalise_url`, tracking parameters dropped) and de-duplicated in
order.
Nothing here visits a host that is not allowed: sitemap entries and links on other hosts are
dropped (and reported, where a source can say why), never fetched.
"""

from __future__ import annotations

import logging
import posixpath
import zlib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.db import DatabaseError
from django.db.models import Q
from lxml import etree
from wagtail.models import Page, PageViewRestriction, Site

from audit.core.addresses import host_of, is_allowed, normalise_url
from audit.core.conf import AuditSettings, audit_settings
from audit.core.enums import PageStatus
from audit.engine import http
from audit.engine.http import FetchProblem, HttpProblem
from audit.engine.links import links_in
from audit.results import AuditTarget, PageAudit

logger = logging.getLogger(__name__)

#: Reads a URL and returns its body; raises :class:`FetchError` (or any ``OSError``) on failure.
Fetcher = Callable[[str], bytes]

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: Sitemap indexes nest; more levels than this are not followed.
SITEMAP_MAX_DEPTH = 3
#: Sitemap documents read for one discovery at most (an index may list 50,000).
SITEMAP_MAX_DOCUMENTS = 500
#: Largest sitemap document accepted after decompression (the protocol's limit is 50 MB).
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
#: Links to these are files, not pages: never audited, never fetched.
NON_PAGE_EXTENSIONS = frozenset(
    (  # noqa: SIM905 (a list literal would take seventy lines)
        "pdf doc docm docx dot dotx odt ods odp odg rtf txt csv xls xlsm xlsx ppt pps pptx epub ps "
        "jpg jpeg png gif webp avif svg bmp ico tif tiff "
        "mp3 mp4 m4a m4v mov avi wmv wma wav ogg oga ogv webm mpeg mpg "
        "zip gz tgz tar rar 7z exe msi ics xml rss json css js xsl woff woff2 ttf otf eot"
    ).split()
)

#: Seconds to read one sitemap document, redirects included (one may be 50 MB).
SITEMAP_TIMEOUT = 60.0

_GZIP_MAGIC = b"\x1f\x8b"


class DiscoveryError(Exception):
    """Discovery could not produce its URLs (the audit command exits with status 2)."""


class FetchError(DiscoveryError):
    """A URL could not be read: network error, HTTP error, too large, disallowed host."""


class SitemapError(DiscoveryError):
    """A sitemap could not be read or is not a sitemap."""


@dataclass(frozen=True)
class SkippedTarget:
    """A URL discovery found but will not audit, and why ("private", "other host"...)."""

    url: str
    reason: str
    page_id: int | None = None

    def as_page_audit(self) -> PageAudit:
        """The page as a run records it: skipped, with the reason as its error."""
        return PageAudit(
            url=self.url, status=PageStatus.SKIPPED, error=self.reason, page_id=self.page_id
        )


@dataclass
class DiscoveryResult:
    targets: list[AuditTarget] = field(default_factory=list)
    skipped: list[SkippedTarget] = field(default_factory=list)


def _config(config: AuditSettings | None) -> AuditSettings:
    return config if config is not None else audit_settings()


class _TargetList:
    """Normalises and de-duplicates targets, keeping the first of each URL."""

    def __init__(self, tracking_parameters: Iterable[str]) -> None:
        self.tracking_parameters = tuple(tracking_parameters)
        self.targets: list[AuditTarget] = []
        self.seen: set[str] = set()

    def normalise(self, url: str) -> str:
        return normalise_url(url, self.tracking_parameters)

    def add(self, url: str, page_id: int | None = None) -> bool:
        """Add ``url`` unless already there; True when it was added."""
        normal = self.normalise(url)
        if normal in self.seen:
            return False
        self.seen.add(normal)
        self.targets.append(AuditTarget(normal, page_id))
        return True

    def __len__(self) -> int:
        return len(self.targets)


# -- The Wagtail page tree -------------------------------------------------------------------


class _SiteRootPathsCache:
    """Stands in for a request in ``Page.get_url_parts``: Wagtail caches the site root paths
    on whatever object it is given, so every page's URL costs no query."""

    _wagtail_cached_site_root_paths: Any


def wagtail_targets(
    sites: Iterable[Site] | None = None, *, config: AuditSettings | None = None
) -> DiscoveryResult:
    """Every live page of every Wagtail Site (or of ``sites``), in tree order.

    Pages in a private section (a ``PageViewRestriction`` on the page or an ancestor: the rule
    of ``PageQuerySet.private_q``) are returned as skipped with the reason "private", as are
    pages Wagtail cannot give a URL. Drafts are left out. A constant handful of queries,
    however many pages there are.
    """
    targets = _TargetList(_config(config).TRACKING_PARAMETERS)
    skipped: list[SkippedTarget] = []
    root_paths = _root_paths(sites)
    if not root_paths:
        return DiscoveryResult()
    restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    url_cache = _SiteRootPathsCache()
    url_cache._wagtail_cached_site_root_paths = Site.get_site_root_paths()

    for page in _live_pages_under(root_paths):
        url_parts = page.get_url_parts(request=url_cache)
        if url_parts is None or url_parts[1] is None:
            skipped.append(SkippedTarget(page.url_path, "not routable", page.pk))
            continue
        _site_id, root_url, page_path = url_parts
        url = targets.normalise(root_url + page_path)
        if _is_restricted(page.path, restricted, Page.steplen):
            skipped.append(SkippedTarget(url, "private", page.pk))
        else:
            targets.add(url, page.pk)
    return DiscoveryResult(targets.targets, skipped)


def _root_paths(sites: Iterable[Site] | None) -> list[str]:
    """The tree paths of the root pages of ``sites`` (default: every Site)."""
    if sites is None:
        return list(Site.objects.values_list("root_page__path", flat=True))
    root_ids = [site.root_page_id for site in sites]
    return list(Page.objects.filter(pk__in=root_ids).values_list("path", flat=True))


def _live_pages_under(root_paths: Iterable[str]) -> Iterable[Page]:
    """Live pages at or below any of ``root_paths``, in tree order, with what URLs need."""
    in_sites = Q()
    for root_path in root_paths:
        in_sites |= Q(path__startswith=root_path)
    pages: Iterable[Page] = (
        Page.objects.live()
        .filter(in_sites)
        .only("id", "path", "depth", "url_path")
        .order_by("path")
    )
    return pages


def _is_restricted(path: str, restricted_paths: set[str], steplen: int) -> bool:
    """Whether the page at tree ``path`` or one of its ancestors has a view restriction."""
    if not restricted_paths:
        return False
    return any(path[:end] in restricted_paths for end in range(steplen, len(path) + 1, steplen))


# -- Explicit URLs ---------------------------------------------------------------------------


def wagtail_page_ids(*, config: AuditSettings | None = None) -> dict[str, int]:
    """The normalised URL of every live, public Wagtail page, to its page id (no database, or
    no sites: none)."""
    try:
        found = wagtail_targets(config=config)
    except (DatabaseError, RuntimeError):  # RuntimeError: database access blocked (tests)
        return {}
    return {target.url: target.page_id for target in found.targets if target.page_id is not None}


def explicit_targets(
    urls: Iterable[str], *, config: AuditSettings | None = None
) -> list[AuditTarget]:
    """The given URLs, normalised and de-duplicated in order."""
    targets = _TargetList(_config(config).TRACKING_PARAMETERS)
    for url in urls:
        targets.add(url)
    return targets.targets


def allowed_hosts_for(
    targets: Iterable[AuditTarget], config: AuditSettings | None = None
) -> tuple[str, ...]:
    """The hosts of ``targets`` (Wagtail sites, explicit URLs) plus ``ALLOWED_HOSTS``."""
    hosts = [host_of(target.url) for target in targets]
    hosts.extend(host.lower() for host in _config(config).ALLOWED_HOSTS)
    return tuple(dict.fromkeys(host for host in hosts if host))


# -- Fetching --------------------------------------------------------------------------------


def make_fetcher(
    allowed_hosts: Iterable[str],
    *,
    timeout: float = 15.0,
    max_bytes: int = 10 * 1024 * 1024,
    max_redirects: int = 5,
) -> Fetcher:
    """A fetcher reading only http(s) URLs on ``allowed_hosts`` with the audit's HTTP client
    (:mod:`audit.engine.http`: checked redirects, a size limit on the decoded body, ``timeout``
    for the whole read). Gzipped files (``sitemap.xml.gz``) are decompressed, within the same
    limit."""
    hosts = tuple(allowed_hosts)

    def fetch(url: str) -> bytes:
        try:
            fetched = http.get(
                url, hosts, timeout=timeout, max_redirects=max_redirects, max_bytes=max_bytes
            )
        except HttpProblem as problem:
            raise FetchError(_fetch_error(url, problem, max_bytes, max_redirects)) from problem
        if not 200 <= fetched.status < 300:
            raise FetchError(f"{url} answered HTTP {fetched.status}.")
        body = fetched.body
        return _gunzip(body, max_bytes, url) if body.startswith(_GZIP_MAGIC) else body

    return fetch


def _fetch_error(url: str, problem: HttpProblem, max_bytes: int, max_redirects: int) -> str:
    detail = f" ({problem.detail})" if problem.detail else ""
    if problem.kind == FetchProblem.DISALLOWED_HOST and problem.hops:
        return f"{problem.hops[-1]} redirects to {problem.url}, which is not allowed{detail}."
    messages = {
        FetchProblem.DISALLOWED_HOST: f"{url} is not on an allowed host{detail}.",
        FetchProblem.TOO_LARGE: f"{url} is larger than {max_bytes} bytes.",
        FetchProblem.REDIRECT_LOOP: f"{url} redirects in a loop.",
        FetchProblem.TOO_MANY_REDIRECTS: f"{url} redirects more than {max_redirects} times.",
        FetchProblem.TIMEOUT: f"{url} could not be read: it took too long.",
    }
    return messages.get(problem.kind, f"{url} could not be read: {problem.detail or problem}")


def _gunzip(body: bytes, max_bytes: int, url: str) -> bytes:
    decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        data = decompressor.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise FetchError(f"{url} is not valid gzip: {error}") from error
    if len(data) > max_bytes or decompressor.unconsumed_tail:
        raise FetchError(f"{url} is larger than {max_bytes} bytes uncompressed.")
    return data


# -- Sitemaps --------------------------------------------------------------------------------


def _sitemap_parser() -> etree.XMLParser:
    # No DTD, no entities, no network: a sitemap is plain elements and text.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_sitemap(data: bytes, url: str = "sitemap") -> tuple[str, list[str]]:
    """``("urlset" | "sitemapindex", [loc, ...])`` from a sitemap document.

    Raises :class:`SitemapError` for anything that is not a well-formed sitemap, including
    documents declaring entities (which sitemaps never need).
    """
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, SITEMAP_MAX_BYTES, url)
    try:
        root = etree.fromstring(data, _sitemap_parser())
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"{url} is not well-formed XML: {error}") from error
    if root is None:
        raise SitemapError(f"{url} is empty.")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SitemapError(f"{url} declares XML entities; a sitemap never needs them.")
    kind = etree.QName(root).localname
    if kind not in {"urlset", "sitemapindex"}:
        raise SitemapError(
            f"{url} is not a sitemap: its root element is <{kind}>, not <urlset> or <sitemapindex>."
        )
    return kind, _locs(root, "url" if kind == "urlset" else "sitemap")


def _locs(root: etree._Element, child: str) -> list[str]:
    """The non-empty ``<loc>`` of each ``child`` entry (``<url>``, ``<sitemap>``)."""
    locs = []
    for entry in root:
        if not isinstance(entry.tag, str) or etree.QName(entry).localname != child:
            continue
        for loc in entry:
            if isinstance(loc.tag, str) and etree.QName(loc).localname == "loc":
                text = "".join(loc.xpath("text()")).strip()
                if text:
                    locs.append(text)
    return locs


def rewrite_url(url: str, rewrite: tuple[str, str] | None) -> str:
    """Replace the ``rewrite[0]`` prefix of ``url`` with ``rewrite[1]``.

    ``("https://www.anytown.gov.uk", "http://staging:8000")`` points a production sitemap at
    staging. The prefix must end at a path boundary: ``https://www.anytown.gov.uk.example/``
    is left alone.
    """
    if rewrite is None:
        return url
    find, replace = rewrite[0].rstrip("/"), rewrite[1].rstrip("/")
    if url.lower().startswith(find.lower()):
        rest = url[len(find) :]
        if rest == "" or rest[0] in "/?#":
            return replace + (rest or "/")
    return url


def sitemap_targets(
    url: str,
    fetcher: Fetcher | None = None,
    rewrite: tuple[str, str] | None = None,
    limit: int | None = None,
    *,
    allowed_hosts: Iterable[str] | None = None,
    max_depth: int = SITEMAP_MAX_DEPTH,
    max_documents: int = SITEMAP_MAX_DOCUMENTS,
    config: AuditSettings | None = None,
) -> DiscoveryResult:
    """The pages a sitemap (or sitemap index, nested up to ``max_depth``) lists.

    ``rewrite`` is applied to every ``<loc>``, pages and nested sitemaps alike. Entries on a
    host that is not allowed (by default: the sitemap's own host, the rewrite's target host and
    ``ALLOWED_HOSTS``) are skipped with the reason "other host", never fetched. Each sitemap is
    read once, so an index that lists itself ends. At most ``limit`` pages (default
    ``MAX_PAGES``).
    """
    settings = _config(config)
    limit = settings.MAX_PAGES if limit is None else limit
    if allowed_hosts is None:
        hosts = _sitemap_hosts(url, rewrite, settings)
    else:
        hosts = tuple(allowed_hosts)
    if fetcher is None:
        fetcher = make_fetcher(
            hosts,
            timeout=SITEMAP_TIMEOUT,
            max_bytes=SITEMAP_MAX_BYTES,
            max_redirects=settings.MAX_REDIRECTS,
        )

    found = DiscoveryResult()
    targets = _TargetList(settings.TRACKING_PARAMETERS)
    read: set[str] = set()
    queue: deque[tuple[str, int]] = deque([(url, 0)])
    while queue and len(targets) < limit:
        sitemap_url, depth = queue.popleft()
        normal = normalise_url(sitemap_url)
        if normal in read:
            continue
        if len(read) >= max_documents:
            logger.warning("Sitemap discovery stopped after %d documents.", max_documents)
            break
        read.add(normal)
        kind, locs = parse_sitemap(_read_sitemap(fetcher, sitemap_url), sitemap_url)
        for relative in locs:
            # The protocol wants absolute URLs; a relative one is taken as the site meant it.
            loc = rewrite_url(urljoin(sitemap_url, relative), rewrite)
            if not is_allowed(loc, hosts):
                found.skipped.append(SkippedTarget(loc, "other host"))
            elif kind == "sitemapindex":
                if depth + 1 > max_depth:
                    found.skipped.append(SkippedTarget(loc, "sitemap nested too deeply"))
                else:
                    queue.append((loc, depth + 1))
            elif len(targets) < limit:
                targets.add(loc)
    found.targets = targets.targets
    return found


def _sitemap_hosts(
    url: str, rewrite: tuple[str, str] | None, settings: AuditSettings
) -> tuple[str, ...]:
    """The sitemap's own host, the rewrite's target host and ``ALLOWED_HOSTS``."""
    hosts = [host_of(url)]
    if rewrite is not None:
        hosts.append(host_of(rewrite[1]))
    hosts.extend(settings.ALLOWED_HOSTS)
    return tuple(hosts)


def _read_sitemap(fetcher: Fetcher, url: str) -> bytes:
    try:
        return fetcher(url)
    except (DiscoveryError, OSError) as error:
        raise SitemapError(f"The sitemap {url} could not be read: {error}") from error


# -- Link following --------------------------------------------------------------------------


def is_page_url(url: str) -> bool:
    """False for links that are obviously files (``.pdf``, ``.docx``, images...)."""
    extension = posixpath.splitext(urlsplit(url).path)[1].lower().lstrip(".")
    return extension not in NON_PAGE_EXTENSIONS


def follow_links(
    start: Iterable[AuditTarget],
    fetcher: Fetcher,
    allowed_hosts: Iterable[str],
    max_pages: int,
    max_depth: int,
    *,
    config: AuditSettings | None = None,
) -> list[AuditTarget]:
    """``start`` plus the pages reachable from it by links, breadth first.

    Only http(s) links on ``allowed_hosts`` that do not look like files are followed, so the
    crawl never leaves the site because a page linked elsewhere. The start pages are depth 0;
    pages at ``max_depth`` are kept but their links are not read. At most ``max_pages``
    targets in all. A page that cannot be read is kept (the audit records its error) and its
    links are unknown.
    """
    hosts = tuple(allowed_hosts)
    targets = _TargetList(_config(config).TRACKING_PARAMETERS)
    queue: deque[tuple[AuditTarget, int]] = deque()
    for target in start:
        if len(targets) >= max_pages:
            break
        if targets.add(target.url, target.page_id):
            queue.append((targets.targets[-1], 0))

    while queue and len(targets) < max_pages:
        target, depth = queue.popleft()
        if depth >= max_depth or not is_allowed(target.url, hosts):
            continue
        for link in _page_links(fetcher, target.url, hosts):
            if targets.add(link):
                queue.append((targets.targets[-1], depth + 1))
                if len(targets) >= max_pages:
                    break
    return targets.targets


def _page_links(fetcher: Fetcher, url: str, hosts: tuple[str, ...]) -> list[str]:
    """The links on the page at ``url`` worth following: pages on ``hosts``. None when the
    page cannot be read (the audit records its error)."""
    try:
        html = fetcher(url)
    except (DiscoveryError, OSError) as error:
        logger.info("Links on %s not followed: %s", url, error)
        return []
    return [link for link in links_in(html, url) if is_allowed(link, hosts) and is_page_url(link)]
