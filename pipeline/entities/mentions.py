"""Entity mentions of one parsed article, cleaned of what the model folds into them.

spaCy's spans carry titles ("Mr Starmer"), articles ("the Ministry of Defence"), possessives
("Putin's"), paragraph breaks ("Express & Star\\n\\nHealey") and credits ("Andrew Matthews/PA").
`find_mentions` cuts each span down to the name, moves the title into its own field, and drops
spans that are credits, parts of a job title ("Defence" in "Defence Secretary") or not names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.entities.rules import (
    CREDIT,
    ENTITY_LABELS,
    LEADING_WORDS,
    OFFICE_HEADS,
    ORG_HEADS,
    POST_NOMINALS,
    TITLE_DEPARTMENTS,
    TITLE_LINKS,
)
from pipeline.lexicon.people import HONORIFICS, OFFICES
from pipeline.nlp import doc_lines, doc_text

_TITLE_WORDS = frozenset(w.casefold() for w in HONORIFICS | OFFICES | OFFICE_HEADS)
_DEPARTMENTS = frozenset(w.casefold() for w in TITLE_DEPARTMENTS)
_HONORIFICS = frozenset(w.casefold() for w in HONORIFICS)
_OFFICE_HEADS = frozenset(w.casefold() for w in OFFICE_HEADS)
_POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class Mention:
    """A name in a body: `body[start:end] == text`; `title` is what stood before it, if any."""

    start: int
    end: int
    text: str
    label: str
    title: str | None = None


def find_mentions(doc: Doc) -> list[Mention]:
    """Every named-entity mention of `doc`, cut to the name, in text order."""
    found: list[Mention] = []
    lower_words: set[str] | None = None
    headlines: dict[tuple[int, int], bool] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        for piece in _lines(ent):
            mention = _mention(piece, ent.label_)
            if mention is None:
                continue
            if _in_title_case_line(piece, headlines):
                if lower_words is None:
                    lower_words = {t.text for t in doc if t.is_alpha and t.text.islower()}
                if all(w.casefold() in lower_words for w in mention.text.split()):
                    continue  # "We Cannot Jeopardise Peace": words the article writes lower-case
            found.append(mention)
    return found


def _in_title_case_line(span: Span, judged: dict[tuple[int, int], bool]) -> bool:
    """A headline-style line, where capitals say nothing about names. Each line is judged once
    and kept in `judged`: a long line holds thousands of names."""
    line = doc_lines(span.doc).around(span.start_char, span.end_char)
    if line not in judged:
        words = doc_text(span.doc)[line[0] : line[1]].split()
        long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
        judged[line] = len(long_words) >= 3 and all(w[0].isupper() for w in long_words)
    return judged[line]


def _lines(span: Span) -> list[Span]:
    """A span split where it crosses a line break: a name never runs over two lines."""
    pieces: list[Span] = []
    begin = span.start
    for token in span:
        if "\n" in token.text or "\n" in token.whitespace_:
            stop = token.i if "\n" in token.text else token.i + 1
            if stop > begin:
                pieces.append(span.doc[begin:stop])
            begin = token.i + 1
    if begin < span.end:
        pieces.append(span.doc[begin : span.end])
    return pieces


def _is_title_word(token: Token) -> bool:
    word = token.text.casefold()
    return word in _TITLE_WORDS or (word in _DEPARTMENTS and token.text[:1].isupper())


def _mention(span: Span, label: str) -> Mention | None:
    doc = span.doc
    first, last = span.start, span.end
    while first < last and (
        doc[first].is_punct or doc[first].is_space or doc[first].text in LEADING_WORDS
    ):
        first += 1
    if first == last:
        return None  # punctuation and leading words only
    title_start = first
    if label == "PERSON" or doc[first].text.casefold() in _HONORIFICS:
        while first < last - 1 and _is_title_word(doc[first]):
            first += 1
        if first > title_start and doc[title_start].text.casefold() in _HONORIFICS:
            label = "PERSON"  # "Mr Healey" is a person whatever the model said
    while last > first and (
        doc[last - 1].is_punct or doc[last - 1].is_space or doc[last - 1].text in _POSSESSIVE
    ):
        last -= 1
    if last - first > 1 and doc[last - 1].text in POST_NOMINALS:  # "Guy Mansfield QC"
        last -= 1
        label = "PERSON"
    if last < len(doc) and doc[last].text.casefold() in _OFFICE_HEADS:
        while last > first and doc[last - 1].text.casefold() in _DEPARTMENTS:
            last -= 1  # "Lib Dem Treasury spokesman": the department belongs to the title
    if first >= last:
        return None
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    text = doc_text(doc)[start:end]
    for suffix in _POSSESSIVE:  # "Putin’s" tokenised as one token
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text, end = text[: -len(suffix)], end - len(suffix)
            break
    if not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return None
    if CREDIT.match(doc_text(doc), end) or CREDIT.search(text):
        return None
    if label == "PERSON" and doc[last - 1].text in ORG_HEADS:
        label = "ORG"
    title = _title_before(doc, title_start, first) if label == "PERSON" else None
    return Mention(start, end, text, label, title)


def _title_before(doc: Doc, title_start: int, first: int) -> str | None:
    """The run of title words right before the name, inside the span or just outside it."""
    begin = title_start
    k = title_start - 1
    while k >= 0 and "\n" not in doc[k].text_with_ws:
        token = doc[k]
        if _is_title_word(token):
            begin = k
        elif token.text in TITLE_LINKS:
            j = k - 1  # "Chief of the Defence Staff": links count when a title word precedes
            while j >= 0 and doc[j].text in TITLE_LINKS:
                j -= 1
            if j < 0 or not _is_title_word(doc[j]):
                break
        else:
            break
        k -= 1
    while begin < first and doc[begin].text in TITLE_LINKS:
        begin += 1
    if begin >= first:
        return None
    return doc_text(doc)[doc[begin].idx : doc[first - 1].idx + len(doc[first - 1].text)]
