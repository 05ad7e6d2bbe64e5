"""Page titles that say nothing about a page: one list for the two rules that judge titles,
``clearway-page-title-descriptive`` (content: the served ``<title>``) and ``clearway-page-title``
(browser: the title after scripts ran, the fallback when the content rule is off).

Entries are lower case, without punctuation at the ends: both rules compare titles so.
"""

from __future__ import annotations

#: Titles that say nothing about any page: placeholders left by editors, templates and tools.
GENERIC_TITLES = frozenset(
    {"untitled", "untitled document", "untitled page", "no title",
     "page", "page title", "title", "my page", "web page", "blank", "blank page",
     "new page", "new page 1", "new document", "new tab", "document",
     "test", "test page", "placeholder", "lorem ipsum", "copy of",
     "website", "my website", "insert title here", "enter title here"}
)  # fmt: skip

#: Titles that only suit a site's home page.
HOME_TITLES = frozenset({"home", "homepage", "home page", "welcome", "index", "default"})
