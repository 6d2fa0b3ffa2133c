"""What fusion reads and writes: incidents by block, their members, the ids that merged, and the facets
readers filter incidents by (kept in the same transaction as the incidents)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from frontwatch.records import BlockKey, EventMention, Incident
from frontwatch.store.engine import StoreBase, chunks
from frontwatch.store.rows import event_from_dict, facet_row, incident_from_dict, incident_row, now
from frontwatch.store.schema import (
    documents,
    events,
    incident_facets,
    incident_members,
    incident_redirects,
    incidents,
)


class FusionStore(StoreBase):
    def incidents(self) -> Iterator[Incident]:
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(incidents.c.data).order_by(incidents.c.incident_id)):
                yield incident_from_dict(r.data)

    def document_meta(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """doc_id -> {published, duplicate_of, url} for the given documents."""
        cols = (documents.c.doc_id, documents.c.published, documents.c.duplicate_of, documents.c.url)
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(doc_ids):
                for r in conn.execute(sa.select(*cols).where(documents.c.doc_id.in_(chunk))):
                    out[r.doc_id] = {"published": r.published, "duplicate_of": r.duplicate_of, "url": r.url}
        return out

    def memberships(self, doc_ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """(event_id, incident_id, doc_id) of the incident memberships recorded for these documents."""
        out: list[tuple[str, str, str]] = []
        m = incident_members.c
        with self.engine.connect() as conn:
            for chunk in chunks(doc_ids):
                q = sa.select(m.event_id, m.incident_id, m.doc_id).where(m.doc_id.in_(chunk))
                out += [(r.event_id, r.incident_id, r.doc_id) for r in conn.execute(q)]
        return out

    def incident_events(self, incident_ids: Iterable[str]) -> dict[str, list[EventMention]]:
        """incident_id -> its member events as stored (members whose event is gone are left out)."""
        m = incident_members.c
        out: dict[str, list[EventMention]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(incident_ids):
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
            for chunk in chunks(stale_docs):
                conn.execute(incident_members.delete().where(m.doc_id.in_(chunk)))
                # Fused in the same transaction as the incidents: a crash leaves them unfused, never both.
                conn.execute(documents.update().where(documents.c.doc_id.in_(chunk)).values(fused=True))
            for chunk in chunks(removed):
                conn.execute(incident_members.delete().where(m.incident_id.in_(chunk)))
                conn.execute(incidents.delete().where(incidents.c.incident_id.in_(chunk)))
                conn.execute(incident_facets.delete().where(incident_facets.c.incident_id.in_(chunk)))
            if redirects:
                self._write_redirects(conn, redirects)
            if not new:
                return
            conn.execute(incidents.insert(), [incident_row(inc, start, end) for inc, start, end, _ in new])
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
            fill_facets(conn, [inc for inc, _, _, _ in new])

    def taken_incident_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these ids name an incident or a redirect already."""
        out: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                out.update(
                    conn.execute(
                        sa.select(incidents.c.incident_id).where(incidents.c.incident_id.in_(chunk))
                    ).scalars()
                )
                r = incident_redirects.c
                out.update(conn.execute(sa.select(r.old_id).where(r.old_id.in_(chunk))).scalars())
        return out

    def _write_redirects(self, conn: Connection, redirects: Mapping[str, str]) -> None:
        """Record merged ids; earlier redirects to a merged id follow it, and an id in use again is no
        redirect any more."""
        r = incident_redirects.c
        live = list(redirects.values())
        for chunk in chunks(live):
            conn.execute(incident_redirects.delete().where(r.old_id.in_(chunk)))
        merged_at = now()
        for old, new in redirects.items():
            conn.execute(incident_redirects.update().where(r.incident_id == old).values(incident_id=new))
            conn.execute(incident_redirects.delete().where(r.old_id == old))
            conn.execute(incident_redirects.insert().values(old_id=old, incident_id=new, merged_at=merged_at))


def fill_facets(conn: Connection, written: Sequence[Incident] | None = None) -> None:
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
    for chunk in chunks([inc.incident_id for inc in written]):
        q = (
            sa.select(e.incident_id)
            .where(
                e.incident_id.in_(chunk),
                sa.func.coalesce(e.data["background"].as_boolean(), False) == sa.false(),
            )
            .distinct()
        )
        news.update(conn.execute(q).scalars())
    conn.execute(incident_facets.insert(), [facet_row(inc, inc.incident_id not in news) for inc in written])
