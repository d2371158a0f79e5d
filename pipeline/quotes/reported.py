"""Speech without quotation marks: reported speech, and press-release statements.

1. Reported speech: a verb of speech (`REPORTING_VERBS`: "said", "told", "warned"; never
   "believes" or "wants", what someone thinks is not what they said) reports its clausal
   complement, trimmed of punctuation and a leading "that": "Smith said (that) the plan
   failed", "she told reporters the plan failed", "vowed to fight on" (a "that" a few words on,
   where the parser hung the clause elsewhere: "said at a news conference that ..."); else the
   clause it frames with its subject: "The plan failed, she said", "The plan, she said,
   failed". "According to X" reports the rest of its sentence. Each is a `reported` row, its
   speaker and cue found as a quotation's are (`extract.py`: the verb's subject, through
   pronouns, roles and titles, never the one a passive verb says was told; "according to"'s
   object). A noun object ("announced a plan") is what was spoken of, not what was said.
2. Press-release statements: a paragraph ending with a reporting verb and a colon ("Defence
   Secretary John Healey said:") followed by a paragraph of prose with no quotation in it is the
   verb's subject's `statement`, as if it were quoted.

A clause lying mostly inside a quotation is already a quotation's row, and one of a few words
says too little to report. Everything is read from the parse of the words found once per
article: no walk over the document per sentence or per verb.
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from spacy.tokens import Doc, Token

from pipeline.lexicon.speech import REPORTING_VERBS
from pipeline.nlp import children, doc_sentences
from pipeline.quotes.extract import (
    Quote,
    _between,
    _cue_text,
    _Index,
    _speaker,
    _subject,
    according_source,
)
from pipeline.quotes.rules import (
    ADJACENT_SPEAKER_MAX_WORDS,
    DOUBLE_QUOTES,
    PROSE_MIN_WORDS,
    QUOTED_MAX_SHARE,
    REPORTED_MIN_WORDS,
)

# "according to X": its two words; and the word a reported clause may open with.
ACCORDING, TO = "according", "to"
THAT = "that"
# Clausal complements of a verb of speech: what was said ("said the plan failed", "vowed to
# fight on", "asked whether it would").
_CONTENT = {"ccomp", "xcomp"}
# A verb of speech hanging from the clause it reports: "The plan failed, she said".
_SET_INTO = "parataxis"
_INVERTED = {"ccomp", _SET_INTO}
_SUBJECTS = {"nsubj", "nsubjpass"}
SENTENCE_ENDS = (".", "!", "?", "…")
_MARKS = frozenset(DOUBLE_QUOTES) | frozenset(DOUBLE_QUOTES.values())


def find_reported(index: _Index, quotes: list[Quote]) -> list[Quote]:
    """The rows of speech without quotation marks in the article of `index` (its
    `quote_index`), sorted by start: `reported` speech and press-release `statement`s.
    `quotes` are its quotations (`find_quotes`): what lies inside them is not reported again."""
    reading = _Reading(index, quotes)
    statements = reading.press_releases()
    taken = [(s.start, s.end) for s in statements]
    found: dict[tuple[int, int], Quote] = {}
    for token in index.doc:
        if index.inside[token.idx]:
            continue
        row = reading.reported(token)
        if row is not None and not any(a < row.end and row.start < b for a, b in taken):
            found.setdefault((row.start, row.end), row)
    return sorted([*found.values(), *statements], key=lambda q: q.start)


class _Reading:
    """One article's index, with how much of its text lies inside quotations (a running count,
    so the share of any stretch is two look-ups) and its statements by where they start (the
    previous one is who a pronoun may stand for)."""

    def __init__(self, index: _Index, quotes: list[Quote]) -> None:
        self.index = index
        self.quoted = [0, *accumulate(index.inside)]
        self.statements = [q for q in quotes if q.kind == "statement"]
        self.starts = [q.start for q in self.statements]

    def reported(self, token: Token) -> Quote | None:
        """The reported row whose cue is `token`, if it is one."""
        if token.lower_ == ACCORDING:
            source = according_source(token)
            if source is None:
                return None
            return self._row(self._sentence_without(token), source, f"{ACCORDING} {TO}")
        if token.lemma_ not in REPORTING_VERBS or token.pos_ != "VERB":
            return None
        complements = [c for c in children(token) if c.dep_ in _CONTENT]
        complements.sort(key=lambda c: c.i < token.i)  # "said he had": the one after it first
        contents = [_trimmed(c.left_edge.i, c.right_edge.i, token) for c in complements]
        if not contents and token.dep_ in _INVERTED and _frame(token):
            contents = [_without(token.head.left_edge.i, token.head.right_edge.i, token)]
        if not contents:
            that = _misattached_that(token)
            contents = [_trimmed(that.i, token.right_edge.i, token)] if that is not None else []
        subject = _subject(token, self.index.inside) if contents else None
        if subject is not None and (self.index.inside[subject.idx] or _addressed(subject, token)):
            subject = None
        rows = (self._row(bounds, subject, _cue_text(token)) for bounds in contents)
        return next(filter(None, rows), None)  # a complement in a quotation is not the one

    def _sentence_without(self, token: Token) -> tuple[int, int] | None:
        """The words of the sentence of `token`'s phrase in its paragraph (the parser may run a
        sentence on over a paragraph break), without the phrase."""
        doc = self.index.doc
        sentence = doc_sentences(doc).of(token)
        first, last = self.index.lines.around(token.idx, token.idx)
        start, end = max(first, sentence.start_char), min(last, sentence.end_char)
        words = doc.char_span(start, end, alignment_mode="contract")
        return _without(words.start, words.end - 1, token) if words else None

    def _row(self, bounds: tuple[int, int] | None, source: Token | None, cue: str) -> Quote | None:
        """The row of the content `bounds` (token indices, inclusive) said by `source`: none
        when the content is a few words or mostly quoted."""
        if bounds is None:
            return None
        doc = self.index.doc
        first, last = doc[bounds[0]], doc[bounds[1]]
        start, end = first.idx, last.idx + len(last)
        words = _words(doc, first.i, last.i, REPORTED_MIN_WORDS)
        quoted = self.quoted[end] - self.quoted[start]
        if words < REPORTED_MIN_WORDS or quoted > QUOTED_MAX_SHARE * (end - start):
            return None
        speaker, named = self._speaker(source, start)
        return Quote(start, end, self.index.text[start:end], speaker, named, cue, "reported")

    def _speaker(self, source: Token | None, at: int) -> tuple[str | None, str | None]:
        """The speaker's name and the article's words for them (`extract._speaker`), the
        statement before `at` being who a pronoun may stand for."""
        if source is None:
            return None, None
        i = bisect.bisect_left(self.starts, at)
        speaker = _speaker(self.index, source, at, self.statements[i - 1] if i else None)
        return (speaker.name, speaker.text) if speaker is not None else (None, None)

    def press_releases(self) -> list[Quote]:
        """Each paragraph of prose, with no quotation, after a paragraph that ends with a
        reporting verb and a colon: the verb's subject's statement."""
        index, text = self.index, self.index.text
        found: list[Quote] = []
        ends = [*index.lines.breaks, len(text)]
        for line, end in enumerate(ends[:-1]):
            start = ends[line - 1] + 1 if line else 0
            if not text[start:end].rstrip().endswith(":"):
                continue
            cue = index.cues.last_within(start, end)
            if cue is None or len(_between(index, cue.idx + len(cue), end)) > (
                ADJACENT_SPEAKER_MAX_WORDS
            ):
                continue
            paragraph = _next_paragraph(text, ends, line + 1)
            if paragraph is None or not self._prose(*paragraph):
                continue
            subject = _subject(cue, index.inside)
            speaker, named = self._speaker(subject, paragraph[0])
            said = text[paragraph[0] : paragraph[1]]
            found.append(Quote(*paragraph, said, speaker, named, _cue_text(cue), "statement"))
        return found

    def _prose(self, start: int, end: int) -> bool:
        """`text[start:end]` is a sentence or more with no quotation mark in it."""
        text = self.index.text[start:end]
        if not text.endswith(SENTENCE_ENDS) or not _MARKS.isdisjoint(text):
            return False
        if self.quoted[end] - self.quoted[start]:
            return False
        first = self.index.words.first_within(start, end)
        last = self.index.words.last_within(start, end)
        if first is None or last is None:
            return False
        words = [t for t in first.doc[first.i : last.i + 1] if not (t.is_punct or t.is_space)]
        return len(words) >= PROSE_MIN_WORDS and any(t.pos_ in {"VERB", "AUX"} for t in words)


def _next_paragraph(text: str, ends: list[int], line: int) -> tuple[int, int] | None:
    """The first line from `line` on with words, stripped: (start, end)."""
    for at in range(line, len(ends)):
        start, end = ends[at - 1] + 1, ends[at]
        stripped = text[start:end].strip()
        if stripped:
            start += text[start:end].index(stripped[0])
            return start, start + len(stripped)
    return None


def _frame(cue: Token) -> bool:
    """The verb, with its subject, frames the clause it hangs from: set into it ("It was, he
    said, a failure"; "At times, aides said, he fumed"), or after its start with a few words
    and no clause of its own ("The plan failed, she said"; the parser may make that clause the
    verb's, a clause under the verb is then what it reports)."""
    if not any(c.dep_ in _SUBJECTS for c in children(cue)):
        return False
    if cue.dep_ == _SET_INTO:
        return True
    words = _words(cue.doc, cue.left_edge.i, cue.right_edge.i, ADJACENT_SPEAKER_MAX_WORDS + 1)
    return cue.head.left_edge.i < cue.left_edge.i and words <= ADJACENT_SPEAKER_MAX_WORDS


def _misattached_that(cue: Token) -> Token | None:
    """The "that" opening what the verb reports, a few words after it, which the parser hung on
    something else ("said during a news conference that he may wait", "reported that the
    decision ... was")."""
    doc = cue.doc
    for token in doc[cue.i + 1 : min(cue.right_edge.i, cue.i + ADJACENT_SPEAKER_MAX_WORDS) + 1]:
        if _that(token):
            return token
    return None


def _addressed(subject: Token, cue: Token) -> bool:
    """The subject of the passive verb itself is who was spoken to, not the speaker ("He was
    told that ..."; but "he is expected to say" is his)."""
    return subject.dep_ == "nsubjpass" and subject.head.i == cue.i


def _without(first: int, last: int, cue: Token) -> tuple[int, int] | None:
    """`first`..`last` (token indices) without the words of `cue`'s phrase, when they stand at
    its start or its end ("The plan failed, she said."); in the middle they are left in it."""
    cut_first, cut_last = cue.left_edge.i, cue.right_edge.i
    if _trimmed(first, cut_first - 1, cue) is None:  # only punctuation before the phrase
        first = cut_last + 1
    elif _trimmed(cut_last + 1, last, cue) is None:  # only punctuation after it
        last = cut_first - 1
    return _trimmed(first, last, cue)


def _trimmed(first: int, last: int, cue: Token) -> tuple[int, int] | None:
    """`first`..`last` (token indices) without punctuation at either end (quote marks aside)
    and a leading "that"; None when nothing is left."""
    doc = cue.doc
    while first <= last and (_loose(doc[first]) or _that(doc[first])):
        first += 1
    while first <= last and _loose(doc[last]):
        last -= 1
    return (first, last) if first <= last else None


def _words(doc: Doc, first: int, last: int, at_most: int) -> int:
    """How many words (not punctuation or space) tokens `first`..`last` hold, counted no
    further than `at_most`: a long clause is not read to its end to learn it is not short."""
    found = 0
    for token in doc[first : last + 1]:
        if not (token.is_punct or token.is_space):
            found += 1
            if found >= at_most:
                break
    return found


def _loose(token: Token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote)


def _that(token: Token) -> bool:
    """The "that" opening a reported clause, not "that plan"."""
    return token.lower_ == THAT and token.dep_ == "mark"
