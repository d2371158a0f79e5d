"""The entity index: the corpus's names, the joins between them and the entities they form,
kept in SQLite and changed by each batch file's mentions only.

Folding a batch file adds what its mentions say about each name (spellings and labels with their
counts, the articles, the written forms) and to each name's running totals and aliases, so that
reading a name costs the same however many files name it; forgetting one takes it away. A
name's evidence is that of the files that settle it (`SETTLED_MENTIONS`). The names whose
evidence a file changed are `dirty`: the blocks they fall in (`resolve.blocks`) are redecided,
then the groups of names the changed joins, the dirty names and the names the file only counted
belong to are formed again, and only their entities are rewritten (with their places, and the
places whose context they changed). So an update costs what
its names touch, not what the corpus holds, and the result does not depend on how the batch
files were grouped into updates: building from scratch is folding every file in one update.

Ids are assigned once. An entity's id is the hash of its anchor: the name it was first known by
(the earliest run that planned a batch file naming it, then a name of several words, then the
name: `_anchor_rank`). When two entities merge, the merged one keeps the older
anchor's id; when one splits, the part that holds the anchor keeps it and the other takes its
own first name. A later change of canonical name or label keeps the id. An id changes only when
the anchor's name leaves the corpus, or when an older batch file is processed again and brings
a name older than the entity's anchor (README: "Stable ids").
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.entities import resolve as rules
from pipeline.entities.names import fold
from pipeline.entities.places import (
    MISLABELLED_PLACE_LABELS,
    NOWHERE,
    Candidate,
    Gazetteer,
    Place,
    choose,
    gazetteer,
    needs_context,
    place_options,
)
from pipeline.entities.resolve import Entity, Name, OwnPlace
from pipeline.lexicon.variants import PLACE_LABELS
from pipeline.store import batch_order

# `ent_uses_evidence` holds every column a name's evidence is read from (`names`), so a name's
# uses are read from neighbouring index pages, not from table rows scattered over every batch
# file's inserts: at a million articles, read from a cold disk cache, 4.0 s -> 1.1 s a batch.
# (It replaces `ent_uses_key (key, ord)`, dropped on open.)
SCHEMA = """
CREATE TABLE IF NOT EXISTS ent_files (file TEXT PRIMARY KEY, ord TEXT NOT NULL, names INTEGER);
CREATE TABLE IF NOT EXISTS ent_uses (
    file TEXT, ord TEXT, key TEXT, name TEXT, label TEXT, n INTEGER
);
DROP INDEX IF EXISTS ent_uses_key;
CREATE INDEX IF NOT EXISTS ent_uses_evidence ON ent_uses (key, ord, name, label, n);
CREATE INDEX IF NOT EXISTS ent_uses_file ON ent_uses (file);
CREATE TABLE IF NOT EXISTS ent_posts (key TEXT, doc TEXT, file TEXT);
CREATE INDEX IF NOT EXISTS ent_posts_key ON ent_posts (key, file);
CREATE INDEX IF NOT EXISTS ent_posts_doc ON ent_posts (doc);
CREATE INDEX IF NOT EXISTS ent_posts_file ON ent_posts (file);
CREATE TABLE IF NOT EXISTS ent_forms (file TEXT, key TEXT, form TEXT);
CREATE INDEX IF NOT EXISTS ent_forms_file ON ent_forms (file);
CREATE TABLE IF NOT EXISTS ent_aliases (
    key TEXT, form TEXT, files INTEGER, PRIMARY KEY (key, form)
);
CREATE TABLE IF NOT EXISTS ent_totals (
    key TEXT PRIMARY KEY, n INTEGER, docs INTEGER, first TEXT, settled TEXT
);
CREATE TABLE IF NOT EXISTS ent_near (file TEXT, a TEXT, b TEXT, n INTEGER);
CREATE INDEX IF NOT EXISTS ent_near_file ON ent_near (file);
CREATE TABLE IF NOT EXISTS ent_pairs (a TEXT, b TEXT, n INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ent_blocks (block TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS ent_blocks_member ON ent_blocks (block, key);
CREATE INDEX IF NOT EXISTS ent_blocks_key ON ent_blocks (key);
CREATE TABLE IF NOT EXISTS ent_edges (block TEXT, a TEXT, b TEXT, rule TEXT);
CREATE INDEX IF NOT EXISTS ent_edges_block ON ent_edges (block);
CREATE INDEX IF NOT EXISTS ent_edges_a ON ent_edges (a);
CREATE INDEX IF NOT EXISTS ent_edges_b ON ent_edges (b);
CREATE TABLE IF NOT EXISTS ent_names (key TEXT PRIMARY KEY, entity TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ent_names_entity ON ent_names (entity);
CREATE TABLE IF NOT EXISTS ent_entities (
    entity_id TEXT PRIMARY KEY, anchor TEXT, first TEXT, name TEXT, label TEXT, aliases TEXT,
    n_docs INTEGER, n_mentions INTEGER, country TEXT, latitude REAL, longitude REAL,
    geonames_id INTEGER, file TEXT
);
CREATE INDEX IF NOT EXISTS ent_entities_file ON ent_entities (file);
"""

# The labels of names that may be places, and so context for one another.
CONTEXT_LABELS = PLACE_LABELS | MISLABELLED_PLACE_LABELS

# Mention rows folded between redecisions when an update folds many files (a rebuild): the
# redecision's caches hold the names those rows touch and their contexts, so memory stays
# bounded by this, not by the archive; the result is the same as folding them all at once.
REDECIDE_ROWS = 1_000_000

# A name's spellings, labels and context are its first mentions' in feed order: the batch files
# (by `file_order`) until this many mentions. Later batches add to its counts, not to its
# evidence, so a name that has settled keeps its label however the votes of later articles lean
# (a near tie would otherwise tip back and forth, moving every row that names it), and a
# rebuild, which folds the same files in the same order, settles it the same way.
SETTLED_MENTIONS = 50

# What a name's entity was before an update: key, entity id, "label\x1fname", anchor, first.
WAS = "n.key, n.entity, e.label || char(31) || e.name, e.anchor, e.first"

ENTITY_COLUMNS = (
    "entity_id, name, label, aliases, n_docs, n_mentions, country, latitude, longitude, geonames_id"
)
ENTITY_FIELDS = tuple(c.strip() for c in ENTITY_COLUMNS.split(","))


def file_order(file: str) -> str:
    """A batch file's place in time, as text that sorts like `store.batch_order`."""
    when, place = batch_order(file)
    return f"{when}|{place:012d}|{file}"


@dataclass
class Change:
    """What an update changed: names whose entity or label changed (`names`; `renamed` adds
    those whose entity's canonical name changed), entity ids whose row changed, appeared or
    went, and the `entities` files (named by the batch file that first
    named their entity) that hold them."""

    names: set[str] = field(default_factory=set)
    renamed: set[str] = field(default_factory=set)  # and those whose entity's name changed
    entities: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)

    def add(self, other: Change) -> None:
        """Take in a later step's changes: what changed in either changed (a superset of what
        differs between before the first and after the last, rewritten from the final state)."""
        self.names |= other.names
        self.renamed |= other.renamed
        self.entities |= other.entities
        self.files |= other.files


class EntityIndex:
    """The entity index on an open SQLite connection; the caller commits (one transaction per
    update, committed once the tables written from it are in place)."""

    def __init__(
        self,
        db: sqlite3.Connection,
        own_place: OwnPlace | None = None,
        places: Gazetteer | None = None,
    ) -> None:
        self.db = db
        self.own_place = own_place
        self._places = places  # the gazetteer; the process's when not given
        # key -> (entity id, label), as `name_links` read them since the last update
        self.links: dict[str, tuple[str, str]] = {}
        for statement in SCHEMA.split(";"):  # not executescript, which commits
            if statement.strip():
                db.execute(statement)

    # -- what has been folded ------------------------------------------------------------------

    def files(self, linked: bool = False) -> set[str]:
        """The batch files folded in (`linked`: those with some mention to link)."""
        where = " WHERE names > 0" if linked else ""
        return {f for (f,) in self.db.execute(f"SELECT file FROM ent_files{where}")}

    def keys_of_file(self, file: str) -> set[str]:
        return {
            k
            for (k,) in self.db.execute("SELECT DISTINCT key FROM ent_uses WHERE file = ?", (file,))
        }

    def files_of_keys(self, keys: Iterable[str]) -> set[str]:
        with self._keys(keys) as table:
            rows = self.db.execute(
                f"SELECT DISTINCT file FROM {table} CROSS JOIN ent_uses USING (key)"
            )
            return {f for (f,) in rows}

    # -- the update ----------------------------------------------------------------------------

    def update(self, added: Mapping[str, pa.Table], removed: Iterable[str] = ()) -> Change:
        """Forget batch files `removed` (and files of `added` folded before), fold `added`
        (file -> its article_mentions rows), and redecide what they touch."""
        self.links.clear()
        dirty: set[str] = set()  # names whose evidence changed
        counted: set[str] = set()  # names whose counts alone changed
        gone = sorted({*removed, *(f for f in added if f in self.files())})
        for file in gone:
            dirty |= self._forget(file)
        # the files folded since the entities were last written; None once a file is forgotten
        folded: set[str] | None = None if gone else set()
        change, rows = Change(), 0
        for file in sorted(added):  # one file's rows at a time: `added` may read them lazily
            mentions = added[file]
            named, moved = self._fold(file, mentions)
            dirty |= moved
            counted |= named
            if folded is not None:
                folded.add(file)
            rows += mentions.num_rows
            if rows >= REDECIDE_ROWS:  # many files (a rebuild): redecide as updates would
                change.add(_Update(self, folded).run(dirty, counted))
                dirty, counted, rows, folded = set(), set(), 0, set()
        change.add(_Update(self, folded).run(dirty, counted))
        return change

    def _forget(self, file: str) -> set[str]:
        keys = self.keys_of_file(file)
        self._count(file, -1)
        for table in ("ent_uses", "ent_posts", "ent_forms", "ent_near", "ent_files"):
            self.db.execute(f"DELETE FROM {table} WHERE file = ?", (file,))
        self.db.execute("DELETE FROM ent_aliases WHERE files <= 0")
        self.db.execute("DELETE FROM ent_pairs WHERE n <= 0")
        self.db.execute("DELETE FROM ent_totals WHERE n <= 0")
        self._settle(keys)
        return keys

    def _count(self, file: str, sign: int) -> None:
        """Add (`sign` 1) or take away (-1) batch file `file`'s rows from each name's totals
        and aliases, and from the articles each pair of place names shares: what a name reads,
        kept as it changes rather than summed over every file that names it (a name of every
        batch would cost more with each)."""
        order = file_order(file)
        self.db.execute(
            "INSERT INTO ent_totals (key, n, docs, first) "
            "SELECT u.key, ? * u.n, ? * COALESCE(p.docs, 0), ? FROM "
            "(SELECT key, SUM(n) AS n FROM ent_uses WHERE file = ? GROUP BY key) u "
            "LEFT JOIN (SELECT key, COUNT(*) AS docs FROM ent_posts WHERE file = ? GROUP BY key) p "
            "USING (key) WHERE true "
            "ON CONFLICT (key) DO UPDATE SET n = n + excluded.n, docs = docs + excluded.docs, "
            "first = MIN(first, excluded.first)",
            (sign, sign, order, file, file),
        )
        self.db.execute(
            "INSERT INTO ent_aliases SELECT key, form, ? FROM "
            "(SELECT DISTINCT key, form FROM ent_forms WHERE file = ?) WHERE true "
            "ON CONFLICT (key, form) DO UPDATE SET files = files + excluded.files",
            (sign, file),
        )
        self.db.execute(
            "INSERT INTO ent_pairs SELECT a, b, ? * n FROM ent_near WHERE file = ? AND true "
            "ON CONFLICT (a, b) DO UPDATE SET n = n + excluded.n",
            (sign, file),
        )

    def _settle(self, keys: Iterable[str]) -> None:
        """Note, for each name of `keys`, its first use and the batch file that settles it: the
        first in feed order where its mentions reach `SETTLED_MENTIONS` (none while fewer)."""
        with self._keys(keys) as table:
            self.db.execute(
                f"UPDATE ent_totals SET first = (SELECT MIN(ord) FROM ent_uses u "
                f"WHERE u.key = ent_totals.key), settled = (WITH per AS (SELECT ord, SUM(n) AS n "
                "FROM ent_uses u WHERE u.key = ent_totals.key GROUP BY ord) "
                "SELECT MIN(ord) FROM (SELECT ord, SUM(n) OVER (ORDER BY ord ROWS UNBOUNDED "
                "PRECEDING) AS upto FROM per) WHERE upto >= ?) "
                f"WHERE key IN (SELECT key FROM {table})",
                (SETTLED_MENTIONS,),
            )

    def _fold(self, file: str, mentions: pa.Table) -> tuple[set[str], set[str]]:
        """Fold a batch file in: the names it uses, and those of them whose evidence it
        changed (those not settled by an earlier file; the others gain counts only)."""
        names = pc.unique(mentions["name"]).to_pylist()
        key_of = {n: k for n in names if (k := fold(n))}
        self.db.execute(
            "INSERT INTO ent_files VALUES (?, ?, ?)", (file, file_order(file), len(key_of))
        )
        if not key_of:
            return set(), set()
        uses = mentions.group_by(["name", "label"], use_threads=False).aggregate(
            [("doc_id", "count")]
        )
        order = file_order(file)
        self.db.executemany(
            "INSERT INTO ent_uses VALUES (?, ?, ?, ?, ?, ?)",
            (
                (file, order, key_of[n], n, lab, c)
                for n, lab, c in zip(
                    *(uses[c].to_pylist() for c in ("name", "label", "doc_id_count")), strict=True
                )
                if n in key_of
            ),
        )
        docs = mentions.group_by(["name", "doc_id"], use_threads=False).aggregate([])
        posts = {
            (key_of[n], d)
            for n, d in zip(docs["name"].to_pylist(), docs["doc_id"].to_pylist(), strict=True)
            if n in key_of
        }
        self.db.executemany(
            "INSERT INTO ent_posts VALUES (?, ?, ?)", ((k, d, file) for k, d in sorted(posts))
        )
        if self.own_place is not None:
            self._near(file, posts, uses, key_of)
        written = mentions.group_by(["name", "text", "title"], use_threads=False).aggregate([])
        forms = {
            (key_of[n], form)
            for n, text, title in zip(
                *(written[c].to_pylist() for c in ("name", "text", "title")), strict=True
            )
            if n in key_of
            for form in rules.written_forms(text, title)
        }
        self.db.executemany(
            "INSERT INTO ent_forms VALUES (?, ?, ?)", ((file, k, f) for k, f in sorted(forms))
        )
        self._count(file, 1)
        keys = set(key_of.values())
        with self._keys(keys) as table:  # those settled by a later file, or not yet settled
            unsettled = self.db.execute(
                f"SELECT key FROM {table} CROSS JOIN ent_totals USING (key) "
                "WHERE settled IS NULL OR settled > ?",
                (order,),
            ).fetchall()
        moved = {k for (k,) in unsettled}
        self._settle(moved)
        return keys, moved

    def _near(
        self, file: str, posts: set[tuple[str, str]], uses: pa.Table, key_of: Mapping[str, str]
    ) -> None:
        """Count, per pair of names that may be places, the file's articles that name both:
        the context that settles a place (`_Update._place`)."""
        places = {
            key_of[n]
            for n, label in zip(uses["name"].to_pylist(), uses["label"].to_pylist(), strict=True)
            if n in key_of and label in CONTEXT_LABELS and self.places.candidates([n])
        }
        in_doc: dict[str, list[str]] = {}
        for key, doc in posts:
            if key in places:
                in_doc.setdefault(doc, []).append(key)
        pairs: Counter[tuple[str, str]] = Counter()
        for keys in in_doc.values():
            pairs.update((a, b) for a in keys for b in keys if a != b)
        self.db.executemany(
            "INSERT INTO ent_near VALUES (?, ?, ?, ?)",
            ((file, a, b, n) for (a, b), n in sorted(pairs.items())),
        )

    # -- reading -------------------------------------------------------------------------------

    def names(self, keys: Iterable[str]) -> dict[str, Name]:
        """The names of `keys` that some folded file still uses."""
        found: dict[str, Name] = {}
        with self._keys(keys) as table:
            for key, n, n_docs, first in self.db.execute(
                f"SELECT key, n, docs, first FROM {table} CROSS JOIN ent_totals USING (key)"
            ):
                found[key] = Name(key, n_docs=n_docs, n_mentions=n, first=first)
            for key, spelling, label, n in self.db.execute(
                f"SELECT key, name, label, SUM(n) FROM {_settled(table)} GROUP BY key, name, label"
            ):
                found[key].spellings[spelling] += n
                found[key].labels[label] += n
            for key, form in self.db.execute(
                f"SELECT key, form FROM {table} CROSS JOIN ent_aliases USING (key)"
            ):
                found[key].aliases.add(form)
        return found

    def entity_records(self, file: str | None = None) -> list[tuple[object, ...]]:
        """The `entities` rows as stored (`ENTITY_COLUMNS`, aliases as JSON) of every entity or
        of one file's (the entities batch file `file` named first), most mentioned first."""
        where, params = ("WHERE file = ?", (file,)) if file is not None else ("", ())
        order = "ORDER BY n_mentions DESC, name, label"
        query = f"SELECT {ENTITY_COLUMNS} FROM ent_entities {where} {order}"
        return self.db.execute(query, params).fetchall()

    def entity_columns(self, file: str | None = None) -> dict[str, list[object]]:
        """`entity_records` column by column (`ENTITY_FIELDS`), aliases decoded: what the
        `entities` table is built from."""
        records = self.entity_records(file)
        columns = {name: [r[i] for r in records] for i, name in enumerate(ENTITY_FIELDS)}
        columns["aliases"] = [_aliases(a) for a in columns["aliases"]]
        return columns

    def entity_rows(self, ids: Iterable[str]) -> list[dict[str, object]]:
        """The rows of the entities `ids`, as dicts."""
        with self._keys(ids) as table:
            cursor = self.db.execute(
                f"SELECT {ENTITY_COLUMNS} FROM {table} CROSS JOIN ent_entities ON key = entity_id"
            )
            return [_entity_row(r) for r in cursor]

    def entities(self) -> list[Entity]:
        """Every entity, most mentioned first."""
        return [_entity(r) for r in self.entity_records()]

    def entity_row(self, eid: str) -> dict[str, object] | None:
        row = self.db.execute(
            f"SELECT {ENTITY_COLUMNS} FROM ent_entities WHERE entity_id = ?", (eid,)
        ).fetchone()
        return None if row is None else _entity_row(row)

    def entities_of_names(self, names: Iterable[str]) -> dict[str, Entity]:
        """Each article-level name's entity (names no entity holds are left out)."""
        key_of = {n: k for n in set(names) if (k := fold(n))}
        with self._keys(key_of.values()) as table:
            found = {
                row[0]: _entity(row[1:])
                for row in self.db.execute(
                    f"SELECT n.key, {ENTITY_COLUMNS} FROM {table} "
                    "CROSS JOIN ent_names n USING (key) "
                    "JOIN ent_entities e ON e.entity_id = n.entity"
                )
            }
        return {n: found[k] for n, k in key_of.items() if k in found}

    def name_links(self, file: str) -> pa.Table:
        """(name, entity_id, label) for every name batch file `file` uses.

        Each key's entity is read once per update, for the files linked after it: the names
        most files share (a popular name is in every file) cost one lookup, not one per file."""
        uses = self.db.execute(
            "SELECT DISTINCT name, key FROM ent_uses WHERE file = ?", (file,)
        ).fetchall()
        wanted = {k for _, k in uses if k not in self.links}
        if wanted:
            with self._keys(wanted) as table:
                self.links.update(
                    (key, (eid, label))
                    for key, eid, label in self.db.execute(
                        f"SELECT n.key, e.entity_id, e.label FROM {table} t "
                        "CROSS JOIN ent_names n ON n.key = t.key "
                        "JOIN ent_entities e ON e.entity_id = n.entity"
                    )
                )
        rows = sorted((name, *self.links[key]) for name, key in uses if key in self.links)
        return pa.table(
            {c: [r[i] for r in rows] for i, c in enumerate(("name", "entity_id", "entity_label"))},
            schema=pa.schema([(c, pa.string()) for c in ("name", "entity_id", "entity_label")]),
        )

    def _keys(self, keys: Iterable[str]) -> _TempKeys:
        return _TempKeys(self.db, keys)

    @property
    def places(self) -> Gazetteer:
        return self._places or gazetteer()


def _settled(table: str) -> str:
    """SQL for the uses of each name of `table` (a table of keys) in the batch files that settle
    it (`ent_totals.settled`; all while it is not settled), read by the index in feed order."""
    return (
        f"(SELECT t.key, u.file, u.name, u.label, u.n FROM {table} t "
        "CROSS JOIN ent_totals s ON s.key = t.key "
        "CROSS JOIN ent_uses u ON u.key = t.key AND u.ord <= COALESCE(s.settled, char(1114111)))"
    )


class _TempKeys:
    """A temporary one-column table of keys to join on, dropped on exit."""

    count = 0

    def __init__(self, db: sqlite3.Connection, keys: Iterable[str]) -> None:
        _TempKeys.count += 1
        self.db, self.name = db, f"temp.want{_TempKeys.count}"
        db.execute(f"CREATE TABLE {self.name} (key TEXT PRIMARY KEY)")
        db.executemany(f"INSERT OR IGNORE INTO {self.name} VALUES (?)", ((k,) for k in keys))

    def __enter__(self) -> str:
        return self.name

    def __exit__(self, *_: object) -> None:
        self.db.execute(f"DROP TABLE {self.name}")


def _entity(row: Iterable[object]) -> Entity:
    r = _entity_row(tuple(row))
    return Entity(
        entity_id=str(r["entity_id"]),
        name=str(r["name"]),
        label=str(r["label"]),
        aliases=tuple(r["aliases"]),  # type: ignore[arg-type]
        n_docs=int(r["n_docs"]),  # type: ignore[call-overload]
        n_mentions=int(r["n_mentions"]),  # type: ignore[call-overload]
    )


def _entity_row(row: tuple[object, ...]) -> dict[str, object]:
    out = dict(zip(ENTITY_FIELDS, row, strict=True))
    out["aliases"] = _aliases(out["aliases"])
    return out


def _aliases(stored: object) -> list[str]:
    """An entity's aliases as the index stores them (a JSON list)."""
    aliases: list[str] = json.loads(str(stored))
    return aliases


class _Update:
    """One update's redecisions, over the names `dirty` and what they reach."""

    def __init__(self, index: EntityIndex, folded: set[str] | None = None) -> None:
        self.index = index
        self.db = index.db
        self.folded = folded  # the files folded since the entities' rows were written
        self.loaded: dict[str, Name] = {}
        self.docs_cache: dict[str, set[str]] = {}
        self.context_cache: dict[str, set[str]] = {}
        self.person_cache: dict[str, str] = {}
        self.blocks: dict[str, set[str]] = {}

    # the resolve.Context the rules ask

    def docs(self, key: str) -> set[str]:
        if key not in self.docs_cache:
            with self.index._keys([key]) as table:
                rows = self.db.execute(
                    f"SELECT doc FROM (SELECT DISTINCT key, file FROM {_settled(table)}) s "
                    "CROSS JOIN ent_posts p ON p.key = s.key AND p.file = s.file"
                )
                self.docs_cache[key] = {d for (d,) in rows}
        return self.docs_cache[key]

    def among(self, key: str, docs: set[str]) -> set[str]:
        with self.index._keys(docs) as table:
            rows = self.db.execute(
                f"SELECT t.key FROM {table} t CROSS JOIN ent_posts p ON p.doc = t.key "
                "WHERE p.key = ?",
                (key,),
            )
            return {d for (d,) in rows}

    def _beside(self, key: str) -> set[str]:
        """The names named beside `key` in the articles of the files that settle it: a name's
        context, like its label, is its first mentions', so it neither grows with the archive
        nor tips a join back and forth as later articles come."""
        if key not in self.context_cache:
            with self.index._keys(self.docs(key)) as table:
                rows = self.db.execute(
                    f"SELECT DISTINCT p.key FROM {table} t CROSS JOIN ent_posts p ON p.doc = t.key"
                )
                self.context_cache[key] = {k for (k,) in rows} - {key}
        return self.context_cache[key]

    def shared(self, a: str, b: str) -> int:
        return len((self._beside(a) & self._beside(b)) - {a, b})

    def person(self, key: str) -> str:
        """The least key of `key`'s group under the acronym and people joins."""
        if key not in self.person_cache:
            (group,) = self._groups({key}, (rules.ACRONYM, rules.PEOPLE))
            least = min(group)
            self.person_cache.update(dict.fromkeys(group, least))
        return self.person_cache[key]

    # the steps

    def _names(self, keys: Iterable[str]) -> dict[str, Name]:
        keys = set(keys)
        wanted = {k for k in keys if k not in self.loaded}
        if wanted:
            self.loaded.update(self.index.names(wanted))
        return {k: self.loaded[k] for k in keys if k in self.loaded}

    def _members(self, block: str) -> dict[str, Name]:
        if block not in self.blocks:
            self._load_blocks([block])
        return self._names(self.blocks[block])

    def _load_blocks(self, blocks: Iterable[str]) -> None:
        """Read the members of `blocks`, and their names, in one query each."""
        wanted = {b for b in blocks if b not in self.blocks}
        with self.index._keys(wanted) as table:
            rows = self.db.execute(
                f"SELECT block, e.key FROM {table} t CROSS JOIN ent_blocks e ON t.key = e.block"
            )
            found: dict[str, set[str]] = {b: set() for b in wanted}
            for block, key in rows:
                found[block].add(key)
        self.blocks.update(found)
        self._names(set().union(*found.values()) if found else set())

    def run(self, dirty: set[str], counted: Iterable[str] = ()) -> Change:
        """Redecide the blocks of the names `dirty`, whose evidence changed, and form again
        the entities of those and of the names `counted`, whose counts alone changed: a name's
        joins follow from its evidence and its blocks' (`resolve.Context` reads settled
        evidence only), so those of a name settled before the batch cannot change with it."""
        seeds = dirty | set(counted)
        if not seeds:
            return Change()
        names = self._names(dirty)
        dirty_blocks: set[str] = set()
        with self.index._keys(dirty) as table:
            old = self.db.execute(
                f"SELECT DISTINCT block FROM {table} CROSS JOIN ent_blocks USING (key)"
            )
            dirty_blocks |= {b for (b,) in old}
            self.db.execute(f"DELETE FROM ent_blocks WHERE key IN (SELECT key FROM {table})")
        placed_in: list[tuple[str, str]] = []
        for key, name in sorted(names.items()):
            found = rules.blocks(name, self.index.own_place)
            dirty_blocks |= found
            placed_in += ((b, key) for b in sorted(found))
        self.db.executemany("INSERT INTO ent_blocks VALUES (?, ?)", placed_in)
        # rules 1, 2 and 4 within their blocks; then rule 3, which counts people by rules 1-2
        within = {b for b in dirty_blocks if not b.startswith("S:")}
        idle = self._idle({b for b in within if b.startswith("A:")})
        self._load_blocks(within - idle)
        touched = self._redecide(
            {
                block: [] if block in idle else rules.block_edges(block, self._members(block), self)
                for block in sorted(within)
            }
        )
        self.person_cache.clear()
        if touched:  # a person's group changed: the surnames that count people redecide
            with self.index._keys(touched) as table:
                rows = self.db.execute(
                    f"SELECT DISTINCT block FROM {table} CROSS JOIN ent_blocks USING (key) "
                    "WHERE block LIKE 'S:%'"
                )
                dirty_blocks |= {b for (b,) in rows}
        bare: set[str] = set()
        surnames = {b for b in dirty_blocks if b.startswith("S:")}
        self._load_blocks(surnames)
        for block in sorted(surnames):
            bare |= {k for k, n in self._members(block).items() if n.bare_surname}
        gone_bare = {k for k in dirty if k not in names or not names[k].bare_surname}
        self._load_blocks(b for k in bare for b in rules.surname_blocks(k))
        self._load_people(bare)
        decided: dict[str, list[rules.Edge]] = {}
        for key in sorted(bare | gone_bare):
            current = self._names({key}).get(key)
            edges: list[rules.Edge] = []
            if current is not None and current.bare_surname:
                members: dict[str, Name] = {}
                for block in sorted(rules.surname_blocks(key)):
                    members.update(self._members(block))
                edges = rules.surname_edges(current, members, self)
            decided[f"B:{key}"] = edges
        touched |= self._redecide(decided)
        return self._regroup(seeds | touched)

    def _idle(self, blocks: set[str]) -> set[str]:
        """The acronym blocks (`A:letters`) where rule 1 can join nothing, found without reading
        their members (every organisation of those initials, a number that grows with the
        archive): those that hold no name keyed `letters`, or not exactly one name of several
        words. A block's members are placed by their current spellings and label (a name whose
        evidence changes is dirty and placed again before any block is decided), so each
        several-word member is one `_acronym_edges` would count."""
        with self.index._keys(blocks) as table:
            rows = self.db.execute(
                f"SELECT t.key FROM {table} t WHERE EXISTS (SELECT 1 FROM ent_blocks e "
                "WHERE e.block = t.key AND e.key = substr(t.key, 3)) AND (SELECT COUNT(*) FROM "
                "(SELECT 1 FROM ent_blocks e WHERE e.block = t.key AND instr(e.key, ' ') > 0 "
                "LIMIT 2)) = 1"
            )
            return blocks - {b for (b,) in rows}

    def _load_people(self, bare: set[str]) -> None:
        """The person groups (`person`) of every full name the surnames `bare` may join, found
        together: a walk over the joins a level at a time, not a query per name."""
        full = {
            k
            for key in bare
            for block in rules.surname_blocks(key)
            for k in self.blocks.get(block, ())
            if k not in self.person_cache
        }
        for group in self._groups(full, (rules.ACRONYM, rules.PEOPLE)):
            least = min(group)
            self.person_cache.update(dict.fromkeys(group, least))

    def _redecide(self, decided: Mapping[str, list[rules.Edge]]) -> set[str]:
        """Replace each block's joins by its edges in `decided`; the names of joins that
        changed. One read and one write for all the blocks."""
        old: dict[str, set[rules.Edge]] = {}
        with self.index._keys(decided) as table:
            for block, a, b, rule in self.db.execute(
                f"SELECT e.block, a, b, rule FROM {table} t CROSS JOIN ent_edges e "
                "ON e.block = t.key"
            ):
                old.setdefault(block, set()).add((a, b, rule))
        changed = {b: set(e) for b, e in decided.items() if old.get(b, set()) != set(e)}
        if not changed:
            return set()
        with self.index._keys(changed) as table:
            self.db.execute(f"DELETE FROM ent_edges WHERE block IN (SELECT key FROM {table})")
        self.db.executemany(
            "INSERT INTO ent_edges VALUES (?, ?, ?, ?)",
            ((block, *e) for block in sorted(changed) for e in sorted(changed[block])),
        )
        return {
            k
            for block, new in changed.items()
            for a, b, _ in old.get(block, set()) ^ new
            for k in (a, b)
        }

    def _groups(self, start: set[str], kinds: tuple[str, ...] | None = None) -> list[set[str]]:
        """The groups the joins (of `kinds`, or all) make of `start` and the keys they reach,
        sorted by their least key: the joins are read a level of the walk at a time."""
        only = f" AND rule IN ({','.join('?' * len(kinds))})" if kinds else ""
        params = tuple(kinds or ())
        seen, frontier = set(start), set(start)
        parent: dict[str, str] = {}

        def root(key: str) -> str:
            while parent.get(key, key) != key:
                parent[key] = key = parent.get(parent[key], parent[key])
            return key

        while frontier:
            with self.index._keys(frontier) as table:
                rows = self.db.execute(
                    f"SELECT a, b FROM {table} t CROSS JOIN ent_edges e ON e.a = t.key{only} "
                    f"UNION SELECT a, b FROM {table} t CROSS JOIN ent_edges e ON e.b = t.key{only}",
                    params * 2,
                ).fetchall()
            frontier = {k for row in rows for k in row} - seen
            seen |= frontier
            for a, b in rows:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        found: dict[str, set[str]] = {}
        for key in seen:
            found.setdefault(root(key), set()).add(key)
        return sorted(found.values(), key=min)

    def _regroup(self, seeds: set[str]) -> Change:
        """Form again the groups of `seeds` and of the entities they were in, and rewrite
        their entities."""
        rows = self._was(seeds, whole=True)
        old_ids = {r[1] for r in rows}
        whole: dict[str, set[str]] = {}  # the names of each entity as it was
        for key, eid, *_ in rows:
            whole.setdefault(eid, set()).add(key)
        before = {key: (eid, *called.split("\x1f", 1)) for key, eid, called, _, _ in rows}
        anchors = {anchor: (first, eid) for _, eid, _, anchor, first in rows}
        old_rows = {str(r["entity_id"]): r for r in self.index.entity_rows(old_ids)}
        old_file = self._files_of_entities(old_ids)
        groups = self._groups(set(seeds) | before.keys())
        everything = set().union(*groups) if groups else set()
        names = self._names(everything)
        # any name reached that was in another entity brings that entity's anchor
        extra = everything - before.keys()
        if extra:
            for key, eid, called, anchor, first in self._was(extra):
                before[key] = (eid, *called.split("\x1f", 1))
                anchors[anchor] = (first, eid)
                old_ids.add(eid)
            missing = old_ids - old_rows.keys()
            old_rows |= {str(r["entity_id"]): r for r in self.index.entity_rows(missing)}
            old_file |= self._files_of_entities(missing)
        joined_by = self._rules(everything)
        change = Change()
        new_rows: dict[str, Entity] = {}
        members: dict[str, set[str]] = {}
        linked: list[tuple[str, str]] = []
        written: list[tuple[object, ...]] = []
        for group in groups:
            present = {k: names[k] for k in group if k in names}
            if not present:
                continue
            kept = [k for k in present if k in anchors]
            anchor = min(kept or present, key=lambda k: _anchor_rank(present[k]))
            group_rules = set().union(*(joined_by.get(k, set()) for k in present))
            old = before.get(anchor, ("",))[0]  # its anchor's entity, when of these names only
            was = old_rows.get(old, {}).get("n_docs") if whole.get(old) == present.keys() else None
            n_docs = self._n_docs(present, was if isinstance(was, int) else None)
            entity = rules.make_entity(present.values(), group_rules, anchor, n_docs)
            new_rows[entity.entity_id] = entity
            members[entity.entity_id] = set(present)
            linked += ((k, entity.entity_id) for k in sorted(present))
            change.names |= {
                k
                for k in present
                if before.get(k, ("", ""))[:2] != (entity.entity_id, entity.label)
            }
            change.renamed |= {
                k for k in present if before.get(k) != (entity.entity_id, entity.label, entity.name)
            }
            written.append(
                (
                    entity.entity_id,
                    anchor,
                    present[anchor].first,
                    entity.name,
                    entity.label,
                    json.dumps(list(entity.aliases)),
                    entity.n_docs,
                    entity.n_mentions,
                    None,
                    None,
                    None,
                    None,
                    present[anchor].first.rsplit("|", 1)[-1],
                )
            )
        self.db.executemany("INSERT OR REPLACE INTO ent_names VALUES (?, ?)", linked)
        self.db.executemany(
            f"INSERT OR REPLACE INTO ent_entities VALUES ({', '.join('?' * 13)})", written
        )
        gone_names = everything - names.keys()
        if gone_names:
            with self.index._keys(gone_names) as table:
                self.db.execute(f"DELETE FROM ent_names WHERE key IN (SELECT key FROM {table})")
        for eid in old_ids - new_rows.keys():
            self.db.execute("DELETE FROM ent_entities WHERE entity_id = ?", (eid,))
        change.entities = old_ids | new_rows.keys()
        old_members: dict[str, set[str]] = {}
        for key, (eid, *_called) in before.items():
            old_members.setdefault(eid, set()).add(key)
        relocated: set[str] = set()
        if self.index.own_place is not None:
            relocated = self._place(new_rows, old_rows, members, old_members)
        # an entity whose row did not change is not a change
        for row in self.index.entity_rows(new_rows.keys()):
            if old_rows.get(str(row["entity_id"])) == row:
                change.entities.discard(str(row["entity_id"]))
        change.entities |= relocated
        change.files = {old_file[e] for e in change.entities if e in old_file}
        with self.index._keys(change.entities) as table:
            files = self.db.execute(
                f"SELECT file FROM {table} CROSS JOIN ent_entities ON key = entity_id"
            )
            change.files |= {f for (f,) in files}
        return change

    def _was(self, keys: Iterable[str], whole: bool = False) -> list[tuple[str, ...]]:
        """What names `keys` (`whole`: every name of their entities) were before the update,
        as `WAS` says."""
        with self.index._keys(keys) as table:
            named = f"SELECT n0.entity FROM {table} t CROSS JOIN ent_names n0 ON n0.key = t.key"
            where = f"n.entity IN ({named})" if whole else f"n.key IN (SELECT key FROM {table})"
            return self.db.execute(
                f"SELECT {WAS} FROM ent_names n JOIN ent_entities e ON e.entity_id = n.entity "
                f"WHERE {where}"
            ).fetchall()

    def _files_of_entities(self, ids: Iterable[str]) -> dict[str, str]:
        with self.index._keys(ids) as table:
            rows = self.db.execute(
                f"SELECT entity_id, file FROM {table} CROSS JOIN ent_entities ON key = entity_id"
            )
            return dict(rows.fetchall())

    def _rules(self, keys: set[str]) -> dict[str, set[str]]:
        """Each key of `keys` -> the rules of the joins it is in."""
        found: dict[str, set[str]] = {}
        with self.index._keys(keys) as table:
            for key, rule in self.db.execute(
                f"SELECT t.key, rule FROM {table} t CROSS JOIN ent_edges e ON t.key = e.a"
            ):
                found.setdefault(key, set()).add(rule)
        return found

    def _n_docs(self, names: Mapping[str, Name], was: int | None = None) -> int:
        """The articles that use any of `names`: a name's own count, else `was` (what the
        entity of just these names counted before the update) plus the articles of the files
        folded since, else counted over all their articles. (An article is in one batch file,
        so a new file's articles are new.)"""
        if len(names) == 1:
            return next(iter(names.values())).n_docs
        since = 0
        params: tuple[str, ...] = ()
        with self.index._keys(names) as table:
            query = f"SELECT COUNT(DISTINCT doc) FROM {table} CROSS JOIN ent_posts p USING (key)"
            if was is not None and self.folded is not None:
                query += " WHERE p.file IN (SELECT value FROM json_each(?))"
                since, params = was, (json.dumps(sorted(self.folded)),)
            (n,) = self.db.execute(query, params).fetchone()
        return since + int(n)

    # places

    def _place(
        self,
        new: Mapping[str, Entity],
        old: Mapping[str, Mapping[str, object]],
        members: Mapping[str, set[str]],
        old_members: Mapping[str, set[str]],
    ) -> set[str]:
        """Geocode the new entities, and again those whose context changed: those named beside
        an entity whose place alone or whose names changed (a merge, a split). Returns the
        entities whose place changed."""
        moved: set[str] = set()
        places = self.index.places
        for eid in sorted(new.keys() | old.keys()):
            after = new.get(eid)
            before = old.get(eid)
            alone_after = (
                _alone(after.label, [after.name, *after.aliases], places) if after else None
            )
            alone_before = (
                _alone(str(before["label"]), [str(before["name"]), *before["aliases"]], places)  # type: ignore[misc]
                if before
                else None
            )
            differs = alone_after != alone_before or members.get(eid) != old_members.get(eid)
            if differs and (alone_after or alone_before):
                moved |= members.get(eid, set()) | old_members.get(eid, set())
        again = set(new) | (self._beside_keys(moved) if moved else set())
        options_cache: dict[str, list[Candidate]] = {}
        rows = {str(r["entity_id"]): r for r in self.index.entity_rows(again)}
        changed: set[str] = set()
        for eid, row in sorted(rows.items()):
            options = self._options(eid, row, options_cache)
            place = NOWHERE
            if options:
                context: list[tuple[Candidate, int]] = []
                if needs_context(options):
                    for other, n in self._shared_articles(eid):
                        other_row = self.index.entity_row(other)
                        if other_row and (
                            alone := choose(self._options(other, other_row, options_cache) or [])
                        ):
                            context.append((alone, n))
                found = choose(options, context)
                place = found.place if found else NOWHERE
            if place == _place_of(row):
                continue
            changed.add(eid)
            self.db.execute(
                "UPDATE ent_entities SET country = ?, latitude = ?, longitude = ?, geonames_id = ? "
                "WHERE entity_id = ?",
                (place.country, place.latitude, place.longitude, place.geonames_id, eid),
            )
        return changed

    def _options(
        self, eid: str, row: Mapping[str, object], cache: dict[str, list[Candidate]]
    ) -> list[Candidate]:
        if eid not in cache:
            names = [str(row["name"]), *row["aliases"]]  # type: ignore[misc]
            cache[eid] = place_options(str(row["label"]), names, self.index.places)
        return cache[eid]

    def _shared_articles(self, eid: str) -> list[tuple[str, int]]:
        """The other entities that may be places named in entity `eid`'s articles, each with
        the articles they share (counted per pair of their names)."""
        rows = self.db.execute(
            "SELECT n2.entity, SUM(near.n) FROM ent_names n1 "
            "JOIN ent_pairs near ON near.a = n1.key JOIN ent_names n2 ON n2.key = near.b "
            "WHERE n1.entity = ? AND n2.entity != ? GROUP BY n2.entity ORDER BY n2.entity",
            (eid, eid),
        )
        return [(other, int(n)) for other, n in rows]

    def _beside_keys(self, keys: Iterable[str]) -> set[str]:
        """The entities that may be places named in the articles that use names `keys`."""
        with self.index._keys(keys) as table:
            rows = self.db.execute(
                f"SELECT DISTINCT n2.entity FROM {table} t "
                "CROSS JOIN ent_pairs near ON near.a = t.key "
                "JOIN ent_names n2 ON n2.key = near.b"
            )
            return {e for (e,) in rows}


def _anchor_rank(name: Name) -> tuple[str, bool, str]:
    """Which name anchors a new entity: the first known (the run that planned a batch file says
    when a name came; the batches of one run are equally early, as older releases did not keep
    their order), then one of several words, which a split leaves with its entity more often
    than a bare surname or an acronym does, then the name."""
    return name.first.split("|")[0], name.words == 1, name.key


def _place_of(row: Mapping[str, object]) -> Place:
    return Place(*(row[c] for c in ("country", "latitude", "longitude", "geonames_id")))  # type: ignore[arg-type]


def _alone(label: str, names: list[str], places: Gazetteer) -> Candidate | None:
    """The place an entity's names give it without context."""
    options = place_options(label, names, places)
    return choose(options) if options else None
