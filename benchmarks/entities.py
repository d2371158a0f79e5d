"""Entity benchmark: mentions and resolved entities against a hand-made gold set.

    python benchmarks/entities.py [--shared ../shared] [--show-errors] [--gum tune dev]

The gold set (`benchmarks/gold/entities.json`, how it was made is in its `about`) names, for
real articles under `../shared/` (the seeds, BBC News articles and fundus pages), every entity
mention of the cleaned body and the entity it refers to. Each article is read and cleaned as the
pipeline does; the gold strings are then located in the body (whole words, longest first).

Printed, for raw spaCy (its entity spans with the entity labels, its text as the entity's name)
and for this pipeline (`article_mentions` rules, then resolution across the gold articles):
- mentions: precision / recall / F1 of exact (start, end, label) spans;
- entities: precision / recall / F1 of (article, entity name, label): which entities each article
  mentions, under their canonical name. This is what resolution is for: "Mr Healey" in one
  article and "Healey" in another are both "John Healey".
With `--gum SPLIT...`, also GUM (`gum.py`: hand-linked entities of eleven non-news genres): linked
recall and fragmentation of raw spaCy (one entity per distinct span text and label in a document)
and of this pipeline (its entities after resolution across the split's documents).
The figures are also written to `docs/results/entities.md`.
Skips cleanly (exit 0) when `../shared/` is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import gum
import pyarrow as pa
from common import SHARED
from report import Table, write_results
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import nlp
from pipeline.clean import clean_article
from pipeline.entities import article_mention_rows, entity_tables
from pipeline.entities.rules import ENTITY_LABELS
from pipeline.formats import read_articles
from pipeline.parsed import ParsedArticle
from pipeline.tables import ARTICLE_MENTIONS

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "entities.json"

Span = tuple[str, int, int, str]  # doc, start, end, label


@dataclass
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: set, gold: set) -> Scores:
    return Scores(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def body_of(path: Path, source: str) -> str:
    [article, *_] = read_articles(path.read_bytes(), source).articles
    return clean_article(article).body


def gold_spans(doc: str, body: str, items: list[dict]) -> dict[Span, str]:
    """Gold (span -> entity): each item's whole-word occurrences, longest strings first."""
    taken = [False] * len(body)
    spans: dict[Span, str] = {}
    for item in sorted(items, key=lambda i: -len(i["text"])):
        pattern = re.compile(rf"(?<![\w]){re.escape(item['text'])}(?![\w])")
        wanted = item.get("occurrences")
        for n, match in enumerate(pattern.finditer(body)):
            if any(taken[match.start() : match.end()]):
                continue
            if wanted is not None and n not in wanted:
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            spans[(doc, match.start(), match.end(), item["label"])] = item["entity"]
    return spans


