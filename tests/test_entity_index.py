"""The entity index: incremental updates equal a build from scratch, ids stay once given."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable
from typing import Any

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch

from pipeline.entities import entities_table
from pipeline.entities.index import SETTLED_MENTIONS, EntityIndex, _settled, rules
from pipeline.entities.places import own_place
from pipeline.entities.resolve import Name, entity_id
from tests.test_entities import same, table

# batch files named like ingest's batch keys: they sort in the order they ran
BATCHES = [f"20260101-1000{i:02d}-0001-abcdef{i:02d}" for i in range(6)]


def index() -> EntityIndex:
    return EntityIndex(sqlite3.connect(":memory:"), own_place)


def state(built: EntityIndex) -> tuple[pa.Table, dict[str, str]]:
    """The entities table and which entity each name is."""
    names = dict(built.db.execute("SELECT key, entity FROM ent_names").fetchall())
    return entities_table(built), names


def ids(built: EntityIndex) -> dict[str, str]:
    return {e.name: e.entity_id for e in built.entities()}


CORPUS = {
    BATCHES[0]: [same("a", "Putin"), same("a", "Kyiv", "GPE"), same("a", "MoD", "ORG")],
    BATCHES[1]: [
        same("b", "Vladimir Putin"),
        same("b", "Ministry of Defence", "ORG"),
        same("b", "Kiev", "GPE"),
        same("c", "John Smith"),
        same("c", "Smith"),
    ],
    BATCHES[2]: [same("d", "Jane Smith"), same("d", "Smith"), same("e", "Russia", "GPE")],
    BATCHES[3]: [
        same("f", "Russian Federation", "GPE"),
        same("f", "Sebastien Lecorno"),
        same("f", "Brussels", "GPE"),
        same("g", "Sébastien Lecornu"),
        same("g", "Brussels", "GPE"),
        same("g", "Lecornu"),
    ],
}


def test_folding_batch_by_batch_equals_folding_all_at_once() -> None:
    one_by_one, at_once = index(), index()
    for batch, rows in CORPUS.items():
        one_by_one.update({batch: table(rows)})
    at_once.update({batch: table(rows) for batch, rows in CORPUS.items()})
    assert state(one_by_one)[0].equals(state(at_once)[0])
    assert state(one_by_one)[1] == state(at_once)[1]


def test_an_id_stays_when_the_canonical_name_changes() -> None:
    built = index()
    built.update({BATCHES[0]: table(CORPUS[BATCHES[0]])})
    putin = ids(built)["Putin"]
    built.update({BATCHES[1]: table(CORPUS[BATCHES[1]])})
    assert ids(built)["Vladimir Putin"] == putin == entity_id("putin")


def test_a_merge_keeps_the_older_id_and_a_split_gives_the_part_its_own() -> None:
    built = index()
    built.update({BATCHES[0]: table(CORPUS[BATCHES[0]])})
    mod = ids(built)["MoD"]
    built.update({BATCHES[1]: table(CORPUS[BATCHES[1]])})
    assert ids(built)["Ministry of Defence"] == mod  # the acronym came first
    assert ids(built)["John Smith"] == entity_id("john smith")  # "Smith" joined John Smith
    built.update({BATCHES[2]: table(CORPUS[BATCHES[2]])})
    # two Smiths now: the bare surname is ambiguous, and leaves John Smith with his id
    assert ids(built)["John Smith"] == entity_id("john smith")
    assert ids(built)["Smith"] == entity_id("smith")


def test_forgetting_a_batch_equals_never_folding_it() -> None:
    built, without = index(), index()
    built.update({b: table(rows) for b, rows in CORPUS.items()})
    built.update({}, removed=[BATCHES[2]])
    without.update({b: table(rows) for b, rows in CORPUS.items() if b != BATCHES[2]})
    assert state(built)[0].equals(state(without)[0])
    assert state(built)[1] == state(without)[1]


def test_a_settled_name_keeps_its_label_when_later_votes_lean_the_other_way() -> None:
    """A name's label is voted by its first SETTLED_MENTIONS mentions in feed order: later
    batches add to its counts only, so its rows do not move on each near tie; a batch that comes
    back older than the settled ones does vote, and a rebuild settles it the same way."""
    early = [same(f"a{i}", "Linux", "GPE") for i in range(SETTLED_MENTIONS)]
    late = [same(f"b{i}", "Linux", "PERSON") for i in range(SETTLED_MENTIONS + 10)]
    built = index()
    built.update({BATCHES[1]: table(early)})
    built.update({BATCHES[2]: table(late)})
    (linux,) = built.entities()
    assert (linux.label, linux.n_mentions) == ("GPE", 2 * SETTLED_MENTIONS + 10)
    rebuilt = index()
    rebuilt.update({BATCHES[2]: table(late), BATCHES[1]: table(early)})
    assert state(rebuilt)[0].equals(state(built)[0])
    unsettled = index()  # the early votes do not reach SETTLED_MENTIONS without the late file
    unsettled.update({BATCHES[1]: table(early[:5]), BATCHES[2]: table(late)})
    assert unsettled.entities()[0].label == "PERSON"
    built.update({BATCHES[0]: table(late)})  # an older batch, processed late, votes first
    assert built.entities()[0].label == "PERSON"


def test_a_batch_only_counts_the_names_settled_before_it(monkeypatch: MonkeyPatch) -> None:
    """A name's joins follow from its settled evidence: a later batch naming only settled names
    redecides none of their joins (a popular name is in every batch), yet their entities'
    counts follow, as a rebuild's do."""
    early = [same(f"a{i}", "Smith") for i in range(SETTLED_MENTIONS)]
    early += [same(f"a{i}", "John Smith") for i in range(SETTLED_MENTIONS)]
    late = [same("b", "Smith"), same("b", "John Smith"), same("c", "Jane Doe")]
    built = index()
    built.update({BATCHES[0]: table(early)})
    decided: list[str] = []
    edges = rules.surname_edges

    def recorded(bare: Name, *args: Any) -> list[rules.Edge]:
        decided.append(bare.key)
        return edges(bare, *args)

    monkeypatch.setattr(rules, "surname_edges", recorded)
    built.update({BATCHES[1]: table(late)})
    assert decided == []
    smith = next(e for e in built.entities() if e.name == "John Smith")
    assert (smith.n_mentions, smith.n_docs) == (2 * SETTLED_MENTIONS + 2, SETTLED_MENTIONS + 1)
    rebuilt = index()
    rebuilt.update({BATCHES[0]: table(early), BATCHES[1]: table(late)})
    assert state(rebuilt)[0].equals(state(built)[0])
    assert state(rebuilt)[1] == state(built)[1]


