"""One typed, frozen record per table, and the closed sets of values its columns take.

Extractors and ingest build these records, never bare dicts, so a misspelt column is an error
where it is written (and for mypy), not a silent null. `tables.py` ties each record to its
pyarrow schema; `tests/test_rows.py` proves the two agree field by field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, TypeVar, get_args, get_origin, get_type_hints

BoilerplateKind = Literal[
    "masthead",
    "byline",
    "dateline",
    "caption",
    "photo_credit",
    "comments_notice",
    "navigation",
    "promo",
    "legal",
    "other",
]
RejectStage = Literal["read", "decode", "parse", "clean", "nlp", "extract"]
FileStatus = Literal["ok", "partial", "rejected"]
EntityLabel = Literal[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
]
FigureKind = Literal[
    "money",
    "percent",
    "count",
    "distance",
    "duration",
    "weight",
    "area",
    "speed",
    "temperature",
    "ordinal",
    "other",
]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "more_than", "less_than", "up_to"]
Change = Literal["up", "down"]
QuoteKind = Literal["statement", "phrase", "reported"]
Granularity = Literal["day", "week", "month", "year", "time", "unresolved"]


def values_of(closed: object) -> tuple[str, ...]:
    """The values of a `Literal` set, in the order written."""
    return tuple(str(v) for v in get_args(closed))


class Record:
    """A table row: a column of a closed set refuses any other value when the row is built,
    whatever the caller's types said."""

    def __post_init__(self) -> None:
        for name, allowed in _closed_columns(type(self)).items():
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise ValueError(f"{type(self).__name__}.{name} = {value!r}: not one of {allowed}")


R = TypeVar("R", bound=Record)


def from_fields(record: type[R], source: object, **given: object) -> R:
    """A `record` whose columns are `given`, or else the same-named attributes of `source` (an
    extractor's own dataclass): a column `source` lacks is an error here, never a null."""
    values = {
        f.name: given[f.name] if f.name in given else getattr(source, f.name)
        for f in dataclasses.fields(record)  # type: ignore[arg-type]
    }
    return record(**values)


_CLOSED: dict[type, dict[str, tuple[str, ...]]] = {}


def _closed_columns(record: type) -> dict[str, tuple[str, ...]]:
    """Each field typed by a `Literal` (or an optional one) -> its values; once per record."""
    if record not in _CLOSED:
        closed = {}
        for name, hint in get_type_hints(record).items():
            literal = next((a for a in (hint, *get_args(hint)) if get_origin(a) is Literal), None)
            if literal is not None:
                closed[name] = values_of(literal)
        _CLOSED[record] = closed
    return _CLOSED[record]


# -- article tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow(Record):
    doc_id: str
    source_path: str
    source_format: str
    url: str | None
    source_id: str | None
    publisher: str | None
    language: str | None
    title: str | None
    standfirst: str | None
    subheadings: list[str]
    authors: list[str]
    published: date | None
    updated: date | None
    body: str
    n_words: int
    story_id: str
    ingested_at: datetime


@dataclass(frozen=True)
class BoilerplateRow(Record):
    doc_id: str
    kind: BoilerplateKind
    text: str
    rule: str
    seq: int


@dataclass(frozen=True)
class RejectedRow(Record):
    source_path: str
    stage: RejectStage
    error: str
    seen_at: datetime


@dataclass(frozen=True)
class FileRow(Record):
    source_path: str
    content_hash: str
    size_bytes: int
    changed_ns: int
    status: FileStatus
    retry_key: str | None
    versions: str | None
    declared: str | None
    doc_ids: list[str]
    batch: str
    seen_at: datetime


@dataclass(frozen=True)
class ArticleMentionRow(Record):
    doc_id: str
    start: int
    end: int
    text: str
    label: str
    title: str | None
    name: str


@dataclass(frozen=True)
class FigureRow(Record):
    doc_id: str
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    kind: FigureKind
    unit: str | None
    per: str | None
    object: str | None
    qualifier: Qualifier
    event: str | None
    change: Change | None
    sentence: str


@dataclass(frozen=True)
class ArticleQuoteRow(Record):
    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    kind: QuoteKind
    continues: int | None


@dataclass(frozen=True)
class DateRow(Record):
    doc_id: str
    start: int
    end: int
    text: str
    value: date | None
    value_end: date | None
    granularity: Granularity


@dataclass(frozen=True)
class SignatureRow(Record):
    doc_id: str
    minhash: bytes
    entities: list[str]
    published: date | None
    story_id: str


# -- corpus tables -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PublisherRow(Record):
    publisher: str | None
    n_docs: int
    n_words: int
    first_published: date | None
    last_published: date | None
    authors: list[str]
    boilerplate_removed: int


@dataclass(frozen=True)
class MentionRow(Record):
    doc_id: str
    start: int
    end: int
    text: str
    label: EntityLabel
    entity_id: str
    title: str | None


@dataclass(frozen=True)
class EntityRow(Record):
    entity_id: str
    name: str
    label: EntityLabel
    aliases: list[str]
    n_docs: int
    n_mentions: int
    country: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


@dataclass(frozen=True)
class QuoteRow(Record):
    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    entity_id: str | None
    cue: str | None
    kind: QuoteKind
    continues: int | None
    quote_id: str


@dataclass(frozen=True)
class StoryRow(Record):
    story_id: str
    n_docs: int
    first_published: date | None
    headline: str
    top_entities: list[str]
    doc_ids: list[str]


@dataclass(frozen=True)
class ReuseRow(Record):
    doc_id: str
    source_doc_id: str
    shared_share: float
    likely_source: bool
    story_id: str


@dataclass(frozen=True)
class FigureConflictRow(Record):
    story_id: str
    about: str
    doc_id_a: str
    start_a: int
    value_a: float
    text_a: str
    sentence_a: str
    doc_id_b: str
    start_b: int
    value_b: float
    text_b: str
    sentence_b: str


Row = (
    DocumentRow
    | BoilerplateRow
    | RejectedRow
    | FileRow
    | ArticleMentionRow
    | FigureRow
    | ArticleQuoteRow
    | DateRow
    | SignatureRow
    | PublisherRow
    | MentionRow
    | EntityRow
    | QuoteRow
    | StoryRow
    | ReuseRow
    | FigureConflictRow
)
