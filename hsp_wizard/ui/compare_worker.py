"""A worker process for the scenario comparison: each scenario's first openings are searched in another
process, so the window's thread never waits for them. A thread would share the interpreter's lock with the
window: on the largest project the schema allows, a comparison in a thread stalled the window for up to 3.9 s.

One process serves the whole application (made on first use, with the 'spawn' method: forking a process that
runs Qt is unsafe). Work not yet started is cancelled by the caller; work under way is not waited for when the
application quits (the process is ended)."""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable

_pool: ProcessPoolExecutor | None = None


def submit(fn: Callable, *args) -> Future:
    """Run `fn(*args)` (a module-level function, picklable arguments) in the worker process."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(shutdown)
        atexit.register(shutdown)
    return _pool.submit(fn, *args)


def shutdown() -> None:
    """End the worker: queued work is cancelled and work under way is not waited for."""
    global _pool
    pool, _pool = _pool, None
    if pool is None:
        return
    running = list((getattr(pool, "_processes", None) or {}).values())  # ProcessPoolExecutor has no kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in running:
        if process.is_alive():
            process.terminate()
