// WCAG 2.1.1, 1.4.13, 2.4.3, 2.1.2: find the widgets the keyboard rules then try with keys and
// the mouse (audit/checks/browser/widgets.py, dialogs.py): navigation sub-menus hidden now,
// show/hide controls (aria-expanded), hidden dialogs with a control that opens them, and
// elements that reveal content on hover. Nothing is changed but one thing: while the checks
// run, a guard stops the page from navigating when a control is activated (clicks on links
// and submit buttons are default-prevented; the page's own handlers still run). It is removed
// by js/probe.js "finish". arguments[0]: which widgets to look for, and how many.
const options = arguments[0];
const KEY = Symbol.for("clearway.widgets");
if (window[KEY]) window[KEY].finish();
const isLink = (el) => el.localName === "a" && el.hasAttribute("href")
  && !/^#/.test(el.getAttribute("href"));
const focusable = (el) => el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]");
const visible = (el) => CW.shown(el) && (!el.checkVisibility || el.checkVisibility());
const anyShown = (root) => [...root.querySelectorAll("a[href], button")].some(visible);
// Classes that name a kind of widget, not one instance: one accordion section is enough.
function kind(el) {
  // Not state classes, nor numbered ones (WordPress's menu-item-123).
  const classes = [...el.classList].filter(
    (name) => !/(open|active|current|expanded|show|\d)/i.test(name));
  return `${el.localName}.${classes.sort().join(".")}@${el.parentElement ? el.parentElement.localName : ""}`;
}

const state = {menus: [], controls: [], dialogs: [], hovers: [], observer: null, added: [],
               judgedMenus: new Set()};

// Navigation sub-menus: a list of links inside an item of a navigation list, hidden now.
const menuItems = new Set();
const menuKinds = new Set();
if (options.menus) {
  const items = document.querySelectorAll(
    "nav li, [role=navigation] li, [role=menubar] > li, [role=menubar] [role=menuitem], header li");
  for (const item of items) {
    const submenu = item.querySelector(":scope > ul, :scope > ol, :scope > [role=menu], :scope > div");
    if (!submenu || !submenu.querySelector("a[href]") || anyShown(submenu)) continue;
    if (!visible(item) || [...menuItems].some((other) => other.contains(item))) continue;
    menuItems.add(item);
    // One item of a kind stands for the others.
    if (state.menus.length >= options.maxMenus || menuKinds.has(kind(item))) continue;
    menuKinds.add(kind(item));
    const parent = [...item.children].find((child) => child !== submenu && focusable(child)
      && child.matches("a[href], button, [role=menuitem], [tabindex]")) || null;
    const toggles = [...item.querySelectorAll("button, [role=button], [aria-expanded]")]
      .filter((el) => !submenu.contains(el) && focusable(el) && visible(el) && !isLink(el));
    state.menus.push({item, submenu, parent, toggles});
  }
}
const inMenu = (el) => [...menuItems].some((item) => item.contains(el) || el.contains(item));

// Show/hide controls. Composite widgets (combobox, tree, grid) manage focus their own way.
const unfocusable = [];
if (options.controls) {
  const kinds = new Set();
  for (const el of document.querySelectorAll("[aria-expanded]")) {
    if (el.matches("input, select, textarea, [role=combobox], [role=treeitem], [role=row], " +
                   "[role=option], [role=gridcell], [aria-disabled=true]")) continue;
    if (el.closest("[aria-activedescendant], [aria-hidden=true], [inert]")) continue;
    if (!visible(el) || isLink(el)) continue;
    if (!focusable(el)) {
      // A container that holds the real control is not a control.
      if (el.querySelector(CW.tabbableSelector)) continue;
      if (options.accessCovers && CW.clickable(el)) continue;  // clearway-keyboard-access's
      if (unfocusable.length < options.maxControls) {
        unfocusable.push(CW.report(el, `${CW.label(el)} shows and hides content ` +
          "(aria-expanded) but cannot get keyboard focus, so keyboard users cannot use it.",
          {outcome: CW.clickable(el) ? "violation" : "needs-review"}));
      }
      continue;
    }
    if (el.localName === "summary" || kinds.has(kind(el))) continue;
    if (state.controls.length >= options.maxControls) continue;
    kinds.add(kind(el));
    state.controls.push(el);
  }
}

