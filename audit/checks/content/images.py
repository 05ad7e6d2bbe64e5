"""Image alt text that is a file name, a placeholder word ("image", "logo"), repeats the
caption, or starts with "image of".

A caption is a ``<figcaption>``, or the element right after the image with "caption" in its
class (``<p class="wp-caption-text">``). The comparison ignores case and punctuation.

An empty ``alt`` (a decorative image) and a missing one are axe-core's ``image-alt`` rule,
not these.
"""

from __future__ import annotations

import posixpath
import re
import string
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, quote
from audit.checks.content.document import ContentDocument, fold, text_of
from audit.checks.issues import Issue

ALT_FILE_NAME = "clearway-alt-file-name"
ALT_CAPTION = "clearway-alt-repeats-caption"
ALT_PREFIX = "clearway-alt-image-of"
ALT_PLACEHOLDER = "clearway-alt-placeholder"

#: Words that say an image is there but not what it shows. The whole alt text must be one of
#: them (with an optional number or punctuation): "Logo of Anytown Council" is fine.
PLACEHOLDER_WORDS = frozenset(
    {
        "image", "images", "img", "photo", "photos", "photograph", "picture", "pic", "pics",
        "logo", "graphic", "graphics", "banner", "icon", "illustration", "figure", "alt",
        "alt text", "placeholder", "thumbnail", "spacer", "untitled", "no description",
        "image description", "description",
    }
)  # fmt: skip
_PLACEHOLDER = re.compile(
    r"^[\W_]*(?:an?\s+|the\s+)?(?P<word>[a-z]+(?:\s[a-z]+)?)[\s\W_]*\d*[\W_]*$", re.IGNORECASE
)

_IMAGE_EXTENSIONS = r"(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif|jfif)"
#: "IMG_1234.jpg", "photo.png", "DSC01234", "Screenshot 2024-01-05 at 10.12.33".
_FILE_NAME = re.compile(
    rf"^[\w\-. ()]+\.{_IMAGE_EXTENSIONS}$"
    r"|^(?:img|dsc|dscn|dcim|pxl|image|photo|pic|p)[_\-]?\d+[\w\-.]*$"
    r"|^screen\s?shot[\s_\-]\d{4}-\d\d-\d\d\b",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^(?:an?\s+|the\s+)?(?:image|picture|photo|photograph|graphic|pic|illustration)"
    r"(?:\s+(?:of|showing|shows)\b|\s*[:\u2013\u2014](?=\s*\S)|\s+-(?=\s+\S))",
    re.IGNORECASE,
)


def _comparable(text: str) -> str:
    return fold(text.lower().translate(str.maketrans("", "", string.punctuation)))


def file_name_alt(alt: str, src: str) -> bool:
    """Whether ``alt`` looks like a file name (or is the image file's own name)."""
    alt = alt.strip()
    if not alt:
        return False
    if _FILE_NAME.match(alt):
        return True
    # Wagtail and other CMSs default the alt text to the upload's name: "council-offices_2".
    stem = posixpath.basename(unquote(urlsplit(src).path)).split(".")[0].lower()
    return " " not in alt and bool(re.search(r"[_\-\d]", alt)) and alt.lower() == stem


def placeholder_alt(alt: str) -> str:
    """The placeholder word ``alt`` consists of ("image", "Logo.", "image1"), or ``""``."""
    match = _PLACEHOLDER.match(fold(alt).strip())
    if match is None:
        return ""
    word = " ".join(match.group("word").lower().split())
    return word if word in PLACEHOLDER_WORDS else ""


def _caption(image: HtmlElement) -> str:
    """The image's caption: its figure's ``<figcaption>``, or the element just after it (or
    after the link around it) with "caption" in its class, as WordPress and others write."""
    for ancestor in image.iterancestors():
        if ancestor.tag == "figure":
            caption = ancestor.find(".//figcaption")
            return text_of(caption) if caption is not None else ""
    parent = image.getparent()
    holder = parent if parent is not None and parent.tag == "a" else image
    after = holder.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()  # a comment
    if after is not None and "caption" in (after.get("class") or "").lower():
        return text_of(after)
    return ""


def check_alt_file_name(document: ContentDocument, context: CheckContext) -> list[Issue]:
    return [
        element_issue(
            document,
            ALT_FILE_NAME,
            image,
            f"The alt text {quote(image.get('alt') or '')} is a file name. Describe what the "
            "image shows that matters on this page (or leave the alt text empty if the "
            "image is only decoration).",
        )
        for image in document.images
        if file_name_alt(image.get("alt") or "", image.get("src") or "")
    ]


def check_alt_placeholder(document: ContentDocument, context: CheckContext) -> list[Issue]:
    return [
        element_issue(
            document,
            ALT_PLACEHOLDER,
            image,
            f"The alt text {quote(image.get('alt') or '')} only says there is an image. "
            "Describe what it shows that matters on this page (a logo: the organisation's "
            "name), or leave the alt text empty if the image is only decoration.",
        )
        for image in document.images
        if placeholder_alt(image.get("alt") or "")
        # "image1" is a file name, reported by that rule: one finding per fault.
        and not file_name_alt(image.get("alt") or "", image.get("src") or "")
    ]


def check_alt_caption(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for image in document.images:
        alt = _comparable(image.get("alt") or "")
        if alt and alt == _comparable(_caption(image)):
            issues.append(
                element_issue(
                    document,
                    ALT_CAPTION,
                    image,
                    f"The alt text repeats the caption, {quote(image.get('alt') or '')}, so "
                    "screen reader users hear it twice. Describe the image in the alt text "
                    "and keep the caption for what sighted readers also need.",
                )
            )
    return issues


def check_alt_prefix(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for image in document.images:
        alt = fold(image.get("alt") or "")
        match = _PREFIX.match(alt)
        if match:
            rest = alt[match.end() :].strip()
            shown = (
                f" Start with what it shows: {quote(rest[:1].upper() + rest[1:])}." if rest else ""
            )
            issues.append(
                element_issue(
                    document,
                    ALT_PREFIX,
                    image,
                    f"The alt text {quote(alt)} starts with {quote(match.group(0))}, but "
                    f"screen readers already say it is an image.{shown}",
                )
            )
    return issues
