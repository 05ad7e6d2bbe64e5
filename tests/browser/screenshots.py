"""Cropped screenshots for the docs, taken by browser tests when ``CLEARWAY_SCREENSHOTS`` is set.

:func:`save_region` saves the part of the page that holds the elements matching the given
CSS selectors (the smallest box around them all, plus a margin), at most 1280 CSS pixels wide,
as a 256-colour PNG (an admin screen is flat colour and text: a third of the size, the same
to read). ``scripts/screenshots_compliance.py`` runs the tests that take them.
"""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

from django.conf import settings
from PIL import Image
from selenium.webdriver.remote.webdriver import WebDriver

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
WIDTH = 1280
#: Never taller than this: a docs picture shows a part of a screen, not a whole long page.
MAX_HEIGHT = 1800

#: The union of the elements' boxes plus the margin, kept inside the box of the element
#: ``arguments[2]`` names (so a crop of the admin's content never shows the menu beside it).
REGION = """
const [selectors, margin, within] = arguments;
const boxes = selectors.flatMap((selector) => [...document.querySelectorAll(selector)])
  .map((el) => el.getBoundingClientRect()).filter((box) => box.width && box.height);
if (!boxes.length) return null;
const outer = within && document.querySelector(within);
const limit = outer ? outer.getBoundingClientRect()
  : {left: 0, top: 0, right: innerWidth, bottom: innerHeight};
return {
  left: Math.max(limit.left, Math.min(...boxes.map((b) => b.left)) - margin),
  top: Math.max(limit.top, Math.min(...boxes.map((b) => b.top)) - margin),
  right: Math.min(limit.right, innerWidth, Math.max(...boxes.map((b) => b.right)) + margin),
  bottom: Math.min(limit.bottom, innerHeight, Math.max(...boxes.map((b) => b.bottom)) + margin),
};
"""

#: The tallest thing on the page: the admin scrolls inside a container, not the document.
CONTENT_HEIGHT = (
    "return Math.max(...[...document.querySelectorAll('body, body *')].map((e) => e.scrollHeight));"
)


def wanted() -> bool:
    return bool(os.environ.get("CLEARWAY_SCREENSHOTS"))


def save_region(
    driver: WebDriver,
    name: str,
    selectors: list[str],
    *,
    margin: int = 16,
    within: str | None = "main",
    whole_page: bool = True,
) -> None:
    """Save ``docs/screenshots/<name>.png``: the region around ``selectors``, inside
    ``within``, when wanted. With ``whole_page`` the viewport is first made as tall as the
    content (nothing is cut off by scrolling); without, the region is what the window shows
    (the page editor's side panel, which is as tall as the window)."""
    if not wanted():
        return
    if whole_page:
        height = min(int(driver.execute_script(CONTENT_HEIGHT)), 6000)
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
    try:
        box = driver.execute_script(REGION, selectors, margin, within)
        assert box is not None, f"nothing to photograph: {selectors}"
        left, top, right = int(box["left"]), int(box["top"]), int(box["right"])
        bottom = min(int(box["bottom"]), top + MAX_HEIGHT)
        shot = driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "clip": {
                    "x": left,
                    "y": top,
                    "width": right - left,
                    "height": bottom - top,
                    "scale": 1,
                },
            },
        )
    finally:
        if whole_page:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    image = Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        SCREENSHOTS / f"{name}.png", optimize=True
    )
