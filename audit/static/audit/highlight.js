// "Show me": outline the element a finding names, in the admin's copy of the page's draft.
// The selector comes from an audited page, so it is only ever given to querySelector (which
// cannot run code) and a bad one is caught. This script is never served on public pages.
(() => {
  const script = document.currentScript;
  const selector = script ? script.dataset.clearwayHighlight : '';
  const label = script ? script.dataset.clearwayLabel : '';

  function notice(text) {
    const box = document.createElement('p');
    box.setAttribute('role', 'status');
    box.textContent = text;
    box.style.cssText =
      'position:fixed;inset-block-start:0;inset-inline:0;margin:0;padding:0.75rem 1rem;' +
      'background:#0b0c0c;color:#fff;font:600 1rem/1.4 sans-serif;z-index:2147483647;';
    document.body.prepend(box);
  }

  function show() {
    let element = null;
    try {
      element = selector ? document.querySelector(selector) : null;
    } catch {
      element = null;
    }
    if (!element) {
      notice('This problem is not on your draft any more, or it could not be found.');
      return;
    }
    element.style.outline = '4px solid #d4351c';
    element.style.outlineOffset = '4px';
    element.scrollIntoView({ block: 'center' });
    notice(`Outlined in red: ${label}`);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
