"""Chunks as Dask tasks, on a local cluster of processes or a running scheduler (`pip install
frontwatch[dask]`).

Each task is one chunk; the models load lazily once per worker process (they are cached module-wide)
and are never shipped from the client. Results come back to the client, whose single writer replaces
each document by its id: a task run again after a worker died writes the same rows once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
CONNECT_TIMEOUT_S = 20


# A local cluster's housekeeping, set for the work it does here: tasks of seconds each, one per worker.
# The statistical profiler samples every task's stack every 10 ms and nobody reads the profiles; the
# event-loop tick (20 ms) and the system and memory monitors wake each process many times a second, CPU
# the analysis needs more on a machine whose cores are all busy. The nanny's MALLOC_TRIM_THRESHOLD_ makes
# glibc hand freed memory back at once and, being set, stops it raising its mmap threshold: every large
# buffer of every document is then fresh pages, 3.5 times the page faults of a pool worker.
LOCAL_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class DaskUnavailable(RuntimeError):
    pass


class DaskEngine:
    def __init__(
        self, scheduler: str | None = None, *, workers: int = 2, in_flight: int | None = None
    ) -> None:
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ModuleNotFoundError as exc:
            raise DaskUnavailable("the Dask engine needs its extra: pip install 'frontwatch[dask]'") from exc
        self.cluster: Any = None
        if scheduler:
            self.client: Any = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        else:
            with dask.config.set(LOCAL_SETTINGS):
                self.cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            self.client = Client(self.cluster)
        n = len(self.client.scheduler_info().get("workers", {})) or workers
        self.in_flight = in_flight or 2 * n

    def map(self, fn: Callable[..., T], chunks: Iterable[tuple]) -> Iterator[T]:
        pending: deque[Any] = deque()
        for args in chunks:
            pending.append(self.client.submit(fn, *args, pure=False))
            if len(pending) >= self.in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def worker_pids(self) -> dict[str, int]:
        import os

        return self.client.run(os.getpid)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
