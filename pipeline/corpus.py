"""The corpus stage's entity work without Dagster: bring `mentions`, `entities` and `quotes` up
to date with the article tables, touching only what the new or changed batch files touch.

The state lives in one SQLite file beside the tables (`_index/corpus.sqlite`): the entity index
(`pipeline/entities/index.py`), the quotation index (`pipeline/quotes/index.py`), the speakers
each quotes file names, and each article file folded in with its fingerprint (size, mtime). An
update folds the article files that are new or changed, forgets those that went, and rewrites
the `mentions` files whose names changed entity, the `quotes` files whose speakers did, and the
`entities` files of the entities that changed (an entity's row lives in the file named by the
batch file that first named it). Memory follows the batch, not the archive's files: article
files are read one at a time, the index redecides every `REDECIDE_ROWS` mention rows folded
(so a rebuild is a run of updates), and each output file is written to `_index/parts-<id>/` as
it is made. The table files change in one atomic commit of those files; the index's
transaction commits after it, so a crash between the two leaves an index that folds the same
files again, to the same result (what a crash left in `_index/parts-*` is cleared). An index
written by another version of the rules is rebuilt.

`update_entities` is what the `entity_tables` asset runs and what `benchmarks/scale.py` times.
"""

from __future__ import annotations

import functools
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from pipeline.entities import entities_table, mentions_table
from pipeline.entities.index import Change, EntityIndex
from pipeline.entities.names import fold
from pipeline.entities.places import Gazetteer, StoredNames, own_place
from pipeline.quotes.corpus import link_quotes, quotations
from pipeline.quotes.index import QuoteIndex
from pipeline.store import StagedParts, Warehouse, batch_order, table_rows
from pipeline.tables import ARTICLE_MENTIONS, ARTICLE_QUOTES, ENTITIES, MENTIONS, QUOTES

INDEX = Path("_index") / "corpus.sqlite"
MENTIONS_IN = ARTICLE_MENTIONS.name
PARTS = "parts-"  # `_index/parts-<id>/`: an update's output files until they are committed
BUSY_TIMEOUT_S = 600  # another update holds the index: wait for it
# SQLite's page cache for the index (KiB; its default is 2 MiB): the index's hot pages (common
# names, recent quotation groups) stay in memory across the update's steps
CACHE_KIB = 128 * 1024

STATE = """
CREATE TABLE IF NOT EXISTS corpus_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS corpus_files (tbl TEXT, file TEXT, fingerprint TEXT,
    PRIMARY KEY (tbl, file));
CREATE TABLE IF NOT EXISTS corpus_speakers (file TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS corpus_speakers_key ON corpus_speakers (key);
CREATE INDEX IF NOT EXISTS corpus_speakers_file ON corpus_speakers (file);
"""


@dataclass
class EntityUpdate:
    """What one update did: rows per table, files written or deleted per table, article files
    folded, and seconds per step."""

    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)
    folded: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def update_entities(
    warehouse: Warehouse,
    version: str = "",
    log: Callable[[str], None] = print,
    rebuild: bool = False,
) -> EntityUpdate:
    """Bring `mentions`, `entities` and `quotes` up to date with the article tables; `version`
    names the rules (another rebuilds the index), `rebuild` rebuilds it anyway."""
    path = warehouse.root / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)) as db:
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        db.execute("BEGIN IMMEDIATE")
        try:
            done = _update(warehouse, db, version, log, rebuild)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return done


