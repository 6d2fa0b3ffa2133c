"""Typed records that flow between the stages.

Each stage takes records from the one before and returns new ones; none of them touch the store.
`to_dict` gives the export form described in DESIGN.md ("Export contract").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

PlaceKind = Literal["settlement", "region", "country", "feature"]
EventType = Literal[
    "withdrawal", "capture", "advance", "attack", "evacuation", "annexation", "mobilization", "casualties"
]
MentionStatus = Literal["reported", "claimed", "unconfirmed", "denied", "planned"]
IncidentStatus = Literal["confirmed", "corroborated", "contested", "single-source"]
DatePrecision = Literal["day", "week", "month", "year"]
# Fusion compares events and incidents within one block: (event type, country, admin1).
BlockKey = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One input document as read from disk, before any cleaning."""

    doc_id: str
    source: str  # file path, or "path:line" for JSON Lines
    text: str | None = None  # plain-text body (title line included for .txt)
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"
    # The file an id made from a file name came from: another file with that id is a collision.
    id_origin: str | None = None
    warnings: tuple[str, ...] = ()  # problems that did not stop the reading (bytes replaced)


@dataclass(frozen=True, slots=True)
class IngestError:
    source: str
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class SkippedFile(IngestError):
    """A file in an input folder that is not read on purpose (another type): said, but not an error."""


@dataclass(frozen=True, slots=True)
class RemovedLine:
    line: str
    rule: str  # which rule family removed it, for audit


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document. All offsets in later records point into `text`."""

    doc_id: str
    source: str
    title: str | None
    text: str
    content_hash: str  # hash of the input (raw text or html), to detect changed documents
    url: str | None = None
    published: str | None = None
    language: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
            "url": self.url,
            "source": self.source,
            "removed": [asdict(r) for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Place:
    kind: PlaceKind
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    admin1: str | None  # GeoNames code with country prefix, e.g. "UA.07"
    country: str | None  # ISO 3166-1 alpha-2
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        # Spelled out rather than `asdict`, whose deep copies cost more than the rest of a store write.
        return {
            "kind": self.kind,
            "geonameid": self.geonameid,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "country": self.country,
            "population": self.population,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d:
            return None
        return cls(
            kind=d["kind"],
            geonameid=d.get("geonameid"),
            name=d["name"],
            lat=d.get("lat"),
            lon=d.get("lon"),
            admin1=d.get("admin1"),
            country=d.get("country"),
            population=d.get("population") or 0,
        )


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in a document's text; `place` is None when it could not be resolved."""

    doc_id: str
    mention: str
    start: int
    end: int
    place: Place | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "place": self.place.to_dict() if self.place else None,
        }


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or a speaker: a name as written and the ISO code of the state it belongs to."""

    name: str | None
    side: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "side": self.side}


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str  # ISO date
    end: str
    precision: DatePrecision
    mention: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision, "mention": self.mention}

    def days(self) -> int:
        """How many days the range spans, both ends counted."""
        return (date.fromisoformat(self.end) - date.fromisoformat(self.start)).days + 1


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class EventMention:
    event_id: str
    doc_id: str
    type: EventType
    actor: Party
    place: Place | None
    date: DateRange | None
    status: MentionStatus
    source: Party | None
    quantities: dict[str, float] = field(default_factory=dict)
    evidence: Evidence = field(default_factory=lambda: Evidence("", 0, 0))
    trigger: str = ""
    background: bool = False  # an earlier event recalled as context, not the news of the article
    incident_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "actor": self.actor.to_dict(),
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.to_dict() if self.date else None,
            "status": self.status,
            "source": self.source.to_dict() if self.source else None,
            "quantities": dict(self.quantities),
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger,
            "background": self.background,
            "incident_id": self.incident_id,
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # e.g. "claimed-vs-denied", "confirmed-vs-unconfirmed", "quantity"
    event_ids: tuple[str, ...]
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "event_ids": list(self.event_ids), "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Incident:
    incident_id: str
    type: EventType
    place: Place | None
    date: DateRange | None
    status: IncidentStatus
    n_reports: int
    n_sources: int
    n_independent_sources: int
    event_ids: tuple[str, ...]
    conflicts: tuple[Conflict, ...] = ()
    actor_side: str | None = None
    n_documents: int = 0
    outlets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "type": self.type,
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.to_dict() if self.date else None,
            "status": self.status,
            "n_reports": self.n_reports,
            "n_sources": self.n_sources,
            "n_independent_sources": self.n_independent_sources,
            "event_ids": list(self.event_ids),
            "conflicts": [c.to_dict() for c in self.conflicts],
            "actor_side": self.actor_side,
            "n_documents": self.n_documents,
            "outlets": list(self.outlets),
        }
