"""The learned place linker: the shipped model is the one its card describes, it scores the places of
sentences of our own wording as a reader would, it keeps the rules' place unless it is confident, and
FRONTWATCH_LINKER switches it (off by default)."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from spacy.tokens import Doc

from conftest import files_of_stage, stage_versions_with
from frontwatch import pipeline
from frontwatch.clean import language
from frontwatch.events import components, document, nlp, place_linker
from frontwatch.events.annotations import annotate, events_of
from frontwatch.learn.linker_train import norm, place_ok
from frontwatch.places import find_places
from frontwatch.records import Document, Place

CARD = json.loads((place_linker.MODEL_DIR / "model_card.json").read_text("utf-8"))


def _document(doc_id: str, text: str) -> Document:
    return Document(doc_id, "test", "2023-06-01", text, "hash", language=language.detect(text))


def _sentence_docs(text: str) -> list[Doc]:
    """The text's parsed sentences after the components, with the linker off: the rules' events."""
    doc = _document("t", text)
    reading = document._reading(doc, find_places(doc.doc_id, doc.text))
    selected = [i for i, s in enumerate(reading.sentences) if nlp.prefilter(s.text)]
    for i, sdoc in zip(selected, nlp.parse(reading.sentences[i].text for i in selected), strict=True):
        reading.parsed[i] = annotate(sdoc, reading, i)
    before = os.environ.get("FRONTWATCH_LINKER")
    os.environ["FRONTWATCH_LINKER"] = "off"
    try:
        return list(components.pipeline().pipe(reading.parsed.values()))
    finally:
        if before is None:
            os.environ.pop("FRONTWATCH_LINKER")
        else:
            os.environ["FRONTWATCH_LINKER"] = before


def _mentions(text: str) -> list[place_linker.Mention]:
    """The event mentions of a text as the rules leave them, each with its candidates."""
    return [m for sdoc in _sentence_docs(text) for m in place_linker.mentions(sdoc)]


def test_shipped_files_are_those_the_card_names() -> None:
    for name, digest in CARD["files"].items():
        assert hashlib.sha256((place_linker.MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    assert place_linker.shared().threshold == CARD["threshold"]
    settings = json.loads((place_linker.MODEL_DIR / "linker.json").read_text("utf-8"))
    assert tuple(settings["features"]) == place_linker.FEATURES
    held = CARD["held-out scores"]
    assert held["linker right"] >= held["rules right"]


@pytest.mark.parametrize(
    ("text", "kind", "place", "not_place"),
    [
        ("Russian artillery shelled Nikopol overnight, the governor told reporters in Dnipro on Monday.",
         "attack", "Nikopol", "Dnipro"),
        ("Speaking in Kyiv, the army spokesman said Ukrainian troops had pulled out of Soledar.",
         "withdrawal", "Soledar", "Kyiv"),
        ("Ukrainian units entered Kupiansk on Friday after a week of fighting near Kharkiv.",
         "capture", "Kupiansk", None),
    ],
)  # fmt: skip
def test_the_event_place_scores_above_the_others(
    text: str, kind: str, place: str, not_place: str | None
) -> None:
    ms = [m for m in _mentions(text) if m.type == kind]
    assert ms, "the rules must find the event, or the test shows nothing"
    scored = {c.place.mention: place_linker.shared().score(c) for c in ms[0].candidates}
    assert place in scored
    assert max(scored, key=lambda k: scored[k]) == place
    if not_place is not None:
        assert scored[not_place] < scored[place]


def test_a_place_said_in_is_described_as_such() -> None:
    text = "Russian drones struck Odesa overnight, the navy said in Mykolaiv."
    ms = [m for m in _mentions(text) if m.type == "attack"]
    by_name = {c.place.mention: c.features for c in ms[0].candidates}
    assert by_name["Mykolaiv"].get("said") == 1.0
    assert "said" not in by_name["Odesa"]
    assert by_name["Odesa"].get("bias_rule") == 1.0


def test_an_unsure_linker_keeps_the_rules_places() -> None:
    text = (
        "The town of Vovchansk was shelled again on Tuesday. Russian aircraft dropped guided bombs on the "
        "centre, and artillery hit Lyptsi and Kharkiv, the regional governor said."
    )
    never = place_linker.Linker(threshold=1.01)
    always = place_linker.Linker(threshold=0.0)
    for sdoc in _sentence_docs(text):
        rules = events_of(sdoc)
        assert place_linker.relink(sdoc, never) == rules
        for m in place_linker.mentions(sdoc):
            chosen = always.choose(m)
            best = max(m.candidates, key=always.score)
            assert chosen is None if best.rule else chosen is not None and best.place in chosen


def test_the_off_switch_keeps_the_rules_places(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Russian artillery shelled Nikopol and Marhanets overnight, the governor said in Dnipro."
    monkeypatch.setenv("FRONTWATCH_LINKER", "off")
    _, off = pipeline.analyse(_document("t", text))
    monkeypatch.setenv("FRONTWATCH_LINKER", "on")
    _, on = pipeline.analyse(_document("t", text))
    assert {e.place.name for e in off if e.place} == {"Nikopol", "Marhanets"}
    assert {e.place.name for e in on if e.place} == {"Nikopol", "Marhanets"}
    monkeypatch.delenv("FRONTWATCH_LINKER")
    assert pipeline.analyse(_document("t", text))[1] == off  # off unless asked for


def test_a_rule_place_is_one_candidate_with_the_name_it_comes_from() -> None:
    """'advances south of X' and 'pushing towards X' are placed at X: the rules' place and the name's
    candidate are one candidate, not rivals."""
    text = (
        "Ukrainian troops made fresh advances south of Kharkiv over the weekend, the army said. Units of "
        "the brigade were pushing on towards Toretsk."
    )
    ms = [m for m in _mentions(text) if m.type == "advance"]
    assert ms, "the rules must find the advances, or the test shows nothing"
    for m in ms:
        spans = [(c.place.start, c.place.end) for c in m.candidates if c.place.start >= 0]
        assert len(spans) == len(set(spans)), m.candidates
        assert [c.rule for c in m.candidates if c.place in m.rules] == [True] * len(m.rules)
    pushed = [m for m in ms if m.trigger.lower_ == "pushing"]
    assert [r.place.kind for r in pushed[0].rules if r.place] == ["settlement"]


def test_mode_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_LINKER", "perhaps")
    with pytest.raises(ValueError, match="FRONTWATCH_LINKER"):
        place_linker.mode()
    monkeypatch.setenv("FRONTWATCH_LINKER", "OFF")
    assert place_linker.mode() == "off"
    monkeypatch.delenv("FRONTWATCH_LINKER")
    assert place_linker.mode() == "off"


def test_the_model_and_the_mode_count_for_the_events_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    events_files = files_of_stage("events")
    assert {f"events/place_linker_model/{name}" for name in CARD["files"]} <= events_files
    assert "events/place_linker.py" in events_files
    on = stage_versions_with(monkeypatch, "FRONTWATCH_LINKER", "on")
    off = stage_versions_with(monkeypatch, "FRONTWATCH_LINKER", "off")
    assert on["events"] != off["events"]
    assert {s: v for s, v in on.items() if s != "events"} == {s: v for s, v in off.items() if s != "events"}


def test_gold_places_are_judged_as_the_scorer_judges_them() -> None:
    town = Place("settlement", 1, "Sometown", 48.0, 37.0, "UA.05", "UA", 2000)
    near = {"kind": "settlement", "geonameid": 2, "lat": 48.1, "lon": 37.1, "admin1": "UA.05"}
    far = {"kind": "settlement", "geonameid": 3, "lat": 50.0, "lon": 30.0, "admin1": "UA.10"}
    region = Place("region", None, "Donetsk Oblast", None, None, "UA.05", "UA")
    assert place_ok(town, [near])
    assert not place_ok(town, [far])
    assert place_ok(region, [{"kind": "region", "geonameid": None, "name": "x", "admin1": "UA.05"}])
    assert place_ok(None, []) and place_ok(region, []) and not place_ok(town, [])
    assert norm("Kharkiv region") == norm("kharkiv") == "kharkiv"
