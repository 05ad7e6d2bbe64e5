// Progressive enhancement for the accessibility findings panel. Without JavaScript the panel
// says "Auditing..." with a link to refresh, and links to the page's screen for the checks on
// the draft. With it:
// - while an audit of the page runs, the panel is fetched again every few seconds and swapped
//   in when the audit is done;
// - the checks on the draft load into the panel the first time it is shown (the editor's
//   Checks side panel is hidden until opened, and rendering the draft costs a moment).
(() => {
  const POLL_MS = 4000;
  const MAX_POLLS = 150; // ten minutes, as long as the server shows "Auditing..."

  async function fetchPanel(address) {
    const url = new URL(address, window.location.href);
    url.searchParams.set('next', window.location.pathname + window.location.search);
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'text/html' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new DOMParser().parseFromString(await response.text(), 'text/html');
  }

  function poll(panel, count) {
    if (count > MAX_POLLS) return;
    window.setTimeout(async () => {
      let doc;
      try {
        doc = await fetchPanel(panel.dataset.clearwayPanelUrl);
      } catch {
        poll(panel, count + 1);
        return;
      }
      const fresh = doc.querySelector('[data-clearway-panel]');
      if (!fresh) return;
      if (fresh.hasAttribute('data-clearway-auditing')) {
        poll(panel, count + 1);
        return;
      }
      panel.replaceWith(fresh);
      const status = fresh.querySelector('[role="status"]');
      if (status) status.textContent = 'Audit finished: the problems below are up to date.';
      enhance(fresh);
    }, POLL_MS);
  }

  function loadDraftChecks(link) {
    const load = async () => {
      try {
        const doc = await fetchPanel(link.dataset.clearwayDraftUrl);
        const section = doc.querySelector('#clearway-draft');
        if (section) link.replaceWith(document.importNode(section, true));
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
