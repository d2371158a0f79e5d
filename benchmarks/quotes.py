"""Quotation benchmark: quotations and their speakers against a hand-made gold set.

    python benchmarks/quotes.py [--shared ../shared] [--show-errors] [--polnear dev|train]
                                [--limit N]

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

`--polnear dev` (or `train`) adds PolNeAR (`../shared/eval/polnear/`, political news of 2016 with
every attribution annotated; `--limit N`: its first N articles by name): each raw `.txt` is read,
cleaned and parsed as the pipeline does, its quotations found and their speakers resolved across
the split; their body offsets are mapped back to the raw text (`polnear.word_aligner`) and scored
against the gold attributions (`polnear.py` says how): direct recall, statement precision,
speaker accuracy for named and for pronoun/nominal sources, reported speech (recall over the
indirect attributions by a verb of speech, precision over every attribution). textacy's
`direct_quotations` on the raw text parsed by the same model is scored beside ours.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from dataclasses import asdict
from pathlib import Path

import polnear
import pyarrow as pa
from common import SHARED
from report import Table, write_results
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import nlp
from pipeline.analysis import COMPONENTS
from pipeline.clean import clean_article
from pipeline.entities import article_mention_rows, resolve
from pipeline.formats import read_articles
from pipeline.parsed import ParsedArticle
from pipeline.quotes import quote_rows as article_quote_rows
from pipeline.quotes.corpus import quote_tables
from pipeline.tables import ARTICLE_MENTIONS, ARTICLE_QUOTES

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "quotes.json"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


def arguments() -> argparse.Namespace | None:
    """`common.shared_args` with `--polnear` and `--limit`: None when the shared folder is
    absent (the benchmark then skips)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--polnear", choices=["dev", "train"], help="add PolNeAR's split")
    parser.add_argument("--limit", type=int, help="only the split's first N articles")
    args = parser.parse_args()
    if not args.shared.is_dir():
        print(f"skipped: {args.shared} is absent")
        return None
    return args


def main() -> int:
    args = arguments()
    if args is None:
        return 0
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    tables = [gold_set(args, model)]
    if args.polnear:
        folder = args.shared / "eval" / "polnear" / args.polnear
        if folder.is_dir():
            tables += polnear_tables(folder, args, model)
        else:
            print(f"\nPolNeAR skipped: {folder} is absent")
    write_results("quotes", *tables)
    return 0


def quotations(
    model: Language, sources: dict[str, tuple[str, bytes]]
) -> tuple[list[dict], dict[str, str]]:
    """Each source (its file name and bytes) read, cleaned and parsed as the pipeline does, its
    quotations found and their speakers resolved across all of them as a batch is: the quote
    rows (`doc_id` the source's key) and each source's cleaned body."""
    mention_rows: list[dict] = []
    quote_rows: list[dict] = []
    bodies: dict[str, str] = {}
    for doc_id, (name, raw) in sources.items():
        [article, *_] = read_articles(raw, name).articles
        bodies[doc_id] = clean_article(article).body
        parsed = ParsedArticle(model(bodies[doc_id]))
        mention_rows.extend({**asdict(r), "doc_id": doc_id} for r in article_mention_rows(parsed))
        quote_rows.extend({**asdict(q), "doc_id": doc_id} for q in article_quote_rows(parsed))
    if not quote_rows:
        return [], bodies
    resolution = resolve(pa.Table.from_pylist(mention_rows, schema=ARTICLE_MENTIONS.schema))
    quotes = pa.Table.from_pylist(quote_rows, schema=ARTICLE_QUOTES.schema)
    return quote_tables({"all": quotes}, resolution)["all"].to_pylist(), bodies


