"""Scale benchmark: the corpus entity stage (`mentions`, `entities`, `quotes`) on archives of
10,000 to 1,000,000 articles, after one more batch and from scratch.

    python benchmarks/scale.py [--articles 10000 100000 1000000] [--base WAREHOUSE]

The archives are synthetic, made of the article tables (`documents`, `article_mentions`,
`article_quotes`) of a warehouse of the BBC corpus: `--base`, else one that `python -m
assets.run` builds once from `../shared/corpora/bbc` into the cache folder. Article k of an
archive is replica k // n of base article k % n (n: the base's articles). Replica 0 is the base
itself; in each later one
- every article has a new doc id (a hash of its id and the replica);
- 30% of the distinct names are new: a name's last word ("Blair" of "Tony Blair"), when drawn
  for the replica, is replaced by a made-up word wherever it ends a mention's name or text or a
  quotation's speaker or speaker text, so "Tony Blair", "Blair" and "Mr Blair" stay one
  person's forms;
- 87% of the quotations are new words (each word given the replica's suffix) and 13% repeat
  BBC's, as 13% of BBC's quotation rows share their id with another article's.
The archive is a feed of one 1,000-article batch a day: each batch file is named like an ingest
batch of that day and each article dated that day (BBC's articles have no date). Bodies are
BBC's: changed mentions and quotations no longer match them, which the corpus stage never
checks. Archives are cached by size in the cache folder and made again when the base or this
generator changes.

For each size, on a new copy of the archive (its files hard-linked; so reruns measure the same
thing, and runs at the same time never meet), each step in its own process, timed with the peak
RSS of its process tree:
- rebuild: the corpus tables from scratch (`pipeline.corpus.update_entities`, no corpus table
  or `_index` there yet);
- update: one more 1,000-article batch, then `update_entities` again: seconds, peak RSS, files
  written or deleted per table, and the size of `<warehouse>/_index` per article when an
  incremental engine keeps one.

Prints a table (and writes it to `docs/results/scale.md`) and, last, for the last size:
`articles=N update_s=X update_peak_mb=Y rebuild_s=Z`.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
from common import MIB, PROJECT, SHARED, run_measured
from report import write_results

from pipeline.ingest import batch_key
from pipeline.store import Warehouse, write_parquet
from pipeline.tables import ARTICLE_MENTIONS, ARTICLE_QUOTES, DOCUMENTS

SIZES = (10_000, 100_000, 1_000_000)
BATCH_ARTICLES = 1000  # one ingest batch, and one day of the synthetic feed
NEW_NAMES = 0.3  # share of the distinct names made new in each replica
FIRST_DAY = date(2005, 1, 1)  # the day of batch 0
GENERATOR = 2  # bump when the archives this makes change, so cached ones are made again
CACHE = Path.home() / ".cache" / "newsroom-bench"
TIMEOUT = 3600.0  # seconds per step
INDEX = "_index"  # where an incremental corpus stage keeps its indexes
SYNTHETIC = (DOCUMENTS, ARTICLE_MENTIONS, ARTICLE_QUOTES)
# Per table, the columns a replica changes: names (NAMES: their last word drawn anew) or
# quoted words (QUOTED). Names' last words are those of the names of mentions and speakers.
NAMES, QUOTED = "names", "quoted"
RENAMED = {
    ARTICLE_MENTIONS.name: {"name": NAMES, "text": NAMES},
    ARTICLE_QUOTES.name: {"speaker": NAMES, "speaker_text": NAMES, "text": QUOTED},
}
NAMED = ((ARTICLE_MENTIONS.name, "name"), (ARTICLE_QUOTES.name, "speaker"))
# Share of a replica's quotations that repeat words an earlier article carried; the others are
# new words. BBC: 13% of its quotation rows share their id with another article's.
REPEATED_QUOTES = 0.13
# A made-up word: syllables of an onset and a vowel, then a coda (2e8 words of 3 syllables).
ONSETS = ("b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kl", "l", "m", "n",
          "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z")  # fmt: skip
VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ei", "ia", "y")
CODAS = ("", "n", "r", "s", "k", "l", "t", "m", "ck", "x")
SYLLABLES = 3
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # an acronym's replacement: as many capitals
Hashes = npt.NDArray[np.uint64]
HEADER = ["archive (articles)", "update s", "update peak MiB", "files rewritten (update)",
          "update steps", "rebuild s", "rebuild peak MiB", "index bytes/article",
          "article tables on disk"]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=list(SIZES), metavar="N")
    parser.add_argument("--base", type=Path, help="a warehouse `python -m assets.run` made")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--cache", type=Path, default=CACHE, help="base, archives, work copies")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per step")
    parser.add_argument("--update-entities", type=Path, help=argparse.SUPPRESS)  # a step's child
    args = parser.parse_args()
    if args.update_entities:
        return _update_entities(args.update_entities)
    if bad := [n for n in args.articles if n < BATCH_ARTICLES or n % BATCH_ARTICLES]:
        parser.error(f"--articles {bad}: give whole batches, multiples of {BATCH_ARTICLES:,}")
    base = args.base or bbc_base(args.shared, args.cache)
    if base is None:
        return 0
    replicas = Replicas(Warehouse(base))
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} cores, load average {load:.2f}; base {base}: "
          f"{replicas.base_articles:,} articles", flush=True)  # fmt: skip
    rows, last = [], ""
    for articles in args.articles:
        archive = synthetic(replicas, base, args.cache, articles)
        rebuild, update, index = measure(replicas, archive, args.timeout)
        rows.append([f"{articles:,}", *_update_cells(update), *_step_cells(rebuild), index,
                     f"{_bytes(archive) / MIB:,.0f} MiB"])  # fmt: skip
        last = (f"articles={articles} update_s={_seconds(update)} "
                f"update_peak_mb={_peak(update)} rebuild_s={_seconds(rebuild)}")  # fmt: skip
    caption = (
        f"{os.cpu_count()} cores, load average {load:.2f} at the start. Synthetic archives of "
        f"{replicas.base_articles:,}-article replicas of BBC's article tables (in each, new doc "
        f"ids, {NEW_NAMES:.0%} of the names new, {1 - REPEATED_QUOTES:.0%} of the quotations in "
        f"new words; {BATCH_ARTICLES:,} articles a day); update: "
        f"one more {BATCH_ARTICLES:,}-article batch; rebuild: the corpus tables from scratch. "
        "Peak RSS of the step's process tree."
    )
    write_results("scale", (caption, HEADER, rows))
    print(last)
    return 0


# -- the base ----------------------------------------------------------------------------------


def bbc_base(shared: Path, cache: Path) -> Path | None:
    """The cached warehouse of the BBC corpus, built by `python -m assets.run` (the pipeline as
    `make run` runs it) on a first call; None (after saying so) when the corpus is absent."""
    folder = cache / "bbc-warehouse"
    if (folder / ARTICLE_MENTIONS.name).is_dir():
        return folder
    corpus = shared / "corpora" / "bbc"
    if not corpus.is_dir():
        print(f"skipped: {corpus} is absent (and no --base given)")
        return None
    shutil.rmtree(folder, ignore_errors=True)  # a build that failed
    partial = _partial(folder)
    print(f"building the base: python -m assets.run on {corpus} into {folder}", flush=True)
    with tempfile.TemporaryDirectory(prefix="scale-dagster-") as home:
        shutil.copy(PROJECT / "deploy" / "dagster.yaml", Path(home) / "dagster.yaml")
        env = {
            **os.environ,
            "PIPELINE_RAW_DIR": str(corpus),
            "PIPELINE_WAREHOUSE_DIR": str(partial),
            "DAGSTER_HOME": home,
        }
        _, seconds, _ = run_measured([sys.executable, "-m", "assets.run"], env)
    _publish(partial, folder)
    print(f"  built in {seconds:.0f} s", flush=True)
    return folder


def _partial(folder: Path) -> Path:
    """A new folder beside `folder` to make it in: this run's own, as others may share the
    cache."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{folder.name}.partial-", dir=folder.parent))


