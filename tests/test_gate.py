"""The off-topic document gate: the shipped model is the one its card describes, it tells texts of our own
wording apart, the pipeline sets an off-topic document aside (places kept, no events, counted in the run's
summary), and FRONTWATCH_GATE=off turns it off."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import files_of_stage, stage_versions_with
from frontwatch import pipeline
from frontwatch.clean import language
from frontwatch.events import gate
from frontwatch.places import find_places
from frontwatch.records import Document
from frontwatch.store import Store

CARD = json.loads((gate.MODEL_DIR / "model_card.json").read_text("utf-8"))

WAR = {
    "shelling": (
        "Russian artillery shelled Kherson overnight, the regional governor said on Tuesday. Two residents "
        "were killed and five wounded when shells hit a bus stop near the central market. Ukrainian air "
        "defence also shot down four drones over the Mykolaiv region."
    ),
    "advance": (
        "Ukrainian troops of the 3rd Assault Brigade advanced about a kilometre south of Bakhmut and took "
        "positions near Klishchiivka, the general staff reported. Russian forces tried to regain the "
        "ground with armoured vehicles but were pushed back with losses."
    ),
    # a post of one paragraph, as short Telegram bulletins come
    "evacuation bulletin": (
        "Authorities ordered the evacuation of families with children from Kupiansk as the front line "
        "moved closer."
    ),
    "blast bulletin": (
        "Explosions shook Belgorod late on Sunday, and the governor reported broken windows in two "
        "apartment blocks."
    ),
}
OFF_TOPIC = {
    "football": (
        "Arsenal captured a late winner at the Emirates on Saturday to move top of the Premier League. The "
        "home side's attack struggled for an hour against a deep defence before the substitute struck from "
        "the edge of the box. The manager said the squad would rest before the cup tie in Birmingham."
    ),
    "wildfire": (
        "Firefighters in northern California evacuated three small towns on Sunday as a wildfire spread "
        "across dry hills. Crews from Nevada and Oregon joined the effort, and officials said strong winds "
        "could push the flames towards the highway overnight."
    ),
    "one paragraph": "The striker scored twice as the home side captured the title in front of a full crowd.",
}


def _document(doc_id: str, text: str) -> Document:
    return Document(doc_id, "test", None, text, "hash", language=language.detect(text))


def test_shipped_files_are_those_the_card_names() -> None:
    for name, digest in CARD["files"].items():
        assert hashlib.sha256((gate.MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    assert gate.shared().settings.threshold == CARD["threshold"]
    assert CARD["held-out scores"]["war articles set aside"] == 0


@pytest.mark.parametrize(("name", "text"), WAR.items(), ids=WAR)
def test_war_texts_pass(name: str, text: str) -> None:
    doc = _document(name, text)
    assert gate.shared().on_topic(doc, find_places(name, text))


@pytest.mark.parametrize(("name", "text"), OFF_TOPIC.items(), ids=OFF_TOPIC)
def test_off_topic_texts_are_set_aside(name: str, text: str) -> None:
    doc = _document(name, text)
    assert not gate.shared().on_topic(doc, find_places(name, text))


def test_a_set_aside_document_keeps_its_places_and_yields_no_events(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Shakhtar Donetsk captured the Ukrainian Cup in Lviv on Sunday, beating Vorskla 2-0. Their attack "
        "took control after the break, and the fans who had travelled from Kyiv stormed the pitch."
    )
    doc = _document("cup", text)
    places, events = pipeline.analyse(doc)
    assert {p.mention for p in places} >= {"Lviv", "Kyiv"}
    assert events == []
    assert pipeline.document_events(doc, places) == ([], True)
    monkeypatch.setenv("FRONTWATCH_GATE", "off")
    _, events_without_gate = pipeline.analyse(doc)
    assert events_without_gate, "the text must be one the event rules misread, or the test shows nothing"
    assert pipeline.document_events(doc, places)[1] is False


def test_a_war_document_keeps_its_events() -> None:
    doc = _document("shelling", WAR["shelling"])
    places, events = pipeline.analyse(doc)
    assert any(e.type == "attack" for e in events)
    assert pipeline.document_events(doc, places)[1] is False


def test_the_run_counts_the_documents_set_aside(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "shelling.txt").write_text(WAR["shelling"], "utf-8")
    (inputs / "wildfire.txt").write_text(OFF_TOPIC["wildfire"], "utf-8")
    store = Store(f"sqlite:///{tmp_path}/store.db")
    summary = pipeline.run([inputs], store, published="2023-06-01")
    assert summary.set_aside == 1
    assert {e.doc_id for e in store.events()} == {"shelling"}
    assert {p.doc_id for p in store.place_mentions()} >= {"shelling", "wildfire"}


def test_mode_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_GATE", "maybe")
    with pytest.raises(ValueError, match="FRONTWATCH_GATE"):
        gate.mode()
    monkeypatch.setenv("FRONTWATCH_GATE", "OFF")
    assert gate.mode() == "off"
    assert not gate.sets_aside(_document("wildfire", OFF_TOPIC["wildfire"]), [])
    monkeypatch.delenv("FRONTWATCH_GATE")
    assert gate.mode() == "on"


def test_the_model_and_the_mode_count_for_the_events_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    events_files = files_of_stage("events")
    assert {f"events/gate_model/{name}" for name in CARD["files"]} <= events_files
    assert "events/gate.py" in events_files
    on = stage_versions_with(monkeypatch, "FRONTWATCH_GATE", "on")
    off = stage_versions_with(monkeypatch, "FRONTWATCH_GATE", "off")
    assert on["events"] != off["events"]
    assert {s: v for s, v in on.items() if s != "events"} == {s: v for s, v in off.items() if s != "events"}


def test_the_run_summary_says_how_many_were_set_aside(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from frontwatch.cli import app

    (tmp_path / "wildfire.txt").write_text(OFF_TOPIC["wildfire"], "utf-8")
    done = CliRunner().invoke(
        app, ["run", str(tmp_path / "wildfire.txt"), "--db", f"sqlite:///{tmp_path}/s.db"]
    )
    assert done.exit_code == 0, done.output
    assert "set aside as off-topic" in done.output
    assert done.output.split("set aside as off-topic")[1].split()[1] == "1"
