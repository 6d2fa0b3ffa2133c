"""Opening a store: its URL, the SQLAlchemy engine over it, and SQLite's connection settings."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_S = 60  # how long one SQLite statement waits for another writer's transaction
DEFAULT_DB = "sqlite:///frontwatch.db"


class StoreError(RuntimeError):
    pass


class StoreBusy(StoreError):
    pass


def resolve_url(url: str | None = None) -> str:
    """A SQLAlchemy URL from the option, FRONTWATCH_DB, or the default; a bare path means SQLite."""
    url = url or os.environ.get("FRONTWATCH_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite store; None for PostgreSQL and for in-memory or URI databases."""
    if not url.startswith("sqlite"):
        return None
    database = sa.engine.make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _no_driver(url: str) -> StoreError:
    return StoreError(f"no database driver for {url.split('://')[0]}: install frontwatch[postgres]")


def open_engine(url: str) -> Engine:
    """An engine for reading and writing; SQLite connections get WAL and a busy timeout."""
    try:
        kwargs: dict[str, Any] = {"future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_S}
        engine = sa.create_engine(url, **kwargs)
    except ModuleNotFoundError as exc:
        raise _no_driver(url) from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_readonly_engine(url: str) -> Engine:
    """An engine the database itself keeps from writing: SQLite opened read-only, PostgreSQL in read-only
    transactions. A SQLite file that does not exist is an error, not a new empty store."""
    engine_url = sa.engine.make_url(url)
    if engine_url.get_backend_name() == "sqlite":
        path = engine_url.database
        if not path or path == ":memory:" or not os.path.exists(path):
            raise StoreError(f"no store at {path or url}")
        uri = "file:" + os.path.abspath(path) + "?mode=ro"
        engine = sa.create_engine("sqlite://", creator=lambda: _sqlite3_connect(uri), future=True)
        sa.event.listen(engine, "connect", _sqlite_readonly_pragmas)
        return engine
    try:
        return sa.create_engine(
            url, future=True, connect_args={"options": "-c default_transaction_read_only=on"}
        )
    except ModuleNotFoundError as exc:
        raise _no_driver(url) from exc


class StoreBase:
    """What every part of the store works with: its URL and the engine over it."""

    url: str
    engine: Engine

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def _sqlite_path(self) -> Path | None:
        return sqlite_path(self.url)


def chunks(items: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    """Bound IN lists: SQLite limits how many parameters one statement takes."""
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _sqlite3_connect(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _sqlite_readonly_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cur.close()
