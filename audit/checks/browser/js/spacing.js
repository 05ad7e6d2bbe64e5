// WCAG 1.4.12 and 1.4.4: text cut off or overlapping once the text is spaced out (the style
// sheet arguments[1], when arguments[0]) or made bigger (the root and body font sizes times
// arguments[3], when arguments[2]). Everything happens in this one call: measure once, then
// for each change apply its style sheet, measure again and remove it, so no style outlives
// the script. arguments[4]: the most problems per rule.
const doSpacing = arguments[0];
const spacingCss = arguments[1];
const doResize = arguments[2];
const scale = arguments[3];
const limit = arguments[4];
const CLIPS = /hidden|clip/;
if (!document.body) return {spacing: {applied: false, problems: []}, resize: {problems: []}};

function measure() {
  const state = new Map();
  for (const el of document.body.querySelectorAll("*")) {
    if (/^(script|style|noscript|template|svg|math|iframe|video|audio|canvas|img|select|option|textarea|input)$/.test(el.localName)) continue;
    if (!el.firstChild) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.display === "contents") continue;
    const clipsX = CLIPS.test(style.overflowX);
    const clipsY = CLIPS.test(style.overflowY);
    const spillY = el.scrollHeight - el.clientHeight;
    const spillX = el.scrollWidth - el.clientWidth;
    const entry = {clipsX, clipsY, overX: spillX > 1, overY: spillY > 1, spillY, lines: null};
    // Already hiding some of its text (a box too small even now): how much it still shows.
    if ((clipsX && entry.overX) || (clipsY && entry.overY)) entry.lines = linesShown(el);
    state.set(el, entry);
  }
  return state;
}

// The text nodes of ``el`` that count, each with its line boxes: text hidden on purpose, or
// held by a nested box that scrolls or clips on its own, is skipped.
function* textBoxes(el) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let count = 0;
  for (let node = walker.nextNode(); node && count < 400; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    count += 1;
    let skip = false;
    for (let parent = node.parentElement; parent && parent !== el; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== "visible" || style.overflowY !== "visible"
          || style.visibility === "hidden" || CW.visuallyHidden(parent, style)
          || style.position === "absolute" || style.position === "fixed") {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width >= 1 && r.height >= 1);
    yield {node, rects};
  }
}

// A line of ``rects`` lying outside ``el``'s padding box on the given axes.
function outsideOf(el, axisX, axisY) {
  const box = el.getBoundingClientRect();
  const left = box.left + el.clientLeft;
  const top = box.top + el.clientTop;
  const right = left + el.clientWidth;
  const bottom = top + el.clientHeight;
  return (rect) => (axisX && (rect.right > right + 1 || rect.left < left - 1))
    || (axisY && (rect.bottom > bottom + 1 || rect.top < top - 1));
}

// Text actually lying outside ``el``'s box on the given axes.
function textOutside(el, axisX, axisY) {
  const outside = outsideOf(el, axisX, axisY);
  for (const {node, rects} of textBoxes(el)) {
    const rect = rects.find(outside);
    if (rect) return {text: node.data.trim().replace(/\s+/g, " ").slice(0, 60), rect};
  }
  return null;
}

// How many lines of ``el``'s text it shows in full, of how many: for a box that already
// hides some of its text, whether more is hidden once the text changes.
function linesShown(el) {
  const outside = outsideOf(el, true, true);
  let shown = 0;
  let total = 0;
  for (const {rects} of textBoxes(el)) {
    total += rects.length;
    shown += rects.filter((rect) => !outside(rect)).length;
  }
  return {shown, total};
}

// The element laid out after ``el`` (its next sibling, or an ancestor's), if any is shown.
function following(el) {
  let node = el;
  for (let depth = 0; node && depth < 4; depth += 1, node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      const rect = next.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0 && CW.shown(next)) return {next, rect};
    }
  }
  return null;
}

