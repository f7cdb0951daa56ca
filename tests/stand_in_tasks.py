"""Tasks for the tests of worker processes: no spaCy, and each misbehaves on demand.

A worker process loads one by name (``stand_in_tasks:misbehaving``);
it finds this module because a worker is given the sys.path of the process
that starts it, and pytest puts ``tests/`` on it.
"""
from __future__ import annotations

import os
import signal
import time

from extract import sources
from extract.records import ExtractedArticle


def misbehave(text: str) -> None:
    """"HANG" hangs, "CRASH" kills this process, "RAISE" raises."""
    if "HANG" in text:
        while True:  # compiled code would not stop for a signal either
            time.sleep(1)
    if "CRASH" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "RAISE" in text:
        raise RuntimeError("the rules met something new")


def misbehaving(budget):
    """An extractor that finds nothing, and misbehaves on demand (``misbehave``)."""
    def extract(article):
        misbehave(article.text)
        return ExtractedArticle(article, (), (f"pid {os.getpid()}",))

    return extract


def misbehaving_reader(budget):
    """The reader of worker processes (``sources.file_reader``), misbehaving on demand (``misbehave``)."""
    read = sources.file_reader(budget)

    def read_misbehaving(source):
        misbehave(source.data.decode("utf-8", "replace"))
        return read(source)

    return read_misbehaving


def unloadable(budget):
    """An extractor whose pipeline cannot load."""
    raise OSError("no model here")


def blas_threads(budget):
    """An extractor that finds nothing and reports how many BLAS threads its process was given."""
    def extract(article):
        return ExtractedArticle(article, (), (f"threads {os.environ.get('OPENBLAS_NUM_THREADS')}",))

    return extract
