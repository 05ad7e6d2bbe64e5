// WCAG 1.4.2 and 2.2.2: media that plays sound by itself, and movement that goes on for more
// than a few seconds, with no way to stop them. arguments[0]: options.
const options = arguments[0];
const CONTROL = /\b(pause|stop|mute|unmute|sound|volume|play|freeze|motion|animation)\b/i;
// A control on the page that can pause or mute: native player controls are checked per
// element; this looks for the page's own buttons.
function pageHasControl() {
  for (const el of document.querySelectorAll(
    "button, [role=button], input[type=button], input[type=checkbox], [role=switch], a[href]")) {
    const name = [el.getAttribute("aria-label"), el.getAttribute("title"), el.textContent,
                  el.value].filter(Boolean).join(" ");
    if (CONTROL.test(name) && CW.shown(el)) return true;
  }
  return false;
}
function sized(el) {
  const rect = el.getBoundingClientRect();
  return Math.max(rect.width, rect.height) >= options.minSize && Math.min(rect.width, rect.height) >= 8;
}
const audio = [];
const moving = [];
let control = null;
const hasControl = () => (control === null ? (control = pageHasControl()) : control);

const played = window[Symbol.for("clearway.playedMedia")] || new Set();
const media = [...document.querySelectorAll("video, audio")];
for (const el of played) if (!el.isConnected) media.push(el);
for (const el of media) {
  if (el.controls) continue;  // the player's own pause and volume
  const playing = el.autoplay || played.has(el) || (!el.paused && !el.ended);
  if (!playing) continue;
  const finite = Number.isFinite(el.duration) && !el.loop;
  const sound = !el.muted && el.volume > 0;
  if (sound) {
    if (finite && el.duration <= options.minSeconds) continue;
    if (hasControl()) continue;
    if (!el.isConnected) {
      // ``new Audio(...)``: nothing on the page to point at but the page itself.
      const source = el.currentSrc || el.src || "a sound";
      audio.push(CW.report(document.documentElement, `A script on the page plays ${source} ` +
        "by itself when the page opens, with no control to pause it or turn it down."));
      continue;
    }
    audio.push(CW.report(el, `${CW.label(el)} plays sound by itself when the page opens, ` +
      "with no control to pause it or turn it down."));
  } else if (el.localName === "video" && CW.shown(el) && sized(el)
             && (!finite || el.duration > options.maxSeconds)) {
    if (hasControl()) continue;
    moving.push(CW.report(el, `${CW.label(el)} plays by itself ` +
      (el.loop ? "in a loop" : `for ${Math.round(el.duration)} seconds`) +
      ", with no control to pause it."));
  }
}
for (const el of document.querySelectorAll("marquee")) {
  if (!CW.shown(el)) continue;
  if (hasControl()) break;
  moving.push(CW.report(el, "This <marquee> scrolls its text for ever, with no way to stop it."));
}
for (const el of document.querySelectorAll("blink")) {
  if (!CW.shown(el) || !el.textContent.trim()) continue;
  moving.push({...CW.report(el, "<blink> asks browsers to flash the text for ever. Today's " +
    "browsers ignore it, but others may not: use ordinary text."), outcome: "needs-review"});
}
// CSS animations and Web Animations that run for ever or longer than allowed.
const animated = new Set();
for (const animation of document.getAnimations ? document.getAnimations() : []) {
  if (animation.playState !== "running") continue;
  const effect = animation.effect;
  const target = effect && effect.target;
  if (!target || target.nodeType !== 1 || animated.has(target)) continue;
  const timing = effect.getComputedTiming();
  const total = timing.endTime;  // delay + iterations x duration, Infinity for infinite
  if (!(total > options.maxSeconds * 1000) || timing.duration === 0) continue;
  const style = getComputedStyle(target);
  if (!CW.shown(target, style) || CW.visuallyHidden(target, style) || !sized(target)) continue;
  // Loading indicators show that something is happening: WCAG lets them move.
  if (target.closest("[role=progressbar], [role=status], [aria-busy=true], progress")) continue;
  if (/spin|load/i.test(target.getAttribute("class") || "")) continue;
  if (hasControl()) break;
  animated.add(target);
  const name = animation.animationName || "an animation";
  const length = Number.isFinite(total) ? `for ${Math.round(total / 1000)} seconds`
    : "for ever";
  moving.push(CW.report(target, `${CW.label(target)} moves by itself (${name}) ${length}, ` +
    "with no control to pause it."));
  if (moving.length >= 10) break;
}
return {audio, moving};
