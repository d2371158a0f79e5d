"""Throughput benchmark: the whole pipeline through Dagster against a bare spaCy pass.

    python benchmarks/throughput.py [--sizes 1 8]

Over the BBC corpus (`../shared/corpora/bbc`, 2,225 files) and versions of it `--sizes` times as
large (the corpus and copies of it whose first line is changed, so each copy is a new article),
each corpus is processed three ways, each in its own process tree:

- bare: the configured spaCy model with all its components runs `nlp.pipe` (batches of 64)
  over the files' texts, in one process (the cost floor of the NLP pass) and, when the pipeline
  parses on more than one, with `n_process` set to the pipeline's processes (`PIPELINE_WORKERS`,
  by default every core it may use): the floor on the cores the pipeline has;
- pipeline: `python -m assets.run` (what `make run` runs) on a fresh warehouse and a fresh
  SQLite Dagster instance: every ingest batch and the corpus tables, end to end;
- no-op: the same command again, with nothing new to do.

It prints articles/s and words/s (words counted by the bare pass, spaCy tokens that are not
punctuation or space), the pipeline's throughput over each bare pass's, and the peak resident
memory of each process tree (the sum over its processes, sampled every 0.1 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from common import MIB, PROJECT, SHARED, run_measured
from report import write_results

from pipeline.nlp import count_words
from pipeline.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 8], help="corpus multiples")
    parser.add_argument(
        "--skip-bare", action="store_true", help="the pipeline only (words are not counted)"
    )
    parser.add_argument("--skip-pipeline", action="store_true", help="the bare pass only")
    parser.add_argument("--bare-pass", type=Path, help=argparse.SUPPRESS)  # the child's job
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)  # its n_process
    args = parser.parse_args()
    if args.bare_pass:
        print(json.dumps(_bare_pass(args.bare_pass, args.processes)))
        return 0
    corpus = args.shared / "corpora" / "bbc"
    if not corpus.is_dir():
        print(f"skipped: {corpus} is absent")
        return 0
    workers = os.environ.get("PIPELINE_WORKERS", "default")
    print(f"{os.cpu_count()} cores; model {_model()}; PIPELINE_WORKERS {workers}")
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        for size in args.sizes:
            raw = corpus if size == 1 else _copies(corpus, Path(tmp) / f"raw-{size}x", size)
            _measure(
                f"{size}x", raw, Path(tmp) / f"{size}x", not args.skip_bare, not args.skip_pipeline
            )
    caption = (
        f"{os.cpu_count()} cores; model {_model()}; PIPELINE_WORKERS {workers} "
        f"({Settings.from_env().workers} processes)."
    )
    header = [
        "corpus",
        "run",
        "time",
        "throughput",
        "peak RSS (process tree)",
        "pipeline throughput / this run's",
    ]
    write_results("throughput", (caption, header, REPORTED))
    return 0


def _model() -> str:
    return Settings.from_env().spacy_model


def _copies(corpus: Path, target: Path, copies: int) -> Path:
    """The corpus and `copies - 1` copies of it, each copy's first line changed."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    for n in range(copies):
        for path in files:
            out = target / f"copy-{n}" / path.relative_to(corpus)
            out.parent.mkdir(parents=True, exist_ok=True)
            data = path.read_bytes()
            if n:
                first, _, rest = data.partition(b"\n")
                data = first + f" (edition {n})".encode() + b"\n" + rest
            out.write_bytes(data)
    return target


def _measure(label: str, raw: Path, work: Path, bare: bool, pipeline: bool) -> None:
    """Each figure is printed as soon as it is measured."""
    articles = sum(1 for p in raw.rglob("*") if p.is_file())
    corpus = f"{label}, {articles:,} files"
    print(f"\n{label}: {articles:,} files in {raw}", flush=True)
    words = None
    bare_runs: list[tuple[str, float, list[object]]] = []  # (what ran, seconds, its row)
    for processes in sorted({1, Settings.from_env().workers}) if bare else []:
        name = f"bare spaCy, {processes} process{'es' if processes > 1 else ''}"
        bare_command = [
            sys.executable, __file__, "--bare-pass", str(raw), "--processes", str(processes)
        ]  # fmt: skip
        out, bare_seconds, peak = run_measured(bare_command, {**os.environ})
        words = json.loads(out.strip().splitlines()[-1])["words"]
        bare_runs.append(
            (name, bare_seconds, _report(corpus, name, articles, words, bare_seconds, peak))
        )
    if not pipeline:
        return
    home = work / "dagster"
    home.mkdir(parents=True)
    shutil.copy(PROJECT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        "PIPELINE_RAW_DIR": str(raw),
        "PIPELINE_WAREHOUSE_DIR": str(work / "warehouse"),
        "DAGSTER_HOME": str(home),
    }
    command = [sys.executable, "-m", "assets.run"]
    _, seconds, peak = run_measured(command, env)
    _report(corpus, "pipeline through Dagster", articles, words, seconds, peak)
    for name, bare_seconds, row in bare_runs:
        row[-1] = f"{bare_seconds / seconds:.2f}x"
        print(f"  pipeline throughput / {name} throughput: {row[-1]}")
    _, noop_seconds, noop_peak = run_measured(command, env)
    REPORTED.append(
        [corpus, "no-op rerun", f"{noop_seconds:.1f} s", "", f"{noop_peak / MIB:,.0f} MiB", ""]
    )
    print(f"  no-op rerun: {noop_seconds:.1f} s, peak RSS {noop_peak / MIB:,.0f} MiB", flush=True)


# What was printed, for docs/results/throughput.md: (corpus, what ran, seconds, rate, peak, the
# pipeline's throughput over this run's: filled in for the bare passes).
REPORTED: list[list[object]] = []


def _report(
    corpus: str, name: str, articles: int, words: int | None, seconds: float, peak: int
) -> list[object]:
    """Print one run's figures; its row of the results table."""
    rate = f"{words / seconds:8,.0f} words/s" if words else ""
    row: list[object] = [
        corpus, name, f"{seconds:.1f} s", f"{articles / seconds:.1f} articles/s {rate}".strip(),
        f"{peak / MIB:,.0f} MiB", "",
    ]  # fmt: skip
    REPORTED.append(row)
    print(
        f"  {name:26} {seconds:7.1f} s  {articles / seconds:6.1f} articles/s  {rate}  "
        f"peak RSS {peak / MIB:6,.0f} MiB",
        flush=True,
    )
    return row


def _bare_pass(raw: Path, processes: int) -> dict[str, int]:
    """The NLP floor: the configured model, every component, `nlp.pipe` on `processes`."""
    import spacy  # here, so the parent process never loads the model

    nlp = spacy.load(_model())
    texts = [
        p.read_bytes().decode("utf-8", errors="replace")
        for p in sorted(raw.rglob("*"))
        if p.is_file()
    ]
    docs = nlp.pipe(texts, batch_size=64, n_process=processes)
    words = sum(count_words(doc) for doc in docs)
    return {"articles": len(texts), "words": words}


if __name__ == "__main__":
    raise SystemExit(main())
