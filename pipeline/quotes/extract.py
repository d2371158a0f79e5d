"""Quotations of one parsed article, with their speakers and reporting verbs.

1. `find_spans` pairs quote marks in the body: curly or straight double quotes (or two
   apostrophes standing for one), single quotes at the top level, nested single quotes inside
   double ones left alone; a paragraph that opens a quotation without closing it continues into
   the next paragraph that opens with a mark.
2. Each quotation's frame is the rest of its paragraph outside any quotation. The reporting verb
   is the cue of that frame nearest to the quotation ("…,” he said", "Mr Healey said on
   Saturday: “…”"); its subject, followed up through "is expected to tell", is the speaker.
3. The speaker's words become a name: a mention of the article (its resolved name), a title the
   article gave someone ("the Prime Minister" -> the person whose title that was), or a pronoun
   (the nearest person named as the subject of a clause before, else the nearest person).
4. A quotation with no cue in its frame takes the speaker of the sentence before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from pipeline.entities.local import Named
from pipeline.lexicon.speech import CUE_VERBS
from pipeline.nlp import children, doc_lines, doc_sentences, doc_text
from pipeline.parsed import ParsedArticle
from pipeline.quotes.rules import (
    DOUBLE_QUOTES,
    DOUBLED_APOSTROPHES,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PHRASE_MAX_WORDS,
    RELATIVE_PRONOUNS,
    SINGLE_QUOTES,
    VERBLESS_PHRASE_MAX_WORDS,
)

_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl"}


@dataclass(frozen=True)
class QuoteSpan:
    """The quoted words: `start:end` excludes the marks; `open_at`/`close_at` are the marks."""

    start: int
    end: int
    open_at: int
    close_at: int


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    kind: str


def find_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation of `text`, paragraphs joined where a quotation runs on."""
    original, text = text, _doubled_apostrophes_as_quotes(text)
    spans: list[QuoteSpan] = []
    # Where the search from each mark last ran out unclosed: the same mark opening again
    # before there runs out there too, so it is not searched again (else a paragraph of
    # unclosed marks is searched once per mark).
    unclosed: dict[str, int] = {}
    i = 0
    while i < len(text):
        mark = text[i]
        if (mark in DOUBLE_QUOTES or (mark in SINGLE_QUOTES and _opens(text, i))) and (
            i >= unclosed.get(mark, 0)
        ):
            closing = DOUBLE_QUOTES.get(mark) or SINGLE_QUOTES[mark]
            close, stop = _closing(text, i + 1, mark, closing)
            if close is not None:
                spans.append(QuoteSpan(i + 1, close, i, close))
                i = close + 1
                continue
            unclosed[mark] = stop
        i += 1
    return [s for s in spans if original[s.start : s.end].strip()]


def _doubled_apostrophes_as_quotes(text: str) -> str:
    """`text` with each pair of apostrophes that stands for a double quote written as a straight
    double quote and a space, on the side away from the words it quotes: the same length, so
    every offset holds."""
    if DOUBLED_APOSTROPHES not in text:
        return text
    out, i = [], 0
    while (at := text.find(DOUBLED_APOSTROPHES, i)) >= 0:
        out.append(text[i:at])
        opens = at == 0 or text[at - 1].isspace() or text[at - 1] in "([{—–-"
        out.append(' "' if opens else '" ')
        i = at + len(DOUBLED_APOSTROPHES)
    out.append(text[i:])
    return "".join(out)


def _opens(text: str, i: int) -> bool:
    """A single mark opens a quotation after a space or a line start, never inside a word."""
    return i == 0 or not text[i - 1].isalnum()


