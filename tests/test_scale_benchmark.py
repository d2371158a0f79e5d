"""The synthetic archives of `benchmarks/scale.py`: batches named like ingest's, new doc ids,
the tables' schemas, a share of new names that keeps a person's forms together, and a share of
quotations in new words. Made from a small base written here; the benchmark itself (timing the
corpus stage) is not run."""

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.settings import PROJECT_ROOT
from pipeline.store import Warehouse, batch_order, write_parquet
from pipeline.tables import ARTICLE_MENTIONS, ARTICLE_QUOTES, DOCUMENTS

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))  # as the benchmarks import each other
import scale

DOCS = 20
PEOPLE = 200


def _base(root: Path) -> Warehouse:
    """DOCS articles, each naming ten of PEOPLE people (in full, then by surname) and quoting
    two of them (each quotation its own words), and the BBC as an acronym."""
    documents, mentions, quotes = [], [], []
    for d in range(DOCS):
        doc_id = f"doc{d:02d}"
        documents.append(
            {"doc_id": doc_id, "source_path": f"news/{d}.txt", "source_format": "txt",
             "subheadings": [], "authors": [], "body": "", "n_words": 0, "story_id": doc_id,
             "ingested_at": datetime(2025, 1, 1, tzinfo=UTC)}
        )  # fmt: skip
        mentions.append(_mention(doc_id, 0, "BBC", "ORG", "BBC"))
        for n in range(10):
            person = (d * 10 + n) % PEOPLE
            name = f"Ann{person} Lee{person}"
            mentions.append(_mention(doc_id, 10 + 20 * n, name, "PERSON", name))
            mentions.append(_mention(doc_id, 20 + 20 * n, f"Lee{person}", "PERSON", name))
        for n in range(2):
            person = (d * 10 + n) % PEOPLE
            quotes.append(
                {"doc_id": doc_id, "start": 300 + n, "end": 310 + n, "text": f"We will win {d} {n}",
                 "speaker": f"Ann{person} Lee{person}", "speaker_text": f"Mr Lee{person}",
                 "cue": "said", "kind": "statement", "continues": None}
            )  # fmt: skip
    warehouse = Warehouse(root)
    for spec, rows in (
        (DOCUMENTS, documents),
        (ARTICLE_MENTIONS, mentions),
        (ARTICLE_QUOTES, quotes),
    ):
        table = pa.Table.from_pylist(rows, schema=spec.schema)
        write_parquet(
            table, warehouse.table_dir(spec.name) / "20250101-000000-0001-aaaaaaaa.parquet"
        )
    return warehouse


def _mention(doc_id: str, start: int, text: str, label: str, name: str) -> dict[str, object]:
    return {"doc_id": doc_id, "start": start, "end": start + len(text), "text": text,
            "label": label, "title": None, "name": name}  # fmt: skip


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> scale.Replicas:
    return scale.Replicas(_base(tmp_path_factory.mktemp("base")))


def test_batches_are_named_in_feed_order_with_new_ids_and_the_tables_schemas(
    replicas: scale.Replicas, tmp_path: Path
) -> None:
    names = scale.write_batches(replicas, tmp_path, range(3000))
    assert len(names) == 3
    later = scale.write_batches(replicas, tmp_path, range(3000, 4000))
    assert sorted([*names, *later], key=batch_order) == [*names, *later]
    warehouse = Warehouse(tmp_path)
    for spec in scale.SYNTHETIC:
        files = warehouse.files_of(spec.name)
        assert [p.stem for p in files] == [*names, *later]
        assert all(pq.read_schema(p).equals(spec.schema) for p in files)
    documents = warehouse.read(DOCUMENTS.name)
    assert documents.num_rows == len(set(documents["doc_id"].to_pylist())) == 4000
    assert set(warehouse.read(ARTICLE_MENTIONS.name)["doc_id"].to_pylist()) == set(
        documents["doc_id"].to_pylist()
    )
    second = warehouse.read_file(DOCUMENTS.name, warehouse.files_of(DOCUMENTS.name)[1])
    assert set(second["published"].to_pylist()) == {scale.FIRST_DAY + timedelta(days=1)}  # day 2


def test_a_replica_makes_about_30_percent_of_names_new_and_keeps_forms_together(
    replicas: scale.Replicas,
) -> None:
    base = replicas.rows(ARTICLE_MENTIONS.name, 0, DOCS)
    names = set(base["name"].to_pylist())
    shares = []
    for replica in range(1, 41):
        rows = replicas.rows(ARTICLE_MENTIONS.name, replica * DOCS, (replica + 1) * DOCS)
        assert rows.num_rows == base.num_rows
        shares.append(len(names - set(rows["name"].to_pylist())) / len(names))
        for text, name in zip(rows["text"].to_pylist(), rows["name"].to_pylist(), strict=True):
            assert name.endswith(text.split()[-1])  # "Lee7" renamed as "Ann7 Lee7" is
        quotes = replicas.rows(ARTICLE_QUOTES.name, replica * DOCS, (replica + 1) * DOCS)
        for speaker, said in zip(
            quotes["speaker"].to_pylist(), quotes["speaker_text"].to_pylist(), strict=True
        ):
            assert speaker in set(rows["name"].to_pylist())
            assert said == "Mr " + speaker.split()[-1]
    assert 0.25 < sum(shares) / len(shares) < 0.35
    assert min(shares) > 0.1


def test_a_replica_repeats_about_13_percent_of_quotations_and_words_the_others_anew(
    replicas: scale.Replicas,
) -> None:
    base = replicas.rows(ARTICLE_QUOTES.name, 0, DOCS)["text"].to_pylist()
    shares = []
    for replica in range(1, 41):
        texts = replicas.rows(ARTICLE_QUOTES.name, replica * DOCS, (replica + 1) * DOCS)["text"]
        repeated = set(base) & set(texts.to_pylist())
        shares.append(len(repeated) / len(set(base)))
        worded = {" ".join(w + scale._tag(replica) for w in t.split(" ")) for t in base}
        assert set(texts.to_pylist()) <= set(base) | worded  # "We will" -> "Weaab willaab"
    assert 0.05 < sum(shares) / len(shares) < 0.25
