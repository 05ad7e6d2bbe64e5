// WCAG 2.2.2: a carousel, slideshow or ticker that turns by itself needs a way to pause it.
// Two calls. "watch": find shown carousel-like regions with no pause or stop control and, if the
// page runs a repeating timer of at most options.maxWait ms, watch them; returns how long to
// wait (0: nothing to watch). "read": stop watching; report the regions that changed.
// arguments[0]: "watch" or "read"; arguments[1]: {maxWait, minSize, maxElements}.
const [phase, options] = arguments;
const key = Symbol.for("clearway.carouselWatch");
const CAROUSEL = /(^|[\s_-])(carousel|slider|slideshow|slides|swiper|slick|glide|splide|rotator|ticker|marquee|news-?scroller|flexslider|owl)([\s_-]|$)/i;
const CONTROL = /\b(pause|stop|play|freeze|halt)\b/i;

function looksLikeCarousel(el) {
  const described = (el.getAttribute("aria-roledescription") || "").toLowerCase();
  if (described === "carousel") return true;
  return CAROUSEL.test((el.getAttribute("class") || "") + " " + (el.id || ""));
}
function hasPauseControl(region) {
  // Inside the region or right beside it (a control bar after the slides).
  const scopes = [region, region.parentElement].filter(Boolean);
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll(
      "button, [role=button], input[type=button], input[type=checkbox], [role=switch], a[href]")) {
      const name = [el.getAttribute("aria-label"), el.getAttribute("title"), el.textContent,
                    el.value].filter(Boolean).join(" ");
      if (CONTROL.test(name)) return true;
    }
  }
  return false;
}

if (phase === "watch") {
  const intervals = window[Symbol.for("clearway.intervals")];
  const delays = intervals ? [...intervals.values()].filter(
    (delay) => delay >= 250 && delay <= options.maxWait) : [];
  if (!delays.length) return 0;
  const regions = [];
  for (const el of document.querySelectorAll("[aria-roledescription], [class], [id]")) {
    if (regions.length >= options.maxElements) break;
    if (!looksLikeCarousel(el) || regions.some((r) => r.contains(el) || el.contains(r))) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < options.minSize || rect.height < options.minSize / 4) continue;
    if (!CW.shown(el) || hasPauseControl(el)) continue;
    regions.push(el);
  }
  if (!regions.length) return 0;
  const changed = new Set();
  const observers = regions.map((region) => {
    const observer = new MutationObserver(() => changed.add(region));
    observer.observe(region, {subtree: true, childList: true, attributes: true,
                              attributeFilter: ["hidden", "class", "style", "aria-hidden"]});
    return observer;
  });
  Object.defineProperty(window, key, {value: {regions, observers, changed}, configurable: true});
  return Math.max(...delays) + 250;
}
const watch = window[key];
if (!watch) return [];
delete window[key];
watch.observers.forEach((observer) => observer.disconnect());
return watch.regions.filter((region) => watch.changed.has(region)).map((region) =>
  CW.report(region, `${CW.label(region)} changes by itself (a carousel, slideshow or ticker ` +
    "that turns on a timer) and has no button to pause or stop it. Residents who read slowly " +
    "or use a screen magnifier lose the text before they finish it."));
