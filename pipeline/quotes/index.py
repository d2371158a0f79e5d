"""Which quotations are the same, kept in SQLite: a new batch's quotations are grouped against
the earlier ones without rereading them, and a quotation's `quote_id` never changes.

Two quotations are the same when they share most of their words: the shorter's word trigrams
stand (at least `SAME_SHARE` of them) in the longer, and they are at least `MOST_OF` of the
longer's, so a quotation repunctuated, trimmed or split over paragraphs in one article meets
itself in another, but a line of a long speech does not take the speech's id. Only quotations of
one kind meet: a phrase ("a disgrace") is never one with a statement that holds it.

A group keeps the union of its members' trigrams as postings (trigram -> group) and the trigram
count of its longest member (the longer side of the rule). A new quotation joins the group
holding most of its trigrams where the rule holds (on a tie, the oldest group), else founds one.
Trigrams are stored as 64-bit blake2b hashes of the kind and the folded words, so kinds never
meet and nothing depends on Python's hash seed. A lookup reads the postings of the quotation's
rarest trigrams only (the groups holding them, counted up to `COMMON`): a group holding
`MOST_OF` of its n trigrams holds one of any n - ceil(MOST_OF * n) + 1 of them.

Folding is sequential: batches one after another as `assign` is called, a batch's quotations
longest first, then by key, each meeting all before it. So folding batches one update at a time
equals folding them in one run, and a group's id, a hash of its kind and its founder's folded
words, is fixed once given: later quotations join groups, groups never merge, and forgetting a
batch removes its members only (a group left empty goes, with its id).
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.normalize import folded_words

SAME_SHARE = 0.8
MOST_OF = 0.5
SHINGLE = 3

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS quote_batches (id INTEGER PRIMARY KEY, batch TEXT NOT NULL UNIQUE)",
    # size: the trigram count of the group's longest member
    "CREATE TABLE IF NOT EXISTS quote_groups"
    " (id INTEGER PRIMARY KEY, quote_id TEXT NOT NULL UNIQUE, size INTEGER NOT NULL)",
    # shingles: the member's trigram hashes, packed, to take them out of its group's postings
    "CREATE TABLE IF NOT EXISTS quote_members (batch INTEGER NOT NULL, key TEXT NOT NULL,"
    " grp INTEGER NOT NULL, size INTEGER NOT NULL, shingles BLOB NOT NULL,"
    " PRIMARY KEY (batch, key)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS quote_members_grp ON quote_members (grp)",
    "CREATE TABLE IF NOT EXISTS quote_postings (shingle INTEGER NOT NULL, grp INTEGER NOT NULL,"
    " PRIMARY KEY (shingle, grp)) WITHOUT ROWID",
)
COMMON = 64  # a trigram held by this many groups is common: rarer ones are read first
# Memory of one fold: trigrams and postings held in dicts before the writes go out and the
# dicts are dropped (about 150 bytes each); the trigrams of HELD // 100 quotations are read at once.
HELD = 2_000_000
LISTED = 1024  # a trigram held by more groups is read group by group, when a quotation needs it

# Lists go in as one JSON parameter read by json_each, whatever their length.
# The trigrams of a list some group holds, and by how many (counted up to LISTED + 1).
HELD_BY = f"""
SELECT value, (SELECT count(*) FROM (SELECT 1 FROM quote_postings WHERE shingle = value
                                     LIMIT {LISTED + 1}))
