"""Engines: turning the articles to process into extracted records, on one core or many.

An engine (``quotedb.build.Engine``) takes the list of articles a build has
to extract and yields one ``ExtractedArticle`` per article, in any order; the
build stores each as it comes. ``build.sequential`` runs in this process.

- ``local(workers)`` spreads the articles over worker processes of this
  machine (``concurrent.futures``).
- ``dask(scheduler, workers)`` spreads them over the workers of a
  dask.distributed cluster: a local one it starts, or an existing one given
  by its scheduler address. The workers need quotedb and the models
  installed; the database is written here, by the client.

Each worker process loads the pipeline once (``worker_pipeline``) and sends
back plain records, so only articles and records cross between processes.
Articles travel in chunks of about ``CHUNK_WORDS`` words, longest first, and
only a few chunks per worker are in flight at a time.
"""
from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from extract.records import Article, ExtractedArticle

if TYPE_CHECKING:  # worker processes import this module: it stays light
    from quotedb.build import Engine

__all__ = ["chunks", "dask", "default_workers", "extract_chunk", "local", "word_count", "worker_pipeline"]

CHUNK_WORDS = 4_000  # about 2 seconds of work: fine-grained enough to balance, large enough to batch
PARALLEL_FROM = 5_000  # words: less work than this is done sooner than worker processes start
IN_FLIGHT = 2  # chunks sent ahead per worker, so none waits while results come back

_pipeline = None
_pipeline_lock = threading.Lock()


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# ---------------------------------------------------------------- the worker side

def worker_pipeline():
    """This process's pipeline, loaded on first use and kept for every later chunk."""
    global _pipeline
    with _pipeline_lock:
        if _pipeline is None:
            from extract import nlp

            _pipeline = nlp.load()
    return _pipeline


def extract_chunk(articles: list[Article]) -> list[ExtractedArticle]:
    """Extract a chunk of articles with this process's pipeline (one chunk at a time)."""
    from extract import pipeline

    model = worker_pipeline()
    with _pipeline_lock:  # a worker running several threads shares one pipeline
        return list(pipeline.extract_articles(model, articles))


def load_worker() -> None:
    """Load the pipeline when a worker process starts, before its first chunk arrives."""
    worker_pipeline()


# ---------------------------------------------------------------- splitting the work

def word_count(article: Article) -> int:
    """The article's words, counted as the build report counts them."""
    return len(article.text.split())


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


# ---------------------------------------------------------------- local processes

def local(workers: int | None = None, *, chunk_words: int = CHUNK_WORDS,
          parallel_from: int = PARALLEL_FROM) -> Engine:
    """An engine running ``workers`` processes on this machine (default: one per core).

    With one worker, or less than ``parallel_from`` words to extract, it
    runs in this process like ``build.sequential``, starting no process.
    """
    workers = workers or default_workers()

    def run(articles: list[Article]) -> Iterator[ExtractedArticle]:
        if not articles:
            return
        work = chunks(articles, workers, chunk_words)
        if workers <= 1 or len(work) <= 1 or sum(map(word_count, articles)) < parallel_from:
            from quotedb.build import sequential

            yield from sequential(articles)
            return
        yield from in_processes(work, min(workers, len(work)))

    return run


def in_processes(work: list[list[Article]], workers: int) -> Iterator[ExtractedArticle]:
    """Extract the chunks in a pool of worker processes, yielding as chunks finish."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(workers, mp_context=start_method(), initializer=load_worker) as pool:
        def finished(pending):
            return wait(pending, return_when=FIRST_COMPLETED)[0]

        yield from windowed(lambda chunk: pool.submit(extract_chunk, chunk), finished,
                            work, workers * IN_FLIGHT)


def start_method():
    """How worker processes start: forked from a clean server process that has spaCy imported.

    Unlike a plain fork, the workers inherit none of this process's threads
    (a progress bar's); unlike spawn, they do not each start an interpreter
    and import spaCy. Each still loads its own pipeline (``load_worker``).
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():  # Windows
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "extract.nlp"])
    return context


def windowed(submit: Callable, finished: Callable, work: list, window: int) -> Iterator[ExtractedArticle]:
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


# ---------------------------------------------------------------- dask.distributed

def dask(scheduler: str | None = None, workers: int | None = None, *,
         chunk_words: int = CHUNK_WORDS) -> Engine:
    """An engine running on a dask.distributed cluster.

    With ``scheduler`` ("tcp://host:8786") it uses that running cluster,
    whose workers must have quotedb and its models installed. Without, it
    starts a cluster on this machine with ``workers`` single-threaded worker
    processes (default: one per core) and stops it when the build is done.
    """
    workers = workers or default_workers()

    def run(articles: list[Article]) -> Iterator[ExtractedArticle]:
        from distributed import wait

        with dask_client(scheduler, workers) as client:
            slots = max(1, sum(client.nthreads().values()))

            def submit(chunk):
                return client.submit(extract_chunk, chunk, pure=False)

            def finished(pending):
                return wait(pending, return_when="FIRST_COMPLETED").done

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
