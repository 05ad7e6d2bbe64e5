// Where an element sits: inside an editor-content region (data-clearway-content="<field>") or
// not, and in which StreamField block (the nearest data-block-id="<id>"; ignored outside a
// region, where it would be template markup). The one copy: the browser rules' helpers
// (common.js) and the axe-core run (audit/engine/drivers/js/run-axe.js) both start with it.
function clearwayWhere(element) {
  const region = element.closest("[data-clearway-content]");
  const block = element.closest("[data-block-id]");
  return {
    region: region ? region.getAttribute("data-clearway-content") : null,
    blockId: block && region ? block.getAttribute("data-block-id") : null,
  };
}