def _publish(partial: Path, folder: Path) -> None:
    """Move `partial` into place, unless another run put its own there meanwhile."""
    try:
        partial.rename(folder)
    except OSError:
        shutil.rmtree(partial)


# -- the generator -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Source:
    """One article table of the base in article order: each row's article (an index into
    `Replicas.doc_ids`), where each article's rows start (one more: the end), and each changed
    column as indices into its values (`NAMES` or `QUOTED`)."""

    rows: pa.Table
    articles: pa.Array
    starts: npt.NDArray[np.int64]
    codes: dict[str, pa.Array]


@dataclasses.dataclass(frozen=True)
class Replica:
    """What one replica changes, per base article (`doc_ids`), per `documents` row
    (`story_ids`) and per distinct value of `NAMES` and `QUOTED` (`values`)."""

    doc_ids: pa.Array
    story_ids: pa.Array
    values: dict[str, pa.Array]


class Replicas:
    """Synthetic article tables made of a base warehouse's: article k is replica k // n of base
    article k % n. Vectorised: a replica's changes are computed once over the base's distinct
    ids, names and quotations, then taken by index."""

    def __init__(self, base: Warehouse) -> None:
        tables = {spec.name: base.read(spec.name) for spec in SYNTHETIC}
        ids = pc.unique(pa.chunked_array([t["doc_id"] for t in tables.values()], pa.string()))
        self.doc_ids = ids.take(pc.sort_indices(ids))
        self.base_articles = len(self.doc_ids)
        if not self.base_articles:
            raise SystemExit(f"{base.root} holds no articles")
        self.values = {
            kind: _distinct(
                tables[t][c]
                for t, columns in RENAMED.items()
                for c, k in columns.items()
                if k == kind
            )
            for kind in (NAMES, QUOTED)
        }
        self.sources = {name: self._source(t, RENAMED.get(name, {})) for name, t in tables.items()}
        self._names = _Names(self.values[NAMES], _distinct(tables[t][c] for t, c in NAMED))
        self._quoted = _Quoted(self.values[QUOTED])
        self._replicas: dict[int, Replica] = {}

    def _source(self, table: pa.Table, renamed: dict[str, str]) -> Source:
        article = pc.index_in(table["doc_id"], value_set=self.doc_ids)
        table = table.append_column("article", article)
        table = table.sort_by(
            [(c, "ascending") for c in ("article", "start") if c in table.schema.names]
        )
        articles = table["article"].combine_chunks()
        counts = np.bincount(articles.to_numpy(), minlength=self.base_articles)
        starts = np.concatenate([[0], np.cumsum(counts)])
        codes = {
            column: pc.index_in(table[column], value_set=self.values[kind]).combine_chunks()
            for column, kind in renamed.items()
        }
        return Source(table.drop_columns(["article"]), articles, starts, codes)

    def rows(self, name: str, first: int, stop: int) -> pa.Table:
        """Table `name`'s rows of articles first..stop-1, sorted by its key as ingest writes
        them."""
        n, parts = self.base_articles, []
        for replica in range(first // n, (stop - 1) // n + 1):
            low, high = max(first - replica * n, 0), min(stop - replica * n, n)
            parts.append(self._replica_rows(name, replica, low, high))
        key = next(spec.key for spec in SYNTHETIC if spec.name == name)
        return pa.concat_tables(parts).sort_by(key)

    def _replica_rows(self, name: str, number: int, low: int, high: int) -> pa.Table:
        source, replica = self.sources[name], self.replica(number)
        first, count = int(source.starts[low]), int(source.starts[high] - source.starts[low])
        rows, articles = source.rows.slice(first, count), source.articles.slice(first, count)
        columns = {"doc_id": replica.doc_ids.take(articles)}
        for column, kind in RENAMED.get(name, {}).items():
            columns[column] = replica.values[kind].take(source.codes[column].slice(first, count))
        if name == DOCUMENTS.name:
            k = articles.to_numpy(zero_copy_only=False) + number * self.base_articles
            days = (FIRST_DAY - date(1970, 1, 1)).days + k // BATCH_ARTICLES
            columns["published"] = pa.array(days.astype(np.int32)).cast(pa.date32())
            columns["story_id"] = replica.story_ids.slice(first, count)
            if number:
                prefix = pa.scalar(f"replica-{number}/")
                columns["source_path"] = pc.binary_join_element_wise(
                    prefix, rows["source_path"], ""
                )
        for column, values in columns.items():
            index = rows.schema.get_field_index(column)
            rows = rows.set_column(index, rows.schema.field(column), values)
        return rows

    def replica(self, number: int) -> Replica:
        """Replica `number`'s changes (the last two made are kept: a batch spans at most two)."""
        if number not in self._replicas:
            if len(self._replicas) > 1:
                del self._replicas[min(self._replicas)]
            stories = self.sources[DOCUMENTS.name].rows["story_id"].combine_chunks()
            self._replicas[number] = Replica(
                _new_ids(self.doc_ids, number),
                _new_ids(stories, number),
                {NAMES: self._names.renamed(number), QUOTED: self._quoted.renamed(number)},
            )
        return self._replicas[number]


def _distinct(columns: Iterable[pa.ChunkedArray]) -> pa.Array:
    return pc.unique(pc.drop_null(pa.chunked_array(list(columns), pa.string())))


class _Quoted:
    """Quotations, drawn afresh for each replica: a drawn one (`1 - REPEATED_QUOTES` of them)
    has new words (its words with a suffix of the replica's), so none of its word trigrams is an
    earlier quotation's."""

    def __init__(self, texts: pa.Array) -> None:
        self.texts = texts
        self.hashes = np.array([_hash64(t) for t in texts.to_pylist()], dtype=np.uint64)

    def renamed(self, replica: int) -> pa.Array:
        """`texts` as replica `replica` writes them (replica 0: unchanged)."""
        if replica == 0:
            return self.texts
        drawn = pa.array(_share(self.hashes, replica) >= REPEATED_QUOTES)
        new = pc.replace_substring_regex(self.texts, r"(\w+)", r"\1" + _tag(replica))
        return pc.if_else(drawn, new, self.texts)


class _Names:
    """The last words of names, drawn afresh for each replica: one drawn (with chance
    `NEW_NAMES`) is replaced by a made-up word wherever it ends a string."""

    def __init__(self, strings: pa.Array, names: pa.Array) -> None:
        words = sorted({_last_word(name) for name in names.to_pylist()})
        place = {word: i for i, word in enumerate(words)}
        self.words = words
        self.hashes = np.array([_hash64(word) for word in words], dtype=np.uint64)
        self.strings = strings
        texts = strings.to_pylist()
        lasts = [_last_word(s) for s in texts]
        self.of_string = pa.array([place.get(w) for w in lasts], pa.int32())  # null: no name's
        self.prefixes = pa.array([s[: len(s) - len(w)] for s, w in zip(texts, lasts, strict=True)])

    def renamed(self, replica: int) -> pa.Array:
        """`strings` as replica `replica` writes them (replica 0: unchanged)."""
        if replica == 0:
            return self.strings
        drawn = _share(self.hashes, replica) < NEW_NAMES
        seeds = _mix(self.hashes ^ np.uint64(replica * 0x632BE59BD9B4E019 % 2**64))
        new = [
            _made_up(word, int(seed)) if chosen else word
            for word, seed, chosen in zip(self.words, seeds, drawn, strict=True)
        ]
        lasts = pa.array(new, pa.string()).take(self.of_string)
        changed = pc.fill_null(pa.array(drawn).take(self.of_string), False)
        return pc.if_else(
            changed, pc.binary_join_element_wise(self.prefixes, lasts, ""), self.strings
        )


def _tag(replica: int) -> str:
    """Three letters, one replica's own (up to 26**3 replicas)."""
    if not 0 <= replica < 26**3:
        raise ValueError(f"replica {replica}: more than {26**3:,} replicas")
    return "".join(chr(ord("a") + replica // 26**i % 26) for i in (2, 1, 0))


def _last_word(text: str) -> str:
    return text.rsplit(" ", 1)[-1]


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def _mix(x: Hashes) -> Hashes:
    """SplitMix64's finaliser: well-spread 64-bit values from `x` (wrapping arithmetic)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    mixed: Hashes = x ^ (x >> np.uint64(31))
    return mixed


def _share(hashes: Hashes, replica: int) -> npt.NDArray[np.float64]:
    """A number in [0, 1) per hash and replica, independent across replicas."""
    mixed = _mix(hashes ^ np.uint64(replica * 0x9E3779B97F4A7C15 % 2**64))
    share: npt.NDArray[np.float64] = (mixed >> np.uint64(11)).astype(np.float64) / 2.0**53
    return share


def _made_up(word: str, seed: int) -> str:
    """A new word in `word`'s place: as many capitals for an acronym ("BBC"), else capitalised
    syllables ("Drailomex")."""
    if word.isupper() and len(word) > 1:
        letters = []
        for _ in range(sum(c.isalpha() for c in word)):
            seed, pick = divmod(seed, len(LETTERS))
            letters.append(LETTERS[pick])
        return "".join(letters)
    parts = []
    for _ in range(SYLLABLES):
        seed, onset = divmod(seed, len(ONSETS))
        seed, vowel = divmod(seed, len(VOWELS))
        parts.append(ONSETS[onset] + VOWELS[vowel])
    parts.append(CODAS[seed % len(CODAS)])
    made = "".join(parts)
    return made.capitalize() if word[:1].isupper() else made


def _new_ids(ids: pa.Array, replica: int) -> pa.Array:
    """Replica `replica`'s ids: a hash of each id and the replica (replica 0: the ids)."""
    if replica == 0:
        return ids
    return pa.array(
        [hashlib.blake2b(f"{i}:{replica}".encode(), digest_size=8).hexdigest() for i in
         ids.to_pylist()],
        pa.string(),
    )  # fmt: skip


def batch_name(number: int) -> str:
    """Batch `number`'s file name (stem), as ingest names it (`pipeline.ingest.batch_key`):
    planned at midnight of its day of the feed, first of its plan; so names sort in feed
    order."""
    planned = datetime.combine(FIRST_DAY + timedelta(days=number), datetime.min.time())
    return batch_key(planned, 1, [f"synthetic/{number}"])


def write_batches(replicas: Replicas, root: Path, articles: range) -> list[str]:
    """Write the article tables of `articles` (starting a batch) into the warehouse at `root`,
    one file per table and batch of `BATCH_ARTICLES`; returns the batch names."""
    if articles.start % BATCH_ARTICLES:
        raise ValueError(f"articles from {articles.start}: not the start of a batch")
    names = []
    for first in range(articles.start, articles.stop, BATCH_ARTICLES):
        name = batch_name(first // BATCH_ARTICLES)
        for spec in SYNTHETIC:
            rows = replicas.rows(spec.name, first, min(first + BATCH_ARTICLES, articles.stop))
            if rows.num_rows:  # as ingest: a batch with no rows of a table writes no file
                write_parquet(rows.cast(spec.schema), root / spec.name / f"{name}.parquet")
        names.append(name)
    return names


def synthetic(replicas: Replicas, base: Path, cache: Path, articles: int) -> Path:
    """The cached archive of `articles` articles, made first when missing or made of another
    base or generator."""
    folder = cache / f"synthetic-{articles}"
    stamp = {"articles": articles, "base": _fingerprint(base), "generator": GENERATOR}
    marker = folder / "_synthetic.json"
    if marker.exists() and json.loads(marker.read_text(encoding="utf-8")) == stamp:
        print(f"\n{articles:,} articles: {folder} (cached)", flush=True)
        return folder
    shutil.rmtree(folder, ignore_errors=True)  # another base's or generator's
    partial, started = _partial(folder), time.perf_counter()
    batches = write_batches(replicas, partial, range(articles))
    (partial / marker.name).write_text(json.dumps(stamp), encoding="utf-8")
    _publish(partial, folder)
    print(f"\n{articles:,} articles: generated {folder} in {time.perf_counter() - started:.1f} s "
          f"({len(batches):,} batches, {_bytes(folder) / MIB:,.0f} MiB)", flush=True)  # fmt: skip
    return folder


def _fingerprint(base: Path) -> str:
    """The base's article table files, by name and size."""
    warehouse = Warehouse(base)
    files = [(p.name, p.stat().st_size) for s in SYNTHETIC for p in warehouse.files_of(s.name)]
    return hashlib.sha256(json.dumps(files).encode()).hexdigest()[:16]


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# -- the measurement ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Step:
    """One measured `update_entities`: wall seconds, peak RSS of its process tree, and what it
    reported (`EntityUpdate` as a dict)."""

    seconds: float
    peak: int
    done: dict[str, Any]


def measure(
    replicas: Replicas, archive: Path, timeout: float
) -> tuple[Step | None, Step | None, str]:
    """Rebuild then update on a new copy of `archive` (its files hard-linked, beside it, this
    run's own): each step (None if it timed out), and the index's bytes per article after the
    update."""
    articles = json.loads((archive / "_synthetic.json").read_text(encoding="utf-8"))["articles"]
    work = Path(tempfile.mkdtemp(prefix="work-", dir=archive.parent))
    try:
        for spec in SYNTHETIC:
            if (archive / spec.name).is_dir():
                shutil.copytree(archive / spec.name, work / spec.name, copy_function=os.link)
        rebuild = _step("rebuild", work, timeout)
        update, index = None, "not run"
        if rebuild is not None:
            write_batches(replicas, work, range(articles, articles + BATCH_ARTICLES))
            update = _step(f"update (+{BATCH_ARTICLES:,} articles)", work, timeout)
            index = f"no {INDEX}"
            if (work / INDEX).is_dir():
                index = f"{_bytes(work / INDEX) / (articles + BATCH_ARTICLES):,.0f}"
                print(f"  index: {_bytes(work / INDEX) / MIB:,.1f} MiB, {index} bytes/article")
        return rebuild, update, index
    finally:
        shutil.rmtree(work)


def _step(label: str, work: Path, timeout: float) -> Step | None:
    """`update_entities` on `work` in a child process; None when it ran over `timeout`."""
    load = os.getloadavg()[0]
    command = [sys.executable, __file__, "--update-entities", str(work)]
    try:
        out, seconds, peak = run_measured(command, {**os.environ}, timeout=timeout)
    except TimeoutError:
        print(f"  {label}: timed out after {timeout:.0f} s (load average {load:.2f})", flush=True)
        return None
    step = Step(seconds, peak, json.loads(out.strip().splitlines()[-1]))
    print(f"  {label}: {seconds:.1f} s, peak RSS {peak / MIB:,.0f} MiB (load average "
          f"{load:.2f}); steps {_steps(step)}; files {_files(step)}", flush=True)  # fmt: skip
    return step


def _update_entities(folder: Path) -> int:
    """A step's child: bring the corpus tables up to date, print what it did as JSON."""
    from pipeline.corpus import update_entities  # here: the parent never loads the stage

    done = update_entities(Warehouse(folder), log=lambda line: print(line, file=sys.stderr))
    print(json.dumps(dataclasses.asdict(done)))
    return 0


def _steps(step: Step) -> str:
    return ", ".join(f"{name} {s:.1f} s" for name, s in step.done.get("seconds", {}).items())


def _files(step: Step) -> str:
    return ", ".join(f"{table} {int(n)}" for table, n in step.done.get("files", {}).items())


def _seconds(step: Step | None) -> str:
    return "timeout" if step is None else f"{step.seconds:.1f}"


def _peak(step: Step | None) -> str:
    return "timeout" if step is None else f"{step.peak / MIB:.0f}"


def _step_cells(step: Step | None) -> list[str]:
    return ["timed out", ""] if step is None else [_seconds(step), f"{step.peak / MIB:,.0f}"]


def _update_cells(step: Step | None) -> list[str]:
    if step is None:
        return ["timed out or not run", "", "", ""]
    return [*_step_cells(step), _files(step), _steps(step)]


if __name__ == "__main__":
    raise SystemExit(main())
