"""The content rules' catalogue entries: what each finds, why it matters, how to fix it.

Written for a council editor; ``docs/audit-rules.md`` is generated from these.
"""

from __future__ import annotations

from audit.checks.catalogue import Rule, register
from audit.checks.content import images, links, readability, statement, style, titles, words
from audit.checks.content.links import DOCUMENT_EXTENSIONS
from audit.core.enums import FixedBy, Impact, Level, Outcome, RuleKind

LINK_TEXT = register(
    Rule(
        id=links.LINK_TEXT,
        title="Link text makes sense on its own",
        what=(
            "The link's text (what a screen reader announces for it) does not say where it "
            "goes: “click here”, “here”, “read more”, “more”, “this page”, or a web address."
        ),
        why=(
            "Many screen reader users move through a page by listing its links, and people "
            "scanning a page read links first. “Read more” five times tells them nothing; a web "
            "address is long to listen to and does not say what is there."
        ),
        how=(
            "Write link text that says where the link goes or what the resident can do "
            "there: “Pay your council tax”, “More about council tax”. Put the link on those "
            "words, not on “here”."
        ),
        wcag=("2.4.4",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"extra_phrases": []},
    )
)

SAME_TEXT = register(
    Rule(
        id=links.SAME_TEXT,
        title="The same link text goes to the same place",
        what="Two or more links on the page have the same text but go to different places.",
        why=(
            "Someone who lists the page's links hears the same words twice and cannot tell "
            "which one they need."
        ),
        how=(
            "Make each link's text say where it goes: “Apply for a bus pass” and “Apply for "
            "a blue badge”, not “Apply” twice. Links to the same page may share their text."
        ),
        wcag=("2.4.4",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        # The page's landmarks or sentences may tell the links apart: a person decides.
        outcome=Outcome.NEEDS_REVIEW,
    )
)

DOCUMENT_LINK = register(
    Rule(
        id=links.DOCUMENT_LINK,
        title="Links to documents say the file type and size",
        what=(
            "A link to a document (PDF, Word, spreadsheet, presentation) does not say the file "
            "type and size, for example “Council tax bands (PDF, 120 KB)”."
        ),
        why=(
            "Residents on a phone, on a slow or paid-for connection, or using a screen reader "
            "need to know that a link downloads a file, what will open it and how big it is "
            "before they follow it. Many documents are also harder to use than a web page."
        ),
        how=(
            "Add the type and size to the link text: “Council tax bands (PDF, 120 KB)”. "
            "Better still, publish the information as a web page. Clearway's document "
            "block adds both for you. (Not a WCAG failure on its own: GOV.UK guidance.)"
        ),
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"extensions": list(DOCUMENT_EXTENSIONS)},
    )
)

NEW_WINDOW = register(
    Rule(
        id=links.NEW_WINDOW,
        title="Links that open a new tab say so",
        what=(
            'A link opens in a new tab or window (``target="_blank"``) and its text does not '
            "say so."
        ),
        why=(
            "A new tab is easy to miss, especially with a screen reader or magnifier: the Back "
            "button stops working and people think they are lost. WCAG 3.2.5 (level AAA) asks "
            "that changes of context happen only when people ask for them; it is above the "
            "AA standard councils must meet, so this is advice, and GOV.UK's too."
        ),
        how=(
            "Open links in the same tab. If a new tab really helps (a form that would lose "
            "what the resident typed), add “(opens in new tab)” to the link text."
        ),
        wcag=("3.2.5",),
        level=Level.AAA,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        # Not a failure of 3.2.5 (a link followed is a change the resident asked for).
        outcome=Outcome.ADVICE,
    )
)

READING_AGE = register(
    Rule(
        id=readability.READING_AGE,
        title="Reading age is near the target",
        what=(
            "The page's body text has a reading age well above the target (9 by default, "
            "GOV.UK's aim). Reading age is the Flesch-Kincaid grade level + 5, worked out "
            "from the words per sentence and syllables per word of the page's paragraphs; "
            "headings, tables and short list items are left out, and so are pages with fewer "
            "than 100 words. The audit reports a page when its reading age is more than the "
            "tolerance (4 years by default) above the target, that is above 13 (grade 8, the "
            "usual ceiling for plain English): the formula is rough on short texts, and "
            "short, well-written council pages score 9 to 12. The page editor shows every "
            "page's reading age against the target itself."
        ),
        why=(
            "Most adults read more easily at a reading age of 9, including people with "
            "learning disabilities, people reading in a second language and anyone reading "
            "in a hurry or under stress. Plain English is quicker for everyone."
        ),
        how=(
            "Use shorter sentences and everyday words: “use” not “utilise”, “help” not "
            "“facilitate”. The editor's side panel shows the page's reading age and its "
            "hardest sentences first."
        ),
        wcag=(),
        level=Level.PLAIN_ENGLISH,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"target": 9, "tolerance": 4, "min_words": 100},
    )
)

