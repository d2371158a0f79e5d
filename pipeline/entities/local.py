"""Resolution within one article: a surname, a title and surname, or an acronym refers to the
fuller name the same article uses ("Healey" and "Mr Healey" -> "John Healey", "MoD" -> "Ministry
of Defence"), before or after it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from pipeline.entities.mentions import Mention
from pipeline.entities.names import fold, initials, is_acronym, nearest, surname
from pipeline.entities.rules import KNOWN_FORMS

# Labels the model gives a bare surname it does not know ("Healey" as ORG); places and
# nationalities keep theirs ("Washington" stays a city beside "George Washington").
SURNAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})


@dataclasses.dataclass(frozen=True)
class Named(Mention):
    """A mention with the name it stands for in its article."""

    name: str = ""


def resolve_in_article(mentions: list[Mention]) -> list[Named]:
    """Give every mention of one article the fullest name the article uses for it."""
    mentions = _people_by_surname(mentions)
    people: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        if m.label == "PERSON" and len(fold(m.text).split()) > 1:
            people.setdefault(surname(m.text), []).append((m.start, m.text))
    for found in people.values():
        found.sort()  # for `nearest`
    expansions: dict[str, Counter[tuple[str, str]]] = {}
    for m in mentions:
        for letters in initials(m.text):
            expansions.setdefault(letters, Counter())[(m.text, m.label)] += 1
    spelled = {  # initials that spell one name only, decided once per initials
        letters: found.most_common(1)[0][0]
        for letters, found in expansions.items()
        if len({fold(text) for text, _ in found}) == 1
    }
    return [_named(m, people, spelled) for m in mentions]


def _people_by_surname(mentions: list[Mention]) -> list[Mention]:
    """'Dermot Donnelly' (ORG) is a person when the article calls 'Donnelly' (or 'Mr Donnelly')
    a person: the model often mislabels a full name it sees once."""
    surnames = {fold(m.text) for m in mentions if m.label == "PERSON" and " " not in m.text}
    surnames |= {fold(m.text).split()[-1] for m in mentions if m.title and fold(m.text)}
    return [
        dataclasses.replace(m, label="PERSON")
        if m.label in SURNAME_LABELS
        and len(fold(m.text).split()) > 1
        and surname(m.text) in surnames
        else m
        for m in mentions
    ]


def _named(
    m: Mention,
    people: dict[str, list[tuple[int, str]]],
    spelled: dict[str, tuple[str, str]],
) -> Named:
    if m.text in KNOWN_FORMS:
        name, label = KNOWN_FORMS[m.text]
        return _as_named(m, name, label)
    key = fold(m.text)
    if " " not in key and key in people and (m.label in SURNAME_LABELS or m.title):
        full = nearest(m.start, people[key])
        if full is not None:
            return _as_named(m, full, "PERSON")
    if is_acronym(m.text) and (found := spelled.get(fold(m.text).replace(" ", ""))):
        text, label = found
        return _as_named(m, text, label)
    return _as_named(m, m.text, m.label)


def _as_named(m: Mention, name: str, label: str) -> Named:
    return Named(m.start, m.end, m.text, label, m.title, name)
