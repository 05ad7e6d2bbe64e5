// The steps of the keyboard rules' tries on the widgets js/widgets.js found, installed as
// run(step, index, sub) on the state it keeps on window (Symbol.for("clearway.widgets")), in
// the same round trip: each step is then a one-line script (audit/checks/browser/interaction.py
// Hands.ask), and the page parses this file once. ``index`` is the widget's index, ``sub`` a
// second one (which of a menu's toggles).
const state = window[Symbol.for("clearway.widgets")];
const visible = (el) => !!el && el.isConnected && CW.shown(el)
  && (!el.checkVisibility || el.checkVisibility());
// Seen, for content revealed on hover: not transparent either.
const seen = (el) => visible(el) && (!el.checkVisibility
  || el.checkVisibility({opacityProperty: true, visibilityProperty: true}));
const DIALOGS = "dialog, [role=dialog], [role=alertdialog], [aria-modal=true]";
const focusInside = (root) => !!root && root.contains(document.activeElement);

function centre(el) {
  el.scrollIntoView({block: "center", inline: "nearest"});
  const rect = el.getBoundingClientRect();
  return {x: Math.round(rect.left + Math.min(rect.width / 2, 20)),
          y: Math.round(rect.top + rect.height / 2)};
}
function focus(el) {
  if (!el) return false;
  el.focus();
  return document.activeElement === el;
}
// A control's state: aria-expanded, and whether what it controls is shown.
function controlState(el) {
  const ids = (el.getAttribute("aria-controls") || "").split(/\s+/).filter(Boolean);
  const shown = ids.map((id) => visible(document.getElementById(id)) ? "1" : "0").join("");
  return `${el.getAttribute("aria-expanded")}/${shown}/${el.open === undefined ? "" : el.open}`;
}
// Hidden elements near a hover trigger (its descendants and siblings' subtrees, and what it
// says describes it), noted before hovering; and a watch on elements the page adds.
function hiddenNear(el) {
  const scope = el.parentElement || el;
  const hidden = [...scope.querySelectorAll("*")].filter((node) => !seen(node)).slice(0, 300);
  for (const id of (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)) {
    const described = document.getElementById(id);
    if (described && !seen(described)) hidden.push(described);
  }
  return hidden;
}
function revealedText(hover) {
  const texts = [];
  for (const node of [...hover.hidden, ...state.added]) {
    if (!seen(node) || node.contains(hover.trigger)) continue;
    const text = (node.innerText || "").replace(/\s+/g, " ").trim();
    if (text && !texts.some((other) => other.includes(text))) texts.push(text);
  }
  return texts.join(" ").slice(0, 80);
}
function dialogShown(item) {
  if (item.dialog) return visible(item.dialog) ? item.dialog : null;
  return [...document.querySelectorAll(DIALOGS)].find(
    (el) => visible(el) && !state.dialogsBefore.includes(el)) || null;
}

