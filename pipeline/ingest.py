"""Ingest batches: plan which files are new or changed, then turn one batch into table rows.

`plan_batches` scans the raw folder against the manifest (the `files` table) and records a plan
per bounded batch. `run_batch` re-checks each planned file (it may have changed since), reads the
changed ones, analyses the new articles and commits every table's rows in one atomic commit.
Running a batch twice is harmless: the second run finds every file unchanged and writes nothing,
unless an upgrade changed a stage's version (`pipeline/versions.py`) since: then the rerun
processes the batch's outdated files again, in the same partition, and its commit replaces their
rows (the old rows stay until it lands).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import nlp, sources
from pipeline.analysis import AnalysisRow
from pipeline.clean import Cleaned, clean_article
from pipeline.declared import Declarations, Declared
from pipeline.errors import RejectedInput
from pipeline.formats import RawArticle, read_articles
from pipeline.language import detect_language
from pipeline.progress import Progress
from pipeline.rows import (
    BoilerplateRow,
    DocumentRow,
    FileRow,
    FileStatus,
    RejectedRow,
    RejectStage,
    Row,
    SignatureRow,
)
from pipeline.settings import Settings
from pipeline.sources import UNREADABLE, Known, Scan, changed_ns, display_path
from pipeline.store import Commit, Warehouse, batch_order
from pipeline.stories.assign import Signature, assign
from pipeline.tables import (
    ARTICLE_TABLES,
    BOILERPLATE,
    DOCUMENTS,
    FILES,
    REJECTED,
    SIGNATURES,
    conform,
)
from pipeline.versions import article_record, retry_key, stage_versions
from pipeline.workers import Analyser, Body

log = logging.getLogger(__name__)


def known_files(warehouse: Warehouse) -> dict[str, Known]:
    """The manifest as a mapping from path to what was recorded of it."""
    table = warehouse.read(FILES.name).to_pylist()
    return {
        r["source_path"]: Known(
            r["content_hash"],
            r["size_bytes"],
            r["changed_ns"],
            tuple(r["doc_ids"]),
            r["batch"],
            r["status"],
            r["retry_key"],
            r["versions"],
            r["declared"],
        )
        for r in table
    }


def batch_key(now: datetime, index: int, paths: list[str]) -> str:
    """Sortable in the order the batches run (the plan's time, then its position in the plan),
    unique by plan and content: `20250410-101500-0001-1a2b3c4d`. Two plans of the same files
    in the same second still differ (the digest takes the time to the microsecond), so a batch
    is never planned over another."""
    named = "\0".join([now.isoformat(), *paths])
    digest = hashlib.sha256(named.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{now:%Y%m%d-%H%M%S}-{index:04d}-{digest[:8]}"


@dataclass
class Plan:
    """What a scan found, the new batches it planned, and the stored batches made by an older
    version of a stage (`outdated`, oldest first): run those first, so new articles meet
    up-to-date stories."""

    scan: Scan
    batches: list[str]
    outdated: list[str] = field(default_factory=list)

    @property
    def runs(self) -> list[str]:
        return [*self.outdated, *self.batches]


def plan_batches(
    settings: Settings,
    warehouse: Warehouse,
    now: datetime | None = None,
    exclude: frozenset[str] = frozenset(),
    reprocess: bool = False,
) -> Plan:
    """Scan the raw folder and record one plan per bounded batch of changed files; list the
    stored batches an older version of a stage made (every stored batch, with `reprocess`).

    `exclude`: paths already planned in batches whose runs have not finished (the sensor's
    pending batches), so a slow run is not planned twice.
    """
    now = now or datetime.now(UTC)
    with warehouse.lock():
        if migrated := warehouse.prepare()[1]:
            log.info(f"warehouse brought to this release's schemas: {'; '.join(migrated)}")
        known = known_files(warehouse)
    versions = stage_versions(settings)
    found = sources.scan(settings.raw_dir, known, versions)
    changes = [c for c in found.changes if c.fs_rel not in exclude and c.kind != "outdated"]
    outdated = {known[c.rel].batch for c in found.changes if c.kind == "outdated"}
    record = article_record(versions)
    outdated.update(key for key, made_by in warehouse.batch_versions().items() if made_by != record)
    if reprocess:
        outdated.update(k.batch for k in known.values())
    keys: list[str] = []
    for index, chunk in enumerate(sources.split(changes, settings.batch_files), start=1):
        paths = [c.fs_rel for c in chunk]
        key = batch_key(now, index, paths)
        warehouse.save_plan(key, paths)
        keys.append(key)
    return Plan(found, keys, sorted(outdated, key=batch_order))


@dataclass
class FileRead:
    """One raw file as read now: its fingerprint and its articles or the reason it failed."""

    rel: str
    content_hash: str
    size: int
    changed_ns: int
    articles: list[RawArticle] = field(default_factory=list)
    problems: list[RejectedInput] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # articles rejected after reading
    # Every article is written again: an older version of a stage, or other declarations
    # (`_source.toml`), made its rows.
    outdated: bool = False
    declared: str | None = None  # the digest of the declarations it was read with

    def declare(self, declared: Declared) -> None:
        """Give its articles what their folder declares; a declaration that cannot be used
        rejects them, since they would land without what it meant to say."""
        self.declared = declared.digest
        if declared.problem:
            self.problems.append(RejectedInput("read", declared.problem))
            self.articles = []
        elif declared.digest:
            self.articles = [dataclasses.replace(a, declared=declared) for a in self.articles]

    def reject(self, article: RawArticle, stage: RejectStage, message: str) -> None:
        """Set one article aside with the reason, naming its record in a file of many."""
        where = f"record {article.record}: " if article.record is not None else ""
        self.problems.append(RejectedInput(stage, where + message))
        self.failed.add(article.doc_id)


def read_file(raw_dir: Path, fs_rel: str, max_bytes: int, declared: Declared) -> FileRead | None:
    """Read and parse one file, with what its folder declares; None when it no longer exists."""
    found = _read_raw(raw_dir, fs_rel, max_bytes)
    if found is not None:
        found.declare(declared)
    return found


def _read_raw(raw_dir: Path, fs_rel: str, max_bytes: int) -> FileRead | None:
    rel = display_path(fs_rel)
    path = raw_dir / fs_rel
    for _attempt in range(2):
        try:
            before = path.stat()
            if before.st_size > max_bytes:
                problem = RejectedInput(
                    "read",
                    f"file is {before.st_size:,} bytes, over the {max_bytes:,}-byte limit "
                    "(PIPELINE_MAX_FILE_BYTES); split it or raise the limit",
                )
                return FileRead(
                    rel,
                    sources.hash_file(path),
                    before.st_size,
                    changed_ns(before),
                    problems=[problem],
                )
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
            after = path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            st = _stat_or_none(path)
            problem = RejectedInput(
                "read", f"cannot read the file: {exc.strerror or exc}; check its permissions"
            )
            return FileRead(
                rel,
                UNREADABLE,
                st.st_size if st else -1,
                changed_ns(st) if st else -1,
                problems=[problem],
            )
        if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) and len(
            data
        ) == after.st_size:
            break
    else:
        problem = RejectedInput(
            "read", "the file kept changing while it was read; it is retried when it settles"
        )
        return FileRead(
            rel, sources.hash_bytes(data), len(data), changed_ns(after), problems=[problem]
        )
    found = FileRead(rel, sources.hash_bytes(data), len(data), changed_ns(after))
    try:
        result = read_articles(data, rel, max_bytes=max_bytes)
    except RejectedInput as problem:
        found.problems.append(problem)
    except Exception as exc:  # a bug in one reader must not block every batch after it
        found.problems.append(RejectedInput("read", f"reading failed: {exc!r}; please report it"))
    else:
        found.articles, found.problems = result.articles, result.problems
    return found


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


@dataclass
class BatchReport:
    """What one batch run did, for logs and Dagster metadata."""

    batch: str
    planned: int = 0
    read: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected_files: int = 0
    duplicates: int = 0
    outdated: int = 0  # files read again because an older version of a stage made their rows
    missing: list[str] = field(default_factory=list)  # outdated files gone: their rows stay
    kept: int = 0  # articles of a changed file that it already held: their rows stay
    nlp_docs: int = 0
    # articles whose language is not the model's, per language: written, not analysed
    not_analysed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)


def run_batch(
    settings: Settings,
    warehouse: Warehouse,
    batch: str,
    analyser: Analyser,
    logger: Any = log,
    now: datetime | None = None,
    reprocess: bool = False,
) -> BatchReport:
    """Process one planned batch and commit its rows. The model loads only if there is work.

    `reprocess`: read every file this batch holds again, however up to date (`make reprocess`).
    """
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    planned = warehouse.load_plan(batch)
    report = BatchReport(batch, planned=len(planned))
    with warehouse.lock():
        rolled, migrated = warehouse.prepare()
        if rolled:
            logger.warning(f"rolled forward {rolled} interrupted commit(s)")
        if migrated:
            logger.info(f"warehouse brought to this release's schemas: {'; '.join(migrated)}")
        known = known_files(warehouse)
        versions = stage_versions(settings)
        candidates = _candidates(planned, batch, known)
        ran_before = warehouse.batch_version(batch) is not None
        reads, gone = _look_at(
            settings, batch, ran_before, candidates, known, versions, report, reprocess, logger
        )
        _reread_shared(settings, known, reads, gone, logger)
        if report.missing:
            logger.warning(
                f"{len(report.missing)} outdated file(s) are gone from the raw folder; their "
                f"rows stay as an older version made them: {', '.join(report.missing[:10])}"
            )
        affected = set(reads) | gone
        surviving = {d for rel, k in known.items() if rel not in affected for d in k.doc_ids}
        kept = _kept_articles(reads, known)
        old_docs = {d for rel in affected if rel in known for d in known[rel].doc_ids} - kept
        report.read = len(reads)
        report.deleted = len(gone)
        language = nlp.model_language(analyser.model)
        prepared: list[Prepared] = []
        to_analyse: list[Prepared] = []
        # Until every article is cleaned, the articles read bound the number to analyse.
        progress = Progress(
            logger, "articles analysed", sum(len(f.articles) for f in reads.values())
        )

        def bodies() -> Iterator[Body]:
            """Each article to analyse, as soon as it is cleaned: the workers parse the first
            while this process cleans the next."""
            for item in _prepare(reads, surviving, kept, report):
                prepared.append(item)
                if _in_model_language(item, language, report):
                    to_analyse.append(item)
                    yield Body(item.cleaned.body, item.cleaned.published, item.article.doc_id)
            progress.total = len(to_analyse)
            _say_what_is_analysed(to_analyse, analyser, report, logger)

        results = analyser.analyse(bodies(), progress)
        for item, result in zip(to_analyse, results, strict=True):
            item.n_words, item.failure, item.rows = result.n_words, result.failure, result.rows
        if to_analyse:
            _assign_stories(to_analyse, warehouse, batch, old_docs)
            report.nlp_docs = sum(p.failure is None for p in to_analyse)
        rows = _rows(reads, prepared, batch, now, versions, report)
        commit = Commit(
            batch=batch,
            add={spec.name: conform(spec, rows[spec.name]) for spec in ARTICLE_TABLES},
            remove={
                spec.name: affected if spec.key == "source_path" else old_docs
                for spec in ARTICLE_TABLES
            },
            files_to_check={known[rel].batch for rel in affected if rel in known},
        )
        report.rows = warehouse.commit(commit) if affected else {}
        report.tables = commit.add
        warehouse.record_batch(batch, article_record(versions))
    report.seconds = time.perf_counter() - started
    return report


def _candidates(planned: list[str], batch: str, known: Mapping[str, Known]) -> list[str]:
    """The batch's planned files, and the files it holds that its plan does not name (read
    again because they share an article with a planned one)."""
    named = {display_path(p) for p in planned}
    held = sorted(rel for rel, k in known.items() if k.batch == batch and rel not in named)
    return [*planned, *held]


def _look_at(
    settings: Settings,
    batch: str,
    ran_before: bool,
    candidates: list[str],
    known: Mapping[str, Known],
    versions: Mapping[str, str],
    report: BatchReport,
    reprocess: bool,
    logger: Any,
) -> tuple[dict[str, FileRead], set[str]]:
    """Read each candidate whose bytes differ from the manifest, that is worth another try, or
    whose rows an older version of a stage made; note the planned files now gone.

    A file another batch holds is that batch's when this one ran before (its run took every
    planned file it found changed) or when the other ran later; a file this batch holds already
    is read only when outdated, touched or declared otherwise (`_source.toml`), so a rerun of an
    up-to-date batch reads nothing."""
    reads: dict[str, FileRead] = {}
    gone: set[str] = set()
    order = batch_order(batch)
    declarations = Declarations(settings.raw_dir)
    progress = Progress(logger, "files looked at", len(candidates))
    for i, fs_rel in enumerate(candidates):
        progress(i, f", {len(reads):,} read")
        rel = display_path(fs_rel)
        old = known.get(rel)
        if (
            old is not None
            and old.batch != batch
            and (ran_before or batch_order(old.batch) > order)
        ):
            report.unchanged += 1
            continue
        rerun = old is not None and old.batch == batch
        declared = declarations.of(fs_rel)
        if (
            old is not None
            and rerun
            and not reprocess
            and not old.outdated(versions)
            and old.declared == declared.digest
        ):
            st = _stat_or_none(settings.raw_dir / fs_rel)
            if st is not None and (st.st_size, changed_ns(st)) == (old.size, old.changed_ns):
                report.unchanged += 1
                continue
        found = read_file(settings.raw_dir, fs_rel, settings.max_file_bytes, declared)
        if found is None:
            if rerun:
                report.missing.append(rel)  # not this batch's to delete: the scan plans that
            elif old is not None:
                gone.add(rel)
            continue
        stale = old is not None and (reprocess or old.outdated(versions))
        redeclared = old is not None and old.declared != found.declared
        if (
            old is not None
            and not stale
            and not redeclared
            and old.content_hash == found.content_hash
            and not old.worth_retrying(found.changed_ns, versions)
        ):
            report.unchanged += 1
            continue
        found.outdated = stale or redeclared
        report.outdated += stale
        reads[rel] = found
    return reads, gone


def _reread_shared(
    settings: Settings,
    known: Mapping[str, Known],
    reads: dict[str, FileRead],
    gone: set[str],
    logger: Any,
) -> None:
    """Files sharing an article with a changed file are re-read, so the article keeps an owner."""
    owners: dict[str, set[str]] = {}
    for rel, k in known.items():
        for d in k.doc_ids:
            owners.setdefault(d, set()).add(rel)
    pending = set(reads) | gone
    declarations = Declarations(settings.raw_dir)
    while pending:
        rel = pending.pop()
        for d in known[rel].doc_ids if rel in known else ():
            for other in owners.get(d, set()) - set(reads) - gone:
                declared = declarations.of(other)
                found = read_file(settings.raw_dir, other, settings.max_file_bytes, declared)
                if found is None:
                    gone.add(other)
                else:
                    reads[other] = found
                pending.add(other)
                logger.info(f"re-reading {other}: it shares article {d} with {rel}")


@dataclass
class Prepared:
    """A new article, cleaned, waiting for (or holding) its analysis."""

    rel: str
    article: RawArticle
    cleaned: Cleaned
    language: str | None = None  # ISO 639-1, detected (`pipeline.language`)
    n_words: int = 0
    rows: dict[str, list[AnalysisRow]] = field(default_factory=dict)  # per analysis table
    story_id: str | None = None
    failure: RejectedInput | None = None  # why it could not be analysed


def _kept_articles(reads: Mapping[str, FileRead], known: Mapping[str, Known]) -> set[str]:
    """Articles a changed file held before and holds again (the unchanged records of a feed):
    their rows stay as they are, so one changed record costs one article's analysis. An article
    other files hold too is written again, since its rows may name another file; so is every
    article of an outdated file."""
    holders = Counter(d for k in known.values() for d in set(k.doc_ids))
    kept: set[str] = set()
    for rel, found in reads.items():
        if rel in known and not found.outdated:
            before = {d for d in known[rel].doc_ids if holders[d] == 1}
            kept.update(a.doc_id for a in found.articles if a.doc_id in before)
    return kept


def _prepare(
    reads: Mapping[str, FileRead], surviving: set[str], kept: set[str], report: BatchReport
) -> Iterator[Prepared]:
    """Clean every article not already in the tables, one at a time; a failure is the file's
    problem, not the batch's."""
    emitted: set[str] = surviving | kept
    for rel in sorted(reads):
        found = reads[rel]
        for article in found.articles:
            if article.doc_id in kept:
                report.kept += 1
                continue
            if article.doc_id in emitted:
                report.duplicates += 1
                continue
            emitted.add(article.doc_id)
            try:
                cleaned = clean_article(article)
            except Exception as exc:  # a bug in one rule must not lose the batch
                found.reject(article, "clean", f"cleaning failed: {exc!r}")
                continue
            if not cleaned.body:
                found.reject(article, "clean", _emptied(cleaned))
                continue
            declared = article.language or article.declared.language
            language = detect_language(cleaned.body, declared)
            yield Prepared(rel, article, cleaned, language)


