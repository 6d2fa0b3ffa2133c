from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from frontwatch import fuse
from frontwatch.records import DateRange, Document, EventMention, Evidence, Incident, Party, Place
from frontwatch.store import Store

IZIUM = Place("settlement", 707292, "Izium", 49.2098, 37.2563, "UA.07", "UA")
BALAKLIIA = Place("settlement", 712926, "Balakliia", 49.4627, 36.8597, "UA.07", "UA")
KUPIANSK = Place("settlement", 703656, "Kupiansk", 49.7106, 37.6158, "UA.07", "UA")
KHARKIV_OBLAST = Place("region", 706482, "Kharkiv Oblast", 49.9808, 36.2527, "UA.07", "UA")
KHERSON = Place("settlement", 706448, "Kherson", 46.6558, 32.6178, "UA.08", "UA")
KHERSON_OBLAST = Place("region", 706442, "Kherson Oblast", 46.6558, 32.6178, "UA.08", "UA")

RU_MOD = Party("the Russian defence ministry", "RU")
UA_GS = Party("Ukraine's general staff", "UA")


def ev(
    doc_id: str,
    n: int,
    type_: str,
    place: Place | None,
    actor: str | None,
    *,
    status: str = "reported",
    source: Party | None = None,
    day: str | None = None,
    month: tuple[str, str] | None = None,
    quantities: dict[str, float] | None = None,
    background: bool = False,
    text: str = "",
    actor_name: str | None = None,
) -> EventMention:
    date = None
    if day:
        date = DateRange(day, day, "day", day)
    elif month:
        date = DateRange(month[0], month[1], "month", "in that month")
    return EventMention(
        event_id=f"{doc_id}-e{n}",
        doc_id=doc_id,
        type=type_,  # type: ignore[arg-type]
        actor=Party(actor_name, actor),
        place=place,
        date=date,
        status=status,  # type: ignore[arg-type]
        source=source,
        quantities=quantities or {},
        evidence=Evidence(text or f"{type_} at {place.name if place else 'somewhere'} ({doc_id})", 0, 10),
        background=background,
    )


def add(
    store: Store,
    doc_id: str,
    published: str | None,
    events: Sequence[EventMention],
    *,
    url: str | None = None,
    duplicate_of: str | None = None,
    fuse_now: bool = True,
) -> str:
    doc = Document(
        doc_id=doc_id,
        source=f"{doc_id}.txt",
        title=doc_id,
        text="body of " + doc_id,
        content_hash=doc_id + str(len(events)),
        url=url,
        published=published,
        duplicate_of=duplicate_of,
    )
    store.save_document(doc, signature=None, pipeline_version="1", event_mentions=list(events))
    if fuse_now:
        fuse.update_incidents(store, [doc_id])
    return doc_id


def incident_of(store: Store, event_id: str) -> Incident:
    found = [i for i in store.incidents() if event_id in i.event_ids]
    assert len(found) == 1, found
    return found[0]


def groups(store: Store) -> set[frozenset[str]]:
    return {frozenset(i.event_ids) for i in store.incidents()}


# -- place and time rules ---------------------------------------------------------------------------


def test_a_region_joins_only_its_namesake_settlement() -> None:
    assert fuse.same_place(KHERSON, KHERSON_OBLAST)
    assert not fuse.same_place(IZIUM, KHARKIV_OBLAST)
    assert not fuse.same_place(IZIUM, BALAKLIIA)
    assert fuse.same_place(KHARKIV_OBLAST, KHARKIV_OBLAST)
    near_copy = Place("settlement", 1, "Izyum", 49.21, 37.26, "UA.07", "UA")
    assert fuse.same_place(IZIUM, near_copy)


