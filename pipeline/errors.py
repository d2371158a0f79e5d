"""The one exception an input can raise: it becomes a row in the `rejected` table."""

from __future__ import annotations

from pipeline.rows import RejectStage


class RejectedInput(Exception):
    """An input that cannot be processed; `stage` and the message go to `rejected`."""

    def __init__(self, stage: RejectStage, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[RejectStage, str]]:
        return RejectedInput, (self.stage, self.message)  # crosses to and from worker processes
