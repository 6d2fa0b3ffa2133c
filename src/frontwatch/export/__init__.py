"""Write the export contract: JSON Lines files for everything in the store."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from frontwatch.fuse import timeline
from frontwatch.store import Store


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    tmp = path.with_suffix(path.suffix + ".tmp")
    n = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False))
            fh.write("\n")
            n += 1
    os.replace(tmp, path)  # readers never see a half-written file
    return n


def export(store: Store, out_dir: Path | str) -> dict[str, int]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "documents": _write_jsonl(out / "documents.jsonl", (d.to_dict() for d in store.documents())),
        "places": _write_jsonl(out / "places.jsonl", (p.to_dict() for p in store.place_mentions())),
        "events": _write_jsonl(out / "events.jsonl", (e.to_dict() for e in store.events())),
        "incidents": _write_jsonl(out / "incidents.jsonl", (i.to_dict() for i in store.incidents())),
        "timeline": _write_jsonl(out / "timeline.jsonl", (c.to_dict() for c in timeline.all_changes(store))),
        "errors": _write_jsonl(out / "errors.jsonl", store.errors()),
    }
    return counts


def _write_text(path: Path, pieces: Iterable[str]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        for piece in pieces:
            fh.write(piece)
    os.replace(tmp, path)


def export_formats(store: Store, out_dir: Path | str, formats: Iterable[str] = ("jsonl",)) -> dict[str, int]:
    """Write the export in each format: `jsonl` is the export contract (every table); `csv`, `geojson`
    and `parquet` write incidents (ACLED's columns first) and event mentions, background included."""
    from frontwatch.export import formats as fmt
    from frontwatch.export import tables
    from frontwatch.store import Filter

    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in fmt.FORMATS]
    if unknown:
        raise ValueError(f"unknown export format {', '.join(unknown)}: choose from {', '.join(fmt.FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    if "jsonl" in wanted:
        counts.update(export(store, out))
    everything = Filter(include_background=True)
    if set(wanted) - {"jsonl"}:
        counts["incidents"] = store.count_incidents(everything)
        counts["events"] = store.count_events(everything)

    def incident_rows() -> Iterator[list[dict[str, Any]]]:
        return (tables.incident_rows(store, b) for b in tables.incident_pages(store, everything))

    def event_rows() -> Iterator[list[dict[str, Any]]]:
        return ([tables.event_row(e) for e in b] for b in tables.event_pages(store, everything))

    if "csv" in wanted:
        _write_text(out / "incidents.csv", fmt.csv_text(tables.INCIDENT_COLUMNS, incident_rows()))
        _write_text(out / "events.csv", fmt.csv_text(tables.EVENT_COLUMNS, event_rows()))
    if "geojson" in wanted:
        _write_text(
            out / "incidents.geojson",
            fmt.geojson_text(
                [fmt.incident_feature(r.incident, r.background) for r in b]
                for b in tables.incident_pages(store, everything)
            ),
        )
        _write_text(
            out / "events.geojson",
            fmt.geojson_text(
                [fmt.point_feature(r["event_id"], r["latitude"], r["longitude"], r) for r in b]
                for b in event_rows()
            ),
        )
    if "parquet" in wanted:
        for name, columns, rows in (
            ("incidents", tables.INCIDENT_COLUMNS, incident_rows()),
            ("events", tables.EVENT_COLUMNS, event_rows()),
        ):
            data = fmt.parquet_bytes(columns, rows)
            tmp = out / f"{name}.parquet.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, out / f"{name}.parquet")
    return counts
