"""Incident ids that last across runs: kept when reports join or leave, redirected when incidents merge."""

from __future__ import annotations

from fastapi.testclient import TestClient

from frontwatch import fuse
from frontwatch.serve import create_app
from frontwatch.store import Store
from test_fuse import IZIUM, UA_GS, add, ev, incident_of


def test_an_incident_keeps_its_id_when_a_report_with_a_smaller_event_id_joins(store: Store) -> None:
    add(store, "m", "2022-09-10", [ev("m", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    first = incident_of(store, "m-e1").incident_id
    assert first == fuse.incident_id(["m-e1"])
    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    grown = incident_of(store, "a-e1")
    assert grown.incident_id == first and set(grown.event_ids) == {"m-e1", "a-e1"}
    # a fresh id would have come from the smallest event id
    assert fuse.incident_id(grown.event_ids) != first


def test_ids_survive_re_reading_every_document(store: Store) -> None:
    add(store, "m", "2022-09-10", [ev("m", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    before = {i.incident_id for i in store.incidents()}
    fuse.update_incidents(store, ["a", "m"])  # as after a new pipeline version
    assert {i.incident_id for i in store.incidents()} == before


def test_a_merged_incident_redirects_to_the_one_it_joined(store: Store) -> None:
    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    add(store, "b", "2022-03-02", [ev("b", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-03-01")])
    gone, kept = incident_of(store, "a-e1").incident_id, incident_of(store, "b-e1").incident_id
    assert gone != kept
    # document a is corrected: its capture is the March one
    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-03-01")])
    merged = incident_of(store, "a-e1")
    assert merged.incident_id == kept and set(merged.event_ids) == {"a-e1", "b-e1"}
    assert store.incident(gone) is None and store.incident_redirect(gone) == kept
    client = TestClient(create_app(store))
    moved = client.get(f"/api/v1/incidents/{gone}", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == f"/api/v1/incidents/{kept}"
    assert client.get(f"/api/v1/incidents/{gone}").json()["incident"]["incident_id"] == kept


def test_a_report_leaving_does_not_reuse_the_id_it_gave(store: Store) -> None:
    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    add(store, "b", "2022-09-12", [ev("b", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-09-10")])
    first = incident_of(store, "a-e1").incident_id
    assert first == fuse.incident_id(["a-e1"])
    add(store, "a", "2022-09-11", [ev("a", 1, "capture", IZIUM, "UA", source=UA_GS, day="2022-03-01")])
    left, stayed = incident_of(store, "a-e1"), incident_of(store, "b-e1")
    assert stayed.incident_id == first and stayed.event_ids == ("b-e1",)
    assert left.incident_id != first
    ids = [i.incident_id for i in store.incidents()]
    assert len(ids) == len(set(ids)) == 2
