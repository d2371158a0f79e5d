# Two commands do all the set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster
# `make run` writes only the warehouse, DAGSTER_HOME and .venv: no bytecode caches in the checkout.
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test ui validate notebook clean instance

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# A new instance gets deploy/dagster.yaml (SQLite, telemetry off, the nlp pool limit); an
# existing dagster.yaml is left as it is.
instance:
	@mkdir -p $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || cp deploy/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

## run: process every new or changed file under PIPELINE_RAW_DIR as a Dagster run
run: $(STAMP) instance
	$(BIN)/python -m assets.run

## test: the whole test suite, with ruff first
test: $(STAMP)
	$(BIN)/ruff check pipeline assets tests benchmarks notebooks
	$(BIN)/python -m pytest

## ui: the Dagster UI (and daemon) on http://127.0.0.1:3000
ui: $(STAMP) instance
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

## validate: load the definitions the way the UI does
validate: $(STAMP) instance
	$(BIN)/dagster definitions validate -w workspace.yaml

## notebook: run notebooks/explore.ipynb against the warehouse and save its outputs
notebook: $(STAMP)
	$(BIN)/python notebooks/run.py

clean:
	rm -rf data/warehouse .dagster
