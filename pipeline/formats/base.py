"""What every format reader returns: articles with ids from their raw bytes, and problems."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from pipeline.declared import NOTHING, Declared
from pipeline.errors import RejectedInput
from pipeline.normalize import normalize_text

DOC_ID_HEX = 16


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its input, before cleaning."""

    doc_id: str
    source_path: str
    source_format: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    updated: date | None = None  # a later revision's date, kept apart from `published`
    publisher: str | None = None
    url: str | None = None
    source_id: str | None = None  # the id its source gives it; else its URL
    language: str | None = None  # as the input declares it: never guessed from the text
    record: int | None = None  # position in a multi-article file
    declared: Declared = NOTHING  # what its folder declares (`_source.toml`), for what it lacks


@dataclass
class ReadResult:
    articles: list[RawArticle] = field(default_factory=list)
    problems: list[RejectedInput] = field(default_factory=list)
    encoding: str | None = None


def doc_id_for(payload: bytes) -> str:
    """The stable id of an article: a hash of its own raw bytes."""
    return hashlib.sha256(payload).hexdigest()[:DOC_ID_HEX]


def make_article(
    payload: bytes,
    source_path: str,
    source_format: str,
    text: str,
    *,
    record: int | None = None,
    **meta: object,
) -> RawArticle:
    """A `RawArticle` with its id from its raw bytes and its text normalised."""
    body = normalize_text(text)
    if not body:
        where = f"record {record}" if record is not None else "the file"
        raise RejectedInput("parse", f"{where} has no article text after normalisation")
    clean_meta = {k: v for k, v in meta.items() if v not in (None, "", ())}
    for key in ("title", "publisher", "url", "source_id", "language"):
        if key in clean_meta:
            clean_meta[key] = normalize_text(str(clean_meta[key])) or None
    if not clean_meta.get("source_id"):
        clean_meta["source_id"] = clean_meta.get("url")  # how the web knows an article
    return RawArticle(
        doc_id=doc_id_for(payload),
        source_path=source_path,
        source_format=source_format,
        text=body,
        record=record,
        **clean_meta,  # type: ignore[arg-type]
    )
