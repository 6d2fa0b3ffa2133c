from __future__ import annotations

import pytest

from frontwatch.events.dates import find_dates


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
    from frontwatch.events.dates import find_dates

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


def spans(text: str, published: str | None = "2023-03-16", anchor: str | None = None) -> list[tuple]:
    from datetime import date

    base = date.fromisoformat(anchor) if anchor else None
    return [(d.range.mention, d.range.start, d.range.end) for d in find_dates(text, published, anchor=base)]


# 2023-03-16 is a Thursday; 2024-05-04 a Saturday.
@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        # wire-style abbreviated months with a full stop
        ("On Jan. 9, drones hit the port, the navy said.", "2023-01-10", "2023-01-09"),
        ("The bridge was struck on Sept. 12 and again later.", "2023-09-20", "2023-09-12"),
        ("The offensive began on Feb. 24, 2022, officials recalled.", "2023-01-10", "2022-02-24"),
        ("Shelling resumed on Aug. 3 after a lull.", "2023-09-20", "2023-08-03"),
        # day first
        ("Shortly before dawn on 14 October, a drone hit the depot.", "2023-10-20", "2023-10-14"),
        ("The depot burned on the 3rd of May.", "2023-05-20", "2023-05-03"),
        # weekdays beside a verb of saying
        (
            "The ministry announced on Wednesday that its troops had taken the village.",
            "2023-03-17",
            "2023-03-15",
        ),
        ("An official said on Friday that most units had left.", "2024-05-04", "2024-05-03"),
        ("The mayor declared on Monday that the suburb was free.", "2024-05-04", "2024-04-29"),
        # yesterday with a clock time, at the start of the sentence
        ("Yesterday at about 21:15 the enemy shelled the market.", "2024-05-04", "2024-05-03"),
        # a bare month lies in the past: the latest such month
        ("The regions were annexed after votes held in October.", "2024-04-10", "2023-10-01"),
        ("Troops pulled out in mid-October.", "2024-04-10", "2023-10-11"),
        ("The port fell last May.", "2023-03-16", "2022-05-01"),
        ("Forces left in May.", "2023-03-16", "2022-05-01"),
        # a day a few weeks ahead is this year's, not eleven months back
        ("The rights expire Mar. 20.", "2023-03-16", "2023-03-20"),
        # numeric dates, day first
        ("The strike on 29.03.2022 destroyed the depot.", None, "2022-03-29"),
        ("Filed 2022/09/22 by the bureau.", None, "2022-09-22"),
        ("Filed 22/09/2022 by the bureau.", None, "2022-09-22"),
    ],
)
def test_date_families(text: str, published: str | None, start: str) -> None:
    found = find_dates(text, published)
    assert found, text
    assert found[0].range.start == start


def test_night_spanning_two_days_starts_on_the_first() -> None:
    assert spans("On the night of 9 to 10 March drones hit the city.") == [
        ("9 to 10 March", "2023-03-09", "2023-03-10")
    ]
    assert spans("Overnight on Mar. 9-10 drones hit the city.") == [("Mar. 9-10", "2023-03-09", "2023-03-10")]
    assert spans("On March 3 - 15 people were hurt.") == [("March 3", "2023-03-03", "2023-03-03")]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The town was lost in late 2021.", "2021-09-01", "2021-12-31"),
        ("The town was lost by the end of last year.", "2022-09-01", "2022-12-31"),
        ("The town was lost early this month.", "2023-03-01", "2023-03-10"),
        ("The town was lost late last month.", "2023-02-21", "2023-02-28"),
        ("The town was lost in mid-2021.", "2021-05-01", "2021-08-31"),
        ("The town was lost in the autumn of 2021.", "2021-09-01", "2021-11-30"),
        ("The town was lost last autumn.", "2022-09-01", "2022-11-30"),
        ("The town was lost over the weekend.", "2023-03-11", "2023-03-12"),
        ("The town was lost the day before yesterday.", "2023-03-14", "2023-03-14"),
        ("The town was lost this past Sunday.", "2023-03-12", "2023-03-12"),
    ],
)
def test_parts_of_years_seasons_and_weekends(text: str, start: str, end: str) -> None:
    r = first(text)
    assert (r.start, r.end) == (start, end)


def test_the_fall_of_a_city_is_no_autumn() -> None:
    assert find_dates("Troops regrouped after the fall of the city.", "2023-03-16") == []


def test_winter_of_a_year_before_it_began_is_the_one_that_year_opened_with() -> None:
    assert spans("Heavy fighting in the winter of 2022.", "2022-03-01")[0][1:] == ("2021-12-01", "2022-02-28")
    assert spans("Heavy fighting in the winter of 2022.", "2023-06-01")[0][1:] == ("2022-12-01", "2023-02-28")


