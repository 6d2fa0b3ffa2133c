"""How lists and exports answer: a page with its `next` link, or a whole download in one format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from frontwatch.serve import models

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


def next_url(request: Request, cursor: str) -> str:
    return str(request.url.include_query_params(cursor=cursor))


def page_response(body: dict[str, Any]) -> JSONResponse:
    headers = {"Link": f'<{body["next_url"]}>; rel="next"'} if body["next_url"] else None
    return JSONResponse(body, headers=headers)


def download(pieces: Iterator[str] | bytes, kind: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}.{kind}"'}
    if isinstance(pieces, bytes):
        return Response(pieces, media_type=MEDIA[kind], headers=headers)
    return StreamingResponse(pieces, media_type=MEDIA[kind], headers=headers)


def format_responses(kind: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI description of a download: its media type, and 501 where Parquet may be missing."""
    out: dict[int | str, dict[str, Any]] = {200: {"content": {MEDIA[kind].split(";")[0]: {}}}}
    if kind == "parquet":
        out[501] = {"model": models.Problem, "description": "pyarrow is not installed"}
    return out
