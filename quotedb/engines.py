"""Engines: turning the articles to process into extracted records, on one core or many.

An engine (``quotedb.build.Engine``) takes the list of articles a build has
to extract and yields, in any order, one record per article: an
``ExtractedArticle``, or an ``Unfinished`` one for an article that ran over
its time budget or whose process died. The build stores the first kind and
reports the second.

Extraction never runs in the build's own process: each worker is a process
of its own (``Worker``, running ``quotedb.worker``) that loads the pipeline
once and extracts one article at a time. spaCy's parser is compiled code
that no signal interrupts promptly, so an article over its time budget
(``pipeline.Budget``) is stopped by killing its worker; a new one takes its
place for the articles still to do, and none of them is lost.

- ``local(workers)`` runs worker processes on this machine (one per core
  by default, one when there is little work).
- ``read_apart(seconds)`` reads the files whose readers a hostile file can
  stall (HTML) in a worker process too, each within the time limit.
- ``dask(scheduler, workers)`` spreads the articles over a dask.distributed
  cluster: a local one it starts, or an existing one given by its scheduler
  address. Each dask worker extracts through a worker process of its own,
  so the time budget holds there too. The workers need quotedb and the
  models installed; the database is written here, by the client.
"""
from __future__ import annotations

import atexit
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from multiprocessing import Pipe
from multiprocessing.connection import wait
from typing import TYPE_CHECKING

from extract.files import ArticleError
from extract.pipeline import Budget, Unfinished
from extract.records import Article, ExtractedArticle

if TYPE_CHECKING:  # dask workers import this module: it stays light
    from quotedb.build import Engine

__all__ = ["Budget", "Pool", "Worker", "WorkerError", "chunks", "dask", "default_workers", "extract_chunk",
           "local", "read_apart", "release", "word_count"]

EXTRACTOR = "extract.pipeline:article_extractor"  # what a worker process loads to extract
READER = "extract.sources:file_reader"  # and to read files apart
CHUNK_WORDS = 4_000  # dask: about 2 seconds of work, fine-grained enough to balance
PARALLEL_FROM = 5_000  # words: less work than this is done sooner than a second worker starts
IN_FLIGHT = 2  # dask: chunks sent ahead per worker, so none waits while results come back
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
START_SECONDS = 600  # a worker that has not loaded its pipeline by then is broken

Record = ExtractedArticle | Unfinished


class WorkerError(Exception):
    """A worker process could not start: nothing can be extracted."""


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def one_blas_thread() -> dict[str, str]:
    """The environment that has a worker multiply matrices on one thread (numpy's OpenBLAS, see
    ``extract.nlp.load``) unless the user set the number: the pool runs a worker per core, and BLAS threads of
    their own would only fight over the cores (a fifth more processor time on PolNeAR dev)."""
    return {name: os.environ.get(name, "1") for name in BLAS_THREADS}


def word_count(article: Article) -> int:
    """The article's words, counted as the build report counts them."""
    return len(article.text.split())


# ---------------------------------------------------------------- one worker process

