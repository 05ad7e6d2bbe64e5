// Advice on the body text's computed typography: very small text, tight line height, very
// long lines. A bounded sample of paragraphs of real text in the main content, one pass.
// arguments[0]: {minFont, minLineHeight, maxChars, minWords, maxBlocks, maxElements}.
const options = arguments[0];
// Not WCAG AA failures: every report is advice.
const ADVICE = {outcome: "advice"};
const small = [];
const tight = [];
const long = [];
const root = document.querySelector("main, [role=main]") || document.body;
// The text's lines: the line boxes' tops, those less than half a line apart counted once.
function lineCount(el, size) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top)
    .sort((a, b) => a - b);
  let count = 0;
  let last = -Infinity;
  for (const top of tops) {
    if (top > last + size / 2) {
      count += 1;
      last = top;
    }
  }
  return count;
}
let sampled = 0;
for (const el of root ? root.querySelectorAll("p, li, dd, blockquote") : []) {
  if (sampled >= options.maxBlocks) break;
  // Own text only: a list item holding a paragraph is measured through the paragraph.
  if (el.querySelector("p, li, dd, blockquote, div, table")) continue;
  const text = (el.textContent || "").replace(/\s+/g, " ").trim();
  if (text.split(" ").length < options.minWords) continue;
  if (el.closest("nav, header, footer, [role=navigation], [aria-hidden=true], pre, code")) continue;
  const style = getComputedStyle(el);
  if (!CW.shown(el, style) || CW.visuallyHidden(el, style)) continue;
  sampled += 1;
  const size = parseFloat(style.fontSize);
  if (!(size > 0)) continue;
  // "normal" is the font's own spacing (about 1.2): left alone.
  const lineHeight = style.lineHeight === "normal" ? null : parseFloat(style.lineHeight);
  const lines = lineCount(el, size);
  if (size < options.minFont && small.length < options.maxElements) {
    small.push(CW.report(el, `This text is ${size.toFixed(1)} px: small text is hard to ` +
      `read for many people. Body text should be at least 16 px (and never below ${options.minFont} px).`, ADVICE));
  }
  if (lineHeight && lines >= 2 && lineHeight < options.minLineHeight * size
      && tight.length < options.maxElements) {
    tight.push(CW.report(el, `The lines of this paragraph are ${(lineHeight / size).toFixed(2)} ` +
      "times the text size apart: lines that close are hard to track. Use a line height of " +
      "1.5 for body text (at least 1.2).", ADVICE));
  }
  if (lines >= 3 && long.length < options.maxElements) {
    // A full line's characters: the text spread over its lines, the last one half full.
    const perLine = text.length / (lines - 0.5);
    if (perLine > options.maxChars) {
      long.push(CW.report(el, `This paragraph's lines are about ${Math.round(perLine)} ` +
        "characters long. Long lines are hard to read and to find the next line in: keep them " +
        "under 80 characters (max-width around 35em).", ADVICE));
    }
  }
  if (small.length >= options.maxElements && tight.length >= options.maxElements
      && long.length >= options.maxElements) break;
}
return {small, tight, long};
