"""Documents with their mentions: written whole by a run, read back by the next one to skip or redo them.

Each document is written with its place and event mentions in one transaction, so a run killed half-way
leaves whole documents only, and the next run picks up the rest by content hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from frontwatch.records import Document, EventMention, IngestError, Place, PlaceMention
from frontwatch.store.engine import StoreBase
from frontwatch.store.rows import (
    document_from_row,
    document_row,
    event_from_dict,
    event_row,
    now,
    place_row,
    storable,
)
from frontwatch.store.schema import documents, errors, events, meta, metadata, place_mentions


@dataclass(frozen=True, slots=True)
class StoredState:
    """What a run needs to know of a stored document to decide whether to analyse it again."""

    content_hash: str
    stage_versions: dict[str, str] | None
    id_origin: str | None
    source: str
    published: str | None


class DocumentStore(StoreBase):
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
        return document_from_row(r), r.signature, places

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
                    document_row(
                        doc,
                        pipeline_version=pipeline_version,
                        signature=signature,
                        seq=seq,
                        updated_at=now(),
                        stage_versions=stage_versions,
                        id_origin=id_origin,
                        fused=False,
                    )
                )
            )
            if places:
                conn.execute(place_mentions.insert(), [place_row(i, p) for i, p in enumerate(places)])
            if event_mentions:
                conn.execute(events.insert(), [event_row(i, e) for i, e in enumerate(event_mentions)])

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
                yield document_from_row(r)

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
        err = IngestError(storable(err.source), storable(err.reason), err.doc_id and storable(err.doc_id))
        seen = now()
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
                        first_seen=seen,
                        last_seen=seen,
                        count=1,
                    )
                )
            else:
                conn.execute(
                    errors.update()
                    .where(errors.c.id == row.id)
                    .values(last_seen=seen, count=errors.c.count + 1)
                )

    def errors(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(sa.select(errors).order_by(errors.c.id))]
