"""What the asset checks compute, as plain functions over a warehouse: how many rows or files
break a rule, the first few as examples, and how much was read. `assets/checks.py` only turns
these results into Dagster's (pass or fail, severity, metadata), so the logic runs and is tested
without Dagster.

A check reads its table one file at a time, so its memory is one batch's, however large the
corpus. Given a batch, the checks that look at rows read only that batch's files: an ingest run
of it added rows there and only removed rows elsewhere. Global properties (unique keys, schemas,
the share of rejected files) are read from one column or the footers of every file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.clean import ANYWHERE_RULES
from pipeline.store import Warehouse, schema_difference
from pipeline.tables import ARTICLE_MENTIONS, DOCUMENTS, ENTITIES, FILES, TableSpec

EXAMPLES = 5
EXAMPLE_CHARS = 200
MAX_REJECTED_SHARE = 0.2  # more rejected files than this is a sign the input changed shape
MAX_ROW_DROP = 0.5  # documents shrinking by more than half between runs is worth a look
# News articles name people, places and organisations; many bodies with none means the bodies
# or the model went wrong (an empty extraction, a model for another language).
MAX_NO_ENTITY_SHARE = 0.2
# The columns of a row that points into `documents.body`: `body[start:end] == text`.
SPAN_COLUMNS = ["doc_id", "start", "end", "text"]


@dataclass(frozen=True)
class Found:
    """What a check found: how many, and the first few as examples (not all of them: a broken
    table can have millions)."""

    count: int
    examples: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.count


@dataclass(frozen=True)
class Scanned(Found):
    """What a check over rows found, and what it read: one batch's files or every file."""

    files_checked: int
    rows_checked: int


@dataclass(frozen=True)
class Share(Found):
    """Found among `total`: a warning sign only when more than `limit` of them."""

    total: int
    limit: float

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.share <= self.limit


@dataclass(frozen=True)
class RowDrop:
    """A table's rows now and at its previous materialization (the same when there was none):
    a sudden loss of most rows is worth a look."""

    now: int
    before: int

    @property
    def drop(self) -> float:
        return (self.before - self.now) / self.before if self.before else 0.0

    @property
    def passed(self) -> bool:
        return self.drop <= MAX_ROW_DROP


@dataclass
class _Tally:
    """A count and its first examples, added one at a time while files are read."""

    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, example: object) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(_example(example))


def _example(value: object) -> str:
    return str(value)[:EXAMPLE_CHARS]


