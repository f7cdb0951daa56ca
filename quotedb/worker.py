"""A worker process: items in, their results out, one at a time.

``quotedb.engines.Worker`` starts it as ``python -m quotedb.worker`` with the
task to load (``module:function``, given the budget, returning the function
that handles one item: an article's extraction, a file's reading), the
budget, the parent's pid and two pipes. It loads the task once, says it is
ready, then answers every item it receives with its result, or with why it
failed. The parent enforces the time budget by killing it. It never outlives its parent: on Linux the kernel kills it when the
parent dies (when started from the parent's main thread), and everywhere a
watchdog thread ends it within a second of noticing the parent is gone.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import json
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

from extract.pipeline import Budget

PR_SET_PDEATHSIG = 1  # prctl(2)


def main(argv: list[str]) -> None:
    target, budget, parent, inbox, outbox, main_thread = argv
    parent_pid = int(parent)
    die_with(parent_pid, kernel=main_thread == "1")
    task = load(target)(Budget(**json.loads(budget)))
    receiving, sending = Connection(int(inbox), writable=False), Connection(int(outbox), readable=False)
    sending.send(("ready", os.getpid()))
    while True:
        try:
            item = receiving.recv()
        except EOFError:  # the parent closed the pipe, or died
            return
        if item is None:  # asked to stop: every answer is sent, so skip tearing down the loaded models
            sending.close()
            os._exit(0)
        sending.send(answer(task, item))


def answer(task, item) -> tuple[str, object]:
    """``("done", result)``, or ``("failed", why)`` when the task raises (the next item goes on)."""
    try:
        return "done", task(item)
    except Exception as error:  # reported as this item's error by the parent
        return "failed", f"{type(error).__name__}: {error}"


def load(target: str):
    """The function named ``module:function``."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def die_with(parent: int, *, kernel: bool) -> None:
    """End this process when the process ``parent`` ends."""
    if kernel and sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before this process could ask
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watchdog").start()


if __name__ == "__main__":
    main(sys.argv[1:])
