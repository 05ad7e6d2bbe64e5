"""A small, offline guess at a passage's language, with a confidence, for the language of parts
rule (WCAG 3.1.2, :mod:`.language`).

Two kinds of evidence, both cheap:

* **Script.** Letters outside the Latin alphabet say a lot on their own: Gurmukhi is Punjabi,
  Bengali script is Bengali (or Sylheti), Han characters are Chinese. Arabic script is written
  for Arabic, Urdu, Persian and others; common words (and Urdu's own letters) tell them apart.
* **Common words.** For Latin-script languages, each language has a list of its commonest
  function words (articles, prepositions, pronouns, auxiliaries), chosen to overlap little.
  A passage's *share* for a language is the fraction of its words on that list: ordinary
  prose has 25 to 45 % function words, so a passage that is really in a language scores well
  for it and poorly for the others. Names and place names carry almost no function words,
  and a hyphenated name ("Pen-y-bont", "Betws-y-coed") counts as one word, so Welsh place
  names in English text do not look Welsh.

:func:`guess` gives every candidate language's share; :func:`not_in` says how sure we are
that a passage is *not* in a given language (the rule's question), from 0 to 1.

The languages are those UK councils publish most (English and Welsh, Scottish Gaelic and
Irish, and the commonest community languages: Polish, Romanian, Lithuanian, Somali, Portuguese,
Spanish, French, Italian, German, Dutch, Turkish; Urdu, Arabic, Persian, Punjabi, Bengali,
Gujarati, Hindi, Tamil, Chinese...). A language not listed is never guessed, and a passage
marked with a language the guesser does not know is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: ISO 639-1 code -> the language's name, as messages say it.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "cy": "Welsh", "gd": "Scottish Gaelic", "ga": "Irish", "pl": "Polish",
    "ro": "Romanian", "lt": "Lithuanian", "so": "Somali", "pt": "Portuguese", "es": "Spanish",
    "fr": "French", "it": "Italian", "de": "German", "nl": "Dutch", "tr": "Turkish",
    "ar": "Arabic", "ur": "Urdu", "fa": "Persian", "pa": "Punjabi", "bn": "Bengali",
    "gu": "Gujarati", "hi": "Hindi", "ta": "Tamil", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "el": "Greek",
    "he": "Hebrew", "th": "Thai", "am": "Amharic", "ti": "Tigrinya",
}  # fmt: skip

#: Latin-script languages -> their commonest function words (lower case, ``'`` for
#: apostrophes). Single letters shared with English ("a", "i", "o") are left out.
LATIN_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the of and to in is that for it with as was on are be this have from or by not "
        "but at an all were when we there can your which their will would if has more about "
        "you they our its been should these than who may how do does what also must please "
        "any other into them only such through after before you'll we'll it's don't",
        "cy": "y yr yn mae ac ar gyda gan wedi bod hefyd eich chi neu sy sydd hyn fel pan ond "
        "nid os dros rhaid gallwch eu ydych gael cael yng ym â hwn hon gyfer ein ydy oes fydd "
        "bydd i'r a'r o'r yw mae'n ni'n drwy trwy hynny gwneud wneud angen am ei dy fy "
        "rydym byddwch gyngor cyngor gwybodaeth",
        "gd": "agus tha bha gu ri le bho aig mar nach seo sin a' 's cha chan tro gus nam nan "
        "ris anns airson bhith fhèin thu sibh sinn iad ann air na do",
        "ga": "agus atá bhí níl sé sí siad seo sin chun nó ach mar faoi leis dá ní gach tá "
        "ag go sa ó ar na do é iad bhur",
        "pl": "się nie jest na że do to jak ale co po od za przez dla jego jej są tak być tym "
        "może który która które oraz w z lub jeśli ich czy także przy gdy tylko już bardzo "
        "można należy został została zostanie proszę mogą ten ta te tego ze we",
        "ro": "și în de la cu pe care este un sunt mai nu din pentru ce sau se să fi fost au "
        "dacă acest această prin după ca lui ei ale al unei unui vă aveți trebuie poate "
        "despre acum către sunteți",
        "lt": "ir yra kad su į iš ar bet kaip tai jis ji jie buvo bus nuo per apie prie jei "
        "savo kuris kuri kurie taip arba dėl jūs jūsų mes mūsų gali turi reikia būti tik",
        "so": "iyo ka ku waa oo ee aad ay uu si iyada ah soo ayaa ama laga loo kale wax waxaa "
        "haddii sida kuu kala tahay yahay dadka hadii kasta mid ugu wuxuu waxay",
        "pt": "os as do da dos das que em um uma para com não no na por mais se como mas ao "
        "ele ela são foi é sua seu também você pode ser está pelo pela",
        "es": "el los las y que del en un una es por con para se no su al lo como más pero sus "
        "le ya este esta porque muy cuando también puede usted ser está están hay sobre entre",
        "fr": "le la les des et est une un du en que qui dans pour pas sur au avec ce il elle "
        "sont nous vous par plus mais ou leur cette aux été être ne se son sa ses votre vos "
        "peut doit fait aussi comme",
        "it": "il lo gli di che è per non con del della dei sono si da al alla nel nella "
        "questo come anche ma più ha essere un una le la",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch "
        "es wir sie ich werden wird sind oder aber bei nach wie noch nur über ihre ihr können "
        "kann sein haben hat zum zur",
        "nl": "de het een en van is dat niet op te met voor zijn er aan ook als bij door maar "
        "naar om dan wordt worden deze dit nog kan wij u uw je",
        "tr": "ve bir bu da de için ile olarak olan daha çok gibi ama ya veya kadar sonra her "
        "ne mi değil var yok ise biz siz onlar şu",
    }.items()
}

#: Arabic-script languages -> common words. Urdu's own letters (ٹ ڈ ڑ ں ے) count too.
ARABIC_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "ur": "کے کی ہے میں اور سے کو کا یہ ہیں پر نہیں آپ کر کہ بھی ہو گا ایک جو وہ اس ان "
        "لیے کیا گی ہوں",
        "ar": "في من على إلى أن التي الذي عن مع هذا هذه كان ما لا هو هي أو كل بين قد ذلك عند "
        "يمكن الى",
        "fa": "و در به از که این را با است برای آن یک تا می شود هم شما ما بر بود نیز",
    }.items()
}
_UKRAINIAN_LETTERS = re.compile("[\u0456\u0457\u0454\u0491]", re.IGNORECASE)
_URDU_LETTERS = re.compile("[\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be]")

#: Scripts other than Latin: a character class, and the languages written in it. One
#: language: the script says which. Several: common words decide (Arabic script), or the
#: guess names the script's main language and knows the others are possible.
SCRIPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Arabic": ("\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
               ("ur", "ar", "fa")),
    "Gurmukhi": ("\u0a00-\u0a7f", ("pa",)),
    "Bengali": ("\u0980-\u09ff", ("bn",)),
    "Gujarati": ("\u0a80-\u0aff", ("gu",)),
    "Devanagari": ("\u0900-\u097f", ("hi",)),
    "Tamil": ("\u0b80-\u0bff", ("ta",)),
    "Han": ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", ("zh", "ja")),
    "Kana": ("\u3040-\u30ff", ("ja",)),
    "Hangul": ("\uac00-\ud7af\u1100-\u11ff", ("ko",)),
    "Cyrillic": ("\u0400-\u04ff", ("ru", "uk", "bg")),
    "Greek": ("\u0370-\u03ff", ("el",)),
    "Hebrew": ("\u0590-\u05ff", ("he",)),
    "Thai": ("\u0e00-\u0e7f", ("th",)),
    "Ethiopic": ("\u1200-\u137f", ("am", "ti")),
}  # fmt: skip
_SCRIPT_PATTERNS = {name: re.compile(f"[{chars}]") for name, (chars, _) in SCRIPTS.items()}
#: Scripts written without spaces between words: their words are counted as characters / 2.
_UNSPACED = frozenset({"Han", "Kana", "Thai"})
#: A letter outside the Latin alphabets (punctuation, symbols and accented Latin letters
#: aside): text without one is Latin script, found with one search.
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u20cf\u2100-\u214f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: A word: letters (any script), with inner apostrophes ("i'r", "don't") and hyphens
#: ("Pen-y-bont", one word: a name, not three Welsh words).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
#: Arabic vowel marks (harakat): combining marks, which \w would split words at.
_HARAKAT = re.compile("[\u064b-\u065f\u0670]")


#: ``lang`` script subtags (ISO 15924) -> the names in :data:`SCRIPTS`.
_SCRIPT_SUBTAGS = {
    "latn": "Latin", "arab": "Arabic", "guru": "Gurmukhi", "beng": "Bengali", "gujr": "Gujarati",
    "deva": "Devanagari", "taml": "Tamil", "hans": "Han", "hant": "Han", "hani": "Han",
    "jpan": "Han", "kore": "Hangul", "cyrl": "Cyrillic", "grek": "Greek", "hebr": "Hebrew",
    "thai": "Thai", "ethi": "Ethiopic",
}  # fmt: skip


def scripts_of(tag: str) -> frozenset[str]:
    """The scripts text in the language ``tag`` (``en``, ``pa-Arab``...) may be written in:
    its script subtag's, else those :data:`SCRIPTS` lists it under, else Latin."""
    subtags = tag.strip().lower().replace("_", "-").split("-")
    for subtag in subtags[1:]:
        if len(subtag) == 4 and subtag in _SCRIPT_SUBTAGS:
            return frozenset({_SCRIPT_SUBTAGS[subtag]})
    found = frozenset(script for script, (_, langs) in SCRIPTS.items() if subtags[0] in langs)
    return found or frozenset({"Latin"})