def _first(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(_example(v) for v in islice(values, EXAMPLES))


def _files(warehouse: Warehouse, name: str, batch: str | None) -> list[Path]:
    """The files of table `name` a check over rows reads: `batch`'s file, or every file when
    `batch` is None."""
    files = warehouse.files_of(name)
    if batch is None:
        return files
    return [p for p in files if p.stem == batch]


def _rows_of(
    warehouse: Warehouse, spec: TableSpec, columns: list[str], doc_ids: pa.Array, stem: str
) -> pa.Table:
    """The rows of `spec`'s table for `doc_ids`. A batch's articles have their rows in the files
    named by the batch, so that file is read first, and the others only for ids it lacks."""
    files = sorted(warehouse.files_of(spec.name), key=lambda p: p.stem != stem)
    found = [spec.columns_schema(columns).empty_table()]
    wanted = doc_ids
    for path in files:
        if not len(wanted):
            break
        part = warehouse.read_file(spec.name, path, columns, where=pc.field("doc_id").isin(wanted))
        found.append(part)
        wanted = wanted.filter(pc.invert(pc.is_in(wanted, part["doc_id"].combine_chunks())))
    return pa.concat_tables(found)


def has_offsets(spec: TableSpec) -> bool:
    """Whether `spec`'s rows point into `documents.body` (mentions, figures, quotes, dates)."""
    return set(SPAN_COLUMNS) <= set(spec.schema.names)


def schema_mismatches(warehouse: Warehouse, spec: TableSpec) -> Found:
    """The Parquet files of `spec`'s table (by name) that the contract's schema cannot read:
    a column removed, retyped or required and missing (`store.schema_difference`). A file of
    an earlier release that lacks only nullable columns added since passes: it reads them as
    null until its rows are written again. Only the footers are read."""
    wrong = [
        p.name
        for p in sorted(warehouse.table_dir(spec.name).glob("*.parquet"))
        if schema_difference(spec, pq.read_schema(p)) is not None
    ]
    return Found(len(wrong), _first(wrong))


def repeated_keys(warehouse: Warehouse, spec: TableSpec) -> Found:
    """The values of `spec.key` that more than one row holds: the key column alone is read."""
    counts = pc.value_counts(warehouse.read(spec.name, columns=[spec.key])[spec.key])
    repeated = counts.filter(pc.greater(pc.struct_field(counts, "counts"), 1))
    examples = _first(pc.struct_field(repeated, "values").slice(0, EXAMPLES).to_pylist())
    return Found(len(repeated), examples)


def offsets_off_body(warehouse: Warehouse, spec: TableSpec, batch: str | None = None) -> Scanned:
    """The rows of `spec`'s table (with offsets; see `has_offsets`) whose `body[start:end]` is
    not their `text`: one file at a time, with the bodies of that file's articles only."""
    files = _files(warehouse, spec.name, batch)
    wrong, checked = _Tally(), 0
    for path in files:
        part = warehouse.read_file(spec.name, path, SPAN_COLUMNS)
        ids = pc.unique(part["doc_id"].combine_chunks())
        documents = _rows_of(warehouse, DOCUMENTS, ["doc_id", "body"], ids, path.stem)
        bodies = dict(
            zip(documents["doc_id"].to_pylist(), documents["body"].to_pylist(), strict=True)
        )
        for row in part.to_pylist():
            if bodies.get(row["doc_id"], "")[row["start"] : row["end"]] != row["text"]:
                wrong.add(row)
        checked += part.num_rows
    return Scanned(wrong.count, tuple(wrong.examples), len(files), checked)


def boilerplate_left(warehouse: Warehouse, batch: str | None = None) -> Scanned:
    """The paragraphs of bodies that are still a line the boilerplate rules remove anywhere,
    each shown with its article and rule: cleaning missed them."""
    files = _files(warehouse, DOCUMENTS.name, batch)
    left, checked = _Tally(), 0
    for path in files:
        documents = warehouse.read_file(DOCUMENTS.name, path, ["doc_id", "body"])
        for doc_id, body in zip(
            documents["doc_id"].to_pylist(), documents["body"].to_pylist(), strict=True
        ):
            for paragraph in body.split("\n\n"):
                rule = next((r.name for r in ANYWHERE_RULES if r.matches(paragraph)), None)
                if rule:
                    left.add(f"{doc_id} [{rule}] {paragraph}")
        checked += documents.num_rows
    return Scanned(left.count, tuple(left.examples), len(files), checked)


def rejected_files(warehouse: Warehouse) -> Share:
    """The raw files rejected whole, among every file seen (by path)."""
    files = warehouse.read(FILES.name, columns=["source_path", "status"])
    rejected = files.filter(pc.equal(files["status"], "rejected"))["source_path"]
    examples = _first(rejected.slice(0, EXAMPLES).to_pylist())
    return Share(len(rejected), examples, files.num_rows, MAX_REJECTED_SHARE)


def articles_without_entities(warehouse: Warehouse, batch: str | None = None) -> Share:
    """The articles (by id) with no row in `article_mentions`, among the articles read."""
    total, without = 0, _Tally()
    for path in _files(warehouse, DOCUMENTS.name, batch):
        docs = warehouse.read_file(DOCUMENTS.name, path, ["doc_id"])["doc_id"].combine_chunks()
        named = _rows_of(warehouse, ARTICLE_MENTIONS, ["doc_id"], docs, path.stem)
        total += len(docs)
        for doc_id in docs.filter(pc.invert(pc.is_in(docs, named["doc_id"].combine_chunks()))):
            without.add(doc_id.as_py())
    return Share(without.count, tuple(without.examples), total, MAX_NO_ENTITY_SHARE)


def dangling_entity_ids(warehouse: Warehouse, spec: TableSpec) -> Found:
    """The `entity_id`s of `spec`'s rows (those set) that are no row of `entities`, each once."""
    ids = warehouse.read(ENTITIES.name, columns=["entity_id"])["entity_id"].combine_chunks()
    dangling: set[str] = set()
    for path in warehouse.files_of(spec.name):
        linked = pc.drop_null(warehouse.read_file(spec.name, path, ["entity_id"])["entity_id"])
        dangling.update(pc.unique(linked.filter(pc.invert(pc.is_in(linked, ids)))).to_pylist())
    return Found(len(dangling), _first(sorted(dangling)))
