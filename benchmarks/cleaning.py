"""Evaluate the boilerplate cleaner (`pipeline.clean`) against public gold sets, and print figures.

Run from the project root:

    .venv/bin/python benchmarks/cleaning.py [--limit N] [--sets trafilatura,dragnet,fundus,bbc]

Four systems are compared on every HTML page:

    ours-html    read_articles (trafilatura's main text and metadata), then clean() with the
                 metadata as hints
    ours-text    the whole page as a browser's copy-and-paste would give it (`page_text`), then
                 normalize_text and clean() without hints
    trafilatura  trafilatura.bare_extraction alone, with its default options
    htmldate     htmldate.find_date(extensive_search=True, original_date=True): a date only, so
                 it has a row in the metadata tables' date columns and none in the body tables

The text a system "keeps" is its title, standfirst and body. The BBC corpus (clean plain text)
measures how much clean() removes that it should not. The data is read from `../shared/` (the
sibling of the project root) and never copied; a set that is not there is skipped. The figures
printed are also written to `docs/results/cleaning.md`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TypeVar

import htmldate
import lxml.etree
import lxml.html
import trafilatura
from report import Table, write_results

from pipeline.clean import Cleaned, Removed, clean, clean_article
from pipeline.formats import read_articles
from pipeline.formats.encoding import decode
from pipeline.formats.html_meta import registered_domain
from pipeline.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval"
BBC_DIR = SHARED / "corpora" / "bbc"
ALL_SETS = ("trafilatura", "dragnet", "fundus", "bbc")
SYSTEM_NAMES = ("ours-html", "ours-text", "trafilatura")  # the systems that extract a body
META_SYSTEMS = (*SYSTEM_NAMES, "htmldate")
# The metadata fields of the systems that fill only some (others show "-").
FIELDS_FILLED = {"htmldate": frozenset({"date", "date±1"})}
SEED = 0  # --limit samples pages with a fixed seed, so reruns compare like with like
# Every page's site falls in one half: rules are tuned looking at "tune" pages only, and "held"
# (sites never looked at while tuning) estimates how the rules do on publishers never seen.
HALVES = ("all", "tune", "held")
CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']canonical[\"'][^>]+href=[\"']([^\"']+)|og:url[\"'][^>]+content=[\"']([^\"']+)",
    re.IGNORECASE,
)

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[T], R], Sequence[T]], Iterator[R]]

# ---------------------------------------------------------------------------------------------
# A page as a person's copy-and-paste of the whole browser window.

# Never shown as text by a browser (or not part of a copy of the page).
UNSEEN_TAGS = (
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
    "object", "embed", "video", "audio", "select", "datalist",
)  # fmt: skip
# Blocks a browser separates by a blank line (they have vertical margins) or by a line break.
PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table"}
    | {"figure", "hr"}
)
LINE_TAGS = frozenset(
    {"div", "li", "dt", "dd", "tr", "section", "article", "header", "footer", "nav", "aside"}
    | {"figcaption", "main", "form", "fieldset", "address", "caption", "details", "summary"}
    | {"hgroup", "legend", "center", "menu", "tbody", "thead", "tfoot"}
)
CELL_TAGS = frozenset({"td", "th"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")
INLINE_SPACE = re.compile(r"[^\S\n]+")
BLANK_LINES = re.compile(r"\n{3,}")


def page_text(html: str) -> str:
    """The visible text of the whole page, one line per block, a blank line between paragraphs."""
    return BLANK_LINES.sub("\n\n", "\n".join(visible_lines(visible_tree(html)))).strip()


def visible_tree(html: str) -> lxml.html.HtmlElement:
    """The page's tree without what a browser never shows."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    _drop_unseen(root)
    return root


def visible_lines(el: lxml.html.HtmlElement) -> list[str]:
    """An element's text as the browser lays it out: one line per block (blank lines kept)."""
    return [INLINE_SPACE.sub(" ", line).strip() for line in "".join(_text_pieces(el)).split("\n")]


def _drop_unseen(root: lxml.html.HtmlElement) -> None:
    unseen = list(root.iter(*UNSEEN_TAGS))
    unseen += [
        el
        for el in root.xpath("//body//*[@hidden or @style]")
        if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or "")
    ]
    for el in unseen:
        if el.getparent() is not None:  # not dropped already (listed twice)
            el.drop_tree()  # keeps the element's tail, which is visible


