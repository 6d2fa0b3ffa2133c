"""Event extraction on sentences written for these tests, with hand-made place mentions."""

from __future__ import annotations

import re

from conftest import hand_places, region, town
from frontwatch.events import extract_events, nlp
from frontwatch.places import find_places
from frontwatch.records import Document, Place, PlaceMention

PLACES = {
    r"Lyman": town("Lyman", 48.99, 37.80, "UA.05", 1),
    r"Bakhmut|Artemovsk": town("Bakhmut", 48.59, 38.00, "UA.05", 2),
    r"Soledar": town("Soledar", 48.68, 38.09, "UA.05", 3),
    r"Snihurivka": town("Snihurivka", 47.07, 32.80, "UA.17", 4),
    r"Vuhledar": town("Vuhledar", 47.78, 37.25, "UA.05", 5),
    r"Mykolaiv": town("Mykolaiv", 46.97, 31.99, "UA.17", 6),
    r"Donetsk region|Donetsk": region("Donetsk Oblast", "UA.05", 7),
    r"Mykolaiv region": region("Mykolaiv Oblast", "UA.17", 8),
    r"Ukraine": Place("country", 9, "Ukraine", 49.0, 32.0, None, "UA"),
}


def find(text: str) -> list[PlaceMention]:
    return hand_places(text, PLACES)


def run(text: str, published: str | None = "2023-01-14"):  # a Saturday
    doc = Document("d", "test", "A title", text, "h", published=published)
    return extract_events(doc, find(text))


def one(text: str, **kw):
    events = run(text, **kw)
    assert len(events) == 1, [(e.type, e.place and e.place.name) for e in events]
    return events[0]


def test_withdrawal_two_places_is_two_rows() -> None:
    events = run("The Russian Defence Ministry said its troops had pulled back from Lyman and Soledar.")
    assert [(e.type, e.place.name) for e in events] == [("withdrawal", "Lyman"), ("withdrawal", "Soledar")]
    assert all(e.actor.side == "RU" and e.source.side == "RU" and e.status == "claimed" for e in events)
    assert events[0].event_id == "d:0" and events[1].event_id == "d:1"


def test_nominal_withdrawal_with_of_actor() -> None:
    e = one("Analysts discussed the retreat of the Russian army from Snihurivka on Friday.")
    assert (e.type, e.place.name, e.actor.side, e.date.start) == (
        "withdrawal",
        "Snihurivka",
        "RU",
        "2023-01-13",
    )


def test_passive_capture_with_agent_and_date() -> None:
    e = one("Crowds gathered in Vuhledar, a town retaken by Ukrainian forces on Wednesday.")
    assert (e.type, e.actor.side, e.date.start, e.status) == ("capture", "UA", "2023-01-11", "reported")


def test_an_event_dated_before_the_war_is_none() -> None:
    # a battle of the Second World War retold is history, not a report of this war; a recalled one of it is
    assert run("In 1943 the Red Army liberated Mykolaiv after months of fighting, a museum recalls.") == []
    e = one("In November 2022 the Ukrainian army liberated Snihurivka after months of fierce fighting.")
    assert (e.type, e.place.name, e.background) == ("capture", "Snihurivka", True)


def test_capture_verbs() -> None:
    for sentence in (
        "Ukrainian units liberated Lyman.",
        "Ukrainian soldiers raised the national flag in Lyman.",
        "Ukrainian troops took control of Lyman.",
        "Ukrainian troops have entered Lyman.",
    ):
        e = one(sentence)
        assert (e.type, e.place.name, e.actor.side) == ("capture", "Lyman", "UA"), sentence


def test_attack_with_fatalities() -> None:
    e = one("Regional officials reported that a 70-year-old man died in Russian shelling of Bakhmut.")
    assert (e.type, e.place.name, e.actor.side, e.quantities) == (
        "attack",
        "Bakhmut",
        "RU",
        {"fatalities": 1},
    )
    assert e.status == "claimed"


def test_advance_with_distance_and_region() -> None:
    e = one("Kyiv said its forces advanced three kilometres in the Donetsk region.")
    assert (e.type, e.place.name, e.quantities["distance_km"], e.actor.side) == (
        "advance",
        "Donetsk Oblast",
        3,
        "UA",
    )


def test_evacuation_and_annexation() -> None:
    ev = one("The Ukrainian governor ordered that residents of Mykolaiv be evacuated.")
    assert ev.type == "evacuation" and ev.place.name == "Mykolaiv" and ev.actor.side == "UA"
    an = one("Moscow annexed the Donetsk region in September.")
    assert (an.type, an.actor.side, an.date.start, an.date.precision) == (
        "annexation",
        "RU",
        "2022-09-01",
        "month",
    )
    assert an.background


def test_mobilization_needs_people_and_has_no_place() -> None:
    e = one("The Kremlin announced on Tuesday a decree to mobilise 150,000 reservists.")
    assert (e.type, e.place, e.quantities) == ("mobilization", None, {"troops": 150000})
    assert run("The mobilization of the economy continued.") == []


