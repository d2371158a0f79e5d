"""What decides each ingest stage's outcome, as a short fingerprint per stage.

A rejected file is tried again when the fingerprint of a stage that rejected it changes: a
raised size limit (`read`), new cleaning rules (`clean`), another model or model version
(`analysis`). Bump a stage's declared version when a code change alters what it accepts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from importlib import metadata

from pipeline.rows import RejectStage
from pipeline.settings import Settings

READ_VERSION = "2"  # 2: every gzip member, feeds, markup fragments, JSON detection by objects
CLEAN_VERSION = "2"  # 2: an article with nothing left after cleaning is rejected
ANALYSIS_VERSION = "1"

# The stage named in a `rejected` row -> the fingerprint that decides it.
FINGERPRINT_OF_STAGE: dict[RejectStage, str] = {
    "read": "read",
    "decode": "read",
    "parse": "read",
    "clean": "clean",
    "nlp": "analysis",
    "extract": "analysis",
}
SEPARATOR = ";"


def stage_versions(settings: Settings) -> dict[str, str]:
    """Each stage's fingerprint under these settings and this installation."""
    model = settings.spacy_model
    return {
        "read": _digest(READ_VERSION, settings.max_file_bytes),
        "clean": _digest(CLEAN_VERSION),
        "analysis": _digest(ANALYSIS_VERSION, model, _package_version(model)),
    }


def retry_key(stages: Iterable[RejectStage], versions: Mapping[str, str]) -> str:
    """What to remember of a rejection: the fingerprints of the stages that rejected."""
    names = sorted({FINGERPRINT_OF_STAGE[stage] for stage in stages})
    return SEPARATOR.join(f"{name}={versions[name]}" for name in names)


def is_stale(key: str | None, versions: Mapping[str, str]) -> bool:
    """True when a stage named in `key` has another fingerprint now (or `key` predates keys)."""
    if not key:
        return True
    for part in key.split(SEPARATOR):
        name, _, fingerprint = part.partition("=")
        if versions.get(name) != fingerprint:
            return True
    return False


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
