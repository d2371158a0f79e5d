"""Dagster metadata derived from the table schemas: column schemas, row counts, previews."""

from __future__ import annotations

import dagster as dg
import pyarrow as pa

from assets.config import versions
from pipeline.tables import TableSpec, arrow_type_name
from pipeline.versions import table_version

PREVIEW_ROWS = 5
PREVIEW_CHARS = 60


def column_schema(spec: TableSpec) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=f.name,
                type=arrow_type_name(f.type),
                description=spec.column_doc(f.name),
                constraints=dg.TableColumnConstraints(nullable=f.nullable),
            )
            for f in spec.schema
        ]
    )


def asset_spec(spec: TableSpec, **kwargs: object) -> dg.AssetSpec:
    """An AssetSpec whose description and column schema come from the table's schema, and
    whose code version is the table's version (`pipeline/versions.py`): when an upgrade
    changes a stage that writes it, the UI shows its partitions stale."""
    return dg.AssetSpec(
        key=spec.name,
        description=spec.doc,
        metadata={"dagster/column_schema": column_schema(spec)},
        kinds={"parquet"},
        code_version=table_version(spec.name, versions),
        **kwargs,  # type: ignore[arg-type]
    )


def preview(table: pa.Table) -> dg.MarkdownMetadataValue:
    """A few rows as a markdown table, long strings cut, for the UI."""
    if table.num_rows == 0:
        return dg.MetadataValue.md("_no rows in this batch_")
    rows = table.slice(0, PREVIEW_ROWS).to_pylist()
    names = table.column_names
    lines = ["| " + " | ".join(names) + " |", "|" + " --- |" * len(names)]
    for row in rows:
        cells = [_cell(row[n]) for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    if table.num_rows > PREVIEW_ROWS:
        lines.append(f"\n_{table.num_rows - PREVIEW_ROWS} more rows_")
    return dg.MetadataValue.md("\n".join(lines))


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
