"""Resolution across articles: the rules that join the names the articles use into entities.

Input: every article's mentions with the name its article resolved them to (`local.py`). The work
is over distinct names (folded: accents, case and punctuation, so "Sébastien" ~ "Sebastien"), not
mentions, and every rule decides within a block of names that share something, so a new batch
redecides only the blocks its names fall in (`index.py` keeps names, blocks and joins):
1. An acronym joins the one multi-word name its letters spell ("MoD" -> "Ministry of Defence"):
   block `A:<letters>`.
2. Two people's names join when the first names agree and the surnames are the same or one edit
   apart ("Sebastien Lecorno" ~ "Sébastien Lecornu", "Zelenskyy" ~ "Zelensky"); a spelling
   difference needs the two to share context (another name named in both's articles). Different
   first names never join: "Ed Miliband" and "David Miliband" stay apart. Block
   `P:<first name>|<surname variant>`.
3. A bare surname joins the one full name that has it; when several people share it, the one
   whose articles share the most context, and none on a tie or where most of its articles
   named two of them beside it. Decided per bare surname (`B:<surname>`) over the blocks
   `S:<surname variant>`, with the people that rules 1-2 joined counted once.
4. Two names of places that a gazetteer knows as one place by their own names are one
   ("Holland" and "Netherlands": `places.own_place`): block `G:<GeoNames id>`.
5. A group (the names the joins connect) takes the label most of its mentions carry (ties go to
   the more trusted label), and the fullest name: most words, then most articles, then accents
   ("Sébastien" over "Sebastien"); two names of one place take the most used.
Its aliases are the forms mentions wrote: their texts, and their honorifics with the text they
stood before ("Mr Healey"); a resolved name no mention wrote ("United States" for "US") is not one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.entities.local import SURNAME_LABELS
from pipeline.entities.names import (
    accents,
    first_name,
    initials,
    is_acronym,
    is_full_name,
    near_variants,
    surname,
    within_one_edit,
)
from pipeline.entities.rules import LABEL_PRIORITY
from pipeline.lexicon.people import HONORIFICS
from pipeline.lexicon.variants import PLACE_LABELS

PERSON_ONLY = frozenset({"PERSON"})
MIN_FUZZY_SURNAME = 5  # shorter surnames are too easily one edit from another name

# Each join remembers the rule that made it: people joins make a group a person on a tied vote,
# place joins make the most used name canonical.
ACRONYM, PEOPLE, SURNAME, PLACE = "acronym", "people", "surname", "place"

# The GeoNames id of the one place a name names by its own name (`places.own_place`), or None.
OwnPlace = Callable[[str], "int | None"]


def entity_id(anchor: str) -> str:
    """An entity's id: a hash of its anchor, the first name it was known by, so that it stays
    when its canonical name or label changes."""
    return hashlib.sha256(f"entity\x1f{anchor}".encode()).hexdigest()[:16]


@dataclass
class Name:
    """One folded name across the corpus: how often each spelling and label occurs among its
    settled mentions (the index's `SETTLED_MENTIONS`), how many mentions and articles it has in
    all, the forms mentions wrote, and the first batch file that used it."""

    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    n_mentions: int = 0
    aliases: set[str] = field(default_factory=set)
    first: str = ""

    @property
    def words(self) -> int:
        return len(self.key.split())

    @property
    def label(self) -> str:
        return _vote(self.labels)

    @property
    def spelling(self) -> str:
        """The most used spelling (the first in order on a tie)."""
        return min(self.spellings, key=lambda s: (-self.spellings[s], s))

    @property
    def bare_surname(self) -> bool:
        return self.words == 1 and self.label == "PERSON"

    def full_name_of(self, labels: frozenset[str]) -> bool:
        """A full name carrying one of `labels` somewhere in the corpus."""
        return bool(labels & self.labels.keys()) and any(is_full_name(s) for s in self.spellings)


def _vote(labels: Counter[str], prefer: str | None = None) -> str:
    """The most frequent label; a tie goes to `prefer`, then to the more trusted label."""
    rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    return min(labels, key=lambda lab: (-labels[lab], lab != prefer, rank.get(lab, len(rank)), lab))


@dataclass(frozen=True)
class Entity:
    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    n_docs: int
    n_mentions: int


@dataclass
class Resolution:
    """Which entity each (article-resolved name, label) belongs to, and the entities."""

    of_name: dict[tuple[str, str], Entity]
    entities: list[Entity]


class Context(Protocol):
    """What some joins need beyond the names of their block, answered by the index."""

    def docs(self, key: str) -> set[str]:
        """The articles of the batch files that settle name `key` (its first mentions')."""

    def among(self, key: str, docs: set[str]) -> set[str]:
        """The articles of `docs` that use name `key`."""

    def shared(self, a: str, b: str) -> int:
        """How many other names both names' articles name."""

    def person(self, key: str) -> str:
        """Which person (group of rules 1-2) full name `key` is: one key of the group."""


def _variants(key: str) -> set[str]:
    return near_variants(key) if len(key) >= MIN_FUZZY_SURNAME else {key}


def blocks(name: Name, own_place: OwnPlace | None) -> set[str]:
    """The blocks a name falls in: every rule that may join it looks only within them."""
    found: set[str] = set()
    if name.words > 1 and name.label != "PERSON":
        found |= {f"A:{letters}" for s in name.spellings for letters in initials(s)}
    if name.words == 1 and any(is_acronym(s) for s in name.spellings):
        found.add(f"A:{name.key}")
    if name.full_name_of(SURNAME_LABELS):
        found |= {f"P:{first_name(name.key)}|{v}" for v in _variants(surname(name.key))}
    if name.full_name_of(PERSON_ONLY):
        found |= {f"S:{v}" for v in _variants(surname(name.key))}
    if name.bare_surname:
        found |= {f"S:{v}" for v in _variants(name.key)}
    place = own_place(name.spelling) if own_place and name.label in PLACE_LABELS else None
    if place is not None:
        found.add(f"G:{place}")
    return found


Edge = tuple[str, str, str]  # (key, key, rule)


def block_edges(block: str, members: Mapping[str, Name], context: Context) -> list[Edge]:
    """The joins rules 1, 2 and 4 make within one block (`members`: the names in it)."""
    kind, _, value = block.partition(":")
    if not members:  # its names left it
        return []
    if kind == "A":
        return _acronym_edges(value, members)
    if kind == "P":
        return _people_edges(members, context)
    if kind == "G":
        first, *others = sorted(members)
        return [(first, other, PLACE) for other in others]
    return []


def _acronym_edges(letters: str, members: Mapping[str, Name]) -> list[Edge]:
    spelled = [
        k
        for k, n in members.items()
        if n.words > 1 and n.label != "PERSON" and any(letters in initials(s) for s in n.spellings)
    ]
    if len(spelled) != 1:
        return []
    acronyms = (
        k
        for k, n in members.items()
        if n.words == 1 and k == letters and any(is_acronym(s) for s in n.spellings)
    )
    return [(a, spelled[0], ACRONYM) for a in acronyms]


def _people_edges(members: Mapping[str, Name], context: Context) -> list[Edge]:
    """Full names with the same first name and the same or a near surname."""
    edges: list[Edge] = []
    ordered = sorted(k for k, n in members.items() if n.full_name_of(SURNAME_LABELS))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if "PERSON" not in members[a].labels.keys() | members[b].labels.keys():
                continue  # two organisations that look like names are not people
            if surname(a) == surname(b) or (
                within_one_edit(surname(a), surname(b)) and context.shared(a, b)
            ):
                edges.append((a, b, PEOPLE))
    return edges


def surname_blocks(key: str) -> set[str]:
    """The blocks whose full names a bare surname may join."""
    return {f"S:{v}" for v in _variants(key)}


def surname_edges(bare: Name, members: Mapping[str, Name], context: Context) -> list[Edge]:
    """Rule 3 for one bare surname; `members`: the names of its `surname_blocks`."""
    key = bare.key
    found = {k for k, n in members.items() if n.full_name_of(PERSON_ONLY)}
    exact = sorted(k for k in found if surname(k) == key)
    near = sorted(k for k in found if within_one_edit(surname(k), key))
    candidates: dict[str, str] = {}
    for k in exact or near:
        candidates.setdefault(context.person(k), k)
    if len(candidates) == 1:
        target = next(iter(candidates.values()))
        if exact or context.shared(key, target):
            return [(key, target, SURNAME)]
    elif len(candidates) > 1 and not _named_together(bare, set(exact or near), context):
        scored = sorted(((context.shared(key, k), k) for k in candidates.values()), reverse=True)
        if scored[0][0] > scored[1][0]:
            return [(key, scored[0][1], SURNAME)]
    return []


def _named_together(bare: Name, keys: set[str], context: Context) -> bool:
    """Whether most articles that left `bare` a bare surname (those that settle it) named two
    of the people who have it beside it: it was ambiguous there (`local.py`), so it joins
    neither ("Padalecki" beside "Jared Padalecki" and "Sherri Padalecki")."""
    bare_docs = context.docs(bare.key)
    people: dict[str, set[str]] = {}
    for key in sorted(keys):
        people.setdefault(context.person(key), set()).update(context.among(key, bare_docs))
    seen: set[str] = set()
    together: set[str] = set()
    for docs in people.values():
        together |= seen & docs
        seen |= docs
    return 2 * len(together) >= len(bare_docs)


def written_forms(text: str, title: str | None) -> set[str]:
    """The forms a mention wrote: its text, and with the honorifics that stood right before it
    ("Mr Healey", "Sir Tony Radakin"), never a title of one mention with another's text."""
    honorific = _honorific_tail(title) if title else ""
    return {text, f"{honorific} {text}"} if honorific else {text}


def _honorific_tail(title: str) -> str:
    """'Chief of the Defence Staff Admiral Sir' -> 'Admiral Sir': the part said with a name."""
    words = title.split()
    tail: list[str] = []
    while words and words[-1] in HONORIFICS:
        tail.insert(0, words.pop())
    return " ".join(tail)


def make_entity(group: Iterable[Name], rules: set[str], anchor: str, n_docs: int) -> Entity:
    """The entity of a group of names joined by `rules`: its label by vote (a tie goes to
    PERSON when people's names were joined), its name the fullest spelling (most words), or
    for names of one place (the most used; "Russia" and "Russian Federation")."""
    labels: Counter[str] = Counter()
    spellings: Counter[str] = Counter()
    aliases: set[str] = set()
    doc_count: dict[str, int] = {}
    n_mentions = 0
    for name in group:
        n_mentions += name.n_mentions
        labels.update(name.labels)
        aliases.update(name.aliases)
        spellings.update(name.spellings)
        doc_count.update(dict.fromkeys(name.spellings, name.n_docs))
    label = _vote(labels, "PERSON" if PEOPLE in rules else None)
    by_use = PLACE in rules
    canonical = min(
        spellings,
        key=lambda s: (
            0 if by_use else -len(s.split()),
            -doc_count[s],
            -spellings[s],
            -accents(s),
            s,
        ),
    )
    return Entity(
        entity_id=entity_id(anchor),
        name=canonical,
        label=label,
        aliases=tuple(sorted(aliases)),
        n_docs=n_docs,
        n_mentions=n_mentions,
    )
