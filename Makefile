# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# requirements/*.txt lock pip and every package with their hashes (`make lock` writes them); a
# stamp per lock reinstalls when that lock changes and costs nothing when it does not.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
NOTEBOOK_STAMP := $(VENV)/.installed-notebook
# Where `make notebook` writes the executed notebook: never over notebooks/explore.ipynb.
NOTEBOOK_COPY := build/explore.ipynb
PIP_INSTALL := $(BIN)/python -m pip install --quiet
export DAGSTER_HOME ?= $(CURDIR)/.dagster
# `make run` writes only the warehouse, DAGSTER_HOME and .venv: no bytecode caches in the checkout.
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run reprocess status test ui validate notebook lab lock clean instance

# `make run` installs the runtime lock alone; `make test` adds the developer packages.
$(RUN_STAMP): requirements/pip.txt requirements/run.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --require-hashes -r requirements/pip.txt
	$(PIP_INSTALL) --require-hashes -r requirements/run.txt
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	@touch $@

$(DEV_STAMP): requirements/dev.txt $(RUN_STAMP)
	$(PIP_INSTALL) --require-hashes -r requirements/dev.txt
	@touch $@

# JupyterLab and the notebook's packages (the `notebook` extra), without the test tools.
$(NOTEBOOK_STAMP): requirements/notebook.txt $(RUN_STAMP)
	$(PIP_INSTALL) --require-hashes -r requirements/notebook.txt
	@touch $@

# A new instance gets deploy/dagster.yaml (SQLite, telemetry off, the nlp pool limit); an
# existing dagster.yaml is left as it is.
instance:
	@mkdir -p $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || cp deploy/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

## run: process every new or changed file under PIPELINE_RAW_DIR as a Dagster run
run: $(RUN_STAMP) instance
	$(BIN)/python -m assets.run

## reprocess: process every stored batch again from its raw files, then the corpus tables
## (WHAT=corpus: the corpus tables alone); `make run` already redoes what an upgrade outdated
WHAT ?= all
reprocess: $(RUN_STAMP) instance
	$(BIN)/python -m assets.run --reprocess $(WHAT)

## status: the warehouse's tables, rows, latest batch, what is outdated, the latest rejections
status: $(RUN_STAMP) instance
	$(BIN)/newsroom status

## test: ruff, the type checker (mypy, strict, over pipeline/ and assets/), then the whole suite
test: $(DEV_STAMP)
	$(BIN)/ruff check pipeline assets tests benchmarks notebooks
	$(BIN)/mypy
	$(BIN)/python -m pytest

## ui: the Dagster UI (and daemon) on http://127.0.0.1:3000: `dagster dev`, every process of
## which stops within seconds on Ctrl-C or SIGTERM (assets/ui.py)
ui: $(RUN_STAMP) instance
	$(BIN)/python -m assets.ui --port 3000

## validate: load the definitions the way the UI does
validate: $(RUN_STAMP) instance
	$(BIN)/dagster definitions validate -w workspace.yaml

## notebook: run notebooks/explore.ipynb against the warehouse into build/explore.ipynb
notebook: $(NOTEBOOK_STAMP)
	$(BIN)/python notebooks/run.py --to $(NOTEBOOK_COPY)

## lab: JupyterLab on 127.0.0.1 (it prints the address) with build/explore.ipynb, made if absent
## (as root, as in a container, with --allow-root: Jupyter refuses root otherwise)
lab: $(NOTEBOOK_STAMP)
	@test -f $(NOTEBOOK_COPY) || $(BIN)/python notebooks/run.py --to $(NOTEBOOK_COPY)
	$(BIN)/jupyter lab --ip 127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root) $(NOTEBOOK_COPY)

## lock: re-resolve requirements/*.txt from pyproject.toml, keeping every pin that still fits
## (LOCK_ARGS=--upgrade for the newest versions, LOCK_ARGS='--upgrade-package NAME' for one)
LOCK := $(BIN)/uv pip compile --universal --generate-hashes --custom-compile-command 'make lock' -q
lock: $(DEV_STAMP)
	$(LOCK) requirements/pip.in $(LOCK_ARGS) -o requirements/pip.txt
	$(LOCK) pyproject.toml --extra dev $(LOCK_ARGS) -o requirements/dev.txt
	$(LOCK) pyproject.toml -c requirements/dev.txt -o requirements/run.txt
	$(LOCK) pyproject.toml --extra notebook -c requirements/dev.txt -o requirements/notebook.txt

clean:
	rm -rf data/warehouse .dagster
