"""The learned boilerplate line classifier: the shipped model is the one its card describes, it removes
furniture the rule families do not know from pages of our own wording and keeps their content, a stamp
glued to a paragraph is split off, and FRONTWATCH_LINES=off turns the model off."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import stage_versions_with
from frontwatch.clean import clean_text, line_model, rule_for, split_glued_stamps

CARD = json.loads((line_model.MODEL_DIR / "model_card.json").read_text("utf-8"))

# Team-written pages: the title, the text, the furniture lines the rules miss and the model must remove.
SHELLING = (
    "Shelling damages school in Nikopol",
    "Shelling damages school in Nikopol\n"
    "SOUTH ・ 40 MIN AGO\n"
    "Russian artillery shelled Nikopol from across the reservoir on Monday, damaging a school and two "
    "houses, the regional governor said.\n"
    "The building was empty at the time, and nobody was hurt.\n"
    "Link to the original:\n"
    "Classes will continue online for the rest of the week.\n"
    "( 5 )",
    {"Link to the original:", "( 5 )"},
)
FAIR = (
    "Town fair returns after four years",
    "Town fair returns after four years\n"
    "LOCAL ・ 2 HOURS AGO\n"
    "The town fair returned to the main square on Saturday after a four-year break.\n"
    "Dozens of stalls sold honey, cheese and wooden toys, and a brass band played until dusk.\n"
    "The organisers expect more than ten thousand visitors over the weekend.\n"
    "Entry is free.\n"
    "▶ 01:20 | The brass band on the square\n"
    "Article source:",
    {"▶ 01:20 | The brass band on the square", "Article source:"},
)
# A bulletin of short lines and no furniture at all: every line is content.
BULLETIN = (
    None,
    "Evening update\n"
    "Air raid alerts sounded across the east for most of the afternoon.\n"
    "In Sloviansk, a drone hit a garage; nobody was hurt.\n"
    "Power was restored in Izium by 6pm.\n"
    "Schools stay closed tomorrow.",
    set(),
)
# A list: lines that open alike are items, content however short, and the model leaves them to the rules.
TOUR = (
    "Choir announces spring tour",
    "Choir announces spring tour\n"
    "The city choir will give five concerts this spring, its director said on Monday.\n"
    "May 3 – Lviv, Opera House\n"
    "May 5 – Ternopil, Philharmonic Hall\n"
    "May 9 – Rivne, Drama Theatre\n"
    "May 12 – Lutsk, Cathedral Square\n"
    "Tickets go on sale next week.",
    set(),
)
PAGES = {"shelling": SHELLING, "fair": FAIR, "bulletin": BULLETIN, "tour": TOUR}


def _content(text: str) -> list[str]:
    """The pages' content lines are their sentences; no furniture line of them ends with a full stop."""
    return [ln for ln in text.split("\n") if ln.endswith(".")]


def test_shipped_files_are_those_the_card_names() -> None:
    for name, digest in CARD["files"].items():
        assert hashlib.sha256((line_model.MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    assert line_model.shared().settings.threshold == CARD["threshold"]
    held = CARD["held-out scores"]
    assert held["content kept, rules and model"] >= held["content kept, rules"] - 0.01
    assert held["furniture removed, rules and model"] > held["furniture removed, rules"]


@pytest.mark.parametrize("name", PAGES)
def test_furniture_the_rules_miss_is_removed_and_content_kept(name: str) -> None:
    title, text, furniture = PAGES[name]
    cleaned = clean_text(text, title)
    learned = {r.line for r in cleaned.removed if r.rule == "learned"}
    assert furniture <= learned
    kept = cleaned.text.split("\n")
    for line in _content(text):
        assert line in kept
    if name == "tour":
        assert [ln for ln in kept if ln.startswith("May ")] == text.split("\n")[2:6]
        assert line_model.in_lists(text.split("\n"))[2:6] == [True] * 4


def test_off_switch_keeps_what_the_rules_keep(monkeypatch: pytest.MonkeyPatch) -> None:
    title, text, furniture = SHELLING
    monkeypatch.setenv("FRONTWATCH_LINES", "off")
    cleaned = clean_text(text, title)
    assert all(r.rule != "learned" for r in cleaned.removed)
    assert furniture <= set(cleaned.text.split("\n"))
    monkeypatch.setenv("FRONTWATCH_LINES", "sometimes")
    with pytest.raises(ValueError, match="FRONTWATCH_LINES"):
        clean_text(text, title)


def test_the_switch_changes_the_clean_stage_version(monkeypatch: pytest.MonkeyPatch) -> None:
    on = stage_versions_with(monkeypatch, "FRONTWATCH_LINES", "on")
    off = stage_versions_with(monkeypatch, "FRONTWATCH_LINES", "off")
    assert on["clean"] != off["clean"]
    assert on["places"] == off["places"]


def test_a_stamp_glued_to_the_first_paragraph_is_split_off_and_removed() -> None:
    lines = split_glued_stamps(
        ["date 2024-03-02 Drones hit a depot near the border, the governor said.", "x"]
    )
    assert lines == ["date 2024-03-02", "Drones hit a depot near the border, the governor said.", "x"]
    assert rule_for(lines[0]) == "meta"
    # A stamp before a short label, or a date inside a sentence, stays as it is.
    assert split_glued_stamps(["Published 12.05.2023 Kyiv"]) == ["Published 12.05.2023 Kyiv"]
    kept = "On 2024-03-02 Drones were seen over the city, the mayor said."
    assert split_glued_stamps([kept]) == [kept]
    page = "Depot hit\nPublished: 02.03.2024 09:15 Drones hit a fuel depot near the border on Saturday."
    cleaned = clean_text(page)
    assert cleaned.text == "Drones hit a fuel depot near the border on Saturday."


def test_a_wire_storys_opening_line_is_kept_after_the_furniture_above_it() -> None:
    # the furniture above it is removed by the rules; the story's first line, cut by the page's line wrap,
    # opens with its dateline and stays
    text = (
        "Russia says its troops have captured a town in eastern Ukraine\n"
        "Send a link to a friend\n"
        "[January 27, 2025]\n"
        "KYIV, Ukraine (AP) — Russia on Sunday claimed its troops\n"
        "had captured a strategically important town in eastern Ukraine as part\n"
        "of a grinding campaign to weaken Kyiv's grip on the country's industrial\n"
        "heartland, officials said.\n"
    )
    cleaned = clean_text(text)
    assert "KYIV, Ukraine (AP) — Russia on Sunday claimed its troops" in cleaned.text
    assert "Send a link to a friend" not in cleaned.text
    assert line_model.protected("DONETSK, Jan 5 (Reuters) - Shelling hit the city")