def _closing(text: str, start: int, opening: str, closing: str) -> tuple[int | None, int]:
    """Where the quotation opened at `start - 1` closes (None if it does not), and where the
    search stopped; it may run over paragraphs, each of which reopens with the mark."""
    i = start
    while i < len(text):
        char = text[i]
        if char == closing and (closing not in SINGLE_QUOTES.values() or _ends(text, i)):
            return i, i
        if text.startswith("\n\n", i):
            after = i + 2
            while after < len(text) and text[after] == "\n":
                after += 1
            if text[after : after + 1] == opening:
                i = after + 1  # the quotation runs on into this paragraph
                continue
            if text[after : after + 2] == f" {opening}":  # its mark, two apostrophes
                i = after + 2
                continue
            return None, i  # a mark never closed within its paragraph
        i += 1
    return None, i


def _ends(text: str, i: int) -> bool:
    """A closing single mark is not an apostrophe: no letter follows it."""
    return i + 1 >= len(text) or not text[i + 1].isalpha()


def find_quotes(article: ParsedArticle) -> list[Quote]:
    doc = article.doc
    spans = find_spans(doc_text(doc))
    if not spans:
        return []
    index = _Index(article, spans)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for span in spans:
        words = doc.char_span(span.start, span.end, alignment_mode="expand")
        kind = _kind(words)
        speaker, cue = None, None
        if kind == "statement":
            speaker, cue = _attribution(index, span, previous)
            if speaker is None and cue is None and previous is not None:
                between = span.open_at - previous.end
                if previous.kind == "statement" and between < 200:
                    speaker = previous.speaker  # the next quotation of the same speech
        text = doc_text(doc)[span.start : span.end]
        quote = Quote(span.start, span.end, text, speaker, cue, kind)
        quotes.append(quote)
        if kind == "statement":
            previous = quote
    return quotes


def _kind(words: Span | None) -> str:
    if words is None:
        return "phrase"
    tokens = [t for t in words if not (t.is_punct or t.is_space)]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    if len(tokens) <= PHRASE_MAX_WORDS or (
        not has_verb and len(tokens) <= VERBLESS_PHRASE_MAX_WORDS
    ):
        return "phrase"
    return "statement"


class _Tokens:
    """Tokens in text order, with where each starts and ends: those within a stretch of text
    are a bisection away, not a walk over it."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.idx for t in tokens]
        self.ends = [t.idx + len(t) for t in tokens]

    def first_within(self, start: int, end: int) -> Token | None:
        """The first token lying wholly within `start:end` (as `char_span` "contract" has it)."""
        i = bisect.bisect_left(self.starts, start)
        return self.tokens[i] if i < len(self.tokens) and self.ends[i] <= end else None

    def last_within(self, start: int, end: int) -> Token | None:
        i = bisect.bisect_right(self.ends, end)
        return self.tokens[i - 1] if i and self.starts[i - 1] >= start else None


class _Mentions:
    """Mentions sorted by where they start. Mentions never overlap (neither do the spans spaCy
    names), so they are sorted by where they end too, and bisection finds the one at a place."""

    def __init__(self, mentions: Iterable[Named]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.ends = [m.end for m in self.items]

    def last(self, since: int, before: int) -> Named | None:
        """The last mention starting at `since` or later and before `before`."""
        i = bisect.bisect_left(self.starts, before)
        return self.items[i - 1] if i and self.starts[i - 1] >= since else None

    def containing(self, at: int) -> Named | None:
        i = bisect.bisect_right(self.starts, at) - 1
        return self.items[i] if i >= 0 and at < self.ends[i] else None

    def over(self, token: Token) -> Named | None:
        """The first mention that holds the token's start or starts inside the token."""
        stop = token.idx + len(token.text)
        i = bisect.bisect_right(self.ends, token.idx)
        while i < len(self.items) and self.starts[i] < stop:
            m = self.items[i]
            if m.start <= token.idx < m.end or token.idx <= m.start:
                return m
            i += 1
        return None