def _update(
    warehouse: Warehouse,
    db: sqlite3.Connection,
    version: str,
    log: Callable[[str], None],
    rebuild: bool,
) -> EntityUpdate:
    done = EntityUpdate()
    clock = time.perf_counter()
    _create(db)
    stored = db.execute("SELECT value FROM corpus_meta WHERE key = 'version'").fetchone()
    rebuilt = rebuild or stored is None or stored[0] != version
    if rebuilt or not _outputs_present(warehouse, db):
        rebuilt = True
        why = (
            "asked to" if rebuild else "new index" if stored is None else "rules or tables changed"
        )
        log(f"building the entity and quotation index from scratch ({why})")
        _clear(db)
        _create(db)
        db.execute("INSERT OR REPLACE INTO corpus_meta VALUES ('version', ?)", (version,))
    places = Gazetteer(StoredNames(db))
    entities = EntityIndex(db, functools.partial(own_place, places=places), places)
    quotes = QuoteIndex(db)
    # Each output file is written as soon as it is made and committed with the others at the
    # end: the update holds one batch's rows at a time, however many files it folds.
    folder = warehouse.root / INDEX.parent
    with warehouse.lock():
        warehouse.recover()  # a commit naming files staged by an update that died is applied
    for leftover in folder.glob(f"{PARTS}*"):  # then what such an update left is debris
        shutil.rmtree(leftover, ignore_errors=True)
    outputs = (MENTIONS, ENTITIES, QUOTES)
    staged = StagedParts(folder / f"{PARTS}{uuid.uuid4().hex[:8]}", {s.name: {} for s in outputs})
    try:
        new, gone = _files_changed(warehouse, db, ARTICLE_MENTIONS.name)
        log(f"{len(new)} new or changed batch file(s) of mentions, {len(gone)} gone")
        added = _Files(warehouse, ARTICLE_MENTIONS.name, new)
        change = entities.update(added, gone)
        done.seconds["resolution"] = time.perf_counter() - clock
        clock = time.perf_counter()
        stems = {p.stem: p for p in warehouse.files_of(ARTICLE_MENTIONS.name)}
        relinked = sorted(set(new) | (entities.files_of_keys(change.names) & stems.keys()))
        for stem in relinked:
            rows = warehouse.read_file(MENTIONS_IN, stems[stem])
            linked = mentions_table(rows, entities.name_links(stem))
            staged.put(MENTIONS.name, stem, linked if linked.num_rows else None)
        for stem in sorted(gone):
            staged.put(MENTIONS.name, stem, None)
        log(
            f"{len(change.names):,} name(s) changed entity, {len(change.entities):,} entities "
            f"changed; rewriting {len(relinked) + len(gone)} mentions file(s)"
        )
        done.folded = len(new) + len(gone)
        done.seconds["mentions"] = time.perf_counter() - clock

        clock = time.perf_counter()
        new_quotes, gone_quotes = _quotes(warehouse, db, entities, quotes, change, staged)
        done.seconds["quotes"] = time.perf_counter() - clock

        clock = time.perf_counter()
        for stem in sorted(change.files):
            table = entities_table(entities, stem)
            staged.put(ENTITIES.name, stem, table if table.num_rows else None)
        if rebuilt:  # files of an older layout or of batches gone
            for spec in outputs:
                put = staged.staged(spec.name)
                for path in warehouse.files_of(spec.name):
                    if path.stem not in put:
                        staged.put(spec.name, path.stem, None)
        done.files = warehouse.commit_parts(staged)
        _record_files(db, ARTICLE_MENTIONS.name, new, gone)
        _record_files(db, ARTICLE_QUOTES.name, new_quotes, gone_quotes)
    finally:
        staged.discard()
    done.seconds["write"] = time.perf_counter() - clock
    for spec in outputs:
        done.rows[spec.name] = table_rows(warehouse.table_dir(spec.name))
        done.files.setdefault(spec.name, 0)
    return done


def _quotes(
    warehouse: Warehouse,
    db: sqlite3.Connection,
    entities: EntityIndex,
    quotes: QuoteIndex,
    change: Change,
    staged: StagedParts,
) -> tuple[dict[str, Path], set[str]]:
    """Fold the new or changed `article_quotes` files into the quotation index, one run at a
    time (the batches of one run together), and stage the `quotes` files of those and of the
    files whose speakers' entities were renamed; returns the files new or changed, and gone."""
    new, gone = _files_changed(warehouse, db, ARTICLE_QUOTES.name)
    for stem in sorted(gone | (new.keys() & _folded(db, ARTICLE_QUOTES.name))):
        quotes.forget(stem)
        db.execute("DELETE FROM corpus_speakers WHERE file = ?", (stem,))
    files = {p.stem: p for p in warehouse.files_of(ARTICLE_QUOTES.name)}
    runs: dict[str, list[str]] = {}
    for stem in new:
        runs.setdefault(batch_order(stem)[0], []).append(stem)
    for run in sorted(runs):
        rows = {stem: warehouse.read_file(ARTICLE_QUOTES.name, files[stem]) for stem in runs[run]}
        ids = quotes.assign_together({stem: quotations(r) for stem, r in rows.items()})
        for stem in sorted(rows):
            _stage_quotes(db, entities, staged, stem, rows[stem], ids.get(stem, {}), new=True)
    renamed = _files_of_speakers(db, change.renamed) & files.keys()
    for stem in sorted(renamed - new.keys()):  # a stored batch keeps its ids
        rows = warehouse.read_file(ARTICLE_QUOTES.name, files[stem])
        _stage_quotes(db, entities, staged, stem, rows, quotes.ids_of(stem), new=False)
    for stem in sorted(gone):
        staged.put(QUOTES.name, stem, None)
    return new, gone


