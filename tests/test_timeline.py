from __future__ import annotations

import json

from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.export import export
from frontwatch.fuse import timeline
from frontwatch.records import Place
from frontwatch.store import Store
from test_fuse import BALAKLIIA, IZIUM, KHERSON, KHERSON_OBLAST, RU_MOD, UA_GS, add, ev

WIDE = {"COLUMNS": "250"}


def izium_story(store: Store) -> None:
    add(
        store,
        "mod",
        "2022-09-10",
        [
            ev("mod", 1, "withdrawal", IZIUM, "RU", status="claimed", source=RU_MOD, day="2022-09-10"),
            ev("mod", 2, "capture", IZIUM, "UA", status="unconfirmed", source=UA_GS),
        ],
    )
    add(
        store, "later", "2022-09-13", [ev("later", 1, "capture", IZIUM, "UA", status="claimed", source=UA_GS)]
    )


def test_withdrawal_then_capture_on_one_timeline(store: Store) -> None:
    izium_story(store)
    changes = timeline.for_place(store, IZIUM)
    assert [(c.change, c.actor_side, c.side) for c in changes] == [
        ("withdrawal", "RU", "UA"),
        ("capture", "UA", "UA"),
    ]
    withdrawal, capture = changes
    assert withdrawal.date is not None and withdrawal.date.start == "2022-09-10"
    assert withdrawal.status == "confirmed"
    assert withdrawal.reports[0].source == RU_MOD
    # the capture: first not confirmed, then claimed in a later report
    assert [(r.status, r.published) for r in capture.reports] == [
        ("unconfirmed", "2022-09-10"),
        ("claimed", "2022-09-13"),
    ]
    assert timeline.for_place(store, BALAKLIIA) == []


def test_who_holds_a_place_after_a_withdrawal(store: Store) -> None:
    add(store, "a", "2022-11-10", [ev("a", 1, "withdrawal", KHERSON, "RU", day="2022-11-09")])
    add(store, "b", "2022-03-03", [ev("b", 1, "withdrawal", BALAKLIIA, "UA", day="2022-03-02")])
    (kherson,) = timeline.for_place(store, KHERSON)
    assert kherson.side == "UA"  # back to the state it belongs to: no other force is named
    (balakliia,) = timeline.for_place(store, BALAKLIIA)
    assert balakliia.side is None  # a country's own force leaving: the reports do not say who holds it


def test_changes_in_time_order_undated_last(store: Store) -> None:
    add(store, "x", None, [ev("x", 1, "capture", BALAKLIIA, "UA")])
    add(store, "y", "2022-09-09", [ev("y", 1, "capture", BALAKLIIA, "UA", day="2022-09-08")])
    add(store, "z", "2022-03-01", [ev("z", 1, "capture", BALAKLIIA, "RU", day="2022-02-28")])
    dates = [c.date.start if c.date else None for c in timeline.for_place(store, BALAKLIIA)]
    # the undated report joins the September capture (same side, fits any time), not February's
    assert dates == ["2022-02-28", "2022-09-08"]
    add(store, "w", None, [ev("w", 1, "withdrawal", BALAKLIIA, "RU", background=True)])
    changes = timeline.for_place(store, BALAKLIIA)
    assert [c.date.start if c.date else None for c in changes] == ["2022-02-28", "2022-09-08", None]


def test_export_writes_the_timeline(store: Store, tmp_path) -> None:
    izium_story(store)
    counts = export(store, tmp_path)
    rows = [json.loads(line) for line in (tmp_path / "timeline.jsonl").read_text().splitlines()]
    assert counts["timeline"] == len(rows) == 2
    assert rows[0]["place"]["geonameid"] == IZIUM.geonameid
    assert rows[0]["change"] == "withdrawal" and rows[0]["side"] == "UA"
    assert rows[1]["evidence"][0]["status"] == "unconfirmed"
    incidents = [json.loads(line) for line in (tmp_path / "incidents.jsonl").read_text().splitlines()]
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert {e["incident_id"] for e in events} == {i["incident_id"] for i in incidents}


