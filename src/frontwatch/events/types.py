"""The event types of frontwatch: one spec per type, the one place that says what a type is.

Every stage that treats types differently reads the spec instead of keeping its own list: the trigger
lexicon (`lang/en/events/types/<name>.toml`, verb and noun lemmas), what a trigger needs to count as an
event (`needs`, a requirement registered by name in `needs`), the quantities it takes, whether it changes
who holds ground and which way (the timeline's handovers), fusion's flags, and the ACLED and PLOVER
mappings of the exports and benchmarks.

ACLED: event type / sub-event type of the Armed Conflict Location & Event Data codebook. PLOVER: event
category (and mode where one fits) of the Political Language Ontology for Verifiable Event Records.

Adding a type: write `lang/en/events/types/<name>.toml` and a spec in `BUILTIN` (and the name in
`records.EventType`); at run time, `register(spec, verbs=..., nouns=...)` does the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from frontwatch import lang

Control = Literal["gain", "loss"]

# The built-in types in the column order the shipped learned models (the typer, the place linker) were
# trained with: a model's columns stay as they are when types are registered at run time.
MODEL_ORDER = (
    "attack",
    "casualties",
    "capture",
    "withdrawal",
    "advance",
    "evacuation",
    "annexation",
    "mobilization",
)


@dataclass(frozen=True, slots=True)
class EventTypeSpec:
    name: str
    # What the event's two arguments stand for, as (role, meaning) pairs: the actor and the place.
    roles: tuple[tuple[str, str], ...]
    # ACLED (event type, sub-event type) pairs the type may be, for joins and evaluation ...
    acled: tuple[tuple[str, str], ...]
    # ... and the pair the CSV export writes for it (export refines some sub-types by what the members say).
    acled_columns: tuple[str, str]
    plover: tuple[str, str | None]
    # Quantity kinds a trigger of this type takes (`arguments.quantities_for`).
    quantity_kinds: tuple[str, ...] = ()
    # What a trigger needs besides itself to tell an event: a requirement registered in `needs.NEEDS`.
    needs: str = "place"
    # Whether the actor gains or loses a place by it: the timeline's handovers of control.
    control: Control | None = None
    # A change on the ground (control, sovereignty or the front line) that an article may recall as
    # background ("Russia had taken Lyman"): a wider set than `control`, since an annexation or an advance
    # hands no place over between forces.
    territorial: bool = False
    # A party may declare it of itself ("Moscow announced the annexation", "ordered the withdrawal"): the
    # subject of a declaring verb over the noun does it. Not so for what one side does to the other.
    declared: bool = True
    # Fusion: one per state and date even without a place ("partial mobilization", an annexation).
    state_level: bool = False
    # Fusion: happens again and again at one place, so reports a day apart are two events (strikes).
    recurring: bool = False
    # Fusion: costs its actor, so the actor saying so is an admission (a withdrawal, losses).
    costs_actor: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The lemmas that tell a type, from `lang/en/events/types/<name>.toml`."""

    verbs: tuple[str, ...]
    nouns: tuple[str, ...]

    @classmethod
    def of(cls, name: str) -> Lexicon:
        data = lang.table(f"events/types/{name}")
        return cls(tuple(data.get("verbs", ())), tuple(data.get("nouns", ())))


