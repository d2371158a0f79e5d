"""JSON articles: one object, an array of objects, or JSON Lines with one object per line.

An article is an object with a text field; its own title, author, date and publisher fields are
kept. Each article's id is the hash of its own bytes (its line, or its canonical serialisation
inside an array), so one changed article in a feed keeps the others' ids.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.errors import RejectedInput
from pipeline.formats.base import RawArticle, ReadResult, make_article
from pipeline.metadata import parse_date, split_authors

# Field names that publishers' feeds and scrapers use, most specific first.
TEXT_FIELDS = ("text", "body", "content", "maintext", "article", "article_text", "full_text")
TITLE_FIELDS = ("title", "headline")
AUTHOR_FIELDS = ("authors", "author", "byline", "creator")
DATE_FIELDS = (
    "published",
    "publishing_date",
    "date_published",
    "published_at",
    "publish_date",
    "pubdate",
    "date",
)
# What a record nested past Python's recursion limit is told (no article nests that deep).
TOO_DEEP = "JSON nested too deeply to be an article (thousands of levels)"
PUBLISHER_FIELDS = ("publisher", "source", "site_name", "sitename", "source_name", "outlet")


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        records = _json_lines(text, exc)
        return _read_records(records, source_path)
    if isinstance(value, dict):
        return ReadResult(articles=[_article(value, payload, source_path, None)])
    if isinstance(value, list):
        records = [
            (i, item, json.dumps(item, sort_keys=True, ensure_ascii=False).encode())
            for i, item in enumerate(value)
        ]
        return _read_records(records, source_path)
    raise RejectedInput(
        "parse", f"JSON holds a {type(value).__name__}, not an article object or a list of them"
    )


def _json_lines(
    text: str, first_error: json.JSONDecodeError | RecursionError
) -> list[tuple[int, Any, bytes]]:
    """One record per non-blank line; a line that is not JSON is a record problem, unless no
    line before it was JSON (then the file is no JSON Lines at all)."""
    lines = [(i, line) for i, line in enumerate(text.split("\n"), start=1) if line.strip()]
    records: list[tuple[int, Any, bytes]] = []
    for number, line in lines:
        try:
            records.append((number, json.loads(line), line.strip().encode()))
        except RecursionError:
            records.append((number, TOO_DEEP, b""))
        except json.JSONDecodeError:
            if len(records) == 0:
                raise RejectedInput("parse", _invalid(first_error)) from first_error
            records.append((number, None, b""))
    return records


def _invalid(error: json.JSONDecodeError | RecursionError) -> str:
    if isinstance(error, RecursionError):
        return f"invalid JSON: {TOO_DEEP}; fix the file"
    return (
        f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}; fix the file "
        "or save it as JSON Lines"
    )


def _read_records(records: list[tuple[int, Any, bytes]], source_path: str) -> ReadResult:
    result = ReadResult()
    for number, value, raw in records:
        try:
            if value is TOO_DEEP:
                raise RejectedInput("parse", f"record {number}: {TOO_DEEP}")
            if value is None and not raw:
                raise RejectedInput("parse", f"record {number}: invalid JSON on this line")
            result.articles.append(_article(value, raw, source_path, number))
        except RejectedInput as problem:
            result.problems.append(problem)
    if not result.articles and not result.problems:
        raise RejectedInput("parse", "JSON holds an empty list: there is no article in it")
    return result


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _article(value: Any, raw: bytes, source_path: str, record: int | None) -> RawArticle:
    where = f"record {record}: " if record is not None else ""
    if not isinstance(value, dict):
        raise RejectedInput("parse", f"{where}JSON {type(value).__name__} is not an article object")
    body = _first(value, TEXT_FIELDS)
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n\n".join(body)
    if not isinstance(body, str) or not body.strip():
        keys = ", ".join(sorted(value)[:12]) or "none"
        raise RejectedInput(
            "parse",
            f"{where}JSON object has no article text: expected a string in one of the fields "
            f"{', '.join(TEXT_FIELDS)} (found keys: {keys})",
        )
    title = _first(value, TITLE_FIELDS)
    publisher = _first(value, PUBLISHER_FIELDS)
    return make_article(
        raw,
        source_path,
        "json",
        body,
        record=record,
        title=title if isinstance(title, str) else None,
        authors=split_authors(_first(value, AUTHOR_FIELDS)),
        published=parse_date(_first(value, DATE_FIELDS)),
        publisher=publisher if isinstance(publisher, str) else None,
    )
