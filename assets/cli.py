"""`newsroom`: the pipeline's commands for people who `pip install` it (the Makefile's targets
call the same code).

    newsroom run                  process new, changed and outdated files (`make run`)
    newsroom reprocess [corpus]   process every stored batch again (`make reprocess`)
    newsroom status               the warehouse's tables, rows, latest batch and rejections
    newsroom ui                   the Dagster UI on http://127.0.0.1:3000 (`make ui`)

Settings are the PIPELINE_* variables (docs/operations.md). DAGSTER_HOME defaults to `.dagster`
in the current folder, created with the project's `deploy/dagster.yaml` when it is at hand.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from pathlib import Path

from pipeline.settings import PROJECT_ROOT, SettingsError

INSTANCE_CONFIG = PROJECT_ROOT / "deploy" / "dagster.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsroom", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    commands.add_parser("run", help="process new, changed and outdated files")
    reprocess = commands.add_parser("reprocess", help="process every stored batch again")
    reprocess.add_argument("what", nargs="?", default="all", choices=["all", "corpus"])
    commands.add_parser("status", help="tables, rows, latest batch, rejections")
    ui = commands.add_parser("ui", help="the Dagster UI, bound to 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    args = parser.parse_args(argv)
    _dagster_home()
    if args.command == "status":
        return status()
    if args.command == "ui":
        from assets.ui import dagster_dev, supervise  # stops every process on Ctrl-C, SIGTERM

        return supervise(dagster_dev(args.port, "-m", "assets.definitions"))
    from assets import run

    return run.main(["--reprocess", args.what] if args.command == "reprocess" else [])


def status() -> int:
    """Print the warehouse's status; exit 78 when a setting cannot work."""
    from pipeline.settings import Settings
    from pipeline.status import render, warehouse_status
    from pipeline.store import Warehouse
    from pipeline.versions import stage_versions

    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print("cannot read the settings:\n" + textwrap.indent(str(exc), "  "), file=sys.stderr)
        return os.EX_CONFIG
    print(f"warehouse: {settings.warehouse_dir}\nraw files: {settings.raw_dir}")
    print(render(warehouse_status(Warehouse(settings.warehouse_dir), stage_versions(settings))))
    print(_last_run())
    return 0


def _last_run() -> str:
    """The latest Dagster run of this instance, in one line."""
    import dagster as dg

    home = Path(os.environ["DAGSTER_HOME"])
    if not (home / "dagster.yaml").exists() and not (home / "storage").exists():
        return f"last run: none in {home}"
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_run_records(limit=1)
    if not runs:
        return f"last run: none in {home}"
    record = runs[0]
    partition = record.dagster_run.tags.get("dagster/partition")
    where = f" (batch {partition})" if partition else ""
    return (
        f"last run: {record.dagster_run.job_name}{where} {record.dagster_run.status.value}, "
        f"{record.create_timestamp:%Y-%m-%d %H:%M:%S %Z}"
    )


def _dagster_home() -> None:
    """DAGSTER_HOME as the Makefile sets it: `.dagster` here, with the project's instance config."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(Path(".dagster").resolve())))
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists() and INSTANCE_CONFIG.exists():
        shutil.copy(INSTANCE_CONFIG, home / "dagster.yaml")


if __name__ == "__main__":
    sys.exit(main())
