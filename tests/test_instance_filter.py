"""The event-instance filter: the shipped model is the one its card describes, it drops mentions of our own
wording that tell no new event (history, a general statement) and keeps news, a change of control is
dropped only when the model is very sure (so a place's control timeline comes out the same with the filter
and without it), and it runs only where FRONTWATCH_FILTER=on (off is the default)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from conftest import files_of_stage, stage_versions_with
from frontwatch import pipeline
from frontwatch.clean import language
from frontwatch.events import instance_filter
from frontwatch.fuse import timeline
from frontwatch.learn.filter_train import raw_mentions
from frontwatch.records import Document, SourceDocument
from frontwatch.store import Store

CARD = json.loads((instance_filter.MODEL_DIR / "model_card.json").read_text("utf-8"))
PUBLISHED = "2024-05-14"

# News of the day: each sentence tells one event the filter must keep.
NEWS = {
    "shelling": "Russian forces shelled Kupiansk on Monday, wounding three residents, the governor said.",
    "drones": "Ukrainian drones struck an oil depot near Novorossiysk overnight, Russian officials said.",
    "capture": "The Russian defence ministry said on Tuesday that its troops had captured Ocheretyne.",
}
# A mention the sentence rules read as an event that is none: a forecast.
NOT_NEWS = {
    "prospect": "Russian forces will likely attempt to push towards Kostiantynivka in the coming weeks.",
}
# Reports of changes of control that places' timelines are built from, beside mentions the filter may drop.
STORIES = {
    "lyman": (
        "The Russian defence ministry said on Saturday that its troops had withdrawn from Lyman to more "
        "advantageous lines. Ukrainian soldiers raised the national flag in Lyman the same afternoon, the "
        "army's eastern command said. Russian forces will likely attempt to push towards Kostiantynivka in "
        "the coming weeks."
    ),
    "izium": (
        "Ukrainian forces have liberated Izium in the Kharkiv region, the deputy defence minister said on "
        "Saturday. Russia has attacked towns across the region almost every night since the spring."
    ),
    "avdiivka": (
        "Ukrainian troops withdrew from Avdiivka overnight to avoid encirclement, the commander-in-chief "
        "said on Saturday. Russia said its forces had taken full control of the town. In the Second World "
        "War the town changed hands twice before the Red Army retook it in 1943."
    ),
}


@pytest.fixture(autouse=True)
def filter_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_FILTER", "on")


def _document(doc_id: str, text: str) -> Document:
    return Document(doc_id, "test", PUBLISHED, text, "hash", language=language.detect(text))


def _events(doc_id: str, text: str) -> list[tuple[str, str | None]]:
    _, events = pipeline.analyse(_document(doc_id, text))
    return [(e.type, e.place.name if e.place else None) for e in events]


def test_shipped_files_are_those_the_card_names() -> None:
    for name, digest in CARD["files"].items():
        assert hashlib.sha256((instance_filter.MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    settings = instance_filter.shared().settings
    assert settings.threshold == CARD["threshold"]
    assert settings.control_threshold == CARD["control threshold"] < settings.threshold
    assert settings.protected == frozenset(CARD["protected"]) >= {"capture", "withdrawal", "annexation"}
    assert CARD["held-out scores"]["protected real dropped"] == 0


@pytest.mark.parametrize(("name", "text"), NEWS.items(), ids=NEWS)
def test_news_is_kept(name: str, text: str) -> None:
    assert _events(name, text)


@pytest.mark.parametrize(("name", "text"), NOT_NEWS.items(), ids=NOT_NEWS)
def test_what_is_no_new_event_is_dropped(monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    assert _events(name, text) == []
    monkeypatch.setenv("FRONTWATCH_FILTER", "off")
    assert _events(name, text), "the rules must misread the text, or the test shows nothing"


def test_a_change_of_control_is_kept_unless_the_filter_is_very_sure(tmp_path: Path) -> None:
    """A copy of the model that drops every mention of an unprotected type still keeps a capture; it drops
    the capture only once the control threshold is raised above the capture's score."""
    folder = tmp_path / "model"
    shutil.copytree(instance_filter.MODEL_DIR, folder)
    settings = json.loads((folder / "filter.json").read_text("utf-8"))
    (folder / "filter.json").write_text(json.dumps({**settings, "threshold": 1.0}), "utf-8")
    strict = instance_filter.Filter(folder)
    _, raws, reading = raw_mentions(SourceDocument("izium", "test", text=STORIES["izium"]), PUBLISHED)
    assert reading is not None
    capture = next(r for r in raws if r.type == "capture")
    attack = next(r for r in raws if r.type == "attack")
    assert strict.keeps(capture, reading.pub)
    assert not strict.keeps(attack, reading.pub)
    score = strict.probability(capture, reading.pub)
    sure = {**settings, "threshold": 1.0, "control_threshold": min(1.0, score + 0.01)}
    (folder / "filter.json").write_text(json.dumps(sure), "utf-8")
    assert not instance_filter.Filter(folder).keeps(capture, reading.pub)


def _run(folder: Path, db: Path) -> tuple[list[tuple], int]:
    """The control changes of every place after a run, and how many event mentions it stored."""
    store = Store(f"sqlite:///{db}")
    pipeline.run([folder], store, published=PUBLISHED)
    changes = sorted(
        (c.place.name, c.change, c.actor_side, c.side, c.date.start if c.date else None)
        for c in timeline.all_changes(store)
    )
    return changes, sum(1 for _ in store.events())


def test_the_control_timeline_is_the_same_with_and_without_the_filter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in STORIES.items():
        (inputs / f"{name}.txt").write_text(text, "utf-8")
    with_filter, kept = _run(inputs, tmp_path / "on.db")
    monkeypatch.setenv("FRONTWATCH_FILTER", "off")
    without, found = _run(inputs, tmp_path / "off.db")
    assert kept < found, "the filter must drop some mention of the stories, or the test shows nothing"
    assert {change for _, change, *_ in without} == {"capture", "withdrawal"}
    assert len({name for name, *_ in without}) == 3  # Lyman, Izium and Avdiivka
    assert with_filter == without


def test_mode_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_FILTER", "maybe")
    with pytest.raises(ValueError, match="FRONTWATCH_FILTER"):
        instance_filter.mode()
    monkeypatch.setenv("FRONTWATCH_FILTER", "ON")
    assert instance_filter.mode() == "on"
    monkeypatch.delenv("FRONTWATCH_FILTER")
    assert instance_filter.mode() == "off"


def test_the_model_and_the_mode_count_for_the_events_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    events_files = files_of_stage("events")
    assert {f"events/instance_filter_model/{name}" for name in CARD["files"]} <= events_files
    assert "events/instance_filter.py" in events_files
    on = stage_versions_with(monkeypatch, "FRONTWATCH_FILTER", "on")
    off = stage_versions_with(monkeypatch, "FRONTWATCH_FILTER", "off")
    assert on["events"] != off["events"]
    assert {s: v for s, v in on.items() if s != "events"} == {s: v for s, v in off.items() if s != "events"}
