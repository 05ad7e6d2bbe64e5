// WCAG 2.4.3: focus order against reading order, from the layout alone (nothing is focused:
// the tab order is the one js/focus.js walks, CW.tabbable). Two signs of a focus order that
// contradicts what people see:
// * a positive tabindex: reported as a violation when it makes focus reach the element before
//   one that is above it on the page, else as needs-review (the order holds, but only by luck);
// * a jump back up the page by more than minJump screens between two elements stacked in one
//   column, because the later one in the HTML is shown above the earlier one: a violation when
//   the styles that do it are found (flex or grid order, a reversed flex direction, absolute
//   positioning), else needs-review.
// arguments[0]: {minJump, maxIssues}.
const options = arguments[0];
const order = CW.tabbable();
const found = [];

function fixedOrSticky(el) {
  for (let node = el; node && node !== document.body; node = node.parentElement) {
    const position = getComputedStyle(node).position;
    if (position === "fixed" || position === "sticky") return true;
  }
  return false;
}
// Where each element is drawn, in page coordinates; null when it is not (visually hidden,
// like a skip link before it is focused, or fixed to the screen rather than the page).
const places = new Map();
function place(el) {
  if (places.has(el)) return places.get(el);
  let where = null;
  const rect = el.getBoundingClientRect();
  if (rect.width >= 1 && rect.height >= 1 && !CW.visuallyHidden(el) && !fixedOrSticky(el)) {
    where = {top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY,
             left: rect.left + window.scrollX, right: rect.right + window.scrollX};
  }
  places.set(el, where);
  return where;
}
// ``a`` is clearly above ``b``: its whole box ends before b's begins.
const above = (a, b) => a.bottom <= b.top;

// Positive tabindex.
for (let i = 0; i < order.length && found.length < options.maxIssues; i += 1) {
  const el = order[i];
  if (el.tabIndex <= 0) break;  // the positive ones come first
  const here = place(el);
  if (!here) continue;
  let earlier = null;
  for (let j = i + 1; j < order.length; j += 1) {
    const other = place(order[j]);
    if (other && above(other, here)) {
      earlier = order[j];
      break;
    }
  }
  const value = el.getAttribute("tabindex");
  found.push(earlier
    ? CW.report(el, `${CW.label(el)} has tabindex="${value}", so keyboard focus reaches it ` +
        `before ${CW.label(earlier)}, which is above it on the page.`, {outcome: "violation"})
    : CW.report(el, `${CW.label(el)} has tabindex="${value}": focus order no longer follows ` +
        "the HTML. It matches the layout now, but check it, and prefer tabindex=\"0\".",
        {outcome: "needs-review"}));
}

// The children of the nearest common ancestor of a and b that hold each of them.
function branches(a, b) {
  let ca = a;
  while (ca.parentElement && !ca.parentElement.contains(b)) ca = ca.parentElement;
  const common = ca.parentElement;
  if (!common) return null;
  let cb = b;
  while (cb.parentElement && cb.parentElement !== common) cb = cb.parentElement;
  return {common, ca, cb};
}
// The style that shows ``node`` (or an ancestor up to ``top``) out of its HTML order.
function reordering(node, top) {
  for (; node && node !== top.parentElement; node = node.parentElement) {
    const style = getComputedStyle(node);
    const parent = node.parentElement ? getComputedStyle(node.parentElement) : null;
    const box = parent ? parent.display : "";
    if (/flex|grid/.test(box) && style.order !== "0") return `CSS order: ${style.order}`;
    if (/flex/.test(box) && /reverse/.test(parent.flexDirection)) {
      return `flex-direction: ${parent.flexDirection}`;
    }
    if (/grid/.test(box) && (style.gridRowStart !== "auto" || style.gridArea.split("/")[0].trim() !== "auto")) {
      return `grid-row: ${style.gridRowStart}`;
    }
    if (style.position === "absolute") return "position: absolute";
  }
  return null;
}
const jump = window.innerHeight * options.minJump;
let previous = null;
for (const el of order) {
  if (found.length >= options.maxIssues) break;
  if (el.tabIndex > 0) continue;
  const here = place(el);
  if (!here) continue;
  const before = previous;
  previous = {el, here};
  if (!before || before.here.top - here.top <= jump) continue;
  const split = branches(before.el, el);
  if (!split) continue;
  const a = split.ca.getBoundingClientRect();
  const b = split.cb.getBoundingClientRect();
  // Side by side (a sidebar after the main column, say): moving up to the next column is
  // reading order.
  if (a.right <= b.left || b.right <= a.left) continue;
  const cause = reordering(el, split.cb) || reordering(before.el, split.ca);
  const screens = ((before.here.top - here.top) / window.innerHeight).toFixed(1);
  const message = `After ${CW.label(before.el)}, keyboard focus jumps back up the page ` +
    `(${screens} screens) to ${CW.label(el)}, which comes later in the HTML but is shown ` +
    `above it`;
  found.push(cause
    ? CW.report(el, `${message} (${cause}).`, {outcome: "violation"})
    : CW.report(el, `${message}. Check the focus order with the keyboard.`,
                {outcome: "needs-review"}));
}
return found;
