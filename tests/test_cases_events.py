"""Event cases as data: `tests/cases/events/<rule_or_type>.jsonl`, one sentence per line with the events it
must yield, run through `extract_events` with places from the hand gazetteer below.

A line: `{"rule": ..., "text": ..., "expect": [{"type": ..., "place": ..., "actor": ..., "status": ...}]}`;
an expected event is compared on the keys it gives, in order, and `[]` means no event at all. `rule` names a
rule of `lang/en/events/senses.toml` (which must then decide a trigger's sense in the sentence, or with
`"counter": true` must not: a sentence the rule lets through) or an event type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import hand_places, region, town
from frontwatch.events import extract_events, nlp, relations, senses, triggers, types
from frontwatch.records import Document, Place

CASES = Path(__file__).parent / "cases" / "events"

PLACES: dict[str, Place] = {
    r"Lyman": town("Lyman", 48.99, 37.80, "UA.05", 1),
    r"Soledar": town("Soledar", 48.69, 38.09, "UA.05", 2),
    r"Vuhledar": town("Vuhledar", 47.78, 37.25, "UA.05", 3),
    r"Mykolaiv": town("Mykolaiv", 46.97, 32.0, "UA.17", 4),
    r"Snihurivka": town("Snihurivka", 47.07, 32.80, "UA.17", 5),
    r"Kreminna": town("Kreminna", 49.05, 38.22, "UA.09", 6),
    r"Bucha": town("Bucha", 50.54, 30.21, "UA.13", 7),
    r"Irpin": town("Irpin", 50.52, 30.25, "UA.13", 8),
    r"Chernihiv": town("Chernihiv", 51.50, 31.29, "UA.02", 9),
    r"Kyiv": town("Kyiv", 50.45, 30.52, "UA.12", 10),
    r"Sumy": town("Sumy", 50.91, 34.80, "UA.21", 11),
    r"Bakhmut": town("Bakhmut", 48.59, 38.0, "UA.05", 12),
    r"Avdiivka": town("Avdiivka", 48.14, 37.74, "UA.05", 13),
    r"Kherson": town("Kherson", 46.64, 32.61, "UA.08", 14),
    r"Izium": town("Izium", 49.21, 37.26, "UA.07", 15),
    r"Kupiansk": town("Kupiansk", 49.71, 37.62, "UA.07", 16),
    r"Robotyne": town("Robotyne", 47.44, 35.84, "UA.26", 17),
    r"Marinka": town("Marinka", 47.94, 37.50, "UA.05", 18),
    r"Krynky": town("Krynky", 46.73, 33.09, "UA.08", 19),
    r"Kharkiv region": region("Kharkiv Oblast", "UA.07", 20),
    r"Kherson region": region("Kherson Oblast", "UA.08", 21),
    r"Crimea": region("Crimea", "UA.11", 22),
    r"Russia": Place("country", 23, "Russia", 60.0, 90.0, None, "RU"),
}


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{path.stem}:{n}", json.loads(line)))
    return out


ALL = load_cases()
RULES = {r.name for r in (*senses.verb_rules(), *senses.noun_rules())}


def events_of(text: str) -> list[dict[str, Any]]:
    doc = Document("d", "test", "A title", text, "h", published="2023-05-20")
    return [
        {
            "type": e.type,
            "place": e.place.name if e.place else None,
            "actor": e.actor.side,
            "status": e.status,
            "quantities": e.quantities,
        }
        for e in extract_events(doc, hand_places(text, PLACES))
    ]


@pytest.mark.parametrize(("where", "case"), ALL, ids=[where for where, _ in ALL])
def test_case(where: str, case: dict[str, Any]) -> None:
    got = events_of(case["text"])
    want = case["expect"]
    assert [{k: g[k] for k in w} for g, w in zip(got, want, strict=False)] == want and len(got) == len(
        want
    ), got


def test_every_case_names_a_rule_or_type_and_sits_in_its_file() -> None:
    names = RULES | {s.name for s in types.specs()}
    extra = {path.stem for path in CASES.glob("*.jsonl")} - names
    assert ALL and not extra, extra
    for where, case in ALL:
        assert {"rule", "text", "expect"} <= set(case) <= {"rule", "text", "expect", "counter"}, where
        assert case["rule"] in names and where.split(":")[0] == case["rule"], where


SENSE_CASES = [(where, case) for where, case in ALL if case["rule"] in RULES]


@pytest.mark.parametrize(("where", "case"), SENSE_CASES, ids=[where for where, _ in SENSE_CASES])
def test_sense_case_is_decided_by_its_rule(where: str, case: dict[str, Any]) -> None:
    """The rule a case names is the one that decides the sense of a verb trigger in it (or, for a counter
    case, decides none)."""
    text = case["text"]
    sdoc = nlp.parse([text])[0]
    mentions = hand_places(text, PLACES)
    token_place = {t.i: m for m in mentions for t in sdoc if m.start <= t.idx < m.end}
    decided = set()
    for t in sdoc:
        lemma = relations.trigger_lemma(t)
        ty = types.VERBS.get(lemma)
        if ty is not None and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")):
            decided.add(triggers.verb_sense(t, lemma, ty, token_place)[1])
        elif t.pos_ in ("NOUN", "PROPN", "VERB"):
            decided.add(triggers.noun_sense(t, lemma, types.NOUNS.get(lemma), token_place)[1])
    assert (case["rule"] in decided) != case.get("counter", False), decided


def test_every_sense_rule_has_a_case() -> None:
    assert RULES - {case["rule"] for _, case in ALL} == set()


def test_every_sure_sense_is_a_rule_of_the_sense_table() -> None:
    assert triggers.SURE_SENSES and RULES >= triggers.SURE_SENSES
