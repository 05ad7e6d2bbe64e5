"""Language of parts (WCAG 3.1.2): the language guess, and the two rules on pages."""

# Text in other scripts is the point: its full stops and commas are not typing mistakes.
# ruff: noqa: RUF001

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from audit.checks.content import DEFAULT_TERMS, check_html
from audit.checks.content.language import LANG_MISMATCH, LANGUAGE_OF_PARTS
from audit.checks.content.language_guess import guess, not_in, primary, scripts_of
from audit.core.conf import AuditSettings
from audit.core.enums import Outcome
from tests.audit.checks.content.conftest import issues, page

PAGES = Path(__file__).parent / "pages"

# The same council message (food waste is collected weekly; put the caddy out by 7am; tell us
# if we missed it), as councils publish it.
TEXTS = {
    "en": "The council collects food waste every week. Please put your caddy at the edge of the "
    "pavement by 7am on your collection day. If your waste has not been collected, you can tell "
    "us online or phone the contact centre and we will arrange another visit.",
    "cy": "Mae'r cyngor yn casglu gwastraff bwyd bob wythnos. Rhowch eich cadi bwyd ar ymyl y "
    "palmant erbyn 7 o'r gloch y bore ar y diwrnod casglu. Os nad yw eich gwastraff wedi cael "
    "ei gasglu, gallwch roi gwybod i ni ar-lein neu ffonio'r ganolfan gyswllt.",
    "pl": "Rada zbiera odpady spożywcze co tydzień. Prosimy wystawić pojemnik na skraju chodnika "
    "do godziny 7 rano w dniu odbioru. Jeśli odpady nie zostały odebrane, można to zgłosić przez "
    "internet lub zadzwonić do naszego biura obsługi klienta.",
    "ro": "Consiliul colectează deșeurile alimentare în fiecare săptămână. Vă rugăm să puneți "
    "recipientul la marginea trotuarului până la ora 7 dimineața în ziua colectării. Dacă "
    "deșeurile nu au fost colectate, ne puteți anunța online sau puteți suna la centrul de "
    "contact.",
    "so": "Golaha ayaa ururiya qashinka cuntada toddobaad kasta. Fadlan dhig weelkaaga cuntada "
    "geeska wadada ka hor saacadda 7 subaxnimo maalinta ururinta. Haddii qashinkaaga aan la "
    "qaadin, waxaad nagu soo wargelin kartaa khadka internetka ama waxaad wici kartaa xarunta "
    "la xiriirka.",
    "lt": "Taryba kiekvieną savaitę surenka maisto atliekas. Prašome pastatyti savo konteinerį "
    "prie šaligatvio krašto iki 7 valandos ryto surinkimo dieną. Jei jūsų atliekos nebuvo "
    "surinktos, galite mums pranešti internetu arba paskambinti į kontaktų centrą.",
    "fr": "Le conseil collecte les déchets alimentaires chaque semaine. Veuillez placer votre bac "
    "au bord du trottoir avant 7 heures le jour de la collecte. Si vos déchets n'ont pas été "
    "collectés, vous pouvez nous le signaler en ligne ou appeler le centre de contact.",
    "es": "El ayuntamiento recoge los residuos de comida cada semana. Por favor, coloque su "
    "contenedor en el borde de la acera antes de las 7 de la mañana el día de recogida. Si no se "
    "han recogido sus residuos, puede informarnos en línea o llamar al centro de contacto.",
    "pt": "A câmara recolhe os resíduos alimentares todas as semanas. Por favor, coloque o seu "
    "contentor na beira do passeio até às 7 da manhã no dia da recolha. Se os seus resíduos não "
    "foram recolhidos, pode informar-nos online ou ligar para o centro de contacto.",
    "de": "Der Rat sammelt jede Woche Lebensmittelabfälle. Bitte stellen Sie Ihren Behälter bis "
    "7 Uhr morgens am Abholtag an den Rand des Gehwegs. Wenn Ihre Abfälle nicht abgeholt wurden, "
    "können Sie uns dies online melden oder das Kontaktzentrum anrufen.",
    "ur": "کونسل ہر ہفتے کھانے کا فضلہ جمع کرتی ہے۔ براہ کرم جمع کرنے کے دن صبح 7 بجے تک اپنا "
    "کیڈی فٹ پاتھ کے کنارے پر رکھ دیں۔ اگر آپ کا فضلہ جمع نہیں کیا گیا ہے تو آپ ہمیں آن لائن "
    "بتا سکتے ہیں یا رابطہ مرکز کو فون کر سکتے ہیں۔",
    "ar": "يجمع المجلس نفايات الطعام كل أسبوع. يرجى وضع صندوق الطعام على حافة الرصيف قبل الساعة "
    "السابعة صباحا في يوم الجمع. إذا لم يتم جمع النفايات، يمكنك إبلاغنا عبر الإنترنت أو "
    "الاتصال بمركز الاتصال.",
    "pa": "ਕੌਂਸਲ ਹਰ ਹਫ਼ਤੇ ਭੋਜਨ ਦੀ ਰਹਿੰਦ-ਖੂੰਹਦ ਇਕੱਠੀ ਕਰਦੀ ਹੈ। ਕਿਰਪਾ ਕਰਕੇ ਇਕੱਠਾ ਕਰਨ ਵਾਲੇ ਦਿਨ "
    "ਸਵੇਰੇ 7 ਵਜੇ ਤੱਕ ਆਪਣਾ ਡੱਬਾ ਫੁੱਟਪਾਥ ਦੇ ਕਿਨਾਰੇ ਰੱਖੋ। ਜੇ ਤੁਹਾਡਾ ਕੂੜਾ ਇਕੱਠਾ ਨਹੀਂ ਕੀਤਾ ਗਿਆ "
    "ਹੈ ਤਾਂ ਤੁਸੀਂ ਸਾਨੂੰ ਔਨਲਾਈਨ ਦੱਸ ਸਕਦੇ ਹੋ।",
    "bn": "কাউন্সিল প্রতি সপ্তাহে খাবারের বর্জ্য সংগ্রহ করে। অনুগ্রহ করে সংগ্রহের দিন সকাল "
    "৭টার মধ্যে আপনার পাত্রটি ফুটপাতের ধারে রাখুন। যদি আপনার বর্জ্য সংগ্রহ করা না হয়ে থাকে "
    "তবে আপনি আমাদের অনলাইনে জানাতে পারেন বা যোগাযোগ কেন্দ্রে ফোন করতে পারেন।",
    "zh": "市议会每周收集食物垃圾。请在收集日早上7点前将您的食物垃圾桶放在人行道边。如果您的垃圾"
    "没有被收集，您可以在网上告诉我们，或致电联络中心。",
}
#: English with Welsh place names and borrowed words: English, with no doubt.
PLACES = (
    "The number 9 bus runs from Pen-y-bont ar Ogwr to Llanfair ym Muallt, stopping at Heol y "
    "Frenhines, Betws-y-coed and Llanymddyfri on the way. Tickets can be bought on the bus, and "
    "children under 5 travel free with an adult."
)
BORROWED = (
    "The café in the park is open from 9am, and the ad hoc committee meets there on Tuesdays. "
    "Croeso to everyone: the menu includes bara brith and cawl, and staff can help you choose "
    "something if you have an allergy or other dietary needs."
)
NAMES = (
    "Councillors: Dafydd ap Gwilym, Llinos Huws, Siân ap Rhys, Gwenllian y Fferm, Rhodri ap "
    "Iorwerth, Mair ferch Owain, Huw ap Dafydd, Owain y Glyn, Catrin ferch Gruffudd, Ifan ap "
    "Hywel, Nia ferch Siôn, Elin y Llan, Rhys ap Tomos."
)
#: Lithuanian with few common words, in 26 words: fairly sure, not sure.
FAIRLY_SURE = (
    "Taryba kiekvieną savaitę surenka maisto atliekas iš namų. Prašome pastatyti konteinerį prie "
    "šaligatvio krašto iki septintos valandos ryto surinkimo dieną, kad darbuotojai galėtų jį "
    "ištuštinti laiku."
)


