"""Extractors for the tests of worker processes: no spaCy, and each misbehaves on demand.

A worker process loads one by name (``stand_in_extractors:misbehaving``);
it finds this module because a worker is given the sys.path of the process
that starts it, and pytest puts ``tests/`` on it.
"""
from __future__ import annotations

import os
import signal
import time

from extract.records import ExtractedArticle


def misbehaving(budget):
    """An extractor that finds nothing, except that "HANG" hangs, "CRASH" kills its process, "RAISE" raises."""
    def extract(article):
        if "HANG" in article.text:
            while True:  # compiled code would not stop for a signal either
                time.sleep(1)
        if "CRASH" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "RAISE" in article.text:
            raise RuntimeError("the rules met something new")
        return ExtractedArticle(article, (), (f"pid {os.getpid()}",))

    return extract


def unloadable(budget):
    """An extractor whose pipeline cannot load."""
    raise OSError("no model here")
