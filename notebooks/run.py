"""Run `explore.ipynb` top to bottom against the warehouse and save it with its outputs
(`make notebook`). Open it afterwards in Jupyter or VS Code with the `.venv` kernel."""

from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).with_name("explore.ipynb")

if __name__ == "__main__":
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    ).execute()
    nbformat.write(notebook, NOTEBOOK)
    print(f"ran {NOTEBOOK} and saved its outputs")
