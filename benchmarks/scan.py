"""How long one sensor tick's scan takes with many files present (issue: bounded time per tick).

Creates N small files in a temporary folder, records them all in a manifest as the `files` table
would, then times `sources.scan` for: an unchanged folder (a stat per file), a folder where 1% of
the files were touched but not changed (a stat each, a hash for the touched), and one where 1% are
new. Prints seconds per scan and files per second, and writes them to `docs/results/scan.md`.

    .venv/bin/python benchmarks/scan.py [--files 100000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from report import write_results

from pipeline import sources
from pipeline.settings import Settings
from pipeline.sources import Known
from pipeline.versions import stage_versions

ARTICLE = "Ministers met in Brussels on Thursday to discuss support. " * 40


def build(root: Path, n: int) -> dict[str, Known]:
    known: dict[str, Known] = {}
    for i in range(n):
        folder = root / f"{i // 1000:04d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:07d}.txt"
        data = f"{i}\n{ARTICLE}".encode()
        path.write_bytes(data)
        st = path.stat()
        rel = f"{folder.name}/{path.name}"
        known[rel] = Known(sources.hash_bytes(data), st.st_size, sources.changed_ns(st), (), "b")
    return known


def timed(label: str, root: Path, known: dict[str, Known]) -> list[str]:
    """Print one scan's time, and return it as a row: label, seconds, files/s, changes."""
    start = time.perf_counter()
    scan = sources.scan(root, known, stage_versions(Settings()))
    seconds = time.perf_counter() - start
    print(
        f"  {label:<34} {seconds:7.2f} s  {scan.n_files / seconds:10,.0f} files/s  "
        f"{len(scan.changes):6,} change(s)"
    )
    return [label, f"{seconds:.2f}", f"{scan.n_files / seconds:,.0f}", f"{len(scan.changes):,}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        known = build(root, args.files)
        built = time.perf_counter() - start
        print(f"{args.files:,} files written in {built:.1f} s")
        rows = [timed("unchanged (stat only)", root, known)]
        touched = sorted(known)[::100]
        for rel in touched:
            os.utime(root / rel)
        rows.append(timed("1% touched, same bytes (+hash)", root, known))
        for i in range(args.files // 100):
            (root / "new" / f"{i}.txt").parent.mkdir(exist_ok=True)
            (root / "new" / f"{i}.txt").write_text(f"new {i}\n{ARTICLE}")
        rows.append(timed("1% new files", root, known))
    caption = f"A folder of {args.files:,} files (written in {built:.1f} s), scanned three times:"
    write_results("scan", (caption, ["scan", "seconds", "files/s", "changes"], rows))


if __name__ == "__main__":
    main()
