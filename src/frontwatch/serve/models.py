"""The API's response shapes, for the OpenAPI document (responses are built as plain dicts)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

EventTypeName = Literal[
    "withdrawal", "capture", "advance", "attack", "evacuation", "annexation", "mobilization", "casualties"
]
IncidentStatusName = Literal["confirmed", "corroborated", "contested", "single-source"]
MentionStatusName = Literal["reported", "claimed", "unconfirmed", "denied", "planned"]


class Place(BaseModel):
    kind: Literal["settlement", "region", "country", "feature"]
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    population: int


class DateRange(BaseModel):
    start: str
    end: str
    precision: Literal["day", "week", "month", "year"]
    mention: str


class Party(BaseModel):
    name: str | None
    side: str | None


class Evidence(BaseModel):
    text: str
    start: int
    end: int


class Conflict(BaseModel):
    kind: str
    event_ids: list[str]
    detail: str


class Incident(BaseModel):
    incident_id: str
    type: EventTypeName
    place: Place | None
    date: DateRange | None
    status: IncidentStatusName
    n_reports: int
    n_sources: int
    n_independent_sources: int
    event_ids: list[str]
    conflicts: list[Conflict]
    actor_side: str | None
    n_documents: int
    outlets: list[str]
    background: bool = Field(description="Every report recalls it as context; none tells it as news.")


class IncidentPage(BaseModel):
    count: int = Field(description="How many incidents match the filters, over all pages.")
    rows: list[Incident]
    next: str | None = Field(description="The cursor of the next page; null on the last page.")
    next_url: str | None


class IncidentMap(BaseModel):
    count: int
    columns: list[str] = Field(description="What each row holds, in order.")
    rows: list[list[str | float | int | bool | None]]


class EventMention(BaseModel):
    event_id: str
    doc_id: str
    type: EventTypeName
    actor: Party
    place: Place | None
    date: DateRange | None
    status: MentionStatusName
    source: Party | None
    quantities: dict[str, float]
    evidence: Evidence
    trigger: str
    background: bool
    incident_id: str | None


class EventPage(BaseModel):
    count: int
    rows: list[EventMention]
    next: str | None
    next_url: str | None


class DocumentRef(BaseModel):
    title: str | None
    url: str | None
    published: str | None
    duplicate_of: str | None


class Report(EventMention):
    counted: bool = Field(description="False for a syndicated copy: shown, not counted as a source.")
    document: DocumentRef | None


class IncidentDetail(BaseModel):
    incident: Incident
    why: str = Field(description="Why the incident has its status, in words.")
    reports: list[Report]


class RemovedLine(BaseModel):
    line: str
    rule: str


class Document(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    language: str | None
    text: str
    duplicate_of: str | None
    url: str | None
    source: str
    removed: list[RemovedLine]


class TimelineReport(BaseModel):
    event_id: str
    doc_id: str
    published: str | None
    status: str
    source: Party | None
    date: str | None
    text: str


class ControlChange(BaseModel):
    place: Place
    date: DateRange | None
    before: str | None
    side: str | None
    change: Literal["withdrawal", "capture"]
    actor_side: str | None
    status: IncidentStatusName
    incident_id: str
    first_reported: str | None
    evidence: list[TimelineReport]


class PlaceTimeline(BaseModel):
    place: Place
    changes: list[ControlChange]


class Timeline(BaseModel):
    places: list[PlaceTimeline]


class Meta(BaseModel):
    version: str
    schema_version: int
    database: str
    counts: dict[str, int]
    last_update: str | None


class Problem(BaseModel):
    detail: str