def test_settlement_and_region_reports(store: Store) -> None:
    add(
        store,
        "a",
        "2022-09-10",
        [ev("a", 1, "withdrawal", IZIUM, "RU"), ev("a", 2, "withdrawal", KHARKIV_OBLAST, "RU")],
    )
    add(
        store,
        "b",
        "2022-09-11",
        [ev("b", 1, "withdrawal", IZIUM, "RU"), ev("b", 2, "withdrawal", KHARKIV_OBLAST, "RU")],
    )
    add(store, "c", "2022-11-10", [ev("c", 1, "withdrawal", KHERSON, "RU", day="2022-11-09")])
    add(store, "d", "2022-11-11", [ev("d", 1, "withdrawal", KHERSON_OBLAST, "RU")])
    assert groups(store) == {
        frozenset({"a-e1", "b-e1"}),
        frozenset({"a-e2", "b-e2"}),
        frozenset({"c-e1", "d-e1"}),
    }
    kherson = incident_of(store, "d-e1")
    assert kherson.place == KHERSON  # the finer report names the incident's place


MYKOLAIV = Place("settlement", 700569, "Mykolaiv", 46.9659, 31.9974, "UA.16", "UA")


def dateline(e: EventMention, published: str) -> EventMention:
    """The event as the events stage gives it when the text has no date: dated by its publication."""
    return replace(e, date=DateRange(published, published, "day", ""))


def test_two_dated_reports_may_differ_by_one_day_not_two(store: Store) -> None:
    add(store, "a", "2022-09-10", [ev("a", 1, "withdrawal", IZIUM, "RU", day="2022-09-09")])
    add(store, "b", "2022-09-11", [ev("b", 1, "withdrawal", IZIUM, "RU", day="2022-09-10")])
    add(store, "c", "2022-09-12", [ev("c", 1, "withdrawal", BALAKLIIA, "RU", day="2022-09-09")])
    add(store, "d", "2022-09-12", [ev("d", 1, "withdrawal", BALAKLIIA, "RU", day="2022-09-11")])
    assert incident_of(store, "a-e1").event_ids == ("a-e1", "b-e1")
    assert incident_of(store, "c-e1").event_ids == ("c-e1",)


def test_strikes_on_one_town_a_day_apart_are_two_incidents(store: Store) -> None:
    add(store, "a", "2022-07-31", [ev("a", 1, "attack", MYKOLAIV, "RU", day="2022-07-30")])
    add(store, "b", "2022-08-01", [ev("b", 1, "attack", MYKOLAIV, "RU", day="2022-07-31")])
    add(store, "c", "2022-08-02", [ev("c", 1, "attack", MYKOLAIV, "RU", day="2022-07-31")])
    assert groups(store) == {frozenset({"a-e1"}), frozenset({"b-e1", "c-e1"})}
    # a week's tally is coarse: it keeps the usual day of slack
    weekly = DateRange("2022-07-24", "2022-07-29", "week", "in the past week")
    add(store, "w", "2022-07-30", [replace(ev("w", 1, "attack", MYKOLAIV, "RU"), date=weekly)])
    assert set(incident_of(store, "w-e1").event_ids) == {"a-e1", "w-e1"}


def test_a_news_report_with_no_date_joins_the_latest_strike_it_fits(store: Store) -> None:
    add(store, "early", "2022-07-30", [ev("early", 1, "attack", MYKOLAIV, "RU", day="2022-07-29")])
    add(store, "late", "2022-08-01", [ev("late", 1, "attack", MYKOLAIV, "RU", day="2022-07-31")])
    add(store, "news", "2022-07-31", [dateline(ev("news", 1, "attack", MYKOLAIV, "RU"), "2022-07-31")])
    assert set(incident_of(store, "news-e1").event_ids) == {"late-e1", "news-e1"}
    # three days on, an undated report of a strike is no longer about either
    add(store, "stale", "2022-08-03", [dateline(ev("stale", 1, "attack", MYKOLAIV, "RU"), "2022-08-03")])
    assert incident_of(store, "stale-e1").event_ids == ("stale-e1",)


def test_a_region_with_no_time_joins_only_state_level_events(store: Store) -> None:
    add(
        store,
        "dated",
        "2022-11-10",
        [
            ev("dated", 1, "capture", KHERSON_OBLAST, "UA", day="2022-11-10"),
            ev("dated", 2, "annexation", KHERSON_OBLAST, "RU", day="2022-09-30"),
        ],
    )
    add(
        store,
        "nodate",
        None,
        [
            ev("nodate", 1, "capture", KHERSON_OBLAST, "UA"),
            ev("nodate", 2, "annexation", KHERSON_OBLAST, "RU"),
        ],
    )
    assert incident_of(store, "nodate-e1").event_ids == ("nodate-e1",)
    assert incident_of(store, "nodate-e2").event_ids == ("dated-e2", "nodate-e2")


def test_reports_far_apart_in_time_are_separate_incidents(store: Store) -> None:
    add(store, "spring", "2022-04-02", [ev("spring", 1, "withdrawal", IZIUM, "RU", day="2022-04-01")])
    add(store, "autumn", "2022-09-11", [ev("autumn", 1, "withdrawal", IZIUM, "RU", day="2022-09-10")])
    add(store, "late", "2022-09-12", [ev("late", 1, "withdrawal", IZIUM, "RU")])
    assert groups(store) == {frozenset({"spring-e1"}), frozenset({"autumn-e1", "late-e1"})}


def test_sides_types_and_figures_keep_events_apart(store: Store) -> None:
    add(
        store,
        "a",
        "2022-09-10",
        [
            ev("a", 1, "capture", KUPIANSK, "UA"),
            ev("a", 2, "capture", KUPIANSK, "RU"),
            ev("a", 3, "withdrawal", KUPIANSK, "RU"),
            ev("a", 4, "capture", KHARKIV_OBLAST, "UA", quantities={"settlements": 30}),
            ev("a", 5, "capture", KHARKIV_OBLAST, "UA", quantities={"settlements": 6}),
        ],
    )
    assert len(groups(store)) == 5


def test_undated_article_with_a_month_joins_that_month_only(store: Store) -> None:
    add(store, "news", "2022-11-10", [ev("news", 1, "withdrawal", KHERSON, "RU", day="2022-11-09")])
    recap = add(
        store,
        "recap",
        None,
        [
            ev(
                "recap",
                1,
                "withdrawal",
                KHERSON,
                "RU",
                background=True,
                text="In November the army left Kherson",
            ),
            ev(
                "recap", 2, "withdrawal", IZIUM, "RU", background=True, text="it had been pushed out of Izium"
            ),
        ],
    )
    assert recap
    assert incident_of(store, "recap-e1") == incident_of(store, "news-e1")
    add(store, "sept", "2022-09-10", [ev("sept", 1, "withdrawal", IZIUM, "RU")])
    # a recalled event with no date cannot tell which episode it belongs to
    assert incident_of(store, "recap-e2").event_ids == ("recap-e2",)


def test_undated_news_report_without_publication_date_joins_by_place(store: Store) -> None:
    add(
        store,
        "dated",
        "2022-09-10",
        [ev("dated", 1, "withdrawal", BALAKLIIA, "RU", source=RU_MOD, status="claimed")],
    )
    add(store, "undated", None, [ev("undated", 1, "withdrawal", BALAKLIIA, "RU")])
    assert incident_of(store, "undated-e1").event_ids == ("dated-e1", "undated-e1")


def test_a_strike_with_no_time_at_all_joins_no_other_report(store: Store) -> None:
    # a town is struck again and again: with no date and no publication date a report could be any of them
    add(store, "dated", "2024-03-06", [ev("dated", 1, "attack", KHERSON, "RU")])
    add(store, "first", None, [ev("first", 1, "attack", KHERSON, "RU")])
    add(store, "second", None, [ev("second", 1, "attack", KHERSON, "RU")])
    assert groups(store) == {frozenset({"dated-e1"}), frozenset({"first-e1"}), frozenset({"second-e1"})}
    add(store, "copy", None, [ev("copy", 1, "attack", KHERSON, "RU")], duplicate_of="first")
    assert set(incident_of(store, "copy-e1").event_ids) == {"first-e1", "copy-e1"}  # a copy is one report


# -- sources and status -----------------------------------------------------------------------------


