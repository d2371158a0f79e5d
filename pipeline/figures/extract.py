"""Figures of one parsed article: the amounts `scan` finds, with what they count and what
happened to it, read from the dependency parse.

- Names are not figures: an amount inside a span the model names ("G7", "Voyager 2") is dropped.
- The object is the noun phrase the number quantifies: the noun it is a `nummod` of (through
  "five thousand" to "missiles"), or the `of` phrase of a number standing alone ("18 of the
  victims"); its compound and adjective modifiers come with it ("air defence missiles"). For a
  measure ("620-mile front line") it is the noun the unit modifies.
- Money and percentages have as object what they are for, of or measure (`_paid_for`): their
  own phrase ("£5bn for air defence", "60% of voters"), the noun they modify ("a $6bn deal";
  of a change, what changed: "a 3% rise in prices"), the noun they are the `of` of ("a profit
  of $261.9m"), or the subject of the verb they measure ("sales plunged 1.7%", "net income
  jumped to 3bn yuan"). None when the text does not say ("raised $1bn from the flotation").
- The event is read for counts of people (or of nothing named): the verb whose subject the
  count is ("18 people were killed", "16 killed"), a participle on the noun ("50 people
  injured"), the noun itself ("16 deaths"), or the event of the phrase an "including" hangs on.
- Ordinal words ("third year") count when they modify a noun; digit ordinals come from `scan`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from pipeline.figures.change import change_of
from pipeline.figures.currencies import CURRENCY_CODES, CURRENCY_WORDS
from pipeline.figures.rules import (
    AGE_AFTER,
    AGE_BEFORE,
    AGE_OPENERS,
    AGE_UNITS,
    CHANGE_VERBS,
    COUNT_NOUNS,
    COUNT_VERBS,
    DECADE_OWNERS,
    DECADE_PARTS,
    EVENTS,
    FALL_NOUNS,
    LEVEL_NOUNS,
    LEVEL_PREPOSITIONS,
    MODEL_AFTER,
    MONEY_FOR,
    NAME_LABELS,
    OLDEST_AGE,
    ORDINAL_WORDS,
    PEOPLE,
    PRICE_VERBS,
    RISE_NOUNS,
    SALE_VERBS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SPEND_VERBS,
    SPENT_ON,
    TIME_NOUNS,
    YEAR_DETERMINERS,
    YEAR_NOUNS,
    YEAR_SPAN,
)
from pipeline.figures.scan import Amount, rate_at, scan
from pipeline.figures.units import (
    CURRENCY_SYMBOLS,
    DENOMINATOR_NAMES,
    DENOMINATORS,
    MINOR_CURRENCY,
    PERCENT_FORMS,
)
from pipeline.nlp import children, doc_sentences, doc_text
from pipeline.wordlist import alternation

_OBJECT_PARTS = {"compound", "amod", "nmod", "nummod", "poss"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_MODIFIERS = frozenset({"acl", "amod", "relcl"})
_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "xcomp"})
# Money and percentages: links from one amount to another ("$9.4bn (£5bn)", "3% and 1.2%"),
# to the noun they modify, as what a verb measures, and the prepositions of a level.
_AMOUNT_LINKS = frozenset({"appos", "conj", "nummod", "compound", "quantmod", "nmod"})
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod"})
_MEASURE_DEPS = frozenset({"dobj", "npadvmod", "attr", "acomp", "oprd"})
# Prepositions whose amount completes a verb: the level ("rose to $5bn") or, after "by", the
# change ("rose by 5%"); either way the verb's subject is what the amount measures.
_VERB_PREPOSITIONS = LEVEL_PREPOSITIONS | {"by"}
# Verbs that share their subject with the verb they hang on: "is due to rise", "rose and...",
# "have rebounded, rising to $42.30".
_PART_OF_VERB = frozenset({"xcomp", "conj", "ccomp", "acomp", "advcl"})
# Counts: links from a number to the modifier the parse hangs it on ("45 mid-size cars"), how
# far up to look for the noun, and the link to a count it is joined to, whose noun is plural
# ("5,000 workers in France and 300 in Spain").
_COUNT_MODIFIERS = frozenset({"nummod", "amod", "compound", "nmod"})
_MODIFIER_CLIMB = 3
_COUNT_JOINS = frozenset({"conj"})
_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})

_SENTENCE_BREAK = re.compile(r"\n|[.!?]\s+[A-Z\"“‘']")
# The words of the forms of "percent", a token each: "per cent" is two.
_PERCENT_TOKENS = frozenset(
    word
    for form, unit in PERCENT_FORMS.items()
    if unit == "percent"
    for word in re.split(r"[\s-]", form)
)
_WHEN_WHERE = frozenset({"DATE", "TIME", "GPE", "LOC"})
_NATIONS_PLACES = frozenset({"NORP", "GPE", "LOC"})
_CHILD_EVENTS = "newsroom.figures.child_events"
_AMOUNT_CHILDREN = "newsroom.figures.amount_children"
_JOINED_TO = "newsroom.figures.joined_to"
_BREAKS = "newsroom.figures.sentence_breaks"
_INK = re.compile(r"\S")
# A number as names hold one: digits with no grouping or scale ("Fortune 500", "Web 2.0"), or
# a capitalised word ("Formula One"); "Britain 2 million" and "Dow 10,000" are amounts.
_NAME_NUMBER = re.compile(r"\d+(?:\.\d+)?|[A-Z][a-z]+")
_FUNCTION_WORDS = frozenset({"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"})
# What comes before the first word of a sentence or a quotation.
_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "‘", "'", "-", "–", "—"})
# Ages (`rules.AGE_AFTER`, `rules.AGE_BEFORE`, `rules.DECADE_PARTS`): "50-year-old", "20 years
# of age"; "aged 32", "between the ages of 5 and 11"; "in his early 60s".
_AGE_AFTER = re.compile(
    rf"[\s-]*(?:{alternation(AGE_AFTER)})\b".replace(r"\ ", r"\s+"), re.IGNORECASE
)
_AGE_BEFORE = re.compile(
    rf"\b(?:{alternation(AGE_BEFORE)})\s+(?:(?:{alternation(AGE_OPENERS)})\s+)?$".replace(
        r"\ ", r"\s+"
    ),
    re.IGNORECASE,
)
_AGE_DECADE = re.compile(
    rf"\b(?:{alternation(DECADE_OWNERS)})\s+(?:(?P<part>{alternation(DECADE_PARTS)})[\s-]+)?"
    r"(?P<decade>[1-9]0)'?s\b",
    re.IGNORECASE,
)
_AFTER_NAME = re.compile(r",\s*$")
_AGE_CLOSE = re.compile(r"\s*(?:,|\.(?!\d))")
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
    amounts = scan(doc_text(doc), years=True)
    names = _name_chars(doc, amounts)
    found = (
        _figure(doc, amount)
        for amount in amounts
        if not any(names[amount.number_start : amount.number_end]) and not _in_name(doc, amount)
    )
    figures = [f for f in found if f is not None]
    figures.extend(_ordinal_words(doc, {f.start for f in figures}))
    figures.extend(_decade_ages(doc, figures))
    return sorted(figures, key=lambda f: f.start)


def _name_chars(doc: Doc, amounts: list[Amount]) -> list[bool]:
    """Characters inside names; a 'name' of digits alone ('-99.99' as PERSON) or within one
    amount with a unit ('CHF 3.4bn' as ORG, '750ml' as GPE, 'S$5' as PERSON) is the model's
    mistake, not a name."""
    owner = [-1] * (len(doc_text(doc)) + 1)  # the amount with a unit each character is in
    for i, amount in enumerate(amounts):
        if amount.unit is not None:
            owner[amount.start : amount.end] = [i] * (amount.end - amount.start)
    inside = [False] * (len(doc_text(doc)) + 1)
    for ent in doc.ents:
        measured = owner[ent.start_char] != -1 and owner[ent.start_char] == owner[ent.end_char - 1]
        if ent.label_ in NAME_LABELS and any(c.isalpha() for c in ent.text) and not measured:
            inside[ent.start_char : ent.end_char] = [True] * (ent.end_char - ent.start_char)
    return inside


def _in_name(doc: Doc, amount: Amount) -> bool:
    """Whether a bare count is part of a name the model does not tag. A number written as names
    write one (digits alone, or a capitalised word) is a name after a word with a capital that
    starts no sentence ("S&P 500", "the Fortune 100", "iPhone 11", "Game 7", "COVID -19"), as a
    capitalised number word that starts none ("Five Live", "the Big Four"), before a model word
    ("737 Max jets", "Note 20 Ultra"), or counting a singular proper noun ("Boeing's own 787
    Dreamliner", "the 90049 ZIP Code"): proper nouns counted are plural ("12 Republicans"). Two
    singular proper nouns are counted all the same: a nation's or place's word ("100 Muslim
    schools", "12 UK hit singles") and a compound of a common noun ("300 Department of Health
    posts")."""
    if amount.kind != "count" or amount.ordinal:
        return False
    written = doc_text(doc)[amount.number_start : amount.number_end]
    first, last = _token_at(doc, amount.number_start), _token_at(doc, amount.number_end - 1)
    if first is None or last is None or not _NAME_NUMBER.fullmatch(written):
        return False
    if last.i + 1 < len(doc) and doc[last.i + 1].text in MODEL_AFTER:
        return True
    if written[0].isupper():
        return not _starts_sentence(first)
    if first.i > 0 and _name_word(doc[first.i - 1]):
        return True
    head = last.head
    between = doc[last.i + 1 : head.i]
    return (
        amount.value > 1
        and last.dep_ == "nummod"
        and head.i > last.i
        and head.text[:1].isupper()
        and not head.text.endswith("s")
        and head.ent_type_ not in _NATIONS_PLACES  # "100 Muslim schools", "12 UK hit singles"
        and not (head.dep_ == "compound" and head.head.pos_ == "NOUN")  # "300 Health posts"
        and all(t.dep_ == "compound" and t.pos_ == "PROPN" for t in between)
    )


def _name_word(token: Token) -> bool:
    """A word with a capital, right before a number, that starts no sentence (or has a capital
    inside, "iPhone", "ISO", which no sentence's first word has) and is no currency code."""
    if not token.whitespace_ or not any(c.isupper() for c in token.text):
        return False
    if token.text in CURRENCY_CODES or token.pos_ in _FUNCTION_WORDS:
        return False
    return any(c.isupper() for c in token.text[1:]) or not _starts_sentence(token)


def _starts_sentence(token: Token) -> bool:
    """Whether `token` starts a sentence, a quotation or a clause after a colon."""
    if token.is_sent_start or token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return previous.is_space or previous.text in _OPENERS


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _figure(doc: Doc, amount: Amount) -> Figure | None:
    number = _token_at(doc, amount.number_end - 1)
    if number is None:
        return None
    head = _number_head(number)
    age = _age(doc, amount)
    amount = age or amount
    noun = None if age else _counted(head, amount, doc)
    if amount.year_like and not _counts_not_year(doc, amount, noun):
        return None  # "the 2005 budget", "below 1990 levels"
    end = amount.end
    obj = "age" if age else None
    if noun is not None:
        first = _object_start(noun, doc, amount.end)
        obj = doc_text(doc)[first.idx : noun.idx + len(noun.text)]
        counted = amount.kind not in {"money", "percent"} and first.idx >= amount.end
        if counted and _INK.search(doc_text(doc), amount.end, first.idx) is None:
            end = noun.idx + len(noun.text)  # "at least 18 people": the object is in the surface
    kind = amount.kind
    event = None
    written = doc_text(doc)[amount.number_start : amount.number_end]
    alone = amount.value == 1 and amount.value_high is None  # not "one or two"
    if noun is None and amount.unit is None and alone and written.isalpha():
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
        per=_per(amount, noun, doc),
        object=obj,
        qualifier=amount.qualifier,
        event=event,
        change=change_of(doc, amount),
        sentence=_sentence(doc, number, amount.start, end),
    )


def _counts_not_year(doc: Doc, amount: Amount, noun: Token | None) -> bool:
    """Whether a number that reads as a year too ("2000") counts: it counts a plural common
    noun after it ("more than 1000 customers", "1500 jobs") that years do not modify
    (`rules.YEAR_NOUNS`: "1990 levels"), with no determiner or possessive before it ("the 2004
    results", "Adams' original 1977 scripts"), and the model does not take it for a date ("2001
    winners") unless a qualifier or a range wider than a century says it counts ("about 2000
    people", "between 1000 and 2000 people")."""
    if noun is None or noun.tag_ != "NNS" or noun.idx < amount.end:
        return False
    if _lemma(noun) in YEAR_NOUNS or noun.lower_ in YEAR_NOUNS:
        return False
    number = _token_at(doc, amount.number_start)
    if number is None:
        return False
    for child in children(noun):
        if child.i < number.i and (
            child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in YEAR_DETERMINERS)
        ):
            return False
    wide = amount.value_high is not None and amount.value_high - amount.value > YEAR_SPAN
    return number.ent_type_ != "DATE" or amount.qualifier != "exact" or wide


