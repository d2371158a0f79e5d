"""Stop signals (SIGINT: Ctrl-C; SIGTERM: `kill`, a service or container stopping): work stops,
but never halfway through applying a commit, and a command can tell which signal stopped it."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold the stop signals until the block ends, then act on them as before: for work that
    must finish once begun, such as renaming a commit's files into place (interrupted there, a
    commit would stay half applied until the next run rolls it forward). Python runs signal
    handlers on the main thread only, so elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []

    def hold(signo: int, _frame: FrameType | None) -> None:
        held.append(signo)

    before = {signo: signal.signal(signo, hold) for signo in STOP_SIGNALS}
    try:
        yield
    finally:
        for signo, handler in before.items():
            signal.signal(signo, handler if handler is not None else signal.SIG_DFL)
        if held:
            signal.raise_signal(held[0])


class StopSignals:
    """The stop signal this process received, whichever handler took it: while a Dagster run
    executes, Dagster's handler takes both signals (and raises inside the step) without keeping
    which one it was. Python writes the number of every signal it catches to the wakeup file
    descriptor before any handler runs, so it is read back from there.

    Outside runs both signals raise KeyboardInterrupt: SIGTERM's default would end the process
    at once, with no message and no clean-up. Main thread only (signal handlers are set there).
    """

    def __init__(self) -> None:
        self._wakeups, write = os.pipe()
        for fd in (self._wakeups, write):
            os.set_blocking(fd, False)
        signal.set_wakeup_fd(write)
        for signo in STOP_SIGNALS:
            signal.signal(signo, signal.default_int_handler)
        self._received: signal.Signals | None = None

    def received(self) -> signal.Signals | None:
        """The first stop signal received so far, if any."""
        while self._received is None:
            try:
                numbers = os.read(self._wakeups, 64)
            except BlockingIOError:
                break
            stops = (signal.Signals(n) for n in numbers if n in STOP_SIGNALS)
            self._received = next(stops, None)
        return self._received

    def raise_if_received(self) -> None:
        """Stop as a signal outside a run does (KeyboardInterrupt) if one arrived during it:
        Dagster ends an interrupted run as failed, or lets a run that was finishing succeed."""
        if self.received() is not None:
            raise KeyboardInterrupt