class _Index:
    """What attributing one article's quotations looks up, indexed once: the lines, the words
    and reporting verbs outside quotations, the mentions. Each quotation's frame and candidate
    speakers are then found by bisection; walking the paragraph or every mention for each
    quotation is quadratic on a long article."""

    def __init__(self, article: ParsedArticle, spans: list[QuoteSpan]) -> None:
        self.doc = doc = article.doc
        self.text = doc_text(doc)
        self.lines = doc_lines(doc)
        self.inside = [False] * (len(self.text) + 1)
        for s in spans:
            self.inside[s.open_at : s.close_at + 1] = [True] * (s.close_at + 1 - s.open_at)
        outside = [t for t in doc if not self.inside[t.idx]]
        self.words = _Tokens(outside)
        self.cues = _Tokens([t for t in outside if t.lemma_ in CUE_VERBS])
        self.mentions = _Mentions(article.mentions)
        self.people = _Mentions(m for m in article.mentions if m.label == "PERSON")
        self.sentence_cues: dict[int, list[Token]] = {}

    @cached_property
    def subjects(self) -> _Mentions:
        """The people named as the subject of a clause."""
        return _Mentions(m for m in self.people.items if _is_subject(self.doc, m))

    @cached_property
    def titles(self) -> tuple[list[str], dict[str, _Mentions]]:
        """The titles the article gives people, casefolded and reversed, sorted: the titles
        ending with some words are then one bisection away. With the people holding each."""
        holders: dict[str, list[Named]] = {}
        for m in self.mentions.items:
            if m.title:
                holders.setdefault(m.title.casefold()[::-1], []).append(m)
        return sorted(holders), {title: _Mentions(found) for title, found in holders.items()}

    def cues_of(self, sentence: Span) -> list[Token]:
        """The reporting verbs of a sentence, quoted or not; found once per sentence, as the
        quotations of a paragraph each look at the sentence before it."""
        if sentence.start not in self.sentence_cues:
            self.sentence_cues[sentence.start] = [t for t in sentence if t.lemma_ in CUE_VERBS]
        return self.sentence_cues[sentence.start]

    def introduces(self, start: int, end: int) -> bool:
        """`text[start:end]` ends with a colon, trailing space aside."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return end > start and self.text[end - 1] == ":"


def _attribution(
    index: _Index, span: QuoteSpan, previous: Quote | None
) -> tuple[str | None, str | None]:
    """(speaker, cue) from the quotation's frame, or from the sentence before it."""
    text = index.text
    first_start, _ = index.lines.around(span.open_at, span.open_at)
    _, last_end = index.lines.around(span.close_at, span.close_at)
    after_cue = index.cues.first_within(span.close_at + 1, last_end)
    before_cue = index.cues.last_within(first_start, span.open_at)
    runs_on = (  # "“…,” he said", "“…”, Number 10 said"
        text[span.end - 1 : span.end] in {",", "—", "-"}
        or text[span.close_at + 1 : span.close_at + 2] == ","
    )
    before = index.words.first_within(first_start, span.open_at) is not None
    ordered = [after_cue, before_cue] if runs_on or not before else [before_cue, after_cue]
    for cue in filter(None, ordered):
        subject = _subject(cue)
        if subject is not None and not index.inside[subject.idx]:
            return _speaker(index, subject, span.open_at, previous), _cue_text(cue)
        return _nearest_person(index, span.open_at, since=first_start), _cue_text(cue)
    if index.introduces(first_start, span.open_at):  # "In Mr Healey’s words: “…”"
        speaker = _nearest_person(index, span.open_at, since=first_start)
        if speaker is not None:
            return speaker, None
    sentence_before = _sentence_before(index.doc, first_start)
    if sentence_before is not None and text[span.open_at - 2 : span.open_at].strip() in (":", ""):
        cues = index.cues_of(sentence_before)
        if cues:
            subject = _subject(cues[-1])
            if subject is not None:
                return _speaker(index, subject, span.open_at, previous), _cue_text(cues[-1])
            since = sentence_before.start_char  # "Brink posted a message which read:"
            return _nearest_person(index, span.open_at, since=since), _cue_text(cues[-1])
    return None, None


