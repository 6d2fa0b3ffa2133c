"""Trigger families on sentences written for these tests: defensive reports, people moved, blasts, air
defence, joining a state, translated capture wording, denials, habitual present, senses that are no
event, and the pre-filter that must let every trigger through."""

from __future__ import annotations

import pytest

from conftest import hand_places
from frontwatch.events import event_types, extract_events, nlp
from frontwatch.events import lexicon as lx
from frontwatch.events.triggers import trigger_type
from frontwatch.records import Document, Place, PlaceMention


def _town(name: str, admin1: str, gid: int) -> Place:
    return Place("settlement", gid, name, 48.0, 37.0, admin1, "UA")


PLACES = {
    r"Lyman": _town("Lyman", "UA.05", 1),
    r"Soledar": _town("Soledar", "UA.05", 2),
    r"Vuhledar": _town("Vuhledar", "UA.05", 3),
    r"Mykolaiv": _town("Mykolaiv", "UA.17", 4),
    r"Snihurivka": _town("Snihurivka", "UA.17", 5),
    r"Kreminna": _town("Kreminna", "UA.09", 6),
    r"Donetsk region": Place("region", 7, "Donetsk Oblast", None, None, "UA.05", "UA"),
    r"Mykolaiv region": Place("region", 8, "Mykolaiv Oblast", None, None, "UA.17", "UA"),
    r"Crimea": Place("region", 9, "Crimea", None, None, "UA.11", "UA"),
    r"Bucha": _town("Bucha", "UA.13", 10),
    r"Irpin": _town("Irpin", "UA.13", 11),
    r"Chernihiv": _town("Chernihiv", "UA.02", 12),
    r"Kyiv": _town("Kyiv", "UA.12", 13),
    r"Sumy": _town("Sumy", "UA.21", 14),
    r"Zaporizhzhia region": Place("region", 15, "Zaporizhzhia Oblast", None, None, "UA.26", "UA"),
    r"Kherson region": Place("region", 16, "Kherson Oblast", None, None, "UA.08", "UA"),
    r"Russia": Place("country", 17, "Russia", 60.0, 90.0, None, "RU"),
}


def _find(text: str) -> list[PlaceMention]:
    return hand_places(text, PLACES)


