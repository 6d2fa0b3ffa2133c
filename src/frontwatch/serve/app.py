"""The analyst workspace over HTTP: a read-only JSON API under /api/v1, its exports and the page at /.

Every route is a GET; the store is opened read-only. Lists take the same filters in every format and page
by keyset (`cursor` from the previous page's `next`). Text from articles is data: the page renders it with
textContent, and the Content-Security-Policy allows scripts and styles from this origin only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from frontwatch import __version__
from frontwatch.export import formats as fmt
from frontwatch.export import tables
from frontwatch.serve import models
from frontwatch.serve.evidence import incident_detail
from frontwatch.store import Filter, Store

STATIC = FilePath(__file__).parent / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
BBOX = r"^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$"


class SecurityHeaders:
    """Adds the page's Content-Security-Policy and related headers to every response."""

    def __init__(self, app: Any, allowed_hosts: Sequence[str] | None) -> None:
        self.app = app
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None and _host(scope) not in self.allowed_hosts:
            # A page on another site could point a hostname at 127.0.0.1 (DNS rebinding): refuse it.
            await Response("unknown host", status_code=400, media_type="text/plain")(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _host(scope: dict) -> str:
    for k, v in scope.get("headers", []):
        if k == b"host":
            host = v.decode("latin-1").lower()
            if host.startswith("["):
                return host[1 : host.find("]")]
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


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


def _filter(
    since: date | None,
    until: date | None,
    types: list[str] | None,
    statuses: list[str] | None,
    side: list[str] | None,
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
    box = tuple(float(x) for x in bbox.split(",")) if bbox else None
    return Filter(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        types=tuple(types or ()),
        statuses=tuple(statuses or ()),
        sides=tuple(s.upper() for s in side or ()),
        geonameids=(geonameid,) if geonameid is not None else (),
        admin1s=(admin1,) if admin1 else (),
        countries=(country.upper(),) if country else (),
        bbox=box,  # type: ignore[arg-type]
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


def _next_url(request: Request, cursor: str) -> str:
    return str(request.url.include_query_params(cursor=cursor))


def _page_response(body: dict[str, Any], request: Request) -> JSONResponse:
    headers = {"Link": f'<{body["next_url"]}>; rel="next"'} if body["next_url"] else None
    return JSONResponse(body, headers=headers)


def _download(pieces: Iterator[str] | bytes, kind: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}.{kind}"'}
    if isinstance(pieces, bytes):
        return Response(pieces, media_type=MEDIA[kind], headers=headers)
    return StreamingResponse(pieces, media_type=MEDIA[kind], headers=headers)


def _format_responses(kind: str) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {200: {"content": {MEDIA[kind].split(";")[0]: {}}}}
    if kind == "parquet":
        out[501] = {"model": models.Problem, "description": "pyarrow is not installed"}
    return out


def create_app(store: Store, *, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The application over an open store. `allowed_hosts` limits the Host header (None: any)."""
    app = FastAPI(
        title="frontwatch",
        version=__version__,
        summary="A sourced, geocoded, deduplicated record of events from news articles; read-only.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store

    # -- incidents ------------------------------------------------------------------------------

    def incident_page(request: Request, f: Filter, cursor: str | None, limit: int) -> JSONResponse:
        if cursor:
            after = tuple(cursor.split("~", 1))
            rows = store.query_incidents(f, after, limit + 1)  # type: ignore[arg-type]
            count = store.count_incidents(f)
        else:
            rows, count = store.first_incidents(f, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = "~".join(rows[-1].key) if more else None
        body = {
            "count": count,
            "rows": [{**r.incident.to_dict(), "background": r.background} for r in rows],
            "next": nxt,
            "next_url": _next_url(request, nxt) if nxt else None,
        }
        return _page_response(body, request)

    @app.get("/api/v1/incidents", response_model=None, responses={200: {"model": models.IncidentPage}})
    @app.get("/api/v1/incidents.json", response_model=None, responses={200: {"model": models.IncidentPage}})
    def list_incidents(
        request: Request,
        f: Annotated[Filter, Depends(incident_filter)],
        cursor: IncidentCursor = None,
        limit: Limit = 100,
    ) -> JSONResponse:
        """Incidents (one row per real-world event), in date order, a page at a time."""
        return incident_page(request, f, cursor, limit)

    def incident_export(kind: str) -> Callable[..., Response]:
        def handler(f: Annotated[Filter, Depends(incident_filter)]) -> Response:
            pages = tables.incident_pages(store, f)
            if kind == "jsonl":
                return _download(
                    fmt.jsonl_text(
                        [{**r.incident.to_dict(), "background": r.background} for r in b] for b in pages
                    ),
                    kind,
                    "incidents",
                )
            if kind == "geojson":
                return _download(
                    fmt.geojson_text(
                        [fmt.incident_feature(r.incident, r.background) for r in b] for b in pages
                    ),
                    kind,
                    "incidents",
                )
            rows = (tables.incident_rows(store, b) for b in pages)
            if kind == "csv":
                return _download(fmt.csv_text(tables.INCIDENT_COLUMNS, rows), kind, "incidents")
            try:
                return _download(fmt.parquet_bytes(tables.INCIDENT_COLUMNS, rows), kind, "incidents")
            except fmt.ParquetUnavailable as exc:
                return JSONResponse({"detail": str(exc)}, status_code=501)

        handler.__doc__ = f"Every incident that matches the filters, as {kind.upper()} (no paging)."
        handler.__name__ = f"incidents_{kind}"
        return handler

    for kind in ("csv", "geojson", "jsonl", "parquet"):
        app.get(
            f"/api/v1/incidents.{kind}",
            response_class=Response,
            responses=_format_responses(kind),
            name=f"incidents_{kind}",
        )(incident_export(kind))

    @app.get("/api/v1/map/incidents", response_model=None, responses={200: {"model": models.IncidentMap}})
    def incident_map(f: Annotated[Filter, Depends(incident_filter)]) -> Response:
        """Every matching incident as a short row (id, type, status, dates, place, coordinates, independent
        sources, side, background), all at once: what the page draws its map, list and histogram from."""
        rows = store.incident_map(f)
        body = {"count": len(rows), "columns": list(store.MAP_COLUMNS), "rows": rows}
        return Response(
            json.dumps(body, ensure_ascii=False, separators=(",", ":")), media_type="application/json"
        )

    @app.get(
        "/api/v1/incidents/{incident_id}",
        response_model=None,
        responses={
            200: {"model": models.IncidentDetail},
            308: {"description": "The incident merged into another; Location names it."},
            404: {"model": models.Problem},
        },
    )
    def get_incident(incident_id: Annotated[str, Path(max_length=64)]) -> Response:
        """One incident with every report behind it: who says what, how sure, where in which document."""
        inc = store.incident(incident_id)
        if inc is None:
            merged = store.incident_redirect(incident_id)
            if merged is not None:
                return RedirectResponse(f"/api/v1/incidents/{quote(merged, safe='')}", status_code=308)
            raise HTTPException(404, f"no incident {incident_id}")
        return JSONResponse(incident_detail(store, inc))

    # -- events ---------------------------------------------------------------------------------

    def event_page(request: Request, f: Filter, cursor: str | None, limit: int) -> JSONResponse:
        rows = store.query_events(f, cursor, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = rows[-1].event_id if more else None
        body = {
            "count": store.count_events(f),
            "rows": [e.to_dict() for e in rows],
            "next": nxt,
            "next_url": _next_url(request, nxt) if nxt else None,
        }
        return _page_response(body, request)

    @app.get("/api/v1/events", response_model=None, responses={200: {"model": models.EventPage}})
    @app.get("/api/v1/events.json", response_model=None, responses={200: {"model": models.EventPage}})
    def list_events(
        request: Request,
        f: Annotated[Filter, Depends(event_filter)],
        cursor: EventCursor = None,
        limit: Limit = 100,
    ) -> JSONResponse:
        """Event mentions (one per report of an event), in id order, a page at a time."""
        return event_page(request, f, cursor, limit)

    def event_export(kind: str) -> Callable[..., Response]:
        def handler(f: Annotated[Filter, Depends(event_filter)]) -> Response:
            pages = tables.event_pages(store, f)
            if kind == "jsonl":
                return _download(fmt.jsonl_text([e.to_dict() for e in b] for b in pages), kind, "events")
            rows = ([tables.event_row(e) for e in b] for b in pages)
            if kind == "geojson":
                features = (
                    [fmt.point_feature(r["event_id"], r["latitude"], r["longitude"], r) for r in b]
                    for b in rows
                )
                return _download(fmt.geojson_text(features), kind, "events")
            if kind == "csv":
                return _download(fmt.csv_text(tables.EVENT_COLUMNS, rows), kind, "events")
            try:
                return _download(fmt.parquet_bytes(tables.EVENT_COLUMNS, rows), kind, "events")
            except fmt.ParquetUnavailable as exc:
                return JSONResponse({"detail": str(exc)}, status_code=501)

        handler.__doc__ = f"Every event mention that matches the filters, as {kind.upper()} (no paging)."
        handler.__name__ = f"events_{kind}"
        return handler

    for kind in ("csv", "geojson", "jsonl", "parquet"):
        app.get(
            f"/api/v1/events.{kind}",
            response_class=Response,
            responses=_format_responses(kind),
            name=f"events_{kind}",
        )(event_export(kind))

    # -- documents, places, meta ----------------------------------------------------------------

    @app.get(
        "/api/v1/documents/{doc_id:path}",
        response_model=None,
        responses={200: {"model": models.Document}, 404: {"model": models.Problem}},
    )
    def get_document(doc_id: Annotated[str, Path(max_length=255)]) -> JSONResponse:
        """A document's cleaned text (evidence offsets point into it) and the lines cleaning removed."""
        doc = store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        return JSONResponse(doc.to_dict())

    def timeline_of(places: Sequence[Any]) -> JSONResponse:
        from frontwatch.fuse import timeline

        out = []
        seen = set()
        for p in places:
            key = timeline.place_key(p)
            if key in seen:
                continue
            seen.add(key)
            changes = timeline.for_place(store, p)
            if changes:
                out.append({"place": p.to_dict(), "changes": [c.to_dict() for c in changes]})
        return JSONResponse({"places": out})

    @app.get(
        "/api/v1/places/{geonameid}/timeline",
        response_model=None,
        responses={200: {"model": models.Timeline}},
    )
    def place_timeline(geonameid: Annotated[int, Path(ge=0, le=2**40)]) -> JSONResponse:
        """Who held a place over time, according to whom: its withdrawals and captures."""
        from frontwatch.fuse.timeline import CONTROL_TYPES

        found = store.find_incidents(types=CONTROL_TYPES, geonameid=geonameid)
        return timeline_of([i.place for i in found if i.place][:1])

    @app.get("/api/v1/timeline", response_model=None, responses={200: {"model": models.Timeline}})
    def timeline_by_name(
        place: Annotated[str, Query(min_length=1, max_length=200, description="A place in any spelling.")],
    ) -> JSONResponse:
        """The control timeline of every place a name may mean (Izyum, Izium and Ізюм are one town)."""
        from frontwatch.fuse.timeline import CONTROL_TYPES
        from frontwatch.places import gazetteer

        ids, regions = resolve_place(place.strip())
        places = []
        for gid in ids:
            places += [i.place for i in store.find_incidents(types=CONTROL_TYPES, geonameid=gid) if i.place][
                :1
            ]
        for code in regions:
            region = gazetteer.region_for_admin1(code)
            if region is not None:
                places.append(region)
        return timeline_of(places)

    @app.get("/api/v1/meta", response_model=models.Meta)
    def meta() -> dict[str, Any]:
        """The store's version, counts and last update."""
        return {
            "version": __version__,
            "schema_version": store.schema_version(),
            "database": store.engine.dialect.name,
            "counts": {t: store.count(t) for t in ("documents", "events", "incidents", "errors")},
            "last_update": store.last_update(),
        }

    # -- the page and the API docs --------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    @app.get("/geo/places.json", include_in_schema=False)
    def place_names() -> Response:
        from frontwatch.serve.labels import place_labels

        return Response(place_labels(), media_type="application/json")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    return app