def _text_pieces(root: lxml.html.HtmlElement) -> Iterator[str]:
    pre_depth = 0
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            pre_depth += tag == "pre"
            yield "\n" if tag == "br" else _block_break(tag)
            if tag and el.text:
                yield _flow(el.text, pre_depth > 0)
            continue
        yield _block_break(tag) + (" " if tag in CELL_TAGS else "")
        pre_depth -= tag == "pre"
        if el.tail and el is not root:
            yield _flow(el.tail, pre_depth > 0)


def _block_break(tag: str) -> str:
    if tag in PARAGRAPH_TAGS:
        return "\n\n"
    return "\n" if tag in LINE_TAGS else ""


def _flow(text: str, preformatted: bool) -> str:
    """Source text as the browser lays it out: line breaks are spaces except inside <pre>."""
    return text if preformatted else WHITESPACE.sub(" ", text)


# ---------------------------------------------------------------------------------------------
# The systems under comparison.


@dataclass(frozen=True)
class Output:
    """What one system made of one page."""

    title: str = ""
    text: str = ""  # standfirst and body: the article text without its title
    authors: tuple[str, ...] = ()
    published: str | None = None  # YYYY-MM-DD
    error: str | None = None
    seconds: float = 0.0

    @property
    def full(self) -> str:
        """All the text the user gets: title, standfirst and body."""
        return "\n\n".join(part for part in (self.title, self.text) if part)


