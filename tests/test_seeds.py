"""The sample corpus against what a careful reader extracts from it (tests/seeds/expected.json).

Each issue adds the checks it makes true: documents' metadata, bodies and boilerplate; the
corpus's entities; figures; quotes and dates; stories, reuse and conflicting figures.
"""

import json
import shutil
import unicodedata
from pathlib import Path

import dagster as dg
import pytest

from assets.corpus import entities, publishers, stories
from assets.resources import PipelineResource
from pipeline import nlp
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Warehouse
from pipeline.workers import Analyser

from .conftest import SAMPLE_CORPUS

EXPECTED = json.loads((Path(__file__).parent / "seeds" / "expected.json").read_text())


def fold(text: str) -> str:
    """The matching rule of expected.json: NFKC and folded whitespace."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def seed_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SAMPLE_CORPUS, root / "raw")
    settings = Settings(raw_dir=root / "raw", warehouse_dir=root / "warehouse")
    warehouse = Warehouse(settings.warehouse_dir)
    for key in plan_batches(settings, warehouse).batches:
        run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL))
    resources = {"pipeline": PipelineResource.from_settings(settings)}
    assert dg.materialize([publishers, entities, stories], resources=resources).success
    return warehouse


@pytest.fixture(scope="module")
def documents(seed_warehouse: Warehouse) -> dict[str, dict]:
    return {r["source_path"]: r for r in seed_warehouse.read("documents").to_pylist()}


@pytest.fixture(scope="module")
def boilerplate(seed_warehouse: Warehouse, documents: dict[str, dict]) -> dict[str, list[dict]]:
    by_doc = {d["doc_id"]: name for name, d in documents.items()}
    out: dict[str, list[dict]] = {name: [] for name in documents}
    for row in seed_warehouse.read("boilerplate").to_pylist():
        out[by_doc[row["doc_id"]]].append(row)
    return out


def test_sample_corpus_is_the_seed_set(documents: dict[str, dict]) -> None:
    assert sorted(documents) == sorted(EXPECTED["documents"])


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_body_keeps_the_article(documents: dict[str, dict], name: str) -> None:
    body = fold(documents[name]["body"])
    for snippet in EXPECTED["documents"][name]["body_must_keep"]:
        assert fold(snippet) in body


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_body_drops_the_boilerplate(documents: dict[str, dict], name: str) -> None:
    body = fold(documents[name]["body"])
    for snippet in EXPECTED["documents"][name]["body_must_drop"]:
        assert fold(snippet) not in body


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_metadata(documents: dict[str, dict], name: str) -> None:
    expected = EXPECTED["documents"][name]
    doc = documents[name]
    assert doc["title"] == expected["title"]
    assert doc["publisher"] == expected["publisher"]
    assert doc["authors"] == expected["authors"]
    published = doc["published"].isoformat() if doc["published"] else None
    assert published == expected["published"]
    assert doc["subheadings"] == expected.get("subheadings", [])


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_boilerplate_rows(
    documents: dict[str, dict], boilerplate: dict[str, list[dict]], name: str
) -> None:
    expected = EXPECTED["documents"][name]
    rows = boilerplate[name]
    if "boilerplate_kinds" in expected:
        assert {r["kind"] for r in rows} == set(expected["boilerplate_kinds"])
    removed = " ".join(fold(r["text"]) for r in rows)
    for snippet in expected["body_must_drop"]:
        assert fold(snippet) in removed  # every drop is accounted for, with its rule
    assert all(r["rule"] for r in rows)


@pytest.fixture(scope="module")
def entity_rows(seed_warehouse: Warehouse) -> list[dict]:
    return seed_warehouse.read("entities").to_pylist()


@pytest.mark.parametrize("expected", EXPECTED["corpus"]["entities"], ids=lambda e: e["name"])
def test_every_alias_maps_to_the_one_entity(entity_rows: list[dict], expected: dict) -> None:
    [entity] = [e for e in entity_rows if e["name"] == expected["name"]]
    assert entity["label"] == expected["label"]
    for alias in expected["aliases"]:
        holders = [e["name"] for e in entity_rows if alias in e["aliases"]]
        assert holders == [expected["name"]], alias


def test_every_alias_is_written_in_some_article(
    entity_rows: list[dict], documents: dict[str, dict]
) -> None:
    bodies = [d["body"] for d in documents.values()]
    unwritten = [
        (e["name"], alias)
        for e in entity_rows
        for alias in e["aliases"]
        if not any(alias in body for body in bodies)
    ]
    assert not unwritten  # no "Sir Starmer", "Mr Keir Starmer"


# Where the seeds' places are (GeoNames' city centres, to half a degree).
PLACES = {
    "Kyiv": ("UA", 50.45, 30.52),
    "Brussels": ("BE", 50.85, 4.35),
    "Moscow": ("RU", 55.75, 37.62),
    "Paris": ("FR", 48.86, 2.35),
    "London": ("GB", 51.51, -0.13),
}


@pytest.mark.parametrize("name", sorted(PLACES))
def test_places_have_their_country_and_coordinates(entity_rows: list[dict], name: str) -> None:
    [entity] = [e for e in entity_rows if e["name"] == name]
    code, latitude, longitude = PLACES[name]
    assert entity["country"] == code and entity["geonames_id"] is not None
    assert abs(entity["latitude"] - latitude) < 0.5 and abs(entity["longitude"] - longitude) < 0.5


def test_not_entities_are_not_mentions(seed_warehouse: Warehouse) -> None:
    texts = {fold(t) for t in seed_warehouse.read("mentions")["text"].to_pylist()}
    aliases = {fold(a) for e in seed_warehouse.read("entities").to_pylist() for a in e["aliases"]}
    for wrong in EXPECTED["corpus"]["not_entities"]:
        assert fold(wrong) not in texts | aliases


def test_every_mention_links_to_an_entity(seed_warehouse: Warehouse) -> None:
    ids = set(seed_warehouse.read("entities")["entity_id"].to_pylist())
    mentions = seed_warehouse.read("mentions")
    assert mentions.num_rows == seed_warehouse.read("article_mentions").num_rows > 100
    assert set(mentions["entity_id"].to_pylist()) == ids


@pytest.fixture(scope="module")
def figures(seed_warehouse: Warehouse, documents: dict[str, dict]) -> dict[str, list[dict]]:
    by_doc = {d["doc_id"]: name for name, d in documents.items()}
    out: dict[str, list[dict]] = {name: [] for name in documents}
    for row in seed_warehouse.read("figures").to_pylist():
        out[by_doc[row["doc_id"]]].append(row)
    return out


def _figure_cases() -> list[tuple[str, dict]]:
    return [(n, f) for n, d in sorted(EXPECTED["documents"].items()) for f in d["figures"]]


@pytest.mark.parametrize(
    ("name", "expected"), _figure_cases(), ids=lambda c: c if isinstance(c, str) else c["surface"]
)
def test_expected_figures(figures: dict[str, list[dict]], name: str, expected: dict) -> None:
    surface = fold(expected["surface"])
    found = [
        f
        for f in figures[name]
        if (surface in fold(f["text"]) or fold(f["text"]) in surface)
        and f["value"] == expected["value"]
    ]
    assert found, f"{expected['surface']!r} not among {[f['text'] for f in figures[name]]}"
    for field in ("kind", "unit", "object", "qualifier"):
        if field in expected:
            assert {f[field] for f in found} == {expected[field]}, field


@pytest.mark.parametrize("name", sorted(EXPECTED["documents"]))
def test_not_figures(figures: dict[str, list[dict]], documents: dict, name: str) -> None:
    body = documents[name]["body"]
    for row in figures[name]:
        assert body[row["start"] : row["end"]] == row["text"]
    texts = {fold(f["text"]) for f in figures[name]}
    for wrong in EXPECTED["documents"][name].get("not_figures") or []:
        assert fold(wrong) not in texts


def _rows_by_doc(warehouse: Warehouse, table: str, documents: dict) -> dict[str, list[dict]]:
    by_doc = {d["doc_id"]: name for name, d in documents.items()}
    out: dict[str, list[dict]] = {name: [] for name in documents}
    for row in warehouse.read(table).to_pylist():
        out[by_doc[row["doc_id"]]].append(row)
    return out


def _quote_cases() -> list[tuple[str, dict]]:
    return [
        (name, q) for name, d in sorted(EXPECTED["documents"].items()) for q in d.get("quotes", [])
    ]


@pytest.mark.parametrize(
    ("name", "expected"), _quote_cases(), ids=lambda c: c if isinstance(c, str) else c["speaker"]
)
def test_expected_quotes_with_their_speakers(
    seed_warehouse: Warehouse, documents: dict, name: str, expected: dict
) -> None:
    quotes = _rows_by_doc(seed_warehouse, "quotes", documents)[name]
    start = fold(expected["starts_with"])
    [found] = [q for q in quotes if fold(q["text"]).startswith(start)]
    assert (found["speaker"], found["kind"]) == (expected["speaker"], "statement")
    entities = {e["entity_id"]: e["name"] for e in seed_warehouse.read("entities").to_pylist()}
    assert entities[found["entity_id"]] == expected["speaker"]


def test_scare_quotes_are_phrases(seed_warehouse: Warehouse) -> None:
    quotes = seed_warehouse.read("quotes").to_pylist()
    scare = {"coalition of the willing", "even more pressure", "reassurance force", "pressure"}
    found = [q for q in quotes if fold(q["text"]).casefold() in scare]
    assert len(found) >= 8 and {q["kind"] for q in found} == {"phrase"}


def test_the_same_quotation_shares_an_id_across_articles(seed_warehouse: Warehouse) -> None:
    quotes = seed_warehouse.read("quotes").to_pylist()
    visited = [q for q in quotes if fold(q["text"]).startswith("A couple of weeks ago, I visited")]
    assert len({q["doc_id"] for q in visited}) == 4
    # the sentence quoted alone (two articles) and in the press release's paragraph of two
    # sentences is one quotation; one article quotes the whole speech, four times as long,
    # and that is another: a line of a speech never takes the speech's id
    ids = {q["quote_id"] for q in visited if len(q["text"].split()) < 60}
    speech = {q["quote_id"] for q in visited if len(q["text"].split()) >= 60}
    assert len(ids) == 1 and len(speech) == 1 and ids != speech


def test_dates_resolve_against_the_publication_date(
    seed_warehouse: Warehouse, documents: dict
) -> None:
    name = "004_9c2ef1a7cd3e06c3.txt"
    body = documents[name]["body"]
    rows = _rows_by_doc(seed_warehouse, "dates", documents)[name]
    by_text = {}
    for row in rows:
        assert body[row["start"] : row["end"]] == row["text"]
        by_text.setdefault(row["text"], []).append(row)
    today = body.index("today [April 10]")
    [first_today] = [r for r in by_text["today"] if r["start"] == today]
    assert str(first_today["value"]) == "2025-04-10"
    assert str(by_text["Tomorrow"][0]["value"]) == "2025-04-11"
    assert str(by_text["12 February 2025"][0]["value"]) == "2025-02-12"


def test_relative_dates_without_a_publication_date_stay_unresolved(
    seed_warehouse: Warehouse, documents: dict
) -> None:
    rows = _rows_by_doc(seed_warehouse, "dates", documents)["003_7c48c41d9fa76df0.txt"]
    saturday = [r for r in rows if r["text"] == "Saturday"]
    assert saturday and all(r["value"] is None for r in saturday)
    assert {r["granularity"] for r in saturday} == {"unresolved"}


def test_the_five_seeds_are_one_story(seed_warehouse: Warehouse, documents: dict) -> None:
    assert len({d["story_id"] for d in documents.values()}) == 1
    [story] = seed_warehouse.read("stories").to_pylist()
    assert story["n_docs"] == 5 and "John Healey" in story["top_entities"]


def test_reuse_ranks_the_copy_closest_to_the_release(
    seed_warehouse: Warehouse, documents: dict
) -> None:
    name = {d["doc_id"]: n for n, d in documents.items()}
    rows = seed_warehouse.read("reuse").to_pylist()
    release = "004_9c2ef1a7cd3e06c3.txt"
    from_release = [r for r in rows if name[r["source_doc_id"]] == release]
    closest = max(from_release, key=lambda r: r["shared_share"])
    assert name[closest["doc_id"]] == "002_64750f9937d774c4.txt"


@pytest.mark.parametrize(
    "expected", EXPECTED["corpus"]["conflicting_figures"], ids=lambda c: c["about"]
)
def test_conflicting_figures_are_found(
    seed_warehouse: Warehouse, documents: dict, expected: dict
) -> None:
    doc_id = documents[expected["doc"]]["doc_id"]
    rows = seed_warehouse.read("figure_conflicts").to_pylist()
    pairs = {
        frozenset((r["value_a"], r["value_b"]))
        for r in rows
        if r["doc_id_a"] == doc_id and r["doc_id_b"] == doc_id
    }
    assert frozenset(expected["values"]) in pairs
