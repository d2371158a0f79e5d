"""Files that vanish, change while read, cannot be read, link elsewhere, or have odd names."""

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import nlp
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import PROJECT_ROOT
from pipeline.store import Warehouse
from pipeline.workers import Analyser

from .conftest import run_core
from .test_bad_input import GOOD

model = Analyser(nlp.DEFAULT_MODEL)


def test_file_that_vanishes_after_planning_is_not_an_error(make_settings) -> None:
    settings = make_settings()
    for name in ("stays.txt", "goes.txt"):
        (settings.raw_dir / name).write_text(GOOD + name)
    warehouse = Warehouse(settings.warehouse_dir)
    [key] = plan_batches(settings, warehouse).batches
    (settings.raw_dir / "goes.txt").unlink()
    report = run_batch(settings, warehouse, key, model)
    assert report.read == 1
    assert warehouse.read("files")["source_path"].to_pylist() == ["stays.txt"]
    assert warehouse.read("rejected").num_rows == 0


def test_known_file_that_vanishes_loses_its_rows(make_settings) -> None:
    settings = make_settings()
    for name in ("stays.txt", "goes.txt"):
        (settings.raw_dir / name).write_text(GOOD + name)
    run_core(settings)
    (settings.raw_dir / "goes.txt").unlink()
    [report] = run_core(settings)
    assert report.deleted == 1
    documents = Warehouse(settings.warehouse_dir).read("documents")
    assert documents["source_path"].to_pylist() == ["stays.txt"]


def test_file_changing_while_read_is_read_whole_or_retried(make_settings) -> None:
    settings = make_settings()
    path = settings.raw_dir / "live.txt"
    path.write_text(GOOD)
    warehouse = Warehouse(settings.warehouse_dir)
    [key] = plan_batches(settings, warehouse).batches
    stop = threading.Event()

    def keep_writing() -> None:
        for n in range(2000):  # bounded: about 60 kB over a second or two
            if stop.is_set():
                return
            with path.open("a") as fh:
                fh.write(f" More text {n}.")
            time.sleep(0.0005)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        run_batch(settings, warehouse, key, model)
    finally:
        stop.set()
        writer.join()
    rejected = warehouse.read("rejected").to_pylist()
    documents = warehouse.read("documents").to_pylist()
    assert len(rejected) + len(documents) == 1  # one outcome, never a torn read
    if rejected:
        assert "kept changing" in rejected[0]["error"]
    else:
        assert documents[0]["body"].startswith(GOOD[:40])
    [next_key] = plan_batches(settings, warehouse).batches  # it settled: read again
    run_batch(settings, warehouse, next_key, model)
    assert warehouse.read("documents")["body"][0].as_py().endswith(".")


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs util-linux setpriv")
def test_unreadable_file_is_rejected_with_advice(make_settings, tmp_path: Path) -> None:
    """Root reads anything, so the run drops the capability that lets it (as a real user would
    lack it); a non-root run needs nothing dropped."""
    settings = make_settings()
    (settings.raw_dir / "secret.txt").write_text(GOOD)
    (settings.raw_dir / "secret.txt").chmod(0)
    (settings.raw_dir / "open.txt").write_text(GOOD + " Open.")
    prefix = []
    if os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    code = (
        "from pathlib import Path\n"
        "from pipeline.settings import Settings\n"
        "from tests.reliability.conftest import run_core\n"
        f"run_core(Settings(raw_dir=Path({str(settings.raw_dir)!r}), "
        f"warehouse_dir=Path({str(settings.warehouse_dir)!r})))\n"
    )
    done = subprocess.run(
        [*prefix, sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    warehouse = Warehouse(settings.warehouse_dir)
    [row] = warehouse.read("rejected").to_pylist()
    assert row["source_path"] == "secret.txt" and row["stage"] == "read"
    assert "Permission denied" in row["error"] and "permissions" in row["error"]
    assert warehouse.read("documents")["source_path"].to_pylist() == ["open.txt"]


def test_symlinks_never_lead_outside_the_raw_folder(make_settings, tmp_path: Path) -> None:
    settings = make_settings()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.txt").write_text("Private notes that are not an article at all.")
    (settings.raw_dir / "file_link.txt").symlink_to(outside / "private.txt")
    (settings.raw_dir / "dir_link").symlink_to(outside, target_is_directory=True)
    (settings.raw_dir / "loop").symlink_to(settings.raw_dir, target_is_directory=True)
    (settings.raw_dir / "real.txt").write_text(GOOD)
    run_core(settings)
    paths = Warehouse(settings.warehouse_dir).read("files")["source_path"].to_pylist()
    assert paths == ["real.txt"]


def test_odd_file_names(make_settings) -> None:
    settings = make_settings()
    raw = os.fsencode(settings.raw_dir)
    names = [b"with space.txt", b"new\nline.txt", b"latin1-caf\xe9.txt", "日本語.txt".encode()]
    for i, name in enumerate(names):
        with open(os.path.join(raw, name), "wb") as fh:
            fh.write(f"{GOOD} Number {i}.".encode())
    run_core(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    paths = sorted(warehouse.read("documents")["source_path"].to_pylist())
    assert paths == sorted(["with space.txt", "new\nline.txt", "latin1-caf\\xe9.txt", "日本語.txt"])
    assert warehouse.read("rejected").num_rows == 0
    time.sleep(0.01)
    assert plan_batches(settings, warehouse).batches == []  # all known: nothing re-read
