from __future__ import annotations

import pytest

from frontwatch.dates import find_dates


def first(text: str, published: str | None = "2023-03-16", future: bool = False):
    found = find_dates(text, published, future)
    assert found, text
    return found[0].range


# 2023-03-16 is a Thursday.
@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Officials said on Tuesday that the town fell.", "2023-03-14", "2023-03-14", "day"),
        ("The bridge was hit on Thursday.", "2023-03-16", "2023-03-16", "day"),
        ("The ministry said last Thursday it had left.", "2023-03-09", "2023-03-09", "day"),
        ("In January, the army pulled back.", "2023-01-01", "2023-01-31", "month"),
        ("In October, the army pulled back.", "2022-10-01", "2022-10-31", "month"),
        ("It was announced at the end of February.", "2023-02-21", "2023-02-28", "month"),
        ("Troops arrived in early March.", "2023-03-01", "2023-03-10", "month"),
        ("The decree was signed on October 5.", "2022-10-05", "2022-10-05", "day"),
        ("The decree was signed on 2 March.", "2023-03-02", "2023-03-02", "day"),
        ("The decree was signed on May 9, 2021.", "2021-05-09", "2021-05-09", "day"),
        ("Shelling continued last week.", "2023-03-06", "2023-03-12", "week"),
        ("Shelling went on earlier this week.", "2023-03-13", "2023-03-16", "week"),
        ("Ten villages were retaken this month.", "2023-03-01", "2023-03-16", "month"),
        ("Fighting over the past week.", "2023-03-09", "2023-03-16", "week"),
        ("Yesterday the governor spoke.", "2023-03-15", "2023-03-15", "day"),
        ("The peninsula was annexed in 2014.", "2014-01-01", "2014-12-31", "year"),
        ("Two days ago the convoy left.", "2023-03-14", "2023-03-14", "day"),
    ],
)
def test_relative_dates(text: str, start: str, end: str, precision: str) -> None:
    r = first(text)
    assert (r.start, r.end, r.precision) == (start, end, precision)


def test_future_weekday_looks_forward() -> None:
    assert first("The troops will leave on Monday.", future=True).start == "2023-03-20"


def test_no_publication_date_keeps_only_absolute_dates() -> None:
    assert find_dates("On Saturday, the army withdrew.", None) == []
    assert find_dates("In November the army withdrew.", None) == []
    assert first("On 24 February 2022 the war began.", None).start == "2022-02-24"


def test_may_as_verb_is_not_a_month() -> None:
    assert find_dates("Forces may advance further.", "2023-03-16") == []
    assert first("Forces left in May.").start == "2022-05-01"


def test_offsets_point_into_text() -> None:
    text = "The ministry said on Friday the unit left."
    d = find_dates(text, "2023-03-16")[0]
    assert text[d.start : d.end] == "Friday"


def test_phrases_placed_by_the_start_of_the_war() -> None:
    from frontwatch.dates import find_dates

    def span(text: str, pub: str | None = "2022-07-01") -> tuple[str, str] | None:
        found = find_dates(text, pub)
        return (found[0].range.start, found[0].range.end) if found else None

    assert span("taken early in the war") == ("2022-02-24", "2022-03-31")
    assert span("seized at the start of Russia's invasion") == ("2022-02-24", "2022-03-10")
    assert span("lost in the war's first days") == ("2022-02-24", "2022-03-03")
    assert span("in the first three months of the invasion") == ("2022-02-24", "2022-05-25")
    assert span("early in the war", "2021-05-01") is None  # before it began, "the war" is another one


def test_last_year_places_a_bare_month_in_that_year() -> None:
    found = find_dates("Last year, the army retook the port in November after a long siege.", "2023-03-09")
    assert [(d.range.start, d.range.end) for d in found] == [("2022-11-01", "2022-11-30")]


def test_sentence_initial_year() -> None:
    found = find_dates("In 2016 the troops left the town.", "2023-03-09")
    assert [(d.range.start, d.range.precision) for d in found] == [("2016-01-01", "year")]


def test_last_year_does_not_reach_a_dateline_far_before_it() -> None:
    text = (
        "LONDON, Mar 3 (Wire) - The army said on Friday it had pulled out of the town, its first retreat "
        "since the city fell in July last year."
    )
    found = {d.range.mention: d.range.start for d in find_dates(text, "2023-03-03")}
    assert found["Mar 3"] == "2023-03-03"
    assert found["July"] == "2022-07-01"


def test_a_birth_year_is_no_date() -> None:
    assert [
        d.range.mention for d in find_dates("A man born in 1961 was wounded on Sunday.", "2023-03-16")
    ] == ["Sunday"]
