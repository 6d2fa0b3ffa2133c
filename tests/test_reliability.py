"""Bad input never stops a run or loses data: first paragraphs, guards, time limits, skips, encodings."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from conftest import write
from frontwatch import pipeline
from frontwatch.clean import clean_text
from frontwatch.dates import _opens_span
from frontwatch.guard import guard
from frontwatch.pipeline import run
from frontwatch.records import IngestError
from frontwatch.store import Store
from test_pipeline import OTHER, STORY, corpus

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
    real = pipeline.analyse

    # A fault injected into one document's analysis: the guard, not the analysis, is under test.
    def analyse(doc):
        if doc.doc_id == "nikopol":
            raise RuntimeError("parser exploded")
        return real(doc)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    summary = run([folder], store, published="2022-10-01")
    assert summary.new == 2
    [err] = summary.errors
    assert err.source.endswith("nikopol.txt") and err.doc_id == "nikopol"
    assert "analysis failed" in err.reason and "parser exploded" in err.reason
    assert [e["doc_id"] for e in store.errors()] == ["nikopol"]
    monkeypatch.setattr(pipeline, "analyse", real)
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
