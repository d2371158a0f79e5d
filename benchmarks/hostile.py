"""Hostile-input benchmark: very long articles, and thousands of near-identical items.

    python benchmarks/hostile.py [--sizes 100000 990000] [--items 10000] [--pairs 3000]

Each input is ingested the way `make run` ingests it (`plan_batches` and `run_batch` on a fresh
warehouse, the configured model and `PIPELINE_WORKERS`), in a child process whose process tree's
peak resident memory is sampled every 0.1 s:

- one plain-text article of each of `--sizes` characters (under spaCy's 1,000,000-character
  `max_length`), made of BBC articles (`../shared/corpora/bbc`; generated sentences with names,
  numbers and quotations when it is absent), in two shapes: paragraphs as written, and the same
  text on one line. Printed: the ingest time with the model already loaded (reading, cleaning,
  the parse, every extractor, story assignment, the commit) and the peak RSS;
- `--items` near-identical templated news items that differ only in a name, a place and some
  numbers, as one JSON Lines feed and as as many small text files, through `make run`'s entry
  point (`python -m assets.run`: every ingest run, then the corpus run, on a new Dagster
  instance). Printed: the whole run's time (model loads included) and the peak RSS. Such items
  join one story, so same-story assignment compares each with a handful of representatives,
  and reuse and figure conflicts compare each with the story's first articles;
- same-story assignment's worst case, alone: `--pairs` new articles against as many known
  ones, each its own story, all sharing one MinHash band and nothing else, so every pair is a
  candidate and none joins. Printed: its time and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from common import MIB, PROJECT, SHARED, run_measured
from report import write_results

from pipeline import nlp
from pipeline.analysis import COMPONENTS
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Warehouse
from pipeline.stories.assign import NUM_PERM, ROWS, Signature, assign
from pipeline.tables import SIGNATURES
from pipeline.workers import Analyser, stop_workers

FIRST = ["Amira", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas"]
LAST = ["Okafor", "Hughes", "Tanaka", "Novak", "Brennan", "Silva", "Kowalski", "Reid", "Osei"]
PLACES = ["Leeds", "Cardiff", "Aberdeen", "Belfast", "Norwich", "Swansea", "Derby", "Bristol"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 990_000])
    parser.add_argument("--items", type=int, default=10_000, help="0 to skip the items")
    parser.add_argument("--pairs", type=int, default=3_000, help="0 to skip the worst case")
    parser.add_argument("--ingest", type=Path, nargs=2, help=argparse.SUPPRESS)  # the child's job
    parser.add_argument("--assign", type=int, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.ingest:
        print(json.dumps(_ingest(*args.ingest)))
        return 0
    if args.assign:
        print(json.dumps(_assign_worst(args.assign)))
        return 0
    workers = os.environ.get("PIPELINE_WORKERS", "default")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores (load average {load}); model {Settings.from_env().spacy_model}; "
          f"PIPELINE_WORKERS {workers}")  # fmt: skip
    corpus = args.shared / "corpora" / "bbc"
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        work = Path(tmp)
        for size in args.sizes:
            text = _long_text(corpus, size)
            for shape, body in (("paragraphs", text), ("one line", " ".join(text.split()))):
                raw = work / f"long-{size}-{shape.replace(' ', '-')}"
                raw.mkdir()
                (raw / "article.txt").write_text(body, encoding="utf-8")
                found, _, peak = _run(raw)
                label = f"{len(body):,} characters, {shape}"
                _report(label, found["seconds"], "with the model loaded", found["rows"], peak)
        if args.items:
            for form in ("feed", "files"):
                raw = work / f"items-{form}"
                _write_items(raw, args.items, form)
                found, seconds, peak = _run_pipeline(raw)
                label = f"{args.items:,} near-identical items, {form}"
                _report(label, seconds, "in all", found, peak)
    if args.pairs:
        command = [sys.executable, __file__, "--assign", str(args.pairs)]
        out, _, peak = run_measured(command, dict(os.environ))
        found = json.loads(out.strip().splitlines()[-1])
        label = f"story assignment, {args.pairs:,} x {args.pairs:,}"
        _report(label, found["seconds"], "assigning", found["stories"], peak)
    caption = (
        f"{os.cpu_count()} cores, load average {load} at the start; PIPELINE_WORKERS {workers}."
    )
    write_results("hostile", (caption, ["input", "time", "peak RSS", "rows"], REPORTED))
    return 0


# What `_report` printed, for docs/results/hostile.md.
REPORTED: list[list[object]] = []


def _report(label: str, seconds: float, timed: str, found: str, peak: int) -> None:
    REPORTED.append([label, f"{seconds:.1f} s {timed}", f"{peak / MIB:,.0f} MiB", found])
    print(f"  {label:34} {seconds:7.1f} s {timed}, peak RSS {peak / MIB:6,.0f} MiB ({found})",
          flush=True)  # fmt: skip


def _run(raw: Path) -> tuple[dict, float, int]:
    """Ingest `raw` into a fresh warehouse in a child process: what it reports, its wall
    seconds and its process tree's peak RSS."""
    warehouse = raw.with_name(raw.name + "-warehouse")
    command = [sys.executable, __file__, "--ingest", str(raw), str(warehouse)]
    out, seconds, peak = run_measured(command, dict(os.environ))
    return json.loads(out.strip().splitlines()[-1]), seconds, peak


