"""The persistent quotation index: ids that never change once given, the same whatever the
process or however batches are grouped into updates, and batches that can be taken out."""

import sqlite3
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline.entities.resolve import Entity, Resolution
from pipeline.quotes.corpus import link_quotes, quotations, quote_ids, quote_tables
from pipeline.quotes.index import QuoteIndex, _unpack
from pipeline.tables import ARTICLE_QUOTES
from tests.test_quotes import outputs_under_hash_seeds

SPEECH = (
    "We will rebuild every bridge and every school in the region, and we will do it before "
    "the winter comes, whatever the cost."
)
TRIMMED = "We will rebuild every bridge and every school in the region, and we will do it"
LONGER = f"{SPEECH} Nobody in this country will be left behind, not one family."
OTHER = "The budget is balanced and the deficit will be gone by the end of the parliament."

# Batches of (key, text, kind), in the order they ran.
BATCHES = {
    "20250101-000000-0001-aaaa": [
        ("d1:0", TRIMMED, "statement"),
        ("d2:0", OTHER, "statement"),
        ("d2:90", "a disgrace", "phrase"),
    ],
    "20250101-000000-0002-bbbb": [
        ("d3:0", SPEECH, "statement"),
        ("d3:200", "a disgrace", "statement"),
        ("d4:0", "The budget is balanced and the deficit will be gone.", "statement"),
    ],
    "20250101-000000-0003-cccc": [
        ("d5:0", LONGER, "statement"),
        ("d5:300", "a disgrace", "phrase"),
        ("d6:0", f"{OTHER} We are proud of it.", "statement"),
    ],
}


def fold(index: QuoteIndex, batches: dict[str, list[tuple[str, str, str]]]) -> dict[str, str]:
    return {k: v for batch, found in batches.items() for k, v in index.assign(batch, found).items()}


def memory_index() -> QuoteIndex:
    return QuoteIndex(sqlite3.connect(":memory:"))


def test_an_id_stays_when_a_longer_text_of_the_quotation_arrives_later() -> None:
    index = memory_index()
    ids = fold(index, BATCHES)
    assert ids["d1:0"] == ids["d3:0"] == ids["d5:0"]  # trimmed first, then longer and longer
    assert index.ids_of("20250101-000000-0001-aaaa") == {
        "d1:0": ids["d1:0"], "d2:0": ids["d2:0"], "d2:90": ids["d2:90"]
    }  # fmt: skip
    assert ids["d1:0"] == quote_ids([TRIMMED], ["statement"])[0]  # its founder's text names it


def test_a_phrase_never_joins_a_statement() -> None:
    ids = fold(memory_index(), BATCHES)
    assert ids["d2:90"] == ids["d5:300"] != ids["d3:200"]


def test_a_trimmed_or_extended_quotation_is_one_and_a_line_of_it_is_not() -> None:
    ids = fold(memory_index(), BATCHES)
    assert ids["d2:0"] == ids["d4:0"] == ids["d6:0"] != ids["d1:0"]
    line = quote_ids([LONGER, "whatever the cost"], ["statement"] * 2)
    assert line[0] != line[1]


def test_folding_one_update_at_a_time_equals_folding_all_at_once(tmp_path: Path) -> None:
    at_once = fold(memory_index(), BATCHES)
    one_by_one: dict[str, str] = {}
    for batch, found in BATCHES.items():  # each update its own connection and transaction
        conn = sqlite3.connect(tmp_path / "index.sqlite")
        one_by_one.update(QuoteIndex(conn).assign(batch, found))
        conn.commit()
        conn.close()
    assert one_by_one == at_once
    again = QuoteIndex(sqlite3.connect(tmp_path / "index.sqlite"))
    assert again.assign("20250101-000000-0002-bbbb", BATCHES["20250101-000000-0002-bbbb"]) == {
        k: at_once[k] for k, _, _ in BATCHES["20250101-000000-0002-bbbb"]
    }  # a batch already folded keeps its ids


def test_ids_do_not_depend_on_the_process_hash_seed() -> None:
    program = (
        "from tests.test_quote_index import BATCHES, fold, memory_index; "
        "print(sorted(fold(memory_index(), BATCHES).items()))"
    )
    seen = outputs_under_hash_seeds(program, (0, 1, 7, 12345))
    assert seen == {f"{sorted(fold(memory_index(), BATCHES).items())}\n"}
    assert quote_ids([OTHER], ["statement"]) == ["5d9f50f54b7194bb"]  # sha256 of kind and words