def _sentence_before(doc: Doc, paragraph_start: int) -> Span | None:
    if paragraph_start <= 0:
        return None
    end = doc.char_span(max(0, paragraph_start - 3), paragraph_start, alignment_mode="contract")
    return doc_sentences(doc).of(end[0]) if end is not None else None


def _subject(cue: Token) -> Token | None:
    """The subject of the reporting verb, through 'is expected to tell', 'will say'."""
    token = cue
    for _ in range(4):
        for child in children(token):
            if child.dep_ in _SUBJECTS:
                if child.lower_ in RELATIVE_PRONOUNS and token.dep_ in {"relcl", "acl"}:
                    break  # "a message which read": the subject is up the tree
                return child
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        token = token.head
    return None


def _cue_text(cue: Token) -> str:
    """'said', 'told', 'is expected to tell', 'will say'."""
    parts = [t for t in children(cue) if t.dep_ in {"aux", "auxpass", "neg"} and t.i < cue.i]
    head = cue.head
    if cue.dep_ == "xcomp" and head.pos_ in {"VERB", "ADJ"}:  # "is expected to tell"
        parts = [t for t in children(head) if t.dep_ in {"aux", "auxpass"} and t.i < head.i]
        parts += [head, *[t for t in children(cue) if t.dep_ == "aux" and t.i < cue.i]]
    tokens = sorted([*parts, cue], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


def _speaker(index: _Index, subject: Token, before: int, previous: Quote | None) -> str | None:
    """The name the article gives the subject of the cue. A pronoun is the person last named
    as a subject since the previous quotation, else that quotation's speaker, else the person
    last named."""
    mention = _mention_over(index, subject)
    if mention is not None:
        return mention.name
    if subject.lower_ in PERSON_PRONOUNS:
        since = previous.end if previous is not None else 0
        named = _nearest_person(index, subject.idx, since=since, subjects_only=True)
        if named is None and previous is not None and previous.speaker is not None:
            return previous.speaker
        return named or _nearest_person(index, subject.idx, prefer_subjects=True)
    if subject.lower_ in GROUP_PRONOUNS:
        return None
    words = " ".join(t.text for t in subject.subtree if t.dep_ != "det" and not t.is_punct)
    return _titled(index, words, before)


def _mention_over(index: _Index, token: Token) -> Named | None:
    found = index.mentions.over(token)
    if found is not None:
        return found
    for child in token.subtree:  # "Bridget Brink, the US ambassador"
        found = index.mentions.containing(child.idx)
        if found is not None and found.label in {"PERSON", "ORG"}:
            return found
    return None


def _titled(index: _Index, words: str, before: int) -> str | None:
    """'the Prime Minister' -> the person the article titled so (nearest before, else the
    first)."""
    if not words:
        return None
    wanted = re.sub(r"\s+", " ", words).casefold()[::-1]
    titles, holders = index.titles
    earlier: Named | None = None
    first: Named | None = None
    at = bisect.bisect_left(titles, wanted)
    while at < len(titles) and titles[at].startswith(wanted):  # the titles ending with `words`
        found = holders[titles[at]]
        last = found.last(0, before)
        if last is not None and (earlier is None or last.start > earlier.start):
            earlier = last
        if first is None or found.items[0].start < first.start:
            first = found.items[0]
        at += 1
    chosen = earlier or first
    return chosen.name if chosen is not None else None


def _nearest_person(
    index: _Index,
    before: int,
    since: int = 0,
    prefer_subjects: bool = False,
    subjects_only: bool = False,
) -> str | None:
    if prefer_subjects or subjects_only:
        subject = index.subjects.last(since, before)
        if subject is not None or subjects_only:
            return subject.name if subject is not None else None
    person = index.people.last(since, before)
    return person.name if person is not None else None


def _is_subject(doc: Doc, mention: Named) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECTS
