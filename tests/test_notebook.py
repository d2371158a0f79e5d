"""The analyst's notebook runs top to bottom against the sample corpus's tables, as a user
would open it after `make run`; its two README plots are refreshed from the run."""

from pathlib import Path

import nbclient
import nbformat
import pytest

from pipeline.settings import PROJECT_ROOT

from .conftest import SAMPLE_CORPUS, instance_env, run_cli

NOTEBOOK = PROJECT_ROOT / "notebooks" / "explore.ipynb"
DOCS = PROJECT_ROOT / "docs"


def test_notebook_runs_on_the_sample_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "warehouse"
    env = instance_env(tmp_path, SAMPLE_CORPUS, warehouse)
    assert run_cli(env).returncode == 0
    monkeypatch.setenv("PIPELINE_WAREHOUSE_DIR", str(warehouse))
    monkeypatch.setenv("NOTEBOOK_FIGURES_DIR", str(DOCS))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    )
    client.execute()  # raises CellExecutionError when a cell fails
    text = "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert "John Healey" in text and "people killed" in text
    for image in ("notebook-entities.png", "notebook-reuse.png"):
        assert (DOCS / image).stat().st_size > 10_000