def maybe_long(text: str, min_words: int) -> bool:
    """A quick test: whether ``text`` may have ``min_words`` words (Chinese, Japanese and Thai
    have no spaces between words, which :func:`guess` counts as two characters each)."""
    if text.count(" ") + text.count("\n") + 1 >= min_words:
        return True
    return len(text) >= 2 * min_words and bool(_NOT_LATIN.search(text))


def known(language: str) -> bool:
    """Whether the guesser can tell text in ``language`` (a primary code) from others."""
    return language in LANGUAGE_NAMES


def primary(tag: str) -> str:
    """The primary language of a ``lang`` value: ``en-GB`` -> ``en``, ``CY`` -> ``cy``."""
    return tag.strip().lower().replace("_", "-").split("-")[0]


@dataclass(frozen=True)
class Guess:
    """What a passage looks like."""

    #: Words in the passage (characters / 2 in scripts without spaces).
    words: int
    #: The script most of its letters are in, and that script's share of all letters.
    script: str
    script_share: float
    #: Language code -> the share of the passage's words on its common words list (or, for a
    #: script that names one language, the script's share). Best first.
    shares: tuple[tuple[str, float], ...]
    #: Share of words that start with a capital: high in lists of names and addresses.
    capitalised: float

    @property
    def language(self) -> str:
        """The best-scoring language, or "" when nothing scored."""
        return self.shares[0][0] if self.shares and self.shares[0][1] > 0 else ""

    def share(self, language: str) -> float:
        return dict(self.shares).get(language, 0.0)

    def likely(self, *, within: float = 0.67) -> tuple[str, ...]:
        """The best language and any close second (scoring ``within`` of the best): Spanish
        and Portuguese, Irish and Scottish Gaelic can be hard to tell apart in short text."""
        if not self.language:
            return ()
        best = self.shares[0][1]
        return tuple(code for code, share in self.shares[:2] if share >= within * best > 0)


