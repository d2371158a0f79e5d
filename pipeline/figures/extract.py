"""Figures of one parsed article: the amounts `scan` finds, with what they count and what
happened to it, read from the dependency parse.

- Names are not figures: an amount inside a span the model names ("G7", "Voyager 2") is dropped.
- The object is the noun phrase the number quantifies: the noun it is a `nummod` of (through
  "five thousand" to "missiles"), or the `of` phrase of a number standing alone ("18 of the
  victims"); its compound and adjective modifiers come with it ("air defence missiles"). For a
  measure ("620-mile front line") it is the noun the unit modifies.
- The event is read for counts of people (or of nothing named): the verb whose subject the
  count is ("18 people were killed", "16 killed"), a participle on the noun ("50 people
  injured"), the noun itself ("16 deaths"), or the event of the phrase an "including" hangs on.
- Ordinal words ("third year") count when they modify a noun; digit ordinals come from `scan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.figures.rules import EVENTS, NAME_LABELS, ORDINAL_WORDS, PEOPLE
from pipeline.figures.scan import Amount, scan
from pipeline.nlp import children, doc_sentences, doc_text

_OBJECT_PARTS = {"compound", "amod", "nmod", "nummod", "poss"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_MODIFIERS = frozenset({"acl", "amod", "relcl"})
_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "xcomp"})
_CHILD_EVENTS = "newsroom.figures.child_events"
_INK = re.compile(r"\S")
# Characters of a figure's sentence kept with it: a longer sentence (a table of results written
# without a full stop) is cut to this many around the figure, as a whole copy per figure would
# grow with the square of the sentence's length (a 100,000-number line took 5 GiB).
SENTENCE_CHARS = 2_000


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    kind: str
    unit: str | None
    per: str | None
    object: str | None
    qualifier: str
    event: str | None
    change: str | None
    sentence: str


def find_figures(doc: Doc) -> list[Figure]:
    """Every figure of `doc`, in text order."""
    names = _name_chars(doc)
    found = (
        _figure(doc, amount)
        for amount in scan(doc_text(doc))
        if not any(names[amount.number_start : amount.number_end])
    )
    figures = [f for f in found if f is not None]
    figures.extend(_ordinal_words(doc, {f.start for f in figures}))
    return sorted(figures, key=lambda f: f.start)


def _name_chars(doc: Doc) -> list[bool]:
    """Characters inside names; a 'name' of digits alone ('-99.99' as PERSON) is the model's
    mistake, not a name."""
    inside = [False] * (len(doc_text(doc)) + 1)
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and any(c.isalpha() for c in ent.text):
            inside[ent.start_char : ent.end_char] = [True] * (ent.end_char - ent.start_char)
    return inside


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _figure(doc: Doc, amount: Amount) -> Figure | None:
    number = _token_at(doc, amount.number_end - 1)
    if number is None:
        return None
    head = _number_head(number)
    noun = _counted(head, amount, doc)
    end = amount.end
    obj = None
    if noun is not None:
        first = _object_start(noun, doc, amount.end)
        obj = doc_text(doc)[first.idx : noun.idx + len(noun.text)]
        if _INK.search(doc_text(doc), amount.end, first.idx) is None:
            end = noun.idx + len(noun.text)  # "at least 18 people": the object is in the surface
    kind = amount.kind
    event = None
    written = doc_text(doc)[amount.number_start : amount.number_end]
    if noun is None and amount.unit is None and amount.value == 1 and written.isalpha():
        return None  # "the one who...": a pronoun, not a count
    people = noun is None or noun.lemma_.casefold() in PEOPLE or noun.lower_ in PEOPLE
    if kind == "count" and not amount.ordinal and people:
        event = _event(noun if noun is not None else head)
    return Figure(
        start=amount.start,
        end=end,
        text=doc_text(doc)[amount.start : end],
        value=amount.value,
        value_high=amount.value_high,
        kind=kind,
        unit=amount.unit,
        per=None,
        object=obj,
        qualifier=amount.qualifier,
        event=event,
        change=None,
        sentence=_sentence(doc, number, amount.start, end),
    )


def _sentence(doc: Doc, token: Token, start: int, end: int) -> str:
    """The sentence of `token`; of a sentence over `SENTENCE_CHARS`, that many characters
    around the figure at `start:end`."""
    sentence = doc_sentences(doc).text(token)
    if len(sentence) <= SENTENCE_CHARS:
        return sentence
    span = doc_sentences(doc).of(token)
    middle = start - (SENTENCE_CHARS - (end - start)) // 2
    first = max(span.start_char, min(middle, span.end_char - SENTENCE_CHARS))
    return doc_text(doc)[first : first + SENTENCE_CHARS].strip()


def _number_head(token: Token) -> Token:
    """'five' -> 'thousand': the top of a number written in several tokens."""
    while (
        token.head is not token
        and token.head.pos_ == "NUM"
        and token.dep_
        in {
            "compound",
            "nummod",
            "quantmod",
            "conj",
        }
    ):
        token = token.head
    return token


def _counted(number: Token, amount: Amount, doc: Doc) -> Token | None:
    """The noun the amount counts or measures, if the parse says."""
    if amount.kind in {"money", "percent", "ordinal"} and not amount.ordinal:
        return None
    if amount.unit is not None:  # a measure: the noun the unit (or the number) modifies
        unit = _token_at(doc, amount.end - 1)
        for token in (unit, number):
            if token is not None and token.dep_ in {"compound", "amod", "nmod", "nummod"}:
                head = token.head
                if head.pos_ in {"NOUN", "PROPN"} and head.idx >= amount.end:
                    return head
        return None
    if number.dep_ in {"nummod", "amod", "compound"} and number.head.pos_ in {"NOUN", "PROPN"}:
        head = number.head
        if head.i > number.i:
            return head
    if number.pos_ in {"NUM", "PRON"} or number.dep_ in _SUBJECTS | {"dobj", "pobj", "attr"}:
        for child in children(number):  # "18 of the victims"
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in children(child) if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
                    return objects[0]
    return None


def _object_start(noun: Token, doc: Doc, after: int) -> Token:
    """The first modifier of `noun` that stands after the amount ('air' of 'air defence
    missiles'), or the noun itself."""
    first = noun
    while first.i > 0:
        previous = doc[first.i - 1]
        if previous.idx < after or previous.dep_ not in _OBJECT_PARTS:
            break
        if previous.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        first = previous
    return first


def _event(token: Token, depth: int = 0) -> str | None:
    """What happened to the people `token` counts."""
    own = _event_word(token)
    if own and token.pos_ in {"NOUN", "ADJ"}:
        return own  # "16 deaths", "18 dead"
    found = _child_event(token, _MODIFIERS)  # "50 people injured", "people killed in..."
    if found:
        return found
    if token.dep_ in _SUBJECTS | {"dobj"}:  # "18 were killed", "police arrested 12"
        verb = token.head
        found = _event_word(verb)
        if found and verb.pos_ in {"VERB", "ADJ"}:
            return found
        found = _child_event(verb, _COMPLEMENTS)  # "18 people are dead", "were left injured"
        if found:
            return found
    if token.dep_ == "conj" and depth < 3:  # "16 killed and 50 injured": its own verb first
        return _event(token.head, depth + 1)
    if token.dep_ == "pobj" and token.head.lower_ == "including" and depth < 3:
        counted = _count_before(token.head)  # "16 killed, including 6 children"
        if counted is not None:
            return _event(counted, depth + 1)
    if token.dep_ == "appos" and depth < 3:
        return _event(token.head, depth + 1)
    return None


def _event_word(token: Token) -> str | None:
    return EVENTS.get(token.lemma_.casefold()) or EVENTS.get(token.lower_)


def _child_event(token: Token, deps: frozenset[str]) -> str | None:
    """The event word of the first child of `token` with one of `deps` that has one. Worked
    out once per token and kept with the doc: a token heading a long list (a table written as
    one sentence) is asked for each of its items."""
    known = token.doc.user_data.setdefault(_CHILD_EVENTS, {})
    key = (token.i, deps)
    if key not in known:
        words = (_event_word(child) for child in children(token) if child.dep_ in deps)
        known[key] = next((word for word in words if word), None)
    event: str | None = known[key]
    return event


def _count_before(token: Token) -> Token | None:
    """The nearest count before `token` in its sentence, as its noun or its number: what an
    "including" phrase is part of (the parse often hangs it elsewhere)."""
    doc = token.doc
    for i in range(token.i - 1, doc_sentences(doc).of(token).start - 1, -1):
        previous = doc[i]
        if previous.like_num or previous.pos_ == "NUM":
            number = _number_head(previous)
            head = number.head
            if number.dep_ == "nummod" and head.pos_ in {"NOUN", "PROPN"} and head.i > number.i:
                return head
            return number
    return None


def _ordinal_words(doc: Doc, taken: set[int]) -> list[Figure]:
    """'third year', 'the first time': ordinal words that modify a noun."""
    found = []
    for token in doc:
        value = ORDINAL_WORDS.get(token.lower_)
        if value is None or token.idx in taken or token.dep_ != "amod":
            continue
        if token.head.pos_ not in {"NOUN", "PROPN"} or token.head.i < token.i:
            continue
        if token.ent_type_ in NAME_LABELS:
            continue
        noun = token.head
        span: Span = doc[token.i : noun.i + 1]
        found.append(
            Figure(
                start=token.idx,
                end=span.end_char,
                text=span.text,
                value=float(value),
                value_high=None,
                kind="ordinal",
                unit=None,
                per=None,
                object=noun.text,
                qualifier="exact",
                event=None,
                change=None,
                sentence=_sentence(doc, token, token.idx, span.end_char),
            )
        )
    return found
