"""Quotations of one parsed article, with their speakers and reporting verbs.

1. `find_spans` pairs quote marks in the body: curly or straight double quotes (or two
   apostrophes standing for one), single quotes at the top level, nested single quotes inside
   double ones left alone; a paragraph that opens a quotation without closing it continues into
   the next paragraph that opens with a mark.
2. Each quotation's frame is the rest of its paragraph outside any quotation. The reporting verb
   is the cue of that frame nearest to the quotation ("…,” he said", "Mr Healey said on
   Saturday: “…”", "“…!” beamed Hartley", "shot back"); its subject (of two the parse gave it,
   the nearer: "His final assessment: “…,” he said"), followed up through "is
   expected to tell" and "by saying" (a passive cue's agent: "was asked by Bill Maher"), never a
   word inside the quotation, is the speaker. A cue the parse gave no subject takes the name
   between it and the quotation ("“…,” Ramos, 58, told AFP") or just after it ("said Ramos"),
   never the one told ("told The Herald"). No part of a hyphenated word, and no noun, is a cue
   ("post-war", "the state union"). The small model's slips are survived: a name it hung on the
   cue as a modifier is its subject ("Beck joked" as a compound); a cue it joined to the wrong
   verb looks past a subject that cannot speak ("X said the move was made by Y and said, “…”":
   not the move).
3. The speaker's words become a name: a mention of the article (its resolved name; of "Brian
   Fallon, a Clinton spokesman" or "a Clinton spokesman, Brian Fallon", Fallon, never Clinton),
   a title the article gave someone ("the Prime Minister", "the senator" for "Sen. Jones": the
   person whose title that was), a proper noun no entity holds (the person of that surname the
   article names in full, else its words, cut before a reporting verb or a pronoun that title
   case made look like a name). A pronoun is the person a sentence since the last reporting verb
   is about, its main verb's subject ("Kaine did not see the media's point. “…,” he said"); else
   a pronoun or a person's role ("she", "the spokeswoman") is the person last named as the
   subject of a reporting verb before it whom it fits: a "she" is never the article's "Mr
   Healey", "her spokesman" never her; "they", "it" and "the company" are the organisation last
   named so, "the statement" whoever was last named so. A role the text does not fill ("a
   spokesman for the council") has no speaker: a wrong speaker is worse than none; "a Twitter
   spokesman" speaks for Twitter. Each speaker keeps the words of the attribution that name it
   (`speaker_text`: "she", "the spokeswoman", "Defence Secretary John Healey", without an
   appositive or a relative clause).
4. A quotation headed by a name and a colon, the name no verb's subject or object, is that
   name's ("Pollsters agree - Carl Bialik: “…”"; "Trump told CNN: “…”" is Trump's by its cue).
   A quotation with no cue in its frame takes its source from "according to X" beside it, from
   a signature after a dash, on the next line ("- Bernie Sanders.") or at the end of its own
   ("“…” ― Sonya Herridge", as reader roundups and embedded posts sign), from the subject of the
   sentence that introduces it with a colon ("Trump issued the following statement:"), or from
   the cue of the sentence before it (the paragraph before, for a quotation standing alone);
   else it is the next quotation of the speech before it, whose speaker and words it takes.
5. Statement or phrase: a long quotation is a statement; a short one is too when a cue with a
   speaker stands next to it and it reads as something said ("“Oh, God,” she said"), else a
   phrase, whose speaker is the subject of the reporting verb whose clause holds it ("called the
   plan “a disgrace”").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from pipeline.entities.local import Named
from pipeline.lexicon.speech import CUE_VERBS, PHRASAL_CUES
from pipeline.nlp import children, doc_lines, doc_sentences, doc_text
from pipeline.parsed import ParsedArticle
from pipeline.quotes.rules import (
    ADJACENT_NAME_WITHIN,
    ADJACENT_SPEAKER_MAX_WORDS,
    ARGUMENT_DEPS,
    DOCUMENT_NOUNS,
    DOUBLE_QUOTES,
    DOUBLED_APOSTROPHES,
    GROUP_LABELS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    HONORIFIC_PRONOUNS,
    HYPHENS,
    INDEFINITE_DETERMINERS,
    MIXED_CLOSERS,
    NAME_LABELS,
    NOT_NAME_WORDS,
    PERSON_NOUN_ENDINGS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PHRASE_MAX_WORDS,
    PLURAL_NOUN_TAGS,
    PRONOUN_GENDER,
    REFERENT_LOOKBACK,
    RELATIVE_PRONOUNS,
    SIGNATURE_DASHES,
    SINGLE_QUOTES,
    TITLE_ABBREVIATIONS,
    VERBLESS_PHRASE_MAX_WORDS,
    VOICES,
)

_SUBJECTS = {"nsubj", "nsubjpass"}
_FUNCTION_POS = {"DET", "ADP", "CCONJ", "PART", "SPACE"}
_MAYBE_PEOPLE = {"", "PERSON", "NORP"}
_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp"}
_THROUGH = {"prep"}  # "by saying": the preposition, then the verb it hangs from
_NOT_VERBS = {"NOUN", "PROPN", "ADJ", "ADP", "NUM"}  # a cue's lemma tagged so is another word
_ADDRESSEES = {"dobj", "dative", "iobj"}  # "told The Huffington Post", "told him"
_MISREAD_SUBJECTS = {"compound", "npadvmod", "nmod", "dep"}  # a name before a cue hung on it so


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
    speaker_text: str | None
    cue: str | None
    kind: str
    # Where the quotation this one continues starts, when it is split around its cue ("“We
    # will,” he said, “win.”": “win.” continues “We will,”); both are then one statement.
    continues: int | None = None


@dataclass(frozen=True)
class _Speaker:
    """Who said it: the name the article gives them, and the words of the attribution that name
    them ("she", "the spokeswoman", "Mr. Healey"), so a reader can check the name."""

    name: str
    text: str


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
    closers = {closing, MIXED_CLOSERS.get(opening, closing)}
    i = start
    while i < len(text):
        char = text[i]
        if (
            char in closers
            and (closing not in SINGLE_QUOTES.values() or _ends(text, i))
            and not (char == opening and _reopens(text, i))
        ):
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


def _reopens(text: str, i: int) -> bool:
    """A straight mark inside a straight-quoted stretch, a space before it and a word after,
    opens the quotation's next paragraph, its breaks flattened away (`…potential. "It is
    wrong," she said`): the quotation runs on through it, as over a paragraph break."""
    return i > 0 and text[i - 1].isspace() and i + 1 < len(text) and text[i + 1].isalnum()