def test_syndicated_copy_counts_once(store: Store) -> None:
    text = "Russian forces withdrew from the town of Izium overnight, officials in the region said"
    add(
        store,
        "orig",
        "2022-09-10",
        [ev("orig", 1, "withdrawal", IZIUM, "RU", text=text)],
        url="https://a.example/x",
    )
    add(
        store,
        "copy",
        "2022-09-11",
        [
            ev(
                "copy",
                1,
                "withdrawal",
                IZIUM,
                "RU",
                text="Izium: the Russian army pulled out, a local source says",
            )
        ],
        url="https://www.b.example/y",
        duplicate_of="orig",
    )
    inc = incident_of(store, "orig-e1")
    assert (inc.n_reports, inc.n_documents, inc.n_sources, inc.n_independent_sources) == (2, 2, 2, 1)
    assert inc.outlets == ("a.example", "b.example")
    assert inc.status == "single-source"
    # a rewrite of the same wire story by a third outlet is not independent either
    rewrite = text.replace("overnight", "on Saturday")
    add(
        store,
        "rw",
        "2022-09-11",
        [ev("rw", 1, "withdrawal", IZIUM, "RU", text=rewrite)],
        url="https://c.example/z",
    )
    assert incident_of(store, "orig-e1").n_independent_sources == 1
    own = "Soldiers of Ukraine's army were seen in the centre of Izium after the Russian retreat"
    add(
        store,
        "own",
        "2022-09-12",
        [ev("own", 1, "withdrawal", IZIUM, "RU", text=own)],
        url="https://d.example/",
    )
    inc = incident_of(store, "orig-e1")
    assert inc.n_independent_sources == 2
    assert inc.status == "corroborated"


def test_admission_by_the_actor_confirms_a_withdrawal(store: Store) -> None:
    add(store, "a", "2022-09-10", [ev("a", 1, "withdrawal", IZIUM, "RU", status="claimed", source=RU_MOD)])
    assert incident_of(store, "a-e1").status == "confirmed"


def test_both_sides_confirm_a_capture(store: Store) -> None:
    add(store, "ua", "2022-09-10", [ev("ua", 1, "capture", KUPIANSK, "UA", status="claimed", source=UA_GS)])
    assert incident_of(store, "ua-e1").status == "single-source"  # a side claiming its own gain
    add(store, "ru", "2022-09-11", [ev("ru", 1, "capture", KUPIANSK, "UA", status="claimed", source=RU_MOD)])
    inc = incident_of(store, "ua-e1")
    assert inc.event_ids == ("ua-e1", "ru-e1")
    assert inc.status == "confirmed"


def test_a_third_party_corroborates_but_does_not_confirm(store: Store) -> None:
    uk = Party("the British defence ministry", "GB")
    add(store, "ua", "2022-09-10", [ev("ua", 1, "capture", KUPIANSK, "UA", status="claimed", source=UA_GS)])
    add(store, "gb", "2022-09-11", [ev("gb", 1, "capture", KUPIANSK, "UA", status="claimed", source=uk)])
    assert incident_of(store, "ua-e1").status == "corroborated"


def test_a_denial_joins_and_contests_the_claim(store: Store) -> None:
    add(
        store,
        "claim",
        "2022-09-10",
        [ev("claim", 1, "withdrawal", BALAKLIIA, "RU", status="claimed", source=UA_GS)],
    )
    kremlin = Party("a Kremlin spokesman", "RU")
    add(
        store,
        "deny",
        "2022-09-10",
        [ev("deny", 1, "withdrawal", BALAKLIIA, "RU", status="denied", source=kremlin)],
    )
    inc = incident_of(store, "deny-e1")
    assert inc.event_ids == ("claim-e1", "deny-e1")
    assert inc.status == "contested"
    assert [c.kind for c in inc.conflicts] == ["claimed-vs-denied"]
    assert "Kremlin" in inc.conflicts[0].detail
    # the same side admitting it later takes the denial back
    add(
        store,
        "admit",
        "2022-09-12",
        [ev("admit", 1, "withdrawal", BALAKLIIA, "RU", status="claimed", source=RU_MOD)],
    )
    inc = incident_of(store, "deny-e1")
    assert inc.status == "confirmed"
    assert "followed by an admission" in inc.conflicts[0].detail


