"""Quotations of one parsed article, with their speakers and reporting verbs.

1. `find_spans` pairs quote marks in the body: curly or straight double quotes, single quotes at
   the top level, nested single quotes inside double ones left alone; a paragraph that opens a
   quotation without closing it continues into the next paragraph that opens with a mark.
2. Each quotation's frame is the rest of its paragraph outside any quotation. The reporting verb
   is the cue of that frame nearest to the quotation ("…,” he said", "Mr Healey said on
   Saturday: “…”"); its subject, followed up through "is expected to tell", is the speaker.
3. The speaker's words become a name: a mention of the article (its resolved name), a title the
   article gave someone ("the Prime Minister" -> the person whose title that was), or a pronoun
   (the nearest person named as the subject of a clause before, else the nearest person).
4. A quotation with no cue in its frame takes the speaker of the sentence before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.entities.local import Named
from pipeline.nlp import doc_text
from pipeline.parsed import ParsedArticle
from pipeline.quotes.rules import (
    CUE_VERBS,
    DOUBLE_QUOTES,
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
    spans: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        mark = text[i]
        if mark in DOUBLE_QUOTES or (mark in SINGLE_QUOTES and _opens(text, i)):
            closing = DOUBLE_QUOTES.get(mark) or SINGLE_QUOTES[mark]
            close = _closing(text, i + 1, mark, closing)
            if close is not None:
                spans.append(QuoteSpan(i + 1, close, i, close))
                i = close + 1
                continue
        i += 1
    return [s for s in spans if text[s.start : s.end].strip()]


def _opens(text: str, i: int) -> bool:
    """A single mark opens a quotation after a space or a line start, never inside a word."""
    return i == 0 or not text[i - 1].isalnum()


def _closing(text: str, start: int, opening: str, closing: str) -> int | None:
    """Where the quotation opened at `start - 1` closes; it may run over paragraphs, each of
    which reopens with the mark."""
    i = start
    while i < len(text):
        char = text[i]
        if char == closing and (closing not in SINGLE_QUOTES.values() or _ends(text, i)):
            return i
        if text.startswith("\n\n", i):
            after = i + 2
            while after < len(text) and text[after] == "\n":
                after += 1
            if text[after : after + 1] == opening:
                i = after + 1  # the quotation runs on into this paragraph
                continue
            return None  # a mark never closed within its paragraph
        i += 1
    return None


def _ends(text: str, i: int) -> bool:
    """A closing single mark is not an apostrophe: no letter follows it."""
    return i + 1 >= len(text) or not text[i + 1].isalpha()


def find_quotes(article: ParsedArticle) -> list[Quote]:
    doc = article.doc
    spans = find_spans(doc_text(doc))
    inside = [False] * (len(doc_text(doc)) + 1)
    for s in spans:
        inside[s.open_at : s.close_at + 1] = [True] * (s.close_at + 1 - s.open_at)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for span in spans:
        words = doc.char_span(span.start, span.end, alignment_mode="expand")
        kind = _kind(words)
        speaker, cue = None, None
        if kind == "statement":
            speaker, cue = _attribution(article, span, inside, previous)
            if speaker is None and cue is None and previous is not None:
                between = doc_text(doc)[previous.end : span.open_at]
                if previous.kind == "statement" and len(between) < 200:
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


def _paragraph(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _attribution(
    article: ParsedArticle, span: QuoteSpan, inside: list[bool], previous: Quote | None
) -> tuple[str | None, str | None]:
    """(speaker, cue) from the quotation's frame, or from the sentence before it."""
    doc = article.doc
    first_start, _ = _paragraph(doc_text(doc), span.open_at)
    _, last_end = _paragraph(doc_text(doc), span.close_at)
    after = [t for t in _tokens(doc, span.close_at + 1, last_end) if not inside[t.idx]]
    before = [t for t in _tokens(doc, first_start, span.open_at) if not inside[t.idx]]
    after_cue = next((t for t in after if t.lemma_ in CUE_VERBS), None)
    before_cue = next((t for t in reversed(before) if t.lemma_ in CUE_VERBS), None)
    runs_on = (  # "“…,” he said", "“…”, Number 10 said"
        doc_text(doc)[span.end - 1 : span.end] in {",", "—", "-"}
        or doc_text(doc)[span.close_at + 1 : span.close_at + 2] == ","
    )
    ordered = [after_cue, before_cue] if runs_on or not before else [before_cue, after_cue]
    for cue in filter(None, ordered):
        subject = _subject(cue)
        if subject is not None and not inside[subject.idx]:
            return _speaker(article, subject, span.open_at, previous), _cue_text(cue)
        return _nearest_person(article, span.open_at, since=first_start), _cue_text(cue)
    introduced = doc_text(doc)[first_start : span.open_at].rstrip()
    if introduced.endswith(":"):  # "In Mr Healey’s words: “…”"
        speaker = _nearest_person(article, span.open_at, since=first_start)
        if speaker is not None:
            return speaker, None
    sentence_before = _sentence_before(doc, first_start)
    if sentence_before is not None and doc_text(doc)[span.open_at - 2 : span.open_at].strip() in (
        ":",
        "",
    ):
        cues = [t for t in sentence_before if t.lemma_ in CUE_VERBS]
        if cues:
            subject = _subject(cues[-1])
            if subject is not None:
                return _speaker(article, subject, span.open_at, previous), _cue_text(cues[-1])
            since = sentence_before.start_char  # "Brink posted a message which read:"
            return _nearest_person(article, span.open_at, since=since), _cue_text(cues[-1])
    return None, None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    found = doc.char_span(start, end, alignment_mode="contract")
    return list(found) if found is not None else []