def rows(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """(type, place, actor side, status) of each event of a one-document text."""
    doc = Document("d", "test", "A title", text, "h", published="2023-05-20")
    return [
        (e.type, e.place.name if e.place else None, e.actor.side, e.status)
        for e in extract_events(doc, _find(text))
    ]


def types_at(text: str) -> list[tuple[str, str | None]]:
    return [(ty, place) for ty, place, _, _ in rows(text)]


# --- defensive reports: what is repelled is the other side's attack ---------------------------------------


def test_repelled_assaults_are_attacks_by_the_other_side() -> None:
    got = rows("The General Staff said its units beat off four Russian assaults near Soledar and Lyman.")
    assert got == [("attack", "Soledar", "RU", "claimed"), ("attack", "Lyman", "RU", "claimed")]


def test_repelled_attempts_to_break_through() -> None:
    got = rows("Ukrainian defenders thwarted two enemy attempts to break through near Vuhledar.")
    assert [(ty, place, status) for ty, place, _, status in got] == [("attack", "Vuhledar", "reported")]


def test_isw_wording_of_ground_attacks() -> None:
    assert rows("Russian forces conducted unsuccessful ground assaults near Kreminna.") == [
        ("attack", "Kreminna", "RU", "reported")
    ]
    assert rows("Russian troops unsuccessfully attempted to advance near Lyman on Tuesday.") == [
        ("attack", "Lyman", "RU", "reported")
    ]
    assert rows("Ukrainian forces attacked Russian positions near Soledar.") == [
        ("attack", "Soledar", "UA", "reported")
    ]


def test_an_aim_of_a_state_is_no_ground_attack() -> None:
    assert types_at("Moscow still tries to push Ukraine out of Lyman.") == []


# --- evacuations worded as moving people ----------------------------------------------------------------


def test_relocation_of_residents_is_an_evacuation() -> None:
    got = types_at(
        "The occupation governor ordered the relocation of residents from Snihurivka and Vuhledar."
    )
    assert got == [("evacuation", "Snihurivka"), ("evacuation", "Vuhledar")]


def test_people_moved_out_is_an_evacuation() -> None:
    got = rows("Some 300 residents of Mykolaiv were being moved out, the mayor said.")
    assert [(ty, place, status) for ty, place, _, status in got] == [("evacuation", "Mykolaiv", "claimed")]
    # the place left, not the destination
    assert types_at("The occupiers forcibly moved 2,000 people from Snihurivka to Crimea.") == [
        ("evacuation", "Snihurivka")
    ]


def test_moving_troops_is_no_evacuation() -> None:
    assert types_at("Kyiv moved two brigades from Mykolaiv to Soledar.") == []


# --- explosions and drone drops ---------------------------------------------------------------------------


def test_blasts_and_drops_are_attacks() -> None:
    assert types_at("Several blasts rocked Mykolaiv overnight.") == [("attack", "Mykolaiv")]
    assert rows("A Ukrainian drone dropped explosives on a house in Lyman.") == [
        ("attack", "Lyman", "UA", "reported")
    ]
    assert types_at("Saboteurs detonated a car bomb in Mykolaiv.") == [("attack", "Mykolaiv")]
    assert types_at("Russian forces blew up the bridge near Snihurivka.") == [("attack", "Snihurivka")]


def test_a_gas_explosion_is_no_attack() -> None:
    assert "attack" not in {ty for ty, _ in types_at("A gas explosion in Mykolaiv damaged a block of flats.")}


# --- air defence ------------------------------------------------------------------------------------------


def test_downed_munitions_are_an_attack_where_they_fell() -> None:
    got = rows("Air defences shot down 14 drones over the Mykolaiv region overnight, the governor said.")
    assert [(ty, place, status) for ty, place, _, status in got] == [("attack", "Mykolaiv Oblast", "claimed")]
    assert types_at("Eleven missiles were downed over Mykolaiv.") == [("attack", "Mykolaiv")]


def test_destroyed_tanks_are_no_air_attack() -> None:
    assert types_at("Ukrainian troops destroyed two Russian tanks near Lyman.") == []


# --- annexation worded as joining a state ------------------------------------------------------------------


def test_a_territory_that_became_part_of_a_state_is_annexed() -> None:
    # typing only: the territory is the verb's subject, which the place step does not link yet
    assert event_types("The Donetsk region became part of Russia after a referendum.") == {"annexation"}
    assert event_types("Crimea joined Russia in 2014.") == {"annexation"}
    assert event_types("The four regions were part of Ukraine until 2022.") == set()


def test_joining_an_alliance_or_an_army_is_no_annexation() -> None:
    assert event_types("Finland joined NATO in April.") == set()
    assert event_types("Volunteers from Mykolaiv joined the army.") == set()
    assert event_types("Belarus joined Russia in the exercises.") == set()


# --- capture in translated wording ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "side", "status"),
    [
        ("Units of the Ukrainian army entered in Snihurivka.", "UA", "reported"),
        ("Russian troops took under control the village of Soledar.", "RU", "reported"),
        ("The Russian ministry said its forces had established full control over Soledar.", "RU", "claimed"),
    ],
)
def test_translated_capture_wording(sentence: str, side: str, status: str) -> None:
    got = rows(sentence)
    assert [(ty, actor, st) for ty, _, actor, st in got] == [("capture", side, status)], got


def test_liberated_in_quotes() -> None:
    got = rows('The deputy minister announced that Lyman had been "liberated".')
    assert [(ty, place, status) for ty, place, _, status in got] == [("capture", "Lyman", "claimed")]


# --- denials ----------------------------------------------------------------------------------------------


def test_denied_capture_and_loss() -> None:
    assert rows("The spokesman insisted that Soledar had not been captured.")[0][0::3] == (
        "capture",
        "denied",
    )
    assert rows("The commander said Lyman had not been lost.") == [("withdrawal", "Lyman", None, "denied")]
    got = rows("Kyiv refuted claims that Russian troops had captured Soledar.")
    assert [(ty, place, status) for ty, place, _, status in got] == [("capture", "Soledar", "denied")]


def test_a_lost_town_is_a_withdrawal_of_the_loser_but_lost_men_are_not() -> None:
    assert rows("Ukrainian forces lost Soledar after weeks of fighting.") == [
        ("withdrawal", "Soledar", "UA", "reported")
    ]
    assert "withdrawal" not in {ty for ty, _ in types_at("Ukrainian forces lost 200 soldiers near Soledar.")}


# --- habitual present -------------------------------------------------------------------------------------


