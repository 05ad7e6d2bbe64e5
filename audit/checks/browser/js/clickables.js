// WCAG 2.1.1: elements that react to clicks and look like controls but cannot get keyboard
// focus. Click handlers are known from onclick-style attributes and properties, and from the
// addEventListener registry js/listeners.js keeps when it was registered for the document.
// arguments[0]: the most elements to report.
const limit = arguments[0];
const registry = window[Symbol.for("clearway.clickListeners")] || null;
const ROLES = /^(button|link|checkbox|radio|switch|tab|menuitem|menuitemcheckbox|menuitemradio|option|slider|spinbutton|treeitem|combobox|searchbox|textbox)$/;
const NATIVE = /^(a|area|button|input|select|textarea|summary|label|option|optgroup|video|audio|iframe|embed|object|details|html|body)$/;
const HANDLERS = ["onclick", "onmousedown", "onmouseup", "onpointerdown", "onpointerup", "ontouchstart", "ondblclick"];
const REACHABLE = "a[href], area[href], button, input, select, textarea, summary, label, [contenteditable], [tabindex]:not([tabindex='-1'])";
const found = [];
const reported = [];
for (const el of document.body ? document.body.querySelectorAll("*") : []) {
  if (found.length >= limit) break;
  const handler = HANDLERS.some((name) => el.hasAttribute(name) || typeof el[name] === "function")
    || (registry !== null && registry.has(el));
  const role = (el.getAttribute("role") || "").trim().split(/\s+/)[0];
  const controlRole = ROLES.test(role);
  if (!handler && !controlRole) continue;
  if (NATIVE.test(el.localName) && !(el.localName === "a" && !el.hasAttribute("href"))) continue;
  if (el.hasAttribute("tabindex") || el.isContentEditable) continue;
  if (reported.some((parent) => parent.contains(el))) continue;
  // Keyboard users reach it another way: a focusable ancestor, a composite widget managing
  // focus with aria-activedescendant, or a real control inside it (a "card" whose link is
  // the keyboard route).
  if (el.parentElement && el.parentElement.closest(REACHABLE)) continue;
  if (el.closest("[aria-activedescendant], [aria-hidden=true], [inert]")) continue;
  if (el.querySelector(REACHABLE)) continue;
  const style = getComputedStyle(el);
  if (!CW.shown(el, style) || CW.visuallyHidden(el, style)) continue;
  const rect = el.getBoundingClientRect();
  if (rect.width < 8 || rect.height < 8) continue;
  // Looks like a control: a pointer cursor, a control role, or a link without href.
  if (!controlRole && style.cursor !== "pointer" && el.localName !== "a") continue;
  // Something to click on: text, an image or an icon (an empty backdrop closing a dialog is
  // an extra for mouse users, not the only way).
  if (!el.textContent.trim() && !el.querySelector("img, svg, [role=img]")
      && !el.getAttribute("aria-label") && style.backgroundImage === "none") continue;
  reported.push(el);
  const why = controlRole ? `has the role "${role}"` : "reacts to clicks";
  found.push(CW.report(el, `${CW.label(el)} ${why} but cannot get keyboard focus, so it ` +
    "cannot be used without a mouse."));
}
return found;