def test_a_later_report_settles_an_earlier_no_confirmation(store: Store) -> None:
    add(
        store,
        "early",
        "2022-09-10",
        [ev("early", 1, "capture", IZIUM, "UA", status="unconfirmed", source=UA_GS)],
    )
    inc = incident_of(store, "early-e1")
    assert inc.status == "single-source"
    assert inc.conflicts == ()
    add(
        store, "later", "2022-09-12", [ev("later", 1, "capture", IZIUM, "UA", status="claimed", source=UA_GS)]
    )
    inc = incident_of(store, "early-e1")
    assert inc.event_ids == ("early-e1", "later-e1")
    (conflict,) = inc.conflicts
    assert conflict.kind == "confirmed-vs-unconfirmed"
    assert "settled by a later report (2022-09-12" in conflict.detail
    assert inc.status != "contested"


# -- disputed authorship ----------------------------------------------------------------------------

GB_MOD = Party("the British defence ministry", "GB")


def strike(doc: str, actor: str, source: Party | None, *, place: Place = KUPIANSK, **kw) -> EventMention:
    kw.setdefault("status", "claimed" if source else "reported")
    return ev(doc, 1, "attack", place, actor, source=source, day="2022-09-20", **kw)


def test_sides_blaming_each_other_for_one_strike_make_one_contested_incident(store: Store) -> None:
    add(store, "kyiv", "2022-09-20", [strike("kyiv", "RU", UA_GS)])
    add(store, "moscow", "2022-09-21", [strike("moscow", "UA", RU_MOD)])
    inc = incident_of(store, "kyiv-e1")
    assert inc.event_ids == ("kyiv-e1", "moscow-e1")
    assert inc.incident_id == fuse.incident_id(["kyiv-e1"])
    assert inc.status == "contested"
    assert inc.actor_side is None  # who did it is what the sides dispute
    (conflict,) = inc.conflicts
    assert conflict.kind == "actor-disputed"
    assert set(conflict.event_ids) == {"kyiv-e1", "moscow-e1"}
    assert "RU did it according to Ukraine's general staff (UA)" in conflict.detail
    assert "UA did it according to the Russian defence ministry (RU)" in conflict.detail


def test_each_side_reporting_its_own_strike_on_one_town_is_two_incidents(store: Store) -> None:
    add(store, "kyiv", "2022-09-20", [strike("kyiv", "UA", UA_GS)])
    add(store, "moscow", "2022-09-20", [strike("moscow", "RU", RU_MOD)])
    assert groups(store) == {frozenset({"kyiv-e1"}), frozenset({"moscow-e1"})}
    assert {i.status for i in store.incidents()} == {"single-source"}
    # an accusation does not pull in the accused side's report of a strike of its own
    add(
        store,
        "blame",
        "2022-09-20",
        [strike("blame", "UA", RU_MOD, text="Moscow blamed Kyiv for the shelling")],
    )
    assert incident_of(store, "moscow-e1").event_ids == ("moscow-e1",)


def test_a_third_party_version_joins_the_dispute(store: Store) -> None:
    add(store, "moscow", "2022-09-20", [strike("moscow", "UA", RU_MOD)])
    add(store, "london", "2022-09-21", [strike("london", "RU", GB_MOD)])
    inc = incident_of(store, "moscow-e1")
    assert inc.event_ids == ("moscow-e1", "london-e1")
    assert inc.status == "contested"
    assert [c.kind for c in inc.conflicts] == ["actor-disputed"]


def test_an_unattributed_report_disputes_only_with_a_named_actor_or_a_blame_word(store: Store) -> None:
    add(store, "moscow", "2022-09-20", [strike("moscow", "UA", RU_MOD)])
    add(store, "guess", "2022-09-20", [strike("guess", "RU", None)])  # side taken from context
    assert groups(store) == {frozenset({"moscow-e1"}), frozenset({"guess-e1"})}
    add(store, "moscow2", "2022-09-20", [strike("moscow2", "UA", RU_MOD, place=BALAKLIIA)])
    add(
        store,
        "named",
        "2022-09-20",
        [strike("named", "RU", None, place=BALAKLIIA, actor_name="Russian guns")],
    )
    assert incident_of(store, "moscow2-e1").event_ids == ("moscow2-e1", "named-e1")
    # two reports in the outlet's own voice: apart, unless one tells of the blame
    add(store, "own", "2022-09-20", [strike("own", "UA", None, place=IZIUM, actor_name="Ukrainian rockets")])
    add(store, "own2", "2022-09-20", [strike("own2", "RU", None, place=IZIUM, actor_name="Russian shells")])
    assert incident_of(store, "own-e1").event_ids == ("own-e1",)
    text = "Kyiv and Moscow accused each other of the shelling"
    add(store, "traded", "2022-09-20", [strike("traded", "UA", None, place=IZIUM, text=text)])
    assert incident_of(store, "traded-e1").status == "contested"


def test_a_disputed_strike_needs_one_spot_and_one_time(store: Store) -> None:
    add(store, "kyiv", "2022-09-20", [strike("kyiv", "RU", UA_GS)])
    add(store, "moscow", "2022-09-20", [strike("moscow", "UA", RU_MOD, place=IZIUM)])  # same oblast
    add(
        store,
        "late",
        "2022-09-23",
        [ev("late", 1, "attack", KUPIANSK, "UA", status="claimed", source=RU_MOD, day="2022-09-23")],
    )
    add(
        store,
        "month",
        "2022-09-30",
        [
            ev(
                "month",
                1,
                "attack",
                KUPIANSK,
                "UA",
                status="claimed",
                source=RU_MOD,
                month=("2022-09-01", "2022-09-30"),
            )
        ],
    )
    assert groups(store) == {
        frozenset({"kyiv-e1"}),
        frozenset({"moscow-e1"}),
        frozenset({"late-e1", "month-e1"}),  # one version, too loosely dated to meet the other
    }
    assert all(i.status != "contested" and i.conflicts == () for i in store.incidents())


def test_a_side_denying_its_strike_and_blaming_the_other_is_one_version(store: Store) -> None:
    kremlin = Party("a Kremlin spokesman", "RU")
    add(store, "kyiv", "2022-09-20", [strike("kyiv", "RU", UA_GS)])
    add(
        store,
        "moscow",
        "2022-09-20",
        [
            strike("moscow", "RU", kremlin, status="denied"),
            ev("moscow", 2, "attack", KUPIANSK, "UA", status="claimed", source=kremlin),
        ],
    )
    inc = incident_of(store, "kyiv-e1")
    assert inc.event_ids == ("kyiv-e1", "moscow-e1", "moscow-e2")
    assert inc.status == "contested"
    assert {c.kind for c in inc.conflicts} == {"actor-disputed", "claimed-vs-denied"}


def test_disputed_strikes_fuse_alike_in_one_batch_or_one_at_a_time(tmp_path) -> None:
    docs = [
        ("kyiv", [strike("kyiv", "RU", UA_GS)]),
        ("moscow", [strike("moscow", "UA", RU_MOD)]),
        ("london", [strike("london", "RU", GB_MOD)]),
        ("duel", [strike("duel", "UA", UA_GS)]),
    ]
    results = []
    for one_by_one in (True, False):
        store = Store(f"sqlite:///{tmp_path}/{one_by_one}.db")
        for doc, events in docs:
            add(store, doc, "2022-09-20", events, fuse_now=one_by_one)
        if not one_by_one:
            fuse.update_incidents(store, [d for d, _ in docs])
        results.append([i.to_dict() for i in store.incidents()])
    assert results[0] == results[1]
    assert {frozenset(i["event_ids"]) for i in results[0]} == {
        frozenset({"kyiv-e1", "moscow-e1", "london-e1"}),
        frozenset({"duel-e1"}),
    }