def gold_set(args: argparse.Namespace, model: Language) -> Table:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    started = time.perf_counter()
    entries = [e for e in gold["documents"] if (args.shared / e["source"]).exists()]
    sources = {
        e["source"]: (e["source"], (args.shared / e["source"]).read_bytes()) for e in entries
    }
    linked, _bodies = quotations(model, sources)
    seconds = time.perf_counter() - started
    found_statements = wrong_speakers = 0
    total = sum(len(e["statements"]) for e in entries)
    matched: set[int] = set()
    errors: list[str] = []
    for entry in entries:
        ours = [(i, q) for i, q in enumerate(linked) if q["doc_id"] == entry["source"]]
        for statement in entry["statements"]:
            start = fold(statement["starts_with"])
            hits = [
                (i, q)
                for i, q in ours
                if q["kind"] == "statement" and fold(q["text"]).startswith(start)
            ]
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
        ["statement precision", f"{len(matched) / max(ours_statements, 1):.3f}"],
        ["speaker accuracy", f"{1 - wrong_speakers / max(found_statements, 1):.3f}"],
        ["phrases called statements", str(phrases_as_statements)],
    ]
    for measure, value in rows:
        print(f"{measure + ':':27}{value}")
    if args.show_errors:
        print("\n" + "\n".join(errors))
    return (f"The {gold_size}:", ["measure", "value"], rows)