def _ends(text: str, i: int) -> bool:
    """A closing single mark is not an apostrophe: no letter follows it."""
    return i + 1 >= len(text) or not text[i + 1].isalpha()


def quote_index(article: ParsedArticle) -> _Index:
    """What finding the article's quotations and its reported speech looks up, built once."""
    return _Index(article, find_spans(doc_text(article.doc)))


def find_quotes(article: ParsedArticle, index: _Index | None = None) -> list[Quote]:
    """The article's quotations (`index`: its `quote_index`, built here when not given)."""
    doc = article.doc
    if index is None:
        index = quote_index(article)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for span in index.spans:
        words = doc.char_span(span.start, span.end, alignment_mode="expand")
        kind = _kind(words, alone=_alone(index, span))
        speaker, cue, attached = _attribution(index, span, previous)
        if kind == "phrase":
            if attached and _utterance(index.text, span, words):  # “Oh, God,” she said
                kind = "statement"
            else:  # Trump called the plan “a disgrace”: his words, a phrase all the same
                speaker, cue = _governing_cue(index, words, span, previous)
        if kind == "statement" and speaker is None and cue is None and previous is not None:
            between = span.open_at - previous.end
            if previous.kind == "statement" and between < 200 and previous.speaker is not None:
                # the next quotation of the same speech
                speaker = _Speaker(previous.speaker, previous.speaker_text or previous.speaker)
        text = doc_text(doc)[span.start : span.end]
        name, words_of = (speaker.name, speaker.text) if speaker is not None else (None, None)
        quote = Quote(span.start, span.end, text, name, words_of, cue, kind)
        quotes.append(quote)
        if kind == "statement":
            previous = quote
    return _split_joined(index, quotes)


def _utterance(text: str, span: QuoteSpan, words: Span | None) -> bool:
    """The quotation reads as something said, not a term or a title: it opens with a capital
    letter, and not all of its words are proper nouns ("Morning Joe", "State of the Union")."""
    first = text[span.start : span.end].lstrip()[:1]
    if words is None or not first.isupper():
        return False
    content = [t for t in words if t.pos_ not in _FUNCTION_POS and not t.is_punct]
    return not all(t.pos_ == "PROPN" for t in content)


def _governing_cue(
    index: _Index, words: Span | None, span: QuoteSpan, previous: Quote | None
) -> tuple[_Speaker | None, str | None]:
    """A phrase inside the clause of a reporting verb ("called the plan “a disgrace”"): the
    verb's subject and the verb; else nothing."""
    if words is None:
        return None, None
    token = words.root
    for _ in range(4):
        if token.head.i == token.i:
            return None, None
        token = token.head
        if index.inside[token.idx]:
            continue
        if _is_cue(token):
            subject = _subject(token, index.inside)
            if subject is None or index.inside[subject.idx]:
                return None, None
            return _speaker(index, subject, span.open_at, previous), _cue_text(token)
    return None, None


def _alone(index: _Index, span: QuoteSpan) -> bool:
    """The quotation is its whole line: a pull quote or a quoted subheading. (Only the marks'
    neighbours are read: a long paragraph of quotations is not read once per quotation.)"""
    start, end = index.lines.around(span.open_at, span.close_at)
    return (
        start == span.open_at
        and end - span.close_at <= 2
        and not index.text[span.close_at + 1 : end].strip(" .,;:")
    )


def _kind(words: Span | None, alone: bool) -> str:
    if words is None:
        return "phrase"
    tokens = [t for t in words if not (t.is_punct or t.is_space)]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    if len(tokens) <= PHRASE_MAX_WORDS or (
        not has_verb and len(tokens) <= VERBLESS_PHRASE_MAX_WORDS
    ):
        return "phrase"
    return "phrase" if not alone and _title_cased(words) else "statement"


