// Runs axe-core in the page (ClearwayAxe.run, audit/engine/drivers/axe.py) and answers
// {results: ...}, {error: ...}, or {error: ..., missing: true} when axe-core is not in the page.
// Only the fields Clearway reads are sent back: axe's full node data (checks, related nodes) can
// run to megabytes on a bad page, and all of it would be serialised through chromedriver.
const context = arguments[0];
const options = arguments[1];
const done = arguments[arguments.length - 1];
if (typeof window.axe !== "object" || window.axe === null || typeof window.axe.run !== "function") {
  done({error: "axe-core is not loaded in this page", missing: true});
  return;
}
// Where each failing element sits (clearwayWhere, from where.js, prepended to this script).
// Only a target in the top document is looked up (an iframe's or shadow root's target is a
// nested list); anything else, or a selector that no longer matches, is unknown.
const attribution = (target) => {
  const unknown = {located: false, region: null, blockId: null};
  if (!Array.isArray(target) || target.length !== 1 || typeof target[0] !== "string") {
    return unknown;
  }
  let element;
  try {
    element = document.querySelector(target[0]);
  } catch (error) {
    return unknown;
  }
  if (!element) {
    return unknown;
  }
  return {located: true, ...clearwayWhere(element)};
};
const rules = (list) => (list || []).map((rule) => ({
  id: rule.id,
  impact: rule.impact,
  tags: rule.tags,
  description: rule.description,
  help: rule.help,
  helpUrl: rule.helpUrl,
  nodes: (rule.nodes || []).map((node) => ({
    target: node.target,
    html: node.html,
    impact: node.impact,
    failureSummary: node.failureSummary,
    // Only with the ancestry option: the element's full CSS path.
    ...(node.ancestry ? {ancestry: node.ancestry} : {}),
    ...attribution(node.target),
  })),
}));
try {
  window.axe.run(context || document, options).then(
    (results) => done({results: {
      url: results.url,
      timestamp: results.timestamp,
      testEngine: results.testEngine,
      violations: rules(results.violations),
      incomplete: rules(results.incomplete),
    }}),
    (error) => done({error: String((error && error.message) || error)}),
  );
} catch (error) {
  done({error: String((error && error.message) || error)});
}