def test_denied_and_unconfirmed() -> None:
    e = one("“There is no question of our units leaving Bakhmut,” a Russian commander said.")
    assert (e.type, e.status, e.source.side, e.actor.side) == ("withdrawal", "denied", "RU", "RU")
    u = one("Kyiv did not confirm that its troops had recaptured Soledar.")
    assert u.status == "unconfirmed"


def test_pronoun_actor_resolves_to_clause_subject() -> None:
    e = one("The Ukrainian army continues its strikes on Soledar, the ministry said.")
    assert e.actor.side == "UA"


def test_places_only_locating_another_place_are_skipped() -> None:
    events = run("The army withdrew from Lyman in the Donetsk region.")
    assert [e.place.name for e in events] == ["Lyman"]


def test_direction_and_destination_are_not_event_places() -> None:
    assert run("The Russian units withdrew to Bakhmut.") == []
    events = run("Ukrainian troops captured 4 villages in the direction of Soledar.")
    assert all(e.place is None or e.place.name != "Soledar" for e in events)


def test_conditions_purposes_and_questions_yield_nothing() -> None:
    assert run("If the army withdraws from Lyman, the front will move.") == []
    assert run("The aim of the operation is to liberate Soledar.") == []
    assert run("Moscow failed to take Vuhledar.") == []


def test_headings_and_boilerplate_yield_nothing() -> None:
    text = "Russia Withdraws From Lyman\nRead more: Ukraine captures Soledar\nLeave a Reply"
    assert run(text) == []


def test_a_paragraph_cut_off_mid_sentence_is_no_heading() -> None:
    # the page ends inside its last paragraph: the whole sentences before the cut are still read
    text = "Soledar was quiet.\nRussian artillery shelled Bakhmut on Friday. The shells hit a scho"
    events = run(text)
    assert [(e.type, e.place and e.place.name) for e in events] == [("attack", "Bakhmut")]
    sentences = nlp.split_sentences(text)
    assert [s.heading for s in sentences] == [False, False, False]
    # one line with no final stop is a headline still
    assert [s.heading for s in nlp.split_sentences("Russian artillery shells Bakhmut")] == [True]


def test_an_official_s_post_ending_with_its_source_is_a_sentence_not_a_headline() -> None:
    post = "Russian troops shelled Bakhmut with artillery overnight, two people were wounded — governor"
    assert [s.heading for s in nlp.split_sentences(post)] == [False]
    assert [(e.type, e.place and e.place.name) for e in run(post)] == [("attack", "Bakhmut")]
    # a headline with its source is short
    assert [s.heading for s in nlp.split_sentences("Russian troops take Soledar — Wagner")] == [True]


def test_repeated_mentions_merge() -> None:
    text = (
        "Russian troops withdrew from Lyman on Thursday, the ministry said. "
        "The withdrawal from Lyman was ordered to save lives."
    )
    events = run(text)
    assert len(events) == 1 and events[0].date.start == "2023-01-12"


def test_quantities_carried_from_next_sentence() -> None:
    text = (
        "Ukrainian officials said they took back 500 square kilometres. "
        "This includes 12 villages in the Mykolaiv region."
    )
    e = one(text)
    assert e.quantities == {"area_km2": 500, "settlements": 12} and e.place.name == "Mykolaiv Oblast"


def test_no_publication_date_means_no_relative_date() -> None:
    e = one("On Tuesday, Russian troops withdrew from Lyman.", published=None)
    assert e.date is None


def test_evidence_offsets_point_into_text() -> None:
    text = "Nothing happened.\nUkrainian forces recaptured Soledar on Monday."
    e = one(text)
    assert text[e.evidence.start : e.evidence.end] == e.evidence.text
    assert "recaptured Soledar" in e.evidence.text


def test_ids_stable_across_runs() -> None:
    text = "Russian missiles struck Mykolaiv. Ukrainian troops retook Lyman."
    assert [e.to_dict() for e in run(text)] == [e.to_dict() for e in run(text)]


def test_idioms_and_people_are_not_captures() -> None:
    assert run("A ceremony took place in Lyman on Sunday.") == []
    assert run("Two volunteers from Mykolaiv were captured near Bakhmut last month.") == []
    assert run("Officials seized a yacht in Mykolaiv.") == []
    assert run("The sailors, who were captured in Mykolaiv, were later released.") == []
    assert run("Soldiers from Lyman took part in the parade.") == []


def test_attributive_participles_and_double_objects_are_not_events() -> None:
    assert run("Aid reached the recaptured town of Lyman on Monday.") == []
    assert run("The siege left Mykolaiv no choice but to surrender.") == []


def test_impossible_and_abandoned_ideas_are_not_events() -> None:
    assert run("The mayor said it was impossible to organise evacuations from Bakhmut.") == []
    assert run("The army dropped the idea of taking Vuhledar.") == []