# The guess ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_each_language_is_recognised(language: str) -> None:
    passage = guess(TEXTS[language])
    assert passage.language == language
    assert passage.words >= 25
    expected = 0.0 if language == "en" else 0.8
    assert (not_in(passage, "en", min_words=25) >= 0.8) == (expected > 0)
    assert not_in(passage, language, min_words=25) == 0.0


@pytest.mark.parametrize("text", [PLACES, BORROWED, NAMES], ids=["places", "borrowed", "names"])
def test_english_with_welsh_names_and_borrowed_words_is_not_foreign(text: str) -> None:
    assert not_in(guess(text), "en", min_words=25) == 0.0


def test_a_list_of_names_is_no_language() -> None:
    passage = guess(NAMES)
    assert passage.capitalised > 0.6
    assert not_in(passage, "cy", min_words=25) == not_in(passage, "es", min_words=25) == 0.0


def test_short_text_is_never_judged() -> None:
    welsh = guess("Croeso i Gymru. Diolch yn fawr iawn am eich amser.")
    assert not_in(welsh, "en", min_words=5) >= 0.8  # clearly Welsh, ten words
    assert not_in(welsh, "en", min_words=25) == 0.0
    assert not_in(guess("Croeso"), "en", min_words=25) == 0.0


def test_half_english_half_welsh_is_not_clearly_either() -> None:
    mixed = (
        "Croeso i'r cyngor. Welcome to the council. Mae'r wybodaeth hon ar gael yn Saesneg hefyd. "
        "This information is also available in Welsh, and you can ask for it in large print."
    )
    assert not_in(guess(mixed), "en", min_words=25) == 0.0
    assert not_in(guess(mixed), "cy", min_words=25) < 0.8


