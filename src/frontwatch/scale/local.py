"""Chunks in a pool of local processes, each loading the models once when it starts."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import TypeVar

from frontwatch.pipeline import warm_up

T = TypeVar("T")


class LocalPool:
    """`workers` processes started with `spawn` (no state inherited from the parent, as on macOS and
    Windows), started only when a run has more than one chunk of work."""

    def __init__(self, workers: int, *, in_flight: int | None = None, start_method: str = "spawn") -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        # Enough queued chunks to keep every worker busy while the writer catches up, and no more:
        # the input is read only as fast as the workers take it.
        self.in_flight = in_flight or 2 * workers
        self._context = multiprocessing.get_context(start_method)
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=warm_up)
        return self._pool

    def map(self, fn: Callable[..., T], chunks: Iterable[tuple]) -> Iterator[T]:
        it = iter(chunks)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None and (self._pool is None or self.workers == 1):
            yield fn(*first)  # one chunk is not worth starting processes for
            return
        if self.workers == 1:
            for args in chain([first, second], it):
                yield fn(*args)
            return
        pool = self._started()
        pending: deque[Future[T]] = deque()
        for args in chain([first, second], it):
            pending.append(pool.submit(fn, *args))
            if len(pending) >= self.in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