def test_a_month_takes_the_year_the_sentence_names_before_it() -> None:
    assert spans("Occupied in March 2021, the village was freed in September of the same year.")[1] == (
        "September of the same year",
        "2021-09-01",
        "2021-09-30",
    )
    text = "The town, occupied in April 2021, was retaken in November after a long siege."
    assert spans(text, "2024-06-10")[1][1] == "2021-11-01"
    # the date of a statement is the news's, whatever the sentence recalls before it
    text = "Since the invasion in February 2022, 300 villages were lost, the ministry said in March."
    assert spans(text, "2024-06-10")[1][1] == "2024-03-01"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("The same day, the governor ordered an evacuation.", "2023-03-14", "2023-03-14"),
        ("A video released that day showed the flag.", "2023-03-13", "2023-03-13"),
        ("The next morning the convoy left.", "2023-03-13", "2023-03-14"),
        ("Two days later the troops withdrew.", "2023-03-10", "2023-03-12"),
        ("The previous day, drones struck the port.", "2023-03-14", "2023-03-13"),
        ("The same day, the governor ordered an evacuation.", None, None),
        ("Two days later the troops withdrew.", None, None),
    ],
)
def test_phrases_placed_by_the_narrative_day(text: str, anchor: str | None, expected: str | None) -> None:
    found = spans(text, anchor=anchor)
    assert (found[0][1] if found else None) == expected


def test_a_phrase_counts_from_the_last_date_of_its_sentence_first() -> None:
    found = spans("The town was hit on Monday and the next day troops left.", anchor="2023-03-01")
    assert found[1] == ("the next day", "2023-03-14", "2023-03-14")
    found = spans(
        "The cruiser sank in April 2022, and two months later troops left the island.", anchor="2023-03-10"
    )
    assert found[1] == ("two months later", "2022-06-01", "2022-06-30")


def test_a_time_of_day_takes_a_recent_narrative_day_only() -> None:
    text = "In the city, missiles hit a power plant in the morning, the mayor said."
    assert spans(text, anchor="2023-03-15") == [("in the morning", "2023-03-15", "2023-03-15")]
    assert spans(text, anchor="2022-02-24") == []  # a day long past is no day of this news
    assert spans(text) == []
    assert [m for m, *_ in spans("On Monday missiles hit a plant in the morning.", anchor="2023-03-15")] == [
        "Monday"
    ]


def test_narrative_day_is_the_last_day_named_before() -> None:
    from datetime import date

    from frontwatch.events.dates import narrative_day

    story = [
        "On Tuesday, 14 March, the army shelled the town centre.",
        "Three people were wounded, the mayor reported.",
        "The region has lost 40 villages since Feb. 24, 2022, officials said.",
    ]
    assert narrative_day(story, "2023-03-16") == date(2023, 3, 14)
    assert narrative_day([*story, "Two days later the troops withdrew."], "2023-03-16") == date(2023, 3, 16)
    assert narrative_day(["No date at all here."], "2023-03-16") is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Troops enter the city\nHome / News\nODESA, 12 March 2023. Units of the navy reported",
            "2023-03-12",
        ),
        ("Troops enter the city\n03.04.2022 18:40\nViews: 1 200\nUnits of the army entered", "2022-04-03"),
        (
            "Troops enter the city\nBy A. Writer\nPublished 5 June 2023, 09:10 CET\nUnits entered",
            "2023-06-05",
        ),
        ("Troops enter the city\nMon 7 Aug 2023 14.02 BST\nUnits entered", "2023-08-07"),
        ("Troops enter the city\nAugust 7, 2023 4:12 PM GMT+3 Updated 2 hours ago\nUnits", "2023-08-07"),
        ("Troops enter the city\nKYIV, June 30 (Agency) - Units entered the town on Thursday.", None),
        (
            "Troops enter the city\nThe army has held the town since it was retaken on 11 November 2022, "
            "after weeks of fighting along the river and heavy losses.",
            None,
        ),
        ("Troops enter the city\nNo date here.", None),
    ],
)
def test_dateline_date(head: str, expected: str | None) -> None:
    from frontwatch.events.dates import dateline_date

    found = dateline_date(head)
    assert (found.isoformat() if found else None) == expected


def test_a_range_counts_its_days_with_both_ends() -> None:
    from frontwatch.records import DateRange

    assert DateRange("2024-05-06", "2024-05-06", "day", "Monday").days() == 1
    assert DateRange("2024-04-29", "2024-05-05", "week", "last week").days() == 7
