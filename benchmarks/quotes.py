"""Quotation benchmark: quotations and their speakers against a hand-made gold set.

    python benchmarks/quotes.py [--shared ../shared] [--show-errors]

The gold set (`benchmarks/gold/quotes.json`, how it was made is in its `about`) lists, for real
articles under `../shared/` (the seeds, BBC News articles, fundus pages), every direct quotation
that is someone's statement (its first words and its speaker's full name, or null) and every
quoted phrase (scare quotes, terms). Each article is read and cleaned as the pipeline does and
parsed once; speakers go through the same resolution across the gold articles as the pipeline's.

Printed: statement recall (a gold statement is found when one of our quotations starts with its
first words), statement precision (our statements that are gold statements), speaker accuracy
over the statements found (same canonical name, null included), and how many gold phrases we
called statements; the same figures are written to `docs/results/quotes.md`. Skips cleanly
(exit 0) when `../shared/` is absent.
"""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pyarrow as pa
from common import shared_args
from report import write_results

from pipeline import nlp
from pipeline.analysis import COMPONENTS
from pipeline.clean import clean_article
from pipeline.entities import article_mention_rows, resolve
from pipeline.formats import read_articles
from pipeline.parsed import ParsedArticle
from pipeline.quotes import find_quotes
from pipeline.quotes.corpus import quote_tables
from pipeline.tables import ARTICLE_MENTIONS, ARTICLE_QUOTES

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "quotes.json"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


def main() -> int:
    args = shared_args(__doc__)
    if args is None:
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    mention_rows: list[dict] = []
    quote_rows: list[dict] = []
    started = time.perf_counter()
    entries = [e for e in gold["documents"] if (args.shared / e["source"]).exists()]
    for entry in entries:
        raw = (args.shared / entry["source"]).read_bytes()
        [article, *_] = read_articles(raw, entry["source"]).articles
        parsed = ParsedArticle(model(clean_article(article).body))
        doc_id = entry["source"]
        mention_rows.extend({"doc_id": doc_id, **r} for r in article_mention_rows(parsed))
        quote_rows.extend(
            {"doc_id": doc_id, "start": q.start, "end": q.end, "text": q.text,
             "speaker": q.speaker, "cue": q.cue, "kind": q.kind}
            for q in find_quotes(parsed)
        )  # fmt: skip
    resolution = resolve(pa.Table.from_pylist(mention_rows, schema=ARTICLE_MENTIONS.schema))
    linked = quote_tables(
        {"all": pa.Table.from_pylist(quote_rows, schema=ARTICLE_QUOTES.schema)}, resolution
    )["all"].to_pylist()
    seconds = time.perf_counter() - started
    found_statements = wrong_speakers = 0
    total = sum(len(e["statements"]) for e in entries)
    matched: set[int] = set()
    errors: list[str] = []
    for entry in entries:
        ours = [(i, q) for i, q in enumerate(linked) if q["doc_id"] == entry["source"]]
        for statement in entry["statements"]:
            start = fold(statement["starts_with"])
            hits = [(i, q) for i, q in ours if fold(q["text"]).startswith(start)]
            if not hits:
                errors.append(f"missed  {entry['source']}: {statement['starts_with']!r}")
                continue
            found_statements += 1
            i, quote = hits[0]
            matched.add(i)
            if quote["speaker"] != statement["speaker"]:
                wrong_speakers += 1
                errors.append(
                    f"speaker {entry['source']}: {statement['starts_with']!r} "
                    f"ours {quote['speaker']!r}, gold {statement['speaker']!r}"
                )
        phrases = {fold(p) for p in entry["phrases"]}
        for i, q in ours:
            if q["kind"] == "statement" and i not in matched:
                kind = "phrase " if fold(q["text"]) in phrases else "extra  "
                errors.append(f"{kind} {entry['source']}: {q['text'][:60]!r} ({q['speaker']})")
    ours_statements = sum(q["kind"] == "statement" for q in linked)
    phrases_as_statements = sum(e.startswith("phrase") for e in errors)
    gold_size = (f"gold set: {len(entries)} articles, {total} statements, "
                 f"{sum(len(e['phrases']) for e in entries)} phrases; {seconds:.1f} s")  # fmt: skip
    print(gold_size + "\n")
    rows = [
        ["statement recall", f"{found_statements / max(total, 1):.3f}"],
        ["statement precision", f"{found_statements / max(ours_statements, 1):.3f}"],
        ["speaker accuracy", f"{1 - wrong_speakers / max(found_statements, 1):.3f}"],
        ["phrases called statements", str(phrases_as_statements)],
    ]
    for measure, value in rows:
        print(f"{measure + ':':27}{value}")
    write_results("quotes", (f"The {gold_size}:", ["measure", "value"], rows))
    if args.show_errors:
        print("\n" + "\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
