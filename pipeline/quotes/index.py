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

from pipeline.normalize import folded_words, word_ngrams

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

# Lists go in as one JSON parameter read by json_each, whatever their length.
# Each probed trigram and how many groups hold it, up to COMMON.
SPREAD = (
    "SELECT value, (SELECT count(*) FROM (SELECT 1 FROM quote_postings WHERE shingle = value"
    f" LIMIT {COMMON})) FROM json_each(?)"
)
# The group a quotation of `n` trigrams is one with: of the groups holding one of its `rarest`
# trigrams, those the rule admits, the one holding most of its trigrams, then the oldest.
MATCH = """
SELECT held.grp, g.quote_id FROM (
    SELECT grp, count(*) AS hits FROM quote_postings
    WHERE grp IN (SELECT grp FROM quote_postings
                  WHERE shingle IN (SELECT value FROM json_each(:rarest)))
    AND shingle IN (SELECT value FROM json_each(:shingles)) GROUP BY grp
) AS held JOIN quote_groups AS g ON g.id = held.grp
WHERE held.hits >= :same_share * min(:n, g.size) AND held.hits >= :most_of * max(:n, g.size)
ORDER BY held.hits DESC, held.grp LIMIT 1
"""


@dataclass(frozen=True)
class _Quotation:
    key: str
    kind: str
    words: list[str]
    shingles: list[int]  # distinct trigram hashes, sorted

    @classmethod
    def of(cls, key: str, text: str, kind: str) -> _Quotation:
        words = folded_words(text)
        return cls(key, kind, words, sorted({_hash(kind, s) for s in word_ngrams(words, SHINGLE)}))


def _hash(kind: str, shingle: tuple[str, ...]) -> int:
    digest = hashlib.blake2b(f"{kind}\x1f{' '.join(shingle)}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _pack(shingles: list[int]) -> bytes:
    return struct.pack(f"<{len(shingles)}q", *shingles)


def _unpack(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 8}q", blob)


class QuoteIndex:
    """The quotations of every batch folded so far, in tables `quote_*` of `conn`. The caller
    owns the connection and its transactions: nothing here commits."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
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
        for quotation, batch, batch_id in sorted(
            new, key=lambda q: (-len(q[0].words), q[0].key, q[1])
        ):
            ids[batch][quotation.key] = self._add(batch_id, quotation)
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

    def _add(self, batch_id: int, quotation: _Quotation) -> str:
        """Put `quotation` in the group it is one with, or a new one; its id."""
        size = len(quotation.shingles)
        match = self._match(quotation)
        if match is None:
            grp, quote_id = self._found(quotation)
        else:
            grp, quote_id = match
            self.conn.execute(
                "UPDATE quote_groups SET size = max(size, ?) WHERE id = ?", (size, grp)
            )
        self.conn.executemany(
            "INSERT OR IGNORE INTO quote_postings VALUES (?, ?)",
            [(s, grp) for s in quotation.shingles],
        )
        self.conn.execute(
            "INSERT INTO quote_members VALUES (?, ?, ?, ?, ?)",
            (batch_id, quotation.key, grp, size, _pack(quotation.shingles)),
        )
        return quote_id

    def _match(self, quotation: _Quotation) -> tuple[int, str] | None:
        """The group `quotation` is one with, if any: its row id and quote id."""
        n = len(quotation.shingles)
        shingles = json.dumps(quotation.shingles)
        spread = dict(self.conn.execute(SPREAD, (shingles,)).fetchall())
        by_rarity = sorted(quotation.shingles, key=lambda s: (spread[s], s))
        rarest = [s for s in by_rarity[: n - math.ceil(MOST_OF * n) + 1] if spread[s]]
        if not rarest:
            return None
        found = self.conn.execute(
            MATCH,
            {
                "rarest": json.dumps(rarest),
                "shingles": shingles,
                "n": n,
                "same_share": SAME_SHARE,
                "most_of": MOST_OF,
            },
        ).fetchone()
        return (int(found[0]), str(found[1])) if found else None

    def _found(self, quotation: _Quotation) -> tuple[int, str]:
        """A new group for `quotation`: its row id and quote id, a hash of the kind and the
        folded words (numbered on the rare clash with a live group founded by the same words)."""
        text = f"{quotation.kind} {' '.join(quotation.words)}"
        clash = 0
        while True:
            named = f"{text}\x00{clash}" if clash else text
            quote_id = hashlib.sha256(named.encode()).hexdigest()[:16]
            cursor = self.conn.execute(
                "INSERT INTO quote_groups (quote_id, size) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (quote_id, len(quotation.shingles)),
            )
            if cursor.rowcount:
                return int(cursor.lastrowid or 0), quote_id
            clash += 1
