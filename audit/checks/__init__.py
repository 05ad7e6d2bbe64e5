"""Clearway's own checks (engine ``clearway``), run beside axe-core.

* :mod:`audit.checks.catalogue`: the one rule catalogue (:class:`Rule`) that drives the audit,
  the editor checks, the admin help and the generated docs page;
* :mod:`audit.checks.issues`: what a check reports (:class:`Issue`) and how it becomes a
  :class:`~audit.results.FindingResult`;
* :mod:`audit.checks.content`: rules computed server side from a page's HTML;
* :mod:`audit.checks.browser`: rules that need Chromium.
"""
