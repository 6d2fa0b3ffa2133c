"""Chunks in a pool of local processes, each loading the models once when it starts."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import TypeVar

from frontwatch.pipeline import warm_up

T = TypeVar("T")


def start_worker(parent: int) -> None:
    """A pool worker's initializer: leave when the parent is gone, then load the models.

    A parent killed outright (SIGKILL, out of memory) cannot shut its pool down, and its workers, waiting
    on a queue that other processes still hold open, would stay forever with their models loaded.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="frontwatch-parent-watch", daemon=True).start()
    warm_up()


class LocalPool:
    """`workers` processes started with `spawn` (no state inherited from the parent, as on macOS and
    Windows), started only when a run has more than one chunk of work.

    A worker that dies (killed, out of memory) breaks the pool: a new pool takes over and the chunks
    not yet returned run again, up to `retries` times for one chunk, so a chunk that kills its worker
    every time stops the run rather than looping.
    """

    def __init__(
        self, workers: int, *, in_flight: int | None = None, start_method: str = "spawn", retries: int = 2
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        # Enough queued chunks to keep every worker busy while the writer catches up, and no more:
        # the input is read only as fast as the workers take it.
        self.in_flight = in_flight or 2 * workers
        self._context = multiprocessing.get_context(start_method)
        self.retries = retries
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=self._context, initializer=start_worker, initargs=(os.getpid(),)
            )
        return self._pool

    def map(self, fn: Callable[..., T], chunks: Iterable[tuple]) -> Iterator[T]:
        it = iter(chunks)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        head = [first] if second is None else [first, second]
        if self.workers == 1 or (second is None and self._pool is None):
            for args in chain(head, it):  # one chunk is not worth starting processes for
                yield fn(*args)
            return
        pending: deque[tuple[tuple, Future[T]]] = deque()
        for args in chain(head, it):
            pending.append((args, self._submit(fn, args)))
            if len(pending) >= self.in_flight:
                yield self._next(fn, pending)
        while pending:
            yield self._next(fn, pending)

    def _submit(self, fn: Callable[..., T], args: tuple) -> Future[T]:
        try:
            return self._started().submit(fn, *args)
        except BrokenProcessPool as exc:  # a worker died since the last result: `_next` starts a new pool
            failed: Future[T] = Future()
            failed.set_exception(exc)
            return failed

    def _next(self, fn: Callable[..., T], pending: deque[tuple[tuple, Future[T]]]) -> T:
        for attempt in range(self.retries + 1):
            try:
                result = pending[0][1].result()
            except BrokenProcessPool:
                if attempt == self.retries:
                    raise
                self.close()
                for i, (args, _) in enumerate(pending):
                    pending[i] = (args, self._submit(fn, args))
                continue
            pending.popleft()
            return result
        raise AssertionError("unreachable")

    def worker_pids(self) -> list[int]:
        return sorted((self._pool._processes or {}).keys()) if self._pool is not None else []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