function steps(index, sub) {
  return {
    // Menus.
    menuPoint: () => centre(state.menus[index].parent || state.menus[index].item),
    menuOpen: () => CW.tabbable(state.menus[index].submenu).length > 0,
    menuFocus: () => focus(state.menus[index].parent || CW.tabbable(state.menus[index].item)[0]),
    // Focus on the menu item shows the sub-menu's links.
    menuFocusOpens: () => state.judgedMenus.add(state.menus[index].item)
      && steps(index, sub).menuFocus() && CW.tabbable(state.menus[index].submenu).length > 0,
    menuToggle: () => focus(state.menus[index].toggles[sub]),
    menuClosed: () => CW.tabbable(state.menus[index].submenu).length === 0,
    // Show/hide controls.
    // Note the control's state and focus it, ready for a key.
    controlStart: () => {
      state.mark = controlState(state.controls[index]);
      return focus(state.controls[index]);
    },
    controlFocus: () => focus(state.controls[index]),
    // Whether the key changed the control; if so, a click puts it back ("back"), or does not
    // ("changed": the caller presses the key again).
    controlChanged: () => {
      const control = state.controls[index];
      if (controlState(control) === state.mark) return null;
      control.click();
      return controlState(control) === state.mark ? "back" : "changed";
    },
    controlSame: () => controlState(state.controls[index]) === state.mark,
    controlDiffers: () => controlState(state.controls[index]) !== state.mark,
    controlClick: () => {
      state.controls[index].click();
      return true;
    },
    // Dialogs.
    // Focus on the dialog's control, if it can take it.
    triggerFocus: () => state.dialogs[index].trigger.tabIndex >= 0
      && focus(state.dialogs[index].trigger),
    triggerClick: () => {
      state.dialogs[index].trigger.click();
      return true;
    },
    // Once the dialog shows: whether it has focus and is modal.
    dialogOpen: () => {
      const dialog = dialogShown(state.dialogs[index]);
      if (!dialog) return null;
      state.dialogs[index].open = dialog;
      return {
        focused: focusInside(dialog),
        modal: dialog.matches(":modal") || dialog.getAttribute("aria-modal") === "true"
          || !!dialog.closest("[aria-modal=true]"),
      };
    },
    dialogClosed: () => !visible(state.dialogs[index].open),
    dialogFocused: () => focusInside(state.dialogs[index].open),
    // Focus somewhere in the dialog (its first tabbable element, or the dialog itself), ready
    // for Tab and Escape; the number of its tabbable elements.
    dialogFocusIn: () => {
      const dialog = state.dialogs[index].open;
      return focusInside(dialog) || focus(CW.tabbable(dialog)[0]) || focus(dialog);
    },
    dialogEnter: () => {
      const dialog = state.dialogs[index].open;
      const inside = CW.tabbable(dialog);
      if (!focusInside(dialog)) {
        if (!focus(inside[0])) {
          if (!dialog.hasAttribute("tabindex")) dialog.setAttribute("tabindex", "-1");
          dialog.focus();
        }
      }
      state.tabLog = [];
      state.tabListener = () => state.tabLog.push(document.activeElement);
      window.addEventListener("keyup", state.tabListener, true);
      return inside.length;
    },
    // Where Tab took focus: outside the dialog (the page behind it), or null.
    // ... and focus back in the dialog, ready for Escape.
    dialogLeft: () => {
      window.removeEventListener("keyup", state.tabListener, true);
      const dialog = state.dialogs[index].open;
      const out = state.tabLog.find((el) => el && el !== document.body
        && el !== document.documentElement && !dialog.contains(el));
      steps(index, sub).dialogFocusIn();
      return out ? CW.label(out) : "";
    },
    // Close the dialog the way a mouse user would, when Escape did not.
    dialogForceClose: () => {
      const dialog = state.dialogs[index].open;
      const close = [...dialog.querySelectorAll("button, [role=button], a[href]")].find((el) =>
        visible(el) && (el.matches("[data-bs-dismiss], [data-dismiss], [data-close], " +
          "[data-a11y-dialog-hide], [data-micromodal-close], form[method=dialog] button")
          || /close|cancel|dismiss|no thanks/i.test(
            `${el.getAttribute("aria-label") || ""} ${el.textContent} ${el.className}`)));
      if (close) close.click();
      if (visible(dialog) && dialog.localName === "dialog" && dialog.open) dialog.close();
      return !visible(dialog);
    },
    dialogReport: () => CW.report(state.dialogs[index].open, "", {label: CW.label(state.dialogs[index].open)}),
    triggerReport: () => CW.report(state.dialogs[index].trigger, "", {label: CW.label(state.dialogs[index].trigger)}),
    // Hover content.
    hoverPoint: () => {
      const hover = state.hovers[index];
      hover.hidden = hiddenNear(hover.trigger);
      if (!state.observer) {
        state.observer = new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) if (node.nodeType === 1) state.added.push(node);
          }
        });
        state.observer.observe(document.body, {childList: true, subtree: true});
      }
      state.added.length = 0;
      return centre(hover.trigger);
    },
    hoverRevealed: () => revealedText(state.hovers[index]),
    hoverGone: () => !revealedText(state.hovers[index]),
    // Focus the trigger, or the first thing inside it that can be focused; false if neither can.
    hoverFocus: () => {
      const trigger = state.hovers[index].trigger;
      return trigger.tabIndex >= 0 && !trigger.disabled ? focus(trigger)
        : focus(CW.tabbable(trigger)[0]);
    },
    hoverReport: () => CW.report(state.hovers[index].trigger, "", {label: CW.label(state.hovers[index].trigger)}),
    menuReport: () => {
      return CW.report(state.menus[index].submenu, "",
        {parent: CW.label(state.menus[index].parent || state.menus[index].item)});
    },
    // A control in a sub-menu the menu rule judged: it was tried there (and any finding says
    // it already).
    controlJudged: () => [...state.judgedMenus].some((item) => item.contains(state.controls[index])),
    controlReport: () => CW.report(state.controls[index], "", {label: CW.label(state.controls[index])}),
    blur: () => {
      const active = document.activeElement;
      if (active && active !== document.body && active.blur) active.blur();
      return true;
    },
    // Put focus and scrolling back, remove the guard and forget the widgets.
    finish: () => {
      const active = document.activeElement;
      if (active && active !== document.body && active.blur) active.blur();
      if (state.active && state.active.isConnected) state.active.focus({preventScroll: true});
      window.scrollTo(state.x, state.y);
      state.finish();
      return true;
    },
  };
}
// Only when js/widgets.js found widgets to try.
if (state) state.run = (step, index, sub) => steps(index, sub)[step]();
