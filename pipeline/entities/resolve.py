"""Resolution across articles: the names the articles use, grouped into one entity each.

Input: every article's mentions with the name its article resolved them to (`local.py`). The work
is over distinct names, not mentions, so it grows with the vocabulary of names:
1. Names equal once accents, case and punctuation are folded are one name.
2. An acronym joins the one multi-word name its letters spell ("MoD" -> "Ministry of Defence").
3. Two people's names join when the first names agree and the surnames are the same or one edit
   apart ("Sebastien Lecorno" ~ "Sébastien Lecornu", "Zelenskyy" ~ "Zelensky"); a spelling
   difference needs the two to share context (another entity named in both's articles).
   Different first names never join: "Ed Miliband" and "David Miliband" stay apart.
4. A bare surname joins the one full name that has it; when several people share it, the one
   whose articles share the most context, and none on a tie or where most of its articles
   named two of them beside it.
5. Two names of places that a gazetteer knows as one place by their own names are one
   ("Holland" and "Netherlands": `places.same_places`).
6. A group takes the label most of its mentions carry (ties go to the more trusted label), and
   the fullest name: most words, then most articles, then accents ("Sébastien" over "Sebastien").
Its aliases are the forms mentions wrote: their texts, and their honorifics with the text they
stood before ("Mr Healey"); a resolved name no mention wrote ("United States" for "US") is not one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.entities.local import SURNAME_LABELS
from pipeline.entities.names import (
    accents,
    first_name,
    fold,
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


def entity_id(name: str, label: str) -> str:
    """Stable while the canonical name and label stay the same."""
    return hashlib.sha256(f"{label}\x1f{name}".encode()).hexdigest()[:16]


@dataclass
class Name:
    """One folded name across the corpus: how often each spelling and label occurs, where."""

    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)

    @property
    def words(self) -> int:
        return len(self.key.split())

    @property
    def label(self) -> str:
        return _vote(self.labels)


def _vote(labels: Counter[str], prefer: str | None = None) -> str:
    """The most frequent label; a tie goes to `prefer`, then to the more trusted label."""
    rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    return min(labels, key=lambda lab: (-labels[lab], lab != prefer, rank.get(lab, len(rank)), lab))


class _Groups:
    """Union-find over name keys."""

    def __init__(self, keys: list[str]) -> None:
        self.parent = {k: k for k in keys}
        self.people: set[str] = set()  # keys joined as spellings of one person's name
        self.places: set[str] = set()  # keys joined as names of one place

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


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


# Pairs the names of places that are one place ("Holland", "Netherlands"): `places.same_places`.
SamePlaces = Callable[[Iterable[str]], Iterable[tuple[str, str]]]


def resolve(mentions: pa.Table, same_places: SamePlaces | None = None) -> Resolution:
    """Group the names of `mentions` (columns doc_id, text, label, title, name) into entities;
    `same_places` tells which names of places are one place."""
    names = _names(mentions)
    groups = _Groups(sorted(names))
    _join_acronyms(names, groups)
    contexts = _Contexts(mentions, names)
    _join_people(names, groups, contexts)
    _join_surnames(names, groups, contexts)
    if same_places is not None:
        spelled = {n.spellings.most_common(1)[0][0]: k for k, n in names.items()}
        places = (s for s, k in spelled.items() if names[k].label in PLACE_LABELS)
        for a, b in same_places(places):
            groups.join(spelled[a], spelled[b])
            groups.places.update((spelled[a], spelled[b]))
    members: dict[str, list[Name]] = {}
    for key, name in names.items():
        members.setdefault(groups.find(key), []).append(name)
    of_name: dict[tuple[str, str], Entity] = {}
    entities: list[Entity] = []
    for group in members.values():
        keys = {n.key for n in group}
        entity = _entity(
            group,
            prefer="PERSON" if groups.people & keys else None,
            by_use=bool(groups.places & keys),
        )
        entities.append(entity)
        for name in group:
            for spelling in name.spellings:
                for label in name.labels:
                    of_name[(spelling, label)] = entity
    entities.sort(key=lambda e: (-e.n_mentions, e.name, e.label))
    return Resolution(of_name, entities)


def _names(mentions: pa.Table) -> dict[str, Name]:
    grouped = mentions.group_by(["name", "label"], use_threads=False).aggregate(
        [("doc_id", "distinct"), ("doc_id", "count")]
    )
    names: dict[str, Name] = {}
    for row in grouped.to_pylist():
        key = fold(row["name"])
        if not key:
            continue
        name = names.setdefault(key, Name(key))
        name.spellings[row["name"]] += row["doc_id_count"]
        name.labels[row["label"]] += row["doc_id_count"]
        name.docs.update(row["doc_id_distinct"])
    written = mentions.group_by(["name", "text", "title"], use_threads=False).aggregate([])
    for row in written.to_pylist():
        if (found := names.get(fold(row["name"]))) is not None:
            found.aliases.update(_written_forms(row["text"], row["title"]))
    return names


def _written_forms(text: str, title: str | None) -> set[str]:
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


def _join_acronyms(names: dict[str, Name], groups: _Groups) -> None:
    spelled: dict[str, set[str]] = {}
    for key, name in names.items():
        if name.words > 1 and name.label != "PERSON":
            for spelling in name.spellings:
                for letters in initials(spelling):
                    spelled.setdefault(letters, set()).add(key)
    for key, name in names.items():
        if name.words == 1 and any(is_acronym(s) for s in name.spellings):
            found = spelled.get(key.replace(" ", ""), set())
            if len(found) == 1:
                groups.join(key, next(iter(found)))


class _Contexts:
    """The other names each name appears beside, computed only for the names that need it."""

    def __init__(self, mentions: pa.Table, names: dict[str, Name]) -> None:
        self.mentions = mentions.select(["doc_id", "name"])
        self.names = names
        self.cache: dict[str, set[str]] = {}

    def of(self, key: str) -> set[str]:
        if key not in self.cache:
            docs = pa.array(sorted(self.names[key].docs), pa.string())
            beside = self.mentions.filter(pc.is_in(self.mentions["doc_id"], docs))
            found = {fold(n) for n in pc.unique(beside["name"]).to_pylist()}
            self.cache[key] = found - {key}
        return self.cache[key]

    def shared(self, a: str, b: str) -> int:
        return len((self.of(a) & self.of(b)) - {a, b})


def _people(names: dict[str, Name], labels: frozenset[str] = PERSON_ONLY) -> dict[str, Name]:
    """Full names carrying one of `labels` somewhere in the corpus."""
    return {
        k: n
        for k, n in names.items()
        if labels & n.labels.keys() and any(is_full_name(s) for s in n.spellings)
    }


def _join_people(names: dict[str, Name], groups: _Groups, contexts: _Contexts) -> None:
    """Full names with the same first name and the same or a near surname."""
    by_variant: dict[tuple[str, str], set[str]] = {}
    for key in _people(names, SURNAME_LABELS):
        last = surname(key)
        variants = near_variants(last) if len(last) >= MIN_FUZZY_SURNAME else {last}
        for variant in variants:
            by_variant.setdefault((first_name(key), variant), set()).add(key)
    for candidates in by_variant.values():
        ordered = sorted(candidates)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if "PERSON" not in names[a].labels.keys() | names[b].labels.keys():
                    continue  # two organisations that look like names are not people
                if surname(a) == surname(b) or (
                    within_one_edit(surname(a), surname(b)) and contexts.shared(a, b)
                ):
                    groups.join(a, b)
                    groups.people.update((a, b))


def _join_surnames(names: dict[str, Name], groups: _Groups, contexts: _Contexts) -> None:
    """A bare surname joins the one person who has it (or, spelt one edit apart, shares
    context with it)."""
    by_surname: dict[str, set[str]] = {}
    for key in _people(names):
        last = surname(key)
        variants = near_variants(last) if len(last) >= MIN_FUZZY_SURNAME else {last}
        for variant in variants:
            by_surname.setdefault(variant, set()).add(key)
    for key, name in names.items():
        if name.words != 1 or name.label != "PERSON":
            continue
        variants = near_variants(key) if len(key) >= MIN_FUZZY_SURNAME else {key}
        found = {k for v in variants for k in by_surname.get(v, ())}
        exact = {k for k in found if surname(k) == key}
        near = {k for k in found if within_one_edit(surname(k), key)}
        candidates = {groups.find(k): k for k in (exact or near)}
        if len(candidates) == 1:
            target = next(iter(candidates.values()))
            if exact or contexts.shared(key, target):
                groups.join(key, target)
        elif len(candidates) > 1 and not _named_together(name, names, groups, exact or near):
            scored = sorted(
                ((contexts.shared(key, k), k) for k in candidates.values()), reverse=True
            )
            if scored[0][0] > scored[1][0]:
                groups.join(key, scored[0][1])


def _named_together(bare: Name, names: dict[str, Name], groups: _Groups, keys: set[str]) -> bool:
    """Whether most articles that left `bare` a bare surname named two of the people who have
    it beside it: it was ambiguous there (`local.py`), so it joins neither ("Padalecki" beside
    "Jared Padalecki" and "Sherri Padalecki")."""
    people: dict[str, set[str]] = {}
    for key in keys:
        people.setdefault(groups.find(key), set()).update(names[key].docs & bare.docs)
    seen: set[str] = set()
    together: set[str] = set()
    for docs in people.values():
        together |= seen & docs
        seen |= docs
    return 2 * len(together) >= len(bare.docs)


def _entity(group: list[Name], prefer: str | None, by_use: bool = False) -> Entity:
    """The group's entity: its label by vote, its name the fullest spelling (most words), or
    for names of one place (`by_use`: "Russia" and "Russian Federation") the most used."""
    labels: Counter[str] = Counter()
    spellings: Counter[str] = Counter()
    docs: set[str] = set()
    aliases: set[str] = set()
    for name in group:
        labels.update(name.labels)
        docs.update(name.docs)
        aliases.update(name.aliases)
        for spelling, count in name.spellings.items():
            spellings[spelling] += count
    doc_count = {s: len(n.docs) for n in group for s in n.spellings}
    label = _vote(labels, prefer)
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
        entity_id=entity_id(canonical, label),
        name=canonical,
        label=label,
        aliases=tuple(sorted(aliases)),
        n_docs=len(docs),
        n_mentions=sum(spellings.values()),
    )


def resolved_mentions(mentions: pa.Table, resolution: Resolution) -> pa.Table:
    """`mentions` with each row's `entity_id` and the entity's label, in text order."""
    pairs = list(resolution.of_name.items())
    mapping = pa.table(
        {
            "name": [name for (name, _), _e in pairs],
            "label": [label for (_, label), _e in pairs],
            "entity_id": [e.entity_id for _k, e in pairs],
            "entity_label": [e.label for _k, e in pairs],
        },
        schema=pa.schema(
            [
                ("name", pa.string()),
                ("label", pa.string()),
                ("entity_id", pa.string()),
                ("entity_label", pa.string()),
            ]
        ),
    )
    joined = mentions.join(mapping, keys=["name", "label"], join_type="inner", use_threads=False)
    joined = joined.drop_columns(["label"])
    joined = joined.rename_columns(
        ["label" if c == "entity_label" else c for c in joined.column_names]
    )
    return joined.sort_by([("doc_id", "ascending"), ("start", "ascending")])
