// WCAG 2.4.2 and 3.1.1: the page's title, its declared language, and a sample of its text in
// that language (passages marked with another lang are left out). arguments[0]: most words.
const maxWords = arguments[0];
const root = document.documentElement;
const declared = (root.getAttribute("lang") || root.getAttribute("xml:lang") || "").trim();
const container = document.querySelector("main, [role=main]") || document.body;
const words = [];
if (container) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const visible = new Map();
  for (let node = walker.nextNode(); node && words.length < maxWords; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.data.trim()) continue;
    if (/^(script|style|noscript|template|code|pre|textarea)$/.test(parent.localName)) continue;
    const marked = parent.closest("[lang]");
    if (marked && marked !== root && marked.getAttribute("lang").split("-")[0].toLowerCase()
        !== declared.split("-")[0].toLowerCase()) continue;
    if (!visible.has(parent)) visible.set(parent, parent.checkVisibility ? parent.checkVisibility() : true);
    if (!visible.get(parent)) continue;
    words.push(...node.data.toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean));
  }
}
const h1 = document.querySelector("h1");
return {
  title: document.title,
  hasTitle: !!document.querySelector("title"),
  lang: declared,
  path: location.pathname,
  h1: h1 ? h1.textContent.trim().slice(0, 200) : "",
  words: words.slice(0, maxWords),
  titleHtml: (document.querySelector("title") || root).outerHTML.slice(0, 300),
  htmlTag: root.outerHTML.slice(0, root.outerHTML.indexOf(">") + 1).slice(0, 300),
};
