"""The warehouse: one folder of Parquet files per table, changed only by atomic commits.

Layout: `<warehouse>/<table>/<batch>.parquet` for article tables (one file per ingest batch) and
`<warehouse>/<table>/part-0.parquet` for corpus tables (or one file per batch for the corpus
tables that follow the article tables' batches, such as `mentions`). Readers take a table folder
as one table.

A commit is all-or-nothing across tables. Every new or rewritten file is first written and
fsync'ed under `_staging/<commit>/` (or, for a long corpus update, in a folder of its own that
`StagedParts` fills file by file); then a journal naming each rename and deletion is written
atomically; then the operations are applied. A crash before the journal leaves only staging debris
(removed by the next `recover`); a crash after it is rolled forward by `recover`, and a stop
signal (SIGINT, SIGTERM) that arrives after it waits until the commit is applied. Table folders
never hold a partially written file, because files only arrive there by `os.replace`.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline import interrupts
from pipeline.migrations import MIGRATIONS, Migration
from pipeline.tables import TABLES, TableSpec

STAGING = "_staging"
PLANS = "_batches"
CORPUS_VERSIONS = "_corpus_versions.json"
MIGRATIONS_LOG = "_migrations.json"
JOURNAL = "journal.json"
LOCK = ".lock"
EMPTY_PART = "part-0"  # a corpus table's file while it has no rows, or its one file


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write and fsync one Parquet file (the caller renames it into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def read_conformed(
    spec: TableSpec,
    path: Path,
    columns: list[str] | None = None,
    where: pc.Expression | None = None,
) -> pa.Table:
    """One Parquet file of `spec`'s table with the current schema: a nullable column added
    since the file was written reads as null (until its rows are written again). Any other
    difference (a missing required column, one removed or retyped) is an error, never a guess:
    a migration (`pipeline/migrations.py`) converts such files once."""
    schema = spec.columns_schema(columns)
    written = pq.read_schema(path)
    check_written(spec, path, written)
    present = set(written.names)
    table = pq.read_table(path, columns=[c for c in schema.names if c in present], filters=where)
    for wanted in schema:
        if wanted.name not in present:
            table = table.append_column(wanted, pa.nulls(table.num_rows, wanted.type))
    return table.select(schema.names).cast(schema)


def check_written(spec: TableSpec, path: Path, written: pa.Schema) -> None:
    """Refuse a file that the current schema cannot read without a guess."""
    if problem := schema_difference(spec, written):
        raise ValueError(_unmigrated(spec, path, problem))


def schema_difference(spec: TableSpec, written: pa.Schema) -> str | None:
    """How a file's schema differs from `spec`'s beyond nullable columns added since (which
    read as null): a column removed, retyped, or required and missing. None when readable."""
    for found in written:
        if found.name not in spec.schema.names:
            return f"a column {found.name!r} it no longer has"
        current = spec.schema.field(found.name).type
        if found.type != current:
            return f"column {found.name!r} as {found.type}, not {current}"
    for wanted in spec.schema:
        if wanted.name not in written.names and not wanted.nullable:
            return f"no column {wanted.name!r}"
    return None


def _unmigrated(spec: TableSpec, path: Path, difference: str) -> str:
    return (
        f"{path} has {difference}: an older release wrote it and no migration has converted it "
        f"to the current {spec.name} schema. `make run` applies pending migrations "
        "(pipeline/migrations.py); if it still fails, the upgrade lacks one: please report it"
    )


def table_rows(folder: Path) -> int:
    """Rows in a table folder, from the Parquet footers (no data is read)."""
    return sum(pq.ParquetFile(p).metadata.num_rows for p in sorted(folder.glob("*.parquet")))


def schema_digest() -> str:
    """The tables' columns, names and types: when it changes, files are brought up to it."""
    shapes = [(n, [(f.name, str(f.type)) for f in spec.schema]) for n, spec in TABLES.items()]
    return hashlib.sha256(repr(shapes).encode()).hexdigest()[:12]