def _title_cased(words: Span) -> bool:
    """A title or a slogan ("wore “Make America Great Again” hats", "wrote “The Art of the
    Deal”"): every word but short function words capitalised, and no sentence mark at its end.
    (A line of its own so written is a quoted subheading: someone's words.)"""
    marks = [t for t in words if not t.is_space]
    if marks[-1].text in {".", "!", "?"}:
        return False
    content = [t for t in marks if not t.is_punct and (t.pos_ not in _FUNCTION_POS or len(t) > 3)]
    return all(t.text[:1].isupper() for t in content)


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

    def first(self, since: int, before: int) -> Named | None:
        """The first mention starting at `since` or later and before `before`."""
        i = bisect.bisect_left(self.starts, since)
        return self.items[i] if i < len(self.items) and self.starts[i] < before else None

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
        self.spans = spans
        self.doc = doc = article.doc
        self.text = doc_text(doc)
        self.lines = doc_lines(doc)
        self.inside = [False] * (len(self.text) + 1)
        for s in spans:
            self.inside[s.open_at : s.close_at + 1] = [True] * (s.close_at + 1 - s.open_at)
        outside = [t for t in doc if not self.inside[t.idx]]
        self.words = _Tokens(outside)
        self.cues = _Tokens([t for t in outside if _is_cue(t)])
        self.mentions = _Mentions(article.mentions)
        self.people = _Mentions(m for m in article.mentions if m.label == "PERSON")
        self.sentence_cues: dict[int, list[Token]] = {}

    @cached_property
    def subjects(self) -> _Mentions:
        """The people named as the subject of a clause outside quotations."""
        return _Mentions(
            m for m in self.people.items if not self.inside[m.start] and _is_subject(self.doc, m)
        )

    @cached_property
    def topics(self) -> _Mentions:
        """The people named as the subject of a sentence's main verb outside quotations ("Kaine
        did not see the media's point."): whom the sentences after it are about."""
        return _Mentions(m for m in self.subjects.items if _is_subject(self.doc, m, main=True))

    @cached_property
    def titles(self) -> tuple[list[str], dict[str, _Mentions]]:
        """The titles the article gives people, casefolded, abbreviations spelled out ("Sen."
        is "senator") and reversed, sorted: the titles ending with some words are then one
        bisection away. With the people holding each."""
        holders: dict[str, list[Named]] = {}
        for m in self.mentions.items:
            if m.title:
                holders.setdefault(_title_words(m.title)[::-1], []).append(m)
        return sorted(holders), {title: _Mentions(found) for title, found in holders.items()}

    @cached_property
    def surnames(self) -> dict[str, str]:
        """A surname -> the one full name the article gives a person of that surname ("Mr
        Balls", a proper noun no mention holds, is "Ed Balls"); a surname two people share
        names neither."""
        found: dict[str, set[str]] = {}
        for m in self.people.items:
            words = m.name.split()
            if len(words) > 1:
                found.setdefault(words[-1].casefold(), set()).add(m.name)
        return {surname: next(iter(names)) for surname, names in found.items() if len(names) == 1}

    @cached_property
    def genders(self) -> dict[str, str]:
        """A person's name -> "he" or "she", from the honorifics the article gives them ("Mr",
        "Ms"): a "she" is then never a man so titled. (The pronouns near a name are no guide:
        "Clinton said he" is about someone else.) Unknown for most: no filter then."""
        found: dict[str, str] = {}
        for m in self.people.items:
            pronoun = HONORIFIC_PRONOUNS.get((m.title or "").split(" ")[-1].casefold())
            if pronoun is not None:
                found.setdefault(m.name, pronoun)
        return found

    @cached_property
    def speakers(self) -> list[tuple[int, str]]:
        """(where, name) of each person named as the subject of a reporting verb outside
        quotations, in text order: who a later "he" or "the spokeswoman" most likely is."""
        return [(at, name) for at, name, label in self.subjects_of_cues if label == "PERSON"]

    @cached_property
    def groups(self) -> list[tuple[int, str]]:
        """(where, name) of each organisation or group so named: who a later "they" is."""
        return [(at, name) for at, name, label in self.subjects_of_cues if label in GROUP_LABELS]

    @cached_property
    def subjects_of_cues(self) -> list[tuple[int, str, str]]:
        """(where, name, label) of each name that is the subject of a reporting verb outside
        quotations, in text order."""
        found: list[tuple[int, str, str]] = []
        for cue in self.cues.tokens:
            subject = _subject(cue, self.inside)
            if subject is None or self.inside[subject.idx]:
                continue
            mention = _mention_over(self, subject)
            if mention is not None:
                found.append((subject.idx, mention.name, mention.label))
            elif subject.pos_ == "PROPN" and subject.ent_type_ in _MAYBE_PEOPLE:
                found.append((subject.idx, _proper_name(self, subject), "PERSON"))
        return sorted(found)

    def cues_of(self, sentence: Span) -> list[Token]:
        """The reporting verbs of a sentence, quoted or not; found once per sentence, as the
        quotations of a paragraph each look at the sentence before it."""
        if sentence.start not in self.sentence_cues:
            self.sentence_cues[sentence.start] = [t for t in sentence if _is_cue(t)]
        return self.sentence_cues[sentence.start]

    def introduces(self, start: int, end: int) -> bool:
        """`text[start:end]` ends with a colon, trailing space aside."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return end > start and self.text[end - 1] == ":"


def _attribution(
    index: _Index, span: QuoteSpan, previous: Quote | None
) -> tuple[_Speaker | None, str | None, bool]:
    """(speaker, cue, attached) from the quotation's frame, or from the sentence before it;
    `attached` when the cue of the frame is next to the quotation, with a speaker between them
    or just after the cue ("“…,” she said", "Smith said: “…”")."""
    text = index.text
    first_start, _ = index.lines.around(span.open_at, span.open_at)
    _, last_end = index.lines.around(span.close_at, span.close_at)
    after_cue = index.cues.first_within(span.close_at + 1, last_end)
    before_cue = index.cues.last_within(first_start, span.open_at)
    runs_on = (  # "“…,” he said", "“…”, Number 10 said"
        text[span.end - 1 : span.end] in {",", "—", "-", "!", "?"}
        or text[span.close_at + 1 : span.close_at + 2] == ","
    )
    before = index.words.first_within(first_start, span.open_at) is not None
    if after_cue is None and runs_on:  # "“This is fantastic!” beamed Hartley"
        after_cue = _verb_of_speaker(index, span, last_end)
    ordered = [after_cue, before_cue] if runs_on or not before else [before_cue, after_cue]
    headed = _headed(index, span, first_start)
    if headed is not None:  # "Pollsters agree - Carl Bialik: “…”"
        return headed, None, False
    for cue in filter(None, ordered):
        attached = _next_to(index, span, cue, runs_on)
        subject = _subject(cue, index.inside)
        if subject is not None and not index.inside[subject.idx]:
            speaker = _speaker(index, subject, span.open_at, previous)
            return speaker, _cue_text(cue), attached and speaker is not None
        named = _adjacent_name(index, span, cue)
        if named is not None:
            return named, _cue_text(cue), attached
        nearest = _nearest_person(index, span.open_at, since=first_start)
        return _as_speaker(index, nearest), _cue_text(cue), False
    source = _according_to(index, span, first_start, last_end, previous) or _signed(
        index, span, first_start, last_end
    )
    if source is not None:
        return source, None, False
    if index.introduces(first_start, span.open_at):  # "In Mr Healey’s words: “…”"
        said = _introducer(index, first_start, span.open_at, previous) or _as_speaker(
            index, _nearest_person(index, span.open_at, since=first_start)
        )
        if said is not None:
            return said, None, False
    sentence_before = _sentence_before(index.doc, first_start)
    if sentence_before is not None and text[span.open_at - 2 : span.open_at].strip() in (":", ""):
        cues = index.cues_of(sentence_before)
        if cues:
            subject = _subject(cues[-1], index.inside)
            if subject is not None:
                speaker = _speaker(index, subject, span.open_at, previous)
                return speaker, _cue_text(cues[-1]), False
            since = sentence_before.start_char  # "Brink posted a message which read:"
            nearest = _nearest_person(index, span.open_at, since=since)
            return _as_speaker(index, nearest), _cue_text(cues[-1]), False
        if index.introduces(sentence_before.start_char, first_start):  # "… statement:"
            said = _introducer(index, sentence_before.start_char, first_start, previous)
            return said, None, False
    return None, None, False


def _headed(index: _Index, span: QuoteSpan, start: int) -> _Speaker | None:
    """A quotation headed by a name and a colon, the name neither a verb's subject nor its
    object ("Pollsters agree - Carl Bialik: “…”", "Mark Blumenthal and Jon Cohen: “…”"): that
    name's, the first of several; never "Trump told CNN: “…”" (CNN is told)."""
    colon = index.words.last_within(start, span.open_at)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    mention = index.mentions.containing(colon.doc[colon.i - 1].idx)
    if mention is None or mention.label not in NAME_LABELS:
        return None
    words = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None or words.root.dep_ in ARGUMENT_DEPS:
        return None
    head = words.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return _as_speaker(index, index.mentions.containing(head.idx) or mention)