def arguments() -> argparse.Namespace | None:
    """`common.shared_args` with `--gum`: None when the shared folder is absent (the benchmark
    then skips)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--gum", nargs="+", choices=["tune", "dev", "all"], default=[], help="add GUM's splits"
    )
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"skipped: {args.shared} is absent")
        return None
    return args


def main() -> int:
    args = arguments()
    if args is None:
        return 0
    gold_set = json.loads(GOLD.read_text(encoding="utf-8"))
    model = nlp.load_model(nlp.DEFAULT_MODEL, ("ner",))
    gold: dict[Span, str] = {}
    raw: dict[Span, str] = {}
    docs_parsed: list[tuple[str, Doc]] = []
    bodies: dict[str, str] = {}
    missing = 0
    started = time.perf_counter()
    for entry in gold_set["documents"]:
        path = args.shared / entry["source"]
        if not path.exists():
            missing += 1
            continue
        doc_id = entry["source"]
        body = bodies[doc_id] = body_of(path, entry["source"])
        gold.update(gold_spans(doc_id, body, entry["mentions"]))
        parsed = model(body)
        for ent in parsed.ents:
            if ent.label_ in ENTITY_LABELS:
                raw[(doc_id, ent.start_char, ent.end_char, ent.label_)] = ent.text
        docs_parsed.append((doc_id, parsed))
    ours_rows = mention_rows(docs_parsed)
    seconds = time.perf_counter() - started
    ours_table = pa.Table.from_pylist(ours_rows, schema=ARTICLE_MENTIONS.schema)
    resolution = entity_tables({"gold set": ours_table}).resolution
    ours: dict[Span, str] = {}
    for row in ours_rows:
        entity = resolution.of_name.get((row["name"], row["label"]))
        if entity is not None:
            ours[(row["doc_id"], row["start"], row["end"], entity.label)] = entity.name
    docs = len(gold_set["documents"]) - missing
    gold_size = (
        f"gold set: {docs} articles, {len(gold)} mentions, "
        f"{len({(e, s[3]) for s, e in gold.items()})} entities ({missing} sources absent)"
    )
    print(gold_size)
    print(f"analysis time: {seconds:.1f} s\n")
    print(f"{'':28}{'precision':>10}{'recall':>10}{'F1':>8}")
    rows = []
    for title, system in (("raw spaCy", raw), ("newsroom", ours)):
        mentions = score(set(system), set(gold))
        entities = score(_doc_entities(system), _doc_entities(gold))
        for what, scores in (("mentions", mentions), ("entities", entities)):
            print(
                f"{title + ' ' + what:28}{scores.precision:>10.3f}{scores.recall:>10.3f}"
                f"{scores.f1:>8.3f}"
            )
            rows.append(
                [title, what, *(f"{x:.3f}" for x in (scores.precision, scores.recall, scores.f1))]
            )
    tables: list[Table] = [
        (
            f"The {gold_size}; analysis time {seconds:.1f} s. Mentions: "
            "exact span and label; entities: (article, canonical name, label).",
            ["system", "scored", "precision", "recall", "F1"],
            rows,
        )
    ]
    if args.show_errors:
        _show(ours, gold, bodies)
    for split in args.gum:  # errors only for tune: dev is scored, never read
        show = args.show_errors and split == "tune"
        tables.append(gum_table(args.shared / "eval" / "gum", split, model, show))
    write_results("entities", *tables)
    return 0


def gum_table(folder: Path, split: str, model: Language, show_errors: bool) -> Table:
    """Linked recall and fragmentation on GUM's `split`, raw spaCy beside this pipeline."""
    docs = list(gum.documents(folder, split))
    raw: dict[str, dict[str, set[str]]] = {}
    started = time.perf_counter()
    parsed_docs: list[tuple[str, Doc]] = []
    for doc in docs:
        parsed = model(doc.text)
        raw[doc.name] = {}
        for ent in parsed.ents:
            if ent.label_ in ENTITY_LABELS:
                raw[doc.name].setdefault(f"{ent.text}\x1f{ent.label_}", set()).add(ent.text)
        parsed_docs.append((doc.name, parsed))
    rows = mention_rows(parsed_docs)
    seconds = time.perf_counter() - started
    ours = _entities_by_doc(rows)
    size = sum(len(d.entities) for d in docs)
    sentence = (
        f"GUM {split}: {len(docs)} documents, {size} linked people, organisations and places "
        f"named in them; analysis time {seconds:.1f} s. Linked recall: a gold entity is found "
        "when one of our entities in its document has one of its names; fragmentation: our "
        "entities holding its names, per entity found."
    )
    print(f"\n{sentence}\n{'':28}{'linked recall':>15}{'fragmentation':>15}")
    printed = []
    for title, system in (("raw spaCy", raw), ("newsroom", ours)):
        scores = gum.score(docs, system)
        print(f"{title:28}{scores.recall:>15.3f}{scores.fragmentation:>15.3f}")
        printed.append(
            [f"{title}, GUM {split}", f"{scores.recall:.3f}", f"{scores.fragmentation:.3f}"]
        )
    if show_errors:
        gum.show_errors(docs, ours)
    return sentence, ["system", "linked recall", "fragmentation"], printed


def mention_rows(parsed: list[tuple[str, Doc]]) -> list[dict]:
    """The `article_mentions` rows of the parsed documents, as ingest writes them."""
    return [
        dataclasses.asdict(row)
        for doc_id, doc in parsed
        for row in article_mention_rows(ParsedArticle(doc, doc_id=doc_id))
    ]


def _entities_by_doc(rows: list[dict]) -> dict[str, dict[str, set[str]]]:
    """Per document, our entities (resolved across the documents as the corpus stage does) and
    their surface forms."""
    table = pa.Table.from_pylist(rows, schema=ARTICLE_MENTIONS.schema)
    resolution = entity_tables({"corpus": table}).resolution
    found: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        entity = resolution.of_name.get((row["name"], row["label"]))
        if entity is not None:
            found.setdefault(row["doc_id"], {}).setdefault(entity.entity_id, set()).add(row["text"])
    return found


def _doc_entities(spans: dict[Span, str]) -> set[tuple[str, str, str]]:
    return {(span[0], name, span[3]) for span, name in spans.items()}


def _show(ours: dict[Span, str], gold: dict[Span, str], bodies: dict[str, str]) -> None:
    def text(span: Span) -> str:
        return bodies[span[0]][span[1] : span[2]]

    print("\nmissed (gold not found):")
    for span in sorted(set(gold) - set(ours)):
        print(f"   {span[0]} {text(span)!r} {span[3]} -> {gold[span]}")
    print("\nspurious (found, not gold):")
    for span in sorted(set(ours) - set(gold)):
        print(f"   {span[0]} {text(span)!r} {span[3]} -> {ours[span]}")
    ours_entities, gold_entities = _doc_entities(ours), _doc_entities(gold)
    print("\nentities of one side only:")
    for e in sorted(ours_entities ^ gold_entities):
        print("  ", "ours" if e in ours_entities else "gold", e)


if __name__ == "__main__":
    raise SystemExit(main())