def guess(text: str) -> Guess:
    """What ``text`` looks like (never raises; an empty text has no shares)."""
    script, script_share, letters_by_script = _dominant_script(text)
    tokens: list[str] = []
    if script in _UNSPACED:
        count = letters_by_script // 2
    elif script in {"Latin", "Arabic"}:
        tokens = _WORD.findall(_HARAKAT.sub("", text))
        count = len(tokens)
    else:
        # Indic scripts' vowel signs are combining marks, which \w leaves out: count the
        # words between spaces instead.
        count = len(text.split())
    lowered = [t.lower().replace("\u2019", "'") for t in tokens]
    capitalised = sum(1 for t in tokens if t[0].isupper()) / len(tokens) if tokens else 0.0
    if script == "Latin":
        shares = _shares(lowered, LATIN_WORDS)
    elif script == "Arabic":
        shares = _shares(lowered, ARABIC_WORDS)
        if _URDU_LETTERS.search(text):
            # Letters only Urdu (and Punjabi's Shahmukhi) write: tip the balance.
            shares = {**shares, "ur": shares.get("ur", 0.0) + 0.1}
    else:
        languages = SCRIPTS[script][1]
        if script == "Han":
            # Japanese writes kana between its Han characters; Chinese never does.
            languages = ("ja",) if _SCRIPT_PATTERNS["Kana"].search(text) else ("zh",)
        if script == "Cyrillic":
            languages = ("uk",) if _UKRAINIAN_LETTERS.search(text) else ("ru", "bg")
        # Script alone: the first language is the usual one; the others are as likely.
        shares = dict.fromkeys(languages, script_share)
    ranked = tuple(sorted(shares.items(), key=lambda item: item[1], reverse=True))
    return Guess(count, script, script_share, ranked, capitalised)


