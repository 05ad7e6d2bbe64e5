"""Measurements taken inside the page, one script each, so a page costs one round trip.

Every function returns plain data (or a list of problems as readable strings); the tests
collect them across pages and assert once.
"""

from __future__ import annotations

from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

# A short, stable description of an element for failure messages: up to three ancestors.
_DESCRIBE = """
function describe(el) {
  const parts = [];
  for (let node = el; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
    let part = node.tagName.toLowerCase();
    if (node.id) { part += "#" + node.id; parts.unshift(part); break; }
    const classes = [...node.classList].slice(0, 2);
    if (classes.length) part += "." + classes.join(".");
    parts.unshift(part);
    if (node === document.body) break;
  }
  return parts.join(" > ");
}
function snippet(el) {
  const html = el.outerHTML.replace(/\\s+/g, " ");
  return html.length > 160 ? html.slice(0, 157) + "..." : html;
}
function visuallyHidden(el) {
  // The .visually-hidden pattern: 1px boxes, clipped on purpose for screen readers.
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return (rect.width <= 1 && rect.height <= 1) || style.clipPath === "inset(50%)";
}
"""

_HORIZONTAL_OVERFLOW = (
    _DESCRIBE
    + """
const root = document.documentElement;
const width = root.clientWidth;
// A page that hides its sideways overflow does not scroll, but cuts content off instead.
const hides = [root, document.body].some(
  (el) => /hidden|clip/.test(getComputedStyle(el).overflowX));
const result = {scrollWidth: root.scrollWidth, clientWidth: width, hides, offenders: []};
if (root.scrollWidth <= width && !hides) return result;
function clipsOrScrolls(el) {
  return /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
}
function insideScroller(el) {
  for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    if (clipsOrScrolls(node)) return true;
  }
  return false;
}
const offenders = [];
for (const el of document.body.querySelectorAll("*")) {
  const rect = el.getBoundingClientRect();
  if (rect.right <= width + 0.5 || (rect.width === 0 && rect.height === 0)) continue;
  if (insideScroller(el)) continue;
  offenders.push({
    element: describe(el), right: Math.round(rect.right), width: Math.round(rect.width),
    html: snippet(el),
  });
}
offenders.sort((a, b) => b.right - a.right || b.width - a.width);
result.offenders = offenders.slice(0, 6);
return result;
"""
)


def horizontal_overflow(driver: WebDriver) -> str | None:
    """Why the page scrolls sideways (the widest elements first), or None if it does not."""
    result: dict[str, Any] = driver.execute_script(_HORIZONTAL_OVERFLOW)
    if result["scrollWidth"] <= result["clientWidth"] and not result["offenders"]:
        return None
    if result["scrollWidth"] > result["clientWidth"]:
        summary = f"scrolls sideways: content is {result['scrollWidth']}px wide"
    else:
        summary = "cuts content off: the page hides its sideways overflow, and content is wider"
    lines = [
        f"{summary} in a {result['clientWidth']}px viewport. "
        "Elements past the right edge, widest first:"
    ]
    for offender in result["offenders"]:
        lines.append(
            f"  {offender['element']} (right edge {offender['right']}px, "
            f"width {offender['width']}px): {offender['html']}"
        )
    return "\n".join(lines)


#: WCAG 2.2 success criterion 1.4.12 Text Spacing, as a user style sheet would apply it.
TEXT_SPACING_CSS = """
* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
"""

# A constructed style sheet: the pages' Content-Security-Policy forbids inline <style>, and
# the override must work the way a user style sheet or extension would.
_APPLY_TEXT_SPACING = """
const sheet = new CSSStyleSheet();
sheet.replaceSync(arguments[0]);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const probe = document.querySelector("main p, main li, p, body");
return getComputedStyle(probe).wordSpacing;
"""

_CLIPPED_TEXT = (
    _DESCRIBE
    + """
const problems = [];
for (const el of document.body.querySelectorAll("*")) {
  const style = getComputedStyle(el);
  const clipsX = /hidden|clip/.test(style.overflowX);
  const clipsY = /hidden|clip/.test(style.overflowY);
  if (!clipsX && !clipsY) continue;
  if (!el.getClientRects().length || visuallyHidden(el) || !el.textContent.trim()) continue;
  if (style.visibility === "hidden") continue;
  const overX = clipsX && el.scrollWidth > el.clientWidth + 1;
  const overY = clipsY && el.scrollHeight > el.clientHeight + 1;
  if (overX || overY) {
    problems.push(
      `${describe(el)} clips its text (content ${el.scrollWidth}x${el.scrollHeight}px, ` +
      `box ${el.clientWidth}x${el.clientHeight}px): ${snippet(el)}`
    );
  }
}
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth) {
  problems.push(`the page scrolls sideways (${root.scrollWidth}px in ${root.clientWidth}px)`);
}
return problems;
"""
)