class Worker:
    """A worker process doing the items it is given, one at a time, killed when one runs over its time.

    ``task`` says what it does (``quotedb.worker``); ``unit`` and ``work``
    name an item and the work in messages ("article", "extraction").
    """

    def __init__(self, budget: Budget, task: str = EXTRACTOR, *, unit: str = "article", work: str = "extraction"):
        self.budget, self.unit, self.work = budget, unit, work
        to_worker, self.inbox = Pipe(duplex=False)
        self.outbox, from_worker = Pipe(duplex=False)
        main_thread = threading.current_thread() is threading.main_thread()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quotedb.worker", task, json.dumps(asdict(budget)), str(os.getpid()),
             str(to_worker.fileno()), str(from_worker.fileno()), "1" if main_thread else "0"],
            pass_fds=(to_worker.fileno(), from_worker.fileno()), stdin=subprocess.DEVNULL,
            env={**os.environ, **one_blas_thread(), "PYTHONPATH": os.pathsep.join(filter(None, sys.path))})
        to_worker.close()
        from_worker.close()
        self.ready = False
        self.article = None  # the item it is doing
        self.deadline = time.monotonic() + START_SECONDS  # to be ready by; then the item's
        self.asked_to_stop = False

    @property
    def idle(self) -> bool:
        return self.ready and self.article is None

    def give(self, article) -> None:
        """Start on ``article`` (or other item); its time starts now."""
        self.article = article
        self.deadline = time.monotonic() + self.budget.seconds
        try:
            self.inbox.send(article)
        except OSError:  # the process died: its answer says so
            pass

    def answer(self) -> Record | None:
        """Read what the process sent: the result of its item, or None when it says it is ready.

        An item whose task failed, or whose process died, is ``Unfinished``;
        a process that dies before it is ready raises ``WorkerError``.
        """
        try:
            kind, value = self.outbox.recv()
        except (EOFError, OSError):
            return self.died()
        self.deadline = float("inf")
        if kind == "ready":
            self.ready = True
            return None
        article, self.article = self.article, None
        return value if kind == "done" else Unfinished(article, f"{self.work} failed ({value})")

    def died(self) -> Unfinished | None:
        """The article of a process that ended by itself (killed by the system, crashed), unfinished."""
        code = self.process.wait()
        self.deadline = float("inf")
        if not self.ready:
            raise WorkerError(f"the {self.work} worker could not start (exit code {code}; see the messages above)")
        article, self.article = self.article, None
        how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        return Unfinished(article, f"its {self.work} process died ({how})") if article else None

    def overdue(self, now: float) -> Unfinished | None:
        """Kill the process if its article has run over its time; that article, unfinished."""
        if now < self.deadline:
            return None
        self.stop(kill=True)
        if not self.ready:
            raise WorkerError(f"the {self.work} worker did not start within {START_SECONDS} s")
        article, self.article = self.article, None
        return Unfinished(article, f"stopped after {self.budget.seconds:g} s (the time limit of one {self.unit})")

    def stop(self, *, kill: bool = False) -> None:
        """End the process: asked to when it is idle, killed otherwise."""
        self.ask_to_stop(kill=kill)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.inbox.close()
        self.outbox.close()

    def ask_to_stop(self, *, kill: bool = False) -> None:
        """Tell the process to end (when it is idle; killed otherwise), without waiting for it."""
        if self.process.poll() is None and not (self.asked_to_stop and not kill):
            self.asked_to_stop = True
            if kill or not self.idle:
                self.process.kill()
            else:
                try:
                    self.inbox.send(None)
                except OSError:
                    self.process.kill()


# ---------------------------------------------------------------- a pool of them

class Pool:
    """Worker processes that share a queue of items; each is replaced when it is killed or dies.

    ``task``, ``unit`` and ``work`` are the workers' (``Worker``).
    """

    def __init__(self, size: int, budget: Budget = Budget(), task: str = EXTRACTOR, *,
                 unit: str = "article", work: str = "extraction"):
        self.size, self.budget, self.task = size, budget, task
        self.names = {"unit": unit, "work": work}
        self.workers: list[Worker] = []

    def run(self, items: Iterable, size: Callable = word_count) -> Iterator:
        """Do the items, largest first, yielding each result (or ``Unfinished``) as it comes."""
        queue = deque(sorted(items, key=size, reverse=True))
        while queue or self.busy():
            self.fill(min(self.size, len(queue) + self.busy()))
            for worker in self.workers:
                if worker.idle and queue:
                    worker.give(queue.popleft())
            yield from self.next_records()

    def busy(self) -> int:
        """How many workers are extracting an article."""
        return sum(worker.article is not None for worker in self.workers)

    def next_records(self) -> list[Record]:
        """Wait for the next answers, or for the first deadline; the records they complete."""
        deadline = min(worker.deadline for worker in self.workers)
        ready = wait([worker.outbox for worker in self.workers], timeout=max(0.0, deadline - time.monotonic()))
        records = [worker.answer() for worker in self.workers if worker.outbox in ready]
        now = time.monotonic()
        records += [worker.overdue(now) for worker in self.workers]
        self.workers = [worker for worker in self.workers if worker.process.returncode is None]
        return [record for record in records if record is not None]

    def fill(self, size: int) -> None:
        """Start workers until there are ``size``."""
        while len(self.workers) < size:
            self.workers.append(Worker(self.budget, self.task, **self.names))

    def close(self) -> None:
        """End every worker process (all asked first, so they end together)."""
        for worker in self.workers:
            worker.ask_to_stop()
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# ---------------------------------------------------------------- local processes

def local(workers: int | None = None, *, budget: Budget = Budget(), parallel_from: int = PARALLEL_FROM,
          extractor: str = EXTRACTOR) -> Engine:
    """An engine running ``workers`` processes on this machine (default: one per core).

    With less than ``parallel_from`` words to extract it starts one.
    """
    workers = workers or default_workers()

    def run(articles: list[Article]) -> Iterator[Record]:
        if not articles:
            return
        size = 1 if sum(map(word_count, articles)) < parallel_from else min(workers, len(articles))
        with Pool(size, budget, extractor) as pool:
            yield from pool.run(articles)

    return run


