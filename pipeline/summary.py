"""What a `make run` did, said at its end: rows added per table, the files it rejected and why,
and a command to look at the tables. The counts come from the runs (whoever executed them);
the reasons from the `rejected` table, which holds them for good."""

from __future__ import annotations

import json
import shlex
import sys
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pipeline.progress import duration
from pipeline.store import Warehouse
from pipeline.tables import ARTICLE_TABLES, DOCUMENTS, REJECTED

SHOWN_REJECTS = 10  # files listed with their reason; the rest are counted
REASON_CHARS = 160  # a reason longer than this is cut (the table holds it whole)


@dataclass
class RunSummary:
    """Collects what each run of one `make run` did. Made before the first batch is planned:
    the `rejected` rows seen since `started` are this run's."""

    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    clock: float = field(default_factory=time.monotonic)
    batches: list[str] = field(default_factory=list)
    added: Counter[str] = field(default_factory=Counter)  # article table -> rows added
    files_read: int = 0
    analysed: int = 0
    not_analysed: Counter[str] = field(default_factory=Counter)  # language -> articles
    corpus: dict[str, int] = field(default_factory=dict)  # corpus table -> rows now

    def add_batch(
        self,
        batch: str,
        rows: Mapping[str, int],
        read: int,
        analysed: int,
        not_analysed: Mapping[str, int] | None = None,
    ) -> None:
        self.batches.append(batch)
        self.added.update(rows)
        self.files_read += read
        self.analysed += analysed
        self.not_analysed.update(not_analysed or {})

    def text(self, warehouse: Warehouse) -> str:
        """The summary, one fact a line."""
        rejects = rejected_since(warehouse, self.batches, self.started)
        seconds = time.monotonic() - self.clock
        lines = [
            f"done in {duration(seconds)}: {len(self.batches)} batch(es), {self.files_read:,} "
            f"file(s) read, {self.analysed:,} article(s) analysed, {len(rejects):,} file(s) "
            "with rejected input"
        ]
        if self.not_analysed:
            lines.append(
                f"not analysed, not in the model's language: {self.not_analysed.total():,} "
                f"article(s) ({_counts(dict(self.not_analysed.most_common()))}); they are in "
                "`documents` with their language and body"
            )
        if self.batches:
            lines.append(
                "rows added: " + _counts({s.name: self.added[s.name] for s in ARTICLE_TABLES})
            )
        if self.corpus:
            lines.append("corpus tables, rows now: " + _counts(self.corpus))
        if rejects:
            lines.append("rejected in this run (every reason is in the `rejected` table):")
            lines += [
                f"  {path}: {reason}" for path, reason in list(rejects.items())[:SHOWN_REJECTS]
            ]
            if len(rejects) > SHOWN_REJECTS:
                lines.append(f"  ... and {len(rejects) - SHOWN_REJECTS:,} more file(s)")
        lines.append(f"tables in {warehouse.root}; look at them with: {look_command(warehouse)}")
        return "\n".join(lines)


def _counts(rows: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {n:,}" for name, n in rows.items())


def rejected_since(warehouse: Warehouse, batches: list[str], since: datetime) -> dict[str, str]:
    """File -> why, for the files of `batches` rejected (in whole or part) at `since` or later:
    the first reason, its stage, and how many more the file has."""
    found: dict[str, list[str]] = {}
    folder = warehouse.table_dir(REJECTED.name)
    for batch in batches:
        path = folder / f"{batch}.parquet"
        if not path.exists():
            continue
        for row in warehouse.read_file(REJECTED.name, path).to_pylist():
            if row["seen_at"] >= since:
                found.setdefault(row["source_path"], []).append(f"[{row['stage']}] {row['error']}")
    return {path: _reason(reasons) for path, reasons in sorted(found.items())}


def _reason(reasons: list[str]) -> str:
    first = reasons[0] if len(reasons[0]) <= REASON_CHARS else reasons[0][: REASON_CHARS - 1] + "…"
    return first + (f" (and {len(reasons) - 1:,} more in this file)" if len(reasons) > 1 else "")


def look_command(warehouse: Warehouse) -> str:
    """A shell command that shows the first articles of the warehouse with DuckDB (installed
    with the pipeline), paths quoted for the shell."""
    python = Path(sys.executable)
    if python.is_relative_to(Path.cwd()):
        python = python.relative_to(Path.cwd())
    documents = json.dumps(str(warehouse.table_dir(DOCUMENTS.name) / "*.parquet"))
    code = (
        f"import duckdb; duckdb.read_parquet({documents})"
        '.select("publisher, published, title").show()'
    )
    return f"{shlex.quote(str(python))} -c {shlex.quote(code)}"
