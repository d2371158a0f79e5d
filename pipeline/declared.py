"""What a folder declares about its files (`_source.toml`): the metadata the files do not say.

A folder of pasted text files names no publisher, date or language. A `_source.toml` in it
declares them for every file in the folder and its subfolders:

    publisher = "BBC News"
    language = "en"
    published = 2005-03-01   # a default date: a TOML date, or a string such as "1 March 2005"

A deeper folder's file overrides its parents' key by key. A declaration is a default: an
article's own value always wins (its format's field, then what cleaning finds in its text).
A file that cannot be used (invalid TOML, an unknown key, a value of the wrong kind) rejects
every file it covers, naming it, rather than let them land without what it meant to declare.

Each file's rows record the digest of the declarations that applied (`files.declared`), so
editing, adding or removing a `_source.toml` makes the files it covers change for the scan.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from pipeline.metadata import parse_date
from pipeline.normalize import normalize_text

DECLARATIONS_FILE = "_source.toml"
# The keys a `_source.toml` may set, and what each declares.
KEYS: dict[str, str] = {
    "publisher": "the publisher of every article in the folder",
    "language": "the language they are written in, as you write it (`en`, `en-GB`)",
    "published": "a default publication date, for articles that state none",
}
DIGEST_HEX = 16


@dataclass(frozen=True)
class Declared:
    """The declarations that apply to one file."""

    publisher: str | None = None
    language: str | None = None
    published: date | None = None
    digest: str | None = None  # of every `_source.toml` that applies; None when none does
    problem: str | None = None  # why one of them cannot be used: its files are rejected


NOTHING = Declared()


class Declarations:
    """The declarations of a raw folder's directories, each `_source.toml` read once."""

    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir
        self._folders: dict[str, Declared] = {}

    def of(self, fs_rel: str) -> Declared:
        """What applies to the file at `fs_rel` (relative to the raw folder, '/'-separated)."""
        return self._folder(fs_rel.rpartition("/")[0])

    def _folder(self, rel_dir: str) -> Declared:
        """Top down from the nearest folder already looked at, in a loop: no depth limit."""
        chain = []
        while rel_dir not in self._folders:
            chain.append(rel_dir)
            if not rel_dir:
                break
            rel_dir = rel_dir.rpartition("/")[0]
        declared = self._folders.get(rel_dir, NOTHING)
        for folder in reversed(chain):
            declared = self._folders[folder] = self._declare(declared, folder)
        return declared

    def _declare(self, parent: Declared, rel_dir: str) -> Declared:
        """`parent` with what the folder's own `_source.toml` says, if it has one."""
        rel = f"{rel_dir}/{DECLARATIONS_FILE}" if rel_dir else DECLARATIONS_FILE
        path = self.raw_dir / rel
        if not path.is_file():  # a stat: a folder without one costs no open
            return parent
        problem: str | None = None
        try:
            data = path.read_bytes()
        except OSError as exc:  # the digest changes once it reads, so its files are retried
            data, problem = repr(exc).encode(), f"it cannot be read: {exc.strerror or exc}"
        digest = hashlib.sha256(repr((parent.digest, rel, data)).encode()).hexdigest()
        declared = replace(parent, digest=digest[:DIGEST_HEX])
        if parent.problem:
            return declared
        if problem is None:
            try:
                return _merge(declared, tomllib.loads(data.decode("utf-8")))
            except ValueError as exc:  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
                problem = str(exc)
        where = f"{rel_dir}/" if rel_dir else "the raw folder"
        return replace(
            declared,
            problem=f"{rel} cannot be used ({problem}); fix it: every file under {where} is "
            "rejected until it can",
        )


def _merge(parent: Declared, values: dict[str, object]) -> Declared:
    """`parent` with the keys one file sets; an unknown key or a value of the wrong kind is an
    error (a misspelt `publsher` would otherwise be silently ignored)."""
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise ValueError(f"unknown key {', '.join(unknown)}; it may set {', '.join(KEYS)}")
    changes: dict[str, object] = {}
    for key in ("publisher", "language"):
        if key in values:
            value = values[key]
            if not isinstance(value, str) or not normalize_text(value):
                raise ValueError(f"{key} must be a non-empty string, not {value!r}")
            changes[key] = normalize_text(value)
    if "published" in values:
        changes["published"] = _date(values["published"])
    return replace(parent, **changes)  # type: ignore[arg-type]


def _date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    when = parse_date(value) if isinstance(value, date | str) else None
    if when is None:
        raise ValueError(f"published = {value!r} is no date; write it as 2005-03-01")
    return when