def _sentence_before(doc: Doc, paragraph_start: int) -> Span | None:
    if paragraph_start <= 0:
        return None
    token = _tokens(doc, max(0, paragraph_start - 3), paragraph_start)
    if not token:
        return None
    return token[0].sent


def _subject(cue: Token) -> Token | None:
    """The subject of the reporting verb, through 'is expected to tell', 'will say'."""
    token = cue
    for _ in range(4):
        for child in token.children:
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
    parts = [t for t in cue.children if t.dep_ in {"aux", "auxpass", "neg"} and t.i < cue.i]
    head = cue.head
    if cue.dep_ == "xcomp" and head.pos_ in {"VERB", "ADJ"}:  # "is expected to tell"
        parts = [t for t in head.children if t.dep_ in {"aux", "auxpass"} and t.i < head.i]
        parts += [head, *[t for t in cue.children if t.dep_ == "aux" and t.i < cue.i]]
    tokens = sorted([*parts, cue], key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


def _speaker(
    article: ParsedArticle, subject: Token, before: int, previous: Quote | None
) -> str | None:
    """The name the article gives the subject of the cue. A pronoun is the person last named
    as a subject since the previous quotation, else that quotation's speaker, else the person
    last named."""
    mention = _mention_over(article.mentions, subject)
    if mention is not None:
        return mention.name
    if subject.lower_ in PERSON_PRONOUNS:
        since = previous.end if previous is not None else 0
        named = _nearest_person(article, subject.idx, since=since, subjects_only=True)
        if named is None and previous is not None and previous.speaker is not None:
            return previous.speaker
        return named or _nearest_person(article, subject.idx, prefer_subjects=True)
    if subject.lower_ in GROUP_PRONOUNS:
        return None
    words = " ".join(t.text for t in subject.subtree if t.dep_ != "det" and not t.is_punct)
    return _titled(article.mentions, words, before)


def _mention_over(mentions: list[Named], token: Token) -> Named | None:
    for m in mentions:
        if m.start <= token.idx < m.end or (token.idx <= m.start < token.idx + len(token.text)):
            return m
    for child in token.subtree:  # "Bridget Brink, the US ambassador"
        for m in mentions:
            if m.start <= child.idx < m.end and m.label in {"PERSON", "ORG"}:
                return m
    return None


def _titled(mentions: list[Named], words: str, before: int) -> str | None:
    """'the Prime Minister' -> the person the article titled so (nearest before, else any)."""
    if not words:
        return None
    wanted = re.sub(r"\s+", " ", words).casefold()
    titled = [m for m in mentions if m.title and m.title.casefold().endswith(wanted)]
    if not titled:
        return None
    earlier = [m for m in titled if m.start < before]
    return (earlier[-1] if earlier else titled[0]).name


def _nearest_person(
    article: ParsedArticle,
    before: int,
    since: int = 0,
    prefer_subjects: bool = False,
    subjects_only: bool = False,
) -> str | None:
    people = [m for m in article.mentions if m.label == "PERSON" and since <= m.start < before]
    if prefer_subjects or subjects_only:
        doc = article.doc
        subjects = [m for m in people if _is_subject(doc, m)]
        if subjects or subjects_only:
            return subjects[-1].name if subjects else None
    return people[-1].name if people else None


def _is_subject(doc: Doc, mention: Named) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECTS
