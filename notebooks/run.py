"""Run `explore.ipynb` top to bottom against the warehouse (`PIPELINE_WAREHOUSE_DIR`) and write
the executed copy elsewhere, so the tracked notebook never gains outputs (`make notebook`).

    python notebooks/run.py --to build/explore.ipynb                 # what `make notebook` does
    python notebooks/run.py --to build/explore.ipynb --figures docs  # and the README's charts
"""

import argparse
import os
from pathlib import Path

import nbclient
import nbformat

SOURCE = Path(__file__).resolve().with_name("explore.ipynb")


def execute(target: Path, figures: Path | None = None) -> None:
    """Execute the source notebook into `target`; the copy is written even when a cell fails, so
    its traceback can be read there. `figures`: the folder the charts the README shows go to."""
    target = target.resolve()
    if target == SOURCE:
        raise SystemExit(f"{SOURCE} is the tracked notebook: write the executed copy elsewhere")
    if figures is not None:
        os.environ["NOTEBOOK_FIGURES_DIR"] = str(figures.resolve())  # the kernel inherits it
    notebook = nbformat.read(SOURCE, as_version=4)
    target.parent.mkdir(parents=True, exist_ok=True)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": target.parent}},
    )
    try:
        client.execute()
    finally:
        nbformat.write(notebook, target)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, required=True, help="where the executed copy goes")
    parser.add_argument("--figures", type=Path, help="also save the README's charts there")
    args = parser.parse_args()
    try:
        execute(args.to, args.figures)
    except nbclient.exceptions.CellExecutionError as error:
        raise SystemExit(f"{error}\nthe cell above failed; the outputs so far: {args.to}") from None
    print(f"executed notebook: {args.to.resolve()}")