def read_apart(seconds: float = Budget.seconds, task: str = READER):
    """Read files in a worker process, each within ``seconds`` (``sources.read_folder``'s ``apart``)."""
    def run(sources: list) -> Iterator[tuple[str, object]]:
        with Pool(1, Budget(seconds=seconds), task, unit="file", work="reading") as pool:
            for result in pool.run(sources, size=lambda source: len(source.data)):
                if isinstance(result, Unfinished):  # over its time, or its process died
                    yield result.article.name, ArticleError(result.article.path, result.reason)
                else:
                    yield result

    return run


# ---------------------------------------------------------------- dask.distributed

_pool: Pool | None = None
_pool_lock = threading.Lock()


def extract_chunk(articles: list[Article], budget: Budget = Budget(), extractor: str = EXTRACTOR) -> list[Record]:
    """Extract a chunk in this process's worker process, started on first use and kept for later chunks."""
    global _pool
    with _pool_lock:  # a dask worker running several threads shares one worker process
        if _pool is not None and (_pool.budget, _pool.task) != (budget, extractor):
            _pool.close()
            _pool = None
        if _pool is None:
            _pool = Pool(1, budget, extractor)
            atexit.register(release)
        try:
            return list(_pool.run(articles))
        except WorkerError:
            _pool.close()
            _pool = None
            raise


def release() -> None:
    """Stop the worker process of ``extract_chunk``; the next chunk starts another."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.close()
            _pool = None


def chunks(articles: Iterable[Article], workers: int, most: int = CHUNK_WORDS) -> list[list[Article]]:
    """The articles, longest first, in chunks that shrink as the work runs out.

    A chunk takes about a ``IN_FLIGHT * workers``-th of the words not yet
    chunked, at most ``most`` words (an article longer than that is a chunk
    of its own). Long articles first and short chunks last let the workers
    finish together, instead of one still busy while the others idle.
    """
    sized = sorted(((word_count(article), article) for article in articles),
                   key=lambda pair: pair[0], reverse=True)
    remaining = sum(size for size, _ in sized)
    result: list[list[Article]] = []
    position = 0
    while position < len(sized):
        target = min(most, remaining // (IN_FLIGHT * workers))
        chunk, filled = [], 0
        while position < len(sized) and (not chunk or filled + sized[position][0] <= target):
            size, article = sized[position]
            chunk.append(article)
            filled += size
            position += 1
        result.append(chunk)
        remaining -= filled
    return result


def windowed(submit: Callable, finished: Callable, work: list, window: int) -> Iterator[Record]:
    """Submit the chunks with at most ``window`` in flight; yield the records of each that finishes.

    ``finished(pending)`` waits until at least one of the pending futures is
    done and returns the done ones.
    """
    queue = iter(work)
    pending = {submit(chunk) for chunk in itertools.islice(queue, window)}
    while pending:
        for future in finished(pending):
            pending.discard(future)
            yield from future.result()
            pending.update(submit(chunk) for chunk in itertools.islice(queue, 1))


def dask(scheduler: str | None = None, workers: int | None = None, *, budget: Budget = Budget(),
         chunk_words: int = CHUNK_WORDS, extractor: str = EXTRACTOR) -> Engine:
    """An engine running on a dask.distributed cluster.

    With ``scheduler`` ("tcp://host:8786") it uses that running cluster,
    whose workers must have quotedb and its models installed. Without, it
    starts a cluster on this machine with ``workers`` single-threaded worker
    processes (default: one per core) and stops it when the build is done.
    """
    workers = workers or default_workers()

    def run(articles: list[Article]) -> Iterator[Record]:
        from distributed import wait as wait_for

        with dask_client(scheduler, workers) as client:
            slots = max(1, sum(client.nthreads().values()))

            def submit(chunk):
                return client.submit(extract_chunk, chunk, budget, extractor, pure=False)

            def finished(pending):
                return wait_for(pending, return_when="FIRST_COMPLETED").done

            yield from windowed(submit, finished, chunks(articles, slots, chunk_words), IN_FLIGHT * slots)

    return run


@contextmanager
def dask_client(scheduler: str | None, workers: int):
    """A client of the cluster at ``scheduler``, or of a local cluster started for the build."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
