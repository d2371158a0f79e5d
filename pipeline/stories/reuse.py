"""Text reuse between the articles of one story: the share of each article's sentences that also
stand, verbatim or nearly, in another, and which of the two is the likely origin.

A sentence stands in another article when at least `SAME_SHARE` of its word trigrams occur in
one sentence there. An inverted index of trigrams per story finds them; no pair of articles is
compared unless they share a trigram. The likely origin of shared text is the earlier article
when both are dated differently, else the one that holds more of the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pipeline.normalize import folded_words, word_ngrams

SAME_SHARE = 0.8
MIN_WORDS = 6  # shorter sentences ("He said.") say nothing about reuse
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[“\"‘A-Z0-9])|\n+")


@dataclass(frozen=True)
class Article:
    doc_id: str
    body: str
    published: date | None


@dataclass(frozen=True)
class Reuse:
    doc_id: str
    source_doc_id: str
    shared_share: float
    likely_source: bool


def sentences(body: str) -> list[list[str]]:
    """The body's sentences as folded words, short ones left out."""
    text = unicodedata.normalize("NFKC", body)
    found = [folded_words(part) for part in _SENTENCE.split(text)]
    return [words for words in found if len(words) >= MIN_WORDS]


def story_reuse(articles: list[Article]) -> list[Reuse]:
    """Every ordered pair of the story's articles that share text."""
    if len(articles) < 2:
        return []
    split = {a.doc_id: [word_ngrams(s, 3) for s in sentences(a.body)] for a in articles}
    index: dict[tuple[str, ...], set[tuple[str, int]]] = {}
    for doc_id, grams in split.items():
        for n, sentence in enumerate(grams):
            for gram in sentence:
                index.setdefault(gram, set()).add((doc_id, n))
    shared: dict[tuple[str, str], int] = Counter()
    for doc_id, grams in split.items():
        for sentence in grams:
            hits: Counter[tuple[str, int]] = Counter()
            for gram in sentence:
                hits.update(index.get(gram, ()))
            found_in = {
                other for (other, _), count in hits.items()
                if other != doc_id and count >= SAME_SHARE * len(sentence)
            }  # fmt: skip
            for other in found_in:
                shared[(doc_id, other)] += 1
    by_id = {a.doc_id: a for a in articles}
    rows = []
    for (doc_id, source), count in sorted(shared.items()):
        share = count / len(split[doc_id])
        back = shared.get((source, doc_id), 0) / max(len(split[source]), 1)
        rows.append(Reuse(doc_id, source, round(share, 4), _origin(by_id, doc_id, source, share,
                                                                   back)))  # fmt: skip
    return rows


def _origin(by_id: dict[str, Article], doc_id: str, source: str, share: float, back: float) -> bool:
    """Is `source` the likely origin of the text `doc_id` shares with it?"""
    mine, theirs = by_id[doc_id].published, by_id[source].published
    if mine is not None and theirs is not None and mine != theirs:
        return theirs < mine
    if share != back:
        return share > back  # the text that holds more of the other is the origin
    return source < doc_id
