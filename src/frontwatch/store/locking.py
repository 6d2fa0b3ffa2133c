"""One writing run at a time, and one schema change at a time."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from frontwatch.store.engine import StoreBase, StoreBusy

WRITER_LOCK_KEY = zlib.crc32(b"frontwatch writer")
SCHEMA_LOCK_KEY = zlib.crc32(b"frontwatch schema")


class _FileLock:
    """An exclusive lock on a file for a `with` block, waiting for it; nothing where flock is missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file: IO[bytes] | None = None

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:
            return
        self.file = open(self.path, "ab")
        fcntl.flock(self.file.fileno(), fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def schema_lock(database: Path | None) -> AbstractContextManager[None]:
    """A lock file beside a SQLite database for the time of a schema change (PostgreSQL uses an
    advisory lock inside the transaction)."""
    return _FileLock(Path(f"{database}.lock")) if database is not None else nullcontext()


class WriterLock(StoreBase):
    _lock_file: IO[bytes] | None
    _lock_conn: Connection | None

    def acquire_writer(self, wait: float | None = None, on_wait: Callable[[], object] | None = None) -> None:
        """Become the store's only writing run until `release_writer` or `close`: another run waits up to
        `wait` seconds (None: as long as it takes), then raises `StoreBusy`. Held by a lock file beside
        a SQLite database and by an advisory lock in PostgreSQL; both go with the process that holds them."""
        if self._lock_file is not None or self._lock_conn is not None:
            return
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while not self._try_lock():
            if deadline is not None and time.monotonic() >= deadline:
                raise StoreBusy(
                    f"the store {self.display_url} is busy: another run is writing to it (try again later)"
                )
            if not told and on_wait is not None:
                on_wait()
                told = True
            time.sleep(0.2)

    def _try_lock(self) -> bool:
        if self.engine.dialect.name == "postgresql":
            conn = self.engine.connect()
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": WRITER_LOCK_KEY}).scalar()
            conn.commit()
            if got:
                self._lock_conn = conn
                return True
            conn.close()
            return False
        path = self._sqlite_path()
        if path is None:
            return True
        try:
            import fcntl
        except ImportError:  # no advisory file locks here: SQLite's busy timeout alone keeps writes whole
            return True
        f = open(f"{path}.lock", "ab")  # noqa: SIM115 - held open for as long as the lock
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.close()
            return False
        self._lock_file = f
        return True

    def release_writer(self) -> None:
        if self._lock_conn is not None:
            try:
                self._lock_conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": WRITER_LOCK_KEY})
                self._lock_conn.commit()
            finally:
                self._lock_conn.close()
                self._lock_conn = None
        if self._lock_file is not None:
            self._lock_file.close()  # closing the file releases its flock
            self._lock_file = None