LONG_SENTENCE = register(
    Rule(
        id=readability.LONG_SENTENCE,
        title="Sentences are short",
        what="A sentence has more than 25 words.",
        why=(
            "Long sentences are harder to follow, especially for people with cognitive or "
            "learning disabilities and people reading on a small screen or with a magnifier."
        ),
        how="Split it into two or three sentences, or use a list. Aim for 15 to 20 words.",
        wcag=(),
        level=Level.PLAIN_ENGLISH,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"max_words": 25},
    )
)

WORDS_TO_AVOID = register(
    Rule(
        id=words.WORDS_TO_AVOID,
        title="Plain words, not jargon",
        what=(
            "The text uses a word or phrase on the list of words to avoid (GOV.UK's list and a "
            "few from the Plain English Campaign, which administrators can change), such as "
            "“utilise”, “in order to” or “facilitate”. Quotations and code are not checked."
        ),
        why=(
            "Jargon and abstract words slow everyone down and can stop people understanding "
            "what they need to do. Some, like “e.g.”, are read out oddly by screen readers."
        ),
        how=(
            "Replace each word the message names with the plainer word suggested beside it, "
            "or rewrite the sentence without it."
        ),
        wcag=(),
        level=Level.PLAIN_ENGLISH,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

BLOCK_CAPITALS = register(
    Rule(
        id=style.BLOCK_CAPITALS,
        title="No text in block capitals",
        what=(
            "Several words in a row are written in capital letters (“PLEASE NOTE”). Acronyms "
            "such as “VAT” or “DVLA” and codes such as “AN1 1AA” are fine."
        ),
        why=(
            "Capitals are harder to read because words lose their shape, and some screen "
            "readers spell them out letter by letter. They also read as shouting."
        ),
        how="Write it in sentence case. For a warning, use the warning text block.",
        wcag=(),
        level=Level.PLAIN_ENGLISH,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"min_words": 2, "min_letters": 10},
    )
)

EMPHASIS = register(
    Rule(
        id=style.EMPHASIS,
        title="No italic or underlined text",
        what=(
            "Text is in italics or underlined for emphasis. A short emphasised phrase "
            "(``<em>``) is fine; so are book titles (``<cite>``) and words in another "
            'language (``<i lang="fr">``).'
        ),
        why=(
            "Italic text is harder to read, especially for people with dyslexia, and "
            "underlined text looks like a link that does not work."
        ),
        how=(
            "Remove the italics or underline. If something is really important, use bold "
            "sparingly, or the inset text or warning text block."
        ),
        wcag=(),
        level=Level.PLAIN_ENGLISH,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"long_em_words": 10},
    )
)

