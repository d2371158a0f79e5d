"""Text reuse between the articles of one story: the share of each article's sentences that also
stand, verbatim or nearly, in another, and which of the two is the likely origin.

A sentence stands in another article when at least `SAME_SHARE` of its word trigrams occur in
one sentence there. An inverted index of trigrams over the story's distinct sentences finds
them; no pair of articles is compared unless they share a trigram. The likely origin of shared
text is the earlier article when both are dated differently, else the one that holds more of
the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pipeline.normalize import folded_words, word_ngrams

SAME_SHARE = 0.8
# In a story larger than this (a feed of templated items, a wire story copied by hundreds of
# sites), each article is compared with the story's first `MAX_SOURCES` articles only: the
# origin of shared text stands among the earliest, and every ordered pair of 10,000 copies would
# be 100 million rows. Smaller stories compare every pair.
MAX_SOURCES = 50
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


def first_articles(articles: list[tuple[str, date | None]], n: int) -> frozenset[str] | None:
    """The doc ids of a story's `n` earliest articles (undated last, then by id), or None when
    the story has no more than `n`: the articles a large story's others are compared with."""
    if len(articles) <= n:
        return None
    ordered = sorted(articles, key=lambda a: (a[1] is None, a[1] or date.min, a[0]))
    return frozenset(doc_id for doc_id, _ in ordered[:n])


def story_reuse(articles: list[Article]) -> list[Reuse]:
    """Every ordered pair of the story's articles that share text (in a story of more than
    `MAX_SOURCES`, every pair whose source is one of its first `MAX_SOURCES`).

    Work is over the story's distinct sentences: copies repeat most of their sentences, so a
    story of many near-copies costs about as much as one of its articles, and each distinct
    sentence is matched once, not once per article that carries it."""
    if len(articles) < 2:
        return []
    first = first_articles([(a.doc_id, a.published) for a in articles], MAX_SOURCES)
    sources = None if first is None else {n for n, a in enumerate(articles) if a.doc_id in first}
    distinct: dict[tuple[str, ...], int] = {}
    holders: list[set[int]] = []  # distinct sentence -> the articles that carry it
    carried: list[list[int]] = []  # article -> its sentences, as distinct sentence numbers
    for n, article in enumerate(articles):
        numbers = []
        for words in sentences(article.body):
            number = distinct.setdefault(tuple(words), len(distinct))
            if number == len(holders):
                holders.append(set())
            holders[number].add(n)
            numbers.append(number)
        carried.append(numbers)
    standing = _standing_in(list(distinct), holders, sources)
    shared: Counter[tuple[int, int]] = Counter()
    for n, numbers in enumerate(carried):
        for others, count in Counter(standing[number] for number in numbers).items():
            for other in others - {n}:
                shared[(n, other)] += count
    by_id = {a.doc_id: a for a in articles}
    rows = []
    for (n, other), count in sorted(
        shared.items(), key=lambda item: (articles[item[0][0]].doc_id, articles[item[0][1]].doc_id)
    ):
        doc_id, source = articles[n].doc_id, articles[other].doc_id
        share = count / len(carried[n])
        back = shared.get((other, n), 0) / max(len(carried[other]), 1)
        rows.append(Reuse(doc_id, source, round(share, 4), _origin(by_id, doc_id, source, share,
                                                                   back)))  # fmt: skip
    return rows


def _standing_in(
    distinct: list[tuple[str, ...]], holders: list[set[int]], sources: set[int] | None
) -> list[frozenset[int]]:
    """For each distinct sentence, the articles where it stands: those carrying a sentence that
    holds at least `SAME_SHARE` of its word trigrams (itself included). With `sources`, only
    those articles are looked for, so only their sentences are indexed."""
    if sources is not None:
        holders = [h & sources for h in holders]
    grams = [word_ngrams(list(words), 3) for words in distinct]
    index: dict[tuple[str, ...], list[int]] = {}
    for number, found in enumerate(grams):
        if not holders[number]:
            continue  # no article looked for carries it
        for gram in found:
            index.setdefault(gram, []).append(number)
    standing = []
    for found in grams:
        hits = Counter(other for gram in found for other in index.get(gram, ()))
        near = [other for other, count in hits.items() if count >= SAME_SHARE * len(found)]
        standing.append(frozenset().union(*(holders[other] for other in near)))
    return standing


def _origin(by_id: dict[str, Article], doc_id: str, source: str, share: float, back: float) -> bool:
    """Is `source` the likely origin of the text `doc_id` shares with it?"""
    mine, theirs = by_id[doc_id].published, by_id[source].published
    if mine is not None and theirs is not None and mine != theirs:
        return theirs < mine
    if share != back:
        return share > back  # the text that holds more of the other is the origin
    return source < doc_id