def test_habitual_present_is_a_reported_attack() -> None:
    assert rows("Russian forces shell Mykolaiv every night.") == [("attack", "Mykolaiv", "RU", "reported")]
    assert types_at("Russian shelling of Vuhledar continues daily.") == [("attack", "Vuhledar")]


# --- other senses and prospects (typing alone) --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The film took in 5.25 million dollars at the box office.",
        "She took to social media to complain about the ruling.",
        "He would take a very hard line toward Moscow.",
        "The two parties entered a ceasefire agreement in Minsk.",
        "He was barred from entering Crimea for five years.",
        "The few families left in the city live in basements.",
        "The senator is leaving office in January.",
        "The companies struck a deal in Vienna.",
        "Deals struck in Vienna angered the hardliners.",
        "The candidate lost Florida by 75,000 votes.",
        "A woman was sexually assaulted near the station.",
        "Should the country come under attack, rations would be cut.",
        "A terrorist attack in Europe could force him to change course.",
        "They would not accept medical evacuations if the fighting continued.",
    ],
)
def test_no_event_in_other_senses_and_prospects(sentence: str) -> None:
    assert event_types(sentence) == set()


def test_an_old_act_under_a_modal_and_attacks_that_should_stop_are_kept() -> None:
    assert event_types("He might recognise Russia's annexation of Crimea.") == {"annexation"}
    assert event_types("The Russian attacks on the city should stop.") == {"attack"}


def test_a_conditional_attack_as_typed_by_the_trigger() -> None:
    doc = nlp.parse(["Eight airstrikes hit the town overnight."])[0]
    assert trigger_type(doc[1], {}) == "attack"


# --- the pre-filter follows the lexicon ---------------------------------------------------------------------


def test_prefilter_lets_every_trigger_form_through() -> None:
    gated = set(lx.PREFILTER_AFTER) | set(lx.PREFILTER_WITH) | lx.PREFILTER_COVERED
    for lemma in set(lx.VERB_TRIGGERS) - gated:
        for form in nlp.verb_forms(lemma, lx.IRREGULAR_FORMS.get(lemma, "")):
            assert nlp.prefilter(f"The unit {form} the place."), form
    for lemma in (set(lx.NOUN_TRIGGERS) | lx.MUNITIONS) - gated:
        for form in nlp.noun_forms(lemma):
            assert nlp.prefilter(f"There was a {form} there."), form


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops struck the depot.",
        "Residents fled the town.",
        "The army withdrew from the bank.",
        "Ukrainian units retook the village.",
        "Eight airstrikes were reported.",
        "The troops pulled their units back.",
        "Residents were moved out overnight.",
        "The region became part of the federation.",
        "Soldiers raised the flag over the square.",
        "Rockets slammed into the port.",
        "Saboteurs blew the bridge up.",
        "The troops beat off three attempts near the village.",
        "The enemy continued offensive operations near the town.",
    ],
)
def test_prefilter_passes_inflected_and_gated_triggers(sentence: str) -> None:
    assert nlp.prefilter(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose sharply in the capital.",
        "He moved the car.",
        "The occupied city is calm.",
        "It rained all day.",
        "The special military operation goes on.",
        "Her attempt at a joke went unnoticed.",
    ],
)
def test_prefilter_skips_sentences_without_a_trigger(sentence: str) -> None:
    assert not nlp.prefilter(sentence)


def test_inflections() -> None:
    assert {"shelled", "shelling", "shells"} <= nlp.verb_forms("shell")
    assert {"seized", "seizing", "seizes"} <= nlp.verb_forms("seize")
    assert {"slammed", "slamming"} <= nlp.verb_forms("slam")
    assert {"reoccupied", "reoccupies"} <= nlp.verb_forms("reoccupy")
    assert {"fled", "fleeing"} <= nlp.verb_forms("flee", "fled")
    assert nlp.noun_forms("casualty") == {"casualty", "casualties"}


def test_readiness_and_options_are_prospects_but_a_capture_after_which_is_a_given() -> None:
    got = types_at(
        "Analysts say the army was not ready to press into a full assault after its capture of Lyman."
    )
    assert got == [("capture", "Lyman")]
    assert types_at("The best option for the garrison was to surrender Soledar.") == []


def test_secure_needs_ground() -> None:
    assert types_at("In Mykolaiv, his tactics secured him a meeting with the president.") == []
    assert rows("Ukrainian troops secured Lyman on Monday.") == [("capture", "Lyman", "UA", "reported")]


