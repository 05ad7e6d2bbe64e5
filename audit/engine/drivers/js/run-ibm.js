// Runs IBM Equal Access's engine (accessibility-checker-engine's ace.js) in the page
// (IbmEngine.run, audit/engine/drivers/ibm.py) and answers {results: [...], ruleset: ...},
// {error: ...}, or {error: ..., missing: true} when the engine is not in the page.
// Passed results are dropped here: a page has hundreds, and only problems are worth sending back.
const guidelineId = arguments[0];
// Rules whose results would all be thrown away (switched off): not run at all.
const skip = new Set(arguments[1] || []);
const done = arguments[arguments.length - 1];
if (typeof window.ace !== "object" || window.ace === null || typeof window.ace.Checker !== "function") {
  done({error: "accessibility-checker-engine is not loaded in this page", missing: true});
  return;
}
// The element's full CSS path, built exactly like axe-core's `ancestry` (axe's
// utils/get-ancestry.js), so the two engines' findings on one element can be matched.
const ancestry = (node) => {
  const name = CSS.escape(node.nodeName.toLowerCase());
  const parent = node.parentNode;
  let nth = "";
  if (name !== "head" && name !== "body" && parent && parent.children && parent.children.length > 1) {
    nth = `:nth-child(${Array.prototype.indexOf.call(parent.children, node) + 1})`;
  }
  return node.parentElement ? `${ancestry(node.parentElement)} > ${name}${nth}` : name + nth;
};
const rendered = (node) => {
  if (!(node instanceof Element)) {
    return true;
  }
  if (typeof node.checkVisibility === "function") {
    return node.checkVisibility();
  }
  return node.getClientRects().length > 0;
};
// Whether the markup gives the element a name, shown or not: `aria-label`, `aria-labelledby`,
// a `<label>` with text of its own, or `title`. The engine ignores labels it judges hidden, such
// as the usual visually-hidden label (`clip-path: inset(50%)`), which do name the field.
const textOf = (node) => (node ? (node.textContent || "").replace(/\s+/g, " ").trim() : "");
const named = (element) => {
  if ((element.getAttribute("aria-label") || "").trim()) {
    return true;
  }
  const ids = (element.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
  if (ids.some((id) => textOf(document.getElementById(id)))) {
    return true;
  }
  // A label wrapped round the field holds the field's own text (a select's options) too.
  const own = textOf(element);
  if (Array.from(element.labels || []).some((label) => textOf(label).replace(own, "").trim())) {
    return true;
  }
  return Boolean((element.getAttribute("title") || "").trim());
};
// Whether a <label> of the element is shown on screen: text of its own, and a box that is not
// the one-pixel, clipped or off-screen box of a visually hidden label.
const labelShown = (element) => Array.from(element.labels || []).some((label) => {
  if (!textOf(label).replace(textOf(element), "").trim() || !rendered(label)) {
    return false;
  }
  const box = label.getBoundingClientRect();
  const style = getComputedStyle(label);
  const clipped = (style.clipPath && style.clipPath !== "none") || (style.clip && style.clip !== "auto");
  return box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > 0 && !clipped;
});
let checker;
let guideline;
try {
  checker = new window.ace.Checker();
  guideline = checker.getGuidelines().find((candidate) => candidate.id === guidelineId);
} catch (error) {
  done({error: String((error && error.message) || error)});
  return;
}
if (!guideline) {
  done({error: `the engine has no rule set ${guidelineId}`});
  return;
}
// The rule set without the skipped rules, as a rule set of its own. (Checker.disableRule
// cannot be used: in this version it disables every rule.)
let runId = guidelineId;
if (skip.size) {
  runId = `clearway-${guidelineId}`;
  try {
    checker.addGuideline({
      ...guideline,
      id: runId,
      checkpoints: guideline.checkpoints.map((checkpoint) => ({
        ...checkpoint,
        rules: (checkpoint.rules || []).filter((rule) => !skip.has(rule.id)),
      })),
    });
  } catch (error) {
    done({error: String((error && error.message) || error)});
    return;
  }
}
// The WCAG success criteria each rule (and, where the rule set says, each reason) checks: the
// engine's own mapping, from the rule set's checkpoints.
const criteria = {};
for (const checkpoint of guideline.checkpoints || []) {
  for (const rule of checkpoint.rules || []) {
    (criteria[rule.id] = criteria[rule.id] || []).push({
      num: checkpoint.num,
      level: checkpoint.wcagLevel,
      reasons: rule.reasonCodes || null,
    });
  }
}
const criteriaFor = (ruleId, reasonId) => (criteria[ruleId] || [])
  .filter((entry) => entry.reasons === null || entry.reasons.includes(String(reasonId)))
  .map((entry) => ({num: entry.num, level: entry.level}));
const helpFor = (ruleId, reasonId) => {
  try {
    return checker.engine.getHelp(ruleId, reasonId);
  } catch (error) {
    return "";
  }
};
const ruleTitle = (report, ruleId) => {
  const messages = (report.nls && report.nls[ruleId]) || {};
  return messages[0] || "";
};
try {
  checker.check(document, [runId]).then(
    (report) => {
      const results = [];
      for (const result of report.results || []) {
        if (result.value[1] === "PASS") {
          continue;
        }
        const node = result.node;
        const element = node instanceof Element ? node : null;
        results.push({
          ruleId: result.ruleId,
          reasonId: String(result.reasonId),
          policy: result.value[0],
          confidence: result.value[1],
          message: result.message,
          title: ruleTitle(report, result.ruleId),
          snippet: result.snippet,
          xpath: result.path && result.path.dom,
          ancestry: element && element.isConnected ? ancestry(element) : null,
          rendered: element ? rendered(element) : true,
          named: element ? named(element) : false,
          labelShown: element ? labelShown(element) : false,
          wcag: criteriaFor(result.ruleId, result.reasonId),
          helpUrl: helpFor(result.ruleId, result.reasonId),
          ...(element && element.isConnected && element.getRootNode() === document
            ? {located: true, ...clearwayWhere(element)}
            : {located: false, region: null, blockId: null}),
        });
      }
      done({results, ruleset: guidelineId});
    },
    (error) => done({error: String((error && error.message) || error)}),
  );
} catch (error) {
  done({error: String((error && error.message) || error)});
}
