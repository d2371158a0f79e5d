"""requirements/*.txt lock what pyproject.toml and pip.in ask for (`make lock` writes them)."""

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from pipeline.settings import PROJECT_ROOT

REQUIREMENTS = PROJECT_ROOT / "requirements"
PROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
INSTALLER = [
    line
    for line in (REQUIREMENTS / "pip.in").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
RUNTIME = PROJECT["dependencies"]
DEV = RUNTIME + PROJECT["optional-dependencies"]["dev"]
NOTEBOOK = RUNTIME + PROJECT["optional-dependencies"]["notebook"]


def locked(name: str) -> set[tuple[str, str]]:
    """(package, version) for each entry of a lock, checking that each is pinned and hashed."""
    text = (REQUIREMENTS / name).read_text(encoding="utf-8")
    assert "file:" not in text, f"{name} names a local file"
    pins = set()
    for entry in text.replace("\\\n", " ").splitlines():
        if not entry.strip() or entry.lstrip().startswith("#"):
            continue
        assert "--hash=sha256:" in entry, f"{name}: no hash for {entry.split()[0]}"
        requirement = Requirement(entry.split(" --hash=")[0])
        (pin,) = requirement.specifier
        assert pin.operator == "==", f"{name}: {requirement} is not pinned with =="
        pins.add((canonicalize_name(requirement.name), pin.version))
    return pins


@pytest.mark.parametrize(
    ("lock", "dependencies"),
    [("pip.txt", INSTALLER), ("run.txt", RUNTIME), ("dev.txt", DEV), ("notebook.txt", NOTEBOOK)],
)
def test_the_lock_pins_every_dependency_within_its_bounds(
    lock: str, dependencies: list[str]
) -> None:
    pins = locked(lock)
    for dependency in dependencies:
        requirement = Requirement(dependency)
        versions = {v for name, v in pins if name == canonicalize_name(requirement.name)}
        assert versions, f"{requirement.name} is not in requirements/{lock}: run make lock"
        for version in versions:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"requirements/{lock} pins {requirement.name}=={version} outside "
                f"pyproject.toml's {requirement.specifier}: run make lock"
            )


def test_the_runtime_lock_is_the_tested_one() -> None:
    assert locked("run.txt") <= locked("dev.txt"), "run.txt and dev.txt disagree: run make lock"


def test_the_notebook_lock_agrees_with_the_tested_one() -> None:
    """`make lab` and `make test` install into one venv: a package both pin has one version."""
    dev, notebook = locked("dev.txt"), locked("notebook.txt")
    shared = {name for name, _ in dev} & {name for name, _ in notebook}
    differ = {pin for pin in dev ^ notebook if pin[0] in shared}
    assert not differ, f"notebook.txt and dev.txt disagree on {sorted(differ)}: run make lock"


def test_make_run_installs_no_developer_tool() -> None:
    """`make run` installs run.txt alone: none of the test, lint, type-check or notebook tools
    (a user saw a 1.7 GB venv when it installed the developer extras). Packages the runtime
    pulls in itself (dagster needs psutil) may be shared."""
    runtime = {name for name, _ in locked("run.txt")}
    tools = {"pytest", "hypothesis", "ruff", "mypy", "playwright", "uv", "polars"}
    tools |= {"quantulum3", "jupyterlab", "ipykernel", "nbclient", "matplotlib"}
    assert not tools & runtime, sorted(tools & runtime)
