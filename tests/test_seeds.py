"""The sample corpus against what a careful reader extracts from it (tests/seeds/expected.json).

Each issue adds the checks it makes true; these are the ones the foundation already meets.
"""

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Warehouse

from .conftest import SAMPLE_CORPUS

EXPECTED = json.loads((Path(__file__).parent / "seeds" / "expected.json").read_text())


def fold(text: str) -> str:
    """The matching rule of expected.json: NFKC and folded whitespace."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def documents(
    tmp_path_factory,
) -> dict[str, dict]:
    from pipeline import nlp

    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SAMPLE_CORPUS, root / "raw")
    settings = Settings(raw_dir=root / "raw", warehouse_dir=root / "warehouse")
    warehouse = Warehouse(settings.warehouse_dir)
    for key in plan_batches(settings, warehouse).batches:
        run_batch(settings, warehouse, key, lambda: nlp.load_model(nlp.DEFAULT_MODEL))
    return {r["source_path"]: r for r in warehouse.read("documents").to_pylist()}


def test_sample_corpus_is_the_seed_set(documents: dict[str, dict]) -> None:
    assert sorted(documents) == sorted(EXPECTED["documents"])


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_body_keeps_the_article(documents: dict[str, dict], name: str) -> None:
    body = fold(documents[name]["body"])
    for snippet in EXPECTED["documents"][name]["body_must_keep"]:
        assert fold(snippet) in body