def test_purpose_infinitive_is_no_event() -> None:
    events = run(
        "The ministry said its units were regrouped to achieve the goals of the operation"
        " to liberate Soledar."
    )
    assert all(e.place is None or e.place.name != "Soledar" for e in events)


def test_light_verb_gives_actor_and_place() -> None:
    e = one("The Ukrainian navy carried out strikes on Mykolaiv overnight.")
    assert (e.type, e.place.name, e.actor.side) == ("attack", "Mykolaiv", "UA")
    e = one("Moscow pounded Bakhmut with artillery strikes overnight.")
    assert (e.type, e.place.name, e.actor.side) == ("attack", "Bakhmut", "RU")


def test_subject_of_light_verb_is_not_the_place() -> None:
    events = run("Moscow has launched heavy bombardments on areas near the front.")
    assert all(e.place is None or e.place.name != "Moscow" for e in events)


def test_announced_annexation_belongs_to_the_announcer() -> None:
    e = one("A day later Moscow announced the annexation of two Ukrainian regions, including Donetsk.")
    assert (e.type, e.actor.side) == ("annexation", "RU")


def test_bare_troops_in_a_party_statement_are_its_own() -> None:
    e = one("The Russian General Staff said on Friday that troops would pull back from Lyman.")
    assert (e.type, e.actor.side, e.status) == ("withdrawal", "RU", "planned")
    e = one("The Russian General Staff said its units had been withdrawn from Soledar.")
    assert (e.actor.side, e.status) == ("RU", "claimed")


def test_passive_capture_without_agent_does_not_take_the_speaker_side() -> None:
    e = one("The Ukrainian governor said Soledar was captured after a long siege.")
    assert e.actor.side is None


def test_next_sentence_hedge_only_refers_back() -> None:
    text = (
        "Kyiv said on Monday that its troops had recaptured Soledar. "
        "The Ukrainian army did not confirm that it had entered Lyman."
    )
    by_place = {e.place.name: e.status for e in run(text)}
    assert by_place == {"Soledar": "claimed", "Lyman": "unconfirmed"}
    text2 = "Kyiv said its troops had recaptured Soledar. The report could not be independently verified."
    assert one(text2).status == "unconfirmed"


def test_casualty_count_takes_the_sentence_date() -> None:
    e = one("On 3 January, a blast at a depot killed 12 people and wounded 30.")
    assert (e.type, e.date.start) == ("casualties", "2023-01-03")


def test_pronoun_resolves_through_passive_subject() -> None:
    e = one("Ukrainian units were pinned down for weeks as they retreated from Vuhledar.")
    assert (e.type, e.actor.side) == ("withdrawal", "UA")


def test_town_and_its_namesake_region_in_two_sentences_are_one_event() -> None:
    text = (
        "Russian troops withdrew from Mykolaiv on Friday. "
        "After the withdrawal of Russian forces from Mykolaiv, residents returned."
    )
    town_at, region_at = text.index("Mykolaiv"), text.rindex("Mykolaiv")
    places = [
        PlaceMention("d", "Mykolaiv", town_at, town_at + 8, PLACES[r"Mykolaiv"]),
        PlaceMention("d", "Mykolaiv", region_at, region_at + 8, PLACES[r"Mykolaiv region"]),
    ]
    doc = Document("d", "test", "A title", text, "h", published="2023-01-14")
    events = extract_events(doc, places)
    assert [(e.type, e.place.name, e.actor.side) for e in events] == [("withdrawal", "Mykolaiv", "RU")]


def test_region_named_as_such_stays_apart_from_its_namesake_town() -> None:
    events = run(
        "Russian troops withdrew from Mykolaiv on Friday. "
        "After the withdrawal of Russian forces from the Mykolaiv region, residents returned."
    )
    assert [e.place.name for e in events] == ["Mykolaiv", "Mykolaiv Oblast"]


def test_town_and_another_town_of_the_region_stay_apart() -> None:
    events = run(
        "Russian troops withdrew from Mykolaiv on Friday. "
        "After the withdrawal of Russian forces from Snihurivka, residents returned."
    )
    assert [(e.type, e.place.name) for e in events] == [
        ("withdrawal", "Mykolaiv"),
        ("withdrawal", "Snihurivka"),
    ]


def test_pushing_forces_out_is_a_capture_by_whoever_launched_the_push() -> None:
    events = run(
        "Kyiv began a counteroffensive that managed to push Russian troops out of Lyman and Soledar."
    )
    assert [(e.type, e.place.name, e.actor.side) for e in events] == [
        ("capture", "Lyman", "UA"),
        ("capture", "Soledar", "UA"),
    ]


