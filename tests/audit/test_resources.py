"""The content rules' file reader (audit.engine.resources): the audit's HTTP client, its
allowed hosts, size limits, and one fetch per URL per run, against real local servers."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from audit.checks.content.animation import ANIMATED_GIF, analyse_gif
from audit.checks.content.text_images import IMAGE_OF_TEXT
from audit.core.conf import AuditSettings
from audit.engine.content_checks import content_checks
from audit.engine.resources import RunResources
from tests.audit.checks.content.gifs import make_gif
from tests.audit.conftest import LocalSite

GIF = frozenset({"image/gif"})
CONFIG = AuditSettings(PAGE_TIMEOUT=5)


@pytest.fixture
def elsewhere() -> Iterator[LocalSite]:
    site = LocalSite()
    site.start()
    yield site
    site.stop()


def test_each_gif_is_read_once_for_every_page_that_shows_it(local_site: LocalSite) -> None:
    local_site.route("/media/bins.gif", make_gif(frames=3, loop=0), content_type="image/gif")
    html = '<html><body><main><p>Sort it.</p><img src="/media/bins.gif" alt="Bins"></main>'
    checks = content_checks(CONFIG, terms=())
    pages = [local_site.url(f"/page-{n}/") for n in range(6)]
    threads = [threading.Thread(target=checks, args=(html, url, url)) for url in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = [checks(html, url, url) for url in pages]
    assert all([f.rule for f in page].count(ANIMATED_GIF) == 1 for page in found)
    assert local_site.requested("/media/bins.gif") == 1


def test_hosts_types_redirects_and_size(local_site: LocalSite, elsewhere: LocalSite) -> None:
    gif = make_gif(frames=40, duration=200, loop=None)  # 8 s, once
    local_site.route("/a.gif", gif, content_type="image/gif")
    local_site.route("/photo", b"\xff\xd8\xff" + b"0" * 5000, content_type="image/jpeg")
    local_site.route("/old.gif", status=302, headers={"Location": "/a.gif"}, content_type=None)
    local_site.route("/away.gif", status=302, headers={"Location": elsewhere.url("/b.gif")})
    elsewhere.route("/b.gif", gif, content_type="image/gif")
    reader = RunResources(CONFIG, []).for_page(local_site.url("/page/"))

    def timing(path: str, max_bytes: int = 1_000_000, site: LocalSite = local_site):
        return reader.analyse(site.url(path), analyse_gif, types=GIF, max_bytes=max_bytes)

    whole = timing("/a.gif")
    assert whole is not None and whole.complete and whole.total == pytest.approx(8.0)
    assert timing("/photo") is None  # a JPEG: not read beyond its headers
    moved = timing("/old.gif")
    assert moved is not None and moved.total == pytest.approx(8.0)
    # Another host, directly or by a redirect: nothing is sent to it.
    assert timing("/b.gif", site=elsewhere) is None
    assert timing("/away.gif") is None
    assert elsewhere.requested("/b.gif") == 0
    # Cut at the size limit: judged on the frames read.
    cut = RunResources(CONFIG, []).for_page(local_site.url("/"))
    partial = cut.analyse(local_site.url("/a.gif"), analyse_gif, types=GIF, max_bytes=len(gif) // 2)
    assert partial is not None and not partial.complete and partial.total < 8.0


def test_the_reader_is_off_with_the_rule(local_site: LocalSite) -> None:
    off = AuditSettings(DISABLED_RULES=(ANIMATED_GIF, IMAGE_OF_TEXT))
    checks = content_checks(off, terms=())
    assert getattr(checks, "resources", "missing") is None
    # Either rule that reads images keeps the reader on.
    for rule in (ANIMATED_GIF, IMAGE_OF_TEXT):
        one_on = content_checks(AuditSettings(DISABLED_RULES=(rule,)), terms=())
        assert getattr(one_on, "resources", None) is not None
