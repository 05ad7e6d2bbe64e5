"""Plain-English help for IBM Equal Access's rules: a title and how to fix it, for every rule
of its ``WCAG_2_2`` rule set that the audit reports (:mod:`.curation` switches a few off).

IBM's own text for each result (what is wrong, in the engine's words) is stored with the
finding and shown as "What is wrong"; these say, for an editor, what the rule checks and what
to do. :func:`audit.checks.help.help_for` reads them. ``tests/audit/checks/test_ibm_help.py``
asks the installed engine for its rule set and fails when a rule that is reported has no entry
here.
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.core.enums import FixedBy

_EDITOR = FixedBy.EDITOR.value
_DEVELOPER = FixedBy.DEVELOPER.value


@dataclass(frozen=True)
class IbmHelp:
    rule: str
    #: Who can usually fix it (the finding's source says for each element).
    fixed_by: str
    #: One line: what the rule checks, e.g. "Images have a text alternative".
    title: str
    #: How to fix it, in a sentence or two.
    how: str


_ibm = IbmHelp

#: IBM Equal Access rule id -> its help. Grouped as the rules are: links, images, media, forms,
#: tables, structure, landmarks, ARIA, keyboard, the page, style.
IBM_HELP: dict[str, IbmHelp] = {
    help.rule: help
    for help in [
        # Links --------------------------------------------------------------------------------
        _ibm("a_text_purpose", _EDITOR, "Links have text that says where they go",
             "Give the link words that say where it goes. For an image or icon link, give the "
             "image alt text that says where the link goes."),
        _ibm("a_target_warning", _EDITOR, "Links that open a new tab say so",
             "Open the link in the same tab, or add “(opens in new tab)” to its text."),
        _ibm("skip_main_described", _DEVELOPER, "Skip links say where they go",
             "Word the skip link “Skip to main content” (or to wherever it goes) and check its "
             "target exists."),
        _ibm("html_skipnav_exists", _DEVELOPER, "Repeated blocks can be skipped",
             "Add a “Skip to main content” link first on the page, or mark up the page with "
             "landmarks (header, nav, main, footer) so screen reader users can jump past "
             "menus."),
        _ibm("script_onclick_misuse", _DEVELOPER, "Links are real links, not scripts",
             "Use an <a> element with a real address for anything that goes to another page; "
             "use a <button> for something that acts on the page."),
        _ibm("script_onclick_avoid", _DEVELOPER, "Clickable elements are links or buttons",
             "Replace the clickable <div> or <span> with a <button> or a link, so it works "
             "from the keyboard and screen readers announce it."),
        # Images -------------------------------------------------------------------------------
        _ibm("img_alt_valid", _EDITOR, "Images have a text alternative",
             "Describe what the image shows and why it is there, in a sentence. If it is only "
             "decoration, mark it as decorative so screen readers skip it."),
        _ibm("img_alt_misuse", _EDITOR, "Alt text describes the image, not its file",
             "Replace the file name or placeholder in the alt text with a short description of "
             "what the image shows."),
        _ibm("img_alt_decorative", _EDITOR, "Decorative images have empty alt text",
             "Mark the image as decorative (an empty alt text) and give it nothing else a "
             "screen reader would read."),
        _ibm("img_alt_null", _DEVELOPER, "Decorative images are not given a name",
             "Remove the title or aria-label from the image marked as decorative, or, if it "
             "says something, give it real alt text instead."),
        _ibm("img_alt_redundant", _EDITOR, "Image links do not repeat the link text",
             "Give the image in the link an empty alt text when the link's words already say "
             "where it goes, so screen readers do not read them twice."),
        _ibm("img_alt_background", _DEVELOPER, "Background images that say something have text",
             "Put the information as text on the page too, or use an <img> with alt text "
             "instead of a CSS background."),
        _ibm("style_background_decorative", _DEVELOPER, "Images added with CSS are decoration only",
             "Put any image that carries information in the page as an <img> with alt text; "
             "keep CSS for decoration."),
        _ibm("img_ismap_misuse", _DEVELOPER, "Server-side image maps have text links",
             "Replace the server-side image map with ordinary links, or add a text link for "
             "each of its areas."),
        _ibm("img_longdesc_misuse", _DEVELOPER, "Long descriptions point to a web page",
             "Point the longdesc attribute at an HTML page that describes the image, or link "
             "to the description next to the image instead."),
        _ibm("imagemap_alt_exists", _EDITOR, "Image maps and their areas have text alternatives",
             "Give the image map's image alt text, and each clickable area alt text that says "
             "where it goes."),
        _ibm("area_alt_exists", _EDITOR, "Clickable areas of an image map have text",
             "Give each <area> alt text that says where it goes."),
        _ibm("imagebutton_alt_exists", _DEVELOPER, "Image buttons have a text alternative",
             "Give the image button alt text that says what it does, such as “Search”."),
        _ibm("svg_graphics_labelled", _DEVELOPER, "Meaningful SVG images have a name",
             "Give the SVG a <title> or an aria-label that says what it shows, or "
             'aria-hidden="true" if it is only decoration.'),
        _ibm("media_alt_brief", _EDITOR, "Alt text is short",
             "Keep alt text under 150 characters. Put a longer description in the page's text, "
             "next to the image."),
        _ibm("applet_alt_exists", _DEVELOPER, "Applets have a text alternative",
             "Replace the Java applet with HTML, or give it alt text and a description of what "
             "it does."),
        _ibm("object_text_exists", _DEVELOPER, "Embedded objects have a text alternative",
             "Give the <object> an accessible name (aria-label or title) and put a text "
             "alternative inside it."),
        _ibm("embed_alt_exists", _DEVELOPER, "Embedded content has a text alternative",
             "Give the <embed> an accessible name and put the same information as text on the "
             "page, or use an accessible HTML version instead."),
        _ibm("noembed_content_exists", _DEVELOPER, "Alternative content for embeds has text",
             "Write a description or a link to the content inside the <noembed> element."),
        _ibm("canvas_content_described", _DEVELOPER, "Canvas drawings are described",
             "Give the <canvas> a text alternative (inside it, or with aria-label) and make "
             "anything interactive in it work from the keyboard."),
        # Audio and video ----------------------------------------------------------------------
        _ibm("caption_track_exists", _EDITOR, "Videos have captions",
             "Add captions to the video (a captions track, or captions shown in the player), "
             "covering speech and important sounds."),
        _ibm("media_alt_exists", _EDITOR, "Audio and video have a short description",
             "Give the player an accessible name that says what the recording is, and "
             "introduce it in the text next to it."),
        _ibm("media_audio_transcribed", _EDITOR, "Audio has a transcript",
             "Publish a transcript of the recording and link to it next to the player."),
        _ibm("media_track_available", _EDITOR, "Videos describe what is shown",
             "Add audio description, or a text version, for anything the video shows that "
             "the soundtrack does not say."),
        _ibm("media_live_captioned", _EDITOR, "Live video has captions",
             "Turn on live captions for the stream, or provide a live text version."),
        _ibm("media_autostart_controllable", _DEVELOPER,
             "Sound that plays by itself can be stopped",
             "Do not start audio or video automatically; if it must, give it controls to "
             "pause it and turn the sound down."),
        _ibm("media_keyboard_controllable", _DEVELOPER, "Media players work from the keyboard",
             "Use the browser's own controls (the controls attribute) or a player whose "
             "buttons can all be reached and used with the keyboard."),
        # Forms --------------------------------------------------------------------------------
        _ibm("input_label_exists", _DEVELOPER, "Form fields have labels",
             "Give each field a visible <label> that says what to enter, tied to the field with "
             "for and id."),
        _ibm("input_label_visible", _DEVELOPER, "Form fields have a visible label",
             "Show the field's label on the page, not only to screen readers or in a "
             "placeholder."),
        _ibm("input_label_before", _DEVELOPER, "Text fields and selects have their label before",
             "Put the label before (above or to the left of) the text field or select."),
        _ibm("input_label_after", _DEVELOPER, "Checkboxes and radio buttons have their label after",
             "Put the label after (to the right of) the checkbox or radio button."),
        _ibm("label_content_exists", _DEVELOPER, "Labels are not empty",
             "Write in the label what the field is for."),
        _ibm("label_ref_valid", _DEVELOPER, "Labels point to their field",
             "Make the label's for attribute match the id of its field, and give every field "
             "its own id."),
        _ibm("label_name_visible", _DEVELOPER, "A control's name includes its visible text",
             "Make the aria-label start with the words shown on the control, so people who "
             "speak to their computer can say what they see."),
        _ibm("form_label_unique", _DEVELOPER, "Each field has one label",
             "Give the field a single <label>; put extra help in a hint linked with "
             "aria-describedby."),
        _ibm("fieldset_label_valid", _DEVELOPER, "Groups of fields have different names",
             "Give each group of fields its own legend or name, saying what it is about."),
        _ibm("fieldset_legend_valid", _DEVELOPER, "Fieldsets have one legend",
             "Give the <fieldset> a single <legend>, first inside it, with the question or the "
             "group's name."),
        _ibm("input_checkboxes_grouped", _DEVELOPER, "Radio buttons and checkboxes are grouped",
             "Put the options in a <fieldset> and write the question in its <legend>."),
        _ibm("input_fields_grouped", _DEVELOPER, "Related fields are grouped",
             "Put fields that belong together (an address, a date) in a <fieldset> with a "
             "<legend>."),
        _ibm("select_options_grouped", _DEVELOPER, "Long lists of options are grouped",
             "Group related options in a select with <optgroup> and a label for each group."),
        _ibm("input_autocomplete_valid", _DEVELOPER, "Fields about the resident say what they ask",
             "Give fields for the resident's own details the right autocomplete value "
             '(autocomplete="email", "postal-code"...), so browsers can fill them in.'),
        _ibm("input_haspopup_conflict", _DEVELOPER, "Fields with suggestions do not override them",
             "Remove aria-haspopup from the input that has a list of suggestions."),
        _ibm("form_font_color", _DEVELOPER, "Required fields are not shown by colour alone",
             "Mark required fields in words (“required”) or with an asterisk explained on the "
             "page, as well as any colour."),
        _ibm("form_submit_button_exists", _DEVELOPER, "Forms have a submit button",
             "Add a submit button to the form, so it is sent only when the resident chooses."),
        _ibm("form_interaction_review", _DEVELOPER, "Forms do not change the page unexpectedly",
             "Check that filling in the form does not open a new page or window before the "
             "resident presses the button; if it must, say so first."),
        _ibm("input_onchange_review", _DEVELOPER, "Changing a field does not change the page",
             "Act only when the resident presses a button, or tell them beforehand what "
             "changing the field will do."),
        _ibm("script_select_review", _DEVELOPER, "Choosing an option does not change the page",
             "Add a “Go” button and act only when it is pressed, not as soon as an option is "
             "chosen."),
        _ibm("error_message_exists", _DEVELOPER, "Error messages are tied to their field",
             "Give the error message an id, point the field's aria-describedby or "
             "aria-errormessage at it, and show it when the error happens."),
        _ibm("element_accesskey_labelled", _DEVELOPER, "Elements with an access key have a label",
             "Give the element a visible label, or remove the access key."),
        # Tables -------------------------------------------------------------------------------
        _ibm("table_headers_exists", _EDITOR, "Data tables have header cells",
             "Mark the top row (and the first column, if it holds labels) as headers: tick "
             "“header row” in the table block, or use <th> in the HTML."),
        _ibm("table_headers_related", _DEVELOPER, "Cells of complex tables are tied to headers",
             "Give the header cells a scope, or give each data cell a headers attribute "
             "naming its headers; better still, split the table into simpler ones."),
        _ibm("table_headers_ref_valid", _DEVELOPER, "Header references point to header cells",
             "Make each id in a cell's headers attribute match a header cell in the same "
             "table."),
        _ibm("table_scope_valid", _DEVELOPER, "Header scopes are valid",
             'Use scope="col", "row", "colgroup" or "rowgroup" on header cells.'),
        _ibm("table_caption_empty", _EDITOR, "Table captions are not empty",
             "Write what the table shows in its caption, or remove the empty caption."),
        _ibm("table_caption_nested", _DEVELOPER, "Captions are inside their table",
             "Move the <caption> inside the <table>, as its first element."),
        _ibm("table_summary_redundant", _DEVELOPER, "A table's summary does not repeat its caption",
             "Remove the summary, or make it say how the table is laid out rather than "
             "repeating the caption."),
        _ibm("table_structure_misuse", _DEVELOPER, "Layout tables have no header cells",
             "Remove the headers, caption and summary from a table used for layout, or, if it "
             "holds data, remove its role of presentation."),
        _ibm("table_aria_descendants", _DEVELOPER, "Table rows and cells have no ARIA roles",
             "Remove the role attributes from the table's rows and cells."),
        _ibm("table_layout_linearized", _DEVELOPER, "Layout tables read in a sensible order",
             "Lay the content out with CSS; if a layout table must stay, check it makes sense "
             "read row by row."),
        # Structure: headings, lists, quotes, language -----------------------------------------
        _ibm("heading_content_exists", _EDITOR, "Headings are not empty",
             "Write the heading's text, or remove the empty heading."),
        _ibm("heading_markup_misuse", _EDITOR, "Headings are used for headings only",
             "Use a heading only for the title of a section; for big or bold text, use "
             "ordinary text styles."),
        _ibm("text_block_heading", _EDITOR, "Text that looks like a heading is a heading",
             "Make the bold or large line that introduces a section a real heading (Heading "
             "2, Heading 3) in the editor."),
        _ibm("list_markup_review", _EDITOR, "Lists are real lists",
             "Use the editor's bulleted or numbered list, not lines starting with dashes, "
             "stars or numbers."),
        _ibm("list_structure_proper", _EDITOR, "Lists are used for lists only",
             "Use a list only for a set of related items; do not use one to indent text."),
        _ibm("list_children_valid", _DEVELOPER, "Lists hold list items only",
             "Put only list items (<li>, or role=\"listitem\") directly inside the list."),
        _ibm("blockquote_cite_exists", _EDITOR, "Quotation blocks hold quotations",
             "Use the quote block only for words someone said or wrote; indent other text "
             "with ordinary styles."),
        _ibm("text_quoted_correctly", _EDITOR, "Quotations are marked as quotations",
             "Put a long quotation in the quote block, and a short one in quotation marks."),
        _ibm("element_lang_valid", _DEVELOPER, "Language changes use valid language codes",
             'Use a valid language code in lang, such as "cy" for Welsh or "pl" for Polish.'),
        _ibm("html_lang_exists", _DEVELOPER, "The page says its language",
             'Add lang="en" (or the page\'s language) to the <html> element.'),
        _ibm("html_lang_valid", _DEVELOPER, "The page's language code is valid",
             'Use a valid language code on the <html> element, such as "en" or "en-GB".'),
        _ibm("dir_attribute_valid", _DEVELOPER, "Text direction is ltr, rtl or auto",
             'Set dir to "ltr", "rtl" (Arabic, Urdu, Hebrew) or "auto".'),
        _ibm("text_whitespace_valid", _EDITOR, "Spaces are not used to space out letters",
             "Write the word normally; use styles for letter spacing and tables or lists to "
             "line things up."),
        # Landmarks ----------------------------------------------------------------------------
        _ibm("aria_banner_single", _DEVELOPER, "The page has one header landmark",
             "Keep one site header (<header> at the top level, or role=\"banner\"); headers "
             "inside articles or sections are fine."),
        _ibm("aria_contentinfo_single", _DEVELOPER, "The page has one footer landmark",
             "Keep one site footer (<footer> at the top level, or role=\"contentinfo\")."),
        _ibm("aria_contentinfo_misuse", _DEVELOPER, "Pages with a footer landmark have a main one",
             "Wrap the page's main content in <main> when it has a site footer."),
        _ibm("aria_landmark_name_unique", _DEVELOPER,
             "Landmarks of the same kind have different names",
             "Give each navigation, region or other repeated landmark an aria-label that "
             "tells it apart, such as “Main menu” and “Footer links”."),
        _ibm("aria_banner_label_unique", _DEVELOPER, "Header landmarks have different names",
             "Give each header landmark its own aria-label, or keep only one."),
        _ibm("aria_complementary_label_unique", _DEVELOPER, "Side panels have different names",
             "Give each <aside> its own aria-label or heading, such as “Related links”."),
        _ibm("aria_complementary_labelled", _DEVELOPER, "Side panels have a name",
             "Give the <aside> an aria-label or point aria-labelledby at its heading."),
        _ibm("aria_contentinfo_label_unique", _DEVELOPER, "Footer landmarks have different names",
             "Give each footer landmark its own aria-label, or keep only one."),
        _ibm("aria_form_label_unique", _DEVELOPER, "Form landmarks have different names",
             "Give each named form its own aria-label, such as “Search” and “Sign up”."),
        _ibm("aria_main_label_unique", _DEVELOPER, "Main landmarks have different names",
             "Keep one <main> on the page, or give each its own aria-label."),
        _ibm("aria_main_label_visible", _DEVELOPER, "The main content has a visible heading",
             "Start the main content with the page's <h1> and point the <main>'s "
             "aria-labelledby at it, if it has a name."),
        _ibm("aria_navigation_label_unique", _DEVELOPER, "Navigation menus have different names",
             "Give each <nav> its own aria-label, such as “Main menu”, “Breadcrumb” and "
             "“Footer”."),
        _ibm("aria_region_label_unique", _DEVELOPER, "Regions have different names",
             "Give each region its own aria-label or heading."),
        _ibm("aria_region_labelled", _DEVELOPER, "Regions have a name",
             'Give the element with role="region" (or the <section>) an aria-label or '
             "aria-labelledby, or remove the role."),
        _ibm("aria_application_labelled", _DEVELOPER, "Applications have a name",
             'Give the element with role="application" an aria-label that says what it is.'),
        _ibm("aria_application_label_unique", _DEVELOPER, "Applications have different names",
             'Give each element with role="application" its own aria-label.'),
        _ibm("aria_article_label_unique", _DEVELOPER, "Articles have different names",
             "Give each article its own aria-label, or point aria-labelledby at its heading."),
        _ibm("aria_document_label_unique", _DEVELOPER, "Documents have different names",
             'Give each element with role="document" its own aria-label.'),
        _ibm("aria_toolbar_label_unique", _DEVELOPER, "Toolbars have different names",
             "Give each toolbar its own aria-label, such as “Text formatting”."),
        # ARIA ---------------------------------------------------------------------------------
        _ibm("aria_role_allowed", _DEVELOPER, "Elements have a role that suits them",
             "Remove the role, or use the HTML element that has that role already (a "
             "<button> rather than a link with role=\"button\")."),
        _ibm("aria_role_valid", _DEVELOPER, "ARIA roles are real roles",
             "Correct the role's spelling, or remove it: only the roles ARIA defines work."),
        _ibm("aria_attribute_allowed", _DEVELOPER, "ARIA attributes suit the element's role",
             "Remove the ARIA attribute the role does not support, or change the role."),
        _ibm("aria_attribute_required", _DEVELOPER, "Roles have the attributes they need",
             "Add the ARIA attributes the role needs, such as aria-checked on a "
             'role="checkbox", or use the HTML element instead.'),
        _ibm("aria_attribute_exists", _DEVELOPER, "Required ARIA attributes are not empty",
             "Give the ARIA attribute a value, or remove it."),
        _ibm("aria_attribute_value_valid", _DEVELOPER, "ARIA attributes have valid values",
             'Use one of the values the attribute allows, such as "true" or "false".'),
        _ibm("aria_attribute_conflict", _DEVELOPER, "ARIA attributes agree with the HTML",
             "Remove the ARIA attribute that contradicts the HTML one (aria-hidden on a "
             "visible element, aria-checked on a checkbox), and keep the HTML."),
        _ibm("aria_attribute_redundant", _DEVELOPER, "ARIA attributes do not repeat the HTML",
             "Remove the ARIA attribute that says the same as the HTML one (aria-required on "
             "a required field)."),
        _ibm("aria_accessiblename_exists", _DEVELOPER, "Elements with roles have a name",
             "Give the element an aria-label, or point aria-labelledby at the text that names "
             "it."),
        _ibm("aria_widget_labelled", _DEVELOPER, "Interactive elements have a name",
             "Give the control words screen readers can read: visible text, an aria-label, or "
             "aria-labelledby pointing at its label."),
        _ibm("aria_id_unique", _DEVELOPER, "ARIA references point to one element",
             "Make every id named in aria-labelledby, aria-describedby or aria-controls exist "
             "once on the page."),
        _ibm("aria_activedescendant_valid", _DEVELOPER, "The active option exists",
             "Point aria-activedescendant at the id of a visible option inside the widget."),
        _ibm("aria_activedescendant_tabindex_valid", _DEVELOPER,
             "Widgets with an active option can be focused",
             'Give the element with aria-activedescendant tabindex="0" so keyboard users can '
             "reach it."),
        _ibm("aria_child_valid", _DEVELOPER, "Roles have the children they need",
             'Give the element the children its role needs (role="option" inside '
             'role="listbox", role="tab" inside role="tablist").'),
        _ibm("aria_parent_required", _DEVELOPER, "Roles are inside the parent they need",
             'Put the element inside the parent its role needs (role="tab" inside '
             'role="tablist", <li> inside a list).'),
        _ibm("aria_descendant_valid", _DEVELOPER, "Roles inside buttons and images are not hidden",
             "Take the interactive element or text with a role out of the button, image or "
             "other element that hides it from screen readers."),
        _ibm("aria_eventhandler_role_valid", _DEVELOPER, "Clickable elements have a role",
             "Use a <button> or a link for the clickable element, or give it the matching "
             "role and keyboard handling."),
        _ibm("aria_hidden_nontabbable", _DEVELOPER, "Hidden content cannot be focused",
             'Remove aria-hidden="true", or take the links and buttons inside it out of the '
             'tab order (tabindex="-1", or hide them with display: none).'),
        _ibm("application_content_accessible", _DEVELOPER, "Content of applications is readable",
             'Remove role="application" unless the widget handles every key itself, and make '
             "its text and images readable."),
        _ibm("combobox_design_valid", _DEVELOPER, "Comboboxes follow the ARIA 1.2 pattern",
             "Build the combobox as the ARIA Authoring Practices' 1.2 pattern shows, or use a "
             "plain <select> or <input> with a <datalist>."),
        _ibm("combobox_active_descendant", _DEVELOPER, "Comboboxes show which option is active",
             "Keep focus on the combobox's text input and point its aria-activedescendant at "
             "the highlighted option."),
        _ibm("combobox_autocomplete_valid", _DEVELOPER, "Comboboxes say how they complete",
             'Put aria-autocomplete="list" or "both" on the text input only.'),
        _ibm("combobox_focusable_elements", _DEVELOPER, "Only a combobox's input can be focused",
             'Take the popup\'s options out of the tab order (tabindex="-1"); keyboard users '
             "reach them with the arrow keys."),
        _ibm("combobox_haspopup_valid", _DEVELOPER, "Comboboxes say what kind of popup they open",
             "Set aria-haspopup to the popup's role (listbox, grid, tree or dialog), or leave "
             "it out for a listbox."),
        _ibm("combobox_popup_reference", _DEVELOPER, "Comboboxes point to their popup",
             "Point the expanded combobox's aria-controls at the id of its list of options."),
        # Keyboard and focus -------------------------------------------------------------------
        _ibm("aria_keyboard_handler_exists", _DEVELOPER,
             "Interactive widgets work from the keyboard",
             "Make the widget respond to the keys its role needs (Enter and Space, arrow "
             "keys), or use the HTML element that does so already."),
        _ibm("aria_child_tabbable", _DEVELOPER, "Widgets can be reached with the Tab key",
             'Give the widget, or one element inside it, tabindex="0".'),
        _ibm("widget_tabbable_exists", _DEVELOPER, "Components can be reached with the Tab key",
             'Give the component, or one element inside it, tabindex="0".'),
        _ibm("widget_tabbable_single", _DEVELOPER, "Widgets take one Tab stop",
             'Leave one element of the widget in the tab order and give the others '
             'tabindex="-1"; move between them with the arrow keys.'),
        _ibm("element_mouseevent_keyboard", _DEVELOPER, "What works with a mouse works with keys",
             "Make everything that reacts to the mouse (hover, click) also react to the "
             "keyboard, or use a <button> or link."),
        _ibm("iframe_interactive_tabbable", _DEVELOPER,
             "Frames with links or fields can be reached",
             'Remove tabindex="-1" from the frame so keyboard users can reach what is inside.'),
        _ibm("script_focus_blur_review", _DEVELOPER, "Scripts do not move focus away",
             "Check that no script takes focus away from a link, button or field as soon as "
             "it is reached (blur(), or focus() elsewhere)."),
        _ibm("download_keyboard_controllable", _DEVELOPER, "Downloads work from the keyboard",
             "Use an ordinary link to the file, so it downloads from the keyboard and focus "
             "stays where it was."),
        _ibm("draggable_alternative_exists", _DEVELOPER, "What can be dragged can also be clicked",
             "Give every drag-and-drop action a way to do the same with single clicks or taps, "
             "such as “Move up” and “Move down” buttons."),
        _ibm("target_spacing_sufficient", _DEVELOPER, "Buttons and links are big enough to tap",
             "Make small targets at least 24 by 24 CSS pixels, or space them so a 24-pixel "
             "circle around each touches no other."),
        # Frames -------------------------------------------------------------------------------
        _ibm("frame_title_exists", _EDITOR, "Frames have a title",
             "Give the embedded frame (map, video, form) a title that says what it is, such "
             "as “Map of the recycling centre”."),
        _ibm("frame_src_valid", _DEVELOPER, "Frames hold accessible content",
             "Make the frame's content an accessible web page, or link to an accessible "
             "version."),
        # The page -----------------------------------------------------------------------------
        _ibm("page_title_exists", _EDITOR, "Pages have a title",
             "Give the page a title that says what it is for, such as “Pay your council tax”."),
        _ibm("page_title_valid", _EDITOR, "Page titles are descriptive, not file names",
             "Replace the file name in the title with words that say what the page is for."),
        _ibm("meta_refresh_delay", _DEVELOPER, "Pages do not refresh by themselves",
             "Remove the meta refresh, or use a redirect on the server instead."),
        _ibm("meta_viewport_zoomable", _DEVELOPER, "People can zoom the page",
             "Remove user-scalable=no and maximum-scale from the viewport meta tag."),
        _ibm("blink_elem_deprecated", _EDITOR, "Nothing blinks",
             "Remove the <blink> element; make important text stand out with a warning block "
             "instead."),
        _ibm("marquee_elem_avoid", _EDITOR, "Nothing scrolls by itself",
             "Remove the <marquee> element and show the text normally."),
        _ibm("blink_css_review", _DEVELOPER, "Text does not blink",
             "Remove text-decoration: blink, or any animation that makes text flash."),
        # Style --------------------------------------------------------------------------------
        _ibm("text_contrast_sufficient", _DEVELOPER, "Text stands out from its background",
             "Use the site's standard text styles. If the colour comes from the template, ask "
             "a developer to darken the text or lighten the background."),
        _ibm("style_viewport_resizable", _DEVELOPER, "Text can be enlarged to 200%",
             "Size text in rem or em rather than fixed pixels, and let boxes grow with it."),
        _ibm("style_hover_persistent", _DEVELOPER, "Content shown on hover stays while pointed at",
             "Keep content that appears on hover or focus open while the pointer is over it, "
             "and let Escape close it."),
        _ibm("style_highcontrast_visible", _DEVELOPER, "Content still shows in high contrast mode",
             "Put meaningful icons and images in the HTML, not as CSS backgrounds, and check "
             "the page in Windows' contrast themes."),
        _ibm("text_spacing_valid", _DEVELOPER, "Readers can change text spacing",
             "Remove !important from inline letter-spacing, word-spacing and line-height, so "
             "readers' own styles can change them."),
        _ibm("element_orientation_unlocked", _DEVELOPER, "Pages work in both orientations",
             "Remove the CSS that turns the page to portrait or landscape, so it works either "
             "way up."),
    ]
}  # fmt: skip