def _from_cleaned(cleaned: Cleaned) -> Output:
    return Output(
        title=cleaned.title or "",
        text="\n\n".join(part for part in (cleaned.standfirst, cleaned.body) if part),
        authors=cleaned.authors,
        published=_iso(cleaned.published),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def ours_html(payload: bytes, html: str) -> Output:
    articles = read_articles(payload, "page.html").articles
    if not articles:
        return Output(error="read_articles returned no article")
    return _from_cleaned(clean_article(articles[0]))


def ours_text(payload: bytes, html: str) -> Output:
    return _from_cleaned(clean(normalize_text(page_text(html))))


def trafilatura_alone(payload: bytes, html: str) -> Output:
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return Output()
    return Output(
        title=doc.title or "",
        text=doc.text or "",
        authors=(doc.author,) if doc.author else (),
        published=doc.date[:10] if doc.date else None,
    )


def htmldate_alone(payload: bytes, html: str) -> Output:
    return Output(published=htmldate.find_date(html, extensive_search=True, original_date=True))


SYSTEMS: dict[str, Callable[[bytes, str], Output]] = {
    "ours-html": ours_html,
    "ours-text": ours_text,
    "trafilatura": trafilatura_alone,
    "htmldate": htmldate_alone,
}


def page_bytes(path: Path) -> bytes:
    """A saved page's bytes, gunzipped if it was saved gzipped."""
    payload = path.read_bytes()
    return gzip.decompress(payload) if payload[:2] == b"\x1f\x8b" else payload


def run_systems(path: Path) -> dict[str, Output]:
    """Every system on one HTML page (optionally gzipped); failures become empty outputs."""
    payload = page_bytes(path)
    try:
        html = decode(payload).text
    except Exception as exc:
        return {name: Output(error=f"decode: {exc}") for name in SYSTEMS}
    return {name: _timed(system, payload, html) for name, system in SYSTEMS.items()}


def _timed(system: Callable[[bytes, str], Output], payload: bytes, html: str) -> Output:
    start = time.perf_counter()
    try:
        out = system(payload, html)
    except Exception as exc:
        out = Output(error=f"{type(exc).__name__}: {exc}")
    return replace(out, seconds=time.perf_counter() - start)


# ---------------------------------------------------------------------------------------------
# Comparing text and metadata with the gold answers.

INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
WORD = re.compile(r"\w+")
# A title typeset with curly quotes or dashes is the same title as its plain-keyboard gold.
TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
NAME_SEPARATORS = re.compile(r"\s*[;,/]\s*|\s+and\s+")


def fold(text: str) -> str:
    """NFC, no invisible characters, whitespace runs as one space: for substring matching."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return WHITESPACE.sub(" ", text).strip()


def tokens(text: str) -> Counter[str]:
    return Counter(WORD.findall(unicodedata.normalize("NFC", text).lower()))


CREDENTIALS = frozenset({"phd", "md", "mba", "msc", "rd", "rn"})


def names(value: str | Sequence[str] | None) -> frozenset[str]:
    """Author names, casefolded, split on ";", "," and " and "; full stops are not part of a
    name ("Joe S." is "Joe S", "R.C. Baker" is "R C Baker")."""
    if not value:
        return frozenset()
    items = [value] if isinstance(value, str) else value
    found = set()
    for item in items:
        found.update(NAME_SEPARATORS.split(fold(item).casefold()))
    cleaned = (" ".join(n.replace(".", " ").split()) for n in found)
    return frozenset(n for n in cleaned if n and n not in CREDENTIALS)


@dataclass
class Tally:
    """Correct answers over the pages that have a gold value."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def show(self) -> str:
        return f"{self.correct / self.total:.3f}" if self.total else "-"


META_FIELDS = ("author", "author~", "title", "title~", "date", "date±1")


@dataclass
class MetaScore:
    """Author, title and date accuracy; the "~" figures are lenient (see `add_*`)."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in META_FIELDS})

    def add_author(self, gold: frozenset[str], out: Output) -> None:
        predicted = names(out.authors)
        self.tallies["author"].add(predicted == gold)
        self.tallies["author~"].add(all(any(g in p for p in predicted) for g in gold))

    def add_title(self, gold: str, out: Output) -> None:
        want, got = (fold(t).translate(TYPOGRAPHY).casefold() for t in (gold, out.title))
        self.tallies["title"].add(want == got)
        self.tallies["title~"].add(bool(got) and (want in got or got in want))

    def add_date(self, gold: str, out: Output) -> None:
        self.tallies["date"].add(out.published == gold[:10])
        self.tallies["date±1"].add(_days_apart(out.published, gold[:10]) <= 1)


def _days_apart(a: str | None, b: str) -> int:
    try:
        return abs((date.fromisoformat(a or "") - date.fromisoformat(b)).days)
    except ValueError:
        return 10**6


@dataclass
class SnippetScore:
    """`with` snippets kept are true positives, `without` snippets kept are false positives."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def row(self) -> list[str]:
        p = _ratio(self.tp, self.tp + self.fp)
        r = _ratio(self.tp, self.tp + self.fn)
        f1 = _ratio(2 * p * r, p + r)
        acc = _ratio(self.tp + self.tn, self.tp + self.fn + self.fp + self.tn)
        return [
            *(f"{x:.3f}" for x in (p, r, f1, acc)),
            *map(str, (self.tp, self.fn, self.fp, self.tn)),
        ]


@dataclass
class TokenScore:
    """Bag-of-words precision, recall and F1: the mean over pages, and micro-averaged F1."""

    pages: list[tuple[float, float, float]] = field(default_factory=list)
    common: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Counter[str], gold: Counter[str]) -> None:
        common = sum((predicted & gold).values())
        n_pred, n_gold = sum(predicted.values()), sum(gold.values())
        p, r = _ratio(common, n_pred), _ratio(common, n_gold)
        self.pages.append((p, r, _ratio(2 * p * r, p + r)))
        self.common, self.predicted, self.gold = (
            self.common + common,
            self.predicted + n_pred,
            self.gold + n_gold,
        )

    def row(self) -> list[str]:
        means = [sum(col) / len(self.pages) for col in zip(*self.pages, strict=True)]
        p, r = _ratio(self.common, self.predicted), _ratio(self.common, self.gold)
        return [f"{x:.3f}" for x in (*means, _ratio(2 * p * r, p + r))]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


# ---------------------------------------------------------------------------------------------
# Report helpers.


def print_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], align: str | None = None
) -> None:
    """Aligned columns; `align` has an "l" or "r" per column (default: first left, others right)."""
    rows = [list(header), *map(list, rows)]
    align = align or "l" + "r" * (len(header) - 1)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = [
            cell.ljust(width) if side == "l" else cell.rjust(width)
            for cell, width, side in zip(row, widths, align, strict=True)
        ]
        print("  " + "  ".join(cells).rstrip())


