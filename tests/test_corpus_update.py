"""The corpus update on a warehouse: only what a batch touches is rewritten, the result equals a
rebuild, and a SIGKILL at any moment loses nothing."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.corpus import PARTS, update_entities
from pipeline.entities import index
from pipeline.store import Warehouse, write_parquet
from pipeline.tables import ARTICLE_MENTIONS, ARTICLE_QUOTES, ENTITIES, MENTIONS, QUOTES

PEOPLE = ["Vladimir Putin", "John Healey", "Sébastien Lecornu", "Keir Starmer", "Ed Miliband"]
PLACES = ["Kyiv", "Moscow", "London", "Brussels", "Paris"]
CORPUS_TABLES = (MENTIONS.name, ENTITIES.name, QUOTES.name)


def batch(n: int) -> str:
    return f"20260101-{100000 + n:06d}-0001-{n:08x}"


def write_batch(root: Path, n: int, articles: int = 4, novel: int = 0) -> None:
    """Batch `n`: `articles` articles naming people (full name, then surname), places, and
    `novel` names no other batch uses; each quotes one of its people."""
    rng = random.Random(n)
    mentions: list[dict[str, object]] = []
    quotes: list[dict[str, object]] = []
    for a in range(articles):
        doc = f"doc-{n}-{a}"
        people = rng.sample(PEOPLE, 2) + [f"Newname{n}x{i} Person" for i in range(novel)]
        names = [(p, "PERSON") for p in people] + [(rng.choice(PLACES), "GPE")]
        names += [(p.split()[-1], "PERSON") for p in people[:1]]
        for i, (name, label) in enumerate(names):
            full = next((p for p in people if p.endswith(name)), name)
            mentions.append(
                {
                    "doc_id": doc,
                    "start": 10 * i,
                    "end": 10 * i + len(name),
                    "text": name,
                    "label": label,
                    "title": None,
                    "name": full,
                }
            )
        quotes.append(
            {
                "doc_id": doc,
                "start": 500,
                "end": 530,
                "text": f"We will win in {names[2][0]} {n}",
                "speaker": people[0],
                "speaker_text": people[0],
                "cue": "said",
                "kind": "statement",
                "continues": None,
            }
        )
    for spec, rows in ((ARTICLE_MENTIONS, mentions), (ARTICLE_QUOTES, quotes)):
        write_parquet(
            pa.Table.from_pylist(rows, schema=spec.schema), root / spec.name / f"{batch(n)}.parquet"
        )


def contents(root: Path) -> dict[str, list[dict[str, object]]]:
    """Each corpus table's rows, in one order."""
    out = {}
    for name in CORPUS_TABLES:
        rows = (
            pq.read_table(root / name).to_pylist() if list((root / name).glob("*.parquet")) else []
        )
        out[name] = sorted(rows, key=repr)
    return out


def stamps(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): p.stat().st_mtime_ns
        for name in CORPUS_TABLES
        for p in (root / name).glob("*.parquet")
    }


def test_nothing_new_rewrites_nothing(tmp_path: Path) -> None:
    for n in range(3):
        write_batch(tmp_path, n)
    update_entities(Warehouse(tmp_path))
    before = stamps(tmp_path)
    done = update_entities(Warehouse(tmp_path))
    assert done.folded == 0 and sum(done.files.values()) == 0
    assert stamps(tmp_path) == before


def test_a_batch_rewrites_only_the_files_it_touches(tmp_path: Path) -> None:
    for n in range(6):
        write_batch(tmp_path, n)
    update_entities(Warehouse(tmp_path))
    before = stamps(tmp_path)
    write_batch(tmp_path, 6, novel=3)
    done = update_entities(Warehouse(tmp_path))
    after = stamps(tmp_path)
    rewritten = {k for k in after if before.get(k) != after[k]}
    assert f"mentions/{batch(6)}.parquet" in rewritten
    assert not {f"mentions/{batch(n)}.parquet" for n in range(6)} & rewritten
    assert not {f"quotes/{batch(n)}.parquet" for n in range(6)} & rewritten
    # the new names' entities go to the new batch's file; old people's counts to the first's
    assert f"entities/{batch(6)}.parquet" in rewritten and len(rewritten) <= 5
    assert done.files[MENTIONS.name] == 1


def test_an_update_equals_a_rebuild_and_keeps_ids(tmp_path: Path) -> None:
    stepwise, scratch = tmp_path / "stepwise", tmp_path / "scratch"
    ids: dict[str, str] = {}
    for n in range(5):
        write_batch(stepwise, n, novel=n % 2)
        update_entities(Warehouse(stepwise))
        now = {
            r["name"]: r["entity_id"] for r in pq.read_table(stepwise / ENTITIES.name).to_pylist()
        }
        assert {k: v for k, v in now.items() if k in ids} == ids  # an id, once given, stays
        ids |= now
    for name in (ARTICLE_MENTIONS.name, ARTICLE_QUOTES.name):
        shutil.copytree(stepwise / name, scratch / name)
    update_entities(Warehouse(scratch))
    assert contents(stepwise) == contents(scratch)
    update_entities(Warehouse(stepwise), rebuild=True)
    assert contents(stepwise) == contents(scratch)


