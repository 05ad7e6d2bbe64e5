"""Video without captions (WCAG 1.2.2): ``<video>`` players and embedded video players.

Reported for a person to check, never as a failure: captions may be burned into the picture,
or offered by the player itself, which the HTML cannot show.

* A ``<video>`` with sound and no ``<track>`` of kind ``captions`` or ``subtitles`` (a
  ``<track>`` without ``kind`` is subtitles), unless the text near it mentions captions,
  subtitles, a transcript or a British Sign Language version. A muted video without controls
  (a background loop, which cannot make a sound) is left alone. axe-core's ``video-caption``
  also reports a ``<video>`` without a ``kind="captions"`` track, muted or not; this rule
  also runs in the page editor, accepts subtitles and the words around the player.
* An embedded player (an ``<iframe>`` from YouTube, Vimeo and other video hosts, including
  cookie-consent iframes that keep the address in ``data-src``), unless the text near it
  mentions captions: whether the video has real captions (not only YouTube's automatic ones)
  is on the video host, where neither axe-core nor IBM Equal Access looks.

``<audio>`` players and links to audio or video files are ``clearway-media-transcript``'s.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import ContentDocument, text_of
from audit.checks.content.elements import visible
from audit.checks.issues import Issue
from audit.core.enums import Outcome

VIDEO_CAPTIONS = "clearway-video-captions"

_CAPTION_KINDS = frozenset({"captions", "subtitles"})
#: Words that say captions (or a text or signed version) are offered.
_CAPTIONED = re.compile(
    r"\bcaption(?:s|ed)?\b|\bsubtitle(?:s|d)?\b|\btranscripts?\b|\bbsl\b|\bsign language\b",
    re.I,
)
#: Hosts of embedded video players (and their cookie-free or player subdomains).
VIDEO_HOSTS = (
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "wistia.com",
    "wistia.net",
    "brightcove.net",
    "jwplayer.com",
    "jwplatform.com",
    "kaltura.com",
    "facebook.com/plugins/video",
    "microsoftstream.com",
)
_CONTAINERS = frozenset(
    {"p", "li", "div", "td", "dd", "section", "article", "figure", "aside", "details"}
)


def _captioned_near(element: HtmlElement) -> bool:
    """Whether the element's own fallback text, its container or the container's container
    mentions captions (or a transcript, or BSL)."""
    if _CAPTIONED.search(text_of(element)[:2000]):
        return True
    node = element
    for _ in range(2):
        container = next((a for a in node.iterancestors() if a.tag in _CONTAINERS), None)
        if container is None:
            return False
        if _CAPTIONED.search(text_of(container)[:5000]):
            return True
        node = container
    return False


def _has_caption_track(video: HtmlElement) -> bool:
    return any(
        (track.get("kind") or "subtitles").strip().lower() in _CAPTION_KINDS
        and (track.get("src") or "").strip()
        for track in video.iter("track")
    )


def _silent(video: HtmlElement) -> bool:
    """Muted with no controls: nobody can turn its sound on."""
    return video.get("muted") is not None and video.get("controls") is None


def video_host(src: str, page_url: str) -> str | None:
    """The video host an embedded player's address is on, or None."""
    parts = urlsplit(urljoin(page_url, src.strip()))
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower()
    where = host + parts.path.lower()
    for known in VIDEO_HOSTS:
        name = known.split("/", 1)[0]
        if (host == name or host.endswith("." + name)) and where.find(known) != -1:
            return name
    return None


def check_video_captions(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for video in visible(document, "video"):
        if _silent(video) or _has_caption_track(video) or _captioned_near(video):
            continue
        issues.append(
            element_issue(
                document,
                VIDEO_CAPTIONS,
                video,
                'This video has no captions track (<track kind="captions">), and nothing '
                "near it mentions captions. Deaf and hard of hearing residents need the "
                "words. Check whether the captions are burned into the picture; if not, add "
                "them.",
                html=document.opening_tag(video),
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    for frame in visible(document, "iframe"):
        src = frame.get("src") or frame.get("data-src") or ""
        host = video_host(src, context.url)
        if host is None or _captioned_near(frame):
            continue
        issues.append(
            element_issue(
                document,
                VIDEO_CAPTIONS,
                frame,
                f"This is a video player from {host}. Check on {host} that the video has "
                "captions written or checked by a person (automatic captions are often "
                "wrong), and say near the player that it has them.",
                html=document.opening_tag(frame),
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues
