"""The publishers corpus table from article rows."""

from datetime import UTC, date, datetime

from pipeline.publishers import publisher_table
from pipeline.tables import BOILERPLATE, DOCUMENTS, PUBLISHERS, conform

NOW = datetime(2025, 4, 10, tzinfo=UTC)


def doc(doc_id: str, publisher: str | None, authors: list[str], day: int | None) -> dict:
    return {
        "doc_id": doc_id,
        "source_path": f"{doc_id}.txt",
        "source_format": "txt",
        "url": None,
        "source_id": None,
        "publisher": publisher,
        "language": None,
        "title": None,
        "standfirst": None,
        "subheadings": [],
        "authors": authors,
        "body": "x",
        "published": date(2025, 4, day) if day else None,
        "updated": None,
        "n_words": 10,
        "story_id": doc_id,
        "ingested_at": NOW,
    }


def test_publishers_aggregate_articles_authors_dates_and_boilerplate() -> None:
    documents = conform(
        DOCUMENTS,
        [
            doc("a", "Daily Example", ["Jane Roe"], 9),
            doc("b", "Daily Example", ["Al Poe", "Jane Roe"], 11),
            doc("c", None, [], None),
        ],
    )
    boilerplate = conform(
        BOILERPLATE,
        [{"doc_id": "a", "kind": "byline", "text": "By Jane Roe", "rule": "byline", "seq": 0}],
    )
    table = publisher_table(documents, boilerplate)
    assert table.schema.equals(PUBLISHERS.schema)
    rows = table.to_pylist()
    assert rows[0] == {
        "publisher": "Daily Example",
        "n_docs": 2,
        "n_words": 20,
        "first_published": date(2025, 4, 9),
        "last_published": date(2025, 4, 11),
        "authors": ["Al Poe", "Jane Roe"],
        "boilerplate_removed": 1,
    }
    assert rows[1]["publisher"] is None and rows[1]["n_docs"] == 1


def test_no_articles_no_publishers() -> None:
    assert publisher_table(DOCUMENTS.empty(), BOILERPLATE.empty()).num_rows == 0