def _according_to(
    index: _Index, span: QuoteSpan, start: int, end: int, previous: Quote | None
) -> _Speaker | None:
    """A frame with no reporting verb that names the source: "“…,” according to CNN",
    "According to the Daily Caller, “…”" (never "according to a court document")."""
    after = _between(index, span.close_at + 1, end)[:1]
    before = _between(index, start, span.open_at)
    for word in [*after, *before[:1]]:
        source = according_source(word)
        if source is not None:
            return _speaker(index, source, span.open_at, previous)
    return None


def according_source(word: Token) -> Token | None:
    """The X of "according to X" when `word` is its "according"."""
    if word.lower_ != "according":
        return None
    to = next((c for c in children(word) if c.lower_ == "to"), None)
    return next((c for c in children(to) if c.dep_ == "pobj"), None) if to else None


_SIGNATURE = re.compile(rf"\s*[{SIGNATURE_DASHES}]+\s*")


def _signed(index: _Index, span: QuoteSpan, start: int, end: int) -> _Speaker | None:
    """A quotation standing alone, signed after a dash: on the next line ("“…”\n\n- Bernie
    Sanders."), or on its own line by a name right after the dash ("“…” ― Sonya Herridge", an
    embedded post's "“…” — Donald J. Trump (@realDonaldTrump)"; not "“…” — I heard him")."""
    text = index.text
    if text[start : span.open_at].strip():
        return None
    after = span.close_at + 1
    on_its_line = bool(text[after:end].strip(" .,"))
    signature = _SIGNATURE.match(text, after if on_its_line else end)
    if signature is None or (not on_its_line and "\n" not in signature.group()):
        return None
    _, line_end = index.lines.around(signature.end(), signature.end())
    mention = index.mentions.first(signature.end(), line_end)
    if mention is None or (on_its_line and mention.start != signature.end()):
        return None
    return _as_speaker(index, mention)