def system_cells(outputs: Sequence[dict[str, Output]], name: str) -> list[str]:
    """Errors, and the system's mean time per page in milliseconds."""
    errors = sum(o[name].error is not None for o in outputs)
    mean_ms = 1000 * _ratio(sum(o[name].seconds for o in outputs), len(outputs))
    return [str(errors), f"{mean_ms:.0f}"]


def print_errors(outputs: Sequence[dict[str, Output]]) -> None:
    for name in META_SYSTEMS:
        errors = [o[name].error for o in outputs if o[name].error]
        if errors:
            print(f"  {name}: {len(errors)} error(s), first: {errors[0][:160]}")


META_NOTE = "metadata accuracy (pages with a gold value in brackets; ~ lenient, ±1 within a day)"


def print_meta(name: str, scores: dict[tuple[str, str], MetaScore], fields: Sequence[str]) -> Table:
    """One row per system and half; a strict figure shows its page count in brackets."""
    print(f"  {META_NOTE}:")
    header = ["system", "sites", *fields]
    rows = [
        [
            n,
            h,
            *(
                _meta_cell(scores[n, h].tallies[f], strict="~" not in f and "±" not in f)
                if n not in FIELDS_FILLED or f in FIELDS_FILLED[n]
                else "-"
                for f in fields
            ),
        ]
        for h in HALVES
        for n in META_SYSTEMS
    ]
    print_table(header, rows)
    return f"{name}, {META_NOTE}:", header, rows


def _meta_cell(tally: Tally, *, strict: bool) -> str:
    return f"{tally.show()} ({tally.total})" if strict else tally.show()


