"""A small language guess from common words, for the page language rule (WCAG 3.1.1).

Each language has a list of very common function words (articles, pronouns, prepositions,
auxiliaries), chosen to overlap little between languages. A text's share of each list's
words is its score; the guess is confident only when the text is long enough, the best
language's share is high, and it beats the next best by a wide margin. Mixed pages (Welsh and
English side by side, as many councils in Wales publish) are therefore never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: ISO 639-1 code -> common words. English and Welsh first: what UK councils publish.
STOP_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is that for it with as was on are be this have from or by not but "
        "what all were when we there can your which their will would if has more about you "
        "they our its been should these than who may how do does",
        "cy": "y yr ac ar yn mae bod gan wedi gyda hefyd ei eich chi neu sy sydd hyn fel pan "
        "ond nid os dros rhaid gallwch ni eu ydych gael cael yng ym â hwn hon gyfer ein "
        "ydy oes fydd bydd",
        "fr": "le la les des et est une un du en que qui dans pour pas sur au avec ce il elle "
        "sont nous vous par plus mais ou leur cette aux été être",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch "
        "es wir sie ich werden wird sind oder aber bei nach wie noch nur über",
        "es": "el la los las y que de en un una es por con para del se no su al lo como más "
        "pero sus le ya este esta porque muy cuando también",
        "it": "il lo la gli le di che e è un una per non con del della dei sono si da al alla "
        "nel nella questo come anche ma più ha essere",
        "nl": "de het een en van is dat niet op te met voor zijn er aan ook als bij door maar "
        "naar om dan wordt worden deze dit nog kan wij u uw je",
        "pt": "o a os as de do da dos das e que em um uma para com não no na por mais se como "
        "mas ao ele ela são foi é sua seu também",
        "pl": "i w z na się nie to że do jest jak ale co po od za przez dla jego jej są tak "
        "być tym może który która oraz",
    }.items()
}


@dataclass(frozen=True)
class Guess:
    language: str
    share: float
    runner_up: str
    runner_up_share: float
    words: int


def guess_language(words: Iterable[str]) -> Guess | None:
    """The best-scoring language for ``words`` (lower case), or None with no words."""
    tokens = [word.strip("'\u2019") for word in words]
    tokens = [token for token in tokens if token]
    if not tokens:
        return None
    scores = {
        language: sum(1 for token in tokens if token in vocabulary) / len(tokens)
        for language, vocabulary in STOP_WORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, share), (second, second_share) = ranked[0], ranked[1]
    return Guess(best, share, second, second_share, len(tokens))


def confident(guess: Guess | None, min_words: int, min_share: float, min_ratio: float) -> bool:
    """Whether ``guess`` is sure enough to contradict a page's declared language."""
    if guess is None or guess.words < min_words or guess.share < min_share:
        return False
    return guess.share >= min_ratio * guess.runner_up_share