def _introducer(index: _Index, start: int, end: int, previous: Quote | None) -> _Speaker | None:
    """The quotation `text[start:end]` introduces with a colon and no reporting verb ("Trump
    issued the following statement:") is its sentence's subject's, when that is a name (a
    proper noun the model tagged no entity too: "the Illinois Board of Elections was
    conclusive:") or a person's pronoun."""
    token = last = index.words.last_within(start, end)
    first = index.words.first_within(start, end)
    subject = None
    while token is not None and subject is None and not index.inside[token.idx]:
        subject = next((c for c in children(token) if c.dep_ in _SUBJECTS), None)
        token = token.head if token.head.i != token.i else None  # up to the clause's verb
    if subject is None and first is not None and last is not None:
        # the parse hung the clause on a word of the quotation: its own top's subject
        within = range(first.i, last.i + 1)
        tops = [t for t in index.doc[first.i : last.i + 1] if t.head.i not in within]
        subjects = [c for t in tops for c in children(t) if c.dep_ in _SUBJECTS and c.i in within]
        subject = subjects[-1] if subjects else None
    if subject is None or index.inside[subject.idx]:
        return None
    if (
        subject.lower_ in PERSON_PRONOUNS
        or subject.pos_ == "PROPN"
        or _mention_over(index, subject) is not None
    ):
        return _speaker(index, subject, end, previous)
    return None


def _verb_of_speaker(index: _Index, span: QuoteSpan, end: int) -> Token | None:
    """The verb just after a quotation that runs on into it, its subject a name or a person
    pronoun beside it: "“…!” beamed Hartley", "“…,” Trump barked"."""
    for token in _between(index, span.close_at + 1, end)[:3]:
        if token.pos_ == "VERB":
            subject = next((c for c in children(token) if c.dep_ in _SUBJECTS), None)
            named = subject is not None and (
                subject.pos_ == "PROPN" or subject.lower_ in PERSON_PRONOUNS
            )
            return token if named else None
        if token.pos_ not in {"PROPN", "PRON"}:
            return None
    return None


def _between(index: _Index, start: int, end: int) -> list[Token]:
    """The words (punctuation aside) outside quotations in `text[start:end]`."""
    first = index.words.first_within(start, end)
    if first is None:
        return []
    found: list[Token] = []
    for t in first.doc[first.i :]:
        if t.idx >= end or len(found) > ADJACENT_SPEAKER_MAX_WORDS:
            break  # a long stretch is read no further than the words that count
        if not (t.is_punct or t.is_space) and not index.inside[t.idx]:
            found.append(t)
    return found


def _next_to(index: _Index, span: QuoteSpan, cue: Token, runs_on: bool) -> bool:
    """The cue stands by the quotation: after it, with few words between, the quotation
    running on into them ("“…,” Ramos, 58, told AFP"); or before it, the words between ending
    with a colon or a comma ("she said on Monday: “…”")."""
    if cue.idx > span.close_at:
        between = _between(index, span.close_at + 1, cue.idx)
        return runs_on and len(between) <= ADJACENT_SPEAKER_MAX_WORDS
    end = cue.idx + len(cue.text)
    between = _between(index, end, span.open_at)
    lead = index.text[end : span.open_at].rstrip()
    return lead.endswith((",", ":")) and len(between) <= ADJACENT_SPEAKER_MAX_WORDS


def _adjacent_name(index: _Index, span: QuoteSpan, cue: Token) -> _Speaker | None:
    """A cue the parse gave no subject: the name just after the quotation, before the cue
    ("“…,” Ramos, 58, told AFP"), or just after the cue ("said Ramos", "“…,” said Ramos": the
    parser ran the sentence on into the next paragraph and hung the name there); never the one
    told ("Butz, 49, told The Huffington Post. “…”": not the Post)."""
    if cue.idx > span.close_at:
        between = _between(index, span.close_at + 1, cue.idx)[:ADJACENT_NAME_WITHIN]
        if not any(t.pos_ == "PROPN" for t in between):
            _, end = index.lines.around(cue.idx, cue.idx)
            between = _between(index, cue.idx + len(cue.text), end)[:ADJACENT_NAME_WITHIN]
    else:
        between = _between(index, cue.idx + len(cue.text), span.open_at)[:ADJACENT_NAME_WITHIN]
    told = {t.i for c in children(cue) if c.dep_ in _ADDRESSEES for t in c.subtree}
    names = [t for t in between if t.pos_ == "PROPN" and t.i not in told]
    found = [m for m in map(index.mentions.over, names) if m is not None]
    person = next((m for m in found if m.label == "PERSON"), None)  # not "Texas" in "Texas
    if person is not None:  # delegate Bill Eastland"
        return _as_speaker(index, person)
    if not names:
        return None
    first = index.mentions.over(names[0])
    if first is not None:
        return _as_speaker(index, first)
    return _Speaker(_proper_name(index, names[0]), _proper_words(index, names[0]))


