from __future__ import annotations

import pytest

from frontwatch.events.quantities import as_dict, find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two thousand", 2000),
        ("300 thousand", 300000),
        ("100,000", 100000),
        ("a hundred", 100),
        ("forty-five", 45),
        ("seven", 7),
        ("one hundred and twenty", 120),
        ("12.5", 12.5),
        ("1.2 million", 1200000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_rejects_words() -> None:
    assert parse_number("several") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the army said it had regained some three thousand square kilometres", {"area_km2": 3000}),
        ("officials said 1,500 sq km were liberated", {"area_km2": 1500}),
        ("forces pushed 25km beyond the river", {"distance_km": 25}),
        ("they moved forward up to four kilometers overnight", {"distance_km": 4}),
        ("troops recaptured more than 40 villages", {"settlements": 40}),
        ("twelve settlements were retaken", {"settlements": 12}),
        ("an elderly man was killed when a shell hit his house", {"fatalities": 1}),
        ("the strike killed nine civilians and wounded 20 people", {"fatalities": 9, "injured": 20}),
        ("four people were injured", {"injured": 4}),
        ("with eleven individuals reported wounded", {"injured": 11}),
        ("the call-up of roughly 200 thousand reservists", {"troops": 200000}),
        ("the order to mobilise about 150,000 reservists", {"troops": 150000}),
        ("some 80,000 soldiers killed or wounded", {"casualties": 80000}),
        ("a town of 30 thousand residents", {}),
    ],
)
def test_find_quantities(text: str, expected: dict[str, float]) -> None:
    assert as_dict(find_quantities(text)) == expected


def test_miles_are_converted() -> None:
    assert as_dict(find_quantities("they advanced 10 miles"))["distance_km"] == 16


def test_offsets() -> None:
    text = "units took back 35 settlements"
    q = find_quantities(text)[0]
    assert text[q.start : q.end] == "35 settlements"


def test_lost_soldiers_are_casualties_but_lost_children_are_not_counted() -> None:
    assert [(q.kind, q.value) for q in find_quantities("the army lost about 1,450 servicemen")] == [
        ("casualties", 1450)
    ]
    assert find_quantities("she lost 3 children in the war") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("troops moved forward by up to 800 metres near the river", {"distance_km": 0.8}),
        ("units advanced 1,200 meters", {"distance_km": 1.2}),
        ("a 71 year old man was wounded in the shelling", {"injured": 1}),
        ("a 45-year-old woman was killed", {"fatalities": 1}),
        ("Three civilians, two women and a boy, were wounded by shrapnel", {"injured": 3}),
        ("more than 150,000 men had been mobilised by then", {"troops": 150000}),
        ("the evacuation of 25 frontline villages", {"settlements": 25}),
        ("people from 25 in villages", {}),
    ],
)
def test_find_quantities_more(text: str, expected: dict[str, float]) -> None:
    assert as_dict(find_quantities(text)) == expected


def test_a_count_of_soldiers_alone_is_troops_marked_bare() -> None:
    (q,) = find_quantities("about 20,000 servicemen were moved across the river")
    assert (q.kind, q.value, q.bare) == ("troops", 20000, True)
    (q,) = find_quantities("the order to mobilise about 150,000 reservists")
    assert q.bare is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "at least 12 people were killed and 40 injured, among them children",
            {"fatalities": 12, "injured": 40},
        ),
        ("five people have been killed and 9 more wounded", {"fatalities": 5, "injured": 9}),
        ("A 70-year-old man and a 68-year-old woman were wounded.", {"injured": 2}),
        ("the losses of the enemy over the day amounted to up to 350 servicemen", {"casualties": 350}),
        ("losses in the sector made up 120 troops and four tanks", {"casualties": 120}),
        (
            "total losses of the enemy from 24.02.22 to 15.03.25 were about 890,000 personnel",
            {"casualties": 890000},
        ),
        ("the losses of the bridge and 12 trucks", {}),
    ],
)
def test_tolls_told_in_pieces(text: str, expected: dict[str, float]) -> None:
    assert as_dict(find_quantities(text)) == expected
