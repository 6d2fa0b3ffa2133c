"""Bad input never stops a run or loses data: first paragraphs, guards, time limits, skips, encodings."""

from __future__ import annotations

import gzip
import json
import os
import signal
import threading
from pathlib import Path

from conftest import write
from frontwatch import events, versions
from frontwatch.clean import clean_text
from frontwatch.events.dates import _opens_span
from frontwatch.export import export
from frontwatch.ingest import decode, read_paths
from frontwatch.ingest.guard import guard
from frontwatch.pipeline import run
from frontwatch.records import IngestError
from frontwatch.store import Store, documents, place_mentions
from test_pipeline import OTHER, STORY, corpus, read_export

LEDE = "Ukrainian troops retook the village of Bilohorivka on Saturday, the regional governor said."
MORE = "The village had been held by Russian forces since the spring."
BULLETIN = (
    "Russian forces shelled Nikopol overnight, wounding three people, the regional governor said on Sunday."
)


# -- 2. the first paragraph ---------------------------------------------------------------------------


def test_an_untitled_lede_is_text_not_a_title() -> None:
    cleaned = clean_text(f"{LEDE}\n\n{MORE}\n")
    assert cleaned.title is None and cleaned.text.startswith(LEDE)
    headed = clean_text(f"Village retaken in the east\n\n{LEDE}\n\n{MORE}\n")
    assert headed.title == "Village retaken in the east" and headed.text.startswith(LEDE)


def test_a_one_paragraph_bulletin_is_analysed(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "in" / "bulletin.txt", BULLETIN + "\n")
    write(tmp_path / "in" / "lede.txt", f"{LEDE}\n\n{MORE}\n")
    summary = run([tmp_path / "in"], store, published="2022-10-02")
    assert (summary.new, summary.errors) == (2, [])
    found = {(e.doc_id, e.type, e.place.name if e.place else None) for e in store.events()}
    assert ("bulletin", "attack", "Nikopol") in found
    assert ("lede", "capture", "Bilohorivka") in found


# -- 4. one bad document never stops a run ------------------------------------------------------------


def test_a_failing_stage_is_that_documents_error_record(tmp_path: Path, store: Store, monkeypatch) -> None:
    folder = corpus(tmp_path)
    real = events.extract_events

    # A fault injected into one document's analysis: the guard, not the analysis, is under test.
    def analyse(doc, places):
        if doc.doc_id == "nikopol":
            raise RuntimeError("parser exploded")
        return real(doc, places)

    monkeypatch.setattr(events, "extract_events", analyse)
    summary = run([folder], store, published="2022-10-01")
    assert summary.new == 2
    [err] = summary.errors
    assert err.source.endswith("nikopol.txt") and err.doc_id == "nikopol"
    assert "analysis failed" in err.reason and "parser exploded" in err.reason
    assert [e["doc_id"] for e in store.errors()] == ["nikopol"]
    monkeypatch.setattr(events, "extract_events", real)
    again = run([folder], store, published="2022-10-01")
    assert (again.new, again.unchanged, again.errors) == (1, 2, [])


def test_nul_bytes_anywhere_never_reach_the_store(tmp_path: Path, store: Store) -> None:
    body = STORY + ("Residents said the shelling went on all night.\n" * 200) + "\x00tail\n"
    write(tmp_path / "in" / "late-nul.txt", body)
    write(
        tmp_path / "in" / "feed.jsonl",
        json.dumps({"id": "j", "title": "T\x00", "text": OTHER + "\x00"}) + "\n",
    )
    summary = run([tmp_path / "in"], store, published="2022-10-01")
    assert (summary.new, summary.errors) == (2, [])
    assert all("\x00" not in (d.text + (d.title or "")) for d in store.documents())


def test_guard_names_the_file_the_stage_and_the_reason() -> None:
    def broken(x: int) -> int:
        raise ValueError(f"bad value {x}")

    assert guard("places", "a.txt", "a", lambda x: x + 1, 1) == 2
    err = guard("places", "a.txt", "a", broken, 7)
    assert err == IngestError("a.txt", "places failed: ValueError: bad value 7", "a")


# -- 5. time: linear work and a time limit ------------------------------------------------------------


def test_a_stage_over_its_time_limit_becomes_an_error() -> None:
    def forever() -> None:
        while True:
            pass

    err = guard("events", "long.txt", "long", forever, limit=0.2)
    assert isinstance(err, IngestError)
    assert err.reason == "events: took longer than the 0.2 s time limit"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # nothing left armed


def test_span_words_are_looked_for_just_before_a_date() -> None:
    assert _opens_span("fighting since   3 October", len("fighting since   "))
    assert not _opens_span("since the war began, on 3 October", len("since the war began, on "))
    assert not _opens_span("convince 3 October", len("convince "))


# -- 8. encoding --------------------------------------------------------------------------------------

CYRILLIC = "Російські війська обстріляли Харків та Ізюм, повідомив губернатор у неділю.\n"


def test_a_stray_byte_in_utf8_is_replaced_and_counted_not_a_reason_to_guess() -> None:
    raw = ("Shelling in the east\n\n" + CYRILLIC).encode() + b"\xff\xfe stray \x80\n" + CYRILLIC.encode()
    text, problem, warnings = decode(raw)
    assert problem is None and text is not None
    assert text.count("Харків") == 2 and "\ufffd" in text
    assert warnings == ("3 invalid UTF-8 byte sequences replaced by U+FFFD",)
    # Text in another charset is still recognised as such.
    assert decode(CYRILLIC.encode("cp1251"))[0] == CYRILLIC


