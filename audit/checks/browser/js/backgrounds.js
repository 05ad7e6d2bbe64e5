// WCAG 1.1.1 and 1.4.5: large background images that may carry text, on elements that have no
// text and no name of their own (a banner, a heading or a button drawn as a picture).
// arguments[0]: {minWidth, minHeight, maxElements, maxScanned}.
const options = arguments[0];
const found = [];
// Elements whose picture would be their meaning: controls, headings, banners, logos, and what
// editors put in their content.
const MEANINGFUL = "a[href], button, [role=button], [role=link], input[type=submit], " +
  "input[type=button], h1, h2, h3, h4, h5, h6, [role=heading], [role=img], [role=banner]";
const NAMED_CLASS = /(^|[\s_-])(logo|banner|title|heading|headline|masthead|brand|sign|poster|advert|promo|notice)([\s_-]|$)/i;
const MEDIA = "img, svg, picture, video, canvas, iframe, object, embed, input[type=image]";

function ownName(el) {
  return (el.getAttribute("aria-label") || el.getAttribute("title") || "").trim() ||
    (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).some((n) => n && n.textContent.trim());
}
function meaningful(el) {
  if (el.matches(MEANINGFUL) || el.closest(MEANINGFUL)) return true;
  if (NAMED_CLASS.test((el.getAttribute("class") || "") + " " + (el.id || ""))) return true;
  return CW.attribution(el).region !== "";
}
let scanned = 0;
for (const el of document.body ? document.body.querySelectorAll("*") : []) {
  if (found.length >= options.maxElements || scanned >= options.maxScanned) break;
  scanned += 1;
  if (el.namespaceURI !== "http://www.w3.org/1999/xhtml") continue;
  const style = getComputedStyle(el);
  const image = style.backgroundImage;
  if (!image || image === "none" || !image.includes("url(")) continue;
  const rect = el.getBoundingClientRect();
  if (rect.width < options.minWidth || rect.height < options.minHeight) continue;
  if (!CW.shown(el, style) || CW.visuallyHidden(el, style)) continue;
  // Decorative by its author's say-so, or a picture behind real text or media: not reported.
  if (el.closest("[aria-hidden=true], [role=presentation], [role=none]")) continue;
  if ((el.innerText || "").trim() || el.querySelector(MEDIA)) continue;
  if (ownName(el) || (el.closest("a[href], button, [role=button]") &&
      ownName(el.closest("a[href], button, [role=button]")))) continue;
  // A control or heading whose only content is this picture, with text elsewhere in it?
  const control = el.closest("a[href], button, [role=button], h1, h2, h3, h4, h5, h6");
  if (control && control !== el && (control.innerText || "").trim()) continue;
  if (!meaningful(el)) continue;
  found.push(CW.report(el, `${CW.label(el)} shows a ${Math.round(rect.width)} × ` +
    `${Math.round(rect.height)} px background image and has no text or name of its own. If ` +
    "the picture has words in it, screen readers cannot read them and they blur when " +
    "zoomed: check, and put the words in the page as text (or give the element a name).",
    {outcome: "needs-review"}));
}
return found;
