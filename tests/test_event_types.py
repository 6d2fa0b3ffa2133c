"""The event-type registry: every type of the records contract has a spec, the stages read their type sets
from it, and a type added at run time (one spec and its trigger words) is extracted like a built-in one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import get_args

import pytest

from conftest import hand_places
from frontwatch import versions
from frontwatch.events import extract_events, needs, nlp, senses, types
from frontwatch.events.arguments import TERRITORIAL_TYPES
from frontwatch.fuse import LOSS_TYPES, RECURRING_TYPES, STATE_LEVEL_TYPES
from frontwatch.fuse.timeline import CONTROL_TYPES
from frontwatch.records import Document, EventType, Place


def test_every_type_of_the_records_contract_has_a_spec() -> None:
    for name in get_args(EventType):
        assert types.spec(name).name == name
    assert get_args(EventType) == types.EVENT_TYPES


def test_a_type_without_a_spec_is_a_clear_error() -> None:
    with pytest.raises(LookupError, match="no spec for event type 'blockade'"):
        types.spec("blockade")


def test_every_spec_names_a_registered_requirement_and_known_quantity_kinds() -> None:
    kinds = {"distance_km", "area_km2", "settlements", "troops", "fatalities", "injured", "casualties"}
    for spec in types.specs():
        assert spec.needs in needs.NEEDS, spec.name
        assert set(spec.quantity_kinds) <= kinds, spec.name
        assert {role for role, _ in spec.roles} == {"actor", "place"}, spec.name


def test_type_sets_of_the_stages_come_from_the_specs() -> None:
    # The timeline's handovers are the types with a direction of control; recalled background is wider
    # (an annexation or an advance changes the ground but hands no place over between forces).
    assert CONTROL_TYPES == ("withdrawal", "capture")
    assert types.spec("capture").control == "gain" and types.spec("withdrawal").control == "loss"
    assert set(CONTROL_TYPES) < set(TERRITORIAL_TYPES) == {"capture", "withdrawal", "annexation", "advance"}
    assert {"attack"} == RECURRING_TYPES
    assert {"withdrawal", "casualties"} == LOSS_TYPES
    assert {"annexation", "mobilization"} == STATE_LEVEL_TYPES
    assert types.names(declared=False) == ("attack", "casualties")


def test_trigger_words_come_from_the_type_files() -> None:
    assert types.VERBS["seize"] == "capture" and types.NOUNS["shelling"] == "attack"
    assert types.Lexicon.of("evacuation").nouns == ("evacuation", "relocation", "resettlement")


def test_word_files_are_part_of_the_version_of_the_stage_that_reads_them() -> None:
    # a changed trigger word or sense rule re-analyses stored documents from the events stage on
    events = {p.relative_to(versions.ROOT).as_posix() for p in versions.stage_files()["events"]}
    assert {"lang/en/events/types/capture.toml", "lang/en/events/senses.toml"} <= events
    assert versions._owner("lang/en/clean/boilerplate.txt") == "clean"
    assert versions._owner("lang/en/places/cues.txt") == "places"
    assert versions._owner("lang/en/claims/report_verbs.txt") == "events"


BLOCKADE = types.EventTypeSpec(
    "blockade",
    roles=(("actor", "the force that blockades"), ("place", "the port or town cut off")),
    acled=(("Strategic developments", "Other"),),
    acled_columns=("Strategic developments", "Other"),
    plover=("COERCE", "blockade"),
    quantity_kinds=("distance_km",),
)


@pytest.fixture
def blockade() -> Iterator[types.EventTypeSpec]:
    types.register(BLOCKADE, verbs=["blockade"], nouns=["blockade"])
    try:
        yield BLOCKADE
    finally:
        types.unregister("blockade")


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    places = {r"Mykolaiv": Place("settlement", 4, "Mykolaiv", 46.97, 32.0, "UA.17", "UA")}
    doc = Document("d", "test", "A title", text, "h", published="2023-05-20")
    return [
        (e.type, e.place.name if e.place else None, e.actor.side)
        for e in extract_events(doc, hand_places(text, places))
    ]


def test_a_type_registered_at_run_time_is_extracted(blockade: types.EventTypeSpec) -> None:
    text = "Russian warships blockaded Mykolaiv on Tuesday."
    assert nlp.prefilter(text)  # the pre-filter is rebuilt from the registry
    assert _events(text) == [("blockade", "Mykolaiv", "RU")]
    assert _events("The blockade of Mykolaiv by Russian warships went on.")[0][:2] == ("blockade", "Mykolaiv")


def test_a_type_removed_again_is_no_longer_extracted(blockade: types.EventTypeSpec) -> None:
    types.unregister("blockade")
    try:
        assert not nlp.prefilter("Russian warships blockaded Mykolaiv on Tuesday.")
        assert _events("Russian warships blockaded Mykolaiv on Tuesday.") == []
    finally:
        types.register(BLOCKADE, verbs=["blockade"], nouns=["blockade"])


def test_registering_a_lemma_another_type_has_is_refused() -> None:
    spec = types.EventTypeSpec("siege", roles=(), acled=(), acled_columns=("", ""), plover=("COERCE", None))
    with pytest.raises(ValueError, match=r"siege.*\['seize'\].*'capture'"):
        types.register(spec, verbs=["besiege", "seize"])
    with pytest.raises(LookupError):
        types.spec("siege")
    assert "besiege" not in types.VERBS


def test_a_spec_without_its_word_file_names_the_missing_file() -> None:
    spec = types.EventTypeSpec("siege", roles=(), acled=(), acled_columns=("", ""), plover=("COERCE", None))
    with pytest.raises(LookupError, match=r"en/events/types/siege\.toml"):
        types.register(spec)


# --- the sense table -----------------------------------------------------------------------------------


def test_sense_rules_have_unique_names_and_every_registered_test_is_used() -> None:
    rules = (*senses.verb_rules(), *senses.noun_rules())
    names = [r.name for r in rules]
    assert len(set(names)) == len(names)
    used = {test for r in rules for test in (*r.when, *r.unless)}
    assert used == set(senses.SENSE_TESTS.values())


def test_importing_triggers_alone_registers_the_sense_tests_before_the_table_is_read() -> None:
    # a fresh interpreter: in this one another import may already have registered them
    code = (
        "from frontwatch.events import senses, triggers; "
        "print(len(senses.noun_rules()), len(senses.SENSE_TESTS))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rules, tests = map(int, run.stdout.split())
    assert rules > 0 and tests > 0


def test_a_rule_naming_an_unregistered_test_names_the_rule() -> None:
    with pytest.raises(
        ValueError, match=r"senses\.toml, rule odd, when: no sense test registered as no_such$"
    ):
        senses.parse_rule({"name": "odd", "lemmas": ["take"], "when": ["no_such"], "then": "none"})


def test_a_rule_with_an_unknown_field_or_outcome_is_refused() -> None:
    with pytest.raises(ValueError, match=r"rule odd: unknown fields \['lemma'\]"):
        senses.parse_rule({"name": "odd", "lemma": ["take"], "then": "none"})
    with pytest.raises(ValueError, match="rule odd: `otherwise` is 'next' or 'none'"):
        senses.parse_rule({"name": "odd", "then": "none", "otherwise": "keep"})
    with pytest.raises(ValueError, match="rule odd, objects: expected a list of words"):
        senses.parse_rule({"name": "odd", "objects": "control", "then": "none"})