def test_expelled_forces_name_the_other_side_as_actor() -> None:
    e = one("The Russian garrison was driven out of Vuhledar after weeks of fighting.")
    assert (e.type, e.actor.side) == ("capture", "UA")
    e = one("Soldiers drove the Ukrainian units back from Soledar.")
    assert (e.type, e.actor.side) == ("capture", "RU")


def test_forcing_people_out_or_pushing_back_an_assault_is_no_capture() -> None:
    assert [e.type for e in run("The floods forced residents out of Lyman.")] == []
    # a repelled assault is the other side's attack, not a capture by the side that repelled it
    events = run("Ukrainian troops pushed back a Russian assault near Lyman.")
    assert [(e.type, e.place.name, e.actor.side) for e in events] == [("attack", "Lyman", "RU")]


def test_relative_clause_of_an_operation_takes_the_side_that_launched_it() -> None:
    e = one("Ukraine launched an offensive in August that retook Lyman within weeks.")
    assert (e.type, e.place.name, e.actor.side) == ("capture", "Lyman", "UA")


def test_two_sides_taking_one_town_in_one_sentence_are_two_captures() -> None:
    events = run("The Russians held Lyman for days; then the Ukrainians counterattacked and took Lyman back.")
    assert [(e.type, e.place.name, e.actor.side) for e in events] == [("capture", "Lyman", "UA")]
    events = run("Russian troops took Lyman in spring; the Ukrainians counterattacked and took Lyman back.")
    assert sorted(e.actor.side for e in events if e.type == "capture") == ["RU", "UA"]


def test_weapons_striking_a_place_are_an_attack() -> None:
    for sentence in (
        "Two Russian missiles exploded over the market in Mykolaiv on Tuesday.",
        "Russian rockets slammed into a school in Mykolaiv on Tuesday.",
        "A Russian warship fired cruise missiles into Mykolaiv on Tuesday.",
    ):
        e = one(sentence)
        assert (e.type, e.place.name, e.actor.side, e.date.start) == (
            "attack",
            "Mykolaiv",
            "RU",
            "2023-01-10",
        )
    assert run("Grain prices crashed in Mykolaiv on Tuesday.") == []


def test_pronoun_object_stands_for_the_place_named_as_subject_before() -> None:
    e = one("Lyman has been calm since Ukrainian forces retook it in October.")
    assert (e.type, e.place.name, e.actor.side) == ("capture", "Lyman", "UA")
    events = run("Soledar was quiet on Friday. Russian units captured it a week later.")
    assert [(e.type, e.place.name, e.actor.side) for e in events] == [("capture", "Soledar", "RU")]


def test_blame_names_the_actor_and_the_blamer_claims_it() -> None:
    e = one("Kyiv blamed Russia for the missile strike on Bakhmut.")
    assert (e.type, e.actor.side, e.source.side, e.status) == ("attack", "RU", "UA", "claimed")
    e = one("The shelling of Bakhmut was blamed on Ukrainian forces.")
    assert (e.type, e.actor.side, e.status) == ("attack", "UA", "claimed")


def test_weapons_striking_the_city_named_before() -> None:
    events = run("Fighting went on near Mykolaiv. Two rockets crashed into a market in the city on Monday.")
    assert [(e.type, e.place.name) for e in events] == [("attack", "Mykolaiv")]


def test_blaming_the_other_side_leaves_the_actor_open() -> None:
    events = run(
        "Russian forces shelled Lyman on Monday. Both sides blamed the other side for the attack on Bakhmut."
    )
    assert [(e.place.name, e.actor.side) for e in events] == [("Lyman", "RU"), ("Bakhmut", None)]


def test_speaker_side_from_place_in_title_and_remembered() -> None:
    events = run(
        "The governor of the Mykolaiv region, Ivan Petrenko, said Russian forces shelled Snihurivka. "
        "Mr. Petrenko said rockets struck Vuhledar on Friday."
    )
    assert [e.source.side for e in events] == ["UA", "UA"]
    assert events[0].source.name.endswith("Ivan Petrenko")


def test_occupation_head_speaks_for_the_occupier() -> None:
    e = one(
        "The Russian-installed head of occupied Mykolaiv region said Ukrainian forces shelled Snihurivka."
    )
    assert e.source.side == "RU" and e.actor.side == "UA"


def test_bare_regional_governor_takes_the_document_region() -> None:
    e = one("The regional governor said Russian forces shelled Snihurivka in the Mykolaiv region.")
    assert e.source.side == "UA"


def test_implied_actors() -> None:
    assert one("Eight people were killed in Russian artillery shelling in Lyman.").actor.side == "RU"
    assert one("Russia stood accused of shelling a bus station in Lyman.").actor.side == "RU"
    assert (
        one("Ukrainian soldiers held positions under heavy shelling in Bakhmut, officials said.").actor.side
        == "RU"
    )
    assert one("Lyman came under bombardment by Moscow's forces, the official said.").actor.side == "RU"
    e = one("The enemy advanced near Bakhmut, the Ukrainian army said.")
    assert e.actor.side == "RU" and e.source.side == "UA"