def test_a_replaced_byte_is_a_warning_of_the_run(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "in" / "odd.txt", (STORY + CYRILLIC).encode() + b"\x80\n")
    summary = run([tmp_path / "in"], store, published="2022-10-01")
    assert (summary.new, summary.errors) == (1, [])
    [warning] = summary.warnings
    assert warning.source.endswith("odd.txt") and "1 invalid UTF-8 byte sequence" in warning.reason


# -- 9. streamed JSON Lines ---------------------------------------------------------------------------


def test_json_lines_are_read_as_they_arrive(tmp_path: Path) -> None:
    """A pipe holds back the second line until the first document has been read: reading the whole file
    before yielding would not get the first document until the writer gives up."""
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    first_read = threading.Event()
    order: list[str] = []

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "one", "text": STORY}) + "\n")
            f.flush()
            order.append("first doc read" if first_read.wait(10) else "writer gave up")
            f.write(json.dumps({"id": "two", "text": OTHER}) + "\n")

    thread = threading.Thread(target=writer)
    thread.start()
    docs = read_paths([fifo])
    assert next(docs).doc_id == "one"
    first_read.set()
    assert next(docs).doc_id == "two"
    thread.join()
    assert order == ["first doc read"]


def test_gzip_json_lines_are_streamed_too(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"d{i}", "text": STORY}) + "\n" for i in range(50))
    path = write(tmp_path / "feed.jsonl.gz", gzip.compress(lines.encode()))
    assert [d.doc_id for d in read_paths([path])] == [f"d{i}" for i in range(50)]


# -- 10. per-stage versions ---------------------------------------------------------------------------


def _age_stage(store: Store, stage: str) -> None:
    """Make the store look analysed by an older version of one stage."""
    with store.engine.begin() as conn:
        for doc_id, stored in store.document_states().items():
            old = {**(stored.stage_versions or {}), stage: "older"}
            conn.execute(documents.update().where(documents.c.doc_id == doc_id).values(stage_versions=old))


def test_only_a_changed_stage_and_those_after_it_run_again(tmp_path: Path, store: Store) -> None:
    folder = corpus(tmp_path)
    run([folder], store, published="2022-10-01")
    export(store, tmp_path / "before")
    assert run([folder], store, published="2022-10-01").reanalysed == {}
    # Place mentions removed by hand show whether the places stage ran again.
    with store.engine.begin() as conn:
        conn.execute(place_mentions.delete().where(place_mentions.c.doc_id == "nikopol"))
    _age_stage(store, "events")
    events_only = run([folder], store, published="2022-10-01")
    assert events_only.reanalysed == {"events stage changed": 3}
    assert (events_only.updated, events_only.unchanged) == (3, 0)
    assert not [p for p in store.place_mentions() if p.doc_id == "nikopol"]
    _age_stage(store, "places")
    places_too = run([folder], store, published="2022-10-01")
    assert places_too.reanalysed == {"places stage changed": 3}
    export(store, tmp_path / "after")
    assert read_export(tmp_path / "after") == read_export(tmp_path / "before")
    store.set_meta("fuse_version", "older")
    refused = run([folder], store, published="2022-10-01")
    assert refused.fused_again and refused.reanalysed == {} and refused.unchanged == 3


def test_stage_files_name_real_files_and_code_outside_the_stages_changes_nothing() -> None:
    for names in versions.STAGE_FILES.values():
        for name in names:
            assert (versions.ROOT / name).exists(), name
    assert versions._owner("cli/__init__.py") is None and versions._owner("export/__init__.py") is None
    assert versions._owner("events/triggers.py") == "events"
    assert versions._owner("places/finder.py") == "places"
    assert versions.ROOT / "lang/en/claims/parties.toml" in versions.stage_files()["events"]
    assert versions._owner("some_new_module.py") == versions.DEFAULT_STAGE
    assert versions.first_changed(versions.stage_versions()) is None
    assert versions.first_changed({**versions.stage_versions(), "places": "x"}) == "places"


def test_every_fusion_module_but_the_timeline_counts_for_fusion() -> None:
    folder = versions.ROOT / "fuse"
    modules = set(folder.rglob("*.py")) - {folder / "timeline.py"}
    assert len(modules) > 1
    assert set(versions.stage_files()["fuse"]) == modules
    assert versions._owner("fuse/timeline.py") is None


def test_a_run_without_published_keeps_the_stored_date(tmp_path: Path, store: Store) -> None:
    note = write(tmp_path / "note.txt", OTHER)
    run([note], store, published="2022-10-05")
    again = run([note], store)
    assert (again.unchanged, again.updated) == (1, 0)
    assert [d.published for d in store.documents()] == ["2022-10-05"]


def test_the_time_limit_is_a_no_op_outside_the_main_thread() -> None:
    found: list[object] = []
    thread = threading.Thread(
        target=lambda: found.append(guard("events", "a.txt", "a", sum, [1, 2], limit=0.1))
    )
    thread.start()
    thread.join()
    assert found == [3]
