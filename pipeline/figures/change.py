"""Whether an amount is the size of a rise or a fall ("up", "down") rather than a level, read
from the dependency parse: proximity alone would take the level a change led to ("fell 0.4 per
cent to 13176") for the change itself.

An amount is a change when the parse hangs it (its top tokens: those whose head is outside it)
- on a verb of `RISE_VERBS` or `FALL_VERBS` as its object or bare amount ("rose 5%", "fell 0.4
  per cent"), or through "by" ("increased by 2 percent", "cut by £2bn"); a verb of neither
  with an adverb of `RISE_ADVERBS`/`FALL_ADVERBS` takes that adverb's direction ("were down 2.3%,
  Burlington by 2.6%": the "by" hangs on "were");
- on such an adverb or comparative ("was up 19 cents", "34.4% higher", "0.68 percent lower");
- on a noun of `RISE_NOUNS` or `FALL_NOUNS` as its modifier or "of" phrase ("a 5% rise", "a
  £2bn cut", "an increase of 3%"; not "one more rate hike", "a one-day fall").
The money or count object of a verb of `TAKING_VERBS` is what was taken, not a change ("the firm
lost $5m"), unless the level it led to follows ("added 15 sen to RM23.50").
An amount the parse hangs on "to", "at" or "from" is a level, however else it hangs ("rose 56% to
1.16bn euros", the parse splitting the amount). An amount in brackets after another restates it
and is the same change ("cut taxes by 6.5bn euros ($8.6bn; £4.5bn)"). A percentage written with
a sign is a change by its sign ("Dow +0.2%", "-1.1%"); a signed temperature or sum is a level.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from pipeline.figures.rules import (
    FALL_ADVERBS,
    FALL_NOUNS,
    FALL_VERBS,
    LEVEL_PREPOSITIONS,
    RISE_ADVERBS,
    RISE_NOUNS,
    RISE_VERBS,
    TAKING_VERBS,
)
from pipeline.figures.scan import Amount, scan
from pipeline.nlp import children, doc_text

_BARE = frozenset({"dobj", "npadvmod", "advmod", "obj"})
_MODIFIER = frozenset({"compound", "nummod", "amod", "nmod", "npadvmod"})
_BY = frozenset({"prep", "agent"})
# The deps of a verb's adverb that give a bare amount its direction ("ended down 1%"); a phrasal
# verb's particle ("built up", "made up") does so only for a "by" phrase ("pushed up ... by 5%").
_ADVERB_DEPS = frozenset({"advmod", "acomp"})
_PARTICLE_DEPS = _ADVERB_DEPS | {"prt"}
_LISTED = frozenset({"conj", "appos"})
_AMOUNT_POS = frozenset({"NUM", "NOUN", "PROPN", "SYM"})
# How far before a bracketed amount the amount it restates may start.
_RESTATED_REACH = 120
_SEPARATORS = re.compile(r"[\s;,/]*")


def change_of(doc: Doc, amount: Amount) -> str | None:
    """The direction, "up" or "down", when `amount` is the size of a rise or a fall."""
    restated = _restated(doc_text(doc), amount)
    if restated is not None:  # "rose 5% to 1.16bn euros ($1.5bn; £800m)": as what it restates
        return change_of(doc, restated)
    span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tops = [t for t in span if t.head is t or not span.start <= t.head.i < span.end]
    if _level(span, tops):
        return None
    for top in tops:
        found = _hung_on(top, amount, span.start, span.end)
        if found is not None:
            return found
    if any(t.dep_ == "pobj" for t in tops):
        return None  # "inflation of -0.5%": a signed level
    return _signed(doc_text(doc), amount)


def _level(span: Span, tops: list[Token]) -> bool:
    """Whether the amount is the object of "to", "at" or "from", however the parse hangs it:
    "fell 0.4 per cent to 13176", "increased by $43.6 billion to $419.2 billion" (where "to"
    hangs on the amount)."""
    for top in tops:
        if top.dep_ == "pobj" and top.head.lower_ in LEVEL_PREPOSITIONS:
            return True
    before = span.doc[span.start - 1] if span.start else None
    return (
        before is not None
        and before.lower_ in LEVEL_PREPOSITIONS
        and (before.head in tops or any(before is t.head for t in tops))
    )


def _restated(text: str, amount: Amount) -> Amount | None:
    """The amount right before the bracket `amount` stands in, when the bracket holds only
    amounts ("1.16bn euros ($1.5bn; £800m)"): the parse hangs a bracketed amount anywhere."""
    start = max(amount.start - _RESTATED_REACH, 0)
    bracket = text.rfind("(", start, amount.start)
    if bracket < 0 or ")" in text[bracket : amount.start]:
        return None
    inside = text[bracket + 1 : amount.start]
    ends = [0] + [i for a in scan(inside) for i in (a.start, a.end)] + [len(inside)]
    between = "".join(inside[a:b] for a, b in zip(ends[::2], ends[1::2], strict=True))
    if not _SEPARATORS.fullmatch(between):
        return None  # "(from $5m", "(up 10p"
    before = [a for a in scan(text[start:bracket]) if a.start > 0]
    if not before or text[start + before[-1].end : bracket].strip():
        return None
    return _shifted(before[-1], start)


def _shifted(amount: Amount, by: int) -> Amount:
    return replace(
        amount,
        start=amount.start + by,
        end=amount.end + by,
        number_start=amount.number_start + by,
        number_end=amount.number_end + by,
    )


def _hung_on(token: Token, amount: Amount, first: int, end: int) -> str | None:
    """The direction of the change word the amount's top `token` hangs on."""
    for _ in range(3):  # "rose 5% and 6%", "fell 5%, or £2bn": the first of a list
        head = token.head
        if token.dep_ not in _LISTED or head.pos_ not in _AMOUNT_POS or _noun(head):
            break
        token = head
    head, dep = token.head, token.dep_
    if head is token:
        return None
    if dep == "pobj" and head.dep_ in _BY:
        if head.lower_ == "by":  # "rose by 5%", "cut by £2bn", "were down 2.3%, Burlington by 2.6%"
            word = head.head
            found = _verb(word) or _adverb(word) or _noun(word)
            return found or _particle(word, first, end, _PARTICLE_DEPS)
        if head.lower_ == "of":  # "an increase of 3%"
            return _noun(head.head)
        return None
    # "one more rate hike", "its biggest one-day fall": how many changes, or over how long
    counted = (amount.kind == "count" and amount.unit is None) or amount.kind == "duration"
    if dep in _MODIFIER and head.i > token.i and not counted:
        found = _noun(head)  # "a 5% rise", "a 60 basis point improvement"
        if found is not None:
            return found
    if dep not in _BARE:
        return None
    found = _adverb(head) or _verb(head)  # "up 5%", "34.4% higher", "rose 5%"
    if found is not None:
        taken = head.lemma_.casefold() in TAKING_VERBS and amount.kind != "percent"
        return None if taken and not _to_level(head, end) else found  # "the firm lost $5m"
    if dep != "dobj":  # "ended down 1%", "edged up 0.1%"; not "made up a third"
        return _particle(head, first, end, _ADVERB_DEPS)
    return None