def test_civilian_and_idiomatic_senses_are_no_events() -> None:
    assert run("We'd left Mykolaiv two weeks earlier, she said.") == []
    assert run("Thousands of residents left Bakhmut on Friday.") == []
    assert run("The West will abandon the idea of talks in Lyman, he believes.") == []
    assert run("Ivan Petrenko is taking over the blog in Bakhmut today.") == []
    assert run("The pipeline near Lyman was taken off-line on Friday.") == []
    assert [e.type for e in run("Russian forces shelled Lyman in a strike planned in advance.")] == ["attack"]
    assert [e.type for e in run("Ukrainian troops left Bakhmut on Friday.")] == ["withdrawal"]
    assert [e.type for e in run("Russian forces took over Lyman on Friday.")] == ["capture"]


# --- places linked to the trigger, not picked up from elsewhere in the sentence -----------------------

EXTRA = {
    "Moscow": Place("settlement", 101, "Moscow", 55.75, 37.62, "RU.48", "RU", 10_000_000),
    "Washington": Place("settlement", 102, "Washington", 38.9, -77.0, "US.DC", "US", 600_000),
    "Donbas": Place("feature", 103, "Donbas", 48.0, 38.0, None, "UA"),
    "Kharkiv": Place("settlement", 104, "Kharkiv", 49.99, 36.23, "UA.07", "UA", 1_400_000),
    "Belgorod": Place("settlement", 105, "Belgorod", 50.6, 36.6, "RU.09", "RU", 390_000),
    "Poltava": region("Poltava Oblast", "UA.18", 106),
}


def run_with(text: str, names: list[str]):
    found = find(text)
    for name in names:
        for m in re.finditer(rf"\b{name}\b", text):
            found.append(PlaceMention("d", name, m.start(), m.end(), EXTRA[name]))
    doc = Document("d", "test", "A title", text, "h", published="2023-01-14")
    return extract_events(doc, sorted(found, key=lambda p: p.start))


def test_capital_standing_for_its_government_is_no_place() -> None:
    events = run_with(
        "Officials shared intelligence before the strikes, so Washington could veto the targets.",
        ["Washington"],
    )
    assert all(e.place is None or e.place.name != "Washington" for e in events)
    events = run_with(
        "An envoy accused Moscow of staging the attack on a prison camp to blame others.", ["Moscow"]
    )
    assert all(e.place is None or e.place.name != "Moscow" for e in events)


def test_capital_as_place_of_an_action_stays() -> None:
    e = one_with("Residents woke to heavy shelling overnight in Moscow.", ["Moscow"])
    assert e.place.name == "Moscow"


def test_region_naming_a_city_only_locates_it() -> None:
    e = one_with("Russian troops shelled the Donbas city of Bakhmut on Monday.", ["Donbas"])
    assert e.place.name == "Bakhmut"
    events = run_with(
        "Ukrainian forces pulled out of the Donetsk region of the Donbas in spring.", ["Donbas"]
    )
    assert [e.place.name for e in events] == ["Donetsk Oblast"]


def test_speaker_hung_on_the_place_gives_no_place_and_is_the_source() -> None:
    e = one_with(
        "Two Russian rockets hit a depot in Vuhledar, the Poltava regional governor, Ivan Hrytsenko, said.",
        ["Poltava"],
    )
    assert e.place.name == "Vuhledar"
    assert e.source is not None and "governor" in (e.source.name or "") and e.source.side == "UA"


def test_regional_governor_is_of_the_state_of_the_places_named_not_of_the_capital_in_focus() -> None:
    text = (
        "Moscow said the Kremlin would not talk. Moscow denied everything. Moscow warned the West. "
        "Russian artillery hit Kharkiv on Tuesday, the regional governor, Oleh Demchuk, said. "
        "Three children were among the wounded, he said."
    )
    events = run_with(text, ["Moscow", "Kharkiv"])
    assert events and all(e.source is not None and e.source.side == "UA" for e in events)


def test_remembered_side_does_not_override_a_local_title() -> None:
    text = (
        "The Russian-installed governor, Petro Sydorenko, said Ukrainian forces shelled Belgorod. "
        "Regional governor Ivan Sydorenko said Russian missiles struck Kharkiv on Monday."
    )
    events = run_with(text, ["Belgorod", "Kharkiv"])
    kharkiv = [e for e in events if e.place.name == "Kharkiv"]
    assert kharkiv and kharkiv[0].source.side == "UA"


def one_with(text: str, names: list[str]):
    events = run_with(text, names)
    assert len(events) == 1, [(e.type, e.place and e.place.name) for e in events]
    return events[0]


def test_region_holding_the_struck_town_only_locates_it() -> None:
    e = one(
        "Three houses in Vuhledar, close to the front line in the Donetsk region, were shelled on Friday."
    )
    assert e.place.name == "Vuhledar"