def _age(doc: Doc, amount: Amount) -> Amount | None:
    """The amount as an age, if the text says it is one (`rules.AGE_AFTER` and around): kind
    `duration`, unit `year` unless one is written ("3-month-old"), its surface through "old" or
    "of age"."""
    text = doc_text(doc)
    if amount.kind == "duration" and amount.unit in AGE_UNITS:
        after = _AGE_AFTER.match(text, amount.end)
        if after is not None:
            return dataclasses.replace(amount, end=after.end(), year_like=False)
    if amount.kind not in {"count", "duration"} or amount.ordinal or amount.per is not None:
        return None
    if amount.kind == "duration" and amount.unit not in AGE_UNITS:
        return None  # "in an age of 24-hour news"
    aged = _AGE_BEFORE.search(text, max(0, amount.start - 30), amount.start)
    if aged is None and not (amount.kind == "count" and _age_after_name(doc, amount)):
        return None
    return dataclasses.replace(amount, kind="duration", unit=amount.unit or "year", year_like=False)


def _age_after_name(doc: Doc, amount: Amount) -> bool:
    """'Jamie Armstrong, 25, said': a whole number in digits alone in commas (or before a full
    stop) right after a person's name."""
    text = doc_text(doc)
    written = text[amount.number_start : amount.number_end]
    if not written.isdigit() or amount.value_high is not None or amount.qualifier != "exact":
        return False
    if not 0 < amount.value <= OLDEST_AGE or not _AGE_CLOSE.match(text, amount.end):
        return False
    comma = _AFTER_NAME.search(text, max(0, amount.start - 3), amount.start)
    name = _token_at(doc, comma.start() - 1) if comma is not None and comma.start() else None
    return name is not None and name.ent_type_ == "PERSON" and name.pos_ == "PROPN"