# --- round three: families of the blind sets ---------------------------------------------------------------


def test_freed_from_the_occupiers_is_a_capture_from_them() -> None:
    got = rows("Bucha and Irpin have been freed from the occupiers, the Ukrainian deputy minister said.")
    assert got == [("capture", "Bucha", "UA", "claimed"), ("capture", "Irpin", "UA", "claimed")]
    assert types_at("The prisoners were freed from a camp near Bucha.") == []


def test_forces_pulled_away_or_moved_out_withdraw() -> None:
    got = rows("Moscow said it would pull some forces away from Kyiv and the northern city of Chernihiv.")
    assert got == [("withdrawal", "Kyiv", "RU", "planned"), ("withdrawal", "Chernihiv", "RU", "planned")]
    assert types_at("Most of the troops stationed around Sumy have moved out.") == [("withdrawal", "Sumy")]
    assert types_at("The units moved into Sumy on Friday.") == []
    assert types_at("Volunteers moved 300 residents out of Sumy.") == [("evacuation", "Sumy")]


def test_a_habitual_attack_kept_up_is_an_attack() -> None:
    assert types_at("Russian forces kept shelling Chernihiv overnight, the governor said.") == [
        ("attack", "Chernihiv")
    ]


def test_a_place_said_not_to_have_fallen_is_a_denied_capture() -> None:
    got = rows("The commander insisted on television that Soledar had not fallen.")
    assert [(ty, place, status) for ty, place, _, status in got] == [("capture", "Soledar", "denied")]


def test_a_place_that_fell_to_a_force_is_its_capture() -> None:
    assert rows("Last week Soledar fell to Russian forces.") == [("capture", "Soledar", "RU", "reported")]


def test_regions_joined_to_a_state_by_signed_agreements_are_each_annexed() -> None:
    got = rows(
        "On Friday the president signed agreements on the joining of the occupied Zaporizhzhia region and "
        "Kherson region to Russia."
    )
    assert got == [
        ("annexation", "Zaporizhzhia Oblast", "RU", "reported"),
        ("annexation", "Kherson Oblast", "RU", "reported"),
    ]
    assert types_at("The joining of the two clubs to the league was delayed.") == []


def test_an_annexation_act_that_names_no_region_is_an_event_with_no_place() -> None:
    got = rows("Officials continue efforts following Putin's signing of annexation treaties last week.")
    assert got == [("annexation", None, "RU", "reported")]
    assert rows("The annexation was condemned at the United Nations on Monday.") == []


def test_force_units_defeated_or_defeat_inflicted_are_attacks() -> None:
    assert types_at("Russian units defeated formations of a brigade in areas of Soledar.") == [
        ("attack", "Soledar")
    ]
    assert types_at("Russian units inflicted defeat on manpower of a brigade near Soledar.") == [
        ("attack", "Soledar")
    ]
    assert types_at("The party defeated the government in Kyiv.") == []


def test_a_munition_shot_down_is_an_attack_but_destroyed_depots_are_not_its() -> None:
    assert types_at("Debris from a missile shot down by air defence hit a house in Sumy.") == [
        ("attack", "Sumy")
    ]
    got = rows("Russian troops destroyed missile and artillery depots near Lyman, the ministry said.")
    assert [(ty, place, side) for ty, place, side, _ in got] == [("attack", "Lyman", "RU")]


def test_a_scare_quoted_participle_after_had_is_a_verb() -> None:
    got = rows("The ministry announced that its forces had “liberated” Vuhledar, a former mining town.")
    assert [(ty, place) for ty, place, _, _ in got] == [("capture", "Vuhledar")]
    assert types_at("The liberated Vuhledar was quiet.") == []


def test_actors_of_theme_subjects_attempts_and_air_defence() -> None:
    assert rows("Soledar came under Russian control on Friday.") == [("capture", "Soledar", "RU", "reported")]
    assert rows("In 2014 Crimea joined Russia.")[0][:3] == ("annexation", "Crimea", "RU")
    got = rows("The army said it had thwarted three Russian attempts to advance near Lyman.")
    assert [(ty, place, side) for ty, place, side, _ in got] == [("attack", "Lyman", "RU")]
    got = rows("The Ukrainian air force said it shot down 20 drones over Mykolaiv overnight.")
    assert [(ty, place, side) for ty, place, side, _ in got] == [("attack", "Mykolaiv", "RU")]