def polnear_tables(folder: Path, args: argparse.Namespace, model: Language) -> list[Table]:
    """Ours and textacy's figures on one PolNeAR split, and what they were measured on."""
    articles = polnear.load_split(folder, args.limit)
    started = time.perf_counter()
    sources = {
        a.name: (f"{a.name}.txt", (folder / "text" / f"{a.name}.txt").read_bytes())
        for a in articles
    }
    linked, bodies = quotations(model, sources)
    aligners = {a.name: polnear.word_aligner(bodies[a.name], a.text) for a in articles}
    ours: dict[str, list[polnear.Row]] = {a.name: [] for a in articles}
    verbatim = 0
    texts = {a.name: a.text for a in articles}
    for q in linked:
        to_raw = aligners[q["doc_id"]]
        start, end = to_raw(q["start"]), to_raw(q["end"])
        verbatim += texts[q["doc_id"]][start:end] == q["text"]
        ours[q["doc_id"]].append(polnear.Row(start, end, q["speaker"], q["kind"]))
    ours_seconds = time.perf_counter() - started

    started = time.perf_counter()
    theirs: dict[str, list[polnear.Row]] = {}
    textacy_bailed = 0
    for article in articles:
        doc = model(article.text)
        polnear.read_sources(article, doc)
        theirs[article.name], bailed = textacy_rows(doc)
        textacy_bailed += bailed
    textacy_seconds = time.perf_counter() - started

    mine = polnear.score(articles, ours)
    other = polnear.score(articles, theirs)
    gold = [a for article in articles for a in article.attributions]
    direct = [a for a in gold if a.direct]
    kinds = {k: sum(a.source_kind == k for a in direct) for k in ("name", "pronoun", "nominal")}
    annotated = sum(len(list((folder / "attributions").glob(f"{a.name}_*.ann"))) > 1
                    for a in articles)  # fmt: skip
    rows_made = len(linked)
    counts = [
        ["articles", len(articles)],
        ["articles with several annotators (first in sorted order used)", annotated],
        ["gold attributions", len(gold)],
        ["gold direct quotations", len(direct)],
        ["... whose source is a name / pronoun / nominal / none",
         f"{kinds['name']} / {kinds['pronoun']} / {kinds['nominal']} / "
         f"{len(direct) - sum(kinds.values())}"],
        ["gold indirect (reported) attributions", len(gold) - len(direct)],
        ["... by a speech verb (`polnear.SPEECH_VERBS`: reported-speech recall's whole)",
         mine.speech],
        ["our rows (statements / phrases / reported)",
         f"{rows_made} ({sum(q['kind'] == 'statement' for q in linked)} / "
         f"{sum(q['kind'] == 'phrase' for q in linked)} / "
         f"{sum(q['kind'] == 'reported' for q in linked)})"],
        ["our rows whose raw-text span is verbatim their text", verbatim],
        ["textacy triples", sum(map(len, theirs.values()))],
        ["textacy: articles where it bailed (odd quote marks), run per paragraph",
         textacy_bailed],
        ["seconds: ours (read, clean, parse, quotes, resolve) / textacy (parse, extract)",
         f"{ours_seconds:.1f} / {textacy_seconds:.1f}"],
    ]  # fmt: skip

    both = mine.judged.keys() & other.judged.keys()

    def ratio(part: int, whole: int) -> str:
        return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a (0)"

    figures = [
        ["direct recall", ratio(mine.direct_found, mine.direct),
         ratio(other.direct_found, other.direct)],
        ["direct recall, quotations not opened by ''",
         ratio(mine.direct_found - mine.apostrophes_found, mine.direct - mine.apostrophes),
         ratio(other.direct_found - other.apostrophes_found, other.direct - other.apostrophes)],
        ["statement precision", ratio(mine.statements_matched, mine.statements),
         ratio(other.statements_matched, other.statements)],
        ["speaker accuracy, named sources", ratio(mine.named_right, mine.named),
         ratio(other.named_right, other.named)],
        ["speaker accuracy, pronoun/nominal sources",
         ratio(mine.referred_right, mine.referred), ratio(other.referred_right, other.referred)],
        *(
            [f"{measure}, quotations both found", ratio(*mine.on(both, kind)),
             ratio(*other.on(both, kind))]
            for measure, kind in (("speaker accuracy, named sources", "name"),
                                  ("speaker accuracy, pronoun/nominal sources", "referred"))
        ),
        ["reported-speech recall", ratio(mine.reported_found, mine.speech), "not produced"],
        ["reported-speech precision", ratio(mine.reported_matched, mine.reported),
         "not produced"],
    ]  # fmt: skip
    print(f"\nPolNeAR {args.polnear}: what was measured\n")
    for measure, value in counts:
        print(f"{measure + ':':80}{value}")
    print(f"\nPolNeAR {args.polnear}: ours and textacy's direct_quotations\n")
    print(f"{'measure':68}{'ours':24}textacy")
    for measure, a, b in figures:
        print(f"{measure:68}{a:24}{b}")
    if args.show_errors:
        print("\nours:\n" + "\n".join(mine.errors))
        print("\ntextacy:\n" + "\n".join(other.errors))
    limited = f", its first {args.limit} articles by name" if args.limit else ""
    return [
        (f"PolNeAR {args.polnear}{limited}: what was measured.", ["what", "count"], counts),
        (
            f"PolNeAR {args.polnear}: ours and textacy's `direct_quotations` (the same articles, "
            "raw text, model and scorer; `docs/evaluation.md` says how):",
            ["measure", "ours", "textacy"],
            figures,
        ),
    ]


def textacy_rows(doc: Doc) -> tuple[list[polnear.Row], int]:
    """textacy's direct quotations of `doc` as rows (speaker: its tokens' text), and 1 when it
    refused the whole text (an odd number of quote marks) and was run paragraph by paragraph."""
    from textacy.extract.triples import direct_quotations

    def rows(part: Doc, offset: int) -> list[polnear.Row]:
        return [
            polnear.Row(offset + content.start_char, offset + content.end_char,
                        " ".join(t.text for t in speaker) or None, "statement")
            for speaker, _cue, content in direct_quotations(part)
        ]  # fmt: skip

    try:
        return rows(doc, 0), 0
    except ValueError:
        pass
    found: list[polnear.Row] = []
    for paragraph in re.finditer(r"[^\n]+", doc.text):
        span = doc.char_span(paragraph.start(), paragraph.end(), alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        try:
            found += rows(span.as_doc(), span.start_char)
        except ValueError:
            continue  # an unclosed quotation in this paragraph: textacy bails on it
    return found, 1


if __name__ == "__main__":
    raise SystemExit(main())
