"""The store: SQLAlchemy Core over embedded SQLite by default, PostgreSQL by URL.

`Store` is the one object callers use; each concern is a part of it in a module of its own: the writer
lock (`locking`), the schema's creation and upgrade (`migrate`), documents and their mentions
(`document_store`), fusion's incidents (`fusion_store`) and readers' queries (`queries`), over the tables
of `schema` and the record conversions of `rows`. The modules are not named after the tables that this
package exports (`documents`, `events`, `incidents`...): a submodule would shadow the table of its name.
"""

from __future__ import annotations

import sqlalchemy as sa

from frontwatch.records import BlockKey
from frontwatch.store.document_store import DocumentStore, StoredState
from frontwatch.store.engine import (
    BUSY_TIMEOUT_S,
    DEFAULT_DB,
    StoreBusy,
    StoreError,
    open_engine,
    open_readonly_engine,
    resolve_url,
    sqlite_path,
)
from frontwatch.store.fusion_store import FusionStore
from frontwatch.store.locking import WriterLock
from frontwatch.store.migrate import Migration
from frontwatch.store.queries import Filter, IncidentRow, QueryStore
from frontwatch.store.rows import event_from_dict, incident_from_dict
from frontwatch.store.schema import (
    SCHEMA_VERSION,
    documents,
    errors,
    events,
    incident_facets,
    incident_members,
    incident_redirects,
    incidents,
    meta,
    metadata,
    place_mentions,
)

__all__ = [
    "BUSY_TIMEOUT_S",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "BlockKey",
    "Filter",
    "IncidentRow",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoredState",
    "documents",
    "errors",
    "event_from_dict",
    "events",
    "incident_facets",
    "incident_from_dict",
    "incident_members",
    "incident_redirects",
    "incidents",
    "meta",
    "metadata",
    "place_mentions",
    "resolve_url",
]


class Store(WriterLock, Migration, DocumentStore, FusionStore, QueryStore):
    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        """Open a store; with `create=False` (the read commands) a store that does not exist yet is an
        error instead of a new empty one."""
        self.url = resolve_url(url)
        self._lock_file = None
        self._lock_conn = None
        path = sqlite_path(self.url)
        if not create and path is not None and not path.exists():
            raise StoreError(f"no store at {path} (a run creates one)")
        self.engine = open_engine(self.url)
        if not create and not sa.inspect(self.engine).has_table("meta"):
            self.engine.dispose()
            raise StoreError(f"no frontwatch store in {self.display_url} (a run creates one)")
        self._migrate()

    @classmethod
    def open_readonly(cls, url: str | None = None) -> Store:
        """The store for reading only: no schema changes, and the database refuses writes."""
        self = cls.__new__(cls)
        self.url = resolve_url(url)
        self._lock_file = None
        self._lock_conn = None
        self.engine = open_readonly_engine(self.url)
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
                n = conn.execute(sa.select(sa.func.count()).select_from(incidents)).scalar()
        except sa.exc.SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"not a frontwatch store: {self.display_url}") from exc
        try:
            with self.engine.connect() as conn:
                have = conn.execute(sa.select(sa.func.count()).select_from(incident_facets)).scalar()
        except sa.exc.SQLAlchemyError:
            have = -1
        if have == -1 or (n and not have):  # not `!=`: a run may be writing as we look
            self.engine.dispose()
            raise StoreError(
                "the store was written by an earlier frontwatch: open it once for writing "
                "(e.g. `frontwatch export DIR`) to add what reading it needs"
            )
        return self

    def close(self) -> None:
        self.release_writer()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
