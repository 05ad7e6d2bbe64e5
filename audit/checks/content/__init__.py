"""Content rules: computed server side from a page's rendered HTML (and the editor's draft)."""