def _run_pipeline(raw: Path) -> tuple[str, float, int]:
    """`make run` on `raw` with a new warehouse and Dagster instance: a summary of the tables,
    its wall seconds and its process tree's peak RSS."""
    warehouse, home = raw.with_name(raw.name + "-warehouse"), raw.with_name(raw.name + "-home")
    home.mkdir()
    shutil.copy(PROJECT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PIPELINE_RAW_DIR": str(raw),
        "PIPELINE_WAREHOUSE_DIR": str(warehouse),
    }
    _, seconds, peak = run_measured([sys.executable, "-m", "assets.run"], env)
    wanted = ("documents", "rejected", "stories", "reuse", "figure_conflicts")
    rows = {t: pq.read_table(warehouse / t).num_rows for t in wanted}
    return ", ".join(f"{t} {n:,}" for t, n in rows.items()), seconds, peak


def _ingest(raw: Path, warehouse_dir: Path) -> dict:
    """Every batch of `raw`, as ingest runs it, timed once the model is loaded in this process
    (where one article is analysed; workers load their own)."""
    os.environ.update(PIPELINE_RAW_DIR=str(raw), PIPELINE_WAREHOUSE_DIR=str(warehouse_dir))
    settings = Settings.from_env()
    nlp.load_model(settings.spacy_model, COMPONENTS)
    warehouse = Warehouse(settings.warehouse_dir)
    analyser = Analyser(settings.spacy_model, settings.workers)
    started = time.perf_counter()
    rows: dict[str, int] = {}
    for batch in plan_batches(settings, warehouse).batches:
        report = run_batch(settings, warehouse, batch, analyser)
        for table, count in report.rows.items():
            rows[table] = rows.get(table, 0) + count
    stop_workers()
    wanted = ("documents", "rejected", "article_mentions", "figures", "article_quotes")
    summary = ", ".join(f"{table} {rows.get(table, 0):,}" for table in wanted)
    return {"seconds": time.perf_counter() - started, "rows": summary}


def _assign_worst(count: int) -> dict:
    """`count` new signatures against `count` known ones, each its own story: all share their
    first MinHash band and no other value, so every pair is a candidate and none is alike."""
    rng = np.random.default_rng(count)
    values = rng.integers(0, 2**32, (2 * count, NUM_PERM), dtype=np.uint64).astype(np.uint32)
    values[:, :ROWS] = 1
    made = [
        Signature(f"{n:06}", row.tobytes(), frozenset(), date(2025, 4, 10))
        for n, row in enumerate(values)
    ]
    known = pa.Table.from_pylist(
        [{"doc_id": s.doc_id, "minhash": s.minhash, "entities": [], "published": s.published,
          "story_id": s.doc_id} for s in made[:count]],
        schema=SIGNATURES.schema,
    )  # fmt: skip
    started = time.perf_counter()
    stories = assign(made[count:], known)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "stories": f"{len(set(stories.values())):,} stories"}


def _long_text(corpus: Path, size: int) -> str:
    """About `size` characters of news text, cut at a sentence end: BBC articles one after
    another (each a headline line and paragraphs), else generated paragraphs."""
    parts: list[str] = []
    total = 0
    if corpus.is_dir():
        files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
        for path in files:
            if total >= size:
                break
            parts.append(path.read_text(encoding="utf-8", errors="replace").strip())
            total += len(parts[-1]) + 2
    rng = random.Random(size)
    while total < size:
        parts.append(_paragraph(rng))
        total += len(parts[-1]) + 2
    text = "\n\n".join(parts)[:size]
    return text[: text.rfind(". ") + 1]


def _paragraph(rng: random.Random) -> str:
    """A few sentences of news: people, places, amounts, a quotation."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, other = rng.sample(PLACES, 2)
    return (
        f"Police in {place} said {rng.randint(2, 40)} people were injured on "
        f"{rng.choice(['Monday', 'Friday'])} and about £{rng.randint(1, 90)}m of damage was done. "
        f"“We are doing everything we can to help the families,” {name} told reporters. "
        f"Mr {name.split()[1]} said {rng.randint(3, 95)}% of homes in {other} had lost power, "
        f"and a further {rng.randint(100, 5000):,} households were waiting for repairs."
    )


def _item(n: int) -> dict[str, str]:
    """One templated news item; items differ only in a name, a place and the numbers."""
    name = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}"
    place = PLACES[n % len(PLACES)]
    text = (
        f"Police in {place} are appealing for witnesses after {name}, {20 + n % 60}, was "
        f"injured in a collision on the A{n % 900 + 1} on Saturday evening.\n\n"
        f"Officers said {n % 7 + 2} vehicles were involved and the road was closed for about "
        f"{n % 5 + 2} hours while investigators worked at the scene.\n\n"
        f"“We would urge anyone with dashcam footage to come forward,” a spokesperson for "
        f"{place} police said. Anyone with information is asked to call 101 quoting incident "
        f"{1000 + n}."
    )
    return {
        "title": f"Witness appeal after crash on A{n % 900 + 1} near {place}",
        "text": text,
        "published": f"2025-04-{n % 28 + 1:02}",
    }


def _write_items(raw: Path, count: int, form: str) -> None:
    """`count` items as one JSON Lines feed, or as one text file each (headline, then body)."""
    raw.mkdir()
    if form == "feed":
        with (raw / "items.jsonl").open("w", encoding="utf-8") as feed:
            for n in range(count):
                feed.write(json.dumps(_item(n), ensure_ascii=False) + "\n")
        return
    for n in range(count):
        item = _item(n)
        path = raw / f"{n:05}.txt"
        path.write_text(f"{item['title']}\n\n{item['text']}\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
