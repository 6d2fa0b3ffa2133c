"""The query parameters every list and export takes, and the store `Filter` they make."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Annotated

from fastapi import Query

from frontwatch.serve import models
from frontwatch.store import Filter

BBOX = r"^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$"


@lru_cache(maxsize=1024)
def resolve_place(name: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """What a place name may mean, in any spelling the gazetteer knows: (GeoNames ids, region codes)."""
    from frontwatch.places import gazetteer

    g = gazetteer.load()
    kinds = ("settlement", "feature", "region")
    found = g.lookup(name, kinds=kinds) or g.lookup(name, fuzzy=True, kinds=kinds)
    ids = tuple(sorted({p.geonameid for p in found if p.kind != "region" and p.geonameid is not None}))
    regions = tuple(sorted({p.admin1 for p in found if p.kind == "region" and p.admin1}))
    return ids, regions


def _bbox(value: str) -> tuple[float, float, float, float]:
    """west,south,east,north; BBOX has already checked there are four numbers."""
    west, south, east, north = (float(x) for x in value.split(","))
    return west, south, east, north


def _filter(
    since: date | None,
    until: date | None,
    types: Sequence[str] | None,
    statuses: Sequence[str] | None,
    side: Sequence[str] | None,
    place: str | None,
    geonameid: int | None,
    admin1: str | None,
    country: str | None,
    bbox: str | None,
    min_sources: int | None,
    include_background: bool,
) -> Filter:
    ids: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()
    if place and place.strip():
        ids, regions = resolve_place(place.strip())
    return Filter(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        types=tuple(types or ()),
        statuses=tuple(statuses or ()),
        sides=tuple(s.upper() for s in side or ()),
        geonameids=(geonameid,) if geonameid is not None else (),
        admin1s=(admin1,) if admin1 else (),
        countries=(country.upper(),) if country else (),
        bbox=_bbox(bbox) if bbox else None,
        min_sources=min_sources,
        include_background=include_background,
        place_ids=ids,
        place_admin1s=regions,
        place_asked=bool(place and place.strip()),
    )


Since = Annotated[
    date | None, Query(description="Only what reaches this day or later (overlap with its dates).")
]
Until = Annotated[date | None, Query(description="Only what starts on this day or earlier.")]
Side = Annotated[
    list[str] | None, Query(description="Acting side, ISO 3166 code (RU, UA…); repeat for several.")
]
PlaceName = Annotated[
    str | None,
    Query(
        max_length=200, description="A place in any spelling (Izyum, Izium, Ізюм); regions match all inside."
    ),
]
GeonameId = Annotated[int | None, Query(ge=0, le=2**40, description="A GeoNames id.")]
Admin1 = Annotated[str | None, Query(max_length=16, description="A GeoNames admin1 code, e.g. UA.07.")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")]
Bbox = Annotated[str | None, Query(pattern=BBOX, description="west,south,east,north in degrees.")]
MinSources = Annotated[
    int | None, Query(ge=0, le=10_000, description="At least this many independent sources.")
]
Background = Annotated[bool, Query(description="Also events recalled as context (hidden by default).")]


def incident_filter(
    since: Since = None,
    until: Until = None,
    type: Annotated[list[models.EventTypeName] | None, Query(description="Event type; repeatable.")] = None,
    status: Annotated[
        list[models.IncidentStatusName] | None, Query(description="Incident status; repeatable.")
    ] = None,
    side: Side = None,
    place: PlaceName = None,
    geonameid: GeonameId = None,
    admin1: Admin1 = None,
    country: Country = None,
    bbox: Bbox = None,
    min_sources: MinSources = None,
    include_background: Background = False,
) -> Filter:
    return _filter(
        since,
        until,
        type,
        status,
        side,
        place,
        geonameid,
        admin1,
        country,
        bbox,
        min_sources,
        include_background,
    )


def event_filter(
    since: Since = None,
    until: Until = None,
    type: Annotated[list[models.EventTypeName] | None, Query(description="Event type; repeatable.")] = None,
    status: Annotated[
        list[models.MentionStatusName] | None, Query(description="Mention status; repeatable.")
    ] = None,
    side: Side = None,
    place: PlaceName = None,
    geonameid: GeonameId = None,
    admin1: Admin1 = None,
    country: Country = None,
    bbox: Bbox = None,
    include_background: Background = False,
) -> Filter:
    return _filter(
        since, until, type, status, side, place, geonameid, admin1, country, bbox, None, include_background
    )


Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
IncidentCursor = Annotated[
    str | None,
    Query(pattern=r"^[0-9-]{0,10}~[^~]{1,64}$", description="The `next` of the previous page."),
]
EventCursor = Annotated[str | None, Query(max_length=300, description="The `next` of the previous page.")]


def incident_after(cursor: str) -> tuple[str, str]:
    """The keyset an incident cursor names: (day_start or "", incident_id); IncidentCursor checked it."""
    day, incident_id = cursor.split("~", 1)
    return day, incident_id
