"""The sense tables of verb and noun triggers: ordered rules read from `lang/en/events/senses.toml`.

A rule names lemmas, particles, objects and modifiers as data and the structural tests it needs by name; the
tests are functions registered with `@sense_test` (in `sense_tests`). The first rule that matches a trigger's
lemma decides its sense; a trigger no rule decides keeps the lexicon's type. The file's header documents the
fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from frontwatch import lang
from frontwatch.records import PlaceMention

CONCEPT = "events/senses"


@dataclass(frozen=True, slots=True)
class Sense:
    """What a rule tests: the trigger, its lemma and lexicon type ("" for a word the lexicon does not list),
    the places of the sentence, its particles, adverbs and prepositions, the lemmas of its objects and
    passive subjects, and its modifiers (adjectives, compounds)."""

    t: Token
    lemma: str
    ty: str
    token_place: dict[int, PlaceMention]
    prts: frozenset[str]
    objs: frozenset[str]
    mods: frozenset[str]

    @classmethod
    def of(cls, t: Token, lemma: str, ty: str, token_place: dict[int, PlaceMention]) -> Sense:
        return cls(
            t,
            lemma,
            ty,
            token_place,
            frozenset(c.lower_ for c in t.children if c.dep_ in ("prt", "advmod", "prep")),
            frozenset(c.lemma_.lower() for c in t.children if c.dep_ in ("dobj", "nsubjpass")),
            frozenset(c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "nmod")),
        )


SenseTest = Callable[[Sense], bool]
SENSE_TESTS: dict[str, SenseTest] = {}


def sense_test(name: str) -> Callable[[SenseTest], SenseTest]:
    """Register a structural test under the name rules use in `when` and `unless`."""

    def register(test: SenseTest) -> SenseTest:
        if name in SENSE_TESTS:
            raise ValueError(f"sense test {name!r} is already registered")
        SENSE_TESTS[name] = test
        return test

    return register


@dataclass(frozen=True, slots=True)
class SenseRule:
    name: str
    lemmas: frozenset[str] | None
    except_lemmas: frozenset[str]
    type: str | None
    particles: frozenset[str] | None
    objects: frozenset[str] | None
    modifiers: frozenset[str] | None
    not_particles: frozenset[str]
    not_objects: frozenset[str]
    when: tuple[SenseTest, ...]
    unless: tuple[SenseTest, ...]
    then: str
    otherwise: str

    def applies(self, lemma: str, ty: str) -> bool:
        return (
            (self.lemmas is None or lemma in self.lemmas)
            and lemma not in self.except_lemmas
            and (self.type is None or ty == self.type)
        )

    @property
    def unconditional(self) -> bool:
        return (
            self.particles is None
            and self.objects is None
            and self.modifiers is None
            and not self.not_particles
            and not self.not_objects
            and not self.when
            and not self.unless
        )

    def holds(self, s: Sense) -> bool:
        return (
            (self.particles is None or bool(s.prts & self.particles))
            and (self.objects is None or bool(s.objs & self.objects))
            and (self.modifiers is None or bool(s.mods & self.modifiers))
            and not s.prts & self.not_particles
            and not s.objs & self.not_objects
            and all(test(s) for test in self.when)
            and not any(test(s) for test in self.unless)
        )


_FIELDS = {
    "name",
    "lemmas",
    "except_lemmas",
    "type",
    "particles",
    "objects",
    "modifiers",
    "not_particles",
    "not_objects",
    "when",
    "unless",
    "then",
    "otherwise",
}


def _word_set(value: Any, where: str) -> frozenset[str]:
    """A list of words, or "@concept" for the word list `lang/en/events/lexicon/<concept>.txt`."""
    if isinstance(value, str) and value.startswith("@"):
        return lang.words(f"events/lexicon/{value[1:]}")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    raise ValueError(f"{CONCEPT}.toml, {where}: expected a list of words or an @concept, got {value!r}")


def _tests(names: Any, where: str) -> tuple[SenseTest, ...]:
    if not isinstance(names, list):
        raise ValueError(f"{CONCEPT}.toml, {where}: expected a list of test names, got {names!r}")
    unknown = [n for n in names if n not in SENSE_TESTS]
    if unknown:
        raise ValueError(f"{CONCEPT}.toml, {where}: no sense test registered as {', '.join(unknown)}")
    return tuple(SENSE_TESTS[n] for n in names)


def parse_rule(raw: dict[str, Any]) -> SenseRule:
    name = str(raw.get("name", "?"))
    extra = set(raw) - _FIELDS
    if extra or "name" not in raw or "then" not in raw:
        problem = f"unknown fields {sorted(extra)}" if extra else "a rule needs `name` and `then`"
        raise ValueError(f"{CONCEPT}.toml, rule {name}: {problem}")
    otherwise = raw.get("otherwise", "next")
    if otherwise not in ("next", "none"):
        raise ValueError(f"{CONCEPT}.toml, rule {name}: `otherwise` is 'next' or 'none', not {otherwise!r}")

    def words(key: str) -> frozenset[str] | None:
        return _word_set(raw[key], f"rule {name}, {key}") if key in raw else None

    return SenseRule(
        name=name,
        lemmas=words("lemmas"),
        except_lemmas=words("except_lemmas") or frozenset(),
        type=raw.get("type"),
        particles=words("particles"),
        objects=words("objects"),
        modifiers=words("modifiers"),
        not_particles=words("not_particles") or frozenset(),
        not_objects=words("not_objects") or frozenset(),
        when=_tests(raw.get("when", []), f"rule {name}, when"),
        unless=_tests(raw.get("unless", []), f"rule {name}, unless"),
        then=str(raw["then"]),
        otherwise=otherwise,
    )


@cache
def verb_rules() -> tuple[SenseRule, ...]:
    """The verb rules in file order (read once, after the tests they name are registered)."""
    return tuple(parse_rule(raw) for raw in lang.table(CONCEPT)["verb"])


@cache
def noun_rules() -> tuple[SenseRule, ...]:
    """The noun rules in file order."""
    return tuple(parse_rule(raw) for raw in lang.table(CONCEPT)["noun"])


def decide(
    rules: tuple[SenseRule, ...], lemma: str, ty: str, sense: Callable[[], Sense]
) -> tuple[str | None, str | None]:
    """(sense, name of the deciding rule): the type the trigger tells, or None for no event. `sense` makes
    what conditions test, only once a rule with conditions matches the lemma (most nouns need none)."""
    s: Sense | None = None
    for rule in rules:
        if not rule.applies(lemma, ty):
            continue
        if rule.unconditional:
            return _outcome(rule.then, ty), rule.name
        s = s or sense()
        if rule.holds(s):
            return _outcome(rule.then, ty), rule.name
        if rule.otherwise == "none":
            return None, rule.name
    return ty or None, None


def _outcome(then: str, ty: str) -> str | None:
    if then == "keep":
        return ty or None
    if then == "none":
        return None
    return then