// Dialogs, hidden now, and a control that opens each.
const DIALOGS = "dialog, [role=dialog], [role=alertdialog], [aria-modal=true]";
const shownDialogs = () => [...document.querySelectorAll(DIALOGS)].filter(visible);
if (options.dialogs) {
  const seen = new Set();
  for (const dialog of document.querySelectorAll(DIALOGS)) {
    if (state.dialogs.length >= options.maxDialogs) break;
    if (visible(dialog) || !dialog.id) continue;
    const id = CSS.escape(dialog.id);
    const raw = dialog.id.replace(/["\\]/g, "\\$&");
    const trigger = [...document.querySelectorAll(
      `[aria-controls~="${raw}"], [data-bs-target="#${raw}"], [data-target="#${raw}"], ` +
      `[commandfor="${raw}"], [data-micromodal-trigger="${raw}"], [data-modal-target="${raw}"], ` +
      `[data-a11y-dialog-show="${raw}"], [data-dialog="${raw}"], a[href="#${raw}"]`)]
      .find((el) => visible(el) && !dialog.contains(el));
    if (!trigger || !id) continue;
    seen.add(trigger);
    state.dialogs.push({dialog, trigger});
  }
  // A hidden dialog that no control names, opened by a script's click handler: the control
  // whose words or class name match the dialog's ("Check your collection day" for "Your
  // collection day"; .collection-open for .collection-modal), tried as "whatever appears".
  const words = (text) => new Set((text || "").toLowerCase().match(/[a-z]{4,}/g) || []);
  const HINT = /(open|show|launch|modal|dialog|popup|overlay)/i;
  for (const dialog of document.querySelectorAll(DIALOGS)) {
    if (state.dialogs.length >= options.maxDialogs) break;
    if (visible(dialog) || state.dialogs.some((known) => known.dialog === dialog)) continue;
    const heading = dialog.querySelector("h1, h2, h3, h4, [role=heading]");
    const named = words([dialog.getAttribute("aria-label"),
      ...(dialog.getAttribute("aria-labelledby") || "").split(/\s+/).map(
        (id) => (id && document.getElementById(id) || {}).textContent),
      heading && heading.textContent].join(" "));
    const classes = words((dialog.getAttribute("class") || "") + " " + dialog.id);
    let best = null;
    let bestScore = 0;
    for (const el of document.querySelectorAll("button, [role=button], a[href='#'], a:not([href])")) {
      if (seen.has(el) || !visible(el) || el.closest(DIALOGS) || !CW.clickable(el)) continue;
      if (el.type === "submit" || el.type === "reset") continue;
      const shared = [...words(el.textContent + " " + (el.getAttribute("aria-label") || ""))]
        .filter((word) => named.has(word)).length;
      const own = (el.getAttribute("class") || "") + " " + el.id;
      const sibling = HINT.test(own) && [...words(own)].some((word) => classes.has(word));
      const score = shared + (sibling ? 2 : 0);
      if (score > bestScore) [best, bestScore] = [el, score];
    }
    if (best && bestScore >= 2) {
      seen.add(best);
      state.dialogs.push({dialog: null, trigger: best});
    }
  }
  // A control that says it opens a dialog, without saying which: whatever dialog appears.
  for (const trigger of document.querySelectorAll("[aria-haspopup=dialog]")) {
    if (state.dialogs.length >= options.maxDialogs) break;
    if (!seen.has(trigger) && visible(trigger) && !trigger.closest(DIALOGS)) {
      state.dialogs.push({dialog: null, trigger});
    }
  }
}

// Elements that reveal content on hover: mouse handlers, and style rules such as
// ".help:hover .tip { display: block }" (the part before :hover names the element hovered).
const hoverRegistry = window[Symbol.for("clearway.hoverListeners")] || null;
if (options.hovers) {
  const triggers = new Set();
  const HANDLERS = ["onmouseover", "onmouseenter", "onpointerover", "onpointerenter"];
  for (const el of document.body.querySelectorAll(
      HANDLERS.map((name) => `[${name}]`).join(", "))) triggers.add(el);
  if (hoverRegistry) {
    for (const el of document.body.querySelectorAll("*")) {
      if (hoverRegistry.has(el)) triggers.add(el);
    }
  }
  const REVEAL = /(^|;)\s*(display|visibility|opacity|clip|clip-path|left|right|top|transform|max-height|height)\s*:/;
  const rules = [];
  const collect = (list) => {
    for (const rule of list) {
      if (rule.cssRules && !rule.selectorText) collect(rule.cssRules);
      else if (rule.selectorText && rule.selectorText.includes(":hover")
               && REVEAL.test(rule.style.cssText)) rules.push(rule);
    }
  };
  for (const sheet of document.styleSheets) {
    try {
      collect(sheet.cssRules);
    } catch (error) {
      // A style sheet from another origin cannot be read.
    }
  }
  for (const rule of rules) {
    for (const selector of rule.selectorText.split(",")) {
      // ":hover" then a combinator and another element: hovering one shows another.
      const match = /^(.*?):hover((?:[:\w()-]*))\s*([>+~ ]).+$/.exec(selector.trim());
      if (!match) continue;
      try {
        for (const el of document.querySelectorAll(match[1] + match[2].replace(/:hover/g, "") || "*")) {
          triggers.add(el);
        }
      } catch (error) {
        // A selector this browser cannot match alone (a pseudo-element, say).
      }
    }
  }
  const kinds = new Set();
  for (const el of triggers) {
    if (state.hovers.length >= options.maxHovers) break;
    if (el === document.body || el === document.documentElement || !visible(el)) continue;
    if (inMenu(el) || el.closest(DIALOGS) || kinds.has(kind(el))) continue;
    kinds.add(kind(el));
    state.hovers.push({trigger: el});
  }
}

if (!(state.menus.length || state.controls.length || state.dialogs.length
      || state.hovers.length)) {
  return {menus: [], controls: 0, dialogs: 0, hovers: 0, unfocusable};
}

// The guard: activating a control must not take the browser to another page.
const guard = (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const control = target && target.closest("button, input");
  if (event.type === "submit" || (target && target.closest("a[href], area[href]"))
      || (control && control.form && /^(submit|image)$/.test(control.type))) {
    event.preventDefault();
  }
};
window.addEventListener("click", guard, true);
window.addEventListener("submit", guard, true);
state.active = document.activeElement !== document.body ? document.activeElement : null;
state.x = window.scrollX;
state.y = window.scrollY;
state.dialogsBefore = shownDialogs();
state.finish = () => {
  window.removeEventListener("click", guard, true);
  window.removeEventListener("submit", guard, true);
  if (state.observer) state.observer.disconnect();
  delete window[KEY];
};
Object.defineProperty(window, KEY, {value: state, configurable: true});
return {
  menus: state.menus.map((menu) => ({toggles: menu.toggles.length, parent: !!menu.parent,
    arrows: !!menu.parent && menu.parent.matches("[aria-haspopup], [aria-expanded], [role=menuitem]")})),
  controls: state.controls.length,
  dialogs: state.dialogs.length,
  hovers: state.hovers.length,
  unfocusable,
};
