"""Event types of frontwatch and their counterparts in ACLED and PLOVER.

ACLED: event type / sub-event type of the Armed Conflict Location & Event Data codebook.
PLOVER: event category (and mode where one fits) of the Political Language Ontology for Verifiable
Event Records. The mapping lets exports be joined with those datasets and lets benchmarks built on ACLED
sub-event types (CASE 2021 task 2) be scored on our types.
"""

from __future__ import annotations

from typing import get_args

from frontwatch.records import EventType

EVENT_TYPES: tuple[str, ...] = get_args(EventType)

ACLED: dict[str, tuple[tuple[str, str], ...]] = {
    "withdrawal": (("Strategic developments", "Non-violent transfer of territory"),),
    "capture": (
        ("Battles", "Government regains territory"),
        ("Battles", "Non-state actor overtakes territory"),
        ("Strategic developments", "Non-violent transfer of territory"),
    ),
    "advance": (("Battles", "Armed clash"),),
    "attack": (
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Violence against civilians", "Attack"),
    ),
    "evacuation": (("Strategic developments", "Other"),),
    "annexation": (("Strategic developments", "Agreement"),),
    "mobilization": (("Strategic developments", "Other"),),
    "casualties": (("Battles", "Armed clash"),),
}

PLOVER: dict[str, tuple[str, str | None]] = {
    "withdrawal": ("RETREAT", "military"),
    "capture": ("SEIZE", "territory"),
    "advance": ("MOBILIZE", "military"),
    "attack": ("ATTACK", "bombing"),
    "evacuation": ("RETREAT", "evacuation"),
    "annexation": ("SEIZE", "territory"),
    "mobilization": ("MOBILIZE", "military"),
    "casualties": ("ATTACK", None),
}

# ACLED sub-event types that say what our types say, for evaluation on ACLED-labelled data; "Armed clash"
# and "Non-violent transfer of territory" are left out: they cover many things we do not type.
ACLED_SUBTYPE_TO_TYPE: dict[str, str] = {
    "Government regains territory": "capture",
    "Non-state actor overtakes territory": "capture",
    "Shelling/artillery/missile attack": "attack",
    "Air/drone strike": "attack",
    "Remote explosive/landmine/IED": "attack",
}


def acled_subtypes(event_type: str) -> list[str]:
    return [sub for _, sub in ACLED.get(event_type, ())]


def plover(event_type: str) -> tuple[str, str | None]:
    return PLOVER[event_type]
