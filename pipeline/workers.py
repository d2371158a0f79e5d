"""Where the per-article analysis runs: the spaCy parse and every extractor, on all the cores.

Worker processes each load the model once and are kept for every later batch. Workers get
bodies in chunks, each sent as soon as the calling process has it (so the caller cleans the next
articles while the workers parse the first, and no core waits for the other), and send back
each article's rows, never a `Doc`, so little crosses a process boundary. With one
worker (`PIPELINE_WORKERS=1`), a batch of one chunk, or in a process that may not start
children (a daemonic one, such as a Celery prefork child), the analysis runs in the calling
process; the rows are the same either way. Chunks also bound memory: at most `CHUNK` parsed
`Doc`s are alive per process.
"""

from __future__ import annotations

import atexit
import gc
import itertools
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import nlp
from pipeline.analysis import ANALYSES, COMPONENTS, AnalysisRow
from pipeline.errors import RejectedInput
from pipeline.parsed import ParsedArticle

CHUNK = 16  # articles per task: small enough to keep both workers busy, large for nlp.pipe
# Workers are replaced, between batches, once they have analysed this many chunks each (4,000
# articles): a worker's memory grows with what it has parsed (the model's string store, the
# allocator's high-water mark), and fresh workers keep it bounded however long the corpus
# (reloading the model costs about two seconds; replacing them every 1,000 articles was
# measured: 6% slower on 8x BBC, the same peak). Not `max_tasks_per_child`: on Python 3.11 a
# pool whose workers all reach it can hang.
CHUNKS_PER_WORKER = 250


@dataclass(frozen=True)
class Body:
    """What the analysis needs of one article."""

    text: str
    published: date | None
    doc_id: str = ""


@dataclass
class Analysed:
    """One article's analysis: its word count and rows per table, or why it could not be
    analysed."""

    n_words: int = 0
    rows: dict[str, list[AnalysisRow]] = field(default_factory=dict)
    failure: RejectedInput | None = None


@dataclass(frozen=True)
class Analyser:
    """Analyses bodies with the spaCy model `model` on `workers` processes."""

    model: str = nlp.DEFAULT_MODEL
    workers: int = 1
    batch_size: int = nlp.BATCH_SIZE

    def in_workers(self, n_bodies: int) -> bool:
        return (
            self.workers > 1 and n_bodies > CHUNK and not multiprocessing.current_process().daemon
        )

    def analyse(
        self, bodies: Iterable[Body], progress: Callable[[int], object] | None = None
    ) -> list[Analysed]:
        """Each body's analysis, in order; `progress` hears how many are done after each
        chunk. `bodies` may be made as they are read (a generator): each chunk goes to the
        workers once full, while the next bodies are made."""
        chunks = _chunks(bodies)
        first = list(itertools.islice(chunks, 2))  # a second chunk: worth the workers
        results: list[Analysed] = []
        if not self.in_workers(sum(map(len, first))):
            for chunk in itertools.chain(first, chunks):  # the model loads only for a chunk
                results += analyse(chunk, nlp.load_model(self.model, COMPONENTS), self.batch_size)
                if progress is not None:
                    progress(len(results))
            return results
        key = (self.model, self.workers, self.batch_size)
        pool = _pool(*key)
        parts: list[Future[list[Analysed]]] = []
        try:
            for chunk in itertools.chain(first, chunks):
                parts.append(pool.submit(_analyse_in_worker, chunk))
            for part in parts:
                results += part.result()
                if progress is not None:
                    progress(len(results))
        except BaseException:
            # A worker died (killed, out of memory), making the bodies failed, or an interrupt
            # stops the work: end the workers now, without waiting for their chunks; a new pool
            # next time.
            stop_workers(now=True)
            raise
        _SERVED[key] = _SERVED.get(key, 0) + len(parts)
        if _SERVED[key] >= CHUNKS_PER_WORKER * self.workers:
            stop_workers()  # fresh workers for the next batch
        return results


def _chunks(bodies: Iterable[Body]) -> Iterator[list[Body]]:
    """`bodies` in lists of `CHUNK`, each given as soon as it is full."""
    found = iter(bodies)
    while chunk := list(itertools.islice(found, CHUNK)):
        yield chunk


