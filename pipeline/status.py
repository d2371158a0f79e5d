"""What a warehouse holds, at a glance (`newsroom status`): rows per table, the files it knows,
what an upgrade left outdated, the latest batch, and the latest rejections with their reasons.
Cheap at any size: row counts come from the Parquet footers, and only the manifest and the
rejections are read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyarrow.compute as pc

from pipeline.store import Warehouse, batch_order, table_rows
from pipeline.tables import CORPUS_TABLES, FILES, REJECTED, TABLES
from pipeline.versions import article_record, outdated_tables

SHOWN_REJECTIONS = 10


@dataclass(frozen=True)
class Rejection:
    source_path: str
    stage: str
    error: str


@dataclass(frozen=True)
class Status:
    rows: dict[str, int]  # table -> rows
    files: Counter[str]  # manifest status (ok, partial, rejected) -> files
    outdated_files: int  # made by an older version of an article stage
    outdated_tables: list[str]  # corpus tables an older version wrote
    latest_batch: str | None
    rejections: list[Rejection] = field(default_factory=list)  # latest first


def warehouse_status(warehouse: Warehouse, versions: Mapping[str, str]) -> Status:
    """The status of `warehouse` against the installed pipeline's stage `versions`."""
    files = warehouse.read(FILES.name, columns=["status", "versions", "batch"])
    record = article_record(versions)
    outdated = pc.sum(pc.fill_null(pc.not_equal(files["versions"], record), True)).as_py() or 0
    batches = sorted(set(files["batch"].to_pylist()), key=batch_order)
    rejected = warehouse.read(REJECTED.name).sort_by([("seen_at", "descending")])
    corpus = [spec.name for spec in CORPUS_TABLES if warehouse.files_of(spec.name)]
    return Status(
        rows={name: table_rows(warehouse.table_dir(name)) for name in TABLES},
        files=Counter(files["status"].to_pylist()),
        outdated_files=outdated,
        outdated_tables=outdated_tables(warehouse.corpus_versions(), versions, corpus),
        latest_batch=batches[-1] if batches else None,
        rejections=[
            Rejection(r["source_path"], r["stage"], r["error"])
            for r in rejected.slice(0, SHOWN_REJECTIONS).to_pylist()
        ],
    )


def render(status: Status) -> str:
    """The status as the lines `newsroom status` prints."""
    known = sum(status.files.values())
    by_status = ", ".join(f"{n:,} {s}" for s, n in sorted(status.files.items()))
    lines = [
        f"files: {known:,} known ({by_status or 'none'})",
        f"latest batch: {status.latest_batch or 'none yet: run `newsroom run` or `make run`'}",
    ]
    if status.outdated_files or status.outdated_tables:
        lines.append(
            f"outdated: {status.outdated_files:,} file(s) and corpus tables "
            f"{', '.join(status.outdated_tables) or 'none'} were made by an older version of "
            "the pipeline; the next run brings them up to date"
        )
    width = max(len(name) for name in status.rows)
    lines.append("rows:")
    lines += [f"  {name:<{width}}  {rows:>10,}" for name, rows in status.rows.items()]
    if status.rejections:
        total = status.rows[REJECTED.name]
        lines.append(f"latest rejections ({len(status.rejections)} of {total:,}):")
        lines += [f"  {r.source_path} [{r.stage}]: {r.error}" for r in status.rejections]
    return "\n".join(lines)