def test_scripts_and_language_tags() -> None:
    assert primary("en-GB") == primary("EN_gb") == "en"
    assert scripts_of("pa") == {"Gurmukhi"}
    assert scripts_of("pa-Arab") == {"Arabic"}
    assert scripts_of("ja") == {"Han", "Kana"}
    assert scripts_of("cy") == {"Latin"}
    # Urdu and Arabic share a script; their common words tell them apart.
    assert not_in(guess(TEXTS["ur"]), "ur", min_words=25) == 0.0
    assert not_in(guess(TEXTS["ur"]), "ar", min_words=25) >= 0.8
    # Punjabi in Shahmukhi (Arabic script) marked as such is not contradicted.
    assert not_in(guess(TEXTS["ur"]), "pa-Arab", min_words=25) == 0.0
    japanese = (
        "市議会は毎週食品廃棄物を収集します。収集日の午前7時までに容器を歩道に置いてください。"
    )
    japanese *= 2
    assert guess(japanese).language == "ja"
    # A language the guesser does not know is never contradicted.
    assert not_in(guess(TEXTS["en"]), "haw", min_words=25) == 0.0


# The rules on a page -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["cy", "pl", "ur"])
def test_an_unmarked_passage_in_another_language_fails(language: str) -> None:
    html = page(f"<p>{TEXTS['en']}</p><p>{TEXTS['en']}</p><p>{TEXTS[language]}</p>")
    found = issues(html, LANGUAGE_OF_PARTS)
    assert [(i.outcome, i.selector) for i in found] == [
        (Outcome.VIOLATION, '[data-clearway-content="body"] > p:nth-of-type(3)')
    ]
    assert f'lang="{language}"' in found[0].message
    assert issues(html, LANG_MISMATCH) == []


@pytest.mark.parametrize(
    "body",
    [
        f"<p>{TEXTS['en']}</p><p lang='cy'>{TEXTS['cy']}</p>",
        f"<p>{TEXTS['en']}</p><div lang='cy-GB'><p>{TEXTS['cy']}</p><p>{TEXTS['cy']}</p></div>",
        f"<p>{TEXTS['en']}</p><p lang='ur' dir='rtl'>{TEXTS['ur']}</p>",
        f"<p>{TEXTS['en']}</p><p>In Welsh: <span lang='cy'>{TEXTS['cy']}</span></p>",
        f"<h2>Croeso</h2><p>{TEXTS['en']}</p><p>{PLACES}</p><p>{BORROWED}</p>",
        f"<p>{TEXTS['en']}</p><p>Our motto is <q>Cymru am byth</q>, and the café is open.</p>",
        f"<p>{TEXTS['en']}</p><pre><code>{TEXTS['pl']}</code></pre>",
    ],
    ids=["marked", "marked-section", "urdu-marked", "inline", "names", "short-quote", "code"],
)
def test_marked_passages_short_text_names_and_code_pass(body: str) -> None:
    html = page(body)
    assert issues(html, LANGUAGE_OF_PARTS) == []
    assert issues(html, LANG_MISMATCH) == []


def test_a_long_unmarked_quotation_fails() -> None:
    html = page(f"<p>{TEXTS['en']}</p><p>{PLACES}</p><blockquote>{TEXTS['cy']}</blockquote>")
    assert [i.outcome for i in issues(html, LANGUAGE_OF_PARTS)] == [Outcome.VIOLATION]


def test_a_fairly_sure_guess_needs_review() -> None:
    html = page(f"<p>{TEXTS['en']}</p><p>{PLACES}</p><ul><li>{FAIRLY_SURE}</li></ul>")
    found = issues(html, LANGUAGE_OF_PARTS)
    assert [i.outcome for i in found] == [Outcome.NEEDS_REVIEW]
    assert "looks like it is in Lithuanian" in found[0].message