def _sentence_before(doc: Doc, paragraph_start: int) -> Span | None:
    if paragraph_start <= 0:
        return None
    end = doc.char_span(max(0, paragraph_start - 3), paragraph_start, alignment_mode="contract")
    return doc_sentences(doc).of(end[0]) if end is not None else None


def _is_cue(token: Token) -> bool:
    """A reporting verb: "said", or one with its particle, "shot back"; never a part of a
    hyphenated word ("post-war", "well-said"), looked at last: few words are verbs of speech;
    never a noun ("the Indiana state firefighters union", "a report", "the call")."""
    cue = (token.lemma_ in CUE_VERBS and token.pos_ not in _NOT_VERBS) or (
        token.pos_ == "VERB"
        and any(
            (token.lemma_, c.lower_) in PHRASAL_CUES
            for c in children(token)
            if c.dep_ in {"prt", "advmod", "dobj"}
        )
    )
    return cue and not _hyphenated(token)


def _hyphenated(token: Token) -> bool:
    """The token is joined by a hyphen to the word before or after it."""
    doc = token.doc
    after = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text in HYPHENS
    before = token.i > 0 and doc[token.i - 1].text in HYPHENS and not doc[token.i - 1].whitespace_
    return after or before


def _subject(cue: Token, inside: list[bool] | None = None) -> Token | None:
    """The subject of the reporting verb, through 'is expected to tell', 'will say', 'by
    saying'; of a passive one, its agent ('was asked by host Bill Maher'). Words `inside` a
    quotation are not its subject (the parser may hang the quotation's subject on the cue)."""
    for child in children(cue):
        if child.dep_ == "agent":
            for by in children(child):
                if by.dep_ == "pobj":
                    return by
    token = cue
    for _ in range(4):
        subjects = [
            c for c in children(token) if c.dep_ in _SUBJECTS and not (inside and inside[c.idx])
        ]
        if subjects:  # of two, the nearer: "His final assessment: “…,” he said"
            child = min(subjects, key=lambda c: abs(c.i - token.i))
            if child.lower_ in RELATIVE_PRONOUNS and token.dep_ in {"relcl", "acl"}:
                break  # "a message which read": the subject is up the tree
            if token is cue or _may_speak(child):
                return child
            # a verb the cue was joined to whose subject cannot speak: the parser joined the cue
            # to the wrong verb ("X said the move was made by Y and said, “…”": not the move)
        elif token is cue and (named := _name_before(cue)) is not None:
            return named
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return None
        token = token.head
        if token.dep_ in _THROUGH and token.head.i != token.i:
            token = token.head
    return None


def _name_before(cue: Token) -> Token | None:
    """A name just before a cue that the parser hung on it as a modifier, not its subject
    ("“…,” Beck joked" parsed with "Beck" a compound of "joked")."""
    if not cue.i:
        return None
    before = cue.doc[cue.i - 1]
    hung = before.head.i == cue.i and before.dep_ in _MISREAD_SUBJECTS
    return before if hung and before.pos_ == "PROPN" else None


def _may_speak(subject: Token) -> bool:
    """A subject that can say something: a name, a pronoun, a person, a group or a document
    ("the statement"); not a thing ("the move", "the plan")."""
    lemma = subject.lemma_.casefold()
    return (
        subject.pos_ in {"PROPN", "PRON"}
        or bool(subject.ent_type_)
        or lemma in PERSON_NOUNS
        or lemma in GROUP_NOUNS
        or lemma in DOCUMENT_NOUNS
        or subject.lower_.endswith(PERSON_NOUN_ENDINGS)
    )


