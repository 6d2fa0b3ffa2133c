"""Writers shared by `frontwatch export` and the HTTP API: CSV, GeoJSON, JSON Lines and Parquet.

Each writer takes rows as they come and yields text in pieces, so that a large export streams instead of
being built in memory. GeoJSON follows RFC 7946: longitude first, WGS 84, no `crs` member.
"""

from __future__ import annotations

import csv
import io
import json
import struct
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from frontwatch.records import Incident

FORMATS = ("jsonl", "csv", "geojson", "parquet")


class ParquetUnavailable(RuntimeError):
    def __init__(self) -> None:
        super().__init__("Parquet needs pyarrow: install frontwatch[parquet]")


def csv_text(columns: Sequence[str], batches: Iterable[Iterable[dict[str, Any]]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for rows in batches:
        writer.writerows(rows)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def jsonl_text(batches: Iterable[Iterable[dict[str, Any]]]) -> Iterator[str]:
    for rows in batches:
        yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def incident_feature(inc: Incident, background: bool) -> dict[str, Any]:
    """An incident as a GeoJSON feature: a point where its place has coordinates, else no geometry."""
    p = inc.place
    geometry = None
    if p is not None and p.lat is not None and p.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(p.lon, 5), round(p.lat, 5)]}
    props = inc.to_dict()
    props["background"] = background
    return {"type": "Feature", "id": inc.incident_id, "geometry": geometry, "properties": props}


def point_feature(fid: str, lat: Any, lon: Any, props: dict[str, Any]) -> dict[str, Any]:
    geometry = None
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        geometry = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": props}


def geojson_text(batches: Iterable[Iterable[dict[str, Any]]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    first = True
    for features in batches:
        parts = [json.dumps(f, ensure_ascii=False) for f in features]
        if parts:
            yield ("" if first else ",") + ",".join(parts)
            first = False
    yield "]}\n"


def parquet_bytes(columns: Sequence[str], batches: Iterable[Iterable[dict[str, Any]]]) -> bytes:
    """A Parquet file (GeoParquet: a WKB point column `geometry` where latitude and longitude are known)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:
        raise ParquetUnavailable() from exc
    rows = [r for batch in batches for r in batch]
    data: dict[str, list[Any]] = {}
    for col in columns:
        values = [r.get(col, "") for r in rows]
        data[col] = [None if v == "" else v for v in values]
    types = {col: _arrow_type(pa, data[col]) for col in columns}
    geometry = [
        struct.pack("<BIdd", 1, 1, float(r["longitude"]), float(r["latitude"]))
        if isinstance(r.get("latitude"), int | float) and isinstance(r.get("longitude"), int | float)
        else None
        for r in rows
    ]
    arrays = [
        pa.array(
            data[c] if types[c] != pa.string() else [None if v is None else str(v) for v in data[c]],
            type=types[c],
        )
        for c in columns
    ]
    names = list(columns)
    metadata = None
    if "latitude" in columns:
        arrays.append(pa.array(geometry, type=pa.binary()))
        names.append("geometry")
        geo = {
            "version": "1.1.0",
            "primary_column": "geometry",
            "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}},
        }
        metadata = {b"geo": json.dumps(geo).encode()}
    table = pa.Table.from_arrays(arrays, names=names).replace_schema_metadata(metadata)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def _arrow_type(pa: Any, values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pa.bool_()
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pa.int64()
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return pa.float64()
    return pa.string()
