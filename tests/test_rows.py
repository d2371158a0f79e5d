"""Each table's typed record and its pyarrow schema agree field by field, and `conform` refuses
a row that does not fit."""

import types
import typing
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pyarrow as pa
import pytest

from pipeline.rows import ArticleQuoteRow, RejectedRow, from_fields
from pipeline.tables import REJECTED, TABLES, TableSpec, conform

NOW = datetime(2025, 4, 10, tzinfo=UTC)

# The Python type a column of each Arrow type holds.
PYTHON_TYPE = {
    pa.string(): str,
    pa.int32(): int,
    pa.int64(): int,
    pa.float64(): float,
    pa.bool_(): bool,
    pa.binary(): bytes,
    pa.date32(): date,
    pa.timestamp("us", tz="UTC"): datetime,
    pa.list_(pa.string()): list[str],
}


def _plain(hint: object) -> tuple[object, bool]:
    """A field's annotation as (type, nullable): `str | None` -> (str, True); a Literal of
    strings is a str."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        kept = [a for a in args if a is not type(None)]
        assert len(kept) == 1
        return _plain(kept[0])[0], True
    if typing.get_origin(hint) is typing.Literal:
        assert all(isinstance(a, str) for a in args)
        return str, False
    return hint, False


@pytest.mark.parametrize("spec", TABLES.values(), ids=lambda s: s.name)
def test_record_matches_schema_field_by_field(spec: TableSpec) -> None:
    hints = typing.get_type_hints(spec.row)
    assert list(hints) == spec.schema.names
    for field in spec.schema:
        python_type, nullable = _plain(hints[field.name])
        assert (python_type, nullable) == (PYTHON_TYPE[field.type], field.nullable), field.name


def test_records_become_a_table_of_the_schema() -> None:
    row = RejectedRow("a.txt", "read", "empty file", NOW)
    table = conform(REJECTED, [row])
    assert table.schema == REJECTED.schema
    assert table.to_pylist() == [
        {"source_path": "a.txt", "stage": "read", "error": "empty file", "seen_at": NOW}
    ]


def test_a_misspelt_or_missing_column_is_an_error() -> None:
    good = {"source_path": "a", "stage": "read", "error": "e", "seen_at": NOW}
    conform(REJECTED, [good])
    with pytest.raises(
        ValueError, match=r"missing columns \['error'\].*unknown columns \['eror'\]"
    ):
        conform(REJECTED, [{**{k: v for k, v in good.items() if k != "error"}, "eror": "e"}])
    with pytest.raises(TypeError):
        RejectedRow("a", "read", "e", NOW, "extra")  # type: ignore[call-arg]


def test_a_record_of_another_table_is_refused() -> None:
    other = TABLES["documents"]
    with pytest.raises(TypeError, match="RejectedRow"):
        conform(REJECTED, [object()])  # type: ignore[list-item]
    assert other.row is not REJECTED.row


def test_an_extractor_record_missing_a_column_is_an_error_not_a_null() -> None:
    @dataclass
    class Found:  # an extractor's own record, one column misspelt
        start: int
        end: int
        text: str
        speker: str | None
        speaker_text: str | None
        cue: str | None
        kind: str
        continues: int | None

    quote = Found(0, 5, "Hello", "Ann", "Ann", "say", "statement", None)
    with pytest.raises(AttributeError, match="speaker"):
        from_fields(ArticleQuoteRow, quote, doc_id="d")
    with pytest.raises(ValueError, match="kind"):
        from_fields(ArticleQuoteRow, quote, doc_id="d", speaker="Ann", kind="statment")
    row = from_fields(ArticleQuoteRow, quote, doc_id="d", speaker="Ann")
    assert (row.doc_id, row.speaker, row.kind) == ("d", "Ann", "statement")
