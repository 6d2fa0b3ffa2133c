"""Errors found on unseen articles: typos in lists, a stray 'of' read as a given name, weapons named
like towns, counts whose noun is left out, locators after 'near', tolls told after an attack."""

from __future__ import annotations

import pytest

from frontwatch.events import extract_events
from frontwatch.events.quantities import find_quantities
from frontwatch.places import find_places, gazetteer
from frontwatch.records import Document


@pytest.fixture(scope="session", autouse=True)
def gaz():
    return gazetteer.load()


def places(text: str) -> dict[str, str | None]:
    return {m.mention: (m.place.name if m.place else None) for m in find_places("t", text)}


def events(text: str) -> list[tuple[str, str | None, dict[str, float]]]:
    doc = Document("d", "test", "A title", text, "h", published="2023-03-15")
    return [
        (e.type, e.place.name if e.place else None, e.quantities)
        for e in extract_events(doc, find_places("d", text))
    ]


def test_typo_listed_beside_known_towns_is_matched() -> None:
    found = places("Overnight shelling damaged houses in Sloviansk, Kostiantynivka and Kramatorks.")
    assert found["Kramatorks"] == "Kramatorsk"


def test_typo_after_lower_case_of_is_not_a_surname() -> None:
    # "Of" is a town in Turkey: a lower-case "of" must not make the next word a person's surname
    assert places("Thousands of residents of Bakmut have left.")["Bakmut"] == "Bakhmut"


def test_list_of_people_gets_no_fuzzy_places() -> None:
    assert places("Zelensky, Reznikov and Zaluzhnyi met in the capital on Monday.") == {}


def test_weapon_named_like_a_town_is_no_place() -> None:
    assert "Iskander" not in places("Officials said the rocket that hit Sumy was an Iskander.")
    assert "Shahed" not in places("Air defence downed a Shahed over Odesa.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A rocket hit a bus stop, killing 4 people and wounding 17, the mayor said.",
            {"fatalities": 4, "injured": 17},
        ),
        ("Six soldiers died and nine were wounded in the blast.", {"fatalities": 6, "injured": 9}),
        ("The strike killed two civilians and injured at least 12.", {"fatalities": 2, "injured": 12}),
        ("The drone wounded 3 on Friday.", {"injured": 3}),
    ],
)
def test_counts_without_a_noun(text: str, expected: dict[str, float]) -> None:
    got: dict[str, float] = {}
    for q in find_quantities(text):
        got.setdefault(q.kind, q.value)
    assert got == expected


def test_bare_count_is_not_a_year() -> None:
    assert [q.kind for q in find_quantities("In 2019, seven were killed.")] == ["fatalities"]
    assert find_quantities("In 2019, seven were killed.")[0].value == 7


def test_place_after_near_only_locates_the_taken_village() -> None:
    got = events("Ukrainian troops retook the village of Andriivka near Bakhmut on Tuesday.")
    assert [(t, p) for t, p, _ in got] == [("capture", "Andriyivka")]


def test_near_on_a_list_keeps_both_places() -> None:
    got = {p for t, p, _ in events("Russian forces shelled Kupiansk and villages near Izium on Sunday.")}
    assert {"Kupyansk", "Izyum"} <= got


def test_toll_in_the_next_sentence_joins_the_attack() -> None:
    got = events(
        "A Russian missile hit a school in Kramatorsk on Monday. Five people were injured, the governor said."
    )
    assert got == [("attack", "Kramatorsk", {"injured": 5})]


def test_toll_after_an_unrelated_sentence_stays_apart() -> None:
    got = events(
        "A Russian missile hit a school in Kramatorsk on Monday. The mayor met reporters in the afternoon. "
        "Five people were injured, the governor said."
    )
    assert ("attack", "Kramatorsk", {}) in got
    assert any(t == "casualties" and q == {"injured": 5} for t, _, q in got)


def test_the_city_of_a_regional_governor_is_the_regions_namesake_town() -> None:
    text = (
        "The Chernihiv regional governor said Russian forces kept shelling the city overnight, killing a man."
    )
    assert events(text) == [("attack", "Chernihiv", {"fatalities": 1.0})]


def test_an_undated_wire_story_is_dated_by_its_own_dateline() -> None:
    text = "MOSCOW, 12 March 2024. Russian troops liberated the town of Vuhledar, the ministry said."
    doc = Document("d", "test", None, text, "h", published=None)
    (e,) = extract_events(doc, find_places("d", text))
    assert (e.type, e.date.start if e.date else None) == ("capture", "2024-03-12")
