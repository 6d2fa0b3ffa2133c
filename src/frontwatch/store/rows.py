"""Records to table rows and back: what the store writes for each record, and the record a row reads as."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Row

from frontwatch.records import (
    Conflict,
    DateRange,
    Document,
    EventMention,
    Evidence,
    Incident,
    Party,
    Place,
    PlaceMention,
    RemovedLine,
)

AnyRow = Row[*tuple[Any, ...]]


def now() -> str:
    """The time a row is written, as the store keeps it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def storable(text: str) -> str:
    """PostgreSQL text cannot hold NUL; an error message quoting input may."""
    return text.replace("\x00", "")


def _as_json(data: dict[str, Any]) -> Any:
    # a plain JSON value, as the column hands it back
    return json.loads(json.dumps(data))


def document_from_row(r: AnyRow) -> Document:
    """The document of a row of the documents table."""
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


def document_row(doc: Document, **stored: Any) -> dict[str, Any]:
    """A document's row; `stored` adds what the store keeps beside the record (signature, versions, ...)."""
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "language": doc.language,
        "text": doc.text,
        "content_hash": doc.content_hash,
        "removed": [{"line": r.line, "rule": r.rule} for r in doc.removed],
        "duplicate_of": doc.duplicate_of,
        **stored,
    }


def _where(place: Place | None) -> dict[str, Any]:
    """The place columns that blocking and the filters read."""
    return {
        "geonameid": place.geonameid if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
    }


def place_row(idx: int, p: PlaceMention) -> dict[str, Any]:
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


def event_row(idx: int, e: EventMention) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "idx": idx,
        "type": e.type,
        "actor_side": e.actor.side,
        "status": e.status,
        **_where(e.place),
        "date_start": e.date.start if e.date else None,
        "date_end": e.date.end if e.date else None,
        "incident_id": e.incident_id,
        "data": _as_json(e.to_dict()),
    }


def incident_row(inc: Incident, start: str | None, end: str | None) -> dict[str, Any]:
    """An incident's row; `start` and `end` are the dates its events cover, which fusion looks up by."""
    return {
        "incident_id": inc.incident_id,
        "type": inc.type,
        "status": inc.status,
        **_where(inc.place),
        "date_start": start,
        "date_end": end,
        "data": _as_json(inc.to_dict()),
    }


def facet_row(inc: Incident, background: bool) -> dict[str, Any]:
    return {
        "incident_id": inc.incident_id,
        "day_start": inc.date.start if inc.date else "",
        "day_end": inc.date.end if inc.date else "",
        "type": inc.type,
        "status": inc.status,
        "actor_side": inc.actor_side,
        **_where(inc.place),
        "place_name": inc.place.name if inc.place else None,
        "lat": inc.place.lat if inc.place else None,
        "lon": inc.place.lon if inc.place else None,
        "n_independent": inc.n_independent_sources,
        "background": background,
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