def _stage_quotes(
    db: sqlite3.Connection,
    entities: EntityIndex,
    staged: StagedParts,
    stem: str,
    rows: pa.Table,
    ids: dict[str, str],
    new: bool,
) -> None:
    """Stage one `quotes` file: batch file `stem`'s quotations linked to their speakers'
    entities and ids; a new file's speakers are noted, so a rename finds it."""
    speakers = rows.column("speaker").drop_null().to_pylist()
    if new:
        db.executemany(
            "INSERT INTO corpus_speakers VALUES (?, ?)",
            ((stem, k) for k in sorted({fold(s) for s in speakers})),
        )
    linked = link_quotes(rows, ids, entities.entities_of_names(speakers).get)
    staged.put(QUOTES.name, stem, linked if linked.num_rows else None)


class _Files(Mapping[str, pa.Table]):
    """Batch files of an article table by stem, each read when asked for: a fold over many
    files holds one at a time."""

    def __init__(self, warehouse: Warehouse, table: str, paths: Mapping[str, Path]) -> None:
        self.warehouse, self.table, self.paths = warehouse, table, paths

    def __getitem__(self, stem: str) -> pa.Table:
        return self.warehouse.read_file(self.table, self.paths[stem])

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def _folded(db: sqlite3.Connection, table: str) -> set[str]:
    rows = db.execute("SELECT file FROM corpus_files WHERE tbl = ?", (table,))
    return {f for (f,) in rows}


def _files_changed(
    warehouse: Warehouse, db: sqlite3.Connection, table: str
) -> tuple[dict[str, Path], set[str]]:
    """An article table's files that are new or changed since folded (stem -> path), and the
    stems of those folded that went; the fingerprints seen are noted in `corpus_seen`, to be
    recorded once folded (a file that changes meanwhile is folded again next time)."""
    known = dict(db.execute("SELECT file, fingerprint FROM corpus_files WHERE tbl = ?", (table,)))
    current = {p.stem: (p, _fingerprint(p)) for p in warehouse.files_of(table)}
    new = {s: p for s, (p, seen) in current.items() if known.get(s) != seen}
    db.executemany(
        "INSERT OR REPLACE INTO temp.corpus_seen VALUES (?, ?, ?)",
        ((table, s, current[s][1]) for s in sorted(new)),
    )
    return new, set(known) - set(current)


def _record_files(
    db: sqlite3.Connection, table: str, new: dict[str, Path], gone: Iterable[str]
) -> None:
    db.execute(
        "INSERT OR REPLACE INTO corpus_files SELECT tbl, file, fingerprint FROM temp.corpus_seen "
        "WHERE tbl = ?",
        (table,),
    )
    db.executemany(
        "DELETE FROM corpus_files WHERE tbl = ? AND file = ?", ((table, s) for s in sorted(gone))
    )


def _files_of_speakers(db: sqlite3.Connection, keys: set[str]) -> set[str]:
    if not keys:
        return set()
    db.execute("CREATE TEMP TABLE IF NOT EXISTS moved (key TEXT PRIMARY KEY)")
    db.execute("DELETE FROM temp.moved")
    db.executemany("INSERT OR IGNORE INTO temp.moved VALUES (?)", ((k,) for k in keys))
    rows = db.execute("SELECT DISTINCT file FROM corpus_speakers JOIN temp.moved USING (key)")
    return {f for (f,) in rows}


def _outputs_present(warehouse: Warehouse, db: sqlite3.Connection) -> bool:
    """Whether the tables the index was written with are still there (not deleted by hand):
    a `mentions` file for every folded file with mentions, and `entities` files."""
    if not _has(db, "ent_files"):
        return False
    linked = EntityIndex(db).files(linked=True)
    if linked and not warehouse.files_of(ENTITIES.name):
        return False
    return linked <= {p.stem for p in warehouse.files_of(MENTIONS.name)}


def _has(db: sqlite3.Connection, table: str) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    return found.fetchone() is not None


def _create(db: sqlite3.Connection) -> None:
    for statement in STATE.split(";"):  # not executescript, which commits
        if statement.strip():
            db.execute(statement)
    db.execute(
        "CREATE TEMP TABLE IF NOT EXISTS corpus_seen (tbl TEXT, file TEXT, fingerprint TEXT, "
        "PRIMARY KEY (tbl, file))"
    )


def _clear(db: sqlite3.Connection) -> None:
    """Drop every table of the index (within the update's transaction)."""
    tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for name in tables:
        db.execute(f'DROP TABLE IF EXISTS "{name}"')
