"""Provenance: each common news export lands with its URL, id, publisher and date, and a
folder's `_source.toml` declares what its files do not say (and is followed when it changes)."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.declared import Declarations
from pipeline.formats.fields import EXPORTS, FIELDS
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse

EXPORT_FIXTURES = Path(__file__).parent / "exports"
STORY = "Ministers from {n} nations met in Brussels on Thursday to discuss support."

# Each export's fixture -> (url, source_id, publisher, published, language) of each record;
# the language is detected from the body, as ISO 639-1 (`pipeline/language.py`).
EXPECTED = {
    "Media Cloud": (
        "mediacloud.jsonl",
        [
            (
                "https://riversidegazette.example/news/2025/03/06/footbridge-approved",
                "9c1f4e2a7b3d4f06a8e5c2d1b0a9f8e7",
                "Riverside Gazette",
                date(2025, 3, 6),
                "en",
            ),
            (
                "https://northfieldecho.example/2025/03/06/library-hours",
                "2814000123",
                "Northfield Echo",
                date(2025, 3, 6),
                "en",
            ),
        ],
    ),
    "GDELT": (
        "gdelt.jsonl",
        [
            (
                "https://harbourtimes.example/local/ferry-timetable-2025",
                "https://harbourtimes.example/local/ferry-timetable-2025",
                "harbourtimes.example",
                date(2025, 3, 6),
                "en",
            ),
            (
                "https://lavozdelsur.example/economia/puerto-ampliacion",
                "https://lavozdelsur.example/economia/puerto-ampliacion",
                "lavozdelsur.example",
                date(2025, 3, 5),
                "es",  # detected from its Spanish body
            ),
        ],
    ),
    "news-please": (
        "newsplease.jsonl",
        [
            (
                "https://www.valleypost.example/weather/heat-warning",
                "https://www.valleypost.example/weather/heat-warning",
                "www.valleypost.example",
                date(2025, 3, 6),
                "en",
            ),
            (
                "https://www.valleypost.example/sport/cup-final",
                "https://www.valleypost.example/sport/cup-final",
                "www.valleypost.example",
                date(2025, 3, 5),
                "en",
            ),
        ],
    ),
    "Common Crawl news": (
        "ccnews.jsonl",
        [
            (
                "https://www.coastalherald.example/news/coastal-path-reopens",
                "https://www.coastalherald.example/news/coastal-path-reopens",
                "www.coastalherald.example",
                date(2025, 3, 5),
                "en",  # none declared: detected from the body
            ),
            (
                "https://www.coastalherald.example/news/robotics-prize",
                "https://www.coastalherald.example/news/robotics-prize",
                "www.coastalherald.example",
                date(2025, 3, 4),
                "en",
            ),
        ],
    ),
}
PROVENANCE = ["url", "source_id", "publisher", "published", "language"]


def run_all(settings: Settings, warehouse: Warehouse, analyser) -> None:
    for key in plan_batches(settings, warehouse).runs:
        run_batch(settings, warehouse, key, analyser)


def documents(warehouse: Warehouse) -> dict[str, dict]:
    return {r["source_path"]: r for r in warehouse.read("documents").to_pylist()}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_every_documented_export_has_a_fixture_and_its_fields_are_read() -> None:
    assert sorted(EXPECTED) == sorted(e.name for e in EXPORTS)
    cleaning = (PROJECT_ROOT / "docs" / "cleaning.md").read_text(encoding="utf-8")
    for export in EXPORTS:
        assert export.name in cleaning
        for kind, names in export.fields.items():
            assert set(names) <= set(FIELDS[kind]), (export.name, kind)
            for name in names:
                assert f"`{name}`" in cleaning, f"docs/cleaning.md does not list {name}"


@pytest.mark.parametrize("export", sorted(EXPECTED))
def test_each_export_lands_with_url_source_id_publisher_and_date(
    export: str, settings: Settings, warehouse: Warehouse, analyser
) -> None:
    fixture, expected = EXPECTED[export]
    shutil.copy(EXPORT_FIXTURES / fixture, settings.raw_dir / fixture)
    run_all(settings, warehouse, analyser)
    assert warehouse.read("rejected").num_rows == 0
    table = warehouse.read("documents").sort_by("published").to_pylist()
    found = [tuple(row[c] for c in PROVENANCE) for row in table]
    assert sorted(found, key=lambda r: r[3]) == sorted(expected, key=lambda r: r[3])
    assert {row["source_path"] for row in table} == {fixture}


def test_a_folder_declares_what_its_files_do_not_say(settings, warehouse, analyser) -> None:
    raw = settings.raw_dir
    write(raw / "bbc" / "_source.toml", 'publisher = "BBC News"\nlanguage = "en"\n')
    write(raw / "bbc" / "politics" / "_source.toml", "published = 2005-03-01\n")
    write(raw / "bbc" / "sport" / "_source.toml", 'publisher = "BBC Sport"\n')
    write(raw / "bbc" / "a.txt", STORY.format(n=1))
    write(raw / "bbc" / "politics" / "b.txt", STORY.format(n=2))
    write(raw / "bbc" / "sport" / "c.txt", STORY.format(n=3))
    own = '{"text": "%s", "publisher": "Reuters", "date": "2005-02-11", "language": "en-GB"}'
    write(raw / "bbc" / "politics" / "d.json", own % STORY.format(n=4))
    write(raw / "other.txt", STORY.format(n=5))
    run_all(settings, warehouse, analyser)

    found = {p: tuple(d[c] for c in PROVENANCE[2:]) for p, d in documents(warehouse).items()}
    assert found == {
        "bbc/a.txt": ("BBC News", None, "en"),
        "bbc/politics/b.txt": ("BBC News", date(2005, 3, 1), "en"),
        "bbc/sport/c.txt": ("BBC Sport", None, "en"),
        "bbc/politics/d.json": ("Reuters", date(2005, 2, 11), "en"),  # its own values win
        "other.txt": (None, None, "en"),  # the language is detected, declared or not
    }
    assert "_source.toml" not in " ".join(warehouse.read("files")["source_path"].to_pylist())


def test_a_changed_declaration_processes_its_files_again(settings, warehouse, analyser) -> None:
    raw = settings.raw_dir
    write(raw / "bbc" / "_source.toml", 'publisher = "BBC"\n')
    write(raw / "bbc" / "a.txt", STORY.format(n=1))
    write(raw / "other.txt", STORY.format(n=2))
    run_all(settings, warehouse, analyser)
    ids = {p: d["doc_id"] for p, d in documents(warehouse).items()}
    assert plan_batches(settings, warehouse).runs == []

    write(raw / "bbc" / "_source.toml", 'publisher = "BBC News"\n')
    plan = plan_batches(settings, warehouse)
    assert [c.rel for c in plan.scan.changes] == ["bbc/a.txt"]
    for key in plan.runs:
        run_batch(settings, warehouse, key, analyser)
    docs = documents(warehouse)
    assert {p: d["publisher"] for p, d in docs.items()} == {
        "bbc/a.txt": "BBC News",
        "other.txt": None,
    }
    assert {p: d["doc_id"] for p, d in docs.items()} == ids  # the article is the same one
    assert plan_batches(settings, warehouse).runs == []

    (raw / "bbc" / "_source.toml").unlink()
    run_all(settings, warehouse, analyser)
    assert documents(warehouse)["bbc/a.txt"]["publisher"] is None
    assert warehouse.read("documents").num_rows == 2


def test_an_unusable_declaration_rejects_its_files_until_it_is_fixed(
    settings, warehouse, analyser
) -> None:
    raw = settings.raw_dir
    write(raw / "bbc" / "_source.toml", 'publisher = "BBC News\n')  # an unclosed string
    write(raw / "bbc" / "sport" / "a.txt", STORY.format(n=1))
    write(raw / "other.txt", STORY.format(n=2))
    run_all(settings, warehouse, analyser)
    [rejected] = warehouse.read("rejected").to_pylist()
    assert rejected["source_path"] == "bbc/sport/a.txt"
    assert rejected["stage"] == "read"
    assert re.match(r"bbc/_source\.toml cannot be used \(.*line 1.*\); fix it", rejected["error"])
    assert list(documents(warehouse)) == ["other.txt"]
    assert plan_batches(settings, warehouse).runs == [], "no retry until the file changes"

    write(raw / "bbc" / "_source.toml", 'publisher = "BBC News"\n')
    run_all(settings, warehouse, analyser)
    assert warehouse.read("rejected").num_rows == 0
    assert documents(warehouse)["bbc/sport/a.txt"]["publisher"] == "BBC News"


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('publsher = "BBC"', "unknown key publsher; it may set publisher, language, published"),
        ('published = "soon"', "published = 'soon' is no date; write it as 2005-03-01"),
        ("publisher = 7", "publisher must be a non-empty string, not 7"),
        ("publisher = [", "Invalid value"),
    ],
)
def test_declarations_say_what_is_wrong(tmp_path: Path, toml: str, problem: str) -> None:
    write(tmp_path / "_source.toml", toml)
    declared = Declarations(tmp_path).of("a.txt")
    assert declared.problem is not None and problem in declared.problem
    assert declared.digest is not None


def test_declarations_merge_key_by_key_and_accept_written_dates(tmp_path: Path) -> None:
    write(tmp_path / "_source.toml", 'publisher = "BBC"\npublished = "1 March 2005"\n')
    write(tmp_path / "sport" / "_source.toml", 'publisher = "BBC Sport"\nlanguage = "en"\n')
    declarations = Declarations(tmp_path)
    sport = declarations.of("sport/deeper/a.txt")
    assert (sport.publisher, sport.language, sport.published) == (
        "BBC Sport",
        "en",
        date(2005, 3, 1),
    )
    assert declarations.of("a.txt").digest != sport.digest
    (tmp_path / "undeclared").mkdir()
    assert Declarations(tmp_path / "undeclared").of("a.txt").digest is None
