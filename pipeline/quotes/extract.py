"""Quotations of one parsed article, with their speakers and reporting verbs.

1. `find_spans` pairs quote marks in the body: curly or straight double quotes (or two
   apostrophes standing for one), single quotes at the top level, nested single quotes inside
   double ones left alone; a paragraph that opens a quotation without closing it continues into
   the next paragraph that opens with a mark.
2. Each quotation's frame is the rest of its paragraph outside any quotation. The reporting verb
   is the cue of that frame nearest to the quotation ("…,” he said", "Mr Healey said on
   Saturday: “…”", "“…!” beamed Hartley", "shot back"); its subject, followed up through "is
   expected to tell" and "by saying" (a passive cue's agent: "was asked by Bill Maher"), never a
   word inside the quotation, is the speaker. A cue the parse gave no subject takes the name
   between it and the quotation ("“…,” Ramos, 58, told AFP").
3. The speaker's words become a name: a mention of the article (its resolved name), a title the
   article gave someone ("the Prime Minister" -> the person whose title that was), a proper noun
   no entity holds (its words), or a pronoun or a person's role ("she", "the spokeswoman": the
   person last named as the subject of a reporting verb before it).
4. A quotation with no cue in its frame takes the speaker of the sentence before it.
5. Statement or phrase: a long quotation is a statement; a short one is too when a cue with a
   speaker stands next to it and it reads as something said ("“Oh, God,” she said"), else a
   phrase, whose speaker is the subject of the reporting verb whose clause holds it ("called the
   plan “a disgrace”").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from pipeline.entities.local import Named
from pipeline.lexicon.speech import CUE_VERBS, PHRASAL_CUES
from pipeline.nlp import children, doc_lines, doc_sentences, doc_text
from pipeline.parsed import ParsedArticle
from pipeline.quotes.rules import (
    ADJACENT_NAME_WITHIN,
    ADJACENT_SPEAKER_MAX_WORDS,
    DOUBLE_QUOTES,
    DOUBLED_APOSTROPHES,
    GROUP_PRONOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PHRASE_MAX_WORDS,
    RELATIVE_PRONOUNS,
    SINGLE_QUOTES,
    VERBLESS_PHRASE_MAX_WORDS,
)

_SUBJECTS = {"nsubj", "nsubjpass"}
_FUNCTION_POS = {"DET", "ADP", "CCONJ", "PART", "SPACE"}
_MAYBE_PEOPLE = {"", "PERSON", "NORP"}
_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp"}
_THROUGH = {"prep"}  # "by saying": the preposition, then the verb it hangs from


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
        speaker, cue, attached = _attribution(index, span, previous)
        if kind == "phrase":
            if attached and _utterance(index.text, span, words):  # “Oh, God,” she said
                kind = "statement"
            else:  # Trump called the plan “a disgrace”: his words, a phrase all the same
                speaker, cue = _governing_cue(index, words, span, previous)
        if kind == "statement" and speaker is None and cue is None and previous is not None:
            between = span.open_at - previous.end
            if previous.kind == "statement" and between < 200:
                speaker = previous.speaker  # the next quotation of the same speech
        text = doc_text(doc)[span.start : span.end]
        quote = Quote(span.start, span.end, text, speaker, cue, kind)
        quotes.append(quote)
        if kind == "statement":
            previous = quote
    return quotes


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
) -> tuple[str | None, str | None]:
    """A phrase inside the clause of a reporting verb ("called the plan “a disgrace”"): the
    verb's subject and the verb; else nothing."""
    if words is None:
        return None, None
    token = words.root
    for _ in range(4):
        if token.head is token:
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
        self.cues = _Tokens([t for t in outside if _is_cue(t)])
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

    @cached_property
    def speakers(self) -> list[tuple[int, str]]:
        """(where, name) of each person named as the subject of a reporting verb outside
        quotations, in text order: who a later "he" or "the spokeswoman" most likely is."""
        found: list[tuple[int, str]] = []
        for cue in self.cues.tokens:
            subject = _subject(cue, self.inside)
            if subject is None or self.inside[subject.idx]:
                continue
            mention = _mention_over(self, subject)
            if mention is not None:
                if mention.label == "PERSON":
                    found.append((subject.idx, mention.name))
            elif subject.pos_ == "PROPN" and subject.ent_type_ in _MAYBE_PEOPLE:
                found.append((subject.idx, _proper_name(subject)))
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
) -> tuple[str | None, str | None, bool]:
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
    for cue in filter(None, ordered):
        attached = _next_to(index, span, cue, runs_on)
        subject = _subject(cue, index.inside)
        if subject is not None and not index.inside[subject.idx]:
            speaker = _speaker(index, subject, span.open_at, previous)
            return speaker, _cue_text(cue), attached and speaker is not None
        named = _adjacent_name(index, span, cue)
        if named is not None:
            return named, _cue_text(cue), attached
        return _nearest_person(index, span.open_at, since=first_start), _cue_text(cue), False
    if index.introduces(first_start, span.open_at):  # "In Mr Healey’s words: “…”"
        speaker = _nearest_person(index, span.open_at, since=first_start)
        if speaker is not None:
            return speaker, None, False
    sentence_before = _sentence_before(index.doc, first_start)
    if sentence_before is not None and text[span.open_at - 2 : span.open_at].strip() in (":", ""):
        cues = index.cues_of(sentence_before)
        if cues:
            subject = _subject(cues[-1], index.inside)
            if subject is not None:
                speaker = _speaker(index, subject, span.open_at, previous)
                return speaker, _cue_text(cues[-1]), False
            since = sentence_before.start_char  # "Brink posted a message which read:"
            return _nearest_person(index, span.open_at, since=since), _cue_text(cues[-1]), False
    return None, None, False


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