def site_half(url: str) -> str:
    """'tune' or 'held', fixed by a hash of the page's site: every page of a site is in one."""
    digest = hashlib.sha256(registered_domain(url).encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def page_url(path: Path) -> str:
    """A saved page's own address (canonical link or og:url), else its file name."""
    found = CANONICAL.search(page_bytes(path)[:200_000])
    return (found.group(1) or found.group(2)).decode("utf-8", "replace") if found else path.name


def in_halves(half: str) -> tuple[str, str]:
    return ("all", half)


def sample(items: Sequence[T], limit: int | None) -> list[T]:
    """At most `limit` items, spread over the whole sequence, the same on every run."""
    if limit is None or len(items) <= limit:
        return list(items)
    keep = sorted(random.Random(SEED).sample(range(len(items)), limit))
    return [items[i] for i in keep]


def short(text: str, width: int = 90) -> str:
    text = fold(text)
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Photo captions with a credit: how many of them the pasted page's cleaning (ours-text) removes.

# The gold captions: <figcaption> elements and elements whose class says "caption" (the
# outermost of nested ones).
CAPTION_XPATH = "//figcaption | //*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
# A caption has a credit when an element inside it says so by its class, or its text holds a
# credit label ("Photo:", "Picture by"), an agency's or a stock library's name, "©", or a
# bracketed "Name/Agency".
CREDIT_CLASS_XPATH = (
    ".//*[contains(translate(@class, 'CREDIT', 'credit'), 'credit') or "
    "contains(translate(@class, 'COPYRIGHT', 'copyright'), 'copyright')]"
)
CREDIT_LABELS = (
    "photo", "photograph", "photos", "image", "picture", "pic", "illustration", "credit",
    "copyright", "foto", "bild", "source",
)  # fmt: skip
CREDIT_NAMES = (
    "Getty", "Reuters", "REUTERS", "AP", "AFP", "EPA", "PA", "Associated Press", "Shutterstock",
    "Alamy", "iStock", "Xinhua", "Bloomberg", "Anadolu", "SWNS", "WENN", "Unsplash",
    "Thinkstock", "Pool", "Handout",
)  # fmt: skip
CREDIT_MARKS = re.compile(
    rf"(?i:\b(?:{'|'.join(CREDIT_LABELS)})(?: credit)?\s*(?::|by\b))|©|"
    rf"\b(?:{'|'.join(CREDIT_NAMES)})\b|\([^()]*\w/\w[^()]*\)"
)
CAPTION_MIN_WORDS = 5  # a shorter line of a caption is a bare credit or a label, not its sentence
CAPTION_NOTE = (
    "photo captions with a credit that ours-text removes (none of the caption's lines of "
    f"{CAPTION_MIN_WORDS}+ words left in the text it keeps)"
)


def page_captions(path: Path) -> list[tuple[str, ...]]:
    """The page's distinct captions that carry a credit, each as its lines long enough to be
    the caption's sentence."""
    root = visible_tree(decode(page_bytes(path)).text)
    found = root.xpath(CAPTION_XPATH)
    outer = [el for el in found if not any(a in found for a in el.iterancestors())]
    captions: dict[tuple[str, ...], None] = {}  # in page order, once each
    for el in outer:
        lines = [line for line in visible_lines(el) if line]
        sentences = tuple(fold(x) for x in lines if len(x.split()) >= CAPTION_MIN_WORDS)
        credited = el.xpath(CREDIT_CLASS_XPATH) or CREDIT_MARKS.search(" ".join(lines))
        if sentences and credited:
            captions[sentences] = None
    return list(captions)


def caption_table(
    name: str,
    paths: Sequence[Path],
    urls: Sequence[str],
    outputs: Sequence[dict[str, Output]],
    opts: Options,
    mapper: Mapper,
) -> Table:
    """The share of credited captions no line of which ours-text keeps, per half of the sites;
    with --show-failures, captions it kept on "tune" pages (never look at "held" ones)."""
    tallies = {h: Tally() for h in HALVES}
    kept_on_tune: list[tuple[str, str]] = []
    for path, url, out, captions in zip(
        paths, urls, outputs, mapper(page_captions, paths), strict=True
    ):
        kept = fold(out["ours-text"].full)
        for lines in captions:
            removed = not any(line in kept for line in lines)
            for half in in_halves(site_half(url)):
                tallies[half].add(removed)
            if not removed and site_half(url) == "tune":
                kept_on_tune.append((path.name, " / ".join(lines)))
    print(f"  {CAPTION_NOTE}:")
    header = ["sites", "captions", "removed", "share removed"]
    rows = [[h, str(t.total), str(t.correct), t.show()] for h, t in tallies.items()]
    print_table(header, rows)
    if opts.show_failures and kept_on_tune:
        print(f"  ours-text, credited captions kept on tune pages ({len(kept_on_tune)}):")
        for page, caption in kept_on_tune[: opts.show_failures]:
            print(f"    {page}: {short(caption, 160)}")
    return f"{name}, {CAPTION_NOTE}:", header, rows


# ---------------------------------------------------------------------------------------------
# The sets.


@dataclass(frozen=True)
class Options:
    limit: int | None
    dragnet_split: str
    show_failures: int


def eval_trafilatura(opts: Options, mapper: Mapper) -> list[Table]:
    root = EVAL / "trafilatura"
    gold_all = json.loads((root / "evaldata.en.json").read_text(encoding="utf-8"))
    found = [
        {**g, "url": url} for url, g in gold_all.items() if (root / "html" / g["file"]).exists()
    ]
    gold = sample(found, opts.limit)
    if not gold:
        print("  no pages to evaluate")
        return []
    outputs = list(mapper(run_systems, [root / "html" / g["file"] for g in gold]))
    pages = f"{len(gold)} pages, {sum(len(g['with']) + len(g['without']) for g in gold)} snippets"
    print(f"  {pages} ({_half_sizes(g['url'] for g in gold)})")

    snippets = {(n, h): SnippetScore() for n in SYSTEM_NAMES for h in HALVES}
    meta = {(n, h): MetaScore() for n in META_SYSTEMS for h in HALVES}
    failures: list[tuple[str, str, str]] = []
    for page, out in zip(gold, outputs, strict=True):
        _score_systems_meta(page, out, meta, page["url"])
        for name in SYSTEM_NAMES:
            for half in in_halves(site_half(page["url"])):
                missed, leaked = _score_snippets(page, out[name], snippets[name, half])
            if name == "ours-text":
                failures += [("missed", page["file"], s) for s in missed]
                failures += [("leaked", page["file"], s) for s in leaked]

    header = ["system", "sites", "P", "R", "F1", "acc", "TP", "FN", "FP", "TN", "errors", "ms/page"]
    rows = [
        [n, h, *snippets[n, h].row(), *system_cells(outputs, n)]
        for h in HALVES
        for n in SYSTEM_NAMES
    ]
    print_table(header, rows)
    print_errors(outputs)
    meta_table = print_meta("trafilatura", meta, META_FIELDS)
    _print_failures(failures, opts.show_failures)
    paths, urls = [root / "html" / g["file"] for g in gold], [g["url"] for g in gold]
    captions = caption_table("trafilatura", paths, urls, outputs, opts, mapper)
    return [(f"trafilatura, {pages}: `with` snippets kept, `without` left out:", header, rows),
            meta_table, captions]  # fmt: skip


def _half_sizes(urls: Iterable[str]) -> str:
    halves = Counter(site_half(u) for u in urls)
    return f"sites split by a hash: {halves['tune']} pages to tune on, {halves['held']} held out"


def _score_snippets(page: dict, out: Output, score: SnippetScore) -> tuple[list[str], list[str]]:
    kept = fold(out.full)
    missed = [s for s in page["with"] if fold(s) not in kept]
    leaked = [s for s in page["without"] if fold(s) in kept]
    score.tp += len(page["with"]) - len(missed)
    score.fn += len(missed)
    score.fp += len(leaked)
    score.tn += len(page["without"]) - len(leaked)
    return missed, leaked


def _score_systems_meta(
    page: dict, out: dict[str, Output], meta: dict[tuple[str, str], MetaScore], url: str
) -> None:
    """Every system's metadata of one page, in both of the page's halves."""
    for name in META_SYSTEMS:
        for half in in_halves(site_half(url)):
            _score_meta(page, out[name], meta[name, half])


def _score_meta(page: dict, out: Output, score: MetaScore) -> None:
    """Only pages whose gold value is present and not empty count."""
    if page.get("author"):
        score.add_author(names(page["author"]), out)
    if page.get("title"):
        score.add_title(page["title"], out)
    if page.get("date"):
        score.add_date(page["date"], out)


def _print_failures(failures: list[tuple[str, str, str]], limit: int) -> None:
    for kind in ("missed", "leaked"):
        shown = [f for f in failures if f[0] == kind][:limit]
        if shown:
            what = "`with` snippets missing" if kind == "missed" else "`without` snippets kept"
            print(f"  ours-text, {what} ({len(shown)} shown):")
            for _, page, snippet in shown:
                print(f"    {page}: {short(snippet)}")


COMMENTS_MARK = re.compile(r"^[^\w\n]{3,}\s*COMMENTS\s*$", re.MULTILINE)


def eval_dragnet(opts: Options, mapper: Mapper) -> list[Table]:
    root = EVAL / "dragnet"
    ids = _dragnet_ids(root, opts.dragnet_split)
    ids = sample([i for i in ids if (root / "HTML" / f"{i}.html.gz").exists()], opts.limit)
    golds = [_dragnet_gold(root / "Corrected" / f"{i}.html.corrected.txt") for i in ids]
    pages = [(i, g) for i, g in zip(ids, golds, strict=True) if g is not None and g[0]]
    if not pages:
        print("  no pages to evaluate")
        return []
    paths = [root / "HTML" / f"{i}.html.gz" for i, _ in pages]
    outputs = list(mapper(run_systems, paths))
    invalid = sum(g is not None and not g[1] for g in golds)
    summary = (
        f"{len(pages)} pages of split '{opts.dragnet_split}' "
        f"({len(ids) - len(pages)} without gold text skipped; "
        f"{invalid} gold files not valid UTF-8, read with replacement characters)"
    )
    urls = [page_url(path) for path in paths]
    print(f"  {summary}; {_half_sizes(urls)}")
    scores = {(n, h): TokenScore() for n in SYSTEM_NAMES for h in HALVES}
    for (_, (gold, _)), out, url in zip(pages, outputs, urls, strict=True):
        for name in SYSTEM_NAMES:
            for half in in_halves(site_half(url)):
                scores[name, half].add(tokens(out[name].full), gold)
    return [
        _print_token_table(f"dragnet, {summary}", scores, outputs),
        caption_table("dragnet", paths, urls, outputs, opts, mapper),
    ]


def _dragnet_ids(root: Path, split: str) -> list[str]:
    if split == "all":
        return sorted(p.name.removesuffix(".html.gz") for p in (root / "HTML").glob("*.html.gz"))
    name = "training.txt" if split == "train" else "test.txt"
    return [line.strip() for line in (root / name).read_text().splitlines() if line.strip()]


def _dragnet_gold(path: Path) -> tuple[Counter[str], bool] | None:
    """The article's tokens (the text before the comments mark), and whether it was UTF-8."""
    if not path.exists():
        return None
    data = path.read_bytes()
    try:
        text, valid = data.decode("utf-8"), True
    except UnicodeDecodeError:
        text, valid = data.decode("utf-8", errors="replace"), False
    return tokens(COMMENTS_MARK.split(text, maxsplit=1)[0]), valid


TOKEN_NOTE = "body tokens (P, R, F1: mean over pages; F1 micro: over all tokens)"


def _print_token_table(
    name: str, scores: dict[tuple[str, str], TokenScore], outputs: Sequence[dict[str, Output]]
) -> Table:
    print(f"  {TOKEN_NOTE}:")
    header = ["system", "sites", "P", "R", "F1", "F1 micro", "errors", "ms/page"]
    rows = [
        [n, h, *scores[n, h].row(), *system_cells(outputs, n)]
        for h in HALVES
        for n in SYSTEM_NAMES
        if scores[n, h].pages
    ]
    print_table(header, rows)
    print_errors(outputs)
    return f"{name}, {TOKEN_NOTE}:", header, rows


def eval_fundus(opts: Options, mapper: Mapper) -> list[Table]:
    root = EVAL / "fundus"
    with (root / "articles.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    rows = sample([r for r in rows if (root / r["html_file"]).exists()], opts.limit)
    if not rows:
        print("  no pages to evaluate")
        return []
    paths = [root / r["html_file"] for r in rows]
    outputs = list(mapper(run_systems, paths))
    pages = f"{len(rows)} pages from {len({r['publisher'] for r in rows})} publishers"
    print(f"  {pages} ({_half_sizes(r['url'] for r in rows)})")

    scores = {(n, h): TokenScore() for n in SYSTEM_NAMES for h in HALVES}
    meta = {(n, h): MetaScore() for n in META_SYSTEMS for h in HALVES}
    for row, out in zip(rows, outputs, strict=True):
        _score_systems_meta(_fundus_meta(row), out, meta, row["url"])
        for name in SYSTEM_NAMES:
            for half in in_halves(site_half(row["url"])):
                scores[name, half].add(tokens(out[name].text), tokens(row["body"] or ""))
    return [
        _print_token_table(f"fundus, {pages}", scores, outputs),
        print_meta("fundus", meta, META_FIELDS),
        caption_table("fundus", paths, [r["url"] for r in rows], outputs, opts, mapper),
    ]


def _fundus_meta(row: dict) -> dict:
    """The gold metadata in the trafilatura set's shape: authors is a JSON list (or null)."""
    return {"author": row["authors"], "title": row["title"], "date": row["publishing_date"]}


@dataclass(frozen=True)
class Retention:
    words_in: int
    words_kept: int
    removed: tuple[Removed, ...]
    error: str | None = None


def clean_plain(path: Path) -> Retention:
    text = normalize_text(decode(path.read_bytes()).text)
    words_in = len(text.split())
    try:
        cleaned = clean(text)
    except Exception as exc:
        return Retention(words_in, 0, (), f"{path.parent.name}/{path.name}: {exc!r}")
    kept = [cleaned.title, cleaned.standfirst, cleaned.body]
    return Retention(words_in, sum(len((k or "").split()) for k in kept), cleaned.removed)


def eval_bbc(opts: Options, mapper: Mapper) -> list[Table]:
    files = sample(sorted(BBC_DIR.glob("*/*.txt")), opts.limit)
    if not files:
        print("  no pages to evaluate")
        return []
    results = list(mapper(clean_plain, files))
    good = [r for r in results if r.error is None]
    words_in, kept = sum(r.words_in for r in good), sum(r.words_kept for r in good)
    print(f"  {len(files)} articles, {words_in:,} words after normalize_text")
    lost = words_in - kept
    print(f"  retention {_ratio(kept, words_in):.4f} (target >= 0.995), {lost:,} words lost")
    print(f"  files with any removal: {sum(bool(r.removed) for r in good)}")
    errors = [r.error for r in results if r.error]
    if errors:
        print(f"  clean() raised on {len(errors)} file(s), left out; first: {errors[0][:160]}")
    retention = [
        f"{len(files)}", f"{words_in:,}", f"{_ratio(kept, words_in):.4f}", f"{lost:,}",
        str(sum(bool(r.removed) for r in good)), str(len(errors)),
    ]  # fmt: skip
    tables: list[Table] = [(
        "bbc, clean articles: the words cleaning keeps (target >= 0.995):",
        ["articles", "words after normalize_text", "retention", "words lost",
         "files with any removal", "files clean() raised on"],
        [retention],
    )]  # fmt: skip
    removed = [x for r in good for x in r.removed]
    if removed:
        by_rule = Counter(x.rule for x in removed).most_common()
        print("  removals by rule: " + ", ".join(f"{rule} {n}" for rule, n in by_rule))
        print("  most frequent removed texts:")
        texts = Counter((x.rule, x.kind, short(x.text, 80)) for x in removed).most_common(10)
        rows = [[str(n), rule, kind, text] for (rule, kind, text), n in texts]
        print_table(["count", "rule", "kind", "text"], rows, align="rlll")
        tables += [
            ("bbc, removals by rule:", ["rule", "removals"], by_rule),
            ("bbc, the most frequent removed texts:", ["count", "rule", "kind", "text"], rows),
        ]
    return tables


SETS: dict[str, tuple[Path, Callable[[Options, Mapper], list[Table]]]] = {
    "trafilatura": (EVAL / "trafilatura" / "evaldata.en.json", eval_trafilatura),
    "dragnet": (EVAL / "dragnet" / "HTML", eval_dragnet),
    "fundus": (EVAL / "fundus" / "articles.jsonl", eval_fundus),
    "bbc": (BBC_DIR, eval_bbc),
}


# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="at most N pages per set (a fixed sample)")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated set names")
    parser.add_argument(
        "--dragnet-split",
        choices=("test", "train", "all"),
        default="test",
        help="dragnet pages to use (default: the 415-page test split)",
    )
    parser.add_argument(
        "--show-failures",
        type=int,
        default=0,
        metavar="N",
        help="print N missed and N leaked trafilatura-set snippets of ours-text, and N "
        "credited captions it kept on tune pages of each set",
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args(argv)
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = set(args.sets) - set(ALL_SETS)
    if unknown:
        parser.error(f"unknown set(s) {', '.join(sorted(unknown))}; choose from {ALL_SETS}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    opts = Options(args.limit, args.dragnet_split, args.show_failures)
    started = time.perf_counter()
    tables: list[Table] = []
    times: list[list[str]] = []
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for name in args.sets:
                tables += run_set(name, opts, _mapper(pool), times)
    else:
        for name in args.sets:
            tables += run_set(name, opts, _mapper(None), times)
    total = time.perf_counter() - started
    print(f"\ntotal {total:.1f} s")
    times.append(["total", f"{total:.1f}"])
    caption = f"Time, with {args.jobs} worker process(es):"
    write_results("cleaning", *tables, (caption, ["set", "seconds"], times))
    return 0


def run_set(name: str, opts: Options, mapper: Mapper, times: list[list[str]]) -> list[Table]:
    """Evaluate one set: the tables it printed; its time is added to `times`."""
    marker, evaluate = SETS[name]
    print(f"\n== {name}")
    if not marker.exists():
        print(f"skipped: {name} not found")
        return []
    started = time.perf_counter()
    tables = evaluate(opts, mapper)
    seconds = time.perf_counter() - started
    print(f"  time {seconds:.1f} s")
    times.append([name, f"{seconds:.1f}"])
    sys.stdout.flush()
    return tables


def _mapper(pool: Pool | None) -> Mapper:
    if pool is None:
        return map  # type: ignore[return-value]
    return lambda func, items: pool.imap(func, items, chunksize=2)


if __name__ == "__main__":
    sys.exit(main())