def test_a_names_evidence_is_read_from_the_index_alone() -> None:
    """A name's uses are read from one covering index, not from table rows scattered over every
    batch file's inserts (a disk read each, on a cold cache); an index made before it had
    `ent_uses_key` instead, which opening it replaces."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE ent_uses (file TEXT, ord TEXT, key TEXT, name TEXT, label TEXT, n)")
    db.execute("CREATE INDEX ent_uses_key ON ent_uses (key, ord)")
    built = EntityIndex(db)
    built.update({BATCHES[0]: table(CORPUS[BATCHES[0]])})
    indexes = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ent_uses'"
    ).fetchall()
    assert sorted(indexes) == [("ent_uses_evidence",), ("ent_uses_file",)]
    with built._keys(["kyiv"]) as keys:
        query = f"SELECT key, name, label, SUM(n) FROM {_settled(keys)} GROUP BY key, name, label"
        plan = " | ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "SEARCH u USING COVERING INDEX ent_uses_evidence" in plan


def test_running_totals_equal_those_of_folding_only_what_is_left() -> None:
    """Each name's totals, aliases and settling file are kept as files come and go (not summed
    over its files on each read): after folding, forgetting and folding a file again they equal
    a fresh fold of the same files."""
    kept = {b: rows for b, rows in CORPUS.items() if b != BATCHES[2]}
    built, fresh = index(), index()
    built.update({b: table(rows) for b, rows in CORPUS.items()})
    built.update({}, removed=[BATCHES[2]])
    built.update({BATCHES[1]: table(CORPUS[BATCHES[1]])})
    fresh.update({b: table(rows) for b, rows in kept.items()})
    for query in (
        "SELECT * FROM ent_totals ORDER BY key",
        "SELECT * FROM ent_aliases ORDER BY 1, 2",
        "SELECT * FROM ent_pairs ORDER BY 1, 2",
    ):
        assert built.db.execute(query).fetchall() == fresh.db.execute(query).fetchall()
    assert built.db.execute("SELECT n, docs FROM ent_totals WHERE key = 'brussels'").fetchone() == (
        2,
        2,
    )


def test_a_file_folded_again_replaces_its_old_rows() -> None:
    built = index()
    built.update({BATCHES[0]: table(CORPUS[BATCHES[0]])})
    built.update({BATCHES[0]: table([same("a", "Kyiv", "GPE")])})
    assert [e.name for e in built.entities()] == ["Kyiv"]


def test_places_of_merged_names_are_one_place() -> None:
    built = index()
    for batch in BATCHES[:4]:
        built.update({batch: table(CORPUS[batch])})
    by_name = {r["name"]: r for r in entities_table(built).to_pylist()}
    assert "Russian Federation" not in by_name and by_name["Russia"]["country"] == "RU"
    assert by_name["Kyiv"]["country"] == "UA"


NAMES = [
    "Putin",
    "Vladimir Putin",
    "Smith",
    "John Smith",
    "Jane Smith",
    "MoD",
    "Ministry of Defence",
    "Lecornu",
    "Sébastien Lecornu",
    "Sebastien Lecorno",
    "Georgia",
    "Atlanta",
    "Tbilisi",
    "Paris",
    "Texas",
    "Russia",
    "Russian Federation",
    "Kyiv",
    "Kiev",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from("abcdefgh"),
                st.sampled_from(NAMES),
                st.sampled_from(["PERSON", "ORG", "GPE"]),
            ),
            min_size=1,
            max_size=8,
        ),
        min_size=1,
        max_size=5,
    ),
    st.randoms(use_true_random=False),
)
def test_any_grouping_of_batches_into_updates_gives_one_result(
    batches: list[list[tuple[str, str, str]]], rng: random.Random
) -> None:
    parts = {
        BATCHES[i]: table([(f"{i}{d}", t, lab, t) for d, t, lab in rows])
        for i, rows in enumerate(batches)
    }
    at_once, stepwise = index(), index()
    at_once.update(parts)
    keys = list(parts)
    while keys:
        step = keys[: rng.randint(1, len(keys))]
        keys = keys[len(step) :]
        stepwise.update({k: parts[k] for k in step})
    assert state(stepwise)[0].equals(state(at_once)[0])
    assert state(stepwise)[1] == state(at_once)[1]


def test_a_name_that_stops_being_a_place_leaves_its_block() -> None:
    built = index()
    built.update({BATCHES[0]: table([same("a", "Russia", "GPE")])})
    built.update({BATCHES[1]: table([same("b", "Russia", "PERSON")] * 3)})
    assert [(e.name, e.label) for e in built.entities()] == [("Russia", "PERSON")]


def test_an_acronym_block_is_read_only_where_the_acronym_may_join(
    monkeypatch: MonkeyPatch,
) -> None:
    """Every organisation of some initials shares their acronym block, which grows with the
    archive; rule 1 joins there only the acronym and the one organisation it spells, so a block
    without the acronym, or with several such organisations, is decided without reading them."""
    rows = {
        BATCHES[0]: [same("a", "Ministry of Defence", "ORG")],
        BATCHES[1]: [same("b", "Marketing Department", "ORG")],
        BATCHES[2]: [same("c", "MD", "ORG")],
    }
    built = index()
    built.update({BATCHES[0]: table(rows[BATCHES[0]])})
    asked: list[str] = []
    names = built.names

    def recorded(keys: Iterable[str]) -> dict[str, Name]:
        keys = list(keys)
        asked.extend(keys)
        return names(keys)

    monkeypatch.setattr(built, "names", recorded)
    built.update({BATCHES[1]: table(rows[BATCHES[1]])})  # no acronym yet
    built.update({BATCHES[2]: table(rows[BATCHES[2]])})  # the acronym spells two of them
    assert "ministry of defence" not in asked
    at_once = index()
    at_once.update({batch: table(r) for batch, r in rows.items()})
    assert state(built)[0].equals(state(at_once)[0])
    assert len(built.entities()) == 3

    alone = index()  # the acronym and the one organisation it spells: read and joined
    alone.update({BATCHES[0]: table(rows[BATCHES[0]])})
    alone.update({BATCHES[2]: table(rows[BATCHES[2]])})
    assert [e.name for e in alone.entities()] == ["Ministry of Defence"]
