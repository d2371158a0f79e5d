"""Story benchmark: same-story clusters on the BBC corpus, and the stage's time as it grows.

    PIPELINE_RAW_DIR=../shared/corpora/bbc PIPELINE_WAREHOUSE_DIR=/tmp/bbc make run
    python benchmarks/stories.py --warehouse /tmp/bbc [--copies 8]

Reads the warehouse `make run` made of the BBC corpus (2,225 articles in five topic folders):
prints the number of stories, the largest ones, and every story that holds articles of two
topic folders (with their headlines, so a reader can judge whether they report one event).
Then times the stage alone: same-story assignment of every article in ingest-sized batches (each
batch compared with all articles before it, as ingest does) and the story tables, at the corpus
size and with `--copies` edited copies of it (each copy's first line changed, so every copy is a
new article, its text a near-duplicate of the original's). Writes the figures to
`docs/results/stories.md`.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pyarrow as pa
from report import write_results

from pipeline.store import Warehouse
from pipeline.stories.assign import Signature, assign, minhash_bytes
from pipeline.stories.tables import StoryTables, changed_stories, story_tables
from pipeline.tables import FIGURES, SIGNATURES

BATCH = 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=8)
    args = parser.parse_args()
    warehouse = Warehouse(args.warehouse)
    documents = warehouse.read("documents")
    if documents.num_rows == 0:
        print(f"skipped: no documents in {args.warehouse}; run `make run` on the corpus first")
        return 0
    docs = documents.to_pylist()
    signatures = {r["doc_id"]: r for r in warehouse.read("signatures").to_pylist()}
    story = _assign_all(_corpus(docs, signatures, 0))  # with this code, not the warehouse's
    topic = {d["doc_id"]: d["source_path"].split("/")[0] for d in docs}
    members: dict[str, list[dict]] = {}
    for d in docs:
        members.setdefault(story[d["doc_id"]], []).append(d)
    sizes = dict(sorted(Counter(len(m) for m in members.values()).items()))
    print(f"{len(docs):,} articles, {len(members):,} stories; stories by size: {sizes}")
    print("\nlargest stories:")
    largest = []
    for group in sorted(members.values(), key=len, reverse=True)[:5]:
        topics = dict(Counter(topic[d["doc_id"]] for d in group))
        print(f"  {len(group):3} articles {topics}: {group[0]['title']!r}")
        largest.append([len(group), topics, group[0]["title"]])
    mixed = [
        " | ".join(f"[{topic[d['doc_id']]}] {d['title']}" for d in group)
        for group in members.values()
        if len({topic[d["doc_id"]] for d in group}) > 1
    ]
    print(f"\nstories across topic folders: {len(mixed)}")
    for line in mixed:
        print("  " + line)
    print(f"\nstage time (assignment in batches of {BATCH:,}, each against all before it; the "
          "story tables from scratch; the story tables updated after the last batch):")  # fmt: skip
    times = []
    for copies in (0, args.copies):
        rows = _corpus(docs, signatures, copies)
        started = time.perf_counter()
        story = _assign_all(rows)
        assign_seconds = time.perf_counter() - started
        table = pa.Table.from_pylist(
            [{**r["doc"], "doc_id": r["doc_id"], "story_id": story[r["doc_id"]]} for r in rows]
        )  # fmt: skip
        started = time.perf_counter()
        tables = _story_tables(table)
        built = time.perf_counter() - started
        before = _story_tables(table.slice(0, table.num_rows - BATCH))
        started = time.perf_counter()
        _story_tables(table, before)
        updated = time.perf_counter() - started
        print(f"  {len(rows):>6,} articles: assignment {assign_seconds:5.1f} s "
              f"({assign_seconds / len(rows) * 1e6:4.0f} µs/article), story tables {built:5.1f} s "
              f"({built / len(rows) * 1e6:4.0f} µs/article), updated for the last {BATCH:,} "
              f"{updated:4.1f} s; {tables.stories.num_rows:,} stories, "
              f"{tables.reuse.num_rows:,} reuse pairs")  # fmt: skip
        times.append([f"{len(rows):,}", f"{assign_seconds:.1f}",
                      f"{assign_seconds / len(rows) * 1e6:.0f}", f"{built:.1f}",
                      f"{built / len(rows) * 1e6:.0f}", f"{updated:.1f}",
                      f"{tables.stories.num_rows:,}", f"{tables.reuse.num_rows:,}"])  # fmt: skip
    write_results(
        "stories",
        (f"{len(docs):,} articles in {len(members):,} stories; stories by size:",
         ["articles in the story", "stories"], list(sizes.items())),
        ("The largest stories (the topic folders of their articles, the first headline):",
         ["articles", "topic folders", "headline"], largest),
        (f"Stories across topic folders ({len(mixed)}): their headlines, by topic folder:",
         ["articles"], [[line] for line in mixed]),
        (f"The stage's time: assignment in batches of {BATCH:,}, each against all before it; "
         f"the story tables from scratch; the story tables updated after the last {BATCH:,} "
         f"(the second row: the corpus and {args.copies} copies with a changed first line):",
         ["articles", "assignment (s)", "µs/article", "story tables (s)", "µs/article",
          "update (s)", "stories", "reuse pairs"], times),
    )  # fmt: skip
    return 0


def _story_tables(documents: pa.Table, previous: StoryTables | None = None) -> StoryTables:
    changed = None if previous is None else changed_stories(documents, previous.stories)
    return story_tables(
        documents, documents.select(["doc_id", "body"]), FIGURES.empty(),
        pa.table({"doc_id": pa.array([], pa.string()), "entity_id": pa.array([], pa.string())}),
        pa.table({"entity_id": pa.array([], pa.string()), "name": pa.array([], pa.string()),
                  "label": pa.array([], pa.string())}),
        previous, changed,
    )  # fmt: skip


def _corpus(docs: list[dict], signatures: dict[str, dict], copies: int) -> list[dict]:
    rows = []
    for n in range(copies + 1):
        for d in docs:
            sig = signatures[d["doc_id"]]
            body = d["body"] if n == 0 else f"Copy {n}. {d['body']}"
            rows.append(
                {
                    "doc_id": d["doc_id"] if n == 0 else f"{d['doc_id']}-{n}",
                    "minhash": sig["minhash"] if n == 0 else minhash_bytes(body),
                    "entities": sig["entities"],
                    "published": sig["published"],
                    "doc": {"title": d["title"], "published": d["published"], "body": body},
                }
            )
    return rows


def _assign_all(rows: list[dict]) -> dict[str, str]:
    """Stories as ingest assigns them: batch by batch, each against all the batches before."""
    known = SIGNATURES.empty()
    story: dict[str, str] = {}
    for i in range(0, len(rows), BATCH):
        batch = [_signature(r) for r in rows[i : i + BATCH]]
        story.update(assign(batch, known))
        for s in batch:
            s.story_id = story[s.doc_id]
        known = pa.concat_tables([known, _table(batch)])
    return story


def _signature(row: dict) -> Signature:
    return Signature(row["doc_id"], row["minhash"], frozenset(row["entities"]), row["published"])


def _table(batch: list[Signature]) -> pa.Table:
    return pa.Table.from_pylist(
        [{"doc_id": s.doc_id, "minhash": s.minhash, "entities": sorted(s.entities),
          "published": s.published, "story_id": s.story_id} for s in batch],
        schema=SIGNATURES.schema,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