def test_figures_that_disagree_are_a_conflict(store: Store) -> None:
    add(
        store,
        "a",
        "2022-09-10",
        [ev("a", 1, "capture", KHARKIV_OBLAST, "UA", quantities={"settlements": 30})],
    )
    add(
        store,
        "b",
        "2022-09-10",
        [ev("b", 1, "capture", KHARKIV_OBLAST, "UA", quantities={"settlements": 20})],
    )
    (conflict,) = incident_of(store, "a-e1").conflicts
    assert conflict.kind == "quantity"
    assert conflict.detail == "settlements: 20 (b) vs 30 (a)"


# -- incremental updates ----------------------------------------------------------------------------


def _corpus(store: Store, fuse_now: bool) -> list[str]:
    return [
        add(
            store,
            "p",
            "2022-09-10",
            [ev("p", 1, "withdrawal", IZIUM, "RU"), ev("p", 2, "capture", KUPIANSK, "UA")],
            fuse_now=fuse_now,
        ),
        add(
            store,
            "q",
            "2022-09-11",
            [ev("q", 1, "capture", KUPIANSK, "UA"), ev("q", 2, "withdrawal", IZIUM, "RU")],
            fuse_now=fuse_now,
        ),
        add(store, "r", None, [ev("r", 1, "withdrawal", IZIUM, "RU")], fuse_now=fuse_now),
        add(store, "s", "2022-11-10", [ev("s", 1, "withdrawal", KHERSON_OBLAST, "RU")], fuse_now=fuse_now),
    ]


def test_one_batch_and_one_document_at_a_time_give_the_same_incidents(tmp_path) -> None:
    rows = []
    for batch in (True, False):
        with Store(f"sqlite:///{tmp_path / f'{batch}.db'}") as store:
            ids = _corpus(store, fuse_now=not batch)
            if batch:
                fuse.update_incidents(store, ids)
            rows.append(sorted(i.to_dict()["incident_id"] + repr(i.event_ids) for i in store.incidents()))
            assert all(e.incident_id for e in store.events())
    assert rows[0] == rows[1]
    assert len(rows[0]) == 3


def test_events_carry_their_incident_id(store: Store) -> None:
    _corpus(store, fuse_now=True)
    by_event = {e.event_id: e.incident_id for e in store.events()}
    for inc in store.incidents():
        for eid in inc.event_ids:
            assert by_event[eid] == inc.incident_id


def test_replacing_a_document_drops_its_old_events_from_incidents(store: Store) -> None:
    _corpus(store, fuse_now=True)
    assert incident_of(store, "p-e1").n_reports == 3
    # document q is analysed again and now yields only the Kupiansk event
    add(store, "q", "2022-09-11", [ev("q", 1, "capture", KUPIANSK, "UA")])
    izium = incident_of(store, "p-e1")
    assert izium.event_ids == ("p-e1", "r-e1")
    assert "q-e2" not in {e for i in store.incidents() for e in i.event_ids}
    # and p's events go elsewhere: p's founding incident id changes, no stale rows remain
    add(store, "p", "2022-09-10", [])
    assert groups(store) == {frozenset({"r-e1"}), frozenset({"q-e1"}), frozenset({"s-e1"})}
    assert store.count("incident_members") == 3


def test_a_report_with_no_time_does_not_bridge_a_city_and_its_region(store: Store) -> None:
    add(store, "region", "2022-11-10", [ev("region", 1, "capture", KHERSON_OBLAST, "UA", status="claimed")])
    add(store, "nodate", None, [ev("nodate", 1, "capture", KHERSON, "UA")])
    assert incident_of(store, "nodate-e1").event_ids == ("nodate-e1",)
    add(store, "city", "2022-11-11", [ev("city", 1, "capture", KHERSON, "UA")])
    assert incident_of(store, "city-e1").event_ids == ("region-e1", "city-e1")


