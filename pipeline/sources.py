"""The raw folder: walk it, fingerprint files, and tell what is new, changed or gone.

A file whose size and modification time match the manifest costs one `stat`; one whose stat
changed is hashed, and only a different hash makes it a change. So a scan of an unchanged folder
does no reading beyond `stat` (and its `_source.toml` files, a few bytes each), and touching a
file without changing it starts no work. A file whose folder now declares other metadata
(`declared.py`) is changed too, so its rows follow the declarations.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.declared import DECLARATIONS_FILE, Declarations
from pipeline.settings import SettingsError
from pipeline.versions import article_record, is_stale

HASH_CHUNK = 1024 * 1024
# The content hash recorded for a file that could not be read.
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class SourceFile:
    """A regular file under the raw folder."""

    rel: str  # the path as stored in tables: relative, '/'-separated, always valid UTF-8
    fs_rel: str  # the path as the OS knows it (may hold undecodable bytes as surrogates)
    size: int
    changed_ns: int


@dataclass(frozen=True)
class Known:
    """What the manifest (`files` table) remembers of a path."""

    content_hash: str
    size: int
    changed_ns: int
    doc_ids: tuple[str, ...]
    batch: str
    status: str = "ok"
    retry_key: str | None = None  # for a rejection: the fingerprints of the stages that made it
    versions: str | None = None  # the article stages' fingerprints when it was processed
    declared: str | None = None  # the digest of its folder's declarations when it was read

    def outdated(self, versions: Mapping[str, str]) -> bool:
        """Its rows were made by another version of a stage (or before versions were kept)."""
        return self.versions != article_record(versions)

    def worth_retrying(self, changed_ns: int, versions: Mapping[str, str]) -> bool:
        """A file rejected in whole or part is looked at again, even with the same bytes, once
        it is touched or a stage that rejected it has changed (a raised limit, new rules)."""
        if self.status == "ok":
            return False
        return changed_ns != self.changed_ns or is_stale(self.retry_key, versions)


@dataclass(frozen=True)
class Change:
    """A path to process: `new`, `changed`, `deleted`, `retried` (rejected before), or
    `outdated` (made by an older version of a stage: processed again in its own batch)."""

    rel: str
    fs_rel: str
    kind: str


def display_path(fs_rel: str) -> str:
    """A path as valid UTF-8: undecodable name bytes become `\\xNN` escapes."""
    return fs_rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def walk(raw_dir: Path) -> Iterator[SourceFile]:
    """Every regular file below `raw_dir`, any depth, in sorted order.

    Hidden files and folders (names starting with '.') are skipped, and so are the folders'
    declarations (`_source.toml`): they describe articles, they are none. Symbolic links are
    followed only when they resolve inside `raw_dir`, and a folder is entered once however many
    links lead to it, so a link can neither pull in files from elsewhere nor loop.
    """
    root = raw_dir.resolve()
    stack = [""]
    entered = {_identity(root)}
    while stack:
        rel_dir = stack.pop()
        try:
            entries = sorted(os.scandir(root / rel_dir), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith(".") or entry.name == DECLARATIONS_FILE:
                continue
            fs_rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.is_symlink() and not _inside(root, Path(entry.path)):
                continue
            try:
                if entry.is_dir():
                    identity = _identity(Path(entry.path))
                    if identity not in entered:
                        entered.add(identity)
                        subdirs.append(fs_rel)
                    continue
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                continue
            yield SourceFile(display_path(fs_rel), fs_rel, st.st_size, changed_ns(st))
        stack.extend(reversed(subdirs))


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def changed_ns(st: os.stat_result) -> int:
    """Modification or status change (a chmod makes an unreadable file worth another look)."""
    return max(st.st_mtime_ns, st.st_ctime_ns)


def _inside(root: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Scan:
    changes: list[Change]
    n_files: int
    n_unchanged: int


def scan(raw_dir: Path, known: Mapping[str, Known], versions: Mapping[str, str]) -> Scan:
    """Compare the folder with the manifest: files made by an older version of a stage (not
    hashed: they are read anyway), rejected files worth another try (`Known.worth_retrying`),
    files whose folder declares other metadata now, and content changes.

    A folder that is gone, or holds no file while the manifest knows some, is refused: an
    unmounted share would otherwise read as every article deleted."""
    if not raw_dir.is_dir():
        raise SettingsError(
            f"PIPELINE_RAW_DIR={raw_dir}: the folder is gone; nothing was read or deleted. "
            "Mount or restore it and run again, or point PIPELINE_RAW_DIR at the raw articles"
        )
    changes: list[Change] = []
    seen: set[str] = set()
    n_files = 0
    declarations = Declarations(raw_dir)
    for source in walk(raw_dir):
        n_files += 1
        seen.add(source.rel)
        old = known.get(source.rel)
        if old is None:
            changes.append(Change(source.rel, source.fs_rel, "new"))
            continue
        if old.outdated(versions):
            changes.append(Change(source.rel, source.fs_rel, "outdated"))
            continue
        if old.worth_retrying(source.changed_ns, versions):
            changes.append(Change(source.rel, source.fs_rel, "retried"))
            continue
        if old.declared != declarations.of(source.fs_rel).digest:
            changes.append(Change(source.rel, source.fs_rel, "changed"))
            continue
        if old.size == source.size and old.changed_ns == source.changed_ns:
            continue
        try:
            if hash_file(raw_dir / source.fs_rel) == old.content_hash:
                continue
        except OSError:
            if old.content_hash == UNREADABLE:
                continue  # still unreadable, as the rejected table already says
        changes.append(Change(source.rel, source.fs_rel, "changed"))
    if known and not n_files:
        raise SettingsError(
            f"PIPELINE_RAW_DIR={raw_dir} holds no files, but the warehouse records "
            f"{len(known)} from earlier runs; nothing was deleted. If the folder is an unmounted "
            "or unsynced share, mount it and run again; if every file was removed on purpose, "
            "delete the warehouse (PIPELINE_WAREHOUSE_DIR) to start empty"
        )
    changes.extend(Change(rel, rel, "deleted") for rel in sorted(set(known) - seen))
    return Scan(changes, n_files, n_files - sum(c.kind != "deleted" for c in changes))


def split(changes: list[Change], max_files: int) -> list[list[Change]]:
    """Bounded batches, so one run's memory does not grow with the size of a backlog."""
    return [changes[i : i + max_files] for i in range(0, len(changes), max_files)]