def _direction(names: tuple[str, ...], rises: frozenset[str], falls: frozenset[str]) -> str | None:
    """The direction ("up" or "down") of the first of `names` (a lemma, then the word as
    written) in `rises` or `falls`."""
    for name in names:
        if name in rises:
            return "up"
        if name in falls:
            return "down"
    return None


def _verb(token: Token) -> str | None:
    if token.pos_ not in {"VERB", "AUX", "NOUN"}:
        return None
    return _direction((token.lemma_.casefold(), token.lower_), RISE_VERBS, FALL_VERBS)


def _particle(token: Token, first: int, end: int, deps: frozenset[str]) -> str | None:
    """The direction of an adverb of `token` outside the amount ("ended down", "edged up")."""
    for child in children(token):
        if child.dep_ in deps and not first <= child.i < end:
            found = _adverb(child)
            if found is not None:
                return found
    return None


def _adverb(token: Token) -> str | None:
    return _direction((token.lower_,), RISE_ADVERBS, FALL_ADVERBS)


def _noun(token: Token) -> str | None:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    return _direction((token.lemma_.casefold(), token.lower_), RISE_NOUNS, FALL_NOUNS)


def _to_level(verb: Token, end: int) -> bool:
    """Whether `verb` goes on, after the amount, to the level its change led to ("added 15 sen
    to RM23.50", "lost $1.20 at $58")."""
    return any(
        child.dep_ == "prep" and child.lower_ in {"to", "at"} and child.i >= end
        for child in children(verb)
    )


def _signed(text: str, amount: Amount) -> str | None:
    """The direction a percentage's sign gives it ("+0.2%", "-1.1%")."""
    if amount.kind != "percent":
        return None
    if amount.value < 0:
        return "down"
    before = text[max(amount.number_start - 2, 0) : amount.number_start]
    return "up" if before.endswith("+") and not before[:1].isalnum() else None
