"""What readers ask of the store: the API's, the workspace's and the exports' filtered pages and counts,
and single incidents, events and documents by id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa

from frontwatch.records import Document, EventMention, Incident
from frontwatch.store.engine import StoreBase, chunks
from frontwatch.store.rows import document_from_row, event_from_dict, incident_from_dict
from frontwatch.store.schema import documents, events, incident_facets, incident_redirects, incidents


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


class QueryStore(StoreBase):
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
        ids = sa.select(c.incident_id, c.background, c.day_start, total.label("total"))
        ids = ids.where(*self._incident_where(f))
        if after is not None:
            ids = ids.where(sa.or_(day > after[0], sa.and_(day == after[0], c.incident_id > after[1])))
        page = ids.order_by(day, c.incident_id).limit(limit).subquery()
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
        return document_from_row(r)

    def document_details(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """doc_id -> {title, url, published, duplicate_of, source, updated_at}: what a reader of an incident
        wants to know about each of its documents, without their text."""
        d = documents.c
        cols = (d.doc_id, d.title, d.url, d.published, d.duplicate_of, d.source, d.updated_at)
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(doc_ids):
                for r in conn.execute(sa.select(*cols).where(d.doc_id.in_(chunk))):
                    out[r.doc_id] = dict(r._mapping)
        return out

    def last_update(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(documents.c.updated_at))).scalar()

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
            for chunk in chunks(event_ids):
                q = sa.select(events.c.data, events.c.incident_id).where(events.c.event_id.in_(chunk))
                for r in conn.execute(q):
                    e = event_from_dict(r.data, r.incident_id)
                    out[e.event_id] = e
        return out
