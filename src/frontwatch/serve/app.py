"""The analyst workspace over HTTP: a read-only JSON API under /api/v1, its exports and the page at /.

Every route is a GET; the store is opened read-only. Lists take the same filters in every format and page
by keyset (`cursor` from the previous page's `next`). Text from articles is data: the page renders it with
textContent, and the Content-Security-Policy allows scripts and styles from this origin only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from frontwatch import __version__
from frontwatch.export import formats as fmt
from frontwatch.export import tables
from frontwatch.records import Place
from frontwatch.serve import models
from frontwatch.serve.evidence import incident_detail
from frontwatch.serve.filters import (
    EventCursor,
    IncidentCursor,
    Limit,
    event_filter,
    incident_after,
    incident_filter,
    resolve_place,
)
from frontwatch.serve.responses import download, format_responses, next_url, page_response
from frontwatch.serve.security import SecurityHeaders
from frontwatch.store import Filter, Store

STATIC = FilePath(__file__).parent / "static"


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
            rows = store.query_incidents(f, incident_after(cursor), limit + 1)
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
            "next_url": next_url(request, nxt) if nxt else None,
        }
        return page_response(body)

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
                return download(
                    fmt.jsonl_text(
                        [{**r.incident.to_dict(), "background": r.background} for r in b] for b in pages
                    ),
                    kind,
                    "incidents",
                )
            if kind == "geojson":
                return download(
                    fmt.geojson_text(
                        [fmt.incident_feature(r.incident, r.background) for r in b] for b in pages
                    ),
                    kind,
                    "incidents",
                )
            rows = (tables.incident_rows(store, b) for b in pages)
            if kind == "csv":
                return download(fmt.csv_text(tables.INCIDENT_COLUMNS, rows), kind, "incidents")
            try:
                return download(fmt.parquet_bytes(tables.INCIDENT_COLUMNS, rows), kind, "incidents")
            except fmt.ParquetUnavailable as exc:
                return JSONResponse({"detail": str(exc)}, status_code=501)

        handler.__doc__ = f"Every incident that matches the filters, as {kind.upper()} (no paging)."
        handler.__name__ = f"incidents_{kind}"
        return handler

    for kind in ("csv", "geojson", "jsonl", "parquet"):
        app.get(
            f"/api/v1/incidents.{kind}",
            response_class=Response,
            responses=format_responses(kind),
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
            "next_url": next_url(request, nxt) if nxt else None,
        }
        return page_response(body)

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
                return download(fmt.jsonl_text([e.to_dict() for e in b] for b in pages), kind, "events")
            rows = ([tables.event_row(e) for e in b] for b in pages)
            if kind == "geojson":
                features = (
                    [fmt.point_feature(r["event_id"], r["latitude"], r["longitude"], r) for r in b]
                    for b in rows
                )
                return download(fmt.geojson_text(features), kind, "events")
            if kind == "csv":
                return download(fmt.csv_text(tables.EVENT_COLUMNS, rows), kind, "events")
            try:
                return download(fmt.parquet_bytes(tables.EVENT_COLUMNS, rows), kind, "events")
            except fmt.ParquetUnavailable as exc:
                return JSONResponse({"detail": str(exc)}, status_code=501)

        handler.__doc__ = f"Every event mention that matches the filters, as {kind.upper()} (no paging)."
        handler.__name__ = f"events_{kind}"
        return handler

    for kind in ("csv", "geojson", "jsonl", "parquet"):
        app.get(
            f"/api/v1/events.{kind}",
            response_class=Response,
            responses=format_responses(kind),
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

    def timeline_of(places: Sequence[Place]) -> JSONResponse:
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
