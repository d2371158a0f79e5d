"""`make ui`: `dagster dev` (webserver, daemon, code server and the runs they launch), stopped
whole and promptly on SIGINT or SIGTERM.

Left to itself, `dagster dev` asks its webserver and daemon to stop and waits for them, while
the code server waits for a run in progress, whose steps may take their time: 47 s after
SIGTERM with a run of the multiprocess executor. So it runs in a process group of its own;
a stop signal is passed to the whole group as SIGINT (what Ctrl-C in a terminal does: each
process shuts down cleanly, a run is interrupted as in `make run`), and whatever is left of
the group `GRACE` seconds later is killed. Runs stopped that way lose nothing: a commit is
atomic, and the next run finishes the batch.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from types import FrameType

from pipeline.interrupts import STOP_SIGNALS

GRACE = 10.0  # seconds the processes have to stop by themselves


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assets.ui", description=__doc__)
    parser.add_argument("--port", type=int, default=3000)
    args = parser.parse_args(argv)
    return supervise(dagster_dev(args.port, "-w", "workspace.yaml"))


def dagster_dev(port: int, *location: str) -> list[str]:
    """`dagster dev` of this interpreter's environment, bound to 127.0.0.1, loading the code
    `location` names (`-w workspace.yaml` in a checkout, `-m assets.definitions` installed)."""
    return [sys.executable, "-m", "dagster", "dev", *location, "-h", "127.0.0.1", "-p", str(port)]


def supervise(command: list[str], grace: float = GRACE) -> int:
    """Run `command` in a process group of its own until it ends or a stop signal arrives, then
    stop the group; the command's exit status, or 128 + the signal's number."""
    received: list[int] = []

    def stop(signo: int, _frame: FrameType | None) -> None:
        received.append(signo)

    for signo in STOP_SIGNALS:
        signal.signal(signo, stop)
    child = subprocess.Popen(command, process_group=0)
    try:
        while child.poll() is None and not received:
            time.sleep(0.2)
    finally:
        stop_group(child, grace)
    return 128 + received[0] if received else child.returncode


def stop_group(child: subprocess.Popen[bytes], grace: float) -> None:
    """SIGINT to every process of `child`'s group, SIGKILL to those left after `grace` s."""
    _signal_group(child.pid, signal.SIGINT)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        child.poll()  # reaped, the group leader no longer counts as a member
        if not _signal_group(child.pid, 0):
            return
        time.sleep(0.1)
    _signal_group(child.pid, signal.SIGKILL)
    child.wait()


def _signal_group(group: int, signo: int) -> bool:
    """Send `signo` to process group `group`; False when no process is left in it."""
    try:
        os.killpg(group, signo)
    except ProcessLookupError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