function textSheet(mode) {
  const sheet = new CSSStyleSheet();
  if (mode === "spacing") {
    sheet.replaceSync(spacingCss);
  } else {
    // The browser's text size setting at ``scale``: the root and body font sizes grow, and with
    // them everything sized in rem, em or %. Text sized in px does not grow, as in browsers.
    const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const bodySize = parseFloat(getComputedStyle(document.body).fontSize);
    sheet.replaceSync(
      `html { font-size: ${rootSize * scale}px !important; }` +
      ` body { font-size: ${bodySize * scale}px !important; }`);
  }
  return sheet;
}

// Transitions off while the sheets come and go, so the layout measured is the final one and
// nothing is left animating afterwards.
const still = new CSSStyleSheet();
still.replaceSync("*, *::before, *::after { transition: none !important; }");
const original = [...document.adoptedStyleSheets];
document.adoptedStyleSheets = [...original, still];
const before = measure();

function problemsWith(mode) {
  const sheet = textSheet(mode);
  document.adoptedStyleSheets = [...original, still, sheet];
  const probe = getComputedStyle(document.body);
  const applied = mode === "spacing"
    ? probe.wordSpacing !== "0px" && probe.wordSpacing !== "normal" : true;
  const after = measure();
  const problems = [];
  const reported = new Set();
  const what = mode === "spacing" ? "With wider text spacing"
    : `With text at ${Math.round(scale * 100)}%`;
  for (const [el, now] of after) {
    if (problems.length >= limit) break;
    const was = before.get(el);
    if (!was) continue;
    // Inside an element already reported: the same text, the same cause.
    let inside = false;
    for (const parent of reported) {
      if (parent.contains(el)) {
        inside = true;
        break;
      }
    }
    if (inside) continue;
    const newX = now.clipsX && now.overX && !(was.clipsX && was.overX);
    const newY = now.clipsY && now.overY && !(was.clipsY && was.overY);
    const spills = !now.clipsY && now.overY && now.spillY > Math.max(was.spillY, 0) + 1;
    // Hid some text before, and now hides a good deal more of it (a carousel's hidden slides,
    // growing with the text, hide about as large a share as before).
    let more = false;
    if (!newX && !newY && was.lines && was.lines.shown > 0
        && ((now.clipsX && now.overX) || (now.clipsY && now.overY))) {
      const lines = now.lines;  // measured with the change applied
      more = lines.total > 0 && lines.total - lines.shown > was.lines.total - was.lines.shown
        && lines.shown / lines.total < was.lines.shown / was.lines.total - 0.1;
    }
    if (!newX && !newY && !spills && !more) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || CW.visuallyHidden(el, style)) continue;
    if (newX || newY || more) {
      const lost = more ? textOutside(el, now.clipsX, now.clipsY) : textOutside(el, newX, newY);
      if (lost) {
        reported.add(el);
        problems.push(CW.report(el, `${what}, ${CW.label(el)} cuts off its text ` +
          `("${lost.text}"): it hides what does not fit in its ` +
          `${el.clientWidth}x${el.clientHeight}px box.`));
      }
      continue;
    }
    // Text spilling out of a fixed-height box that shows its overflow: over other content?
    const spilled = textOutside(el, false, true);
    const next = spilled && following(el);
    if (!next) continue;
    const box = el.getBoundingClientRect();
    const r = spilled.rect;
    const overlapWidth = Math.min(r.right, next.rect.right) - Math.max(r.left, next.rect.left);
    const overlapHeight = Math.min(r.bottom, next.rect.bottom)
      - Math.max(Math.max(r.top, box.bottom), next.rect.top);
    if (overlapWidth >= 2 && overlapHeight >= 2 && next.rect.top >= box.top + 1
        && next.next.textContent.trim()) {
      reported.add(el);
      problems.push(CW.report(el, `${what}, the text of ${CW.label(el)} runs out of its ` +
        `${el.clientHeight}px high box over ${CW.label(next.next)}.`));
    }
  }
  // Undo: the text sheet first, with transitions still off while the layout settles.
  document.adoptedStyleSheets = [...original, still];
  document.body.offsetHeight;
  return {applied, problems};
}

const result = {
  spacing: doSpacing ? problemsWith("spacing") : {applied: false, problems: []},
  resize: doResize ? problemsWith("resize") : {problems: []},
};
getComputedStyle(document.body).fontSize;
document.adoptedStyleSheets = original;
return result;