def _adjacent_name(index: _Index, span: QuoteSpan, cue: Token) -> str | None:
    """A cue the parse gave no subject: the name just after the quotation, before the cue
    ("“…,” Ramos, 58, told AFP"), or just after the cue ("said Ramos")."""
    if cue.idx > span.close_at:
        between = _between(index, span.close_at + 1, cue.idx)[:ADJACENT_NAME_WITHIN]
    else:
        between = _between(index, cue.idx + len(cue.text), span.open_at)[:ADJACENT_NAME_WITHIN]
    names = [t for t in between if t.pos_ == "PROPN"]
    found = [m for m in map(index.mentions.over, names) if m is not None]
    person = next((m for m in found if m.label == "PERSON"), None)  # not "Texas" in "Texas
    if person is not None:  # delegate Bill Eastland"
        return person.name
    if not names:
        return None
    first = index.mentions.over(names[0])
    return first.name if first is not None else _proper_name(names[0])


def _sentence_before(doc: Doc, paragraph_start: int) -> Span | None:
    if paragraph_start <= 0:
        return None
    end = doc.char_span(max(0, paragraph_start - 3), paragraph_start, alignment_mode="contract")
    return doc_sentences(doc).of(end[0]) if end is not None else None


def _is_cue(token: Token) -> bool:
    """A reporting verb: "said", or one with its particle, "shot back"."""
    if token.lemma_ in CUE_VERBS:
        return True
    return token.pos_ == "VERB" and any(
        (token.lemma_, c.lower_) in PHRASAL_CUES
        for c in children(token)
        if c.dep_ in {"prt", "advmod"}
    )


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
        for child in children(token):
            if child.dep_ in _SUBJECTS and not (inside and inside[child.idx]):
                if child.lower_ in RELATIVE_PRONOUNS and token.dep_ in {"relcl", "acl"}:
                    break  # "a message which read": the subject is up the tree
                return child
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        token = token.head
        if token.dep_ in _THROUGH and token.head is not token:
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
    """The name the article gives the subject of the cue: a mention, else the proper noun's
    words; a title the article gave someone; a pronoun, or a person's role ("the spokeswoman"),
    is the person last named as a speaker."""
    mention = _mention_over(index, subject)
    if mention is not None:
        return mention.name
    if subject.lower_ in PERSON_PRONOUNS:
        return _referent(index, subject.idx, previous)
    if subject.lower_ in GROUP_PRONOUNS:
        return None
    words = " ".join(t.text for t in subject.subtree if t.dep_ != "det" and not t.is_punct)
    titled = _titled(index, words, before)  # "the Prime Minister"
    if titled is not None:
        return titled
    if subject.pos_ == "PROPN":
        return _proper_name(subject)
    if subject.lemma_.casefold() in PERSON_NOUNS:
        return _referent(index, subject.idx, previous)
    return None


def _proper_name(token: Token) -> str:
    """The words of a proper noun no mention holds: "Espinoza", "Maria Espinoza"."""
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return " ".join(t.text for t in [*words, token])


def _referent(index: _Index, at: int, previous: Quote | None) -> str | None:
    """The person a pronoun or a role stands for: the one last named as the subject of a
    reporting verb before it, else the previous quotation's speaker, else the person last named
    as a subject since that quotation, else the person last named."""
    speakers = index.speakers
    i = bisect.bisect_left(speakers, (at, ""))
    if i:
        return speakers[i - 1][1]
    if previous is not None and previous.speaker is not None:
        return previous.speaker
    since = previous.end if previous is not None else 0
    named = _nearest_person(index, at, since=since, subjects_only=True)
    return named or _nearest_person(index, at, prefer_subjects=True)


def _mention_over(index: _Index, token: Token) -> Named | None:
    found = index.mentions.over(token)
    if found is not None:
        return found
    for child in _own_words(token):  # "Bridget Brink, the US ambassador"
        found = index.mentions.containing(child.idx)
        if found is not None and found.label in {"PERSON", "ORG"}:
            return found
    return None


def _own_words(token: Token) -> Iterable[Token]:
    """The words of a noun phrase that name it, not what it is of: "a spokesman for Clinton"
    and "Clinton's spokesman" are not Clinton."""
    yield token
    for child in children(token):
        if child.dep_ not in {"prep", "poss", "relcl", "acl", "case"}:
            yield from _own_words(child)


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
