"""The UI for real: dagster-webserver and dagster-daemon on 127.0.0.1, the sensor ingesting a
dropped file with no manual step, a run launched through the GraphQL API, and the asset graph in
headless Chromium. Saves the screenshot the README shows (docs/asset-graph.png).

`.ci/run` installs Debian's `chromium`; without it the browser part is skipped, saying so.
"""

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
from dagster_graphql import DagsterGraphQLClient

from pipeline.settings import PROJECT_ROOT
from pipeline.tables import ARTICLE_TABLES

from .conftest import SAMPLE_CORPUS, instance_env

CHROMIUM = shutil.which("chromium")
SCREENSHOT = PROJECT_ROOT / "docs" / "asset-graph.png"
BIN = Path(sys.executable).parent
WAIT = 300  # seconds: a sensor tick is every 30 s; a run loads the full model, 10-60 s on 2 cores


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(what: str, ready: Callable[[], object], timeout: float = WAIT) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = ready()
        if value:
            return value
        time.sleep(2)
    raise AssertionError(f"timed out waiting for {what}")


def _documents(warehouse: Path) -> int:
    try:
        return len(pd.read_parquet(warehouse / "documents"))
    except (FileNotFoundError, OSError, ValueError):
        return 0


def _publishers(warehouse: Path) -> int:
    try:
        return int(pd.read_parquet(warehouse / "publishers")["n_docs"].sum())
    except (FileNotFoundError, OSError, ValueError):
        return 0


def _entity_docs(warehouse: Path, name: str) -> int:
    try:
        entities = pd.read_parquet(warehouse / "entities")
    except (FileNotFoundError, OSError, ValueError):
        return 0
    return int(entities.loc[entities["name"] == name, "n_docs"].sum())


@pytest.fixture
def dagster_services(tmp_path: Path) -> Iterator[dict]:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    port = _free_port()
    env = instance_env(tmp_path, tmp_path / "raw", tmp_path / "warehouse")
    home = Path(env["DAGSTER_HOME"])
    logs = {name: (tmp_path / f"{name}.log").open("w") for name in ("webserver", "daemon")}
    commands = {
        "webserver": [
            str(BIN / "dagster-webserver"),
            "-w",
            "workspace.yaml",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        "daemon": [str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"],
    }
    procs = [
        subprocess.Popen(
            cmd, cwd=PROJECT_ROOT, env=env, stdout=logs[name], stderr=subprocess.STDOUT
        )
        for name, cmd in commands.items()
    ]
    try:
        client = DagsterGraphQLClient("127.0.0.1", port_number=port)
        _wait("the webserver", lambda: _answers(client), timeout=120)
        yield {
            "client": client,
            "port": port,
            "raw": tmp_path / "raw",
            "env": env,
            "warehouse": tmp_path / "warehouse",
            "home": home,
        }
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs.values():
            log.close()


def _answers(client: DagsterGraphQLClient) -> bool:
    try:
        client._execute("{ version }")
    except Exception:  # not up yet
        return False
    return True


def test_sensor_graphql_run_and_asset_graph(dagster_services: dict) -> None:
    warehouse: Path = dagster_services["warehouse"]
    client: DagsterGraphQLClient = dagster_services["client"]
    # 1. the sensor (on by default) finds the sample corpus and its run writes the tables
    _wait("the sensor's first run", lambda: _documents(warehouse) == 5)
    # 2. a file dropped into the raw folder arrives with no manual step
    (dagster_services["raw"] / "dropped.txt").write_text(
        "Ministers from forty nations met in Geneva on Friday to discuss the peace plan, "
        "officials said after the talks ended."
    )
    _wait("the dropped file's rows", lambda: _documents(warehouse) == 6)
    # the corpus table follows the article tables (the run-status sensor, on by default)
    _wait("the publishers table", lambda: _publishers(warehouse) == 6)
    _wait("the entities table", lambda: _entity_docs(warehouse, "Geneva") == 1)
    assert _entity_docs(warehouse, "John Healey") == 5
    # 3. a run launched through the GraphQL API: re-running a batch is harmless
    with dg.DagsterInstance.from_config(str(dagster_services["home"])) as instance:
        batch = instance.get_dynamic_partitions("batches")[0]
    run_id = client.submit_job_execution("ingest", tags={"dagster/partition": batch})
    status = _wait(
        "the GraphQL run",
        lambda: (
            (s := client.get_run_status(run_id))
            in {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE}
            and s
        ),
    )
    assert status == dg.DagsterRunStatus.SUCCESS
    assert _documents(warehouse) == 6
    # 4. the asset graph in a real browser shows the assets and their materializations
    if CHROMIUM is None:
        pytest.skip("needs Debian's chromium package (.ci/run installs it) for the browser part")
    _check_in_browser(dagster_services["port"])


def _check_in_browser(port: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 2200})
        try:
            _look(page, port)
        except Exception:
            page.screenshot(path="/tmp/asset-graph-failure.png")  # for whoever debugs it
            raise
        finally:
            browser.close()


def _look(page, port: int) -> None:
    """The articles group: its assets with their last event, checks and partitions."""
    page.goto(
        f"http://127.0.0.1:{port}/locations/newsroom/asset-groups/articles",
        wait_until="networkidle",
    )
    skip = page.get_by_role("button", name="Skip")  # the first-visit community dialog
    if skip.count():
        skip.click()
    for spec in ARTICLE_TABLES:
        page.get_by_text(spec.name, exact=True).first.wait_for(timeout=60_000)
    # each asset's card shows its last materialization, its checks and its partitions
    page.get_by_text("Latest event").first.wait_for(timeout=60_000)
    page.get_by_text("Passed", exact=False).first.wait_for(timeout=60_000)
    assert page.get_by_text("100% filled").count() == len(ARTICLE_TABLES)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    page.goto(f"http://127.0.0.1:{port}/assets/documents", wait_until="networkidle")
    page.get_by_text("One row per article", exact=False).first.wait_for(timeout=60_000)
