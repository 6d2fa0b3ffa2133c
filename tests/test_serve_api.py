"""The HTTP API over a store built from examples/ by the real pipeline, opened read-only."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from frontwatch.export.tables import ACLED_COLUMNS, INCIDENT_COLUMNS
from frontwatch.serve import LOCAL_HOSTS, create_app
from frontwatch.store import Filter, Store, StoreError


@pytest.fixture(scope="module")
def ro_store(examples_db: str) -> Iterator[Store]:
    s = Store.open_readonly(examples_db)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(ro_store: Store) -> TestClient:
    return TestClient(create_app(ro_store))


def all_rows(client: TestClient, url: str) -> list[dict]:
    rows: list[dict] = []
    next_url: str | None = url
    while next_url:
        page = client.get(next_url)
        assert page.status_code == 200, page.text
        body = page.json()
        rows += body["rows"]
        next_url = body["next_url"]
        if next_url:
            assert page.headers["link"] == f'<{next_url}>; rel="next"'
    return rows


def test_keyset_pages_cover_every_incident_once_in_date_order(client: TestClient, ro_store: Store) -> None:
    body = client.get("/api/v1/incidents").json()
    news = ro_store.count_incidents(Filter())
    assert body["count"] == news == len(body["rows"]) and body["next"] is None
    rows = all_rows(client, "/api/v1/incidents?limit=3")
    assert [r["incident_id"] for r in rows] == [r["incident_id"] for r in body["rows"]]
    starts = [r["date"]["start"] for r in rows if r["date"]]
    assert len(starts) >= 5
    every = client.get("/api/v1/incidents?include_background=true").json()
    stored = {i.incident_id for i in ro_store.incidents()}
    assert {r["incident_id"] for r in every["rows"]} == stored
    background = [r for r in every["rows"] if r["background"]]
    assert background and every["count"] == news + len(background)


def test_filters_narrow_the_list(client: TestClient) -> None:
    everything = client.get("/api/v1/incidents").json()["rows"]
    statuses = {r["status"] for r in everything}
    assert len(statuses) >= 2
    for status in statuses:
        rows = client.get("/api/v1/incidents", params={"status": status}).json()["rows"]
        assert rows and {r["status"] for r in rows} == {status} and len(rows) < len(everything)
    attacks = client.get("/api/v1/incidents", params={"type": ["attack", "withdrawal"]}).json()["rows"]
    assert attacks and {r["type"] for r in attacks} == {"attack", "withdrawal"}
    sides = client.get("/api/v1/incidents", params={"side": "ru"}).json()["rows"]
    assert sides and {r["actor_side"] for r in sides} == {"RU"}
    october = client.get("/api/v1/incidents", params={"since": "2022-10-01", "until": "2022-10-01"}).json()
    assert october["count"] and all(
        r["date"]["start"] <= "2022-10-01" <= r["date"]["end"] for r in october["rows"] if r["date"]
    )
    box = client.get("/api/v1/incidents", params={"bbox": "36.5,49.0,38.0,50.5"}).json()["rows"]
    assert box and all(36.5 <= r["place"]["lon"] <= 38 and 49 <= r["place"]["lat"] <= 50.5 for r in box)
    assert client.get("/api/v1/incidents", params={"min_sources": 99}).json()["count"] == 0
    assert client.get("/api/v1/incidents", params={"country": "UA"}).json()["count"] > 0
    assert client.get("/api/v1/incidents", params={"country": "PL"}).json()["count"] == 0


def test_a_place_in_any_spelling_finds_the_same_incidents(client: TestClient) -> None:
    found = [
        {r["incident_id"] for r in client.get("/api/v1/incidents", params={"place": name}).json()["rows"]}
        for name in ("Izyum", "Izium", "Izum", "Ізюм")
    ]
    assert found[0] and all(f == found[0] for f in found)
    gid = client.get("/api/v1/incidents", params={"place": "Izium"}).json()["rows"][0]["place"]["geonameid"]
    by_id = client.get("/api/v1/incidents", params={"geonameid": gid}).json()["rows"]
    assert {r["incident_id"] for r in by_id} == found[0]
    assert client.get("/api/v1/incidents", params={"place": "Nowhereville Qq"}).json()["count"] == 0


def test_one_incident_carries_every_report_with_its_document(client: TestClient, ro_store: Store) -> None:
    rows = client.get("/api/v1/incidents?include_background=true").json()["rows"]
    copies = 0
    for row in rows:
        detail = client.get(f"/api/v1/incidents/{row['incident_id']}").json()
        assert detail["incident"]["incident_id"] == row["incident_id"] and detail["why"].startswith(
            row["status"]
        )
        stored = ro_store.events_by_id(row["event_ids"])
        assert [r["event_id"] for r in detail["reports"]] == row["event_ids"]
        for r in detail["reports"]:
            assert r["evidence"] == stored[r["event_id"]].evidence.to_dict()
            doc = client.get(f"/api/v1/documents/{r['doc_id']}").json()
            assert doc["text"][r["evidence"]["start"] : r["evidence"]["end"]] == r["evidence"]["text"]
            assert r["counted"] == (doc["duplicate_of"] is None)
            assert r["document"]["title"] == doc["title"]
            copies += not r["counted"]
    assert copies >= 1  # the syndicated copy in examples/feed.jsonl
    missing = client.get("/api/v1/incidents/I-0000000000000000")
    assert missing.status_code == 404 and "I-0000000000000000" in missing.json()["detail"]
    assert client.get("/api/v1/documents/no-such-document").status_code == 404


def test_control_timeline_by_any_spelling_and_by_geonameid(client: TestClient) -> None:
    by_name = client.get("/api/v1/timeline", params={"place": "Lyman"}).json()["places"]
    assert len(by_name) == 1
    changes = by_name[0]["changes"]
    assert ("withdrawal", "RU", "UA") in [(c["change"], c["actor_side"], c["side"]) for c in changes]
    gid = by_name[0]["place"]["geonameid"]
    assert client.get(f"/api/v1/places/{gid}/timeline").json()["places"] == by_name
    assert client.get("/api/v1/places/1/timeline").json() == {"places": []}


def test_every_list_in_every_format_follows_the_filters(client: TestClient) -> None:
    params = {"status": "single-source", "include_background": "true"}
    page = client.get("/api/v1/incidents", params=params).json()
    ids = [r["incident_id"] for r in page["rows"]]
    assert ids and page["next"] is None
    text = client.get("/api/v1/incidents.csv", params=params)
    assert text.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(text.text)))
    assert tuple(table[0]) == INCIDENT_COLUMNS and tuple(table[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert [r[0] for r in table[1:]] == ids
    rows = list(csv.DictReader(io.StringIO(text.text)))
    assert {r["fw_status"] for r in rows} == {"single-source"}
    assert all(r["event_date"] == r["fw_date_start"] for r in rows)
    placed = [r for r in rows if r["latitude"]]
    assert placed and all(
        r["country"] == "Ukraine" and r["iso"] == "804" for r in placed if r["location"] != ""
    )
    geo = client.get("/api/v1/incidents.geojson", params=params)
    assert geo.headers["content-type"] == "application/geo+json"
    fc = geo.json()
    assert fc["type"] == "FeatureCollection" and [f["id"] for f in fc["features"]] == ids
    for f in fc["features"]:
        if f["geometry"]:
            lon, lat = f["geometry"]["coordinates"]
            assert (round(f["properties"]["place"]["lon"], 5), round(f["properties"]["place"]["lat"], 5)) == (
                lon,
                lat,
            )
    lines = client.get("/api/v1/incidents.jsonl", params=params).text.splitlines()
    assert [json.loads(x)["incident_id"] for x in lines] == ids
    parquet = pq.read_table(io.BytesIO(client.get("/api/v1/incidents.parquet", params=params).content))
    assert parquet.column("event_id_cnty").to_pylist() == ids
    assert json.loads(parquet.schema.metadata[b"geo"])["primary_column"] == "geometry"
    events = client.get(
        "/api/v1/events", params={"status": "unconfirmed", "include_background": "true"}
    ).json()
    assert events["rows"] and {e["status"] for e in events["rows"]} == {"unconfirmed"}
    for kind in ("csv", "geojson", "jsonl", "parquet"):
        got = client.get(
            f"/api/v1/events.{kind}", params={"status": "unconfirmed", "include_background": "true"}
        )
        assert got.status_code == 200 and got.content
        assert all(e["event_id"] in got.content.decode("latin-1") for e in events["rows"])


def test_meta_counts_the_store(client: TestClient, ro_store: Store) -> None:
    meta = client.get("/api/v1/meta").json()
    assert meta["counts"]["incidents"] == ro_store.count("incidents") > 0
    assert meta["last_update"] and meta["schema_version"] == ro_store.schema_version()


def test_read_only_get_only_and_a_strict_policy(client: TestClient, examples_db: str, tmp_path: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert client.post("/api/v1/incidents").status_code == 405
    assert client.delete("/api/v1/incidents/I-0000000000000000").status_code == 405
    path = examples_db.removeprefix("sqlite:///")
    before = os.stat(path).st_mtime_ns
    ro = Store.open_readonly(examples_db)
    with pytest.raises(Exception, match=r"readonly|read-only|read only"), ro.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM incidents")
    ro.close()
    assert os.stat(path).st_mtime_ns == before
    with pytest.raises(StoreError):
        Store.open_readonly(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_only_local_host_names_when_bound_locally(ro_store: Store) -> None:
    local = TestClient(create_app(ro_store, allowed_hosts=LOCAL_HOSTS), base_url="http://127.0.0.1:8000")
    assert local.get("/api/v1/meta").status_code == 200
    assert local.get("/api/v1/meta", headers={"host": "attacker.example"}).status_code == 400


def test_api_docs_are_served_from_the_package(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert {"/api/v1/incidents", "/api/v1/incidents.csv", "/api/v1/incidents/{incident_id}"} <= set(
        spec["paths"]
    )
    docs = client.get("/docs").text
    assert "http" not in docs and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_a_store_from_before_the_workspace_gets_its_facets_when_opened_for_writing(tmp_path: Path) -> None:
    from frontwatch.store import incident_facets, meta
    from test_fuse import IZIUM, UA_GS, add, ev

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
        add(store, "b", "2022-09-12", [ev("b", 1, "attack", IZIUM, "RU", day="2022-09-01", background=True)])
        with store.engine.begin() as conn:  # as a store of schema 2 was, before the workspace
            incident_facets.drop(conn)
            conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="2"))
    with pytest.raises(StoreError, match="earlier frontwatch"):
        Store.open_readonly(url)
    Store(url).close()
    ro = Store.open_readonly(url)
    assert ro.count_incidents(Filter()) == 1 and ro.count_incidents(Filter(include_background=True)) == 2
    ro.close()


def test_the_api_reads_each_database_read_only(store: Store) -> None:
    from test_fuse import IZIUM, KHERSON, RU_MOD, UA_GS, add, ev

    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    add(
        store,
        "b",
        "2022-11-10",
        [ev("b", 1, "withdrawal", KHERSON, "RU", status="claimed", source=RU_MOD, day="2022-11-09")],
    )
    add(store, "c", "2022-09-12", [ev("c", 1, "attack", IZIUM, "RU", day="2022-03-01", background=True)])
    ro = Store.open_readonly(store.url)
    try:
        client = TestClient(create_app(ro))
        assert client.get("/api/v1/incidents").json()["count"] == 2
        assert client.get("/api/v1/incidents", params={"include_background": True}).json()["count"] == 3
        november = client.get("/api/v1/incidents", params={"since": "2022-11-01"}).json()["rows"]
        assert [r["place"]["name"] for r in november] == [KHERSON.name]
        west = client.get("/api/v1/incidents", params={"bbox": "30,45,34,48"}).json()["rows"]
        assert [r["place"]["name"] for r in west] == [KHERSON.name]
        assert client.get("/api/v1/incidents", params={"side": "UA"}).json()["count"] == 1
        page = client.get("/api/v1/incidents", params={"limit": 1, "include_background": True}).json()
        assert page["next"] and client.get(page["next_url"]).json()["rows"]
        with pytest.raises(Exception, match=r"(?i)read.?only"), ro.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM incidents")
    finally:
        ro.close()
    assert store.count("incidents") == 3


def test_the_map_rows_follow_the_same_filters(client: TestClient) -> None:
    for params in ({}, {"status": "single-source"}, {"include_background": "true"}, {"place": "Lyman"}):
        listed = client.get("/api/v1/incidents", params=params).json()
        drawn = client.get("/api/v1/map/incidents", params=params).json()
        assert drawn["count"] == listed["count"] == len(drawn["rows"])
        at = drawn["columns"].index
        assert [r[at("incident_id")] for r in drawn["rows"]] == [r["incident_id"] for r in listed["rows"]]
        assert [r[at("place_name")] for r in drawn["rows"]] == [
            r["place"]["name"] if r["place"] else None for r in listed["rows"]
        ]
