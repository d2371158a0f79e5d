"""What the benchmarks share: the command line of those over `../shared/`, and running a
command while sampling the memory of its process tree."""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import tempfile
import time
from pathlib import Path

import psutil

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
MIB = 1024 * 1024


def shared_args(doc: str) -> argparse.Namespace | None:
    """`--shared` and `--show-errors`; None (after saying so) when the shared folder is absent,
    so a benchmark skips cleanly."""
    parser = argparse.ArgumentParser(description=doc.split("\\n\\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"skipped: {args.shared} is absent")
        return None
    return args


def run_measured(
    command: list[str], env: dict[str, str], logs: bool = False, timeout: float | None = None
) -> tuple[str, float, int]:
    """Run `command` to its end: its output (then its standard error, with `logs`), wall
    seconds and the peak RSS of its process tree. Still running after `timeout` seconds: its
    process tree is killed and TimeoutError raised, so a benchmark reports it and goes on."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=out, stderr=err)
        root, peak = psutil.Process(proc.pid), 0
        while proc.poll() is None:
            peak = max(peak, tree_rss(root))
            if timeout is not None and time.perf_counter() - started > timeout:
                kill_tree(root)
                proc.wait()
                raise TimeoutError(f"{' '.join(command)}: still running after {timeout:.0f} s")
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        if proc.returncode:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-3000:]
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{tail}")
        out.seek(0)
        err.seek(0)
        text = out.read().decode() + (err.read().decode(errors="replace") if logs else "")
        return text, seconds, peak


def tree_rss(root: psutil.Process) -> int:
    """The resident memory of `root` and all its descendants, summed."""
    total = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def kill_tree(root: psutil.Process) -> None:
    """Kill `root` and all its descendants, children first."""
    try:
        processes = [*root.children(recursive=True), root]
    except psutil.NoSuchProcess:
        return
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
