// WCAG 2.4.7, 2.4.11 and 2.1.2 (candidates): focus every tabbable element in tab order and
// compare how it and its neighbours look focused and unfocused; note elements completely
// covered by fixed or sticky content once focused, and elements whose scripts stop the Tab key
// or pull focus back. The caller has pressed a real Tab key first, so focus is keyboard focus
// (:focus-visible) as it is for a keyboard user; an element that does not match
// :focus-visible is not judged. Asynchronous: arguments[0] is the options, the last argument
// the callback.
const options = arguments[0];
const done = arguments[arguments.length - 1];
const startFocus = document.activeElement;
const startX = window.scrollX;
const startY = window.scrollY;
// Transitions off meanwhile: a focus style that fades in (Bootstrap's box-shadow, say) must be
// measured at its end, not at its first frame.
const still = new CSSStyleSheet();
still.replaceSync("*, *::before, *::after { transition: none !important; }");
const originalSheets = [...document.adoptedStyleSheets];
document.adoptedStyleSheets = [...originalSheets, still];

// The properties that can show focus, reduced to what is actually drawn: an outline of style
// none, or a transparent border, draws nothing whatever its colour.
function drawn(style, pseudo) {
  if (pseudo && (style.content === "none" || style.content === "normal")) return "none";
  const outline = style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0
    || CW.transparent(style.outlineColor) ? "none"
    : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}`;
  const borders = ["Top", "Right", "Bottom", "Left"].map((side) => {
    const width = style[`border${side}Width`];
    const kind = style[`border${side}Style`];
    const color = style[`border${side}Color`];
    return parseFloat(width) === 0 || kind === "none" || kind === "hidden" || CW.transparent(color)
      ? "none" : `${width} ${kind} ${color}`;
  }).join(",");
  const decoration = style.textDecorationLine === "none" ? "none"
    : `${style.textDecorationLine} ${style.textDecorationStyle} ${style.textDecorationColor} ${style.textDecorationThickness}`;
  const background = `${CW.transparent(style.backgroundColor) ? "" : style.backgroundColor} ${style.backgroundImage}`;
  return [outline, borders, decoration, background, style.boxShadow, style.color, style.opacity,
          style.transform, style.filter, style.visibility, style.fontWeight, style.textShadow,
          pseudo ? `${style.content} ${style.width} ${style.height}` : ""].join("|");
}
// The element and the elements a focus style is commonly drawn on: ancestors (:focus-within),
// siblings and labels (input:focus + label), and its first descendants. Pseudo-elements are
// read only where focus styles usually put them.
function related(el) {
  const nodes = [[el, true]];
  const parent = el.parentElement;
  if (parent) {
    nodes.push([parent, false]);
    if (parent.parentElement) nodes.push([parent.parentElement, false]);
  }
  if (el.nextElementSibling) nodes.push([el.nextElementSibling, true]);
  if (el.previousElementSibling) nodes.push([el.previousElementSibling, false]);
  for (const label of el.labels || []) nodes.push([label, true]);
  const inside = el.getElementsByTagName("*");
  for (let i = 0; i < inside.length && i < 8; i += 1) nodes.push([inside[i], i === 0]);
  return nodes;
}
function lookOf(node, pseudos) {
  let value = drawn(getComputedStyle(node), false);
  if (pseudos) {
    value += "#" + drawn(getComputedStyle(node, "::before"), true)
      + "#" + drawn(getComputedStyle(node, "::after"), true);
  }
  return value;
}
// Unfocused looks, computed once per node (and per with/without pseudo-elements).
const unfocused = [new Map(), new Map()];
function lookBefore(nodes) {
  return nodes.map(([node, pseudos]) => {
    const cache = unfocused[pseudos ? 1 : 0];
    if (!cache.has(node)) cache.set(node, lookOf(node, pseudos));
    return cache.get(node);
  });
}
// The index of the first node from ``start`` that looks different now, or -1.
function firstChange(nodes, before, start) {
  for (let i = start; i < nodes.length; i += 1) {
    if (lookOf(nodes[i][0], nodes[i][1]) !== before[i]) return i;
  }
  return -1;
}
function box(el) {
  const rect = el.getBoundingClientRect();
  return [rect.left + window.scrollX, rect.top + window.scrollY, rect.width, rect.height]
    .map(Math.round).join(",");
}
function invisible(el) {
  const style = getComputedStyle(el);
  if (CW.visuallyHidden(el, style) || style.visibility === "hidden") return true;
  for (let node = el, depth = 0; node && depth < 6; node = node.parentElement, depth += 1) {
    if (Number(getComputedStyle(node).opacity) === 0) return true;
  }
  const rect = el.getBoundingClientRect();
  if (rect.right + window.scrollX > 0 && rect.bottom + window.scrollY > 0) return false;
  return offScreenWhenScrolledTo(el);
}
// Off the page (left: -9999px, say) even after focus has scrolled it into view as Tab would?
// A slide in a carousel track is brought into view by that scrolling: it is not hidden. Every
// scroll position it changes is put back.
function offScreenWhenScrolledTo(el) {
  const positions = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    positions.push([node, node.scrollLeft, node.scrollTop]);
  }
  const x = window.scrollX;
  const y = window.scrollY;
  el.blur();
  el.focus();
  const rect = el.getBoundingClientRect();
  const off = rect.right <= 0 || rect.bottom <= 0 || rect.left >= window.innerWidth
    || rect.top >= window.innerHeight;
  for (const [node, left, top] of positions) {
    node.scrollLeft = left;
    node.scrollTop = top;
  }
  window.scrollTo(x, y);
  return off;
}
function inModal(el) {
  const dialog = el.closest("dialog, [role=dialog], [role=alertdialog]");
  return !!dialog && (dialog.matches(":modal") || dialog.getAttribute("aria-modal") === "true");
}

const tabbable = CW.tabbable();
const checked = tabbable.slice(0, options.maxElements);

// Fixed and sticky boxes are the only things that can cover a focused element after the
// browser has scrolled it into view.
let covers = false;
if (options.obscured) {
  for (const el of document.body.querySelectorAll("*")) {
    const position = getComputedStyle(el).position;
    if ((position === "fixed" || position === "sticky") && el.getClientRects().length) {
      covers = true;
      break;
    }
  }
}
function coveredBy(el) {
  const rect = el.getBoundingClientRect();
  const left = Math.max(rect.left, 0);
  const top = Math.max(rect.top, 0);
  const right = Math.min(rect.right, window.innerWidth);
  const bottom = Math.min(rect.bottom, window.innerHeight);
  if (right - left < 1 || bottom - top < 1) return null;
  const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]];
  let cover = null;
  for (const [fx, fy] of points) {
    const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
    if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return null;
    // The hit must be painted by a fixed or sticky box with something opaque in it.
    let fixed = null;
    let opaque = /^(img|svg|video|canvas|iframe|input|button|select|textarea)$/.test(hit.localName)
      || [...hit.childNodes].some((node) => node.nodeType === 3 && node.data.trim());
    for (let node = hit; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (!CW.transparent(style.backgroundColor) || style.backgroundImage !== "none") opaque = true;
      if (style.position === "fixed" || style.position === "sticky") {
        fixed = node;
        break;
      }
    }
    if (!fixed || !opaque || fixed.contains(el)) return null;
    cover = fixed;
  }
  return cover;
}

// Counted before this script adds its own focusin listener.
const registry = window[Symbol.for("clearway.focusListeners")];
const pageFocusListeners = registry ? registry.count : null;
const focusLog = [];
const logFocus = (event) => focusLog.push(event.target);
const problems = [];
const obscured = [];
const trapCandidates = new Set();
let judged = 0;
// The unfocused state of everything first, with nothing focused: one style pass.
if (startFocus && startFocus !== document.body && startFocus.blur) startFocus.blur();
const plan = checked.map((el) => {
  const nodes = related(el);
  return {el, nodes, before: options.visible ? lookBefore(nodes) : null, box: box(el),
          html: CW.html(el)};
});
window.addEventListener("focusin", logFocus, true);
let previous = null;
for (const {el, nodes, before, box: boxBefore, html} of plan) {
  if (problems.length >= options.maxIssues && obscured.length >= options.maxObscured
      && !options.traps) break;
  const mark = focusLog.length;
  el.focus({preventScroll: true});
  if (document.activeElement !== el) {
    // Focus came and went back to the element before (a blur handler pulling it back); or
    // went on to another (a focus handler passing it on, which is fine); or never came.
    if (previous && document.activeElement === previous && focusLog.slice(mark).includes(el)) {
      trapCandidates.add(previous);
    }
    previous = document.activeElement === previous ? previous : null;
    continue;
  }
  if (options.visible && problems.length < options.maxIssues && el.matches(":focus-visible")) {
    judged += 1;
    const first = firstChange(nodes, before, 0);
    const changed = first >= 0 || boxBefore !== box(el);
    // A hidden control whose neighbour shows its focus (input:focus + label) is fine.
    const others = first > 0 || (first === 0 && firstChange(nodes, before, 1) > 0);
    if (first <= 0 && invisible(el) && !others) {
      problems.push({...CW.report(el, `${CW.label(el)} can get keyboard focus but cannot be ` +
        "seen while it has it (it is hidden, transparent or off screen)."), html});
    } else if (!changed) {
      problems.push({...CW.report(el, `${CW.label(el)} looks the same with and without ` +
        "keyboard focus: it has no visible focus indicator."), html});
    }
  }
  if (covers && obscured.length < options.maxObscured) {
    el.blur();
    el.focus();  // as Tab does: scrolled into view
    const cover = coveredBy(el);
    if (cover) {
      obscured.push({...CW.report(el, `When ${CW.label(el)} has keyboard focus it is ` +
        `completely hidden behind ${CW.label(cover).slice(0, 40)}, which stays fixed on screen.`), html});
    }
  }
  if (options.traps && !inModal(el)) {
    const tab = new KeyboardEvent("keydown", {key: "Tab", code: "Tab", keyCode: 9, which: 9,
                                              bubbles: true, cancelable: true});
    if (!el.dispatchEvent(tab)) trapCandidates.add(el);  // a script stopped the Tab key
  }
  previous = document.activeElement === el ? el : null;
}
const lastActive = document.activeElement;
if (lastActive && lastActive !== document.body && lastActive.blur) lastActive.blur();
const settled = focusLog.length;

// Give timers a moment: a focusout handler that pulls focus back with setTimeout does it now.
// Not needed when the listener registry (js/listeners.js) saw no focus listener and no
// element has an inline one.
const quiet = pageFocusListeners === 0
  && !document.querySelector("[onblur], [onfocusout], [onfocus], [onfocusin]");
const finish = () => {
  window.removeEventListener("focusin", logFocus, true);
  for (const target of focusLog.slice(settled)) {
    if (target && target.nodeType === 1 && !inModal(target)) trapCandidates.add(target);
  }
  const candidates = [...trapCandidates].filter((el) => el.isConnected).slice(0, 5);
  // Put focus and scrolling back as they were before the caller's Tab (options.restore).
  const now = document.activeElement;
  if (now && now !== document.body && now.blur) now.blur();
  const restore = options.restore || {active: null, x: startX, y: startY};
  if (restore.active && restore.active.isConnected && restore.active.focus) {
    restore.active.focus({preventScroll: true});
  }
  window.scrollTo(restore.x, restore.y);
  getComputedStyle(document.documentElement).color;  // settle styles before transitions return
  document.adoptedStyleSheets = originalSheets;
  done({
    tabbable: tabbable.length,
    judged,
    problems,
    obscured,
    candidates: candidates.map((el) => ({element: el, ...CW.report(el, "")})),
  });
};
if (quiet || !options.traps) finish();
else setTimeout(finish, options.settle);
