"""`frontwatch export --format`: JSON Lines unchanged, CSV in ACLED's layout, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.export import export
from frontwatch.export.tables import ACLED_COLUMNS, EVENT_COLUMNS, INCIDENT_COLUMNS
from frontwatch.store import Store

CONTRACT = ("documents", "places", "events", "incidents", "timeline", "errors")


def test_every_format_from_one_command_and_the_json_lines_contract_unchanged(
    examples_db: str, tmp_path: Path
) -> None:
    with Store(examples_db) as store:
        export(store, tmp_path / "plain")
        n_incidents, n_events = store.count("incidents"), store.count("events")
    result = CliRunner().invoke(
        app, ["export", str(tmp_path / "all"), "--db", examples_db, "--format", "jsonl,csv,geojson,parquet"]
    )
    assert result.exit_code == 0, result.output
    for name in CONTRACT:
        assert (tmp_path / "all" / f"{name}.jsonl").read_bytes() == (
            tmp_path / "plain" / f"{name}.jsonl"
        ).read_bytes()
    with (tmp_path / "all" / "incidents.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ())[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        assert tuple(reader.fieldnames or ()) == INCIDENT_COLUMNS
        rows = list(reader)
    incidents = {
        json.loads(line)["incident_id"]: json.loads(line)
        for line in (tmp_path / "all" / "incidents.jsonl").read_text().splitlines()
    }
    assert len(rows) == n_incidents == len(incidents)
    for row in rows:
        inc = incidents[row["event_id_cnty"]]
        assert row["fw_status"] == inc["status"] and row["fw_n_reports"] == str(inc["n_reports"])
        assert row["location"] == (inc["place"]["name"] if inc["place"] else "")
        if inc["date"]:
            assert (row["event_date"], row["year"]) == (inc["date"]["start"], inc["date"]["start"][:4])
        assert row["fw_evidence"]  # every incident carries its quotes
    assert {r["disorder_type"] for r in rows} <= {"Political violence", "Strategic developments", ""}
    capture = [r for r in rows if r["fw_type"] == "capture" and r["fw_actor_side"] == "UA"]
    assert capture and all(r["sub_event_type"] == "Government regains territory" for r in capture)
    with (tmp_path / "all" / "events.csv").open(encoding="utf-8", newline="") as fh:
        assert tuple(csv.DictReader(fh).fieldnames or ()) == EVENT_COLUMNS
    fc = json.loads((tmp_path / "all" / "incidents.geojson").read_text())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n_incidents
    assert "crs" not in fc
    table = pq.read_table(tmp_path / "all" / "incidents.parquet")
    assert table.num_rows == n_incidents and table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert pq.read_table(tmp_path / "all" / "events.parquet").num_rows == n_events
    assert not list((tmp_path / "all").glob("*.tmp"))


def test_an_unknown_format_is_refused_before_anything_is_written(examples_db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", str(tmp_path / "x"), "--db", examples_db, "--format", "csv,xlsx"]
    )
    assert result.exit_code == 2 and "xlsx" in result.output
    assert not (tmp_path / "x").exists()