def test_a_rebuild_redeciding_as_it_folds_equals_one_redecision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild redecides every `REDECIDE_ROWS` mention rows, so its memory is bounded by
    those rows: the tables are the same as when it redecides once, after every file."""
    once, often = tmp_path / "once", tmp_path / "often"
    for root in (once, often):
        for n in range(6):
            write_batch(root, n, novel=n % 3)
    update_entities(Warehouse(once))
    monkeypatch.setattr(index, "REDECIDE_ROWS", 10)  # a redecision after each file
    update_entities(Warehouse(often))
    assert contents(often) == contents(once)


def test_files_staged_by_an_update_that_died_are_cleared(tmp_path: Path) -> None:
    """An update writes its files under `_index/parts-*` until it commits them all; what one
    that died left there never reaches the tables, and the next update clears it."""
    for n in range(3):
        write_batch(tmp_path, n)
    update_entities(Warehouse(tmp_path))
    before = contents(tmp_path)
    debris = tmp_path / "_index" / f"{PARTS}dead" / MENTIONS.name / f"{batch(0)}.parquet"
    write_parquet(MENTIONS.empty(), debris)
    write_batch(tmp_path, 3)
    update_entities(Warehouse(tmp_path))
    assert not list((tmp_path / "_index").glob(f"{PARTS}*"))
    after = contents(tmp_path)
    assert len(after[MENTIONS.name]) > len(before[MENTIONS.name])
    assert {r["doc_id"] for r in after[MENTIONS.name]} >= {
        r["doc_id"] for r in before[MENTIONS.name]
    }


def test_a_batch_gone_takes_its_rows_with_it(tmp_path: Path) -> None:
    for n in range(3):
        write_batch(tmp_path, n, novel=1)
    update_entities(Warehouse(tmp_path))
    for name in (ARTICLE_MENTIONS.name, ARTICLE_QUOTES.name):
        (tmp_path / name / f"{batch(1)}.parquet").unlink()
    update_entities(Warehouse(tmp_path))
    assert not (tmp_path / MENTIONS.name / f"{batch(1)}.parquet").exists()
    assert "Newname1x0 Person" not in pq.read_table(tmp_path / ENTITIES.name)["name"].to_pylist()
    other = tmp_path / "other"
    for name in (ARTICLE_MENTIONS.name, ARTICLE_QUOTES.name):
        shutil.copytree(tmp_path / name, other / name)
    update_entities(Warehouse(other))
    assert contents(tmp_path) == contents(other)


UPDATE = (
    "import sys, pathlib; from pipeline.corpus import update_entities; "
    "from pipeline.store import Warehouse; "
    "update_entities(Warehouse(pathlib.Path(sys.argv[1])), log=lambda m: None)"
)


def test_sigkill_during_updates_loses_nothing(tmp_path: Path) -> None:
    clean, crashed = tmp_path / "clean", tmp_path / "crashed"
    for root in (clean, crashed):
        for n in range(12):
            write_batch(root, n, articles=60, novel=2)
    update_entities(Warehouse(clean))
    kills = 0
    for delay in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0):
        proc = subprocess.Popen([sys.executable, "-c", UPDATE, str(crashed)])
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=120)
        for name in CORPUS_TABLES:  # what a reader sees is whole
            if (crashed / name).exists():
                pq.read_table(crashed / name)
    update_entities(Warehouse(crashed))
    assert kills >= 2, "the updates finished before they could be killed: add batches"
    assert contents(crashed) == contents(clean)


def test_a_speaker_renamed_later_is_renamed_in_earlier_quotes(tmp_path: Path) -> None:
    def mention(doc: str, text: str) -> dict[str, object]:
        return {
            "doc_id": doc,
            "start": 0,
            "end": len(text),
            "text": text,
            "label": "PERSON",
            "title": None,
            "name": text,
        }

    quote = {
        "doc_id": "a",
        "start": 50,
        "end": 60,
        "text": "We will win",
        "speaker": "Putin",
        "speaker_text": "Putin",
        "cue": "said",
        "kind": "statement",
        "continues": None,
    }
    for n, mentions, quotes in (
        (0, [mention("a", "Putin")], [quote]),
        (1, [mention("b", "Vladimir Putin"), mention("b", "Putin")], []),
    ):
        for spec, rows in ((ARTICLE_MENTIONS, mentions), (ARTICLE_QUOTES, quotes)):
            table = pa.Table.from_pylist(rows, schema=spec.schema)
            write_parquet(table, tmp_path / spec.name / f"{batch(n)}.parquet")
        update_entities(Warehouse(tmp_path))
    [row] = pq.read_table(tmp_path / QUOTES.name).to_pylist()
    [putin] = pq.read_table(tmp_path / ENTITIES.name).to_pylist()
    assert (row["speaker"], row["entity_id"]) == ("Vladimir Putin", putin["entity_id"])
