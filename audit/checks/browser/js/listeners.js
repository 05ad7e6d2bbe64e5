// Registered for every new document (Page.addScriptToEvaluateOnNewDocument) before the page's
// own scripts: notes which elements get click-like listeners, for js/clickables.js (a WeakMap,
// element -> listener count, so it keeps nothing alive), which get mouse-over listeners, for
// js/widgets.js, and counts focus listeners, for js/focus.js.
(() => {
  const key = Symbol.for("clearway.clickListeners");
  if (window[key]) return;
  const TYPES = new Set(["click", "mousedown", "mouseup", "pointerdown", "pointerup",
                         "touchstart", "touchend", "dblclick"]);
  const counts = new WeakMap();
  Object.defineProperty(window, key, {value: counts});
  // Elements with mouse-over listeners, for js/widgets.js (content revealed on hover).
  const HOVER_TYPES = new Set(["mouseover", "mouseenter", "pointerover", "pointerenter"]);
  const hovers = new WeakSet();
  Object.defineProperty(window, Symbol.for("clearway.hoverListeners"), {value: hovers});
  // How many focus-related listeners the page has added anywhere: without any, no script can
  // pull focus back, and the keyboard-trap check need not wait for timers.
  const FOCUS_TYPES = new Set(["blur", "focusout", "focus", "focusin"]);
  const focusListeners = {count: 0};
  Object.defineProperty(window, Symbol.for("clearway.focusListeners"), {value: focusListeners});
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const wrapped = {
    addEventListener(type, listener, options) {
      if (listener && FOCUS_TYPES.has(type)) focusListeners.count += 1;
      if (listener && TYPES.has(type) && this instanceof Element) {
        counts.set(this, (counts.get(this) || 0) + 1);
      }
      if (listener && HOVER_TYPES.has(type) && this instanceof Element) hovers.add(this);
      return add.call(this, type, listener, options);
    },
    removeEventListener(type, listener, options) {
      if (listener && TYPES.has(type) && this instanceof Element && counts.has(this)) {
        const left = counts.get(this) - 1;
        if (left > 0) counts.set(this, left);
        else counts.delete(this);
      }
      return remove.call(this, type, listener, options);
    },
  };
  proto.addEventListener = wrapped.addEventListener;
  proto.removeEventListener = wrapped.removeEventListener;
  // Media elements a script asked to play, for js/media.js: headless Chromium refuses to
  // start sound without a click, where a resident's browser may not, and ``new Audio()`` is
  // never in the document.
  const played = new Set();
  Object.defineProperty(window, Symbol.for("clearway.playedMedia"), {value: played});
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...rest) {
    played.add(this);
    return play.apply(this, rest);
  };
  // Repeating timers and their delays, for js/carousels.js: a carousel that turns by itself
  // is driven by one (id -> delay in ms; cleared ones are removed).
  const intervals = new Map();
  Object.defineProperty(window, Symbol.for("clearway.intervals"), {value: intervals});
  const setEvery = window.setInterval;
  const clearEvery = window.clearInterval;
  window.setInterval = function (handler, delay, ...rest) {
    const id = setEvery.call(this, handler, delay, ...rest);
    intervals.set(id, Number(delay) || 0);
    return id;
  };
  window.clearInterval = function (id) {
    intervals.delete(id);
    return clearEvery.call(this, id);
  };
})();