def _cue_text(cue: Token) -> str:
    """'said', 'told', 'is expected to tell', 'will say'."""
    parts = [t for t in children(cue) if t.dep_ in {"aux", "auxpass", "neg"} and t.i < cue.i]
    head = cue.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children(cue))
    if cue.dep_ == "xcomp" and head.pos_ in {"VERB", "ADJ"} and infinitive:  # "expected to tell"
        parts = [t for t in children(head) if t.dep_ in {"aux", "auxpass"} and t.i < head.i]
        parts += [head, *[t for t in children(cue) if t.dep_ == "aux" and t.i < cue.i]]
    tokens = sorted([*parts, cue], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


def _speaker(index: _Index, subject: Token, before: int, previous: Quote | None) -> _Speaker | None:
    """The subject of the cue as a speaker: the name the article gives it, and its own words."""
    name = _subject_name(index, subject, before, previous)
    return _Speaker(name, _own_phrase(subject)) if name is not None else None


def _subject_name(index: _Index, subject: Token, before: int, previous: Quote | None) -> str | None:
    """The name the article gives the subject of the cue: a mention, else the proper noun's
    words; a title the article gave someone; a pronoun, or a person's role in the singular
    ("the spokeswoman"), is the person last named as a speaker ("they", "it": the
    organisation), never the one the role is of; an organisation's role speaks for it ("a
    Twitter spokesman"); someone new and unnamed ("a spokesman for the campaign"), or many
    ("supporters argue"), is no one the text names."""
    mention = _mention_over(index, subject)
    if mention is not None:
        return _name_like(mention.name)
    lower = subject.lower_
    at = min(subject.idx, before)
    if lower in PERSON_PRONOUNS:
        return _referent(index, at, previous, PRONOUN_GENDER[lower])
    if lower in GROUP_PRONOUNS or (
        subject.lemma_.casefold() in GROUP_NOUNS and not _indefinite(subject)
    ):
        return _group(index, at)  # "they", "the company", "the newspaper"
    if subject.lemma_.casefold() in DOCUMENT_NOUNS and not _indefinite(subject):
        return _author(index, at)  # "the statement said"
    words = " ".join(t.text for t in subject.subtree if t.dep_ != "det" and not t.is_punct)
    titled = _titled(index, words, before)  # "the Prime Minister"
    if titled is not None:
        return titled
    if subject.pos_ == "PROPN":
        return _name_like(_proper_name(index, subject))
    role = subject.lemma_.casefold() in PERSON_NOUNS
    if role or _own_phrase(subject).lower().endswith(PERSON_NOUN_ENDINGS):
        whose, label = _whose(index, subject, at, previous)
        if label == "ORG" and subject.lower_ in VOICES:
            return whose  # "a Twitter spokesman": Twitter speaks through them
        if _indefinite(subject) or subject.tag_ in PLURAL_NOUN_TAGS:
            return None  # someone new; "supporters argue": many, none of them named
        return _referent(index, at, previous, None, besides=whose)
    return None


_ASIDE = {"appos", "relcl", "acl", "advcl", "parataxis", "punct"}
_BREAKS = {",", "(", "—", "–", ";", ":"}


def _own_phrase(subject: Token) -> str:
    """The words of the attribution that name the speaker, as it has them, without what an
    appositive, a relative clause or a comma adds: "Defence Secretary John Healey", "the
    spokeswoman", "she" ("Brian Fallon, a Clinton spokesman," is "Brian Fallon")."""
    aside = {t.i for c in children(subject) if c.dep_ in _ASIDE for t in c.subtree}
    words: list[Token] = []
    for t in subject.subtree:
        if t.i in aside or t.text in _BREAKS or t.is_space:
            if t.i > subject.i:
                break
            words = []  # an aside before the head: the words after it
            continue
        words.append(t)
    return subject.doc[words[0].i : words[-1].i + 1].text if words else subject.text


def _as_speaker(index: _Index, mention: Named | None) -> _Speaker | None:
    """A mention as a speaker: its name, and its words with the title just before them."""
    if mention is None:
        return None
    name = _name_like(mention.name)
    if name is None:
        return None
    start = mention.start
    if mention.title:
        window = max(0, start - len(mention.title) - 2)
        head = index.text[window:start].rstrip()
        if head.endswith(mention.title):
            start = window + len(head) - len(mention.title)
    return _Speaker(name, index.text[start : mention.end])


def _name_like(name: str) -> str | None:
    """A name, never the words of a clause that capitals made look like one: the words up to
    the first reporting verb or pronoun ("Goldman Sachs Said She Raised" is "Goldman Sachs")."""
    kept = []
    for word in name.split():
        if word.casefold() in NOT_NAME_WORDS:
            break
        kept.append(word)
    return " ".join(kept) or None


def _proper_words(index: _Index, token: Token) -> str:
    """The words of a proper noun no mention holds: "Espinoza", "Maria Espinoza" (not the
    names in its title: "United Auto Workers Secretary-Treasurer Gary Casteel")."""
    words = [
        t
        for t in token.lefts
        if t.dep_ == "compound" and t.pos_ == "PROPN" and index.mentions.containing(t.idx) is None
    ]
    return " ".join(t.text for t in [*words, token])


def _proper_name(index: _Index, token: Token) -> str:
    """A proper noun no mention holds: the full name the article gives a person of that
    surname ("Mr Balls" -> "Ed Balls"), else its words."""
    return index.surnames.get(token.text.casefold(), _proper_words(index, token))


def _indefinite(role: Token) -> bool:
    """A role held by someone the article has not named: "a spokesman", "another official"."""
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in children(role))


def _whose(
    index: _Index, role: Token, at: int, previous: Quote | None
) -> tuple[str | None, str | None]:
    """Who a role is of, never the one who holds it: "Clinton's spokesman", "a Clinton
    spokesman", "the spokesman for Clinton" are not Clinton, "a Twitter spokesman" speaks for
    Twitter. Its name and label, a possessive pronoun read as a pronoun ("her spokesman")."""
    for child in children(role):
        if child.dep_ == "prep":
            child = next((c for c in children(child) if c.dep_ == "pobj"), child)
        if child.dep_ == "poss" and child.lower_ in PRONOUN_GENDER:
            return _referent(index, at, previous, PRONOUN_GENDER[child.lower_]), "PERSON"
        if child.dep_ in {"poss", "compound", "pobj"}:
            found = index.mentions.containing(child.idx)
            if found is not None:
                return found.name, found.label
    return None, None