BUILTIN: tuple[EventTypeSpec, ...] = (
    EventTypeSpec(
        "withdrawal",
        roles=(("actor", "the force that leaves"), ("place", "the place left")),
        acled=(("Strategic developments", "Non-violent transfer of territory"),),
        acled_columns=("Strategic developments", "Non-violent transfer of territory"),
        plover=("RETREAT", "military"),
        quantity_kinds=("distance_km", "troops"),
        control="loss",
        territorial=True,
        costs_actor=True,
    ),
    EventTypeSpec(
        "capture",
        roles=(("actor", "the force that takes the place"), ("place", "the place taken")),
        acled=(
            ("Battles", "Government regains territory"),
            ("Battles", "Non-state actor overtakes territory"),
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        acled_columns=("Battles", "Non-state actor overtakes territory"),
        plover=("SEIZE", "territory"),
        quantity_kinds=("area_km2", "settlements"),
        needs="place_or_count",
        control="gain",
        territorial=True,
    ),
    EventTypeSpec(
        "advance",
        roles=(("actor", "the force that advances"), ("place", "where or towards where")),
        acled=(("Battles", "Armed clash"),),
        acled_columns=("Battles", "Armed clash"),
        plover=("MOBILIZE", "military"),
        quantity_kinds=("distance_km", "area_km2", "settlements"),
        needs="place_or_distance",
        territorial=True,
    ),
    EventTypeSpec(
        "attack",
        roles=(("actor", "the side that strikes"), ("place", "the place struck")),
        acled=(
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            ("Explosions/Remote violence", "Air/drone strike"),
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
            ("Violence against civilians", "Attack"),
        ),
        acled_columns=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        plover=("ATTACK", "bombing"),
        quantity_kinds=("fatalities", "injured", "casualties"),
        needs="place_or_downed",
        declared=False,
        recurring=True,
    ),
    EventTypeSpec(
        "evacuation",
        roles=(("actor", "who moves the civilians"), ("place", "the place left")),
        acled=(("Strategic developments", "Other"),),
        acled_columns=("Strategic developments", "Other"),
        plover=("RETREAT", "evacuation"),
        quantity_kinds=("settlements",),
    ),
    EventTypeSpec(
        "annexation",
        roles=(("actor", "the state that annexes"), ("place", "the territory annexed")),
        acled=(("Strategic developments", "Agreement"),),
        acled_columns=("Strategic developments", "Other"),
        plover=("SEIZE", "territory"),
        needs="place_or_act",
        territorial=True,
        state_level=True,
    ),
    EventTypeSpec(
        "mobilization",
        roles=(("actor", "the state that calls up"), ("place", "where, if anywhere")),
        acled=(("Strategic developments", "Other"),),
        acled_columns=("Strategic developments", "Change to group/activity"),
        plover=("MOBILIZE", "military"),
        quantity_kinds=("troops",),
        needs="call_up",
        state_level=True,
    ),
    EventTypeSpec(
        "casualties",
        roles=(("actor", "the side that lost the people"), ("place", "where they were killed or wounded")),
        acled=(("Battles", "Armed clash"),),
        # a toll alone does not say what kind of violence caused it
        acled_columns=("", ""),
        plover=("ATTACK", None),
        quantity_kinds=("fatalities", "injured", "casualties"),
        declared=False,
        costs_actor=True,
    ),
)

_SPECS: dict[str, EventTypeSpec] = {}
# Lemma -> type of every registered type's trigger words; the lexicon exports these very dicts.
VERBS: dict[str, str] = {}
NOUNS: dict[str, str] = {}
_generation = 0


def register(
    spec: EventTypeSpec, verbs: Iterable[str] | None = None, nouns: Iterable[str] | None = None
) -> None:
    """Add a type and its trigger lemmas (read from `lang/en/events/types/<name>.toml` when not given)."""
    global _generation
    if spec.name in _SPECS:
        raise ValueError(f"event type {spec.name!r} is already registered")
    lexicon = Lexicon.of(spec.name) if verbs is None and nouns is None else Lexicon((), ())
    words = {"verbs": tuple(verbs or lexicon.verbs), "nouns": tuple(nouns or lexicon.nouns)}
    for kind, table in (("verbs", VERBS), ("nouns", NOUNS)):
        taken = [w for w in words[kind] if w in table]
        if taken:
            raise ValueError(f"event type {spec.name!r}: {kind} {taken} already tell {table[taken[0]]!r}")
    _SPECS[spec.name] = spec
    VERBS.update(dict.fromkeys(words["verbs"], spec.name))
    NOUNS.update(dict.fromkeys(words["nouns"], spec.name))
    _generation += 1


def unregister(name: str) -> None:
    """Remove a type registered at run time, with its trigger lemmas."""
    global _generation
    del _SPECS[name]
    for table in (VERBS, NOUNS):
        for lemma in [w for w, ty in table.items() if ty == name]:
            del table[lemma]
    _generation += 1


def generation() -> int:
    """A number that changes whenever the registry does, for caches built from it (the pre-filter)."""
    return _generation


def spec(name: str) -> EventTypeSpec:
    try:
        return _SPECS[name]
    except KeyError:
        raise LookupError(f"no spec for event type {name!r}") from None


def specs() -> Iterator[EventTypeSpec]:
    return iter(tuple(_SPECS.values()))


def names(**flags: object) -> tuple[str, ...]:
    """Names of the registered types, in registry order, whose spec has these field values:
    `names(recurring=True)`, `names(control="gain")`."""
    return tuple(s.name for s in _SPECS.values() if all(getattr(s, k) == v for k, v in flags.items()))


def control_types() -> tuple[str, ...]:
    """Types by which a place changes hands: the timeline's handovers."""
    return tuple(s.name for s in _SPECS.values() if s.control is not None)


for _spec in BUILTIN:
    register(_spec)


class _QuantityKinds(Mapping[str, tuple[str, ...]]):
    """Type -> its quantity kinds, read from the registry as it is now."""

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return spec(name).quantity_kinds

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(_SPECS))

    def __len__(self) -> int:
        return len(_SPECS)


QUANTITY_KINDS: Mapping[str, tuple[str, ...]] = _QuantityKinds()
EVENT_TYPES: tuple[str, ...] = tuple(s.name for s in BUILTIN)
ACLED: dict[str, tuple[tuple[str, str], ...]] = {s.name: s.acled for s in BUILTIN}
PLOVER: dict[str, tuple[str, str | None]] = {s.name: s.plover for s in BUILTIN}

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
    return [sub for _, sub in spec(event_type).acled] if event_type in _SPECS else []


def plover(event_type: str) -> tuple[str, str | None]:
    return spec(event_type).plover
