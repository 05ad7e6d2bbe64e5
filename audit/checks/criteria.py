"""WCAG 2.2's level A and AA success criteria, each with a plain-English sentence saying what a
failure means for people: what the accessibility statement lists for each failing criterion.

Data, not rules: any finding that names one of these criteria is counted, whichever engine or
rule found it (a PDF check's findings included). 4.1.1 Parsing is obsolete in WCAG 2.2 (always
met) and is never listed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    number: str
    name: str
    level: str
    #: What a failure means, in plain English, as one sentence a statement can print.
    failure: str

    @property
    def sort_key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.number.split("."))


#: Criteria that no longer exist in WCAG 2.2.
OBSOLETE = frozenset({"4.1.1"})

_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("1.1.1", "Non-text content", "A",
     "Some images and other non-text content have no text alternative, so people who cannot "
     "see them miss what they show."),
    ("1.2.1", "Audio-only and video-only (prerecorded)", "A",
     "Some audio or video has no transcript or text description."),
    ("1.2.2", "Captions (prerecorded)", "A",
     "Some videos have no captions, so deaf people and people who are hard of hearing miss "
     "what is said."),
    ("1.2.3", "Audio description or media alternative (prerecorded)", "A",
     "Some videos have no audio description or text alternative for what is shown."),
    ("1.2.4", "Captions (live)", "AA", "Some live audio has no captions."),
    ("1.2.5", "Audio description (prerecorded)", "AA",
     "Some videos have no audio description of what is shown."),
    ("1.3.1", "Info and relationships", "A",
     "Some headings, lists, tables or form fields are not marked up as such, so screen readers "
     "cannot tell people how the content is organised."),
    ("1.3.2", "Meaningful sequence", "A",
     "Some content is read out by screen readers in an order that does not make sense."),
    ("1.3.3", "Sensory characteristics", "A",
     "Some instructions rely only on shape, size, position or sound."),
    ("1.3.4", "Orientation", "AA", "Some content only works in portrait or in landscape."),
    ("1.3.5", "Identify input purpose", "AA",
     "Some form fields about you do not say what they ask for, so browsers cannot fill them in "
     "for you."),
    ("1.4.1", "Use of colour", "A",
     "Some information is given by colour alone, so people who cannot tell colours apart "
     "miss it."),
    ("1.4.2", "Audio control", "A",
     "Some audio plays by itself and cannot be paused or turned down."),
    ("1.4.3", "Contrast (minimum)", "AA",
     "Some text does not stand out enough from its background, so people with low vision may "
     "not be able to read it."),
    ("1.4.4", "Resize text", "AA",
     "Some text cannot be made twice as big without content being lost."),
    ("1.4.5", "Images of text", "AA",
     "Some text is shown as an image, so people cannot resize it or change its colours."),
    ("1.4.10", "Reflow", "AA",
     "Some content does not fit a narrow screen or a page zoomed to 400%, so people have to "
     "scroll sideways."),
    ("1.4.11", "Non-text contrast", "AA",
     "Some buttons, form fields or graphics do not stand out enough from their background."),
    ("1.4.12", "Text spacing", "AA",
     "Some text is cut off or overlaps when people increase the spacing between letters, "
     "words or lines."),
    ("1.4.13", "Content on hover or focus", "AA",
     "Some content that appears on hover or focus cannot be dismissed or disappears too soon."),
    ("2.1.1", "Keyboard", "A", "Some parts cannot be used with a keyboard alone."),
    ("2.1.2", "No keyboard trap", "A",
     "Keyboard users can get stuck in some parts and cannot move on."),
    ("2.1.4", "Character key shortcuts", "A",
     "Some single-key shortcuts cannot be turned off or changed."),
    ("2.2.1", "Timing adjustable", "A",
     "Some time limits cannot be turned off, adjusted or extended."),
    ("2.2.2", "Pause, stop, hide", "A",
     "Some moving, blinking or updating content cannot be paused or stopped."),
    ("2.3.1", "Three flashes or below threshold", "A",
     "Some content flashes more than three times a second, which can cause seizures."),
    ("2.4.1", "Bypass blocks", "A",
     "There is no way to skip repeated content, such as the menu, to reach the main content."),
    ("2.4.2", "Page titled", "A",
     "Some pages have no title, or a title that does not say what the page is about."),
    ("2.4.3", "Focus order", "A",
     "Keyboard users move through some content in an order that does not make sense."),
    ("2.4.4", "Link purpose (in context)", "A",
     "Some links do not say where they go, such as \u2018click here\u2019."),
    ("2.4.5", "Multiple ways", "AA",
     "Some pages can only be found in one way, such as through the menu."),
    ("2.4.6", "Headings and labels", "AA",
     "Some headings or labels do not describe what they are for."),
    ("2.4.7", "Focus visible", "AA",
     "Keyboard users cannot always see where they are on the page."),
    ("2.4.11", "Focus not obscured (minimum)", "AA",
     "Some items are hidden behind other content when keyboard users move to them."),
    ("2.5.1", "Pointer gestures", "A",
     "Some things need gestures such as pinching or swiping, with no simpler way to do them."),
    ("2.5.2", "Pointer cancellation", "A",
     "Some actions happen as soon as people touch or press, so mistakes cannot be undone."),
    ("2.5.3", "Label in name", "A",
     "Some buttons or links have a hidden name that differs from their visible text, so people "
     "using speech recognition cannot say it."),
    ("2.5.4", "Motion actuation", "A",
     "Some things work by shaking or tilting the device, with no other way to do them."),
    ("2.5.7", "Dragging movements", "AA",
     "Some things can only be done by dragging, with no simpler way to do them."),
    ("2.5.8", "Target size (minimum)", "AA",
     "Some buttons or links are too small or too close together to press easily."),
    ("3.1.1", "Language of page", "A",
     "Some pages do not say which language they are in, so screen readers may pronounce them "
     "wrongly."),
    ("3.1.2", "Language of parts", "AA",
     "Some text in another language is not marked, so screen readers may pronounce it wrongly."),
    ("3.2.1", "On focus", "A",
     "Some content changes unexpectedly when people move to it."),
    ("3.2.2", "On input", "A",
     "Some content changes unexpectedly when people fill in a field or choose an option."),
    ("3.2.3", "Consistent navigation", "AA",
     "The menus and links repeated on pages are not always in the same order."),
    ("3.2.4", "Consistent identification", "AA",
     "Some things that do the same job are named differently on different pages."),
    ("3.2.6", "Consistent help", "A",
     "Ways to get help are not always in the same place on every page."),
    ("3.3.1", "Error identification", "A",
     "Some forms do not say clearly which answer is wrong."),
    ("3.3.2", "Labels or instructions", "A",
     "Some form fields have no label or instructions."),
    ("3.3.3", "Error suggestion", "AA",
     "Some forms do not suggest how to correct a wrong answer."),
    ("3.3.4", "Error prevention (legal, financial, data)", "AA",
     "Some forms that make a payment or legal commitment cannot be checked or undone."),
    ("3.3.7", "Redundant entry", "A",
     "Some forms ask for the same information twice."),
    ("3.3.8", "Accessible authentication (minimum)", "AA",
     "Signing in needs people to remember or copy something, with no other way."),
    ("4.1.2", "Name, role, value", "A",
     "Some buttons, links or form fields have no name, or do not tell assistive technology "
     "what they are or what state they are in."),
    ("4.1.3", "Status messages", "AA",
     "Some messages, such as search results or errors, are not announced by screen readers."),
)  # fmt: skip

#: Every level A and AA success criterion of WCAG 2.2, by number.
CRITERIA: dict[str, Criterion] = {
    number: Criterion(number, name, level, failure) for number, name, level, failure in _ROWS
}


def criterion(number: str) -> Criterion | None:
    """The A or AA criterion numbered ``number`` ("1.4.3"), or None (AAA, obsolete, unknown)."""
    return CRITERIA.get(number.strip())
