"""The persistent quotation index: ids that never change once given, the same whatever the
process or however batches are grouped into updates, and batches that can be taken out."""

import hashlib
import random
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline.entities.resolve import Entity, Resolution
from pipeline.normalize import folded_words, word_ngrams
from pipeline.quotes.corpus import link_quotes, quotations, quote_ids, quote_tables
from pipeline.quotes.index import LISTED, QuoteIndex, _pack, _Quotation, _unpack
from pipeline.tables import ARTICLE_QUOTES
from tests.conftest import SHARED
from tests.test_quotes import outputs_under_hash_seeds

BBC = SHARED / "corpora" / "bbc"

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


@dataclass
class Group:
    quote_id: str
    size: int
    held: set[int]  # its members' trigrams


def reference_fold(
    calls: list[dict[str, list[tuple[str, str, str]]]],
) -> tuple[dict[str, dict[str, str]], dict[str, list[tuple[object, ...]]]]:
    """The rule restated row at a time, each quotation against every group: the ids and the
    rows of the tables a fold of `calls` (each an `assign_together`) must give."""
    groups: dict[int, Group] = {}
    members: list[tuple[object, ...]] = []
    batch_ids: dict[str, int] = {}
    ids: dict[str, dict[str, str]] = {}
    for call in calls:
        new = []
        for batch, found in sorted(call.items()):
            batch_ids.setdefault(batch, len(batch_ids) + 1)
            new += [(_Quotation.of(*q), batch) for q in found]
        for q, batch in sorted(new, key=lambda q: (-len(q[0].words), q[0].key, q[1])):
            n, shingles = len(q.shingles), set(q.shingles)
            admitted = [
                (-hits, grp)
                for grp, g in groups.items()
                if (hits := len(shingles & g.held)) >= 0.8 * min(n, g.size)
                and hits >= 0.5 * max(n, g.size)
            ]
            if admitted:
                grp = min(admitted)[1]
                groups[grp].size = max(groups[grp].size, n)
                groups[grp].held |= shingles
            else:
                text, clash = f"{q.kind} {' '.join(q.words)}", 0
                live = {g.quote_id for g in groups.values()}
                while (quote_id := sha256_id(f"{text}\x00{clash}" if clash else text)) in live:
                    clash += 1
                grp = max(groups, default=0) + 1
                groups[grp] = Group(quote_id, n, shingles)
            members.append((batch_ids[batch], q.key, grp, n, _pack(q.shingles)))
            ids.setdefault(batch, {})[q.key] = groups[grp].quote_id
    return ids, {
        "batches": sorted((i, b) for b, i in batch_ids.items()),
        "groups": sorted((grp, g.quote_id, g.size) for grp, g in groups.items()),
        "members": sorted(members),
        "postings": sorted((s, grp) for grp, g in groups.items() for s in g.held),
    }


def sha256_id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def tables(index: QuoteIndex) -> dict[str, list[tuple[object, ...]]]:
    return {
        t: sorted(index.conn.execute(f"SELECT * FROM quote_{t}"))
        for t in ("batches", "groups", "members", "postings")
    }


def folded(calls: list[dict[str, list[tuple[str, str, str]]]], held: int) -> QuoteIndex:
    index = QuoteIndex(sqlite3.connect(":memory:"), held)
    for call in calls:
        index.assign_together(call)
    return index


def random_calls(seed: int) -> list[dict[str, list[tuple[str, str, str]]]]:
    """Runs of batches of quotations cut from a few speeches of a small vocabulary, trimmed
    and extended, so that they meet often and in every way."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(25)]
    speeches = [rng.choices(vocabulary, k=40) for _ in range(6)]
    calls = []
    for run in range(8):
        call = {}
        for part in range(rng.randint(1, 3)):
            found = []
            for i in range(rng.randint(0, 30)):
                speech = rng.choice(speeches)
                start = rng.randrange(len(speech))
                words = speech[start : start + rng.randint(0, 25)] + rng.choices(
                    vocabulary, k=rng.randint(0, 2)
                )
                found.append(
                    (
                        f"d{run}-{i}:{part}",
                        " ".join(words),
                        rng.choice(["statement", "statement", "phrase"]),
                    )
                )
            call[f"20250101-{run:06d}-{part + 1:04d}-run{run}"] = found
        calls.append(call)
    return calls


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("held", [1, 40, 2_000_000])  # a flush after every quotation, a few, none
def test_the_fold_equals_the_rule_applied_row_at_a_time(seed: int, held: int) -> None:
    calls = random_calls(seed)
    index = folded(calls, held)
    ids, rows = reference_fold(calls)
    assert {b: index.ids_of(b) for b in ids} == ids
    assert tables(index) == rows


def test_a_trigram_held_by_many_groups_is_read_when_a_quotation_needs_it() -> None:
    """Over `LISTED` groups hold "we will not": a quotation of it alone meets them all (the
    oldest wins), and others count it against their candidates in the stored pairs."""
    many = {
        "20250101-000000-0001-many": [
            (f"d{i}:0", f"we will not w{i}", "statement") for i in range(LISTED + 50)
        ]
    }
    later = {
        "20250101-000001-0001-late": [
            ("e1:0", "We will not!", "statement"),
            ("e2:0", "we will not w7", "statement"),
            ("e3:0", "so we will not w7 today", "statement"),
        ]
    }
    index = folded([many, later], 2_000_000)
    ids, rows = reference_fold([many, later])
    assert {b: index.ids_of(b) for b in ids} == ids
    assert tables(index) == rows
    assert ids["20250101-000001-0001-late"]["e1:0"] == ids["20250101-000000-0001-many"]["d0:0"]


def test_the_trigram_hashes_are_blake2b_of_the_kind_and_words() -> None:
    """The stored format: a change is a new `quote_ids` version."""
    for text in ("", "a", "a disgrace", "We will rebuild, every bridge; we will rebuild", SPEECH):
        words = folded_words(text)
        expected = {
            int.from_bytes(
                hashlib.blake2b(f"statement\x1f{' '.join(run)}".encode(), digest_size=8).digest(),
                "little",
                signed=True,
            )
            for run in word_ngrams(words, 3)
        }
        assert _Quotation.of("k", text, "statement").shingles == sorted(expected)


def test_bbc_quotations_fold_as_the_rule_does() -> None:
    """The words BBC articles put in quotation marks, folded in three runs, across flushes."""
    if not BBC.is_dir():
        pytest.skip(f"{BBC} is absent")
    found = [
        (f"{path.parent.name}/{path.stem}:{i}", text, "phrase" if len(text) < 20 else "statement")
        for path in sorted(BBC.rglob("*.txt"))[::5]
        for i, text in enumerate(re.findall(r'"([^"\n]{2,400})"', path.read_text(errors="replace")))
    ]
    calls = [{f"20250101-00000{i}-0001-bbc": found[i::3]} for i in range(3)]
    ids, rows = reference_fold(calls)
    for held in (300, 2_000_000):
        index = folded(calls, held)
        assert {b: index.ids_of(b) for b in ids} == ids
        assert tables(index) == rows