def test_place_described_by_an_earlier_capture_is_background_dated_by_the_war() -> None:
    e = one("Lyman, which Russian forces seized early in the invasion, is a rail hub.")
    assert e.type == "capture" and e.background
    assert (e.date.start, e.date.end) == ("2022-02-24", "2022-03-31")
    e = one("Bakhmut, captured by Russia in the first weeks of the war, lies in ruins.")
    assert e.background and e.date.start == "2022-02-24" and e.date.end < "2022-04-01"


def test_recalled_capture_without_a_date_keeps_none_not_the_dateline() -> None:
    e = one("Russia took Soledar earlier in the war.")
    assert e.background and e.date is None
    e = one("Lyman, which Russian troops seized, is a rail hub.")
    assert e.background and e.date is None


def test_past_perfect_is_background_but_not_in_reported_speech() -> None:
    events = run(
        "Ukrainian troops recaptured Lyman on Saturday. Russia had seized Lyman at the start of the war."
    )
    assert [(e.background, e.date.start) for e in events] == [(False, "2023-01-14"), (True, "2022-02-24")]
    e = one("Kyiv said on Friday that its troops had withdrawn from Soledar.")
    assert not e.background and e.date.start == "2023-01-13"


def test_news_in_a_clause_stays_news() -> None:
    e = one("Residents returned to Lyman, which Ukrainian forces recently retook.")
    assert not e.background and e.date.start == "2023-01-14"


def test_prospects_and_attempts_are_no_events() -> None:
    for text in (
        "Capturing Bakhmut would hand Russia control of the Donetsk region.",
        "Russia launched a push to take Bakhmut.",
        "Russia's bid to capture Bakhmut has stalled.",
        "Ukrainian troops may be forced to withdraw from Soledar.",
        "Russian forces could seize Vuhledar within days.",
        "Moscow is likely to capture Soledar soon.",
        "If Russia takes Bakhmut, the road to Lyman opens.",
    ):
        assert run(text) == [], text


def test_future_announcement_is_planned() -> None:
    e = one("The governor said Russian forces will withdraw from Snihurivka.")
    assert e.status == "planned"


def test_capture_verbs_need_ground_for_object() -> None:
    for text in (
        "He was taken to a police station in Mykolaiv.",
        "Police seized a painting in Mykolaiv on Friday.",
        "Russian troops captured a paramedic near Mykolaiv.",
    ):
        assert run(text) == [], text
    assert one("Russian troops captured the airport near Mykolaiv.").place.name == "Mykolaiv"
    assert one("Ukrainian forces have retaken dozens of villages near Bakhmut.").place.name == "Bakhmut"
    assert one("Russian forces seized most of Soledar on Thursday.").place.name == "Soledar"


def test_passive_capture_joined_to_another_clause_shares_its_subject() -> None:
    e = one("Vuhledar stands on a low ridge and was seized by Russian troops in March after a long siege.")
    assert (e.type, e.place.name, e.actor.side) == ("capture", "Vuhledar", "RU")
    assert e.date.start == "2022-03-01" and e.date.precision == "month"  # the March before publication


def test_signed_treaties_annex_each_region() -> None:
    for text in (
        "Vladimir Putin signed treaties to annex the Donetsk and Mykolaiv regions on Friday.",
        "The Kremlin signed treaties annexing the Donetsk and Mykolaiv regions.",
    ):
        events = run(text)
        assert [e.type for e in events] == ["annexation", "annexation"], text
        assert events[0].place.name == "Donetsk Oblast" and events[1].place.kind == "region"
        assert all(e.actor.side == "RU" for e in events)


def test_cleared_of_troops_and_flag_raised_are_captures() -> None:
    e = one("The governor said Snihurivka is fully cleared of Russian troops.")
    assert (e.type, e.place.name, e.actor.side) == ("capture", "Snihurivka", "UA")
    e = one("The minister said the Ukrainian flag was raised over Snihurivka.")
    assert (e.type, e.actor.side) == ("capture", "UA")
    assert run("Sappers cleared the road to Snihurivka of mines.") == []


def test_denied_flight_is_a_denied_withdrawal() -> None:
    e = one("Moscow denied that its troops had fled Lyman in panic.")
    assert (e.type, e.place.name, e.status, e.actor.side, e.source.side) == (
        "withdrawal",
        "Lyman",
        "denied",
        "RU",
        "RU",
    )
    assert run("Hundreds of residents fled Lyman on foot.") == []
    assert run("Kyiv said the Russian troops had no choice but to flee Lyman.") == []


def test_lost_soldiers_is_casualties_of_the_losing_side() -> None:
    e = one(
        "According to the Ukrainian General Staff, Russian forces lost more than 640 soldiers in two days."
    )
    assert (e.type, e.actor.side, e.quantities) == ("casualties", "RU", {"casualties": 640})
    e = one("The Russian ministry said Ukraine had lost 3,118 servicemen since the offensive began.")
    assert (e.type, e.actor.side, e.source.side, e.quantities) == (
        "casualties",
        "UA",
        "RU",
        {"casualties": 3118},
    )