def test_cli_timeline_and_incidents_take_any_spelling(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store(url) as store:
        izium_story(store)
    runner = CliRunner()
    result = runner.invoke(app, ["timeline", "Izyum", "--db", url], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "UA.07" in result.output and "RU withdrew" in result.output and "UA captured" in result.output
    assert result.output.index("RU withdrew") < result.output.index("UA captured")
    result = runner.invoke(app, ["incidents", "--db", url, "--place", "Izyum", "--type", "capture"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "1 incidents" in result.output and "unconfirmed" in result.output
    result = runner.invoke(app, ["incidents", "--db", url, "--status", "confirmed"], env=WIDE)
    assert "1 incidents" in result.output and "withdrawal" in result.output


def test_a_strike_with_a_disputed_author_leaves_the_timeline_alone(store: Store) -> None:
    izium_story(store)
    before = [c.to_dict() for c in timeline.for_place(store, IZIUM)]
    add(store, "kyiv", "2022-09-11", [ev("kyiv", 1, "attack", IZIUM, "RU", status="claimed", source=UA_GS)])
    add(
        store,
        "moscow",
        "2022-09-11",
        [ev("moscow", 1, "attack", IZIUM, "UA", status="claimed", source=RU_MOD)],
    )
    (strike,) = [i for i in store.incidents() if i.type == "attack"]
    assert strike.status == "contested" and strike.actor_side is None
    assert [c.to_dict() for c in timeline.for_place(store, IZIUM)] == before


ENERHODAR = Place("settlement", 709611, "Enerhodar", 47.4989, 34.6558, "UA.26", "UA")


def test_a_recalled_change_with_no_date_is_not_placed_on_its_article_day(store: Store, tmp_path) -> None:
    add(store, "spring", "2022-03-05", [ev("spring", 1, "capture", ENERHODAR, "RU", day="2022-03-04")])
    add(store, "summer", "2022-07-30", [ev("summer", 1, "capture", ENERHODAR, "UA", day="2022-07-29")])
    add(store, "nov", "2022-11-02", [ev("nov", 1, "withdrawal", ENERHODAR, "UA", day="2022-07-22")])
    # "the town, seized by Russia, ...": recalled with no date of its own
    add(store, "recap", "2022-07-23", [ev("recap", 1, "capture", ENERHODAR, "RU", background=True)])
    changes = timeline.for_place(store, ENERHODAR)
    assert [(c.change, c.date.start if c.date else None, c.before) for c in changes] == [
        ("capture", "2022-03-04", None),
        ("withdrawal", "2022-07-22", None),
        ("capture", None, "2022-07-23"),  # some time before its first report: ahead of what came after
        ("capture", "2022-07-29", None),
    ]
    undated = changes[2]
    assert undated.first_reported == "2022-07-23" and undated.side == "RU"
    # the dated withdrawal is not handed over to a capture that has no date
    assert changes[1].side is None
    export(store, tmp_path)
    rows = [json.loads(line) for line in (tmp_path / "timeline.jsonl").read_text().splitlines()]
    (row,) = [r for r in rows if r["date"] is None]
    assert row["before"] == "2022-07-23" and row["first_reported"] == "2022-07-23"
    assert all(r["before"] is None for r in rows if r["date"] is not None)


def test_a_plan_alone_is_not_a_change_of_control(store: Store) -> None:
    add(
        store,
        "aide",
        "2022-07-26",
        [
            ev(
                "aide",
                1,
                "capture",
                KHERSON_OBLAST,
                "UA",
                status="planned",
                month=("2022-09-01", "2022-09-30"),
            )
        ],
    )
    assert timeline.for_place(store, KHERSON_OBLAST) == []
    add(store, "done", "2022-09-20", [ev("done", 1, "capture", KHERSON_OBLAST, "UA", day="2022-09-19")])
    (change,) = timeline.for_place(store, KHERSON_OBLAST)
    assert change.date is not None and change.date.start == "2022-09-19"
