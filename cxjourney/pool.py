"""Many files over all cores: the one process-pool mechanism of check, lint and render.

Workers are forked, so they inherit the work (settings, personas, compiled templates)
instead of receiving it pickled: only an item's index goes to a worker, and only its
small result comes back. Few items run in this process, where a pool's start-up would
cost more than the second core saves.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

POOL_THRESHOLD = 48  # fewer items finish sooner in-process
CHUNK_SIZE = 16

_shared: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def workers_for(count: int, jobs: int | None = None) -> int:
    """How many workers ``count`` items deserve (1: none)."""
    if count < POOL_THRESHOLD or not _can_fork():
        return 1
    return max(1, min(jobs or os.cpu_count() or 1, count // CHUNK_SIZE))


def _run_one(index: int) -> Any:
    assert _shared is not None
    work, items = _shared
    return work(items[index])


def _worker_start() -> None:
    # A worker's garbage is nearly all freed by reference counting as each file finishes;
    # collecting cycles rarely saves time and still bounds memory (Jinja makes cycles).
    gc.set_threshold(50_000, 20, 20)


def run(work: Callable[[Item], Result], items: Sequence[Item], *,
        jobs: int | None = None) -> Iterator[Result]:
    """``work(item)`` for every item, in order, in forked workers when there are many."""
    workers = workers_for(len(items), jobs)
    if workers < 2:
        yield from (work(item) for item in items)
        return
    yield from _pooled(work, items, workers)


def _pooled(work: Callable[[Item], Result], items: Sequence[Item],
            workers: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _shared
    _shared = (work, items)
    # What the workers inherit is never garbage: freezing it keeps their collector from
    # walking it, and from touching (and so copying) its copy-on-write pages.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context,
                                 initializer=_worker_start) as executor:
            yield from executor.map(_run_one, range(len(items)), chunksize=CHUNK_SIZE)
    finally:
        _shared = None
        gc.unfreeze()