def test_nominal_attacks_with_actor() -> None:
    e = one("A Russian drone attack on Mykolaiv damaged a school, the regional governor said.")
    assert (e.type, e.place.name, e.actor.side) == ("attack", "Mykolaiv", "RU")
    e = one("Two people were wounded in the shelling of Bakhmut by Russian forces.")
    assert (e.type, e.place.name, e.actor.side, e.quantities) == ("attack", "Bakhmut", "RU", {"injured": 2})


def test_quantified_capture_without_a_place_takes_the_region_of_its_sentence() -> None:
    text = (
        "Russian forces shelled Kherson again on Monday, officials in the Kherson region said. "
        "Power was cut in parts of Kherson.\n\n"
        "Kyiv's forces recaptured the town of Vovchansk in the Kharkiv region during a swift offensive "
        "which liberated more than 40 settlements."
    )
    doc = Document("q1", "q1.txt", "T", text, "h", published="2022-09-20")
    events = extract_events(doc, find_places("q1", text))
    freed = [e for e in events if e.quantities.get("settlements") == 40]
    assert freed and all(e.place and e.place.admin1 == "UA.07" for e in freed)


def titled(text: str, title: str):
    doc = Document("d", "test", title, text, "h", published="2023-01-14")
    return extract_events(doc, find(text))


def test_wire_dateline_is_not_the_actor() -> None:
    event = one("LYMAN, Ukraine (AP) — Russian forces shelled Soledar on Friday.")
    assert event.type == "attack" and event.place.name == "Soledar" and event.actor.side == "RU"


def test_forces_controlling_a_town_is_a_capture_but_still_controlling_is_not() -> None:
    event = one("The Ukrainian military denied that Russian forces control Lyman.")
    assert (event.type, event.actor.side, event.status) == ("capture", "RU", "denied")
    assert run("Ukrainian troops still control Lyman.") == []


def test_pushed_back_a_distance_is_an_advance() -> None:
    event = one("Our defenders pushed the enemy back from Mykolaiv for 20 kilometres, the governor said.")
    assert event.type == "advance" and event.actor.name == "Our defenders"
    assert event.quantities.get("distance_km") == 20


def test_strikes_against_targets_in_a_region() -> None:
    event = one("Russian forces conducted drone strikes against energy facilities in Mykolaiv region.")
    assert (event.type, event.place.name, event.actor.side) == ("attack", "Mykolaiv Oblast", "RU")


def test_paragraph_speaker_vouches_for_its_unattributed_sentences() -> None:
    events = run(
        "Overnight the occupiers shelled Soledar. Two houses burned down, the head of the Donetsk regional"
        " administration, Pavlo Hrytsenko, said.\n\nIn Bakhmut, shells hit a school."
    )
    by_place = {e.place.name: e for e in events}
    assert by_place["Soledar"].source.name.endswith("Pavlo Hrytsenko")
    assert by_place["Bakhmut"].source is None  # another paragraph, no speaker of its own


def test_quoted_update_carries_the_speaker_who_introduced_it() -> None:
    events = run(
        "The regional governor, Pavlo Hrytsenko, wrote on Telegram on Sunday.\n\n"
        "Here is his update:\n\n"
        '"Overnight the occupiers shelled the centre of Soledar.\n'
        'In Bakhmut, a drone hit a school, two people were wounded."'
    )
    assert {e.place.name for e in events} == {"Soledar", "Bakhmut"}
    assert all(e.source is not None and "Hrytsenko" in e.source.name for e in events)
    assert all(e.status == "claimed" for e in events)


def test_headline_speaker_relays_the_story_but_a_place_heading_does_not() -> None:
    text = 'Units of the grouping of troops "South" liberated the settlement of Soledar.'
    event = titled(text, "Russia's Ministry of Defence: Soledar liberated")
    assert event_source_name(event) == "Russia's Ministry of Defence" and event[0].status == "claimed"
    assert event[0].actor.side == "RU"  # its own units, in the ministry's report
    assert event_source_name(titled(text, "Soledar: a town in ruins")) is None
    assert event_source_name(titled(text, "Update 2: heavy fighting")) is None
    assert event_source_name(titled(text, "Soledar liberated — General Staff")) == "General Staff"


def event_source_name(events) -> str | None:
    assert len(events) == 1
    return events[0].source.name if events[0].source else None


def test_unclaimed_strike_on_a_ukrainian_town_is_russian_not_the_last_attacker() -> None:
    events = run(
        "Ukrainian drones hit a depot in Bakhmut.\n\nOn Friday, missiles struck Mykolaiv, killing 2."
    )
    mykolaiv = next(e for e in events if e.place.name == "Mykolaiv")
    assert mykolaiv.actor.side == "RU"


