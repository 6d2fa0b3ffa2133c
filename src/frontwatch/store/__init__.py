"""The store: SQLAlchemy Core over embedded SQLite by default, PostgreSQL by URL.

Each document is written with its place and event mentions in one transaction, so a run killed half-way
leaves whole documents only, and the next run picks up the rest by content hash.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from frontwatch.records import (
    BlockKey,
    Conflict,
    DateRange,
    Document,
    EventMention,
    Evidence,
    Incident,
    IngestError,
    Party,
    Place,
    PlaceMention,
    RemovedLine,
)

SCHEMA_VERSION = 3  # 3: incident_redirects and incident_facets (the workspace's reading tables)
BUSY_TIMEOUT_S = 60  # how long one SQLite statement waits for another writer's transaction
DEFAULT_DB = "sqlite:///frontwatch.db"

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.String(255), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("language", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("pipeline_version", sa.String(32), nullable=False),
    sa.Column("removed", sa.JSON, nullable=False),
    sa.Column("duplicate_of", sa.String(255), index=True),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("seq", sa.Integer, nullable=False),  # first-seen order, to tell an original from its copies
    sa.Column("updated_at", sa.String(32), nullable=False),
    # Added in schema 2: the version of each analysis stage, the file a name-derived id came from, and
    # whether fusion has taken in the document's current events (cleared when it is saved).
    sa.Column("stage_versions", sa.JSON),
    sa.Column("id_origin", sa.Text),
    sa.Column("fused", sa.Boolean, nullable=False, server_default=sa.true()),
)
# The next document's seq is max(seq) + 1: an index keeps that a lookup rather than a scan of the store
# (new stores; an older store keeps working without it).
sa.Index("ix_documents_seq", documents.c.seq)
# Columns that schema 1 lacked, added in place by the migration.
_ADDED_IN_2 = ("stage_versions", "id_origin", "fused")

errors = sa.Table(
    "errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("doc_id", sa.String(255)),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("last_seen", sa.String(32), nullable=False),
    sa.Column("count", sa.Integer, nullable=False, default=1),
)

place_mentions = sa.Table(
    "place_mentions",
    metadata,
    sa.Column(
        "doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("mention", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16)),
    sa.Column("geonameid", sa.BigInteger, index=True),
    sa.Column("admin1", sa.String(16), index=True),
    sa.Column("place", sa.JSON),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("actor_side", sa.String(8)),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("admin1", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("incident_id", sa.String(64), index=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index("ix_events_block", "type", "country", "admin1"),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("incident_id", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("admin1", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index("ix_incidents_block", "type", "country", "admin1"),
)

# Which events an incident holds, kept by document and with no foreign key: when a document is replaced
# its events vanish, and these rows are what tells fusion which incidents to revisit.
incident_members = sa.Table(
    "incident_members",
    metadata,
    sa.Column("event_id", sa.String(300), primary_key=True),
    sa.Column("incident_id", sa.String(64), nullable=False, index=True),
    sa.Column("doc_id", sa.String(255), nullable=False, index=True),
)


# Where an incident id that no longer exists went: its reports now belong to `incident_id`. Permalinks to
# an incident stay valid when incidents merge.
incident_redirects = sa.Table(
    "incident_redirects",
    metadata,
    sa.Column("old_id", sa.String(64), primary_key=True),
    sa.Column("incident_id", sa.String(64), nullable=False, index=True),
    sa.Column("merged_at", sa.String(32), nullable=False),
)

# What readers filter incidents by, one row per incident, kept with the incidents: the list of an
# analyst's query is read from here and its index alone (the incident rows hold these inside JSON).
incident_facets = sa.Table(
    "incident_facets",
    metadata,
    sa.Column("incident_id", sa.String(64), primary_key=True),
    sa.Column("day_start", sa.String(10), nullable=False),  # the incident's own dates; "" when undated
    sa.Column("day_end", sa.String(10), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("actor_side", sa.String(8)),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("admin1", sa.String(16)),
    sa.Column("country", sa.String(8)),
    sa.Column("place_name", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("n_independent", sa.Integer, nullable=False),
    sa.Column("background", sa.Boolean, nullable=False),  # every report recalls it; none tells it as news
    # keyset order, with background events (include_background) and without them (the default view)
    sa.Index("ix_incident_facets_order", "day_start", "incident_id"),
    sa.Index("ix_incident_facets_news", "background", "day_start", "incident_id"),
)


@dataclass(frozen=True, slots=True)
class Filter:
    """What a reader asks for; the same names on the command line, the HTTP API and every export.

    Dates overlap: an incident from the 3rd to the 9th matches `since=5`. `places` is what a spelling
    resolved to: settlements and features by GeoNames id, regions by admin1 code; any of them matches.
    """

    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    geonameids: tuple[int, ...] = ()
    admin1s: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_sources: int | None = None
    include_background: bool = False
    place_ids: tuple[int, ...] = ()
    place_admin1s: tuple[str, ...] = ()
    place_asked: bool = False  # a place was named: no match means no rows, not every row


class IncidentRow(NamedTuple):
    incident: Incident
    background: bool  # every report recalls it as context; none tells it as news
    key: tuple[str, str]  # where the next keyset page starts


def resolve_url(url: str | None = None) -> str:
    """A SQLAlchemy URL from the option, FRONTWATCH_DB, or the default; a bare path means SQLite."""
    url = url or os.environ.get("FRONTWATCH_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoreError(RuntimeError):
    pass


class StoreBusy(StoreError):
    pass


@dataclass(frozen=True, slots=True)
class StoredState:
    """What a run needs to know of a stored document to decide whether to analyse it again."""

    content_hash: str
    stage_versions: dict[str, str] | None
    id_origin: str | None
    source: str
    published: str | None


class Store:
    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        """Open a store; with `create=False` (the read commands) a store that does not exist yet is an
        error instead of a new empty one."""
        self.url = resolve_url(url)
        self._lock_file: IO[bytes] | None = None
        self._lock_conn: Connection | None = None
        sqlite_path = self._sqlite_path()
        if not create and sqlite_path is not None and not sqlite_path.exists():
            raise StoreError(f"no store at {sqlite_path} (a run creates one)")
        try:
            kwargs: dict[str, Any] = {"future": True}
            if self.url.startswith("sqlite"):
                kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_S}
            self.engine: Engine = sa.create_engine(self.url, **kwargs)
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"no database driver for {self.url.split('://')[0]}: install frontwatch[postgres]"
            ) from exc
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        if not create and not sa.inspect(self.engine).has_table("meta"):
            self.engine.dispose()
            raise StoreError(f"no frontwatch store in {self.display_url} (a run creates one)")
        self._migrate()

    def _sqlite_path(self) -> Path | None:
        if not self.url.startswith("sqlite"):
            return None
        database = sa.engine.make_url(self.url).database
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database)

    # -- one writer at a time -------------------------------------------------------------------------

    def acquire_writer(self, wait: float | None = None, on_wait: Any = None) -> None:
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
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": _LOCK_KEY}).scalar()
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
                self._lock_conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
                self._lock_conn.commit()
            finally:
                self._lock_conn.close()
                self._lock_conn = None
        if self._lock_file is not None:
            self._lock_file.close()  # closing the file releases its flock
            self._lock_file = None

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.release_writer()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Create or upgrade the schema, one process at a time: two runs starting together on a new store
        must not both create its tables."""
        if self._schema_is_current():
            return
        with self._schema_lock(), self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK_KEY})
            has_documents = sa.inspect(conn).has_table("documents")
            metadata.create_all(conn)
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
            if row is None:
                if has_documents:
                    raise StoreError("the store has documents but no schema version")
                conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif int(row) > SCHEMA_VERSION:
                raise StoreError(
                    f"the store has schema version {row}, newer than this frontwatch ({SCHEMA_VERSION})"
                )
            elif int(row) < SCHEMA_VERSION:
                # New tables come from create_all (schema 3's); new columns are added one step per version.
                present = {c["name"] for c in sa.inspect(conn).get_columns("documents")}
                for name in _ADDED_IN_2:
                    if name not in present:
                        col = documents.c[name]
                        ddl = f"ALTER TABLE documents ADD COLUMN {name} {col.type.compile(conn.dialect)}"
                        if name == "fused":
                            ddl += " NOT NULL DEFAULT " + ("1" if conn.dialect.name == "sqlite" else "true")
                        conn.execute(sa.text(ddl))
                conn.execute(
                    meta.update().where(meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION))
                )
            _fill_facets(conn)

    def _schema_is_current(self) -> bool:
        try:
            with self.engine.connect() as conn:
                if not sa.inspect(conn).has_table("meta"):
                    return False
                row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
        except sa.exc.OperationalError:
            return False
        if row is not None and int(row) > SCHEMA_VERSION:
            raise StoreError(
                f"the store has schema version {row}, newer than this frontwatch ({SCHEMA_VERSION})"
            )
        return row is not None and int(row) == SCHEMA_VERSION

    def _schema_lock(self) -> Any:
        """A lock file beside a SQLite database for the time of a schema change (PostgreSQL uses an
        advisory lock inside the transaction)."""
        path = self._sqlite_path()
        return _FileLock(Path(f"{path}.lock")) if path is not None else _NoLock()

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar())

    # -- documents --------------------------------------------------------------------------------

    def document_states(self) -> dict[str, StoredState]:
        """doc_id -> what a run compares a newly read document with."""
        d = documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(d.doc_id, d.content_hash, d.stage_versions, d.id_origin, d.source, d.published)
            )
            return {
                r.doc_id: StoredState(r.content_hash, r.stage_versions, r.id_origin, r.source, r.published)
                for r in rows
            }

    def load_document(self, doc_id: str) -> tuple[Document, bytes | None, list[PlaceMention]] | None:
        """A stored document with its signature and place mentions, to run later stages on again."""
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).first()
            if r is None:
                return None
            q = sa.select(place_mentions).where(place_mentions.c.doc_id == doc_id)
            places = [
                PlaceMention(p.doc_id, p.mention, p.start, p.end, Place.from_dict(p.place))
                for p in conn.execute(q.order_by(place_mentions.c.idx))
            ]
        doc = Document(
            doc_id=r.doc_id,
            source=r.source,
            title=r.title,
            text=r.text,
            content_hash=r.content_hash,
            url=r.url,
            published=r.published,
            language=r.language,
            removed=tuple(RemovedLine(x["line"], x["rule"]) for x in r.removed or ()),
            duplicate_of=r.duplicate_of,
        )
        return doc, r.signature, places

    def known_documents(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (content_hash, pipeline_version) of every stored document."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(documents.c.doc_id, documents.c.content_hash, documents.c.pipeline_version)
            )
            return {r.doc_id: (r.content_hash, r.pipeline_version) for r in rows}

    def fingerprints(self) -> list[tuple[str, bytes | None, str | None, int]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(documents.c.doc_id, documents.c.signature, documents.c.published, documents.c.seq)
            )
            return [(r.doc_id, r.signature, r.published, r.seq) for r in rows]

    def save_document(
        self,
        doc: Document,
        *,
        signature: bytes | None,
        pipeline_version: str,
        places: Sequence[PlaceMention] = (),
        event_mentions: Sequence[EventMention] = (),
        stage_versions: dict[str, str] | None = None,
        id_origin: str | None = None,
    ) -> None:
        """Replace the document and all its mentions in one transaction. The document is marked unfused
        until fusion commits the incidents that take in its new events."""
        with self.engine.begin() as conn:
            seq = conn.execute(sa.select(documents.c.seq).where(documents.c.doc_id == doc.doc_id)).scalar()
            if seq is None:
                seq = (conn.execute(sa.select(sa.func.max(documents.c.seq))).scalar() or 0) + 1
            self._delete_document_rows(conn, doc.doc_id)
            conn.execute(
                documents.insert().values(
                    doc_id=doc.doc_id,
                    source=doc.source,
                    url=doc.url,
                    title=doc.title,
                    published=doc.published,
                    language=doc.language,
                    text=doc.text,
                    content_hash=doc.content_hash,
                    pipeline_version=pipeline_version,
                    removed=[{"line": r.line, "rule": r.rule} for r in doc.removed],
                    duplicate_of=doc.duplicate_of,
                    signature=signature,
                    seq=seq,
                    updated_at=_now(),
                    stage_versions=stage_versions,
                    id_origin=id_origin,
                    fused=False,
                )
            )
            if places:
                conn.execute(place_mentions.insert(), [_place_row(i, p) for i, p in enumerate(places)])
            if event_mentions:
                conn.execute(events.insert(), [_event_row(i, e) for i, e in enumerate(event_mentions)])

    @staticmethod
    def _delete_document_rows(conn: Connection, doc_id: str) -> None:
        conn.execute(events.delete().where(events.c.doc_id == doc_id))
        conn.execute(place_mentions.delete().where(place_mentions.c.doc_id == doc_id))
        conn.execute(documents.delete().where(documents.c.doc_id == doc_id))

    def set_duplicates(self, mapping: dict[str, str | None]) -> list[str]:
        """Update duplicate_of where it changed; returns the documents that changed."""
        changed: list[str] = []
        with self.engine.begin() as conn:
            current = dict(conn.execute(sa.select(documents.c.doc_id, documents.c.duplicate_of)).all())
            for doc_id, original in mapping.items():
                if doc_id in current and current[doc_id] != original:
                    # A copy's change alters its incidents' source counts: fusion has to see it again.
                    conn.execute(
                        documents.update()
                        .where(documents.c.doc_id == doc_id)
                        .values(duplicate_of=original, fused=False)
                    )
                    changed.append(doc_id)
        return changed

    def documents(self) -> Iterator[Document]:
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(documents).order_by(documents.c.doc_id)):
                yield Document(
                    doc_id=r.doc_id,
                    source=r.source,
                    title=r.title,
                    text=r.text,
                    content_hash=r.content_hash,
                    url=r.url,
                    published=r.published,
                    language=r.language,
                    removed=tuple(RemovedLine(x["line"], x["rule"]) for x in r.removed or ()),
                    duplicate_of=r.duplicate_of,
                )

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(metadata.tables[table])).scalar() or 0

    # -- mentions ---------------------------------------------------------------------------------

    def place_mentions(self) -> Iterator[PlaceMention]:
        with self.engine.connect() as conn:
            q = sa.select(place_mentions).order_by(place_mentions.c.doc_id, place_mentions.c.idx)
            for r in conn.execute(q):
                yield PlaceMention(r.doc_id, r.mention, r.start, r.end, Place.from_dict(r.place))

    def events(self, doc_ids: Iterable[str] | None = None) -> Iterator[EventMention]:
        with self.engine.connect() as conn:
            q = sa.select(events.c.data, events.c.incident_id).order_by(events.c.doc_id, events.c.idx)
            if doc_ids is not None:
                q = q.where(events.c.doc_id.in_(list(doc_ids)))
            for r in conn.execute(q):
                yield event_from_dict(r.data, r.incident_id)

    def unfused_documents(self) -> list[str]:
        """Documents saved or re-marked since fusion last committed (a run stopped before fusion), and
        documents with events that no incident holds yet."""
        with self.engine.connect() as conn:
            q = sa.select(events.c.doc_id).where(events.c.incident_id.is_(None)).distinct()
            found = {r.doc_id for r in conn.execute(q)}
            q = sa.select(documents.c.doc_id).where(documents.c.fused.is_(False))
            found.update(r.doc_id for r in conn.execute(q))
            return sorted(found)

    def all_document_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return sorted(r.doc_id for r in conn.execute(sa.select(documents.c.doc_id)))

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(meta.delete().where(meta.c.key == key))
            conn.execute(meta.insert().values(key=key, value=value))

    # -- errors -----------------------------------------------------------------------------------

    def record_error(self, err: IngestError) -> None:
        err = IngestError(_storable(err.source), _storable(err.reason), err.doc_id and _storable(err.doc_id))
        now = _now()
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(errors.c.id).where(errors.c.source == err.source, errors.c.reason == err.reason)
            ).first()
            if row is None:
                conn.execute(
                    errors.insert().values(
                        source=err.source,
                        doc_id=err.doc_id,
                        reason=err.reason,
                        first_seen=now,
                        last_seen=now,
                        count=1,
                    )
                )
            else:
                conn.execute(
                    errors.update()
                    .where(errors.c.id == row.id)
                    .values(last_seen=now, count=errors.c.count + 1)
                )

    def errors(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(errors).order_by(errors.c.id))]

    # -- incidents --------------------------------------------------------------------------------

    def incidents(self) -> Iterator[Incident]:
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(incidents.c.data).order_by(incidents.c.incident_id)):
                yield incident_from_dict(r.data)

    def document_meta(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """doc_id -> {published, duplicate_of, url} for the given documents."""
        cols = (documents.c.doc_id, documents.c.published, documents.c.duplicate_of, documents.c.url)
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                for r in conn.execute(sa.select(*cols).where(documents.c.doc_id.in_(chunk))):
                    out[r.doc_id] = {"published": r.published, "duplicate_of": r.duplicate_of, "url": r.url}
        return out

    def memberships(self, doc_ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """(event_id, incident_id, doc_id) of the incident memberships recorded for these documents."""
        out: list[tuple[str, str, str]] = []
        m = incident_members.c
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                q = sa.select(m.event_id, m.incident_id, m.doc_id).where(m.doc_id.in_(chunk))
                out += [(r.event_id, r.incident_id, r.doc_id) for r in conn.execute(q)]
        return out

    def incident_events(self, incident_ids: Iterable[str]) -> dict[str, list[EventMention]]:
        """incident_id -> its member events as stored (members whose event is gone are left out)."""
        m = incident_members.c
        out: dict[str, list[EventMention]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(incident_ids):
                q = (
                    sa.select(m.incident_id, events.c.data)
                    .join(events, events.c.event_id == m.event_id)
                    .where(m.incident_id.in_(chunk), events.c.doc_id == m.doc_id)
                    .order_by(m.incident_id, events.c.doc_id, events.c.idx)
                )
                for r in conn.execute(q):
                    out.setdefault(r.incident_id, []).append(event_from_dict(r.data, r.incident_id))
        return out

    def incident_blocks(self, keys: Iterable[BlockKey]) -> set[BlockKey]:
        """Which of these (type, country, admin1) blocks hold an incident: one indexed probe each."""
        c = incidents.c
        found = set()
        with self.engine.connect() as conn:
            for key in set(keys):
                type_, country, admin1 = key
                q = sa.select(c.incident_id).where(
                    c.type == type_,
                    c.country.is_(None) if country is None else c.country == country,
                    c.admin1.is_(None) if admin1 is None else c.admin1 == admin1,
                )
                if conn.execute(q.limit(1)).first() is not None:
                    found.add(key)
        return found

    def incident_candidates(
        self, key: BlockKey, start: str | None = None, end: str | None = None
    ) -> list[str]:
        """Incidents of one blocking key whose covered dates reach [start, end] or that have no dates."""
        type_, country, admin1 = key
        c = incidents.c
        q = sa.select(c.incident_id).where(
            c.type == type_,
            c.country.is_(None) if country is None else c.country == country,
            c.admin1.is_(None) if admin1 is None else c.admin1 == admin1,
        )
        if start is not None and end is not None:
            q = q.where(sa.or_(c.date_start.is_(None), sa.and_(c.date_start <= end, c.date_end >= start)))
        with self.engine.connect() as conn:
            return [r.incident_id for r in conn.execute(q.order_by(c.incident_id))]

    def write_incidents(
        self,
        removed: Iterable[str],
        new: Sequence[tuple[Incident, str | None, str | None, Sequence[tuple[str, str]]]],
        stale_docs: Iterable[str] = (),
        redirects: Mapping[str, str] | None = None,
    ) -> None:
        """Replace incidents in one transaction.

        `removed`: incident ids to delete; `new`: (incident, span start, span end, [(event_id, doc_id)]);
        `stale_docs`: documents whose old memberships go (their events were replaced); `redirects`:
        removed ids -> the incident their reports went to.
        """
        m = incident_members.c
        with self.engine.begin() as conn:
            for chunk in _chunks(stale_docs):
                conn.execute(incident_members.delete().where(m.doc_id.in_(chunk)))
                # Fused in the same transaction as the incidents: a crash leaves them unfused, never both.
                conn.execute(documents.update().where(documents.c.doc_id.in_(chunk)).values(fused=True))
            for chunk in _chunks(removed):
                conn.execute(incident_members.delete().where(m.incident_id.in_(chunk)))
                conn.execute(incidents.delete().where(incidents.c.incident_id.in_(chunk)))
                conn.execute(incident_facets.delete().where(incident_facets.c.incident_id.in_(chunk)))
            if redirects:
                self._write_redirects(conn, redirects)
            if not new:
                return
            conn.execute(
                incidents.insert(),
                [
                    {
                        "incident_id": inc.incident_id,
                        "type": inc.type,
                        "status": inc.status,
                        "geonameid": inc.place.geonameid if inc.place else None,
                        "admin1": inc.place.admin1 if inc.place else None,
                        "country": inc.place.country if inc.place else None,
                        "date_start": start,
                        "date_end": end,
                        "data": json.loads(json.dumps(inc.to_dict())),
                    }
                    for inc, start, end, _ in new
                ],
            )
            members = [
                {"event_id": eid, "incident_id": inc.incident_id, "doc_id": did}
                for inc, _, _, pairs in new
                for eid, did in pairs
            ]
            conn.execute(incident_members.insert(), members)
            conn.execute(
                events.update()
                .where(events.c.event_id == sa.bindparam("eid"))
                .values(incident_id=sa.bindparam("iid")),
                [{"eid": r["event_id"], "iid": r["incident_id"]} for r in members],
            )
            _fill_facets(conn, [inc for inc, _, _, _ in new])

    def find_incidents(
        self,
        *,
        types: Sequence[str] = (),
        status: str | None = None,
        geonameid: int | None = None,
        admin1: str | None = None,
        since: str | None = None,
    ) -> list[Incident]:
        """Incidents filtered by type, status, place (GeoNames id or admin1 code) and last date."""
        c = incidents.c
        q = sa.select(c.data)
        if types:
            q = q.where(c.type.in_(list(types)))
        if status:
            q = q.where(c.status == status)
        if geonameid is not None:
            q = q.where(c.geonameid == geonameid)
        if admin1 is not None:
            q = q.where(c.admin1 == admin1)
        if since:
            q = q.where(c.date_end >= since)
        with self.engine.connect() as conn:
            rows = [incident_from_dict(r.data) for r in conn.execute(q.order_by(c.date_start, c.incident_id))]
        return rows

    def events_by_id(self, event_ids: Iterable[str]) -> dict[str, EventMention]:
        out: dict[str, EventMention] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(event_ids):
                q = sa.select(events.c.data, events.c.incident_id).where(events.c.event_id.in_(chunk))
                for r in conn.execute(q):
                    e = event_from_dict(r.data, r.incident_id)
                    out[e.event_id] = e
        return out

    # -- reading (the analyst workspace) ---------------------------------------------------------

    @classmethod
    def open_readonly(cls, url: str | None = None) -> Store:
        """The store for reading only: no schema changes, and the database refuses writes."""
        self = cls.__new__(cls)
        self.url = resolve_url(url)
        self._lock_file = None
        self._lock_conn = None
        engine_url = sa.engine.make_url(self.url)
        if engine_url.get_backend_name() == "sqlite":
            path = engine_url.database
            if not path or path == ":memory:" or not os.path.exists(path):
                raise StoreError(f"no store at {path or self.url}")
            uri = "file:" + os.path.abspath(path) + "?mode=ro"
            self.engine = sa.create_engine("sqlite://", creator=lambda: _sqlite3_connect(uri), future=True)
            sa.event.listen(self.engine, "connect", _sqlite_readonly_pragmas)
        else:
            try:
                self.engine = sa.create_engine(
                    self.url,
                    future=True,
                    connect_args={"options": "-c default_transaction_read_only=on"},
                )
            except ModuleNotFoundError as exc:
                raise StoreError(
                    f"no database driver for {self.url.split('://')[0]}: install frontwatch[postgres]"
                ) from exc
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

    def _incident_where(self, f: Filter) -> list[Any]:
        c = incident_facets.c
        narrowed = _narrowed(f)
        day_start = sa.func.coalesce(c.day_start, "") if narrowed else c.day_start
        background = sa.func.coalesce(c.background, sa.false()) if narrowed else c.background
        where: list[Any] = []
        if f.since:
            where += [c.day_end >= f.since, day_start != ""]
        if f.until:
            where += [day_start <= f.until, day_start != ""]
        where += _shared_where(f, c)
        if f.bbox:
            west, south, east, north = f.bbox
            where += [c.lat >= south, c.lat <= north, c.lon >= west, c.lon <= east]
        if f.min_sources:
            where.append(c.n_independent >= f.min_sources)
        if not f.include_background:
            where.append(background == sa.false())
        return where

    def count_incidents(self, f: Filter) -> int:
        q = sa.select(sa.func.count()).select_from(incident_facets).where(*self._incident_where(f))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar() or 0

    def query_incidents(
        self, f: Filter, after: tuple[str, str] | None = None, limit: int = 100
    ) -> list[IncidentRow]:
        """A page of incidents in date order after the keyset `after` (day_start or "", incident_id)."""
        return self._incident_page(f, after, limit, counted=False)[0]

    MAP_COLUMNS = (
        "incident_id",
        "type",
        "status",
        "day_start",
        "day_end",
        "place_name",
        "lat",
        "lon",
        "n_independent",
        "actor_side",
        "background",
        "geonameid",
        "country",
    )

    def incident_map(self, f: Filter) -> list[tuple[Any, ...]]:
        """Every matching incident as a short row of MAP_COLUMNS, in date order, from the facets alone:
        what a map and a list of thousands of incidents need to draw."""
        c = incident_facets.c
        cols = [getattr(c, name) for name in self.MAP_COLUMNS]
        q = sa.select(*cols).where(*self._incident_where(f)).order_by(c.day_start, c.incident_id)
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def first_incidents(self, f: Filter, limit: int = 100) -> tuple[list[IncidentRow], int]:
        """The first page and how many match in all: for a narrowed view from one pass over the facets;
        the default view walks its index for the page and counts on the index alone."""
        if not _narrowed(f):
            return self.query_incidents(f, None, limit), self.count_incidents(f)
        rows, total = self._incident_page(f, None, limit, counted=True)
        return rows, total if rows else 0

    def _incident_page(
        self, f: Filter, after: tuple[str, str] | None, limit: int, counted: bool
    ) -> tuple[list[IncidentRow], int]:
        c = incident_facets.c
        day = sa.func.coalesce(c.day_start, "") if _narrowed(f) else c.day_start
        total = sa.func.count().over() if counted else sa.literal(0)
        page = sa.select(c.incident_id, c.background, c.day_start, total.label("total"))
        page = page.where(*self._incident_where(f))
        if after is not None:
            page = page.where(sa.or_(day > after[0], sa.and_(day == after[0], c.incident_id > after[1])))
        page = page.order_by(day, c.incident_id).limit(limit).subquery()
        q = (
            sa.select(incidents.c.data, page.c.background, page.c.day_start, page.c.incident_id, page.c.total)
            .join(page, page.c.incident_id == incidents.c.incident_id)
            .order_by(page.c.day_start, page.c.incident_id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [
            IncidentRow(incident_from_dict(r.data), bool(r.background), (r.day_start, r.incident_id))
            for r in rows
        ], (rows[0].total if rows else 0)

    def incident(self, incident_id: str) -> Incident | None:
        with self.engine.connect() as conn:
            data = conn.execute(sa.select(incidents.c.data).where(incidents.c.incident_id == incident_id))
            row = data.scalar()
        return incident_from_dict(row) if row is not None else None

    def incident_redirect(self, old_id: str) -> str | None:
        """The incident that an id merged into, if it did."""
        r = incident_redirects.c
        with self.engine.connect() as conn:
            return conn.execute(sa.select(r.incident_id).where(r.old_id == old_id)).scalar()

    def taken_incident_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these ids name an incident or a redirect already."""
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                out.update(
                    conn.execute(
                        sa.select(incidents.c.incident_id).where(incidents.c.incident_id.in_(chunk))
                    ).scalars()
                )
                r = incident_redirects.c
                out.update(conn.execute(sa.select(r.old_id).where(r.old_id.in_(chunk))).scalars())
        return out

    def _event_where(self, f: Filter) -> list[Any]:
        c = events.c
        where: list[Any] = []
        if f.since:
            where.append(c.date_end >= f.since)
        if f.until:
            where.append(c.date_start <= f.until)
        where += _shared_where(f, c)
        if f.bbox:
            west, south, east, north = f.bbox
            lat, lon = c.data[("place", "lat")].as_float(), c.data[("place", "lon")].as_float()
            where += [lat >= south, lat <= north, lon >= west, lon <= east]
        if not f.include_background:
            where.append(sa.func.coalesce(c.data["background"].as_boolean(), False) == sa.false())
        return where

    def count_events(self, f: Filter) -> int:
        q = sa.select(sa.func.count()).select_from(events).where(*self._event_where(f))
        with self.engine.connect() as conn:
            return conn.execute(q).scalar() or 0

    def query_events(self, f: Filter, after: str | None = None, limit: int = 100) -> list[EventMention]:
        """A page of event mentions in event_id order after the keyset `after`."""
        c = events.c
        q = sa.select(c.data, c.incident_id).where(*self._event_where(f))
        if after is not None:
            q = q.where(c.event_id > after)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(c.event_id).limit(limit))
            return [event_from_dict(r.data, r.incident_id) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).first()
        if r is None:
            return None
        return Document(
            doc_id=r.doc_id,
            source=r.source,
            title=r.title,
            text=r.text,
            content_hash=r.content_hash,
            url=r.url,
            published=r.published,
            language=r.language,
            removed=tuple(RemovedLine(x["line"], x["rule"]) for x in r.removed or ()),
            duplicate_of=r.duplicate_of,
        )

    def document_details(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """doc_id -> {title, url, published, duplicate_of, source, updated_at}: what a reader of an incident
        wants to know about each of its documents, without their text."""
        d = documents.c
        cols = (d.doc_id, d.title, d.url, d.published, d.duplicate_of, d.source, d.updated_at)
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(doc_ids):
                for r in conn.execute(sa.select(*cols).where(d.doc_id.in_(chunk))):
                    out[r.doc_id] = dict(r._mapping)
        return out

    def last_update(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(documents.c.updated_at))).scalar()

    def _write_redirects(self, conn: Connection, redirects: Mapping[str, str]) -> None:
        """Record merged ids; earlier redirects to a merged id follow it, and an id in use again is no
        redirect any more."""
        r = incident_redirects.c
        live = list(redirects.values())
        for chunk in _chunks(live):
            conn.execute(incident_redirects.delete().where(r.old_id.in_(chunk)))
        now = _now()
        for old, new in redirects.items():
            conn.execute(incident_redirects.update().where(r.incident_id == old).values(incident_id=new))
            conn.execute(incident_redirects.delete().where(r.old_id == old))
            conn.execute(incident_redirects.insert().values(old_id=old, incident_id=new, merged_at=now))


_LOCK_KEY = zlib.crc32(b"frontwatch writer")
_SCHEMA_LOCK_KEY = zlib.crc32(b"frontwatch schema")


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


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


def _storable(text: str) -> str:
    """PostgreSQL text cannot hold NUL; an error message quoting input may."""
    return text.replace("\x00", "")


def _chunks(items: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    """Bound IN lists: SQLite limits how many parameters one statement takes."""
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _narrowed(f: Filter) -> bool:
    """Whether a filter goes beyond the default view. Then one pass over the narrow facets table, sorting
    what matches, beats walking an index in order and fetching most rows; the indexed columns are wrapped
    in expressions so that no index is chosen (SQLite has no statistics to tell)."""
    return any((f.since, f.until, f.types, f.statuses, f.sides, f.geonameids, f.admin1s, f.countries)) or any(
        (f.place_asked, f.bbox, f.min_sources)
    )


def _shared_where(f: Filter, c: Any) -> list[Any]:
    """The filters that incidents' facets and event mentions answer with the same columns."""
    where: list[Any] = []
    for values, column in (
        (f.types, c.type), (f.statuses, c.status), (f.sides, c.actor_side), (f.geonameids, c.geonameid),
        (f.admin1s, c.admin1), (f.countries, c.country),
    ):  # fmt: skip
        if values:
            where.append(column.in_(values))
    if f.place_asked:
        where.append(
            sa.or_(sa.false(), c.geonameid.in_(f.place_ids), c.admin1.in_(f.place_admin1s))
            if f.place_ids or f.place_admin1s
            else sa.false()
        )
    return where


def _fill_facets(conn: Connection, written: Sequence[Incident] | None = None) -> None:
    """Write the facets of these incidents, or of every incident that has none (a store made before)."""
    f = incident_facets.c
    if written is None:
        have = conn.execute(sa.select(sa.func.count()).select_from(incident_facets)).scalar() or 0
        total = conn.execute(sa.select(sa.func.count()).select_from(incidents)).scalar() or 0
        if have >= total:
            return
        known = sa.select(f.incident_id)
        rows = conn.execute(sa.select(incidents.c.data).where(incidents.c.incident_id.not_in(known)))
        written = [incident_from_dict(r.data) for r in rows]
    if not written:
        return
    news: set[str] = set()
    e = events.c
    for chunk in _chunks([inc.incident_id for inc in written]):
        q = (
            sa.select(e.incident_id)
            .where(
                e.incident_id.in_(chunk),
                sa.func.coalesce(e.data["background"].as_boolean(), False) == sa.false(),
            )
            .distinct()
        )
        news.update(conn.execute(q).scalars())
    conn.execute(
        incident_facets.insert(),
        [
            {
                "incident_id": inc.incident_id,
                "day_start": inc.date.start if inc.date else "",
                "day_end": inc.date.end if inc.date else "",
                "type": inc.type,
                "status": inc.status,
                "actor_side": inc.actor_side,
                "geonameid": inc.place.geonameid if inc.place else None,
                "admin1": inc.place.admin1 if inc.place else None,
                "country": inc.place.country if inc.place else None,
                "place_name": inc.place.name if inc.place else None,
                "lat": inc.place.lat if inc.place else None,
                "lon": inc.place.lon if inc.place else None,
                "n_independent": inc.n_independent_sources,
                "background": inc.incident_id not in news,
            }
            for inc in written
        ],
    )


def _sqlite3_connect(uri: str) -> Any:
    import sqlite3

    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _sqlite_readonly_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cur.close()


def _place_row(idx: int, p: PlaceMention) -> dict[str, Any]:
    return {
        "doc_id": p.doc_id,
        "idx": idx,
        "mention": p.mention,
        "start": p.start,
        "end": p.end,
        "kind": p.place.kind if p.place else None,
        "geonameid": p.place.geonameid if p.place else None,
        "admin1": p.place.admin1 if p.place else None,
        "place": p.place.to_dict() if p.place else None,
    }


def _event_row(idx: int, e: EventMention) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "idx": idx,
        "type": e.type,
        "actor_side": e.actor.side,
        "status": e.status,
        "geonameid": e.place.geonameid if e.place else None,
        "admin1": e.place.admin1 if e.place else None,
        "country": e.place.country if e.place else None,
        "date_start": e.date.start if e.date else None,
        "date_end": e.date.end if e.date else None,
        "incident_id": e.incident_id,
        "data": json.loads(json.dumps(e.to_dict())),
    }


def event_from_dict(d: dict[str, Any], incident_id: str | None = None) -> EventMention:
    date = d.get("date")
    source = d.get("source")
    ev = d.get("evidence") or {}
    return EventMention(
        event_id=d["event_id"],
        doc_id=d["doc_id"],
        type=d["type"],
        actor=Party(**(d.get("actor") or {"name": None, "side": None})),
        place=Place.from_dict(d.get("place")),
        date=DateRange(**date) if date else None,
        status=d["status"],
        source=Party(**source) if source else None,
        quantities=dict(d.get("quantities") or {}),
        evidence=Evidence(ev.get("text", ""), ev.get("start", 0), ev.get("end", 0)),
        trigger=d.get("trigger", ""),
        background=bool(d.get("background")),
        incident_id=incident_id if incident_id is not None else d.get("incident_id"),
    )


def incident_from_dict(d: dict[str, Any]) -> Incident:
    date = d.get("date")
    return Incident(
        incident_id=d["incident_id"],
        type=d["type"],
        place=Place.from_dict(d.get("place")),
        date=DateRange(**date) if date else None,
        status=d["status"],
        n_reports=d["n_reports"],
        n_sources=d["n_sources"],
        n_independent_sources=d["n_independent_sources"],
        event_ids=tuple(d.get("event_ids") or ()),
        conflicts=tuple(
            Conflict(c["kind"], tuple(c.get("event_ids") or ()), c.get("detail", ""))
            for c in d.get("conflicts") or ()
        ),
        actor_side=d.get("actor_side"),
        n_documents=d.get("n_documents", 0),
        outlets=tuple(d.get("outlets") or ()),
    )