def apply_text_spacing(driver: WebDriver) -> None:
    word_spacing = driver.execute_script(_APPLY_TEXT_SPACING, TEXT_SPACING_CSS)
    # 0.16em of any font size is more than 0px: proof that the override took effect.
    assert word_spacing not in ("0px", "normal"), f"text spacing not applied ({word_spacing})"


def clipped_text(driver: WebDriver) -> list[str]:
    """Elements that cut off their own text, and sideways scrolling, after text spacing."""
    return driver.execute_script(_CLIPPED_TEXT)


_SKIP_LINK_STATE = (
    _DESCRIBE
    + """
const el = document.activeElement;
if (!el || el === document.body) return {focused: null};
const rect = el.getBoundingClientRect();
const style = getComputedStyle(el);
const inside = rect.width >= 1 && rect.height >= 1 && rect.left >= 0 && rect.top >= 0
  && rect.right <= innerWidth && rect.bottom <= innerHeight;
const hit = inside && document.elementFromPoint(
  rect.left + rect.width / 2, rect.top + rect.height / 2);
return {
  focused: describe(el),
  text: el.textContent.trim(),
  href: el.getAttribute("href"),
  isSkipLink: el.tagName === "A" && /^#./.test(el.getAttribute("href") || "")
    && /skip/i.test(el.textContent),
  visible: inside && style.visibility !== "hidden" && Number(style.opacity) > 0
    && !!hit && (hit === el || el.contains(hit)),
  rect: [Math.round(rect.left), Math.round(rect.top), Math.round(rect.width),
         Math.round(rect.height)],
};
"""
)


def focused_element(driver: WebDriver) -> dict[str, Any]:
    """What has focus: a description, and whether it is a skip link on screen."""
    return driver.execute_script(_SKIP_LINK_STATE)


_ACTIVE_ELEMENT = (
    _DESCRIBE
    + """
const el = document.activeElement;
return {focused: el ? describe(el) : null, isMain: !!el && el.tagName === "MAIN",
        hash: location.hash};
"""
)


def active_element(driver: WebDriver) -> dict[str, Any]:
    return driver.execute_script(_ACTIVE_ELEMENT)


# Every focusable element, focused in turn after a keyboard Tab (so :focus-visible applies),
# must look different when focused: an outline, a shadow, a new background or border.
_FOCUS_INDICATORS = (
    _DESCRIBE
    + """
const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, '
  + '[tabindex]:not([tabindex="-1"])';
const props = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor",
               "borderTopColor", "borderBottomColor", "borderTopWidth", "borderBottomWidth"];
function look(el) {
  const style = getComputedStyle(el);
  return Object.fromEntries(props.map((p) => [p, style[p]]));
}
const start = document.activeElement;
const problems = [];
let checked = 0;
for (const el of document.querySelectorAll(selector)) {
  if (el.disabled || !el.getClientRects().length || visuallyHidden(el)) continue;
  const style = getComputedStyle(el);
  if (style.visibility === "hidden") continue;
  if (el.closest("[hidden], [inert]")) continue;
  if (document.activeElement === el) el.blur();
  const before = look(el);
  el.focus();
  if (document.activeElement !== el) continue;  // not focusable after all
  checked += 1;
  if (!el.matches(":focus-visible")) {
    problems.push(`${describe(el)} does not match :focus-visible when focused`);
    continue;
  }
  const after = look(el);
  const outline = after.outlineStyle !== "none" && parseFloat(after.outlineWidth) >= 2
    && !/rgba\\(.*, 0\\)$/.test(after.outlineColor) && after.outlineColor !== "transparent";
  // A border counts only if it is there: currentColor borders of width 0 follow the text.
  const border = ["Top", "Bottom"].some((side) => parseFloat(after[`border${side}Width`]) >= 2
    && (before[`border${side}Color`] !== after[`border${side}Color`]
        || before[`border${side}Width`] !== after[`border${side}Width`]));
  const changed = border || ["boxShadow", "backgroundColor"].some((p) => before[p] !== after[p]);
  if (!outline && !changed) {
    problems.push(`${describe(el)} shows no focus indicator: ${snippet(el)}`);
  }
}
if (start && start.focus) start.focus();
return {checked, problems};
"""
)


def missing_focus_indicators(driver: WebDriver) -> tuple[int, list[str]]:
    """How many focusable elements were checked, and those with no visible focus style."""
    result = driver.execute_script(_FOCUS_INDICATORS)
    return result["checked"], result["problems"]


_MAIN_CONTENT = """
const h1 = document.querySelector("h1");
const main = document.querySelector("main");
function shown(el) {
  if (!el) return false;
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return rect.width > 0 && rect.height > 0 && style.visibility !== "hidden";
}
return {
  h1: h1 ? h1.textContent.trim() : null,
  h1Shown: shown(h1),
  mainShown: shown(main),
  mainText: main ? main.innerText.trim().length : 0,
};
"""


def main_content(driver: WebDriver) -> dict[str, Any]:
    """The h1 text and whether it and the main landmark are shown, with some text."""
    return driver.execute_script(_MAIN_CONTENT)
