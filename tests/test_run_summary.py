"""What `make run` says: progress inside a long batch, and at its end the rows added per table,
the rejected files with their reasons and a command to look at the tables; no third-party
noise."""

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline import progress
from pipeline.ingest import plan_batches, run_batch
from pipeline.progress import Progress, duration
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse
from pipeline.summary import SHOWN_REJECTS
from pipeline.workers import CHUNK, Analyser

from .conftest import SAMPLE_CORPUS, instance_env, run_cli

log = logging.getLogger("test.progress")


def test_progress_speaks_only_when_the_work_outlasts_its_interval(caplog) -> None:
    caplog.set_level(logging.INFO)
    quiet = Progress(log, "articles analysed", 100)
    for done in range(100):
        quiet(done)
    assert caplog.messages == []  # all of it within the interval: nothing said
    eager = Progress(log, "files looked at", 100, every=0)
    eager(0)
    eager(40, ", 12 read")
    eager(100)  # the work is over: the batch's own line follows
    [message] = caplog.messages
    assert re.fullmatch(r"40/100 files looked at, 12 read \([\d,.]+/s, about .+ left\)", message)


def test_durations_read_as_people_say_them() -> None:
    assert [duration(s) for s in (4.24, 42.4, 185, 7620)] == [
        "4.2 s",
        "42 s",
        "3 min 05 s",
        "2 h 07 min",
    ]


def test_a_long_batch_reports_files_and_articles_with_rate_and_time_left(
    settings: Settings, warehouse: Warehouse, analyser: Analyser, caplog, monkeypatch
) -> None:
    for i in range(CHUNK + 4):
        (settings.raw_dir / f"{i:02d}.txt").write_text(
            f"Ministers from {i + 2} nations met in Geneva on Friday, officials said."
        )
    monkeypatch.setattr(progress, "EVERY", 0.0)  # every piece of work is "long"
    caplog.set_level(logging.INFO)
    [batch] = plan_batches(settings, warehouse).batches
    run_batch(settings, warehouse, batch, analyser, logger=log)
    said = "\n".join(caplog.messages)
    assert re.search(r"\n19/20 files looked at, 19 read \([\d,.]+/s, about .+ left\)", said)
    # the analysis reports after each chunk but the last
    assert re.search(rf"\n{CHUNK}/20 articles analysed \([\d,.]+/s, about .+ left\)", said)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    return instance_env(tmp_path, tmp_path / "raw", tmp_path / "warehouse")


def test_make_run_ends_with_rows_rejects_and_how_to_look(cli_env: dict[str, str]) -> None:
    raw = Path(cli_env["PIPELINE_RAW_DIR"])
    (raw / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    for i in range(SHOWN_REJECTS + 2):
        (raw / f"empty-{i:02d}.txt").write_text("")
    done = run_cli(cli_env)
    assert done.returncode == 0, done.stderr[-3000:]
    said = done.stderr
    assert "alembic" not in said  # third-party INFO stays out of the console
    assert re.search(r"done in .+: 1 batch\(es\), 18 file\(s\) read, 5 article\(s\) analysed", said)
    assert re.search(r"rows added: documents 5, .*rejected 13, files 18", said)
    assert re.search(r"corpus tables, rows now: publishers \d+, mentions \d+", said)
    assert "  binary.txt: [decode] binary data" in said
    assert "  empty-00.txt: [read] empty file (0 bytes)" in said
    assert f"  ... and {13 - SHOWN_REJECTS} more file(s)" in said
    assert "empty-11.txt" not in said  # listed in the table, not on the console
    # the command it ends with shows the articles
    command = said.rsplit("look at them with: ", 1)[1].strip()
    shown = subprocess.run(
        command, shell=True, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0, shown.stderr
    assert "title" in shown.stdout and "Express & Star" in shown.stdout
    # a run that does nothing says so, and only that
    again = run_cli(cli_env)
    assert "no run needed" in again.stderr and "rows added" not in again.stderr
