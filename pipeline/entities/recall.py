"""Recall from names already found: the model misses some occurrences of a name it found
elsewhere in the article ("Ms Khan" tagged in one paragraph, bare "Khan" missed in the next). A
second, cheap pass finds them: every whole-token, case-sensitive occurrence of a name the article
already mentions is a mention too, with the label the name carries most in the article, cut by
the same rules as the model's spans (titles moved out, possessives dropped).

It never overrides the model: an occurrence overlapping any of the model's spans (of any label:
"May" as a DATE) is left alone, and so is one inside a longer capitalised run ("Real Betis") or
on a headline-style line, where capitals say nothing. A one-word name spreads only when it is not
a common word: not written lower-case in the article, not a stop word, title, month or weekday,
not in `COMMON_NAME_WORDS`, not a plural of capitals ("MPs"), and found at least once where a
capital means a name (not first in a sentence).

Names the corpus knows are not matched: an article's mentions would then depend on what was
ingested before it, and a rebuild would not give the tables an upgrade gives (docs/extraction.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from spacy.attrs import IDX, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from pipeline.entities.mentions import (
    _POSSESSIVE,
    _TITLE_WORDS,
    Mention,
    _in_title_case_line,
    _mention,
)
from pipeline.entities.rules import LABEL_PRIORITY
from pipeline.lexicon.calendar import MONTHS, WEEKDAYS
from pipeline.nlp import doc_text
from pipeline.wordlist import words

# Capitalised common words that are also names, which a first word in a sentence makes look
# like one ("Will you...", "Bill", "Mark my words"): never spread alone, whatever the model said.
COMMON_NAME_WORDS = words(
    """Will Bill Mark Grace Hope Faith Joy Rose Frank Guy Sky Sun Star Bob Jack Pat Sue Rob Art
    Bay Chase Dean Drew Gay Glen Hunter Iris Ivy Lily Miles Page Rich Summer Victory Lane Love
    Just Say"""
)
# Calendar words are dates, not names, even where the model called one a person.
_CALENDAR = frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS))
# A token after one of these starts a sentence or a quotation: its capital says nothing.
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "‘", "'", "(", "-", "—", "–"})
_KEY = re.compile(r"\w+")


def recall(doc: Doc, found: list[Mention]) -> list[Mention]:
    """`found` (the model's mentions of `doc`) and the other occurrences of their names, in text
    order."""
    text = doc_text(doc)
    # Token offsets from one array, not a `Token` object per token: this pass must stay cheap
    # beside the parse.
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
    own = _article_names(doc, found, starts)
    if not own:
        return found
    words = [text[s : s + n] for s, n in zip(starts, lengths, strict=True)]
    lower = {w for w in words if w.islower() and w.isalpha()}
    ends = {s + n: i + 1 for i, (s, n) in enumerate(zip(starts, lengths, strict=True))}
    index = _index(own)
    taken = bytearray(len(doc))
    for ent in doc.ents:
        taken[ent.start : ent.end] = b"\x01" * len(ent)
    judged: dict[tuple[int, int], bool] = {}
    added: list[Mention] = []
    i = 0
    while i < len(doc):
        word = words[i]
        match = None
        if not taken[i] and word[:1].isupper() and (key := _KEY.match(word)) is not None:
            match = _longest(index.get(key.group(), ()), starts[i], text, ends, lower)
        if match is None:
            i += 1
            continue
        stop, name = match
        span = doc[i:stop]
        if (
            not any(taken[i:stop])
            and not _in_longer_name(doc, i, stop)
            and not _in_title_case_line(span, judged)
        ):
            mention = _mention(span, own[name])
            if mention is not None:
                added.append(mention)
        i = stop
    return sorted([*found, *added], key=lambda m: m.start) if added else found


def _longest(
    names: Sequence[str], start: int, text: str, ends: Mapping[int, int], lower: set[str]
) -> tuple[int, str] | None:
    """The longest of `names` (longest first, as `_index` keeps them) written at `start` and
    ending at a token's end (or before a possessive inside one), as (end token, name)."""
    for name in names:
        end = start + len(name)
        if text[start:end] != name or _written_lower(name, lower):
            continue
        stop = ends.get(end) or next(
            (
                ends[end + len(s)]
                for s in _POSSESSIVE
                if text.startswith(s, end) and end + len(s) in ends
            ),
            None,
        )
        if stop is not None:
            return stop, name
    return None


def _article_names(doc: Doc, found: list[Mention], starts: list[int]) -> dict[str, str]:
    """The names the model found in `doc` that may spread, each with its majority label."""
    labels: dict[str, Counter[str]] = {}
    named: set[str] = set()  # one-word names found at least once where a capital means a name
    at = {start: i for i, start in enumerate(starts)}
    for m in found:
        labels.setdefault(m.text, Counter())[m.label] += 1
        if m.start in at and not _opens_sentence(doc[at[m.start]]):
            named.add(m.text)
    return {
        name: _majority(votes)
        for name, votes in labels.items()
        if _may_spread(name) and (" " in name or _is_acronym(name) or name in named)
    }


def _written_lower(name: str, lower: set[str]) -> bool:
    """A one-word name the article also writes lower-case ("Apple" beside "apple"): a common
    word there. An acronym's namesake ("us" beside "US") is another word."""
    return " " not in name and not _is_acronym(name) and name.casefold() in lower


def _may_spread(name: str) -> bool:
    """A name whose other occurrences are names too: not a common or title word when alone."""
    if len(name) < 2 or "\n" in name or _KEY.match(name) is None:
        return False
    if " " in name or _is_acronym(name):
        return True
    if _is_acronym(name[:-1]) and name.endswith("s"):
        return False  # "MPs", "CEOs": members of a class, not a name
    word = name.casefold()
    return not (
        name in COMMON_NAME_WORDS or word in _CALENDAR or word in _TITLE_WORDS or word in STOP_WORDS
    )


def _is_acronym(name: str) -> bool:
    """ "US", "NHS", "U.N.": capitals whose lower-case namesake ("us") is another word."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _in_longer_name(doc: Doc, start: int, stop: int) -> bool:
    """A capitalised word right before or after ("Real Betis", "The Woman in White"): the
    occurrence is part of a longer name the model missed, not the name found. A title before it
    ("Lord Callaghan") or a capital that opens a sentence says nothing."""
    if start > 0 and not doc[start - 1].whitespace_.count("\n"):
        before = doc[start - 1]
        if (
            before.text[:1].isupper()
            and before.text.casefold() not in _TITLE_WORDS
            and not _opens_sentence(before)
        ):
            return True
    if stop < len(doc) and "\n" not in doc[stop - 1].whitespace_:
        return doc[stop].text[:1].isupper()
    return False


def _opens_sentence(token: Token) -> bool:
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return "\n" in before.text_with_ws or before.text in SENTENCE_OPENERS


def _majority(votes: Counter[str]) -> str:
    """The most frequent label; a tie goes to the more trusted (`LABEL_PRIORITY`)."""
    rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    return min(votes, key=lambda label: (-votes[label], rank.get(label, len(rank))))


def _index(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    by_key: dict[str, list[str]] = {}
    for name in names:
        key = _KEY.match(name)
        if key is not None:
            by_key.setdefault(key.group(), []).append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_key.items()}
