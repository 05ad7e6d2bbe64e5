"""The browser rules' catalogue entries: what each finds, in plain English, and its options.

The checks themselves are in the group modules (:mod:`.reflow`, :mod:`.spacing`, :mod:`.focus`,
:mod:`.media`, :mod:`.page`); they read their options through ``AuditSettings.rule_options``.
"""

from __future__ import annotations

from audit.checks.catalogue import Rule, register
from audit.checks.placeholder_titles import GENERIC_TITLES, HOME_TITLES
from audit.core.enums import FixedBy, Impact, Level, Outcome, RuleKind

#: Content that needs two dimensions to be used, which WCAG 1.4.10 lets scroll sideways:
#: data tables, media, maps and diagrams drawn in canvas or SVG, embeds and toolbars.
REFLOW_EXEMPT = (
    "table:not([role=presentation]):not([role=none]), [role=table], [role=grid], [role=treegrid],"
    " video, audio, iframe, canvas, svg, object, embed, math, img[usemap], [role=toolbar],"
    " [role=application]"
)

REFLOW = register(
    Rule(
        id="clearway-reflow",
        title="The page fits a narrow screen without scrolling sideways",
        what=(
            "At 320 CSS pixels wide (a phone, or a desktop browser zoomed to 400%) part of the "
            "page is wider than the screen, so people have to scroll sideways to read it."
        ),
        why=(
            "People with low vision zoom in a long way. If every line needs scrolling left and "
            "right, reading becomes slow and tiring, and it is easy to lose your place."
        ),
        how=(
            "Let boxes shrink (use max-width: 100% and relative widths, not fixed pixel widths), "
            "let long words and links wrap (overflow-wrap: anywhere), and put wide tables in a "
            "container that scrolls on its own."
        ),
        wcag=("1.4.10",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={
            "width": 320,
            "height": 256,
            "tolerance": 1,
            "max_elements": 5,
            "exempt": REFLOW_EXEMPT,
        },
    )
)

TEXT_SPACING = register(
    Rule(
        id="clearway-text-spacing",
        title="Text stays readable with wider text spacing",
        what=(
            "When the text spacing is increased (taller lines, more space between paragraphs, "
            "letters and words), some text is cut off or runs over other content."
        ),
        why=(
            "Many people with dyslexia or low vision set wider spacing in their browser to read "
            "more easily. Text that is cut off or overlaps is lost to them."
        ),
        how=(
            "Do not give boxes that hold text a fixed height, or hide their overflow: let them "
            "grow with their text (min-height instead of height)."
        ),
        wcag=("1.4.12",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_elements": 10},
    )
)

RESIZE_TEXT = register(
    Rule(
        id="clearway-resize-text",
        title="Text can be made twice as big without being cut off",
        what=(
            "When the browser's text size is doubled, some text is cut off or runs over other "
            "content."
        ),
        why=(
            "People with low vision make text bigger in their browser settings. If the boxes "
            "around the text do not grow with it, they cannot read what is cut off."
        ),
        how=(
            "Size text in rem or em, and do not give boxes that hold text a fixed height in "
            "pixels or hide their overflow: let them grow with the text."
        ),
        wcag=("1.4.4",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"scale": 2.0, "max_elements": 10},
    )
)

FOCUS_VISIBLE = register(
    Rule(
        id="clearway-focus-visible",
        title="You can see which element has keyboard focus",
        what=(
            "A link, button or form field shows no visible change when it gets keyboard focus, "
            "or stays hidden while it has focus."
        ),
        why=(
            "People who use a keyboard instead of a mouse need to see where they are on the page. "
            "Without a focus indicator they cannot tell what pressing Enter will do."
        ),
        how=(
            "Do not remove the browser's focus outline (outline: none) without replacing it: give "
            "focused elements a clear outline, border, shadow or background, for example with "
            ":focus-visible. Elements that are hidden must not be focusable."
        ),
        wcag=("2.4.7",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_elements": 200, "max_issues": 20},
    )
)

FOCUS_NOT_OBSCURED = register(
    Rule(
        id="clearway-focus-not-obscured",
        title="The focused element is not hidden behind fixed content",
        what=(
            "When this element gets keyboard focus, it is completely covered by a header, footer, "
            "banner or other content that stays in place as the page scrolls."
        ),
        why=(
            "Keyboard users cannot see what they are about to activate if a sticky header or "
            "cookie banner covers it."
        ),
        how=(
            "Leave room for fixed content (scroll-padding on the html element), make banners "
            "closable, or do not fix them in place."
        ),
        wcag=("2.4.11",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_issues": 10},
    )
)

KEYBOARD_TRAP = register(
    Rule(
        id="clearway-keyboard-trap",
        title="Keyboard focus can always move on",
        what=(
            "When keyboard focus reaches this element, pressing Tab does not move it on: focus "
            "stays on the element or goes round a few elements for ever."
        ),
        why=(
            "Someone who uses a keyboard or a switch device is stuck: they cannot reach the rest "
            "of the page, and may have to close the browser."
        ),
        how=(
            "Do not stop the Tab key or move focus back in scripts (keydown, blur or focusout "
            "handlers). Only an open modal dialog may keep focus inside it, and Escape must "
            "close it."
        ),
        wcag=("2.1.2",),
        level=Level.A,
        impact=Impact.CRITICAL,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_candidates": 3, "tabs": 8},
    )
)

KEYBOARD_ACCESS = register(
    Rule(
        id="clearway-keyboard-access",
        title="Everything you can click can be used with a keyboard",
        what=(
            "This element reacts to mouse clicks and looks like a control, but it cannot get "
            "keyboard focus, so keyboard users cannot use it."
        ),
        why=(
            "Many people cannot use a mouse: they use a keyboard, a switch or voice control. A "
            "control they cannot reach is a dead end for them."
        ),
        how=(
            "Use a real <button> for actions and a link (<a href>) for going somewhere. If you "
            'cannot, add tabindex="0", a role, and handle the Enter and Space keys.'
        ),
        wcag=("2.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_issues": 10},
    )
)

AUTOPLAY_AUDIO = register(
    Rule(
        id="clearway-autoplay-audio",
        title="Sound does not start by itself without a way to stop it",
        what=(
            "Audio or video with sound starts playing when the page opens, and the page gives no "
            "way to pause it or turn the sound down."
        ),
        why=(
            "Screen reader users cannot hear their screen reader over the sound, so they cannot "
            "find the control to stop it. Unexpected sound also distresses some people."
        ),
        how=(
            "Do not autoplay media with sound. If you must, show the player's controls (the "
            "controls attribute) or a clear pause or mute button near the top of the page."
        ),
        wcag=("1.4.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"min_seconds": 3},
    )
)

MOVING_CONTENT = register(
    Rule(
        id="clearway-moving-content",
        title="Moving content can be paused",
        what=(
            "Something on the page moves, scrolls or blinks by itself for more than five "
            "seconds, and there is no way to pause or stop it."
        ),
        why=(
            "Movement pulls attention away from the text. People with attention difficulties, "
            "dyslexia or vestibular disorders may be unable to read the page, or feel unwell."
        ),
        how=(
            "Stop animations after five seconds, or add a pause button. Do not use <marquee>. "
            "Respect the prefers-reduced-motion setting as well."
        ),
        wcag=("2.2.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_seconds": 5, "min_size": 32},
    )
)

PAGE_TITLE = register(
    Rule(
        id="clearway-page-title",
        title="The page title says what the page is about",
        what=(
            "The page's title (shown in the browser tab and read first by screen readers) is a "
            'placeholder such as "Untitled" or "Page", or a file name.'
        ),
        why=(
            "The title is how people tell tabs, bookmarks and search results apart, and the first "
            "thing a screen reader says. A placeholder title tells them nothing."
        ),
        how=(
            'Give the page a title that describes it, such as "Pay your council tax", '
            "followed by the site's name."
        ),
        wcag=("2.4.2",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.BROWSER,
        # Home-page titles too: the check lets them pass on the home page only.
        options={"generic_titles": tuple(sorted(GENERIC_TITLES | HOME_TITLES))},
    )
)

PAGE_LANGUAGE = register(
    Rule(
        id="clearway-page-language",
        title="The page's declared language matches its text",
        what=(
            "The page says it is written in one language (the lang attribute of the html "
            "element) but its text is clearly in another."
        ),
        why=(
            "Screen readers pick their voice and pronunciation from the declared language. With "
            "the wrong one, the page is read out with the wrong accent and is hard to understand."
        ),
        how=(
            'Set the lang attribute on the html element to the page\'s language ("en" for '
            'English, "cy" for Welsh), and mark passages in other languages with their own '
            "lang attribute."
        ),
        wcag=("3.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"min_words": 50, "min_share": 0.15, "min_ratio": 3.0},
    )
)

# Issue 9: images and typography the engines miss. --------------------------------------------

BACKGROUND_IMAGE_TEXT = register(
    Rule(
        id="clearway-background-image-text",
        title="Pictures of words are not hidden in background images",
        what=(
            "A large CSS background image (at least 100 by 40 px) is on an element with no "
            "text and no name of its own that looks meaningful: a link, a button, a heading, "
            "a banner or logo, or editor content. Reported to check: the picture may carry "
            "words. A background behind real text, or marked as decoration "
            '(``aria-hidden="true"``), is left alone.'
        ),
        why=(
            "Screen readers cannot read words in a background image, and there is no alt text "
            "to give them. The words also blur when zoomed and cannot take residents' own "
            "colours and fonts."
        ),
        how=(
            "Put the words in the page as real text over the image, or use an ``<img>`` with "
            "alt text that says them. A link or button drawn as a picture needs a name "
            "(visually hidden text or ``aria-label``)."
        ),
        wcag=("1.1.1", "1.4.5"),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        outcome=Outcome.NEEDS_REVIEW,
        options={"min_width": 100, "min_height": 40, "max_elements": 5, "max_scanned": 4000},
    )
)

SMALL_TEXT = register(
    Rule(
        id="clearway-small-text",
        title="Body text is not tiny",
        what=(
            "A paragraph of the main content (eight words or more) is set smaller than 12 CSS "
            "pixels. Advice: WCAG sets no minimum size, only that text can be resized."
        ),
        why=(
            "Small text is hard to read for many people, not only those with low vision, and "
            "not everyone knows how to zoom."
        ),
        how="Set body text at 16 px (1rem) or more, in rem so it follows the browser's setting.",
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"min_font": 12, "min_words": 8, "max_blocks": 60, "max_elements": 3},
    )
)

LINE_HEIGHT = register(
    Rule(
        id="clearway-line-height",
        title="Lines of text are not packed tight",
        what=(
            "A paragraph of two lines or more has a line height under 1.2 times its text size. "
            "Advice (WCAG 1.4.8, level AAA, asks for 1.5)."
        ),
        why=(
            "Tight lines are hard to track from one to the next, especially for people with "
            "dyslexia or low vision."
        ),
        how="Give body text a line height of about 1.5 (``line-height: 1.5``).",
        wcag=("1.4.8",),
        level=Level.AAA,
        impact=Impact.MINOR,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        outcome=Outcome.ADVICE,
        options={"min_line_height": 1.2, "min_words": 8, "max_blocks": 60, "max_elements": 3},
    )
)

LINE_LENGTH = register(
    Rule(
        id="clearway-line-length",
        title="Lines of text are not too long",
        what=(
            "A paragraph of three lines or more has lines of more than about 100 characters "
            "at the audit's window width (1280 px by default). Advice (WCAG 1.4.8, level "
            "AAA, asks for 80 at most)."
        ),
        why=(
            "On long lines the eye loses its place going back to the start of the next one; "
            "people with dyslexia or low vision find long lines especially hard."
        ),
        how="Limit the width of the text column (``max-width: 35em`` or so on paragraphs).",
        wcag=("1.4.8",),
        level=Level.AAA,
        impact=Impact.MINOR,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        outcome=Outcome.ADVICE,
        options={"max_chars": 100, "min_words": 8, "max_blocks": 60, "max_elements": 3},
    )
)

# Keyboard and focus barriers that axe-core and IBM Equal Access rarely see: they need keys
# pressed and the mouse moved (audit.checks.browser.widgets).

FOCUS_ORDER = register(
    Rule(
        id="clearway-focus-order",
        title="Keyboard focus moves in the order the page reads",
        what=(
            "Pressing Tab makes focus jump back up the page, against the order people read it, "
            "because of a positive tabindex or because the page's styles show elements in a "
            "different order from the one they have in the HTML."
        ),
        why=(
            "Keyboard and screen magnifier users follow focus to find their place. When it jumps "
            "back up the page they lose their place, and may miss part of the page or a form."
        ),
        how=(
            'Do not use tabindex values above 0 (use tabindex="0" or none). Put the HTML in the '
            "order the page should be read, rather than reordering it with CSS (flex or grid "
            "order, absolute positioning)."
        ),
        wcag=("2.4.3",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"min_jump": 1.0, "max_issues": 5},
    )
)

MENU_KEYBOARD = register(
    Rule(
        id="clearway-menu-keyboard",
        title="Sub-menus open with the keyboard",
        what=(
            "A navigation menu shows a sub-menu when the mouse moves over it, but keyboard users "
            "can never reach the sub-menu's links: they do not appear when focus reaches the "
            "menu, and no button opens them with Enter or Space."
        ),
        why=(
            "People who use a keyboard, a switch or voice control cannot get to the pages in the "
            "sub-menu at all from this menu."
        ),
        how=(
            "Add a button beside the menu item, with aria-expanded, that opens the sub-menu with "
            "Enter and Space; or show the sub-menu while focus is inside it "
            "(li:focus-within > ul), as well as on hover."
        ),
        wcag=("2.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_menus": 4},
    )
)

DISCLOSURE_KEYBOARD = register(
    Rule(
        id="clearway-disclosure-keyboard",
        title="Show and hide buttons work with the keyboard",
        what=(
            "A control that shows and hides content (it has aria-expanded, like an accordion or "
            "a menu button) cannot get keyboard focus, or does nothing when Enter or Space is "
            "pressed on it."
        ),
        why=(
            "Keyboard users cannot open the section, so they cannot read what is inside it or "
            "use the links in it."
        ),
        how=(
            "Use a real <button> for the control: buttons get focus and work with Enter and "
            "Space without extra code. Keep aria-expanded in step with what is shown."
        ),
        wcag=("2.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_controls": 3},
    )
)

HOVER_CONTENT = register(
    Rule(
        id="clearway-hover-content",
        title="Content shown on hover also shows on keyboard focus",
        what=(
            "Moving the mouse over this element shows more content (a tooltip, a panel or a "
            "list of links), but the element cannot get keyboard focus, or the content does not "
            "appear when it has focus. Check with the keyboard whether the content can be "
            "reached another way."
        ),
        why=(
            "Keyboard users never see content that only the mouse can reveal. If it holds "
            "information or links they need, they miss it."
        ),
        how=(
            "Show the content on focus as well as on hover (:focus-within next to :hover, focus "
            "and blur handlers next to mouse ones) and make the element that reveals it "
            "focusable, or show the content all the time."
        ),
        wcag=("2.1.1", "1.4.13"),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_candidates": 4},
        # Hovering can only suggest a barrier: a person checks.
        outcome=Outcome.NEEDS_REVIEW,
    )
)

DIALOG_FOCUS = register(
    Rule(
        id="clearway-dialog-focus",
        title="Dialogs take focus, keep it while open, and close with Escape",
        what=(
            "A dialog opened by a button on the page does not move keyboard focus into itself "
            "when it opens, lets focus wander to the page behind it while it is modal, or does "
            "not close when Escape is pressed."
        ),
        why=(
            "Keyboard and screen reader users do not know the dialog has opened if focus stays "
            "behind it, get lost on a page they cannot see if focus leaves it, and may be stuck "
            "if they cannot close it."
        ),
        how=(
            "Use the <dialog> element and open it with showModal(): the browser moves focus "
            "into it, keeps focus inside and closes it on Escape. Otherwise, move focus into the "
            "dialog when it opens, keep Tab inside it while it is modal, and close it on Escape."
        ),
        # 2.1.1 too: a control that opens the dialog with a click but not with Enter.
        wcag=("2.4.3", "2.1.2", "2.1.1"),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_dialogs": 2, "wait_ms": 400},
    )
)

# Issue 9: the edges of form fields (WCAG 1.4.11), which neither engine measures. -------------

FIELD_CONTRAST = register(
    Rule(
        id="clearway-field-contrast",
        title="Form fields can be seen against the page",
        what=(
            "A text field, text area or select is drawn with less than 3:1 against the colour "
            "around it: its border, its fill, and any shadow or outline used as a border are "
            "all too pale (a light grey line on white, say). Fields over a picture or gradient, "
            "and disabled fields, are left alone."
        ),
        why=(
            "People with low vision find a field by its edge. When the edge is faint they "
            "cannot see where to click or type, or that there is a field at all."
        ),
        how=(
            "Give the field a border with at least 3:1 against the background (GOV.UK uses "
            "2px of #0b0c0c), or a fill that stands out by as much."
        ),
        wcag=("1.4.11",),
        level=Level.AA,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"min_ratio": 3.0, "max_elements": 5, "max_fields": 40},
    )
)

# Issue 9: carousels that turn on a timer (WCAG 2.2.2), which a single look cannot see. --------

CAROUSEL_PAUSE = register(
    Rule(
        id="clearway-carousel-pause",
        title="Carousels that turn by themselves can be paused",
        what=(
            "A carousel, slideshow or news ticker changes by itself on a timer, and has no "
            "button in or beside it to pause or stop it. The audit watches the carousel for "
            "one turn (at most about five seconds) and reports it only if it changed."
        ),
        why=(
            "Content that moves on before residents finish reading it is lost to people who "
            "read slowly, use a screen magnifier or a screen reader, or are distracted by "
            "movement."
        ),
        how=(
            "Do not turn slides automatically, or add a visible Pause button that stops them "
            "(and stop turning while the carousel has keyboard focus or the mouse is over it)."
        ),
        wcag=("2.2.2",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.DEVELOPER,
        kind=RuleKind.BROWSER,
        options={"max_wait_ms": 5000, "min_size": 100, "max_elements": 3},
    )
)