def _in_model_language(item: Prepared, model_language: str, report: BatchReport) -> bool:
    """Whether to analyse the article: it is in the model's language or of no known language.
    The others are written with their body, a whitespace word count and their boilerplate, but
    no extraction (no English NER on Japanese text) and no story signature: each is its own
    story; `report.not_analysed` counts them per language."""
    if item.language is None or item.language == model_language:
        return True
    item.n_words = len(item.cleaned.body.split())
    report.not_analysed[item.language] += 1
    return False


def _say_what_is_analysed(
    to_analyse: list[Prepared], analyser: Analyser, report: BatchReport, logger: Any
) -> None:
    """Once every article is cleaned (the first are already being analysed): how many are
    analysed, where, and how many are not in the model's language."""
    if report.not_analysed:
        logger.info(
            f"{report.not_analysed.total()} article(s) not in the model's language written "
            f"without analysis: {dict(report.not_analysed)}"
        )
    if to_analyse:
        where = (
            f"{analyser.workers} processes"
            if analyser.in_workers(len(to_analyse))
            else "this process"
        )
        logger.info(f"analysing {len(to_analyse)} article(s) with spaCy on {where}")


def _emptied(cleaned: Cleaned) -> str:
    kinds = sorted({r.kind for r in cleaned.removed})
    rules = sorted({r.rule for r in cleaned.removed})
    return (
        f"nothing left after cleaning: every line was removed as {', '.join(kinds) or 'empty'} "
        f"(rules {', '.join(rules) or 'none'}); if this is an article, report those rules"
    )