def test_footnote_marks_end_sentences_and_do_not_make_headings() -> None:
    events = run(
        "Russian forces advanced into Soledar along the main street.[3] The ministry claimed that its forces"
        " had captured Lyman.[4][5]"
    )
    assert [(e.type, e.place.name) for e in events] == [("advance", "Soledar"), ("capture", "Lyman")]
    assert events[0].evidence.text.startswith("Russian forces") and "Lyman" not in events[0].evidence.text


def test_a_loss_denied_is_the_speakers_side_and_a_report_verb_is_no_actor() -> None:
    event = one("Russia's defence ministry denied that Soledar had been lost.")
    assert (event.type, event.status, event.actor.side) == ("withdrawal", "denied", "RU")
    events = run(
        "Russian shells damaged a grain store in Soledar, Ukraine's agriculture ministry said, and the port"
        " of Mykolaiv has been hit repeatedly."
    )
    mykolaiv = next(e for e in events if e.place.name == "Mykolaiv")
    assert mykolaiv.type == "attack" and mykolaiv.actor.side == "RU"
    assert "ministry" not in (mykolaiv.actor.name or "")  # the speaker is not who struck


def test_undated_news_takes_the_day_before_publication_when_the_story_just_named_it() -> None:
    events = run(
        "Russian missiles struck Mykolaiv on Friday.\nOfficials reported that shells also hit Soledar."
    )
    assert {e.place.name: e.date.start for e in events} == {"Mykolaiv": "2023-01-13", "Soledar": "2023-01-13"}
    events = run(
        "Russian missiles struck Mykolaiv on Thursday.\nOfficials reported that shells also hit Soledar."
    )
    assert {e.place.name: e.date.start for e in events}[
        "Soledar"
    ] == "2023-01-14"  # two days back: the dateline


def test_a_date_stamp_the_cleaner_removed_dates_the_story() -> None:
    from frontwatch.records import RemovedLine

    text = "Russian forces shelled Soledar, the army said."
    doc = Document(
        "d", "test", "A title", text, "h", published=None, removed=(RemovedLine("03.02.2023 10:15", "meta"),)
    )
    event = extract_events(doc, find(text))[0]
    assert event.date is not None and event.date.start == "2023-02-03"


def test_undated_news_after_an_overnight_span_takes_the_span() -> None:
    events = run(
        "Drones attacked oil depots in the Mykolaiv region on the night of January 12 to 13.\n"
        "Officials reported that a strike also hit Soledar."
    )
    soledar = next(e for e in events if e.place.name == "Soledar")
    assert (soledar.date.start, soledar.date.end) == ("2023-01-12", "2023-01-13")


def test_unmanned_aerial_vehicles_downed_over_two_regions_by_ellipsis() -> None:
    events = run(
        "Air defence destroyed 14 Ukrainian unmanned aerial vehicles over Mykolaiv region and five over"
        " Donetsk region, the ministry said."
    )
    assert [(e.type, e.place.name) for e in events] == [
        ("attack", "Mykolaiv Oblast"),
        ("attack", "Donetsk Oblast"),
    ]
    assert run("The army bought 200 unmanned aerial vehicles for units near Bakhmut.") == []


def test_the_town_a_region_only_locates_is_the_town_named_before() -> None:
    events = run(
        "Ukrainian troops pulled back to the outskirts of Vuhledar. The Russian defence minister said the"
        " town in the Donetsk region had been captured."
    )
    assert [(e.type, e.place.name) for e in events] == [("withdrawal", "Vuhledar"), ("capture", "Vuhledar")]


def test_a_sentence_naming_its_speaker_is_a_claim_but_not_its_time_clause() -> None:
    event = one(
        "Overnight, air defences destroyed drones over Mykolaiv, killing no one, the regional governor said."
    )
    assert event.status == "claimed"
    from frontwatch.events import nlp
    from frontwatch.events.relay import told_in_passing

    sdoc = nlp.parse(["Officials ordered an evacuation after aircraft began dropping bombs, he said."])[0]
    assert told_in_passing(next(t for t in sdoc if t.text == "dropping"))
    assert not told_in_passing(next(t for t in sdoc if t.text == "evacuation"))


def test_a_wire_datelines_city_is_no_place_of_the_story() -> None:
    events = run("BAKHMUT, Jan 14 (Wire) - Russia shelled southern ports overnight, officials said.")
    assert [e.place.name for e in events if e.place is not None] == []
    event = one("LYMAN, Ukraine (AP) — Russian troops seized Soledar on Friday.")
    assert (event.type, event.place.name) == ("capture", "Soledar")


def test_an_attack_before_a_capture_happened_where_the_capture_did() -> None:
    events = run("Russian forces seized Soledar on Friday after an overnight assault.")
    assert sorted((e.type, e.place.name) for e in events) == [("attack", "Soledar"), ("capture", "Soledar")]