def _referent(
    index: _Index, at: int, previous: Quote | None, pronoun: str | None, besides: str | None = None
) -> str | None:
    """The person a pronoun or a role stands for: for a pronoun, the person a sentence since the
    last reporting verb's subject is about ("Kaine did not see the media's point. “…,” he
    said"); else the one last named as the subject of a reporting verb before it, else the
    previous quotation's speaker, else the person last named as a subject since that quotation,
    else the person last named; never one the pronoun rules out (a "she" is not the article's
    "Mr Healey"), nor `besides` (a role is not the person it is the role of: "her spokesman")."""

    def fits(name: str | None) -> bool:
        return (
            name is not None
            and name != besides
            and (pronoun is None or index.genders.get(name, pronoun) == pronoun)
        )

    speakers = index.speakers
    i = bisect.bisect_left(speakers, (at, ""))
    topic = index.topics.last(speakers[i - 1][0] + 1 if i else 0, at) if pronoun else None
    if topic is not None and fits(topic.name):
        return topic.name
    for _, name in reversed(speakers[max(0, i - REFERENT_LOOKBACK) : i]):
        if fits(name):
            return name
    if i:
        return None
    if previous is not None and fits(previous.speaker):
        return previous.speaker
    since = previous.end if previous is not None else 0
    for found in (
        _nearest_person(index, at, since=since, subjects_only=True),
        _nearest_person(index, at, prefer_subjects=True),
    ):
        if found is not None:
            return found.name if fits(found.name) else None
    return None


def _group(index: _Index, at: int) -> str | None:
    """What "they", "it" or "the company" stands for: the organisation or group last named as
    the subject of a reporting verb (never a person, named since or not)."""
    groups = index.groups
    g = bisect.bisect_left(groups, (at, ""))
    return groups[g - 1][1] if g else None


def _author(index: _Index, at: int) -> str | None:
    """Who wrote "the statement" or "the ad" a cue has for subject: whoever was last named as
    the subject of a reporting verb, person or organisation."""
    named = index.subjects_of_cues
    i = bisect.bisect_left(named, (at, "", ""))
    return named[i - 1][1] if i else None


def _mention_over(index: _Index, token: Token) -> Named | None:
    """The mention that names the token: the one over it, else a person among its own words
    ("the US ambassador, Bridget Brink"), else an organisation there, unless the token is a
    proper noun, whose compounds naming an organisation are its title ("United Auto Workers
    Secretary-Treasurer Gary Casteel")."""
    found = index.mentions.over(token)
    if found is not None:
        return found
    found_in = [index.mentions.containing(child.idx) for child in _own_words(token)]
    named = [m for m in found_in if m is not None and m.label in {"PERSON", "ORG"}]
    person = next((m for m in named if m.label == "PERSON"), None)
    if person is not None or token.pos_ == "PROPN":
        return person
    return named[0] if named else None


def _own_words(token: Token) -> Iterable[Token]:
    """The words of a noun phrase that name it, not what it is of: its appositive ("a Clinton
    spokesman, Brian Fallon"), a proper noun's compounds; "a spokesman for Clinton", "a
    Clinton spokesman" and "Clinton's spokesman" are not Clinton."""
    yield token
    for child in children(token):
        if child.dep_ == "appos" or (child.dep_ == "compound" and token.pos_ == "PROPN"):
            yield from _own_words(child)


def _title_words(title: str) -> str:
    """A title casefolded, its abbreviations spelled out: "Sen." is "senator"."""
    words = re.sub(r"\s+", " ", title).casefold().split(" ")
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words)


def _titled(index: _Index, words: str, before: int) -> str | None:
    """'the Prime Minister' -> the person the article titled so (nearest before, else the
    first)."""
    if not words:
        return None
    wanted = _title_words(words)[::-1]
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
) -> Named | None:
    if prefer_subjects or subjects_only:
        subject = index.subjects.last(since, before)
        if subject is not None or subjects_only:
            return subject
    return index.people.last(since, before)


def _is_subject(doc: Doc, mention: Named, main: bool = False) -> bool:
    """The mention is a clause's subject; with `main`, the subject of its sentence's root."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in _SUBJECTS:
        return False
    return not main or span.root.head.dep_ == "ROOT"


def _split_joined(index: _Index, quotes: list[Quote]) -> list[Quote]:
    """A quotation split around its cue ("“We will,” he said, “win.”") is one statement: its
    second part takes the first's speaker and cue (either's, where the first has none) and
    records where the first starts. The parts are a few words apart within a paragraph, the
    words holding a reporting verb, the first part running on into them with a comma or a dash
    and the second opened after a comma or a dash."""
    joined = list(quotes)
    for i in range(1, len(joined)):
        first, second = joined[i - 1], joined[i]
        between = index.text[first.end : second.start]
        cue = index.cues.first_within(first.end, second.start)
        if (
            cue is None
            or "\n" in between
            or not first.text.rstrip().endswith((",", "—", "–", "-"))
            or not between.rstrip()[:-1].rstrip().endswith((",", "—", "–"))
            or len(_between(index, first.end, second.start)) > ADJACENT_SPEAKER_MAX_WORDS
        ):
            continue
        speaker = first if first.speaker is not None else second
        head = replace(
            first,
            speaker=speaker.speaker,
            speaker_text=speaker.speaker_text,
            cue=first.cue or second.cue or _cue_text(cue),
            kind="statement",
        )
        joined[i - 1] = head
        joined[i] = replace(
            second,
            speaker=head.speaker,
            speaker_text=head.speaker_text,
            cue=head.cue,
            kind="statement",
            continues=head.continues if head.continues is not None else head.start,
        )
    return joined