def test_the_thresholds_are_options() -> None:
    html = page(f"<p>{TEXTS['en']}</p><p>{TEXTS['en']}</p><p>{TEXTS['cy']}</p>")
    strict = AuditSettings(
        RULE_OPTIONS={LANGUAGE_OF_PARTS: {"violation_confidence": 0.99, "min_words": 25}}
    )
    assert [i.outcome for i in issues(html, LANGUAGE_OF_PARTS, config=strict)] == [
        Outcome.NEEDS_REVIEW
    ]
    longer = AuditSettings(RULE_OPTIONS={LANGUAGE_OF_PARTS: {"min_words": 60}})
    assert issues(html, LANGUAGE_OF_PARTS, config=longer) == []


def test_english_on_a_welsh_page_is_the_foreign_part() -> None:
    html = page(f"<p>{TEXTS['cy']}</p><p>{TEXTS['cy']}</p><p>{TEXTS['en']}</p>").replace(
        'lang="en-GB"', 'lang="cy"'
    )
    found = issues(html, LANGUAGE_OF_PARTS)
    assert len(found) == 1 and "is in English" in found[0].message


def test_a_page_wholly_in_another_language_is_left_to_the_page_language_rule() -> None:
    # Its <html lang> is wrong (WCAG 3.1.1): clearway-page-language reports that, once.
    html = page(f"<p>{TEXTS['cy']}</p><p>{TEXTS['cy']}</p><p>{TEXTS['en']}</p>")
    assert issues(html, LANGUAGE_OF_PARTS) == []


def test_a_lang_on_main_that_repeats_the_page_language_marks_nothing() -> None:
    html = page(f"<p>{TEXTS['en']}</p><p>{TEXTS['en']}</p><p>{TEXTS['pl']}</p>").replace(
        '<main id="main">', '<main id="main" lang="en">'
    )
    assert len(issues(html, LANGUAGE_OF_PARTS)) == 1
    assert issues(html, LANG_MISMATCH) == []


def test_a_wrong_lang_attribute_needs_review_once_per_element() -> None:
    html = page(
        f"<p>{TEXTS['en']}</p><div lang='fr'><p>{TEXTS['en']}</p><p>{BORROWED}</p></div>"
        f"<p lang='fr'>{TEXTS['fr']}</p>"
    )
    found = issues(html, LANG_MISMATCH)
    assert [(i.outcome, i.html[:14]) for i in found] == [(Outcome.NEEDS_REVIEW, '<div lang="fr"')]
    assert 'marked as French (lang="fr")' in found[0].message and "English" in found[0].message
    assert issues(html, LANGUAGE_OF_PARTS) == []


# Pages in other sites' styles ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["govuk_bilingual.html", "wordpress_translations.html"])
def test_well_marked_multilingual_pages_pass(config, name: str) -> None:
    html = (PAGES / name).read_text(encoding="utf-8")
    found = check_html(html, url="https://www.gov.wales/pay/", config=config, terms=DEFAULT_TERMS)
    assert found == [], "\n".join(f"{i.rule} {i.selector}: {i.message}" for i in found)


def test_a_localgov_page_with_unmarked_translations(config) -> None:
    html = (PAGES / "localgov_languages.html").read_text(encoding="utf-8")
    found = check_html(
        html, url="https://www.westshire.gov.uk/food-waste", config=config, terms=DEFAULT_TERMS
    )
    assert Counter((i.rule, i.outcome) for i in found) == {
        (LANGUAGE_OF_PARTS, Outcome.VIOLATION): 3,
        (LANG_MISMATCH, Outcome.NEEDS_REVIEW): 1,
    }
    flagged = " ".join(i.message for i in found if i.rule == LANGUAGE_OF_PARTS)
    assert "in Welsh" in flagged and "in Polish" in flagged and "in Urdu" in flagged
    assert "Romanian" not in flagged  # marked lang="ro"


def test_a_short_welsh_welcome_paragraph_is_found_and_short_english_with_welsh_names_is_not() -> (
    None
):
    # Councils' Welsh passages are often a sentence or two: a 13-word welcome is long enough.
    welsh = "Croeso i Gyngor Dosbarth Eastfield. Gallwch ofyn am lythyrau a ffurflenni yn Gymraeg."
    english = (
        "Ysgol Gymraeg Bro Morgannwg and Ysgol Pen-y-bont are open for applications this week."
    )
    (found,) = issues(
        page(f'<p class="welsh-intro">{welsh}</p><p>{english}</p>'), LANGUAGE_OF_PARTS
    )
    assert found.outcome == Outcome.VIOLATION and "welsh-intro" in found.html
