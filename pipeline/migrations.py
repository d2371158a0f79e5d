"""Schema migrations: how the files of an older release become the current schema.

A column added as nullable needs none: older files read it as null until their rows are written
again (`store.read_conformed`). A column removed, renamed or retyped does: readers refuse a file
whose columns differ from the schema in any other way, rather than guess. A migration is applied
once per warehouse, in id order, to every file of its table, in one atomic commit that also
records it in `_migrations.json`; `make run`, the sensor and every asset apply pending ones
before they read (`Warehouse.prepare`).

To add one: append a `Migration` with a new id (sortable: `0001-...`), the table, what it does,
and `change`, a function from one file's rows as written to rows of the current schema; and a
test that builds a file of the old shape and reads it back migrated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Migration:
    id: str  # applied once, in sorted order; never reuse or reorder one
    table: str
    doc: str
    change: Callable[[pa.Table], pa.Table]  # one file's rows as written -> as the schema has them


# None yet: every column since the first release was added as nullable.
MIGRATIONS: tuple[Migration, ...] = ()
