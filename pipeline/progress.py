"""Progress inside a batch: how much is done, at what rate, and about how long is left.

Said at most every `EVERY` seconds, by time rather than by count: a batch that ends before the
first report says nothing, and a long one (a first run over thousands of articles) is never
silent for longer than that, however slow each item is.
"""

from __future__ import annotations

import time
from typing import Any

EVERY = 15.0  # seconds between two reports of one piece of work


class Progress:
    """Reports `done` of `total` items (`what`: "files looked at", "articles analysed")."""

    def __init__(self, logger: Any, what: str, total: int, every: float | None = None) -> None:
        self.logger, self.what, self.total = logger, what, total
        self.every = EVERY if every is None else every
        self.started = self.said = time.monotonic()

    def __call__(self, done: int, note: str = "") -> None:
        """Report, if the last report is `every` seconds old and the work is not over; `note`
        adds what else is worth knowing by then."""
        now = time.monotonic()
        if not 0 < done < self.total or now - self.said < self.every:
            return
        self.said = now
        rate = done / max(now - self.started, 1e-9)
        left = (self.total - done) / rate
        self.logger.info(
            f"{done:,}/{self.total:,} {self.what}{note} ({rate:,.1f}/s, about "
            f"{duration(left)} left)"
        )


def duration(seconds: float) -> str:
    """`4.2 s`, `42 s`, `3 min 05 s`, `2 h 07 min`."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"
