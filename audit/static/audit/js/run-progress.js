// Audit runs: while a run is going, refresh its progress every few seconds.
//
// Progressive enhancement only: without JavaScript the page says "reload to see progress".
// The page is fetched again and each element marked data-audit-live is swapped for its new
// version (matched by id), except one holding the keyboard focus. A finished run's new markup
// has no marker, so refreshing stops by itself.
(() => {
  "use strict";
  const INTERVAL = 5000;
  const live = () => document.querySelectorAll("[data-audit-live][id]");

  async function refresh() {
    let response;
    try {
      response = await fetch(window.location.href, { credentials: "same-origin" });
    } catch (error) {
      schedule(); // offline for a moment: try again later
      return;
    }
    if (!response.ok || response.redirected) return; // signed out, or gone: stop
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const element of live()) {
      const replacement = fresh.getElementById(element.id);
      if (replacement && !element.contains(document.activeElement)) {
        element.replaceWith(document.importNode(replacement, true));
      }
    }
    if (live().length) schedule();
  }

  function schedule() {
    window.setTimeout(refresh, INTERVAL);
  }

  if (live().length) schedule();
})();
