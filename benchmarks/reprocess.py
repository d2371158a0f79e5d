"""What an upgrade costs on the BBC corpus (`../shared/corpora/bbc`, 2,225 articles).

    python benchmarks/reprocess.py [--shared ../shared]

Each step runs `make run`'s entry point (`python -m assets.run`) on one warehouse and one new
Dagster instance, with the configured model and `PIPELINE_WORKERS`, sampling the peak resident
memory of its process tree:

1. the first run: every article read, cleaned, parsed and extracted, then the corpus tables;
2. a run with nothing to do (no file changed, every version current);
3. a change to a corpus stage only (`--reprocess corpus`: what a new version of the entity
   resolution, quote-id or story rules costs): the corpus tables recomputed, no article read;
4. a change to an article stage (`--reprocess`, what a new cleaning rule, extractor rule or
   model costs): every stored batch run again in its own partition, every raw file read once
   and every article parsed again, then the corpus tables.

Printed: each step's wall time, peak RSS, and the work its log reports.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from common import MIB, PROJECT, run_measured, shared_args
from report import write_results

STEPS = (
    ("first run: 2,225 new articles", []),
    ("nothing to do", []),
    ("a corpus stage changed (`--reprocess corpus`)", ["--reprocess", "corpus"]),
    ("an article stage changed (`--reprocess`)", ["--reprocess"]),
)


def work(log: str) -> str:
    """What the run's log says it did: batches run, articles analysed."""
    runs = len(re.findall(r"newsroom\.run run \d+/\d+: batch", log))
    analysed = sum(int(n) for n in re.findall(r"analysing (\d+) article", log))
    corpus = "corpus tables recomputed" if "recomputing the corpus tables" in log else "no run"
    return f"{runs} batch run(s), {analysed:,} article(s) parsed, {corpus}"


def main() -> None:
    args = shared_args(__doc__ or "")
    if args is None:
        return
    raw = args.shared / "corpora" / "bbc"
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "dagster_home"
        home.mkdir()
        shutil.copy(PROJECT / "deploy" / "dagster.yaml", home / "dagster.yaml")
        env = {
            **os.environ,
            "DAGSTER_HOME": str(home),
            "PIPELINE_RAW_DIR": str(raw),
            "PIPELINE_WAREHOUSE_DIR": str(Path(tmp) / "warehouse"),
        }
        rows = []
        for label, flags in STEPS:
            command = [sys.executable, "-m", "assets.run", *flags]
            log, seconds, peak = run_measured(command, env, logs=True)
            rows.append((label, f"{seconds:.1f} s", f"{peak / MIB:,.0f} MiB", work(log)))
            print(" | ".join(rows[-1]), flush=True)
    workers = os.environ.get("PIPELINE_WORKERS", "every core")
    write_results(
        "reprocess",
        (
            f"BBC corpus, {os.cpu_count()} cores, workers: {workers}; each step on the "
            "warehouse the step before left.",
            ("step", "wall time", "peak RSS", "work"),
            rows,
        ),
    )


if __name__ == "__main__":
    main()