def batch_order(key: str) -> tuple[str, int]:
    """Where a batch stands in the order batches ran: its plan's time, then its place in the
    plan (`20250410-101500-0001-1a2b3c4d`). Keys of releases before places
    (`20250410-101500-1a2b3c4d`) rank equal to the others of their plan: their order is lost."""
    parts = key.split("-")
    place = int(parts[2]) if len(parts) == 4 and parts[2].isdigit() else 0
    return "-".join(parts[:2]), place


@dataclass
class Commit:
    """The changes of one batch: rows to remove (by key, from named files) and rows to add."""

    batch: str
    add: dict[str, pa.Table] = field(default_factory=dict)
    remove: dict[str, set[str]] = field(default_factory=dict)  # table -> key values to drop
    files_to_check: set[str] = field(default_factory=set)  # batch files that may hold them


@dataclass
class StagedParts:
    """Files of corpus tables written one at a time, then committed together
    (`Warehouse.commit_parts`), so a long update holds only the file it is making in memory.
    `folder` is the caller's and outside `_staging` (whose uncommitted folders `recover` takes
    for debris); `discard` removes it once the commit is applied or abandoned."""

    folder: Path
    parts: dict[str, dict[str, Path | None]] = field(default_factory=dict)

    def put(self, name: str, stem: str, rows: pa.Table | None) -> None:
        """Write file `stem` of table `name` (None: delete it), replacing one staged before."""
        path = None
        if rows is not None:
            path = self.folder / name / f"{stem}.parquet"
            write_parquet(rows.cast(TABLES[name].schema), path)
        self.parts.setdefault(name, {})[f"{stem}.parquet"] = path

    def staged(self, name: str) -> set[str]:
        """The stems of table `name` put so far."""
        return {target.removesuffix(".parquet") for target in self.parts.get(name, {})}

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Warehouse:
    root: Path
    migrations: tuple[Migration, ...] = MIGRATIONS

    def table_dir(self, name: str) -> Path:
        return self.root / name

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive across processes: one writer at a time, so concurrent runs serialise."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / LOCK).open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- reading -------------------------------------------------------------------------------

    def files_of(self, name: str) -> list[Path]:
        folder = self.table_dir(name)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.parquet") if not p.name.startswith("."))

    def read(
        self,
        name: str,
        columns: list[str] | None = None,
        where: pc.Expression | None = None,
        through: str | None = None,
    ) -> pa.Table:
        """A table (its rows matching `where`, if given), conformed to its schema: an empty
        table when it was never written. `through`: only the files of that batch and earlier
        ones (an article table's files are named by batch, and batch keys sort by time)."""
        paths = self.files_of(name)
        if through is not None:
            paths = [p for p in paths if batch_order(p.stem) <= batch_order(through)]
        parts = [self.read_file(name, p, columns, where) for p in paths]
        if not parts:
            return TABLES[name].columns_schema(columns).empty_table()
        return pa.concat_tables(parts)

    def read_file(
        self,
        name: str,
        path: Path,
        columns: list[str] | None = None,
        where: pc.Expression | None = None,
    ) -> pa.Table:
        """One file of table `name` (its rows matching `where`), conformed to the schema: for
        work that must hold one batch at a time, not the table."""
        return read_conformed(TABLES[name], path, columns, where)

    def read_parts(self, name: str) -> dict[str, pa.Table]:
        """A table's files one by one (file stem -> rows), for work that follows the batches."""
        return {p.stem: self.read_file(name, p) for p in self.files_of(name)}

    # -- batch plans ---------------------------------------------------------------------------

    def save_plan(self, batch: str, paths: Iterable[str]) -> None:
        atomic_write_text(self.root / PLANS / f"{batch}.json", json.dumps({"paths": list(paths)}))

    def load_plan(self, batch: str) -> list[str]:
        paths: list[str] = self._plan(batch)["paths"]
        return paths

    def _plan(self, batch: str) -> dict[str, Any]:
        path = self.root / PLANS / f"{batch}.json"
        if not path.exists():
            raise FileNotFoundError(
                f"no plan for batch {batch!r} at {path}; batches are planned by `make run` or "
                "the sensor, which record the files each one covers"
            )
        plan: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return plan

    def record_batch(self, batch: str, versions: str) -> None:
        """Note the stage versions a batch's run ended with (`pipeline/versions.py`)."""
        plan = self._plan(batch)
        if plan.get("versions") != versions:
            atomic_write_text(
                self.root / PLANS / f"{batch}.json", json.dumps({**plan, "versions": versions})
            )

    def batch_version(self, batch: str) -> str | None:
        """The stage versions batch `batch`'s last run ended with; None if it never ended."""
        version: str | None = self._plan(batch).get("versions")
        return version

    def batch_versions(self) -> dict[str, str]:
        """Batch -> the stage versions its last run ended with, for batches that recorded one
        (a batch planned but never run, or run by a release before versions, has none)."""
        recorded: dict[str, str] = {}
        for path in sorted((self.root / PLANS).glob("*.json")):
            versions = json.loads(path.read_text(encoding="utf-8")).get("versions")
            if versions is not None:
                recorded[path.stem] = versions
        return recorded

    # -- corpus versions -----------------------------------------------------------------------

    def corpus_versions(self) -> dict[str, str]:
        """Corpus table -> the version that last wrote it (none for a release before them)."""
        path = self.root / CORPUS_VERSIONS
        if not path.exists():
            return {}
        recorded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        return recorded

    def record_corpus_version(self, name: str, version: str) -> None:
        """Note the version that wrote corpus table `name`, once its files are in place."""
        with self.lock():
            recorded = self.corpus_versions()
            if recorded.get(name) != version:
                recorded[name] = version
                atomic_write_text(
                    self.root / CORPUS_VERSIONS, json.dumps(recorded, indent=1, sort_keys=True)
                )

    # -- writing -------------------------------------------------------------------------------

    def prepare(self) -> tuple[int, list[str]]:
        """Make the warehouse readable by this release (under `lock`): finish interrupted
        commits, then apply pending migrations. Returns (commits finished, migrations applied)."""
        return self.recover(), self.migrate()

    def migration_log(self) -> dict[str, Any]:
        """`_migrations.json`: the migrations applied (`applied`) and the schemas the files
        were last brought to (`schema`, a digest)."""
        path = self.root / MIGRATIONS_LOG
        if not path.exists():
            return {"applied": [], "schema": None}
        log: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return log

    def migrate(self) -> list[str]:
        """Bring every file to the current schemas, each step one atomic commit of the files
        and the log that records it: first each pending migration, in id order, over every
        file of its table; then, when the schemas changed since the last time, the files that
        lack a nullable column added since get it, as nulls, so a table's files share one
        schema for pandas and DuckDB too. A warehouse with no table files yet is born current.
        Returns what was done, one line a step."""
        log = self.migration_log()
        done = {m["id"] for m in log["applied"]}
        pending = sorted((m for m in self.migrations if m.id not in done), key=lambda m: m.id)
        digest = schema_digest()
        if not pending and log.get("schema") == digest:
            return []
        born = not any(self.files_of(name) for name in TABLES)
        steps: list[str] = []
        for migration in pending:
            contents: dict[str, pa.Table | None] = {}
            for path in [] if born else self.files_of(migration.table):
                changed = migration.change(pq.read_table(path))
                if wrong := schema_difference(TABLES[migration.table], changed.schema):
                    raise ValueError(f"migration {migration.id} leaves {path} with {wrong}")
                contents[path.name] = changed
            log["applied"].append(
                {"id": migration.id, "table": migration.table, "files": len(contents)}
            )
            self._write_files(
                f"migrate-{migration.id}",
                {migration.table: contents},
                state={MIGRATIONS_LOG: json.dumps(log, indent=1)},
            )
            steps.append(f"{migration.id} ({len(contents)} {migration.table} file(s))")
        widened: dict[str, dict[str, pa.Table | None]] = {}
        for name, spec in TABLES.items():
            for path in self.files_of(name):
                written = pq.read_schema(path)
                check_written(spec, path, written)
                if written.names != spec.schema.names:
                    widened.setdefault(name, {})[path.name] = read_conformed(spec, path)
        log["schema"] = digest
        self._write_files("widen", widened, state={MIGRATIONS_LOG: json.dumps(log, indent=1)})
        if count := sum(len(files) for files in widened.values()):
            steps.append(f"{count} file(s) of {', '.join(sorted(widened))} given new columns")
        return steps

    def recover(self) -> int:
        """Finish commits whose journal was written, discard the rest; count those finished."""
        staging = self.root / STAGING
        if not staging.is_dir():
            return 0
        rolled = 0
        folders = sorted(staging.iterdir())
        for folder in folders:  # every journal first: one may name files staged beside it
            journal = folder / JOURNAL
            if journal.exists():
                self._apply(json.loads(journal.read_text(encoding="utf-8")))
                rolled += 1
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        return rolled

    def commit(self, change: Commit) -> dict[str, int]:
        """Apply one batch's changes to every table atomically. Returns rows added per table."""
        files: dict[str, dict[str, pa.Table | None]] = {}
        for name, spec in TABLES.items():
            if spec.scope == "article":
                files[name] = self._new_contents(spec, change)
        if not self._write_files(change.batch, files):
            return {}
        return {name: t.num_rows for name, t in change.add.items()}

    def _write_files(
        self,
        label: str,
        files: Mapping[str, Mapping[str, pa.Table | Path | None]],
        state: Mapping[str, str] | None = None,
    ) -> bool:
        """Write, replace (a table, or a file staged already) or delete (None) files of several
        tables, and replace `state` files (name under the warehouse -> text), all or nothing:
        staged and fsync'ed, then a journal, then renamed into place. False if nothing to do."""
        folder = self.root / STAGING / f"{label}-{uuid.uuid4().hex[:8]}"
        ops: list[dict[str, str]] = []
        for name, text in (state or {}).items():
            src = folder / "_state" / name
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_text(text, encoding="utf-8")
            with src.open("rb") as fh:
                os.fsync(fh.fileno())
            ops.append({"op": "replace", "src": str(src), "dst": str(self.root / name)})
        for name, contents in files.items():
            for target, content in sorted(contents.items()):
                dst = str(self.table_dir(name) / target)
                if content is None:
                    ops.append({"op": "delete", "dst": dst})
                    continue
                if isinstance(content, Path):  # staged and fsync'ed already (`StagedParts`)
                    ops.append({"op": "replace", "src": str(content), "dst": dst})
                    continue
                src = folder / name / target
                write_parquet(content, src)
                ops.append({"op": "replace", "src": str(src), "dst": dst})
        if not ops:
            return False
        folder.mkdir(parents=True, exist_ok=True)
        _fsync_dir_tree(folder)
        with interrupts.deferred():  # once the journal is written, the commit is applied whole
            atomic_write_text(folder / JOURNAL, json.dumps({"batch": label, "ops": ops}))
            self._apply({"ops": ops})
            shutil.rmtree(folder, ignore_errors=True)
        return True

    def _new_contents(self, spec: TableSpec, change: Commit) -> dict[str, pa.Table | None]:
        """File name -> new content (None: delete it) for the files of one table that change."""
        drop = pa.array(sorted(change.remove.get(spec.name, ())), pa.string())
        added = change.add.get(spec.name)
        target = f"{change.batch}.parquet"
        out: dict[str, pa.Table | None] = {}
        for file_name in sorted({f"{b}.parquet" for b in change.files_to_check} | {target}):
            path = self.table_dir(spec.name) / file_name
            existing = read_conformed(spec, path) if path.exists() else None
            kept = existing
            if existing is not None and len(drop):
                kept = existing.filter(pc.invert(pc.is_in(existing[spec.key], drop)))
            extra = added if file_name == target and added is not None and added.num_rows else None
            unchanged = existing is None or kept is None or kept.num_rows == existing.num_rows
            if extra is None and unchanged:
                continue  # this file does not change
            parts = [t for t in (kept, extra) if t is not None and t.num_rows]
            if parts:
                out[file_name] = pa.concat_tables(parts).sort_by(spec.key)
            elif existing is not None:
                out[file_name] = None
        remaining = {p.name for p in self.files_of(spec.name)} - {
            name for name, content in out.items() if content is None
        }
        if not remaining and out.get(target) is None:
            out[target] = spec.empty()  # a table always has a file, so readers see its schema
        return out

    def _apply(self, journal: Mapping[str, list[dict[str, str]]]) -> None:
        touched: set[Path] = set()
        for op in journal["ops"]:
            dst = Path(op["dst"])
            if op["op"] == "replace":
                src = Path(op["src"])
                if src.exists():
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(src, dst)
            elif dst.exists():
                dst.unlink()
            touched.add(dst.parent)
        for parent in touched:
            if parent.exists():
                _fsync_dir(parent)

    def replace_parts(self, name: str, parts: Mapping[str, pa.Table]) -> int:
        """Make a corpus table exactly `parts` (file stem -> rows), in one atomic change.

        An unchanged part keeps its file byte for byte and parts no longer named are deleted,
        so a recomputation rewrites only what changed. Returns the number of files written or
        deleted.
        """
        with self.lock():
            return self._replace_parts(TABLES[name], parts)

    def commit_parts(self, staged: StagedParts, label: str = "corpus") -> dict[str, int]:
        """Apply the files `staged` in one atomic commit, leaving the tables' other files as
        they are: a reader sees the tables before or after, never between. A table left without
        files gets an empty one (`EMPTY_PART`), so readers see its schema, which goes when a
        real file comes. Returns the files written or deleted per table."""
        files: dict[str, dict[str, pa.Table | Path | None]] = {}
        with self.lock():
            for name, parts in staged.parts.items():
                contents: dict[str, pa.Table | Path | None] = dict(parts)
                present = {p.name for p in self.files_of(name)}
                present |= {n for n, path in parts.items() if path is not None}
                present -= {n for n, path in parts.items() if path is None}
                empty = f"{EMPTY_PART}.parquet"
                if not present:
                    contents[empty] = TABLES[name].empty()
                elif empty in present and len(present) > 1 and empty not in contents:
                    contents[empty] = None
                files[name] = contents
            if staged.folder.is_dir():
                _fsync_dir_tree(staged.folder)
            self._write_files(f"{label}-{'-'.join(sorted(files))}", files)
        return {name: len(contents) for name, contents in files.items()}

    def _replace_parts(self, spec: TableSpec, parts: Mapping[str, pa.Table]) -> int:
        name = spec.name
        parts = parts or {"part-0": spec.empty()}  # readers always find the schema
        contents: dict[str, pa.Table | None] = {}
        for stem, table in parts.items():
            table = table.cast(spec.schema)
            dst = self.table_dir(name) / f"{stem}.parquet"
            if dst.exists() and read_conformed(spec, dst).equals(table):
                continue
            contents[dst.name] = table
        wanted = {f"{stem}.parquet" for stem in parts}
        for path in self.files_of(name):
            if path.name not in wanted:
                contents[path.name] = None
        self._write_files(f"replace-{name}", {name: contents})
        return len(contents)


def _fsync_dir_tree(folder: Path) -> None:
    for path in [folder, *[p for p in folder.rglob("*") if p.is_dir()]]:
        _fsync_dir(path)