TITLE_DESCRIPTIVE = register(
    Rule(
        id=titles.TITLE_DESCRIPTIVE,
        title="Page titles describe the page",
        what=(
            "The page title says nothing about the page: “Page”, “Untitled”, “New page”, a "
            "file name such as “report_final_v2.docx”, or, on a page that is not the home "
            "page, “Home” or only the site's name (as the header's home link or "
            "``og:site_name`` gives it)."
        ),
        why=(
            "The title is the first thing a screen reader announces and what residents see in "
            "browser tabs, bookmarks and search results. It has to say what the page is for."
        ),
        how="Give the page a title that says what it is for, such as “Pay your council tax”.",
        wcag=("2.4.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"extra_generic_titles": []},
    )
)

TITLE_DUPLICATE = register(
    Rule(
        id=titles.TITLE_DUPLICATE,
        title="Page titles are unique",
        what=(
            "Another page on the site has the same title. (Auditing a list of URLs or a "
            "sitemap, each page is compared with the pages listed before it.)"
        ),
        why=(
            "Residents tell pages apart by their titles in search results, browser tabs and "
            "history. Two pages called the same cannot both describe their purpose."
        ),
        how=(
            "Make each title say what is different about the page: “Apply for a resident "
            "parking permit” and “Apply for a visitor parking permit”. If the pages say the "
            "same thing, keep one and redirect the other."
        ),
        wcag=("2.4.2",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        # Two pages may share a title that describes each well: a person decides.
        outcome=Outcome.NEEDS_REVIEW,
    )
)

DESCRIPTION_MISSING = register(
    Rule(
        id=titles.DESCRIPTION_MISSING,
        title="Pages have a meta description",
        what="The page has no meta description (the summary search engines show).",
        why=(
            "Without one, search results show a random piece of the page, and residents "
            "cannot tell whether it answers their question before they open it."
        ),
        how=(
            "Write one or two sentences that say what the page is for, in the page's "
            "summary or its search description (Promote tab). Not a WCAG criterion: good "
            "practice for findability."
        ),
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

DESCRIPTION_DUPLICATE = register(
    Rule(
        id=titles.DESCRIPTION_DUPLICATE,
        title="Meta descriptions are unique",
        what="Another page on the site has the same meta description.",
        why=(
            "Search results then show two pages with the same summary, and residents cannot "
            "tell which one they need."
        ),
        how="Describe what this page, and no other, is for.",
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

ALT_FILE_NAME = register(
    Rule(
        id=images.ALT_FILE_NAME,
        title="Alt text is not a file name",
        what="An image's alt text is a file name, such as “IMG_1234.jpg” or “photo.png”.",
        why=(
            "Screen reader users hear the file name instead of what the image shows, so they "
            "miss its information."
        ),
        how=(
            "Describe what the image shows that matters on this page, in a sentence. If it is "
            "only decoration, leave the alt text empty."
        ),
        wcag=("1.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

ALT_PLACEHOLDER = register(
    Rule(
        id=images.ALT_PLACEHOLDER,
        title="Alt text is not a placeholder word",
        what=(
            "An image's whole alt text is a word that only says an image is there: “image”, "
            "“photo”, “picture”, “logo”, “graphic”, “banner”, “icon” (with or without a "
            "number). “Logo of Anytown Council” is fine."
        ),
        why=(
            "Screen readers already say it is an image; “image” or “logo” tells residents "
            "nothing about what it shows, so they miss its information."
        ),
        how=(
            "Describe what the image shows that matters on this page; for a logo, give the "
            "organisation's name. If it is only decoration, leave the alt text empty."
        ),
        wcag=("1.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

ALT_CAPTION = register(
    Rule(
        id=images.ALT_CAPTION,
        title="Alt text does not repeat the caption",
        what="An image's alt text is exactly the same as its caption.",
        why="Screen reader users hear the same words twice and learn nothing about the image.",
        how=(
            "Use the alt text to describe the image, and the caption for what everyone "
            "needs to know about it. If the caption already describes it, the alt text can "
            "be empty."
        ),
        wcag=("1.1.1",),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

ALT_PREFIX = register(
    Rule(
        id=images.ALT_PREFIX,
        title="Alt text does not start with “image of”",
        what="An image's alt text starts with “image of”, “picture of”, “photo of” or similar.",
        why=(
            "Screen readers already say it is an image, so residents hear “image, image "
            "of…”: a few wasted words on every image."
        ),
        how="Start with what the image shows: “A gritter on a snowy road”.",
        wcag=("1.1.1",),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

STATEMENT_LINK = register(
    Rule(
        id=statement.STATEMENT_LINK,
        title="Every page links to the accessibility statement",
        what=(
            "The page has no link to the accessibility statement (a link whose text or "
            "address contains “accessibility”, or one of the ``statement_paths``)."
        ),
        why=(
            "Councils must publish an accessibility statement and make it easy to find from "
            "every page (Public Sector Bodies Accessibility Regulations 2018). It tells "
            "residents what does not work yet and how to get information another way."
        ),
        how=(
            "Add a link to the statement in the site's footer template, so it is on every "
            "page. This is a legal duty rather than a WCAG criterion."
        ),
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
        options={"statement_paths": []},
    )
)

#: Rule id -> the function that checks it on one parsed page, in catalogue order.
CHECKS = {
    LINK_TEXT.id: links.check_link_text,
    SAME_TEXT.id: links.check_same_text,
    DOCUMENT_LINK.id: links.check_document_links,
    NEW_WINDOW.id: links.check_new_window,
    READING_AGE.id: readability.check_reading_age,
    LONG_SENTENCE.id: readability.check_long_sentences,
    WORDS_TO_AVOID.id: words.check_words,
    BLOCK_CAPITALS.id: style.check_block_capitals,
    EMPHASIS.id: style.check_emphasis,
    TITLE_DESCRIPTIVE.id: titles.check_title_descriptive,
    TITLE_DUPLICATE.id: titles.check_title_duplicate,
    DESCRIPTION_MISSING.id: titles.check_meta_description,
    DESCRIPTION_DUPLICATE.id: titles.check_description_duplicate,
    ALT_FILE_NAME.id: images.check_alt_file_name,
    ALT_PLACEHOLDER.id: images.check_alt_placeholder,
    ALT_CAPTION.id: images.check_alt_caption,
    ALT_PREFIX.id: images.check_alt_prefix,
    STATEMENT_LINK.id: statement.check_statement_link,
}

# Issue 9: rules where the engines miss (tables, forms, links, markup). ----------------------
# Imported here, not at the top, so that this block stays in one piece.
from audit.checks.content import forms, link_purpose, markup, tables  # noqa: E402

TABLE_HEADERS = register(
    Rule(
        id=tables.NO_HEADERS,
        title="Data tables have header cells",
        what=(
            "A table of data has no header cells (``<th>``). It is reported as a failure when "
            "the table shows it holds data (a caption, a ``<thead>``, a summary or a bold "
            "first row) and as one to check when it only has several rows and columns."
        ),
        why=(
            "Screen readers read each value with its column and row headers (“Band C, "
            "£1,650”). Without header cells, residents hear a string of numbers with no way "
            "to tell what each one is."
        ),
        how=(
            "Mark the top row (and the first column, if it holds labels) as headers: tick "
            "“header row” in the table block, or use ``<th>`` in the HTML. If the table only "
            'lays out the page, add ``role="presentation"`` or use CSS instead.'
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

TABLE_HEADER_SCOPE = register(
    Rule(
        id=tables.HEADER_SCOPE,
        title="Headers in both directions say which way they apply",
        what=(
            "A table has headers across the top and down the first column, and none of them "
            "has a ``scope`` (nor do the cells have ``headers``). Reported to check: most "
            "screen readers guess right on a simple table, some do not."
        ),
        why=(
            "Each value has two headers, its column's and its row's. ``scope`` tells every "
            "screen reader which is which, so residents hear both with the value."
        ),
        how=(
            'Add ``scope="col"`` to the top row\'s headers and ``scope="row"`` to the first '
            "column's."
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

LAYOUT_TABLE = register(
    Rule(
        id=tables.LAYOUT_TABLE,
        title="Tables are not used for layout",
        what=(
            "A table without header cells seems to lay out the page rather than hold data: "
            "its cells hold a form, headings, lists or another table, or it has a single "
            'column or cell. Reported to check; ``role="presentation"`` tables are left alone.'
        ),
        why=(
            "Screen readers announce a table's size and its rows and columns, which makes no "
            "sense for layout, and the reading order follows the cells, not the design. On a "
            "phone, a layout table does not reflow."
        ),
        how=(
            'Lay the content out with CSS. If the table must stay, add ``role="presentation"`` '
            "so it is not announced as a table."
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

NESTED_TABLE = register(
    Rule(
        id=tables.NESTED_TABLE,
        title="Tables are not nested",
        what=(
            "A table sits inside a cell of another table (one that is not "
            '``role="presentation"``). Reported to check.'
        ),
        why=(
            "Screen reader users move through a table cell by cell. Inside a nested table "
            "they lose track of which table, row and column they are in."
        ),
        how="Put the tables one after the other, or combine them into one table.",
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

TABLE_ROW_CELLS = register(
    Rule(
        id=tables.ROW_CELLS,
        title="Every row of a table has the same number of columns",
        what=(
            "The rows of a table with headers cover different numbers of columns (counting "
            "``colspan`` and ``rowspan``). A failure when a row runs past the header row, so "
            "its last cells have no column header; otherwise reported to check."
        ),
        why=(
            "Screen readers read each value with its column header. Cells beyond the header "
            "row have none, and ragged rows make values appear under the wrong header."
        ),
        how=(
            "Give every row the same number of cells; use ``colspan`` for a cell that spans "
            "columns, and an empty cell where there is no value."
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

TABLE_NAME = register(
    Rule(
        id=tables.TABLE_NAME,
        title="Tables have a caption when a page has several",
        what=(
            "The page has two or more data tables and one has no name: no ``<caption>``, "
            "``aria-label`` or ``aria-labelledby``, and no heading just before it. Reported "
            "to check."
        ),
        why=(
            "Screen reader users can jump from table to table; a caption tells them which "
            "one they have reached without reading it."
        ),
        how="Give the table a caption that says what it shows, such as “Council tax bands 2025”.",
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

CHECKS.update(
    {
        TABLE_HEADERS.id: tables.check_table_headers,
        TABLE_HEADER_SCOPE.id: tables.check_header_scope,
        LAYOUT_TABLE.id: tables.check_layout_table,
        NESTED_TABLE.id: tables.check_nested_table,
        TABLE_ROW_CELLS.id: tables.check_row_cells,
        TABLE_NAME.id: tables.check_table_name,
    }
)

FORM_GROUP = register(
    Rule(
        id=forms.GROUP,
        title="Radio buttons and checkboxes are grouped with their question",
        what=(
            "Two or more radio buttons or checkboxes with the same name are not in a "
            '``<fieldset>`` with a ``<legend>`` (or an element with ``role="group"`` or '
            '``"radiogroup"`` and a name). In a table with headers, reported to check.'
        ),
        why=(
            "Screen reader users hear each option (“Yes”, “No”) but not the question it "
            "answers, unless the options are grouped under it."
        ),
        how=(
            "Put the options in a ``<fieldset>`` and write the question in its ``<legend>``. "
            "Form builders usually have a “group” or “fieldset” setting for this."
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

EMPTY_LEGEND = register(
    Rule(
        id=forms.EMPTY_LEGEND,
        title="Legends are not empty",
        what=(
            "A ``<fieldset>`` has a ``<legend>`` with no text (and no ``aria-label``). A "
            "failure when the fieldset groups radio buttons or checkboxes; otherwise reported "
            "to check."
        ),
        why="Screen readers announce the group with nothing to say what it is about.",
        how="Write the question or the group's name in the legend.",
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

PLACEHOLDER_LABEL = register(
    Rule(
        id=forms.PLACEHOLDER_LABEL,
        title="Fields have a label, not just a placeholder",
        what=(
            "A text field's only label is its placeholder (the grey text inside it). A single "
            "field with a named button beside it (a search box) is reported to check."
        ),
        why=(
            "The placeholder disappears as soon as the resident types, so they must remember "
            "what the field was for; it is also faint and hard to read."
        ),
        how="Add a visible ``<label>`` for the field. Keep any example as a hint below it.",
        wcag=("3.3.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

HINT_NOT_LINKED = register(
    Rule(
        id=forms.HINT_NOT_LINKED,
        title="Hints are tied to their field",
        what=(
            "A hint next to a field (an element with ``hint`` or ``help-block`` in its class, "
            "or an id ending in ``-hint``) is not referenced by the field's "
            "``aria-describedby`` (or its group's) and is not inside its label."
        ),
        why=(
            "Screen reader users move from field to field and hear only what is tied to "
            "each field: a hint that is not tied (“Use the format 01 12 2025”) is missed."
        ),
        how=(
            "Give the hint an id and put it in the field's ``aria-describedby``, as the "
            "GOV.UK design system does."
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

SAME_LABEL = register(
    Rule(
        id=forms.SAME_LABEL,
        title="Different fields have different labels",
        what=(
            "Two fields in the same form (and the same fieldset) have the same label. When a "
            "heading between them may say which is which, reported to check."
        ),
        why=(
            "Screen reader users moving from field to field hear the same label twice and "
            "cannot tell which one is for what."
        ),
        how=(
            "Make each label say what the field is for (“Your email address”, “Your "
            "partner's email address”), or put each set of fields in its own fieldset."
        ),
        wcag=("2.4.6",),
        level=Level.AA,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

CHANGE_CONTEXT = register(
    Rule(
        id=forms.CHANGE_CONTEXT,
        title="Choosing an option does not change the page",
        what=(
            "A select (or another field) has an ``onchange`` script that goes to another page "
            "or submits the form as soon as its value changes. Scripts added another way "
            "cannot be seen in the HTML."
        ),
        why=(
            "Keyboard users change a select's option with the arrow keys: the first key press "
            "takes them away before they reach the option they wanted."
        ),
        how="Add a “Go” button and act only when it is pressed.",
        wcag=("3.2.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

CHECKS.update(
    {
        FORM_GROUP.id: forms.check_group,
        EMPTY_LEGEND.id: forms.check_empty_legend,
        PLACEHOLDER_LABEL.id: forms.check_placeholder_label,
        HINT_NOT_LINKED.id: forms.check_hint_not_linked,
        SAME_LABEL.id: forms.check_same_label,
        CHANGE_CONTEXT.id: forms.check_change_context,
    }
)

LINK_NO_DESTINATION = register(
    Rule(
        id=link_purpose.NO_DESTINATION,
        title="Links go somewhere",
        what=(
            "A link's address is ``#`` or ``javascript:``: it goes nowhere, and a script acts "
            "when it is clicked. Reported to check (a “Back to top” link to ``#`` is fine)."
        ),
        why=(
            "Screen readers announce it as a link, so residents expect a new page, and it may "
            "not work from the keyboard or without scripts. Something that acts on the page "
            "is a button."
        ),
        how=(
            "Use a ``<button>`` for something that acts on the page (opens a menu, shows "
            "more), and a real address for a link."
        ),
        wcag=("4.1.2",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

LINK_ADJACENT_SAME = register(
    Rule(
        id=link_purpose.ADJACENT_SAME,
        title="One link for one place, not two side by side",
        what=(
            "Two links next to each other, with no text between them, go to the same place, "
            "one of them an image or icon link (a card's picture and its title, a logo and "
            "the site's name). A file link beside its ``download`` button is fine."
        ),
        why=(
            "Keyboard users press Tab twice to pass one destination, and screen reader users "
            "hear it twice (once perhaps with no name). Not a WCAG failure on its own."
        ),
        how="Put the image and the text inside one link.",
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

LINK_PUNCTUATION = register(
    Rule(
        id=link_purpose.PUNCTUATION,
        title="Link text is words, not symbols",
        what="A link's only text is punctuation or a symbol: “»”, “→”, “>”, “…”, “+”.",
        why=(
            "Screen readers read the symbol's name or nothing at all, so residents who list "
            "the page's links cannot tell where it goes."
        ),
        how=(
            "Use words (“Next page”), or keep the symbol and add visually hidden text or an "
            "``aria-label`` that says where the link goes."
        ),
        wcag=("2.4.4",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

MEDIA_TRANSCRIPT = register(
    Rule(
        id=link_purpose.MEDIA_TRANSCRIPT,
        title="Audio and video links have a transcript nearby",
        what=(
            "A link to an audio or video file (MP3, MP4, WAV...), or an ``<audio>`` player, "
            "has no transcript, captions or sign language version mentioned near it. "
            "Reported to check: the alternative may be elsewhere. (A ``<video>`` without "
            "captions is axe-core's ``video-caption``.)"
        ),
        why=(
            "Deaf and hard of hearing residents cannot hear a recording; a transcript also "
            "helps people who cannot play sound where they are."
        ),
        how=(
            "Publish a transcript (and captions for a video) and link to it next to the recording."
        ),
        wcag=("1.2.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

JUSTIFIED_TEXT = register(
    Rule(
        id=markup.JUSTIFIED,
        title="Text is not justified",
        what=(
            "Text is aligned to both margins (``text-align: justify`` in a ``style`` "
            'attribute or the page\'s ``<style>``, or ``align="justify"``).'
        ),
        why=(
            "Justified text has uneven gaps between words, and “rivers” of white space run "
            "down the page: harder to read, especially for people with dyslexia. WCAG 1.4.8 "
            "(level AAA) asks for text that is not justified."
        ),
        how="Align body text to the left.",
        wcag=("1.4.8",),
        level=Level.AAA,
        impact=Impact.MINOR,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
        # AAA is beyond the AA that councils must meet: advice, like the new-window rule, so
        # it never fails a run or counts in the statement.
        outcome=Outcome.ADVICE,
    )
)

PRESENTATIONAL_ELEMENT = register(
    Rule(
        id=markup.PRESENTATIONAL,
        title="No old presentational elements",
        what=(
            "The page uses an element HTML no longer has, for looks only: ``<font>``, "
            "``<center>``, ``<big>``, ``<tt>``, ``<strike>``, ``<basefont>``. (``<marquee>`` "
            "and ``<blink>`` are axe-core's rules.)"
        ),
        why=(
            "Its look does not reach people who use their own colours and fonts or a screen "
            "reader; it usually comes from pasting out of a word processor, with other "
            "problems. Not a WCAG failure on its own."
        ),
        how="Remove it: use headings, paragraphs and lists, and the site's styles.",
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

DUPLICATE_ID_REFERENCE = register(
    Rule(
        id=markup.DUPLICATE_ID,
        title="Ids that other elements point to are unique",
        what=(
            "Two or more elements share an id that table cells name in ``headers`` (a "
            'failure) or that a link on the page goes to (``href="#id"``, reported to '
            "check), or that a label's ``for`` or an ARIA attribute names while the "
            "element sits beside a later element with that id (a failure: the reference "
            "reaches the first one). Other ids named by ``for`` and ARIA attributes are "
            "axe-core's ``duplicate-id-aria``; ids nothing points to are left alone."
        ),
        why=(
            "The reference finds only the first element: cells are read with the wrong "
            "header, and a skip link or contents link may go to the wrong place."
        ),
        how="Give every element its own id, and point to the right one.",
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

ACCESSKEY = register(
    Rule(
        id=markup.ACCESSKEY,
        title="Access keys do not clash",
        what="An element has an ``accesskey``. Reported to check.",
        why=(
            "Access keys can override the keys of screen readers, browsers and other "
            "tools, and few residents know they exist. WCAG asks nothing of them (they "
            "always need a modifier key)."
        ),
        how="Remove the access key, or check it clashes with no common shortcut.",
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

TITLE_DIFFERS_FROM_ALT = register(
    Rule(
        id=markup.TITLE_ALT,
        title="An image's title does not say what its alt text does not",
        what=(
            "An image has a ``title`` that differs from its alt text, or an empty alt text "
            "(decoration) and a title. Reported to check."
        ),
        why=(
            "Only mouse users see a title, when they hover, and screen readers read the alt "
            "text (some the title too). What the title says may be lost, and an image with a "
            "title may carry information its empty alt text hides."
        ),
        how="Put what matters in the alt text and remove the title.",
        wcag=("1.1.1",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

CHECKS.update(
    {
        LINK_NO_DESTINATION.id: link_purpose.check_no_destination,
        LINK_ADJACENT_SAME.id: link_purpose.check_adjacent_same,
        LINK_PUNCTUATION.id: link_purpose.check_punctuation,
        MEDIA_TRANSCRIPT.id: link_purpose.check_media_transcript,
        JUSTIFIED_TEXT.id: markup.check_justified,
        PRESENTATIONAL_ELEMENT.id: markup.check_presentational,
        DUPLICATE_ID_REFERENCE.id: markup.check_duplicate_id,
        ACCESSKEY.id: markup.check_accesskey,
        TITLE_DIFFERS_FROM_ALT.id: markup.check_title_alt,
    }
)

# Issue 9: images, media and form errors the engines miss. ------------------------------------
from audit.checks.content import animation, captions, errors  # noqa: E402

ANIMATED_GIF = register(
    Rule(
        id=animation.ANIMATED_GIF,
        title="Animated GIFs stop within five seconds",
        what=(
            "An animated GIF on the page moves for more than five seconds, or loops for ever. "
            "A GIF has no pause button. The audit reads the GIF file itself (frame timings "
            "and loop count); small images (icons, loading spinners) are left alone, and a "
            "GIF with a pause or play control beside it, or a still image for residents who "
            "ask for reduced motion, is reported to check."
        ),
        why=(
            "Movement that will not stop pulls attention away from the text. People with "
            "attention difficulties, dyslexia or vestibular disorders may be unable to read "
            "the page, or feel unwell. Neither axe-core nor the browser can pause a GIF."
        ),
        how=(
            "Use a still image, or a video with controls. If it must be a GIF, make it play "
            "once and stop within five seconds, or give it a working pause button."
        ),
        wcag=("2.2.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options={"max_seconds": 5, "min_size": 32, "max_images": 20, "max_bytes": 2097152},
    )
)

VIDEO_CAPTIONS = register(
    Rule(
        id=captions.VIDEO_CAPTIONS,
        title="Videos have captions",
        what=(
            "A video player (``<video>``, or one embedded from YouTube, Vimeo or another "
            "video site) has no captions track, and nothing near it mentions captions. "
            "Reported to check: captions may be burned into the picture or kept by the "
            "video site. A muted background video without controls is left alone; "
            "``<audio>`` is ``clearway-media-transcript``'s."
        ),
        why=(
            "Deaf and hard of hearing residents cannot follow what is said without captions; "
            "captions also help people watching without sound. Automatic captions are often "
            "wrong, especially with local place names."
        ),
        how=(
            "Add captions written or checked by a person: a captions file on the "
            '``<video>`` (``<track kind="captions">``), or the video site\'s own captions. '
            "Say near the player that it has captions, and link to a transcript."
        ),
        wcag=("1.2.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        outcome=Outcome.NEEDS_REVIEW,
    )
)

ERROR_COLOUR_ONLY = register(
    Rule(
        id=errors.ERROR_COLOUR_ONLY,
        title="Form errors are shown in words, not only in colour",
        what=(
            'A form field is marked as wrong (``aria-invalid="true"``, an error class such '
            "as ``govuk-input--error``, or a red border in its own ``style``) but no error "
            "message is tied to it "
            "(``aria-describedby``), shown beside it, or linked to it from an error summary. "
            "Reported to check: a script may add the message later."
        ),
        why=(
            "A red border alone does not reach residents who cannot tell colours apart or "
            "who use a screen reader: they do not know what went wrong, or where."
        ),
        how=(
            "Show the error in words above the field (“Enter your postcode”), tie it to the "
            "field with ``aria-describedby``, and list the errors in a summary at the top of "
            "the page, as the GOV.UK Design System does."
        ),
        wcag=("1.4.1", "3.3.1"),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
        outcome=Outcome.NEEDS_REVIEW,
    )
)

CHECKS.update(
    {
        ANIMATED_GIF.id: animation.check_animated_gif,
        VIDEO_CAPTIONS.id: captions.check_video_captions,
        ERROR_COLOUR_ONLY.id: errors.check_error_colour_only,
    }
)

# Issue 9: language of parts (WCAG 3.1.2). ----------------------------------------------------
from audit.checks.content import language  # noqa: E402

LANGUAGE_OF_PARTS = register(
    Rule(
        id=language.LANGUAGE_OF_PARTS,
        title="Passages in another language are marked with their language",
        what=(
            "A passage of 12 words or more (a paragraph, list item, quotation or table cell) is "
            "in another language than the page, and nothing marks it: no ``lang`` attribute on "
            "it or around it. For example, a paragraph in Welsh, Polish or Urdu on an English "
            "page. The language is guessed from the passage's common words and its alphabet: a "
            "failure when the guess is sure, reported to check when it is fairly sure. Short "
            "text, names, place names and addresses are never reported. When most of the page "
            "is in the other language, the page's own language is wrong instead: "
            "``clearway-page-language`` reports that."
        ),
        why=(
            "Screen readers choose their voice and pronunciation from the language the page "
            "says. Without a ``lang`` on it, a Welsh or Polish paragraph is read out with "
            "English sounds and is hard or impossible to understand, and text in another "
            "alphabet may not be read at all."
        ),
        how=(
            'Mark the passage with its language: add ``lang="cy"`` (Welsh), ``lang="pl"`` '
            '(Polish), ``lang="ur"`` (Urdu)... to its element, or to the section around it '
            "when several passages are in the same language. Where the editor cannot set a "
            "language, publish the translation as its own page in that language, or ask a "
            "developer for a block with a language setting."
        ),
        wcag=("3.1.2",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        options=dict(language.DEFAULTS),
    )
)

LANG_MISMATCH = register(
    Rule(
        id=language.LANG_MISMATCH,
        title="A passage's lang attribute matches its text",
        what=(
            "An element inside the page has a ``lang`` attribute, and a passage in it of 12 "
            'words or more is clearly in another language (``lang="fr"`` on English text, '
            '``lang="en"`` on Welsh). Reported to check: the guess knows the commonest '
            "languages only."
        ),
        why=(
            "Screen readers read the passage with the voice of the language the attribute "
            "names, so a wrong value is as bad as none: the text is read out with the wrong "
            "pronunciation."
        ),
        how=(
            "Correct the ``lang`` value to the passage's language, or remove it if the passage "
            "is in the page's language."
        ),
        wcag=("3.1.2",),
        level=Level.AA,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        outcome=Outcome.NEEDS_REVIEW,
        options=dict(language.DEFAULTS),
    )
)

CHECKS.update(
    {
        LANGUAGE_OF_PARTS.id: language.check_language_of_parts,
        LANG_MISMATCH.id: language.check_lang_mismatch,
    }
)

# Issue 9: fields for the resident's own details say what they are for (WCAG 1.3.5). ------------
from audit.checks.content import autocomplete  # noqa: E402

AUTOCOMPLETE_MISSING = register(
    Rule(
        id=autocomplete.AUTOCOMPLETE,
        title="Fields for the resident's own details say what they are for",
        what=(
            "A field whose label asks for the resident's own email address, telephone "
            "number, name or postcode has no ``autocomplete`` attribute (reported to check "
            'when it is ``autocomplete="off"``). Fields about somebody else ("Their email", '
            "\u201cLandlord's phone number\u201d) and search boxes are left alone."
        ),
        why=(
            "With the attribute, browsers fill the field in, and assistive technology can "
            "show what it is for with a familiar icon. Residents with memory, motor or "
            "reading difficulties then type less and make fewer mistakes."
        ),
        how=(
            'Add the matching value: ``autocomplete="email"``, ``"tel"``, ``"name"``, '
            '``"given-name"``, ``"family-name"`` or ``"postal-code"``, as the GOV.UK Design '
            "System's patterns do."
        ),
        wcag=("1.3.5",),
        level=Level.AA,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.CONTENT,
    )
)

CHECKS[AUTOCOMPLETE_MISSING.id] = autocomplete.check_autocomplete

# Instructions by colour, shape or place (WCAG 1.3.3). ----------------------------------------
from audit.checks.content import sensory  # noqa: E402

SENSORY_INSTRUCTION = register(
    Rule(
        id=sensory.SENSORY_INSTRUCTION,
        title="Instructions do not rely on colour, shape or position alone",
        what=(
            "An instruction picks something on the page out only by how it looks or where it "
            "is: “Click the green button”, “Use the links on the left”, “Press the round icon "
            "in the top right corner”, “Required fields are marked in red”. A label in quotes "
            "or in capitals (“the green Apply button”), or a word that says what the thing "
            "does (“the blue print icon”), names it, and the sentence passes. Instructions "
            "about things in the street (a green recycling box, the button on a parking "
            "machine) and “above” or “below” are left alone. Weaker signs, such as “Related "
            "links are on the right”, are reported to check."
        ),
        why=(
            "Screen reader users hear no colour, shape or place. Residents who cannot tell "
            "colours apart cannot find “the green button”, and on a phone or a magnified "
            "screen the left-hand column is underneath or out of sight."
        ),
        how=(
            "Say the thing's label or name as well: “Select Apply (the green button)”, “Use "
            "the Related services links”, “Required questions say (required)”. Keep the "
            "colour or place if it helps, as long as it is not the only clue."
        ),
        wcag=("1.3.3",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
    )
)

CHECKS[SENSORY_INSTRUCTION.id] = sensory.check_sensory_instructions

# Pictures of words (WCAG 1.4.5). --------------------------------------------------------------
from audit.checks.content import text_images  # noqa: E402

IMAGE_OF_TEXT = register(
    Rule(
        id=text_images.IMAGE_OF_TEXT,
        title="Words are written as text, not shown in pictures",
        what=(
            "An image (``<img>``) seems to show three or more words on lines of printed text: "
            "a notice, banner or poster saved as a picture. The audit reads the picture for "
            "the shape of printed lines (it cannot read the words themselves), so each one is "
            "reported to check. Logos, small images, charts whose labels sit beside tall "
            "bars or lines, and photographs are left alone."
        ),
        why=(
            "Residents who zoom in, use their own colours or fonts, or have the page read "
            "aloud cannot do so with words in a picture: they blur, keep their colours, and "
            "a screen reader hears only the alt text, often shorter than the picture."
        ),
        how=(
            "Write the words in the page as text, with a heading if it is a notice, and keep "
            "the picture only for what it shows besides. Where a picture of words must stay "
            "(a sample of a form, a historic poster), give it alt text that says all its "
            "words, or put them next to it."
        ),
        wcag=("1.4.5",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.CONTENT,
        outcome=Outcome.NEEDS_REVIEW,
        options={
            "min_words": 3,
            "min_width": 150,
            "min_height": 40,
            "max_images": 10,
            "max_bytes": 2097152,
        },
    )
)

CHECKS[IMAGE_OF_TEXT.id] = text_images.check_image_of_text