def not_in(passage: Guess, tag: str, *, min_words: int) -> float:
    """How sure we are (0 to 1) that the passage is not in the language ``tag`` (a ``lang``
    value: ``en``, ``cy-GB``, ``pa-Arab``).

    0 for short passages (under ``min_words``), lists of names, and languages the guesser does
    not know. Otherwise the product of:

    * **against**: how far the best other language outscores ``language``: 1 less the square
      of their ratio (1 when ``language`` scored nothing, 0 when it scored as well; a few
      words both languages share cost little);
    * **evidence**: how much the best other language scored (a share of 0.15 or more is
      ordinary prose: full weight);
    * **length**: longer passages are surer (0.8 at ``min_words``, full weight from twice that).

    A passage in another script than ``language``'s is as sure as its share of that script.
    """
    language = primary(tag)
    if passage.words < min_words or not known(language) or not passage.shares:
        return 0.0
    length = min(1.0, 0.8 + 0.2 * (passage.words - min_words) / max(min_words, 1))
    if passage.script not in scripts_of(tag):
        if passage.script == "Latin" or passage.script_share < 0.5:
            return 0.0  # mostly Latin letters on a page in another script: no opinion
        return round(min(1.0, passage.script_share) * length, 3)
    if passage.capitalised > 0.6 and passage.script == "Latin":
        return 0.0  # names, addresses, a list of places: not prose
    if language not in dict(passage.shares):
        return 0.0  # written in this script, with no word list to tell it from the others
    others = [(code, share) for code, share in passage.shares if code != language]
    if not others:
        return 0.0
    best = others[0][1]
    if best <= 0:
        return 0.0
    against = max(0.0, 1.0 - (passage.share(language) / best) ** 2)
    evidence = min(1.0, best / 0.15)
    return round(against * evidence * length, 3)


def name(language: str) -> str:
    """The language's name ("Welsh"), or its code when it has none here."""
    return LANGUAGE_NAMES.get(language, language)


def _shares(tokens: list[str], vocabularies: dict[str, frozenset[str]]) -> dict[str, float]:
    if not tokens:
        return {}
    index = _LATIN_INDEX if vocabularies is LATIN_WORDS else _ARABIC_INDEX
    counts = dict.fromkeys(vocabularies, 0)
    for token in tokens:
        for code in index.get(token, ()):
            counts[code] += 1
    return {code: count / len(tokens) for code, count in counts.items()}


def _index(vocabularies: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    # One dictionary look-up per word, not one per word and language.
    index: dict[str, list[str]] = {}
    for code, words in vocabularies.items():
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


_LATIN_INDEX = _index(LATIN_WORDS)
_ARABIC_INDEX = _index(ARABIC_WORDS)


def _dominant_script(text: str) -> tuple[str, float, int]:
    """The script most letters are in, its share of letters, and its letter count (0 for
    Latin)."""
    if not _NOT_LATIN.search(text):
        return "Latin", 1.0, 0  # (the count of Latin letters is never needed)
    counts = {"Latin": len(_LATIN_LETTER.findall(text))}
    for script, pattern in _SCRIPT_PATTERNS.items():
        found = len(pattern.findall(text))
        if found:
            counts[script] = found
    total = sum(counts.values())
    if not total:
        return "Latin", 0.0, 0
    script, count = max(counts.items(), key=lambda item: item[1])
    return script, count / total, count