def test_forgetting_a_batch_keeps_the_others_ids() -> None:
    index = memory_index()
    ids = fold(index, BATCHES)
    first, second, third = BATCHES
    index.forget(first)  # the batch that founded the groups the others joined
    assert index.ids_of(first) == {}
    assert index.ids_of(second) == {k: ids[k] for k, _, _ in BATCHES[second]}
    assert index.ids_of(third) == {k: ids[k] for k, _, _ in BATCHES[third]}
    assert postings_hold_the_members(index)
    again = index.assign(first, BATCHES[first])  # reprocessed: it meets what is left
    assert again["d2:0"] == ids["d2:0"]
    # its founder's group now holds the speech and longer, of which the trimmed text is only a
    # line: it founds a group of its own, whose id may not be the live group's
    assert again["d1:0"] != ids["d1:0"] == ids["d3:0"]
    assert postings_hold_the_members(index)
    for batch in BATCHES:
        index.forget(batch)
    for table in ("batches", "groups", "members", "postings"):
        assert index.conn.execute(f"SELECT count(*) FROM quote_{table}").fetchone() == (0,)


def postings_hold_the_members(index: QuoteIndex) -> bool:
    """The postings and group sizes are what the members make them."""
    members = index.conn.execute("SELECT grp, size, shingles FROM quote_members").fetchall()
    sizes: dict[int, int] = {}
    for grp, size, _ in members:
        sizes[grp] = max(size, sizes.get(grp, 0))
    return {(s, grp) for grp, _, blob in members for s in _unpack(blob)} == set(
        index.conn.execute("SELECT shingle, grp FROM quote_postings")
    ) and sizes == dict(index.conn.execute("SELECT id, size FROM quote_groups"))


def test_a_key_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        memory_index().assign("b", [("d1:0", OTHER, "statement"), ("d1:0", OTHER, "statement")])


def article_quotes(rows: list[tuple[str, int, str, str | None, int | None]]) -> pa.Table:
    """Rows (doc_id, start, text, speaker, continues) of `article_quotes`, statements."""
    return pa.Table.from_pylist(
        [
            {
                "doc_id": d,
                "start": s,
                "end": s + len(t),
                "text": t,
                "speaker": who,
                "speaker_text": who,
                "cue": "said",
                "kind": "statement",
                "continues": c,
            }
            for d, s, t, who, c in rows
        ],
        schema=ARTICLE_QUOTES.schema,
    )


def test_a_split_quotation_is_one_text_with_one_id() -> None:
    healey = Entity("e1", "John Healey", "PERSON", ("Healey",), 2, 3)
    split = article_quotes(
        [
            (
                "d1",
                0,
                "We will rebuild every bridge and every school in the region,",
                "Healey",
                None,
            ),
            (
                "d1",
                90,
                "and we will do it before the winter comes, whatever the cost.",
                "Healey",
                0,
            ),
            ("d1", 300, OTHER, None, None),
        ]
    )
    assert quotations(split) == [
        ("d1:0", f"{split['text'][0]} {split['text'][1]}", "statement"),
        ("d1:300", OTHER, "statement"),
    ]
    index = memory_index()
    ids = index.assign("b1", quotations(split))
    linked = link_quotes(split, ids, {"Healey": healey}.get).to_pylist()
    assert [r["quote_id"] for r in linked] == [ids["d1:0"], ids["d1:0"], ids["d1:300"]]
    assert [(r["speaker"], r["entity_id"]) for r in linked] == [
        ("John Healey", "e1"), ("John Healey", "e1"), (None, None)
    ]  # fmt: skip
    whole = article_quotes([("d2", 10, SPEECH, None, None)])
    assert index.assign("b2", quotations(whole)) == {"d2:10": ids["d1:0"]}


def test_quote_tables_fold_the_batch_files_in_the_order_they_ran() -> None:
    files = {
        "20250101-000000-0002-bbbb": article_quotes([("d2", 0, SPEECH, None, None)]),
        "20250101-000000-0001-aaaa": article_quotes([("d1", 0, TRIMMED, None, None)]),
    }
    tables = quote_tables(files, Resolution({}, []))
    [founder] = tables["20250101-000000-0001-aaaa"]["quote_id"].to_pylist()
    assert founder == quote_ids([TRIMMED], ["statement"])[0]
    assert tables["20250101-000000-0002-bbbb"]["quote_id"].to_pylist() == [founder]