def test_a_recalled_capture_stays_apart_from_fresh_news_of_another_episode(store: Store) -> None:
    early_march = ("2022-03-01", "2022-03-10")
    # fresh news of a recapture by one side; the region's namesake city is recalled as taken in the spring
    add(
        store, "news", "2022-07-25", [ev("news", 1, "capture", KHERSON, "UA", status="claimed", source=UA_GS)]
    )
    add(
        store,
        "recap",
        "2022-07-26",
        [
            ev("recap", 1, "capture", KHERSON_OBLAST, None, month=early_march, background=True),
            ev("recap", 2, "capture", KHERSON, "RU", month=early_march, background=True),
        ],
    )
    assert incident_of(store, "news-e1").event_ids == ("news-e1",)  # no overlap in time
    # another report of the spring capture overlaps the recalled one and joins it, whoever it names
    add(store, "spring", "2022-03-04", [ev("spring", 1, "capture", KHERSON, None, day="2022-03-03")])
    assert set(incident_of(store, "spring-e1").event_ids) >= {"recap-e2", "spring-e1"}
    # a side's fresh news of the same days never joins the other side's capture
    add(store, "same", "2022-03-05", [ev("same", 1, "capture", KHERSON, "UA", day="2022-03-03")])
    assert "recap-e2" not in incident_of(store, "same-e1").event_ids


def test_a_recalled_event_does_not_join_news_that_has_no_time(store: Store) -> None:
    add(store, "nodate", None, [ev("nodate", 1, "withdrawal", BALAKLIIA, "RU")])
    add(
        store,
        "recap",
        "2022-10-20",
        [ev("recap", 1, "withdrawal", BALAKLIIA, "RU", day="2022-09-08", background=True)],
    )
    assert incident_of(store, "recap-e1").event_ids == ("recap-e1",)
    # news with a time of its own that overlaps does join the recalled event
    add(store, "news", "2022-09-09", [ev("news", 1, "withdrawal", BALAKLIIA, "RU", day="2022-09-08")])
    assert set(incident_of(store, "news-e1").event_ids) == {"recap-e1", "news-e1"}


# -- end to end -------------------------------------------------------------------------------------

WIRE = (
    "Russian army leaves Lyman\n\n"
    "Russian troops have withdrawn from the town of Lyman in the Donetsk region to more advantageous lines, "
    "the Russian Defence Ministry said on Saturday after days of heavy fighting around the town.\n\n"
    "The announcement came a day after Moscow held a ceremony in the Kremlin.\n"
)
RETAKEN = (
    "Ukraine retakes Lyman\n\n"
    "Ukrainian troops captured Lyman in the Donetsk region on Saturday, the Ukrainian military said.\n\n"
    "Soldiers raised the national flag over the town hall, a video posted by the army showed.\n"
)
DENIAL = (
    "Kremlin denies retreat\n\n"
    "A Kremlin spokesman said on Friday there was no question of Russian troops withdrawing from Lyman "
    "in the Donetsk region.\n"
)


def test_pipeline_fuses_a_copy_a_denial_and_a_capture(tmp_path) -> None:
    from frontwatch.fuse import timeline
    from frontwatch.pipeline import run

    rows = [
        {"id": "wire", "url": "https://a.example/1", "published": "2022-10-01", "text": WIRE},
        {
            "id": "copy",
            "url": "https://b.example/2",
            "published": "2022-10-02",
            "text": WIRE.replace("Russian army leaves Lyman", "Moscow pulls its troops out of Lyman"),
        },
        {"id": "retaken", "url": "https://c.example/3", "published": "2022-10-02", "text": RETAKEN},
        {"id": "denial", "url": "https://d.example/4", "published": "2022-09-30", "text": DENIAL},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(f"sqlite:///{tmp_path / 'e2e.db'}") as store:
        run([feed], store)
        events = {(e.doc_id, e.type): e for e in store.events()}
        withdrawal = incident_of(store, events[("wire", "withdrawal")].event_id)
        assert {"wire", "copy", "denial"} <= {eid.split(":")[0] for eid in withdrawal.event_ids}
        assert withdrawal.n_independent_sources == withdrawal.n_documents - 1  # the copy counts once
        assert "claimed-vs-denied" in [c.kind for c in withdrawal.conflicts]
        capture = incident_of(store, events[("retaken", "capture")].event_id)
        assert capture.incident_id != withdrawal.incident_id
        assert withdrawal.place is not None
        changes = timeline.for_place(store, withdrawal.place)
        assert [(c.change, c.side) for c in changes] == [("withdrawal", "UA"), ("capture", "UA")]
