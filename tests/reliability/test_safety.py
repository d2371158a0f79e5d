"""Nothing in an input can run code, servers bind to loopback, and `make run` writes only where
it says it does."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.settings import PROJECT_ROOT
from pipeline.tables import TABLES

from ..conftest import instance_env
from .conftest import copy_corpus

NAMES = set(TABLES)
# `make ui`'s supervisor starts `dagster dev` with a fixed command line: the one process the code
# starts, with nothing from an input in it. It is checked apart (`test_servers_bind_to_loopback`).
UI = PROJECT_ROOT / "assets" / "ui.py"
CODE = [
    *PROJECT_ROOT.glob("pipeline/**/*.py"),
    *(p for p in PROJECT_ROOT.glob("assets/**/*.py") if p != UI),
]
UNSAFE = re.compile(
    r"\bimport pickle\b|\bpickle\.|\bcloudpickle\b|\bmarshal\.|\bshelve\.|\beval\(|\bexec\(|"
    r"yaml\.load\(|\bsubprocess\b|os\.system\("
)


def test_no_code_path_can_execute_input() -> None:
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}: {line.strip()}"
        for path in CODE
        for line in path.read_text(encoding="utf-8").splitlines()
        if UNSAFE.search(line)
    ]
    assert offenders == []


def test_servers_bind_to_loopback() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    ui = re.search(r"^ui:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert ui and "-m assets.ui" in ui.group(1)
    from assets.ui import dagster_dev

    command = dagster_dev(3000, "-w", "workspace.yaml")
    assert command[command.index("-h") + 1] == "127.0.0.1"
    assert "0.0.0.0" not in makefile + UI.read_text()
    assert [line for line in UI.read_text().splitlines() if "Popen(" in line] == [
        "    child = subprocess.Popen(command, process_group=0)"
    ], "the supervisor starts one process, the command dagster_dev builds"


def _tree(root: Path, skip: tuple[str, ...]) -> dict[str, int]:
    return {
        str(p.relative_to(root)): p.stat().st_mtime_ns
        for p in root.rglob("*")
        if not any(part in skip for part in p.relative_to(root).parts)
    }


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_writes_only_warehouse_and_dagster_home(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    copy_corpus(raw, copies=1)
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    warehouse = tmp_path / "warehouse"
    env = instance_env(tmp_path / "instance", raw, warehouse, HOME=str(home), TMPDIR=str(tmp))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the Makefile must see to it itself
    skip = (".venv", ".git", ".pytest_cache", ".ruff_cache", ".hypothesis")
    before = _tree(PROJECT_ROOT, skip)
    raw_before = _tree(raw, ())
    done = subprocess.run(
        ["make", "run"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert _tree(PROJECT_ROOT, skip) == before  # no file in the checkout written or touched
    assert _tree(raw, ()) == raw_before  # the input is read, never written
    assert list(home.iterdir()) == []
    assert (warehouse / "documents").is_dir()
    storage = tmp_path / "instance" / "dagster_home" / "storage"
    pickled = [p for p in storage.rglob("*") if p.name in NAMES or p.name == "result"]
    assert pickled == [], "an asset output went through Dagster's pickling IO manager"
