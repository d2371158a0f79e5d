"""Where a benchmark writes the figures it printed: `docs/results/<benchmark>.md`, so the figures
the docs point to are the ones a run measured, never copied by hand."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from common import PROJECT

RESULTS = PROJECT / "docs" / "results"

# One printed table: what it shows (a sentence), its header, its rows (cells formatted as printed).
Table = tuple[str, Sequence[str], Sequence[Sequence[object]]]


def write_results(benchmark: str, *tables: Table) -> None:
    """Write `docs/results/<benchmark>.md`, replacing the last run's: the date, the machine's core
    count and the command that produced the figures, then each table under its sentence."""

    def row(cells: Sequence[object]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    def shown(path: str) -> str:
        absolute = Path(path).absolute()
        return str(absolute.relative_to(PROJECT)) if absolute.is_relative_to(PROJECT) else path

    command = shlex.join([shown(sys.executable), shown(sys.argv[0]), *sys.argv[1:]])
    lines = [
        f"# `benchmarks/{benchmark}.py`: the latest figures",
        "",
        f"Written by the benchmark on {date.today().isoformat()}, on a machine with "
        f"{os.cpu_count()} cores, by this command (run from the project root):",
        "",
        "```sh",
        command,
        "```",
    ]
    for caption, header, rows in tables:
        lines += ["", caption, "", row(header), row(["---"] * len(header)), *map(row, rows)]
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{benchmark}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwritten: {path.relative_to(PROJECT)}")
