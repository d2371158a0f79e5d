"""`documents.language`: detected from the body, the declared language when the body cannot
tell; an article not in the model's language is kept in `documents` but not analysed."""

import json

import pytest

from pipeline.ingest import plan_batches, run_batch
from pipeline.language import MIN_CHARS, detect_language, normalise_language
from pipeline.settings import Settings
from pipeline.store import Warehouse
from pipeline.summary import RunSummary

SENTENCES = {
    "en": "The government announced on Thursday that it would raise taxes on large companies.",
    "de": "Die Regierung kündigte am Donnerstag an, die Steuern für große Unternehmen zu erhöhen.",
    "fr": "Le gouvernement a annoncé jeudi qu'il augmenterait les impôts des grandes entreprises.",
    "es": "El gobierno anunció el jueves que subirá los impuestos a las grandes empresas.",
    "ja": "政府は木曜日、大企業への税金を引き上げると発表した。",
    "ru": "Правительство объявило в четверг, что повысит налоги для крупных компаний.",
    "it": "Il governo ha annunciato giovedì che aumenterà le tasse sulle grandi aziende.",
}

ENGLISH = (
    "Ministers from twelve nations met in Brussels on Thursday to discuss support for farmers.\n\n"
    "Ms Smith, the agriculture minister, said the talks had been productive."
)
GERMAN = (
    "Minister aus zwölf Ländern trafen sich am Donnerstag in Brüssel, um über Hilfen für "
    "Landwirte zu sprechen.\n\nFrau Schmidt, die Landwirtschaftsministerin, sagte am "
    "15. März 2024, die Gespräche seien mit 3,5 Milliarden Euro produktiv gewesen."
)


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_each_language_is_detected_whatever_is_declared(language: str) -> None:
    assert detect_language(SENTENCES[language], "en-GB") == language


def test_newlines_do_not_stop_detection() -> None:
    assert detect_language(GERMAN, None) == "de"


def test_a_body_too_short_to_tell_keeps_the_declared_language_normalised() -> None:
    short = "Ja."
    assert len(short) < MIN_CHARS
    assert detect_language(short, "de-AT") == "de"
    assert detect_language(short, "English") == "en"
    assert detect_language(short, None) is None


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("en-GB", "en"),
        ("en_us", "en"),
        ("English", "en"),
        ("eng", "en"),
        ("ger", "de"),
        ("Deutsch", "de"),
        ("ja", "ja"),
        ("Klingon", None),
        ("xx", None),
        ("", None),
        (None, None),
    ],
)
def test_declared_languages_become_iso_639_1(declared: str | None, code: str | None) -> None:
    assert normalise_language(declared) == code


def test_an_article_not_in_the_models_language_is_kept_but_not_analysed(
    settings: Settings, warehouse: Warehouse, analyser
) -> None:
    raw = settings.raw_dir
    (raw / "en.txt").write_text(ENGLISH, encoding="utf-8")
    record = {"text": GERMAN, "language": "en"}  # declared wrong: the body decides
    (raw / "de.json").write_text(json.dumps(record), encoding="utf-8")
    reports = [
        run_batch(settings, warehouse, key, analyser)
        for key in plan_batches(settings, warehouse).batches
    ]
    [report] = reports
    assert report.nlp_docs == 1
    assert report.not_analysed == {"de": 1}

    docs = {d["source_path"]: d for d in warehouse.read("documents").to_pylist()}
    assert {p: d["language"] for p, d in docs.items()} == {"en.txt": "en", "de.json": "de"}
    german = docs["de.json"]
    assert german["body"] == GERMAN
    assert german["n_words"] == len(GERMAN.split())
    assert german["story_id"] == german["doc_id"]
    english = docs["en.txt"]["doc_id"]
    for table in ("article_mentions", "figures", "article_quotes", "dates", "signatures"):
        ids = set(warehouse.read(table)["doc_id"].to_pylist())
        assert german["doc_id"] not in ids, table
    assert english in set(warehouse.read("article_mentions")["doc_id"].to_pylist())
    assert warehouse.read("rejected").num_rows == 0


def test_the_run_summary_says_how_many_were_not_analysed(warehouse: Warehouse) -> None:
    summary = RunSummary()
    summary.add_batch("b1", {}, 2, 1, {"de": 1})
    summary.add_batch("b2", {}, 1, 0, {"de": 1, "ja": 1})
    assert "not in the model's language: 3 article(s) (de 2, ja 1)" in summary.text(warehouse)
    quiet = RunSummary()
    quiet.add_batch("b1", {}, 1, 1, {})
    assert "model's language" not in quiet.text(warehouse)
