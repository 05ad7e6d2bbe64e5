// Progressive enhancement for the accessibility findings panel. Without JavaScript the panel
// says "Auditing..." with a link to refresh, and links to the page's screen for the checks on
// the draft. With it:
// - while an audit of the page runs, a small JSON status is polled every few seconds; when the
//   audit is done the panel is fetched once and swapped in, and its live region says so;
// - the checks on the draft load into the panel the first time it is shown (the editor's
//   Checks side panel is hidden until opened, and rendering the draft costs a moment).
(() => {
  const POLL_MS = 4000;
  const MAX_POLLS = 150; // ten minutes, as long as the server shows "Auditing..."

  // One count in the editor's Checks panel: Wagtail's "Issues found" (its checks on the
  // preview, one row each) plus the accessibility problems Clearway found in the draft.
  // Wagtail rewrites its counters and rows after each of its runs; this adds ours after it.
  const COUNTER = '[data-side-panel="checks"] [data-content-checker-count]';
  const TOGGLE_COUNTER = '[data-side-panel-toggle="checks"] [data-side-panel-toggle-counter]';

  function syncIssueCount() {
    const counter = document.querySelector(COUNTER);
    if (!counter) return;
    const wagtail = document.querySelectorAll('[data-checks-panel] [data-content-checker-row]').length;
    const draft = document.querySelector('[data-side-panel="checks"] [data-clearway-draft-problems]');
    const total = String(wagtail + (draft ? Number(draft.dataset.clearwayDraftProblems) || 0 : 0));
    // Written only when it differs: the counters are watched, and a write would call this again.
    if (counter.textContent !== total) counter.textContent = total;
    counter.classList.toggle('has-errors', total !== '0');
    const toggle = document.querySelector(TOGGLE_COUNTER);
    if (toggle) {
      if (toggle.textContent !== total) toggle.textContent = total;
      toggle.hidden = total === '0';
    }
  }

  // The counters are watched as well as the rows: when Wagtail's run finds nothing it writes
  // its own count and empties rows that were already empty, which changes nothing to observe.
  function watchIssueCount() {
    const rows = document.querySelector('[data-side-panel="checks"] [data-checks-panel]');
    if (!rows || rows.dataset.clearwayWatched) return;
    rows.dataset.clearwayWatched = 'true';
    const observer = new MutationObserver(syncIssueCount);
    observer.observe(rows, { childList: true });
    [COUNTER, TOGGLE_COUNTER].forEach((selector) => {
      const counter = document.querySelector(selector);
      if (counter) observer.observe(counter, { childList: true, characterData: true, subtree: true });
    });
  }

  async function fetchPanel(address) {
    const url = new URL(address, window.location.href);
    url.searchParams.set('next', window.location.pathname + window.location.search);
    if (document.querySelector('[data-side-panel="checks"] [data-clearway-panel]')) {
      url.searchParams.set('editor', '1');
    }
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'text/html' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new DOMParser().parseFromString(await response.text(), 'text/html');
  }

  async function auditing(panel) {
    const response = await fetch(panel.dataset.clearwayStatusUrl, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()).auditing;
  }

  // The live region stays in the page while the rest of the panel is swapped: a region that
  // is itself replaced is not reliably announced.
  function announce(status, text) {
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = text;
    }, 100);
  }

  function poll(panel, count) {
    const status = panel.querySelector('[role="status"]');
    if (count > MAX_POLLS) {
      if (status) announce(status, 'The audit is taking longer than usual. Refresh the page later to see the results.');
      return;
    }
    window.setTimeout(async () => {
      try {
        if (await auditing(panel)) {
          poll(panel, count + 1);
          return;
        }
        const url = new URL(panel.dataset.clearwayPanelUrl, window.location.href);
        // Where the panel shows the checks on the draft, they come back with it, rather than
        // as a link that the enhanced panel would follow with a second fetch.
        if (panel.querySelector('#clearway-draft')) url.searchParams.set('draft', '1');
        const doc = await fetchPanel(url.href);
        const fresh = doc.querySelector('[data-clearway-panel]');
        if (!fresh) return;
        const freshStatus = fresh.querySelector('[role="status"]');
        if (status && freshStatus) freshStatus.replaceWith(status);
        panel.replaceWith(fresh);
        if (status) announce(status, 'Audit finished: the problems below are up to date.');
        enhance(fresh);
      } catch {
        poll(panel, count + 1);
      }
    }, POLL_MS);
  }

  function loadDraftChecks(link) {
    const load = async () => {
      try {
        const doc = await fetchPanel(link.dataset.clearwayDraftUrl);
        const section = doc.querySelector('#clearway-draft');
        if (section) link.replaceWith(document.importNode(section, true));
        syncIssueCount();
      } catch {
        // The link stays: it leads to the same checks on the page's own screen.
      }
    };
    // Wagtail's side panels are hidden until opened, and say "show" when they are.
    const sidePanel = link.closest('[data-side-panel]');
    if (sidePanel && sidePanel.hidden) {
      sidePanel.addEventListener('show', load, { once: true });
    } else {
      load();
    }
  }

  function enhance(root) {
    watchIssueCount();
    root.querySelectorAll('[data-clearway-draft-link]').forEach(loadDraftChecks);
    const panels = root.matches('[data-clearway-panel]')
      ? [root]
      : root.querySelectorAll('[data-clearway-panel]');
    panels.forEach((panel) => {
      if (!panel.hasAttribute('data-clearway-auditing') || panel.dataset.clearwayPolling) return;
      panel.dataset.clearwayPolling = 'true';
      poll(panel, 0);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => enhance(document.body));
  } else {
    enhance(document.body);
  }
})();
