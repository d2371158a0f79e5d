"""What is built once is read back, never stale and never in the way."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import cache
from pipeline.entities import places
from pipeline.versions import GAZETTEER_PACKAGES


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting() -> tuple[list[int], Callable[[], dict[str, int]]]:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    return calls, build


def test_built_once_then_read_back(folder: Path) -> None:
    calls, build = counting()
    assert cache.cached("thing", ("pyarrow",), build) == {"built": 1}
    assert cache.cached("thing", ("pyarrow",), build) == {"built": 1}
    assert len(calls) == 1
    assert [p.name.startswith("thing-") for p in folder.iterdir()] == [True]


def test_other_package_versions_are_another_file(folder: Path) -> None:
    calls, build = counting()
    cache.cached("thing", ("pyarrow",), build)
    cache.cached("thing", ("pandas",), build)
    assert len(calls) == 2
    assert len(list(folder.glob("thing-*.pickle"))) == 1  # the newer replaced the older


def test_a_broken_file_is_built_again(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    _, build = counting()
    cache.cached("thing", ("pyarrow",), build)
    (kept,) = folder.glob("thing-*.pickle")
    kept.write_bytes(kept.read_bytes()[:5])
    with caplog.at_level(logging.WARNING):
        assert cache.cached("thing", ("pyarrow",), build) == {"built": 2}
    assert "could not be read" in caplog.text
    assert cache.cached("thing", ("pyarrow",), build) == {"built": 2}


def test_a_folder_that_cannot_be_written_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(blocker / "cache"))
    _, build = counting()
    with caplog.at_level(logging.WARNING):
        assert cache.cached("thing", ("pyarrow",), build) == {"built": 1}
        assert cache.cached("thing", ("pyarrow",), build) == {"built": 2}
    assert "not kept" in caplog.text


def test_the_gazetteer_read_back_is_the_one_built(folder: Path) -> None:
    first = cache.cached("gazetteer", GAZETTEER_PACKAGES, places.Gazetteer)
    again = cache.cached("gazetteer", GAZETTEER_PACKAGES, places.Gazetteer)
    assert again is not first and again.names == first.names
    assert again.candidates(["Kiev"])[0].place.country == "UA"
