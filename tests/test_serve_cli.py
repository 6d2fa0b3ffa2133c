"""`frontwatch show`, `--format` on `incidents` and `timeline`, and tables at 80 columns."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.store import Store
from test_fuse import IZIUM, RU_MOD, UA_GS, add, ev

NARROW = {"COLUMNS": "80"}


def test_show_prints_an_incident_with_every_quote(examples_db: str) -> None:
    with Store(examples_db) as store:
        inc = next(i for i in store.incidents() if i.n_reports > 1)
        events = store.events_by_id(inc.event_ids)
    runner = CliRunner()
    result = runner.invoke(app, ["show", inc.incident_id, "--db", examples_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    detail = json.loads(result.output)
    assert [r["evidence"]["text"] for r in detail["reports"]] == [
        events[e].evidence.text for e in inc.event_ids
    ]
    table = runner.invoke(app, ["show", inc.incident_id, "--db", examples_db], env=NARROW)
    assert table.exit_code == 0 and inc.status in table.output and "copy, not counted" in table.output
    assert max(len(line) for line in table.output.splitlines()) <= 80
    assert (
        runner.invoke(app, ["show", inc.incident_id, "--db", examples_db, "--format", "csv"]).exit_code == 2
    )
    missing = runner.invoke(app, ["show", "I-0000000000000000", "--db", examples_db])
    assert missing.exit_code == 1 and "no incident I-0000000000000000" in missing.output


def test_incidents_and_timeline_as_json_and_csv(examples_db: str) -> None:
    runner = CliRunner()
    as_json = json.loads(runner.invoke(app, ["incidents", "--db", examples_db, "--format", "json"]).output)
    with Store(examples_db) as store:
        assert {i["incident_id"] for i in as_json} == {i.incident_id for i in store.incidents()}
    as_csv = list(
        csv.DictReader(
            io.StringIO(runner.invoke(app, ["incidents", "--db", examples_db, "--format", "csv"]).output)
        )
    )
    assert [r["event_id_cnty"] for r in as_csv] == [i["incident_id"] for i in as_json]
    timeline = json.loads(
        runner.invoke(app, ["timeline", "Krasny Liman", "--db", examples_db, "--format", "json"]).output
    )
    changes = [(c["change"], c["side"]) for p in timeline for c in p["changes"]]
    assert ("withdrawal", "UA") in changes
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(app, ["timeline", "Lyman", "--db", examples_db, "--format", "csv"]).output
            )
        )
    )
    assert [(r["change"], r["side_after"]) for r in rows] == changes
    bad = runner.invoke(app, ["incidents", "--db", examples_db, "--format", "xml"])
    assert bad.exit_code == 2


def test_tables_fit_80_columns_and_show_ids_literally(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'ids.db'}"
    with Store(url) as store:
        add(
            store,
            "[b]kyiv",
            "2022-09-10",
            [
                ev(
                    "[b]kyiv",
                    1,
                    "capture",
                    IZIUM,
                    "UA",
                    status="claimed",
                    source=UA_GS,
                    day="2022-09-10",
                )
            ],
        )
        add(
            store,
            "mod",
            "2022-09-10",
            [ev("mod", 1, "withdrawal", IZIUM, "RU", status="claimed", source=RU_MOD, day="2022-09-10")],
        )
    runner = CliRunner()
    for args in (["incidents"], ["timeline", "Izium"]):
        result = runner.invoke(app, [*args, "--db", url], env=NARROW)
        assert result.exit_code == 0, result.output
        assert "[[b]kyiv]" in result.output  # the document id, not bold "kyiv"
        assert max(len(line) for line in result.output.splitlines()) <= 80
