"""JSON articles: one object, an array of objects, or JSON Lines with one object per line.

An article is an object with a text field; its own title, authors, date, publisher, URL, id
and language are kept, under the field names of the common news exports (`fields.py`). Each
article's id is the hash of its own bytes (its line, or its canonical serialisation inside an
array), so one changed article in a feed keeps the others' ids.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.errors import RejectedInput
from pipeline.formats.base import RawArticle, ReadResult, make_article
from pipeline.formats.fields import FIELDS
from pipeline.metadata import parse_date, split_authors


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    try:
        value = json.loads(text)
    except (RecursionError, ValueError) as exc:  # JSONDecodeError is a ValueError
        return _read_records(_json_lines(text, exc), source_path)
    if isinstance(value, dict):
        return ReadResult(articles=[_article(value, payload, source_path, None)])
    if isinstance(value, list):
        records: list[Record] = [
            (i, item, json.dumps(item, sort_keys=True, ensure_ascii=False).encode())
            for i, item in enumerate(value)
        ]
        return _read_records(records, source_path)
    raise RejectedInput(
        "parse", f"JSON holds a {type(value).__name__}, not an article object or a list of them"
    )


# A record: its number, its value and its own bytes, or the reason its line could not be read.
Record = tuple[int, Any, bytes] | RejectedInput


def _json_lines(text: str, first_error: RecursionError | ValueError) -> list[Record]:
    """One record per non-blank line; a line that is not JSON is a record problem, unless no
    line before it was JSON (then the file is no JSON Lines at all)."""
    lines = [(i, line) for i, line in enumerate(text.split("\n"), start=1) if line.strip()]
    records: list[Record] = []
    for number, line in lines:
        try:
            records.append((number, json.loads(line), line.strip().encode()))
        except (RecursionError, ValueError) as exc:
            if not records:
                message = (
                    f"invalid JSON: {_why(first_error)}; fix the file or save it as JSON Lines"
                )
                raise RejectedInput("parse", message) from exc
            problem = f"record {number}: invalid JSON on this line: {_why(exc)}"
            records.append(RejectedInput("parse", problem))
    return records


def _why(error: RecursionError | ValueError) -> str:
    """What is wrong with a JSON text, in words a person can act on."""
    if isinstance(error, RecursionError):
        return "nested too deeply to be an article (thousands of levels)"
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno} column {error.colno}"
    return f"a value JSON reading refuses ({error})"


def _read_records(records: list[Record], source_path: str) -> ReadResult:
    result = ReadResult()
    for record in records:
        if isinstance(record, RejectedInput):
            result.problems.append(record)
            continue
        number, value, raw = record
        try:
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
    text_fields = FIELDS["text"]
    body = _first(value, text_fields)
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n\n".join(body)
    if not isinstance(body, str) or not body.strip():
        keys = ", ".join(sorted(value)[:12]) or "none"
        raise RejectedInput(
            "parse",
            f"{where}JSON object has no article text: expected a string in one of the fields "
            f"{', '.join(text_fields)} (found keys: {keys})",
        )
    return make_article(
        raw,
        source_path,
        "json",
        body,
        record=record,
        title=_string(value, "title"),
        authors=split_authors(_first(value, FIELDS["authors"])),
        published=parse_date(_first(value, FIELDS["published"])),
        updated=parse_date(_first(value, FIELDS["updated"])),
        publisher=_string(value, "publisher"),
        url=_string(value, "url"),
        source_id=_string(value, "source_id"),
        language=_string(value, "language"),
    )


def _string(obj: dict[str, Any], kind: str) -> str | None:
    """The first field named for `kind`, when it holds a string (or, for an id, an integer:
    Media Cloud's `stories_id`); an object or a list there is another convention, not a guess
    to make."""
    value = _first(obj, FIELDS[kind])
    if isinstance(value, str):
        return value
    if kind == "source_id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None
