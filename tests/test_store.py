from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from frontwatch.records import Document, EventMention, Evidence, IngestError, Party, Place, PlaceMention
from frontwatch.store import SCHEMA_VERSION, Store, StoreError, meta, resolve_url

IZIUM = Place("settlement", 707292, "Izium", 49.2, 37.28, "UA.07", "UA")


def doc(doc_id: str = "d1", text: str = "Russian troops left Izium.", h: str = "h1") -> Document:
    return Document(
        doc_id=doc_id, source=f"{doc_id}.txt", title="T", text=text, content_hash=h, published="2022-09-10"
    )


def event(doc_id: str, n: int) -> EventMention:
    return EventMention(
        event_id=f"{doc_id}:{n}",
        doc_id=doc_id,
        type="withdrawal",
        actor=Party("Russian troops", "RU"),
        place=IZIUM,
        date=None,
        status="reported",
        source=None,
        evidence=Evidence("Russian troops left Izium.", 0, 26),
    )


def test_bare_path_and_env_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv("FRONTWATCH_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("postgresql://u@h/db").startswith("postgresql+psycopg://")


def test_schema_version_is_recorded_and_newer_stores_are_refused(store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    with store.engine.begin() as conn:
        conn.execute(meta.update().values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(StoreError, match="newer"):
        Store(store.url)


def test_a_store_without_a_schema_version_says_so(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(meta.delete().where(meta.c.key == "schema_version"))
    with pytest.raises(StoreError, match="no schema version"):
        store.schema_version()


def test_saving_again_replaces_the_documents_rows(store: Store) -> None:
    place = PlaceMention("d1", "Izium", 20, 25, IZIUM)
    store.save_document(
        doc(),
        signature=None,
        pipeline_version="1",
        places=[place],
        event_mentions=[event("d1", 0), event("d1", 1)],
    )
    store.save_document(
        doc(h="h2"), signature=None, pipeline_version="1", places=[place], event_mentions=[event("d1", 0)]
    )
    assert store.count("documents") == 1
    assert store.count("place_mentions") == 1
    assert [e.event_id for e in store.events()] == ["d1:0"]
    assert store.known_documents() == {"d1": ("h2", "1")}


def test_a_failed_write_keeps_what_was_stored(store: Store) -> None:
    store.save_document(doc(), signature=None, pipeline_version="1", event_mentions=[event("d1", 0)])
    clash = [event("d1", 0), event("d1", 0)]  # the same event id twice violates the primary key
    with pytest.raises(IntegrityError):
        store.save_document(
            doc(text="changed", h="h2"), signature=None, pipeline_version="1", event_mentions=clash
        )
    [kept] = list(store.documents())
    assert kept.text == "Russian troops left Izium." and kept.content_hash == "h1"
    assert [e.event_id for e in store.events()] == ["d1:0"]


def test_documents_keep_their_first_seen_order(store: Store) -> None:
    store.save_document(doc("a"), signature=b"x", pipeline_version="1")
    store.save_document(doc("b"), signature=b"y", pipeline_version="1")
    store.save_document(doc("a", h="h9"), signature=b"x", pipeline_version="1")
    seqs = {d: seq for d, _sig, _pub, seq in store.fingerprints()}
    assert seqs["a"] < seqs["b"]


def test_errors_are_not_duplicated(store: Store) -> None:
    e = IngestError("feed.jsonl:3", "line 3: malformed JSON")
    store.record_error(e)
    store.record_error(e)
    store.record_error(IngestError("x.bin", "binary file, not text"))
    rows = store.errors()
    assert [(r["source"], r["count"]) for r in rows] == [("feed.jsonl:3", 2), ("x.bin", 1)]


def test_set_duplicates_reports_changes(store: Store) -> None:
    store.save_document(doc("a"), signature=None, pipeline_version="1")
    store.save_document(doc("b"), signature=None, pipeline_version="1")
    assert store.set_duplicates({"a": None, "b": "a"}) == ["b"]
    assert store.set_duplicates({"a": None, "b": "a"}) == []
    assert {d.doc_id: d.duplicate_of for d in store.documents()} == {"a": None, "b": "a"}


def test_tables_exist(store: Store) -> None:
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"meta", "documents", "errors", "place_mentions", "events", "incidents"} <= names
