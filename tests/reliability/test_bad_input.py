"""Every kind of bad input a scraped folder brings: a `rejected` row a person can act on, and the
rest of the batch processed as if it were not there."""

import gzip
import json
from pathlib import Path

import pytest

from pipeline.settings import Settings
from pipeline.store import Warehouse

from .conftest import run_core

GOOD = (
    "Ministers from thirty nations met in Brussels on Thursday to agree the next steps of "
    "their support, officials said after the talks ended late in the evening."
)


def _bytes_cases() -> dict[str, tuple[bytes, str, str]]:
    """name -> (content, stage, words the message must contain)."""
    return {
        "empty.txt": (b"", "read", "empty file"),
        "blank.txt": (b" \n\t\r\n  \n", "read", "only whitespace"),
        "photo.jpg": (
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4,
            "decode",
            "JPEG",
        ),
        "scan.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "decode", "PDF"),
        "bundle.zip": (b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 64, "decode", "ZIP"),
        "garbage.txt": (bytes(range(0x80, 0x100)) * 8, "decode", "undecodable"),
        "nul.txt": (b"text\x00with\x00nul\x00bytes\x01\x02" * 30, "decode", "binary"),
        "config.json": (
            json.dumps({"theme": "dark", "items": [1, 2]}).encode(),
            "parse",
            "no article text",
        ),
        "broken.json": (b'{"text": "unterminated', "parse", "invalid JSON"),
        "bomb.txt.gz": (gzip.compress(b"a" * 5_000_000), "decode", "expands beyond"),
        "nested.html": (
            ("<html><body>" + "<div>" * 50_000 + "deep" + "</div>" * 50_000).encode(),
            "parse",
            "HTML",
        ),
    }


CASES = _bytes_cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_rejected_and_the_batch_goes_on(make_settings, name: str) -> None:
    content, stage, phrase = CASES[name]
    settings = make_settings(max_file_bytes=1_000_000)
    (settings.raw_dir / name).write_bytes(content)
    (settings.raw_dir / "good.txt").write_text(GOOD)
    [report] = run_core(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    [row] = warehouse.read("rejected").to_pylist()
    assert (row["source_path"], row["stage"]) == (name, stage)
    assert phrase.lower() in row["error"].lower()
    assert warehouse.read("documents")["source_path"].to_pylist() == ["good.txt"]
    assert report.rejected_files == 1


def test_mixed_encodings_are_read_not_rejected(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "mixed.txt").write_bytes(
        GOOD.encode() + " Zelenskyy’s “pressure” – €5bn".encode("cp1252")
    )
    run_core(settings)
    [doc] = Warehouse(settings.warehouse_dir).read("documents").to_pylist()
    assert doc["body"].endswith("Zelenskyy’s “pressure” – €5bn")


def test_broken_html_is_read(make_settings) -> None:
    settings = make_settings()
    broken = "<html><body><p>" + GOOD + " <b>bold <i>open <p>" + GOOD + " </div></span> & < junk"
    (settings.raw_dir / "broken.html").write_text(broken)
    run_core(settings)
    [doc] = Warehouse(settings.warehouse_dir).read("documents").to_pylist()
    assert GOOD in doc["body"]


def test_hundred_megabyte_file_is_rejected_by_the_size_limit(make_settings) -> None:
    settings = make_settings()  # the default limit: 64 MiB
    big = settings.raw_dir / "huge.txt"
    with big.open("wb") as fh:
        chunk = (GOOD + "\n").encode() * 4096
        while fh.tell() < 100 * 1024 * 1024:
            fh.write(chunk)
    run_core(settings)
    [row] = Warehouse(settings.warehouse_dir).read("rejected").to_pylist()
    assert row["stage"] == "read"
    assert "over the 67,108,864-byte limit" in row["error"]
    assert "PIPELINE_MAX_FILE_BYTES" in row["error"]


def test_ten_megabyte_single_line_is_rejected_by_the_model_limit(make_settings) -> None:
    settings = make_settings(max_file_bytes=20_000_000)
    (settings.raw_dir / "oneline.txt").write_text("word " * 2_000_000)
    (settings.raw_dir / "good.txt").write_text(GOOD)
    run_core(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    [row] = warehouse.read("rejected").to_pylist()
    assert (row["source_path"], row["stage"]) == ("oneline.txt", "nlp")
    assert "limit of the NLP model" in row["error"]
    assert warehouse.read("documents").num_rows == 1
    files = {r["source_path"]: r["status"] for r in warehouse.read("files").to_pylist()}
    assert files == {"good.txt": "ok", "oneline.txt": "rejected"}


def test_rejected_file_is_retried_when_it_changes(make_settings) -> None:
    settings = make_settings()
    path: Path = settings.raw_dir / "later.txt"
    path.write_bytes(b"")
    run_core(settings)
    assert run_core(settings) == []  # unchanged: not retried
    path.write_text(GOOD)
    run_core(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    assert warehouse.read("rejected").num_rows == 0
    assert warehouse.read("documents").num_rows == 1


def test_json_lines_with_some_bad_records_keep_the_good_ones(make_settings) -> None:
    settings: Settings = make_settings()
    lines = [json.dumps({"text": GOOD}), "not json", json.dumps({"title": "no text"})]
    (settings.raw_dir / "feed.jsonl").write_text("\n".join(lines))
    run_core(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    assert warehouse.read("documents").num_rows == 1
    errors = sorted(r["error"][:9] for r in warehouse.read("rejected").to_pylist())
    assert errors == ["record 2:", "record 3:"]
    assert warehouse.read("files")["status"].to_pylist() == ["partial"]
