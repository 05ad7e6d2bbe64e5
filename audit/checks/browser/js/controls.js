// WCAG 1.4.11: a text field, text area or select must show where it is with 3:1 against what is
// around it: its border, its fill or a shadow drawn as a border. A field whose edge is a pale
// grey line on white is there for the mouse, but many residents with low vision cannot find it.
// arguments[0]: {minRatio, maxElements, maxFields}.
const options = arguments[0];
const found = [];
const FIELDS = "input:not([type]), input[type=text], input[type=email], input[type=tel], " +
  "input[type=search], input[type=url], input[type=number], input[type=password], " +
  "input[type=date], textarea, select";

function parse(colour) {
  const match = /rgba?\(([^)]+)\)/.exec(colour || "");
  if (!match) return null;
  const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
}
function over(top, bottom) {
  const a = top.a;
  return {r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a),
          b: top.b * a + bottom.b * (1 - a), a: 1};
}
function luminance(c) {
  const [r, g, b] = [c.r, c.g, c.b].map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(x, y) {
  const [high, low] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (high + 0.05) / (low + 0.05);
}
// The colour behind ``el``: the nearest opaque background, with translucent ones laid over it.
// null when a picture or gradient is behind it (its colour cannot be known here).
function behind(el) {
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.backgroundImage && style.backgroundImage !== "none") return null;
    const colour = parse(style.backgroundColor);
    if (colour && colour.a > 0) {
      layers.push(colour);
      if (colour.a >= 1) break;
    }
  }
  let result = {r: 255, g: 255, b: 255, a: 1};  // the canvas
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}
// Every colour that draws the field's edge, as it shows over ``outside``.
function edges(style, outside) {
  const colours = [];
  for (const side of ["Top", "Right", "Bottom", "Left"]) {
    const width = parseFloat(style[`border${side}Width`]);
    const kind = style[`border${side}Style`];
    const colour = parse(style[`border${side}Color`]);
    if (width >= 1 && colour && kind !== "none" && kind !== "hidden") {
      colours.push(over(colour, outside));
    }
  }
  // A shadow used as a border ("0 0 0 2px #0b0c0c"): its colour, if it has a spread or offset.
  const shadow = style.boxShadow;
  if (shadow && shadow !== "none" && !/inset/.test(shadow)) {
    const colour = parse(shadow);
    const lengths = (shadow.replace(/rgba?\([^)]*\)/, "").match(/-?[\d.]+px/g) || []).map(parseFloat);
    if (colour && lengths.some((length) => Math.abs(length) >= 1)) colours.push(over(colour, outside));
  }
  const outline = parse(style.outlineColor);
  if (outline && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) {
    colours.push(over(outline, outside));
  }
  return colours;
}
let fields = 0;
for (const field of document.querySelectorAll(FIELDS)) {
  if (found.length >= options.maxElements || fields >= options.maxFields) break;
  if (field.disabled || field.closest("fieldset:disabled")) continue;  // inactive: exempt
  const style = getComputedStyle(field);
  if (!CW.shown(field, style) || CW.visuallyHidden(field, style)) continue;
  const rect = field.getBoundingClientRect();
  if (rect.width < 8 || rect.height < 8) continue;
  fields += 1;
  const outside = behind(field.parentElement);
  if (!outside) continue;
  const fill = parse(style.backgroundColor);
  if (style.backgroundImage && style.backgroundImage !== "none") continue;
  const inside = fill ? over(fill, outside) : outside;
  const best = Math.max(ratio(inside, outside), ...edges(style, outside).map((c) => ratio(c, outside)));
  if (best >= options.minRatio) continue;
  found.push(CW.report(field, `${CW.label(field)} is drawn with ${best.toFixed(1)}:1 against ` +
    `the page around it (its border, fill or shadow); a field's edge needs ` +
    `${options.minRatio}:1 so that people with low vision can find it. Darken the border ` +
    "(GOV.UK uses #0b0c0c) or the field's fill."));
}
return found;
