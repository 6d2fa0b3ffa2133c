"""A denial told after its claim ("Kyiv denied the claim") records the claim's event again as denied, with
the denier as source, through the real spaCy pipeline; and the store fuses the two into one contested
incident."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import hand_places, region, town
from frontwatch.events import extract_events
from frontwatch.export import export
from frontwatch.pipeline import run
from frontwatch.records import Document, Place
from frontwatch.store import Store

PLACES: dict[str, Place] = {
    r"Vuhledar": town("Vuhledar", 47.78, 37.25, "UA.05", 1),
    r"Nova Kakhovka": town("Nova Kakhovka", 46.75, 33.35, "UA.08", 2),
    r"Kharkiv": town("Kharkiv", 49.98, 36.25, "UA.07", 3),
    r"Kherson": town("Kherson", 46.64, 32.61, "UA.08", 4),
    r"Belgorod region": region("Belgorod Oblast", "RU.09", 5, cc="RU"),
}


def events(text: str) -> list[tuple[str, str | None, str | None, str, str | None]]:
    doc = Document("d", "test", "A title", text, "h", published="2023-05-20")
    return [
        (
            e.type,
            e.place.name if e.place else None,
            e.actor.side,
            e.status,
            e.source.side if e.source else None,
        )
        for e in extract_events(doc, hand_places(text, PLACES))
    ]


def test_a_denial_of_the_claim_before_records_the_claimed_event_as_denied_by_the_denier() -> None:
    text = (
        "The Russian defence ministry said its troops had captured Vuhledar after a week of assaults. "
        "Ukraine's general staff rejected the claim on Saturday."
    )
    assert events(text) == [
        ("capture", "Vuhledar", "RU", "claimed", "RU"),
        ("capture", "Vuhledar", "RU", "denied", "UA"),
    ]


def test_a_claim_the_same_sentence_says_was_denied_is_told_twice() -> None:
    text = "Moscow said Ukrainian artillery had shelled Nova Kakhovka overnight, a claim Kyiv denied."
    assert events(text) == [
        ("attack", "Nova Kakhovka", "UA", "claimed", "RU"),
        ("attack", "Nova Kakhovka", "UA", "denied", "UA"),
    ]


def test_a_denial_that_blames_the_other_side_denies_the_claim_before_and_makes_its_own() -> None:
    text = (
        "Moscow said Ukrainian artillery had shelled Nova Kakhovka overnight. "
        "Kyiv rejected the claim, accusing Russian troops of shelling Nova Kakhovka themselves."
    )
    assert events(text) == [
        ("attack", "Nova Kakhovka", "UA", "claimed", "RU"),
        ("attack", "Nova Kakhovka", "UA", "denied", "UA"),
        ("attack", "Nova Kakhovka", "RU", "claimed", "UA"),
    ]


def test_a_denial_of_a_claim_it_tells_adds_no_second_denial() -> None:
    text = "Moscow said its troops had taken Vuhledar. Kyiv rejected the claim that the town had fallen."
    assert [e[3] for e in events(text)] == ["claimed", "denied"]


def test_the_accused_side_denying_its_part_denies_the_strike() -> None:
    text = "Missiles hit a school in Kharkiv, Ukrainian officials said. Moscow denied any involvement."
    got = events(text)
    assert got[-1] == ("attack", "Kharkiv", "RU", "denied", "RU") and len(got) == 2


def test_what_is_not_a_denial_of_the_claim_adds_nothing() -> None:
    claim = "Ukrainian officials said Russian missiles hit a school in Kharkiv. "
    for answer in (
        "Moscow denies targeting civilians.",  # a policy denied, not this strike
        "Moscow did not deny the report.",
        "The Kremlin neither confirmed nor denied the report.",
        "The Kremlin dismissed the governor.",
        "Kyiv denied the claim.",  # the claimant's own side
    ):
        assert [e[3] for e in events(claim + answer)] == ["claimed"], answer


def test_a_denial_answers_only_a_claim_told_just_before() -> None:
    text = (
        "The Russian defence ministry said its troops had captured Vuhledar. "
        "Fighting went on in the south. Power was cut in many districts. Shops stayed shut. "
        "Ukraine's general staff rejected the claim."
    )
    assert [e[3] for e in events(text)] == ["claimed"]


def test_a_report_in_the_article_s_own_voice_is_not_denied_by_a_third_party() -> None:
    text = "Russian forces shelled Kherson on Monday. Kyiv rejected the report."
    assert [e[3] for e in events(text)] == ["reported"]


def test_the_claim_and_its_denial_make_one_contested_incident(tmp_path: Path) -> None:
    story = (
        "The Russian army said on Friday it had captured Vuhledar after weeks of fighting. "
        "Ukraine's military rejected the claim, saying its troops still held the town."
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "published": "2024-02-10", "text": story}) + "\n", encoding="utf-8"
    )
    store = Store(f"sqlite:///{tmp_path}/store.db")
    run([feed], store)
    export(store, tmp_path / "out")
    rows = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert [(e["type"], e["status"], e["source"]["side"]) for e in rows] == [
        ("capture", "claimed", "RU"),
        ("capture", "denied", "UA"),
    ]
    assert rows[0]["incident_id"] == rows[1]["incident_id"]
    incidents = [json.loads(line) for line in (tmp_path / "out" / "incidents.jsonl").read_text().splitlines()]
    assert [i["status"] for i in incidents] == ["contested"]
