// WCAG 1.4.10: at the narrow viewport the caller has set, does the page scroll (or cut content
// off) sideways, and which elements cause it? arguments: tolerance (px), max elements,
// selector of content allowed to scroll in two dimensions.
const tolerance = arguments[0];
const limit = arguments[1];
const exempt = arguments[2];
const root = document.documentElement;
const width = root.clientWidth;
const rootStyle = getComputedStyle(root);
const bodyStyle = document.body ? getComputedStyle(document.body) : rootStyle;
// A page that hides its sideways overflow does not scroll: it cuts content off instead.
const hides = [rootStyle, bodyStyle].some((style) => /hidden|clip/.test(style.overflowX));
const result = {width, scrollWidth: root.scrollWidth, hides, offenders: []};
if (!document.body || (root.scrollWidth <= width + tolerance && !hides)) return result;

// Inside a box that scrolls or clips on its own: the page itself does not get wider.
const contained = new Map();
function inContainer(el) {
  const parent = el.parentElement;
  if (!parent || parent === document.body || parent === root) return false;
  if (contained.has(parent)) return contained.get(parent);
  const answer = /auto|scroll|hidden|clip/.test(getComputedStyle(parent).overflowX)
    || inContainer(parent);
  contained.set(parent, answer);
  return answer;
}
// The right edge of the element's own text (its text nodes, not its children's).
const range = document.createRange();
function textRight(el) {
  let right = 0;
  for (const node of el.childNodes) {
    if (node.nodeType !== 3 || !node.data.trim()) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) right = Math.max(right, rect.right);
  }
  return right;
}
const offending = new Set();
const offenders = [];
for (const el of document.body.querySelectorAll("*")) {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) continue;
  let right = rect.right;
  if (right <= width + tolerance) {
    // The box fits, but its own text may not (a long address that does not wrap).
    if (el.scrollWidth <= el.clientWidth + tolerance || offending.has(el.parentElement)) continue;
    right = textRight(el);
    if (right <= width + tolerance) continue;
  }
  // Only the outermost element that overflows: its descendants overflow because it does.
  if (el.parentElement && offending.has(el.parentElement)) {
    offending.add(el);
    continue;
  }
  if (inContainer(el)) continue;
  const style = getComputedStyle(el);
  if (!CW.shown(el, style) || CW.visuallyHidden(el, style) || Number(style.opacity) === 0) continue;
  // Off-canvas content waiting beyond the right edge, on a page that hides overflow, is not
  // content anyone is meant to read there.
  if (hides && rect.left >= width) continue;
  if (style.position === "fixed" && rect.left >= width) continue;
  // Far past the edge (the "right: -9999px" way of hiding text): not content to read there.
  if (rect.left >= 3 * width && /absolute|fixed/.test(style.position)) continue;
  offending.add(el);
  if (el.closest(exempt)) continue;  // WCAG's exception: tables, maps, media, toolbars
  if (!el.textContent.trim() && !el.querySelector("img, svg, input, button, select, textarea")
      && !/^(img|input|button|select|textarea)$/.test(el.localName)) continue;
  offenders.push({el, right, width: Math.max(rect.width, right - rect.left)});
}
offenders.sort((a, b) => b.right - a.right || b.width - a.width);
result.offenders = offenders.slice(0, limit).map(({el, right, width: boxWidth}) => {
  const how = hides ? "is cut off at the right edge of the page" : "makes the page scroll sideways";
  return CW.report(el, `At ${width} CSS pixels wide (400% zoom), ${CW.label(el)} ${how}: ` +
    `it reaches ${Math.round(right)}px and is ${Math.round(boxWidth)}px wide.`);
});
return result;