def _assign_stories(
    prepared: list[Prepared], warehouse: Warehouse, batch: str, replaced: set[str]
) -> None:
    """Each new article joins the story of the most similar article known before it, or starts
    its own. Known before it: the articles of this and earlier batches, less those it replaces,
    so a rerun of an old batch assigns as its first run did, not against later articles."""
    analysed = [p for p in prepared if p.failure is None and p.rows.get(SIGNATURES.name)]
    if not analysed:
        return
    signed = [
        (p, row)
        for p in analysed
        for row in p.rows[SIGNATURES.name]
        if isinstance(row, SignatureRow)
    ]
    new = [
        Signature(row.doc_id, row.minhash, frozenset(row.entities), row.published)
        for _, row in signed
    ]
    known = warehouse.read(SIGNATURES.name, through=batch)
    if replaced:
        known = known.filter(pc.invert(pc.is_in(known["doc_id"], pa.array(sorted(replaced)))))
    stories = assign(new, known)
    for item, row in signed:
        item.story_id = stories[item.article.doc_id]
        item.rows[SIGNATURES.name] = [dataclasses.replace(row, story_id=item.story_id)]


def _rows(
    reads: Mapping[str, FileRead],
    prepared: list[Prepared],
    batch: str,
    now: datetime,
    versions: Mapping[str, str],
    report: BatchReport,
) -> dict[str, list[Row]]:
    """The rows the batch adds, per table."""
    rows: dict[str, list[Row]] = {spec.name: [] for spec in ARTICLE_TABLES}
    by_file: dict[str, list[Prepared]] = {}
    for item in prepared:
        by_file.setdefault(item.rel, []).append(item)
    for rel in sorted(reads):
        found = reads[rel]
        for item in by_file.get(rel, []):
            if item.failure:
                found.reject(item.article, item.failure.stage, item.failure.message)
                continue
            rows[DOCUMENTS.name].append(_document_row(item, now))
            for table, found_rows in item.rows.items():
                rows[table].extend(found_rows)
            rows[BOILERPLATE.name].extend(
                BoilerplateRow(item.article.doc_id, r.kind, r.text, r.rule, i)
                for i, r in enumerate(item.cleaned.removed)
            )
        for problem in found.problems:
            rows[REJECTED.name].append(RejectedRow(rel, problem.stage, problem.message, now))
        doc_ids = [a.doc_id for a in found.articles if a.doc_id not in found.failed]
        status: FileStatus = "ok" if not found.problems else ("partial" if doc_ids else "rejected")
        stages = [p.stage for p in found.problems]
        report.rejected_files += status == "rejected"
        rows[FILES.name].append(
            FileRow(
                source_path=rel,
                content_hash=found.content_hash,
                size_bytes=found.size,
                changed_ns=found.changed_ns,
                status=status,
                retry_key=retry_key(stages, versions) if stages else None,
                versions=article_record(versions),
                declared=found.declared,
                doc_ids=doc_ids,
                batch=batch,
                seen_at=now,
            )
        )
    return rows


def _document_row(item: Prepared, now: datetime) -> DocumentRow:
    article, cleaned = item.article, item.cleaned
    return DocumentRow(
        doc_id=article.doc_id,
        source_path=article.source_path,
        source_format=article.source_format,
        url=article.url,
        source_id=article.source_id,
        publisher=cleaned.publisher,
        language=item.language,
        title=cleaned.title,
        standfirst=cleaned.standfirst,
        subheadings=list(cleaned.subheadings),
        authors=list(cleaned.authors),
        published=cleaned.published,
        updated=cleaned.updated,
        body=cleaned.body,
        n_words=item.n_words,
        story_id=item.story_id or article.doc_id,
        ingested_at=now,
    )