FROM json_each(?) WHERE EXISTS (SELECT 1 FROM quote_postings WHERE shingle = value)
"""
POSTINGS = (
    "SELECT shingle, grp FROM quote_postings WHERE shingle IN (SELECT value FROM json_each(?))"
)
PAIRS = f"{POSTINGS} AND grp IN (SELECT value FROM json_each(?))"
GROUPS = "SELECT id, size, quote_id FROM quote_groups WHERE id IN (SELECT value FROM json_each(?))"
NAMED = "SELECT quote_id FROM quote_groups WHERE quote_id IN (SELECT value FROM json_each(?))"


@dataclass(frozen=True)
class _Quotation:
    key: str
    kind: str
    words: list[str]
    shingles: list[int]  # distinct trigram hashes, sorted

    @classmethod
    def of(cls, key: str, text: str, kind: str) -> _Quotation:
        words = folded_words(text)
        return cls(key, kind, words, _shingles(kind, words))


def _shingles(kind: str, words: list[str]) -> list[int]:
    """The distinct hashes of `words`' trigrams (`word_ngrams`, joined by spaces after the kind),
    built and hashed in one pass: hashing is most of what folding a quotation costs."""
    if len(words) < SHINGLE:
        runs = [f"{kind}\x1f{' '.join(words)}"]
    else:
        runs = [
            f"{kind}\x1f{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)
        ]
    digests = b"".join([hashlib.blake2b(run.encode(), digest_size=8).digest() for run in runs])
    return sorted(set(_unpack(digests)))


def _pack(shingles: list[int]) -> bytes:
    return struct.pack(f"<{len(shingles)}q", *shingles)


def _unpack(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 8}q", blob)


class QuoteIndex:
    """The quotations of every batch folded so far, in tables `quote_*` of `conn`. The caller
    owns the connection and its transactions: nothing here commits."""

    def __init__(self, conn: sqlite3.Connection, held: int = HELD) -> None:
        self.conn = conn
        self.held = held  # the memory a fold may take, in postings (`HELD`)
        for statement in SCHEMA:
            conn.execute(statement)

    def assign(self, batch: str, quotations: Sequence[tuple[str, str, str]]) -> dict[str, str]:
        """Fold `batch`'s quotations (key, text, kind) in and return key -> quote_id."""
        return self.assign_together({batch: quotations})[batch]

    def assign_together(
        self, batches: Mapping[str, Sequence[tuple[str, str, str]]]
    ) -> dict[str, dict[str, str]]:
        """Fold several batches' quotations (key, text, kind) in as one, longest first across
        them, and return batch -> key -> quote_id: the batches of one run are folded together,
        so how the run split its files into batches does not change the groups. Runs are
        folded in the order this is called: the order they ran (`store.batch_order`). A key a
        batch already holds keeps its id: forget the batch first to regroup it."""
        ids: dict[str, dict[str, str]] = {}
        new: list[tuple[_Quotation, str, int]] = []
        for batch, quotations in sorted(batches.items()):
            keys = [key for key, _, _ in quotations]
            if len(set(keys)) != len(keys):
                raise ValueError(f"batch {batch}: a quotation key is given twice")
            ids[batch] = self.ids_of(batch)
            batch_id = self._batch_id(batch)
            new += [
                (_Quotation.of(*q), batch, batch_id) for q in quotations if q[0] not in ids[batch]
            ]
        new.sort(key=lambda q: (-len(q[0].words), q[0].key, q[1]))
        fold = _Fold(self.conn)
        chunk = max(1, self.held // 100)
        for start in range(0, len(new), chunk):
            if fold.held() > self.held:
                fold.flush()
                fold = _Fold(self.conn)
            fold.read([quotation for quotation, _, _ in new[start : start + chunk]])
            for quotation, batch, batch_id in new[start : start + chunk]:
                ids[batch][quotation.key] = fold.add(batch_id, quotation)
        fold.flush()
        return {
            batch: {key: ids[batch][key] for key, _, _ in quotations}
            for batch, quotations in batches.items()
        }

    def ids_of(self, batch: str) -> dict[str, str]:
        """The ids stored for `batch`'s quotations, by key."""
        return dict(
            self.conn.execute(
                "SELECT m.key, g.quote_id FROM quote_batches b"
                " JOIN quote_members m ON m.batch = b.id JOIN quote_groups g ON g.id = m.grp"
                " WHERE b.batch = ? ORDER BY m.key",
                (batch,),
            )
        )

    def forget(self, batch: str) -> None:
        """Take `batch`'s quotations out; the groups' other members keep their ids."""
        conn = self.conn
        found = conn.execute("SELECT id FROM quote_batches WHERE batch = ?", (batch,)).fetchone()
        if found is None:
            return
        removed: dict[int, set[int]] = {}  # group -> the trigrams its removed members held
        for grp, blob in conn.execute(
            "SELECT grp, shingles FROM quote_members WHERE batch = ?", found
        ).fetchall():
            removed.setdefault(grp, set()).update(_unpack(blob))
        conn.execute("DELETE FROM quote_members WHERE batch = ?", found)
        for grp, shingles in sorted(removed.items()):
            left = conn.execute(
                "SELECT size, shingles FROM quote_members WHERE grp = ?", (grp,)
            ).fetchall()
            kept = {s for _, blob in left for s in _unpack(blob)}
            conn.executemany(
                "DELETE FROM quote_postings WHERE shingle = ? AND grp = ?",
                [(s, grp) for s in sorted(shingles - kept)],
            )
            if left:
                conn.execute(
                    "UPDATE quote_groups SET size = ? WHERE id = ?", (max(n for n, _ in left), grp)
                )
            else:
                conn.execute("DELETE FROM quote_groups WHERE id = ?", (grp,))
        conn.execute("DELETE FROM quote_batches WHERE id = ?", found)

    def _batch_id(self, batch: str) -> int:
        self.conn.execute(
            "INSERT INTO quote_batches (batch) VALUES (?) ON CONFLICT DO NOTHING", (batch,)
        )
        (batch_id,) = self.conn.execute(
            "SELECT id FROM quote_batches WHERE batch = ?", (batch,)
        ).fetchone()
        return int(batch_id)


class _Fold:
    """One call's fold, the rule applied in Python: the postings and groups its quotations meet,
    read from the tables a chunk of quotations at a time in a few bulk queries and kept in
    dicts with what the fold adds, and its writes held back and written in sorted runs when the
    dicts reach the caller's bound (`flush`), which drops them. Each quotation meets exactly
    what a row-at-a-time fold would find in the tables; one row per posting stays the floor
    of the cost (a read and an insert in SQLite per trigram)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        (last,) = conn.execute("SELECT max(id) FROM quote_groups").fetchone()
        self.next_grp = (last or 0) + 1  # as SQLite numbers rows: the greatest id, plus one
        # the chunk's trigrams that some group holds -> the groups, stored or given here;
        # a trigram of the chunk in neither dict is held by none
        self.holders: dict[int, list[int]] = {}
        self.common: dict[int, set[int]] = {}  # held by over LISTED stored groups -> given here
        self.sizes: dict[int, int] = {}  # the groups met -> their size and id
        self.quote_ids: dict[int, str] = {}
        self.named: dict[str, bool] = {}  # quote ids asked for -> whether a stored group has it
        self.founded: set[int] = set()  # groups to insert
        self.grown: set[int] = set()  # stored groups whose size grew
        self.posted: tuple[list[int], list[int]] = ([], [])  # postings to insert: trigrams, groups
        self.members: list[tuple[int, str, int, int, bytes]] = []

    def held(self) -> int:
        """What the fold holds in memory, in postings."""
        return len(self.holders) + len(self.common) + len(self.posted[0])

    def read(self, quotations: list[_Quotation]) -> None:
        """Read what the tables hold of `quotations`' trigrams and founders' names."""
        unread = {s for q in quotations for s in q.shingles}
        if self.holders or self.common:
            unread -= self.holders.keys() | self.common.keys()
        listed = []
        for shingle, n in self.conn.execute(HELD_BY, (json.dumps(sorted(unread)),)):
            if n > LISTED:
                self.common[shingle] = set()
            else:
                listed.append(shingle)
        for shingle, grp in self.conn.execute(POSTINGS, (json.dumps(listed),)):
            self.holders.setdefault(shingle, []).append(grp)
        self._read_groups({g for s in listed for g in self.holders[s]})
        names = sorted({_name(q, 0) for q in quotations} - self.named.keys())
        self.named |= dict.fromkeys(names, False)
        for (quote_id,) in self.conn.execute(NAMED, (json.dumps(names),)):
            self.named[quote_id] = True

    def add(self, batch_id: int, quotation: _Quotation) -> str:
        """Put `quotation` in the group it is one with, or a new one; its id."""
        size = len(quotation.shingles)
        grp = self._match(quotation)
        if grp is None:
            grp = self._found(quotation)
        elif size > self.sizes[grp]:
            self.sizes[grp] = size
            if grp not in self.founded:
                self.grown.add(grp)
        shingles, groups = self.posted
        for shingle in quotation.shingles:
            common = self.common.get(shingle)
            if common is not None:
                common.add(grp)  # may be stored already: the insert ignores it
            else:
                holders = self.holders.setdefault(shingle, [])
                if grp in holders:
                    continue
                holders.append(grp)
            shingles.append(shingle)
            groups.append(grp)
        self.members.append((batch_id, quotation.key, grp, size, _pack(quotation.shingles)))
        return self.quote_ids[grp]

    def flush(self) -> None:
        """Write what the fold added: the fold is done (a new one reads what it wrote)."""
        conn = self.conn
        conn.executemany(
            "INSERT INTO quote_groups (id, quote_id, size) VALUES (?, ?, ?)",
            [(g, self.quote_ids[g], self.sizes[g]) for g in sorted(self.founded)],
        )
        conn.executemany(
            "UPDATE quote_groups SET size = ? WHERE id = ?",
            [(self.sizes[g], g) for g in sorted(self.grown)],
        )
        shingles, groups = (np.array(column, dtype=np.int64) for column in self.posted)
        order = np.lexsort((groups, shingles))  # in key order: each page of the table once
        conn.executemany(
            "INSERT OR IGNORE INTO quote_postings VALUES (?, ?)",
            zip(shingles[order].tolist(), groups[order].tolist(), strict=True),
        )
        self.members.sort()
        conn.executemany("INSERT INTO quote_members VALUES (?, ?, ?, ?, ?)", self.members)

    def _match(self, quotation: _Quotation) -> int | None:
        """The group `quotation` is one with, if any. Of the groups holding one of its rarest
        trigrams (which holds every group the rule may admit), those the rule admits, the one
        holding most of its trigrams, then the oldest."""
        shingles = quotation.shingles
        n = len(shingles)
        held = [s for s in shingles if s in self.holders or s in self.common]
        # the trigrams no group holds are the rarest: of the n - ceil(MOST_OF * n) + 1 rarest,
        # those some group holds
        rarest = sorted(held, key=lambda s: (self._spread(s), s))[
            : max(0, len(held) - math.ceil(MOST_OF * n) + 1)
        ]
        if not rarest:
            return None
        candidates = {g for s in rarest for g in self._holders_of(s)}
        hits = dict.fromkeys(candidates, 0)
        unlisted = []
        for s in shingles:
            if s in self.common:
                unlisted.append(s)
                for g in self.common[s] & candidates:
                    hits[g] += 1
            else:
                for g in self.holders.get(s, ()):
                    if g in hits:
                        hits[g] += 1
        if unlisted:  # stored pairs of its common trigrams and the candidates
            found = self.conn.execute(PAIRS, (json.dumps(unlisted), json.dumps(sorted(hits))))
            for s, g in found:
                if g not in self.common[s]:
                    hits[g] += 1
        admitted = [
            g
            for g, held in hits.items()
            if held >= SAME_SHARE * min(n, self.sizes[g])
            and held >= MOST_OF * max(n, self.sizes[g])
        ]
        return min(admitted, key=lambda g: (-hits[g], g), default=None)

    def _spread(self, shingle: int) -> int:
        """How many groups hold `shingle`, up to COMMON."""
        if shingle in self.common:
            return COMMON
        return min(COMMON, len(self.holders.get(shingle, ())))

    def _holders_of(self, shingle: int) -> list[int]:
        """Every group holding `shingle`: a common trigram's are read now, and kept."""
        common = self.common.pop(shingle, None)
        if common is not None:
            stored = [
                g
                for (g,) in self.conn.execute(
                    "SELECT grp FROM quote_postings WHERE shingle = ?", (shingle,)
                )
            ]
            self._read_groups(set(stored))
            self.holders[shingle] = stored + sorted(common - set(stored))
        return self.holders.get(shingle, [])

    def _read_groups(self, groups: set[int]) -> None:
        """The sizes and ids of stored `groups` not met yet."""
        unread = sorted(groups - self.sizes.keys())
        for grp, size, quote_id in self.conn.execute(GROUPS, (json.dumps(unread),)):
            self.sizes[grp] = size
            self.quote_ids[grp] = quote_id

    def _found(self, quotation: _Quotation) -> int:
        """A new group for `quotation`: its id (numbered on the rare clash with a live group
        founded by the same words)."""
        clash = 0
        while self._taken(name := _name(quotation, clash)):
            clash += 1
        grp = self.next_grp
        self.next_grp += 1
        self.founded.add(grp)
        self.sizes[grp] = len(quotation.shingles)
        self.quote_ids[grp] = name
        self.named[name] = True
        return grp

    def _taken(self, quote_id: str) -> bool:
        if quote_id not in self.named:
            found = self.conn.execute(NAMED, (json.dumps([quote_id]),)).fetchone()
            self.named[quote_id] = found is not None
        return self.named[quote_id]


def _name(quotation: _Quotation, clash: int) -> str:
    """A group's quote id: a hash of its founder's kind and folded words (and the clash)."""
    text = f"{quotation.kind} {' '.join(quotation.words)}"
    named = f"{text}\x00{clash}" if clash else text
    return hashlib.sha256(named.encode()).hexdigest()[:16]
