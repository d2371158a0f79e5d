"""The analyst's notebook runs top to bottom on any warehouse, through `make notebook`'s command:
the sample corpus's, one written from an empty folder, and one of 30 BBC articles (no publisher,
no dates, no boilerplate, no reuse). Each view says in a sentence what a warehouse lacks instead
of failing; the executed copy and the charts go to a temporary folder, so the tracked notebook
and the README's images stay as they are."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from pipeline.settings import PROJECT_ROOT

from .conftest import SAMPLE_CORPUS, SHARED, instance_env, run_cli

NOTEBOOK = PROJECT_ROOT / "notebooks" / "explore.ipynb"
RUN = PROJECT_ROOT / "notebooks" / "run.py"
BBC = SHARED / "corpora" / "bbc"
BBC_PER_SECTION = 6  # the first 6 articles of each of its 5 sections


def warehouse_from(tmp: Path, raw: Path) -> Path:
    """The warehouse `make run` writes from the folder `raw`."""
    warehouse = tmp / "warehouse"
    result = run_cli(instance_env(tmp, raw, warehouse))
    assert result.returncode == 0, result.stderr[-3000:]
    return warehouse


def run_notebook(tmp: Path, warehouse: Path, *options: str) -> str:
    """Run the notebook on `warehouse` as `make notebook` does (it fails if a cell raises) and
    return what its cells printed and displayed."""
    before = NOTEBOOK.read_bytes()
    target = tmp / "executed" / "explore.ipynb"
    result = subprocess.run(
        [sys.executable, str(RUN), "--to", str(target), *options],
        env={**os.environ, "PIPELINE_WAREHOUSE_DIR": str(warehouse)},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    assert f"executed notebook: {target}" in result.stdout
    assert NOTEBOOK.read_bytes() == before, "the run wrote into the tracked notebook"
    return "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for cell in nbformat.read(target, as_version=4).cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def test_the_tracked_notebook_has_no_outputs() -> None:
    cells = [c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    assert cells and not any(c.outputs or c.execution_count for c in cells)


def test_the_notebook_runs_on_the_sample_corpus(tmp_path: Path) -> None:
    warehouse = warehouse_from(tmp_path, SAMPLE_CORPUS)
    figures = tmp_path / "figures"  # as `notebooks/run.py --figures docs` refreshes the README's
    figures.mkdir()
    text = run_notebook(tmp_path, warehouse, "--figures", str(figures))
    assert "5 articles (1 dated, 2 with a publisher), 1 story" in text
    assert "1 dated article per day and publisher" in text
    assert "John Healey" in text and "people killed" in text
    assert "disagreeing with another count" in text and "reuse pairs in 1 story" in text
    assert "places on the map" in text
    assert "Kyiv / Ukraine" in text or "Ukraine / Kyiv" in text  # a country stands at its capital
    for image in ("notebook-entities.png", "notebook-map.png", "notebook-reuse.png"):
        assert (figures / image).stat().st_size > 10_000


def test_the_notebook_says_what_an_empty_warehouse_lacks(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = run_notebook(tmp_path, warehouse_from(tmp_path, raw))
    for sentence in (
        "no articles in",
        "no dated articles in this warehouse",
        "no people or organisations are mentioned in this warehouse",
        "no entities in this warehouse",
        "no geocoded places in this warehouse",
        "no money figures in this warehouse",
        "no counts of people killed or injured in this warehouse",
        "no stories in this warehouse",
        "no statements or reported speech with a named speaker in this warehouse",
        "no reuse pairs in this warehouse",
        "no boilerplate was removed from any article in this warehouse",
    ):
        assert sentence in text


@pytest.mark.skipif(
    not BBC.is_dir(), reason=f"{BBC} is absent (the BBC corpus is read from there, never copied)"
)
def test_the_notebook_runs_on_bbc_articles_without_publisher_or_dates(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    for section in sorted(p for p in BBC.iterdir() if p.is_dir()):
        (raw / section.name).mkdir(parents=True)
        for article in sorted(section.glob("*.txt"))[:BBC_PER_SECTION]:
            shutil.copy(article, raw / section.name / article.name)
    text = run_notebook(tmp_path, warehouse_from(tmp_path, raw))
    assert "30 articles (0 dated, 0 with a publisher)" in text
    assert "places on the map" in text
    assert "no dated articles in this warehouse (30 undated)" in text
    assert "no dated money figures in this warehouse" in text
    assert "no reuse pairs in this warehouse" in text
    assert "no boilerplate was removed from any article in this warehouse" in text
    assert "speakers quoted by 1 publisher" in text