def _decade_ages(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """'in his 60s' (60 to 69), 'in her early 30s' (30 to 33): a decade of someone's life, an
    age range (`rules.DECADE_PARTS`, qualifier approx for a part of the decade)."""
    text = doc_text(doc)
    taken = {f.start for f in figures}
    found = []
    for match in _AGE_DECADE.finditer(text):
        start = match.start("part") if match["part"] else match.start("decade")
        token = _token_at(doc, start)
        if token is None or start in taken:
            continue
        low, high = 0, 9
        if match["part"]:
            low, high = DECADE_PARTS[match["part"].casefold()]
        decade = int(match["decade"])
        found.append(
            Figure(
                start=start,
                end=match.end(),
                text=text[start : match.end()],
                value=float(decade + low),
                value_high=float(decade + high),
                kind="duration",
                unit="year",
                per=None,
                object="age",
                qualifier="approx" if match["part"] else "exact",
                event=None,
                change=None,
                sentence=_sentence(doc, token, start, match.end()),
            )
        )
    return found


def _per(amount: Amount, noun: Token | None, doc: Doc) -> str | None:
    """The rate's denominator: the one `scan` read, or for an open word after "per" the noun
    it modifies ("per LSE share" -> `share`); for a count, a rate written after what it counts
    ("3,000 tests per day")."""
    if amount.per is not None:
        word = _token_at(doc, amount.end - 1)
        if amount.per in DENOMINATOR_NAMES or word is None or word.lower_ != amount.per:
            return amount.per
        head = word.head
        if word.dep_ in {"compound", "amod"} and head.i > word.i and head.pos_ == "NOUN":
            return DENOMINATORS.get(head.lower_, head.lemma_.casefold())
        return amount.per
    if amount.kind != "count" or noun is None:
        return None
    rate = rate_at(doc_text(doc), noun.idx + len(noun.text))
    return rate[1] if rate else None


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
    if amount.kind in {"money", "percent"}:
        return _paid_for(doc, amount)
    if amount.kind == "ordinal" and not amount.ordinal:
        return None
    if amount.unit is not None:  # a measure: the noun the unit (or the number) modifies
        unit = _token_at(doc, amount.end - 1)
        for token in (unit, number):
            if token is not None and token.dep_ in {"compound", "amod", "nmod", "nummod"}:
                head = token.head
                if head.pos_ in {"NOUN", "PROPN"} and head.idx >= amount.end:
                    return head
        return None
    return _count_noun(number)


def _count_noun(number: Token) -> Token | None:
    """What a bare count counts, where the text says it: the noun the number modifies ("45
    mid-size cars"), the group of its `of` phrase ("18 of the victims", "of the 300 workers, 50
    were..."), the noun of the count it is joined to ("2,000 workers in France and 300 in
    Spain"), or the subject of a verb that counts ("the victims numbered 12", "the number of
    users rose to 5 million"). None when nothing is named ("16 were killed")."""
    noun = _modified_noun(number)
    if noun is not None:
        return noun
    if number.pos_ in {"NUM", "PRON"} or number.dep_ in _SUBJECTS | {"dobj", "pobj", "attr"}:
        noun = _group_of(number, len(number.doc))
        if noun is None and number.dep_ in _SUBJECTS | {"dobj"}:
            noun = _group_of(number.head, number.i)  # "Of the 300 workers, 50 were laid off"
        if noun is not None:
            return noun
    head = number.head
    if number.dep_ in _COUNT_JOINS and head.i < number.i:
        if head.pos_ == "NUM":
            return _modified_noun(head)
        counted = any(_amount_like(c) and c.dep_ == "nummod" for c in children(head))
        if head.tag_ in _PLURAL_NOUNS and counted:
            return head
    return _counted_by_verb(number)


def _modified_noun(number: Token) -> Token | None:
    """The noun after `number` that it modifies, through modifiers the parse hangs it on ("45
    mid-size cars", where "45" modifies "mid"); a place or nation's name is one, not what is
    counted: the count goes on to the next head, or, where the parse hangs it on nothing after,
    to the plural noun right after the name ("12 UK hit singles", parsed with "UK" the subject of
    "hit"); one tagged a place but written as a plural is counted ("three Grammys")."""
    token = number
    place: Token | None = None
    for _ in range(_MODIFIER_CLIMB):
        if token.dep_ not in _COUNT_MODIFIERS or token.head.i <= token.i:
            break
        token = token.head
        if token.ent_type_ in _NATIONS_PLACES and token.tag_ == "NNP" and token.text[-1] != "s":
            place = token
        elif token.pos_ in {"NOUN", "PROPN"} and any(c.isalpha() for c in token.text):
            return token
    return _plural_after(place) if place is not None else None


def _plural_after(place: Token) -> Token | None:
    """The plural noun within `_MODIFIER_CLIMB` words after a place's name, words alone between
    ("12 UK hit singles"): what a count before the name counts."""
    for token in place.doc[place.i + 1 : place.i + 1 + _MODIFIER_CLIMB]:
        if not token.is_alpha:
            return None
        if token.tag_ in _PLURAL_NOUNS:
            return token
    return None


def _group_of(token: Token, before: int) -> Token | None:
    """The group an `of` child of `token` (before index `before`) names: a noun, not one name
    ("the last eight of the Champions League", "one half of pop duo Wham")."""
    for child in children(token):
        if child.dep_ == "prep" and child.lower_ == "of" and child.i < before:
            objects = [c for c in children(child) if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in {"NOUN", "PROPN"} and objects[0].tag_ != "NNP":
                return objects[0]
    return None


def _counted_by_verb(number: Token) -> Token | None:
    """The subject of the verb a number completes, when the verb counts it ("the victims
    numbered 12", `rules.COUNT_VERBS`) or the subject is a count of a group ("the number of
    users rose to 5 million", "the tally of deaths stood at 300", `rules.COUNT_NOUNS`)."""
    if number.dep_ == "pobj" and number.head.lower_ in _VERB_PREPOSITIONS:
        verb = _verb_of(number.head)
    elif number.dep_ in _MEASURE_DEPS:
        verb = _verb_of(number)
    else:
        return None
    if verb is None:
        return None
    subject = _subject(verb)
    if subject is None or not _noun(subject):
        return None
    if _lemma(subject) in COUNT_NOUNS:
        return _group_of(subject, len(subject.doc))
    return subject if _lemma(verb) in COUNT_VERBS else None


def _object_start(noun: Token, doc: Doc, after: int) -> Token:
    """The first modifier of `noun` that stands after the amount ('air' of 'air defence
    missiles'), or the noun itself; of a noun before the amount ('the Nikkei index gained 7.6%'),
    its first modifier. Words hyphened to a modifier come with it ('loan-to-value mortgages');
    a comparative does not ('2.1% more cars')."""
    if noun.idx < after:
        after = 0
    first = noun
    while first.i > 0:
        previous = doc[first.i - 1]
        word = _word_start(previous, after)
        if word.i < previous.i and any(t.dep_ in _OBJECT_PARTS for t in doc[word.i : first.i]):
            first = word
            continue
        if previous.idx < after or previous.dep_ not in _OBJECT_PARTS:
            break
        if previous.tag_ in {"JJR", "RBR"}:
            break
        if _break_between(doc, previous.idx, first.idx + 1):
            break  # "... to £1.97bn. Turnover": the parse ran across a full stop
        named = previous.ent_iob_ == "I" and first.ent_iob_ == "I"  # "Three Gorges Dam"
        if previous.pos_ not in {"NOUN", "PROPN", "ADJ"} and not named:
            break
        first = previous
    return first


def _word_start(token: Token, after: int) -> Token:
    """The first token of the hyphened word `token` ends ('loan' of 'loan-to-value'), not
    before `after`; `token` itself when it ends none."""
    doc = token.doc
    while token.i > 1:
        hyphen, before = doc[token.i - 1], doc[token.i - 2]
        glued = hyphen.text in {"-", "–"} and not hyphen.whitespace_ and not before.whitespace_
        if not glued or before.idx < after:
            break
        token = before
    return token


def _paid_for(doc: Doc, amount: Amount) -> Token | None:
    """What money or a percentage is for, of or measures, if the parse says: its own phrase
    ("£5bn for air defence", "60% of voters"), the noun it modifies ("a $6bn deal", "a 3% rise
    in prices"), the noun it is the `of` of ("a profit of $261.9m"), or the subject of the verb
    it measures ("sales plunged 1.7%", "net income jumped to 3bn yuan")."""
    span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    top = next((t for t in span if t.head.i not in range(span.start, span.end)), span[-1])
    top = _first_of_joined(top)
    for token in (top, *(t for t in span if t.lower_ in _PERCENT_TOKENS)):
        own = _own_phrase(token, amount.kind)
        if own is not None:
            return _what_changed(own)
    noun = _noun_of(top, amount.kind)
    if noun is None:
        return None
    while noun.dep_ == "compound" and noun.head.i > noun.i and _noun(noun.head):
        noun = noun.head  # "a $1bn London listing"
    if not _noun(noun) or _amount_like(noun) or _lemma(noun) in LEVEL_NOUNS:
        return None  # "a record high of $1.48"
    if noun.ent_type_ in _WHEN_WHERE:
        return None  # a time or a place is not what money is for: "in $1bn London listing"
    first, last = sorted((noun.idx, amount.start))
    if _break_between(doc, first, last + 1):
        return None  # a parse across sentences: "... for up to £350m. WPP in recent years"
    return _what_changed(noun)


def _break_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a sentence break (`_SENTENCE_BREAK`) lies within `doc`'s text `start:end`. The
    breaks are found once per doc and kept with it: searching the text between each amount and
    a noun far before it is quadratic in a long list."""
    breaks: list[tuple[int, int]] | None = doc.user_data.get(_BREAKS)
    if breaks is None:
        breaks = [m.span() for m in _SENTENCE_BREAK.finditer(doc_text(doc))]
        doc.user_data[_BREAKS] = breaks
    at = bisect.bisect_left(breaks, (start, start))
    return at < len(breaks) and breaks[at][1] <= end


def _first_of_joined(token: Token) -> Token:
    """The amount that `token` restates or is joined to, up the chain ("$9.4bn (£5bn)", "3% and
    1.2%"). Kept with the doc for every token on the way: a list of thousands of amounts is one
    chain, and climbing it from each would be quadratic."""
    known: dict[int, int] = token.doc.user_data.setdefault(_JOINED_TO, {})
    path = []
    while token.i not in known and token.dep_ in _AMOUNT_LINKS and _restated(token):
        path.append(token.i)
        token = token.head
    top = token.doc[known.get(token.i, token.i)]
    known.update(dict.fromkeys(path, top.i))
    return top


def _amount_like(token: Token) -> bool:
    """Whether `token` is part of an amount: digits, a currency, a scale or a percent."""
    return (
        any(c.isdigit() for c in token.text)
        or token.text in CURRENCY_SYMBOLS
        or token.lower_ in CURRENCY_WORDS
        or token.lower_ in MINOR_CURRENCY
        or token.lower_ in _PERCENT_TOKENS
        or token.lower_ in SCALES
        or token.text in SCALE_ABBREVIATIONS
    )


def _restated(token: Token) -> bool:
    """Whether the head of `token` is an amount `token` restates or joins: "$9.4bn (£5bn)",
    "200 dinars ($2.77)", "3% and 1.2%"."""
    head = token.head
    if _amount_like(head):
        return True
    own = token.dep_ == "nummod" and _amount_like(token)
    return _amount_children(token.doc)[head.i] > own


def _amount_children(doc: Doc) -> Counter[int]:
    """How many amount-like `nummod` children each token has. Counted once per doc and kept
    with it: asking a head's children for each of its amounts is quadratic in a table written
    as one sentence (3,000 percentages took 6 s)."""
    known: Counter[int] | None = doc.user_data.get(_AMOUNT_CHILDREN)
    if known is None:
        known = Counter(
            t.head.i for t in doc if t.dep_ == "nummod" and t.head.i != t.i and _amount_like(t)
        )
        doc.user_data[_AMOUNT_CHILDREN] = known
    return known


def _noun(token: Token) -> bool:
    """A noun, or a word in a noun's place the tagger took for a verb ("a $6bn deal")."""
    return token.pos_ in {"NOUN", "PROPN"} or (
        token.pos_ == "VERB" and token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}
    )


def _own_phrase(token: Token, kind: str) -> Token | None:
    """The object of the amount's own phrase: "60% of voters", "$280bn in profits"."""
    preps = MONEY_FOR if kind == "money" else frozenset({"of"})
    for child in children(token):
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        objects = [c for c in children(child) if c.dep_ == "pobj"]
        if objects and _is_object(objects[0], child.lower_ == "of"):
            return objects[0]
    return None


def _is_object(token: Token, named: bool) -> bool:
    """Whether `token` can be what an amount is of or for: a noun, not a time or an amount,
    nor a name but after "of" ("40% of Aguas Argentinas", not "£5m for Google")."""
    if token.pos_ not in {"NOUN", "PROPN"} or _amount_like(token):
        return False
    if token.ent_type_ in _WHEN_WHERE or (token.ent_type_ in NAME_LABELS and not named):
        return False
    return _lemma(token) not in LEVEL_NOUNS and _lemma(token) not in TIME_NOUNS


def _noun_of(top: Token, kind: str) -> Token | None:
    """The noun the amount `top` heads hangs on, or the subject of the verb it measures."""
    head = top.head
    if top.dep_ in _MODIFIER_DEPS and head.i > top.i and _noun(head):  # "a $6bn deal"
        return head
    comparative = head.pos_ in {"ADJ", "ADV"} and head.dep_ in {"amod", "advmod"}
    if top.dep_ in _MEASURE_DEPS and comparative and _noun(head.head):
        return head.head  # "2.1% more cars", "with sales up 6%"
    if head.lower_ == "worth":  # "a deal worth $9.4bn", "the deal is worth $2bn"
        if head.dep_ in {"amod", "acl", "appos"}:
            return head.head
        done = [c for c in children(head.head) if c.dep_ == "dobj"]  # "buy shares worth $5m"
        return done[0] if done else _subject(head.head)
    if top.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NOUN", "PROPN"}:
        return head.head  # "a profit of $261.9m"
    if top.dep_ == "appos" and head.pos_ == "NOUN":  # "a quarter of companies (24%)"
        return _own_phrase(head, "percent") or head
    if top.dep_ == "pobj" and head.lower_ in _VERB_PREPOSITIONS:  # "rose to $5bn"
        verb = _verb_of(head)
        if verb is None:
            return None
        done = [c for c in children(verb) if c.dep_ == "dobj" and not _amount_like(c)]
        if done:  # "takes the jobless rate to 12.1%"
            return done[0]
        return _subject(verb) if _lemma(verb) in CHANGE_VERBS else None
    if top.dep_ == "pobj" and head.lower_ == "for" and _lemma(head.head) in SALE_VERBS:
        done = [c for c in children(head.head) if c.dep_ == "dobj" and not _amount_like(c)]
        return done[0] if done else _subject(head.head)  # "the mill was sold for $800m"
    if top.dep_ == "dobj" and kind == "money" and _lemma(head) in SPEND_VERBS:
        return _spent_on(head)  # "spent £40m on training"
    if top.dep_ in _MEASURE_DEPS:  # "sales plunged 1.7%", "the price was £182,920"
        verb = _verb_of(top)
        verbs = CHANGE_VERBS if kind == "percent" else PRICE_VERBS
        if verb is not None and _lemma(verb) in verbs:
            return _subject(verb)
    return None


def _spent_on(verb: Token) -> Token | None:
    """What `verb` spends on: "spent £40m on training", "invested £50 into a policy"."""
    for child in children(verb):
        if child.dep_ == "prep" and child.lower_ in SPENT_ON:
            objects = [c for c in children(child) if c.dep_ == "pobj"]
            if objects and _is_object(objects[0], False):
                return objects[0]
    return None


def _lemma(token: Token) -> str:
    return token.lemma_.casefold()


def _verb_of(token: Token) -> Token | None:
    """The verb `token` hangs on, through "up", "down" or "higher" ("15% higher")."""
    head = token.head
    if head.pos_ in {"ADV", "ADJ"} and head.dep_ in {"advmod", "acomp", "npadvmod", "prep"}:
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} else None


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`: its own, its noun's ("losses halved"), or the one of the verb it
    is part of ("foreign aid is due to rise", "which rose")."""
    for _ in range(3):
        subjects = [c for c in children(verb) if c.dep_ in _SUBJECTS]
        if subjects and subjects[0].tag_ not in {"WDT", "WP", "PRP"}:
            return subjects[0]
        if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head
        if verb.dep_ not in _PART_OF_VERB or subjects or verb.head.i == verb.i:
            return None
        if verb.dep_ == "xcomp":  # "predicts profits to rise 50%": the object of the verb
            done = [c for c in children(verb.head) if c.dep_ == "dobj" and _noun(c)]
            if done:
                return done[0]
        verb = verb.head
    return None


def _what_changed(noun: Token) -> Token | None:
    """Of a change noun, what changed: "a 3% rise in prices", "a 5% pay rise"; a bare "rise"
    says nothing."""
    if _lemma(noun) not in RISE_NOUNS and _lemma(noun) not in FALL_NOUNS:
        return noun
    for child in children(noun):
        if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
            objects = [c for c in children(child) if c.dep_ == "pobj"]
            if objects and _is_object(objects[0], True):
                return objects[0]
    if any(c.dep_ == "compound" and not _amount_like(c) for c in children(noun)):
        return noun
    return None


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


# The ordinal words by the ids of their strings: a token's `lower` is compared without making
# its text a Python string, on every token of every article.
_ORDINAL_IDS = {get_string_id(word): value for word, value in ORDINAL_WORDS.items()}


def _ordinal_words(doc: Doc, taken: set[int]) -> list[Figure]:
    """'third year', 'the first time': ordinal words that modify a noun."""
    found = []
    for token in doc:
        value = _ORDINAL_IDS.get(token.lower)
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
