// Helpers shared by every browser rule's script (prepended to it). The script that follows
// reports elements with CW.report(el, message, extra): a stable selector, the element's outer
// HTML and its editor-content attribution, computed in the page in the same round trip.
const CW = (() => {
  const MAX_HTML = 300;
  // Attributes that can name an element without its position, best first.
  const NAMING = ["name", "data-block-id", "aria-label", "href", "src", "for", "aria-controls",
                  "title", "alt", "value", "type", "role"];
  // State classes come and go: a selector built on them would re-key the finding.
  const STATE_CLASS = /^(is-|has-|js-)|(active|current|focus|hover|open|visible|selected)/i;

  function cssString(value) {
    return value.replace(/["\\]/g, "\\$&").replace(/\n/g, "\\a ");
  }
  function unique(selector, el) {
    try {
      const found = document.querySelectorAll(selector);
      return found.length === 1 && found[0] === el;
    } catch (error) {
      return false;
    }
  }
  // A selector that names ``el`` alone in the document without a position, or null.
  function named(el) {
    const tag = el.localName;
    if (el.id && unique("#" + CSS.escape(el.id), el)) return "#" + CSS.escape(el.id);
    for (const attribute of NAMING) {
      const value = el.getAttribute(attribute);
      if (!value || value.length > 150) continue;
      const selector = `${tag}[${attribute}="${cssString(value)}"]`;
      if (unique(selector, el)) return selector;
    }
    const classes = [...el.classList].filter((name) => !STATE_CLASS.test(name)).slice(0, 3);
    if (classes.length) {
      const selector = tag + classes.map((name) => "." + CSS.escape(name)).join("");
      if (unique(selector, el)) return selector;
    }
    if (unique(tag, el)) return tag;
    return null;
  }
  // Positions (nth-of-type) only for the ancestors nothing else names.
  function selector(el) {
    const parts = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const name = named(node);
      if (name) {
        parts.unshift(name);
        break;
      }
      if (node === document.body || node === document.documentElement) {
        parts.unshift(node.localName);
        break;
      }
      const tag = node.localName;
      let index = 1;
      let others = false;
      for (let sibling = node.parentElement && node.parentElement.firstElementChild; sibling;
           sibling = sibling.nextElementSibling) {
        if (sibling === node) continue;
        if (sibling.localName === tag) {
          others = true;
          if (sibling.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) index += 1;
        }
      }
      parts.unshift(others ? `${tag}:nth-of-type(${index})` : tag);
    }
    return parts.join(" > ");
  }
  function html(el) {
    const text = el.outerHTML.replace(/\s+/g, " ").trim();
    return text.length > MAX_HTML ? text.slice(0, MAX_HTML - 3) + "..." : text;
  }
  // The same attribution as axe's findings get (where.js, prepended to this file).
  function attribution(el) {
    const where = clearwayWhere(el);
    return {region: where.region || "", blockId: where.blockId || ""};
  }
  function report(el, message, extra) {
    return {selector: selector(el), html: html(el), message, ...attribution(el), ...(extra || {})};
  }
  function label(el) {
    const text = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title")
                  || el.getAttribute("alt") || el.value || "").replace(/\s+/g, " ").trim();
    const tag = "<" + el.localName + ">";
    return text ? `${tag} "${text.length > 60 ? text.slice(0, 57) + "..." : text}"` : tag;
  }
  // The .visually-hidden pattern: clipped to nothing on purpose, for screen readers.
  function visuallyHidden(el, style) {
    style = style || getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return (rect.width <= 1 && rect.height <= 1) || style.clipPath === "inset(50%)"
      || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
  }
  function shown(el, style) {
    style = style || getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden"
      && style.display !== "none";
  }
  function transparent(color) {
    return !color || color === "transparent" || /rgba\(.*,\s*0\)$/.test(color);
  }
  // Elements Tab can reach, in tab order: positive tabindex first (by value, then document
  // order), then document order. The keyboard rules (focus.js, order.js, widgets.js) share it.
  const TABBABLE = "a[href], area[href], button, input, select, textarea, summary, [tabindex],"
    + " [contenteditable], audio[controls], video[controls]";
  function tabbable(root) {
    const found = [];
    for (const el of (root || document).querySelectorAll(TABBABLE)) {
      if (el.tabIndex < 0 || el.disabled || el.localName === "iframe") continue;
      if (el.localName === "input" && el.type === "hidden") continue;
      if (el.closest("[inert]") || !shown(el)) continue;
      // Inside a closed <details> (content-visibility: hidden) or similar: not focusable.
      if (el.checkVisibility && !el.checkVisibility()) continue;
      found.push(el);
    }
    // A stable sort: equal keys keep document order.
    return found.sort((a, b) => (a.tabIndex > 0 ? a.tabIndex : Infinity)
      - (b.tabIndex > 0 ? b.tabIndex : Infinity));
  }
  // Whether a script reacts to clicks on ``el`` (an onclick-style handler, or one that
  // js/listeners.js saw added), or its role says it is a control.
  const CLICK_HANDLERS = ["onclick", "onmousedown", "onmouseup", "onpointerdown", "onpointerup"];
  function clickable(el) {
    const registry = window[Symbol.for("clearway.clickListeners")];
    return CLICK_HANDLERS.some((name) => el.hasAttribute(name) || typeof el[name] === "function")
      || (!!registry && registry.has(el))
      || /^(button|link|checkbox|switch|tab|menuitem)$/.test((el.getAttribute("role") || "").trim());
  }
  return {selector, html, attribution, report, label, visuallyHidden, shown, transparent,
          tabbable, tabbableSelector: TABBABLE, clickable};
})();
