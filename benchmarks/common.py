"""What the benchmarks over `../shared/` share: their command line."""

from __future__ import annotations

import argparse
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


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