def analyse(
    bodies: list[Body], model: Language, batch_size: int = nlp.BATCH_SIZE
) -> list[Analysed]:
    """One batched spaCy pass feeding every analysis; an article the model or an extractor
    cannot handle gets the reason, and the others go on."""
    results = [Analysed() for _ in bodies]
    fits = []
    for body, result in zip(bodies, results, strict=True):
        if len(body.text) > model.max_length:
            result.failure = RejectedInput(
                "nlp",
                f"article body is {len(body.text):,} characters, over the "
                f"{model.max_length:,}-character limit of the NLP model; split the file into "
                "articles",
            )
        else:
            fits.append((body, result))
    docs: list[Doc | None]
    try:
        docs = list(nlp.parse(model, (body.text for body, _ in fits), batch_size=batch_size))
    except Exception:  # find the article that broke the chunk: parse one at a time
        docs = [_parse_one(model, body, result) for body, result in fits]
    for (body, result), doc in zip(fits, docs, strict=True):
        if doc is not None:
            _extract(body, doc, result)
    return results


def _parse_one(model: Language, body: Body, result: Analysed) -> Doc | None:
    try:
        return model(body.text)
    except Exception as exc:
        result.failure = RejectedInput("nlp", f"the NLP model failed on this article: {exc!r}")
        return None


def _extract(body: Body, doc: Doc, result: Analysed) -> None:
    result.n_words = nlp.count_words(doc)
    parsed = ParsedArticle(doc, body.published, body.doc_id)
    for analysis in ANALYSES:
        try:
            result.rows[analysis.table.name] = list(analysis.rows(parsed))
        except Exception as exc:  # a bug in one extractor must not lose the batch
            result.failure = RejectedInput(
                "extract", f"extracting {analysis.table.name} failed: {exc!r}"
            )
            result.rows = {}
            return


# -- the worker processes ----------------------------------------------------------------------

_POOLS: dict[tuple[str, int, int], ProcessPoolExecutor] = {}
_SERVED: dict[tuple[str, int, int], int] = {}  # chunks each pool has analysed
_WORKER: dict[str, Language | int] = {}


class _WorkerProcess(multiprocessing.context.SpawnProcess):
    """A spawned worker that does not re-run its parent's main module.

    A spawned child imports the parent's `__main__` first, so that functions defined there can
    be unpickled. Workers run only this module's functions, and the import is not free: under
    `python -m assets.run` it loaded Dagster and the definitions into every worker (about
    170 MiB each), and a script calling the pipeline without an `if __name__ == "__main__"`
    guard would start workers from its workers. So the launch sees a bare main module: the
    swap lasts while the child's start-up data is written, in the thread starting it.
    """

    @staticmethod
    def _Popen(process_obj: multiprocessing.process.BaseProcess) -> Any:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = _BARE_MAIN
        try:
            return multiprocessing.context.SpawnProcess._Popen(process_obj)
        finally:
            sys.modules["__main__"] = main


class _WorkerContext(multiprocessing.context.SpawnContext):
    Process = _WorkerProcess


_BARE_MAIN = types.ModuleType("__main__")


def _pool(model: str, workers: int, batch_size: int) -> ProcessPoolExecutor:
    """One pool per process and configuration, kept for every later batch, so the model loads
    once per worker. Workers are spawned, not forked: the parent runs threads (Dagster's) that
    a fork would copy mid-flight."""
    key = (model, workers, batch_size)
    if key not in _POOLS:
        _POOLS[key] = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_WorkerContext(),
            initializer=_start_worker,
            initargs=(model, batch_size),
        )
    return _POOLS[key]


def _start_worker(model: str, batch_size: int) -> None:
    # Ctrl-C reaches the terminal's whole process group: the parent decides what stops, and
    # ends its workers (`stop_workers`), rather than each worker dying with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    _WORKER["model"] = nlp.load_model(model, COMPONENTS)
    _WORKER["batch_size"] = batch_size
    # The model's objects (about 150,000) live as long as the worker: out of the collector's
    # reach, each full collection the extractors' garbage sets off no longer walks them all.
    gc.collect()
    gc.freeze()


def _exit_with_parent() -> None:
    """A worker ends when its parent does, even one killed with SIGKILL, which never shuts its
    pool down: otherwise the worker would wait for work forever, holding its memory."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)


def _analyse_in_worker(bodies: list[Body]) -> list[Analysed]:
    return analyse(bodies, _WORKER["model"], _WORKER["batch_size"])  # type: ignore[arg-type]


@atexit.register
def stop_workers(now: bool = False) -> None:
    """End the worker processes (a later analysis starts new ones): frees their memory when
    a process has no more text to parse. `now` kills them mid-chunk, for an interrupt or a
    broken pool, which should not wait for work nobody will read."""
    for pool in _POOLS.values():
        pool.shutdown(wait=not now, cancel_futures=True)
    if now:
        for process in multiprocessing.active_children():
            if isinstance(process, _WorkerProcess):
                process.kill()
    _POOLS.clear()
    _SERVED.clear()
