"""Event triggers: which verbs and nouns of a parsed sentence tell an event, and of what type.

A lemma from the lexicon is a trigger only in the sense the lexicon means: "took the city", not "took part";
"rockets slammed into", not "prices fell". Goals, conditions and plans ("an operation to liberate X") are
filtered here too, so that later steps see only events told as having happened or being under way.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims, nlp
from frontwatch.events.lexicon import (
    ALLOWED_XCOMP_HEADS,
    CAPTURE_OBJECT_VERBS,
    CIVIL_MOVES,
    DECLARE_VERBS,
    ENEMY_WORDS,
    EXPEL_VERBS,
    FORCES,
    HOSTILE_WORDS,
    IMPACT_VERBS,
    INSTRUMENT_NOUNS,
    LEMMA_FIXES,
    LIGHT_VERBS,
    MOBILIZATION_KINDS,
    MUNITIONS,
    NOT_TERRITORY,
    NOUN_TRIGGERS,
    PARTIES,
    PARTITIVES,
    PERSONAL_PRONOUNS,
    PERSONNEL,
    PLANNED_XCOMP_HEADS,
    TAKE_IDIOMS,
    TERRAIN,
    TERRITORY_NOUNS,
    VERB_TRIGGERS,
    WEAK,
)
from frontwatch.quantities import find_quantities
from frontwatch.records import PlaceMention


def _lemma(t: Token) -> str:
    lemma = t.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


def trigger_type(t: Token, token_place: dict[int, PlaceMention]) -> str | None:
    lemma = _lemma(t)
    if t.i in token_place:
        return None
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        ty = VERB_TRIGGERS.get(lemma)
        if ty is None:
            return None
        if t.dep_ == "amod" and t.tag_ == "VBN":
            return None  # "the captured city", "Russian-annexed Crimea": a state described, not an event told
        prts = {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod", "prep")}
        objs = {c.lemma_.lower() for c in t.children if c.dep_ in ("dobj", "nsubjpass")}
        if lemma == "pull":
            return ty if prts & {"back", "out"} else None
        if lemma in EXPEL_VERBS:
            return ty if _expels(t, prts) else None
        if lemma in IMPACT_VERBS:
            return ty if _munition_subject(t) else None
        if lemma == "clear":
            return ty if _clears_ground(t, token_place) else None
        if lemma in ("hoist", "raise"):
            return ty if "flag" in objs else None
        if lemma in CIVIL_MOVES and not _military_subject(t):
            return None  # "we'd left the city", "thousands of residents left"
        if lemma == "abandon" and not (objs & TERRAIN or any(_object_is_place(t, token_place))):
            return None  # "will abandon the idea"
        after = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
        if lemma == "take" and (prts & {"off", "offline"} or after in ("off", "offline", "off-line")):
            return None  # "the pipeline was taken off-line"
        if (
            lemma == "take"
            and "over" in prts
            and not (objs & TERRAIN or any(_object_is_place(t, token_place)))
        ):
            return None  # "taking over the blog", "took over as commander"
        if ty == "capture" and _takes_no_territory(t, token_place):
            return None
        if lemma == "take":
            if "back" in prts or "control" in objs:
                return ty
            if objs & TAKE_IDIOMS:
                return None
            if "surprise" in {g.lower_ for c in t.children for g in c.children}:
                return None
            return ty
        if lemma == "restore":
            return ty if objs & {"control", "village", "town", "settlement", "territory", "city"} else None
        if lemma == "fire" and t.dep_ in ("amod", "compound"):
            return None
        if lemma == "leave" and (
            sum(1 for c in t.children if c.dep_ in ("dobj", "dative")) > 1
            or any(c.dep_ == "dative" or (c.dep_ == "dobj" and _has_det(c, "no")) for c in t.children)
        ):
            return None  # "left the city no choice": a double object is no departure
        return ty
    if t.pos_ in ("NOUN", "PROPN"):
        ty = NOUN_TRIGGERS.get(lemma)
        if ty is None:
            return None
        if lemma == "fire" and not any(
            c.lemma_.lower() in ("artillery", "rocket", "mortar", "tank") for c in t.children
        ):
            return None
        if lemma == "restoration":
            objs = {g.lemma_.lower() for c in t.children if c.lower_ == "of" for g in c.subtree}
            return (
                ty
                if objs & {"control", "village", "town", "settlement", "territory", "city", "locality"}
                else None
            )
        if lemma == "advance" and t.dep_ == "compound":
            return None
        if (
            lemma == "advance"
            and t.head.lower_ == "in"
            and not any(c.dep_ in ("det", "poss", "amod") for c in t.children)
        ):
            return None  # "planned in advance"
        return ty
    return None


def _object_is_place(t: Token, token_place: dict[int, PlaceMention]) -> list[bool]:
    return [c.i in token_place for c in t.children if c.dep_ in ("dobj", "nsubjpass")]


def _clears_ground(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X is fully cleared (of Russian troops)', 'cleared the village of the enemy': a place as object,
    and any 'of' phrase names forces, not mines or rubble."""
    if not any(_object_is_place(t, token_place)):
        return False
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return all(_is_force(g) or g.lemma_.lower() in HOSTILE_WORDS for g in of)


def _military_subject(t: Token) -> bool:
    """The one who leaves or enters is a force, a state or a party; not a first- or second-person civilian
    voice, a single person, or a crowd. Passives and subjectless clauses pass."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None and t.dep_ in ("conj", "xcomp") and t.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return True
    subj = claims.antecedent(subj)
    low = subj.lower_
    if low in ("we", "us", "our"):
        return True  # a party's statement of its own forces; a civilian's "we" is caught by the speaker rule
    if low in ("i", "you", "he", "she"):
        return False
    if low in claims.PRONOUNS:
        return True
    if _is_force(subj) or subj.lemma_.lower() in HOSTILE_WORDS:
        return True
    text = claims.phrase(subj)
    return claims.side_of(text) is not None or subj.ent_type_ in ("GPE", "NORP", "ORG")


def _expels(t: Token, prts: set[str]) -> bool:
    """'pushed the troops out (of X)', 'drove them back from X': forces expelled, not 'pushed back' alone
    (a repelled attack) nor 'forced residents out'."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(_is_force(o) for o in objs):
        return False
    if "out" in prts:
        return True
    back = [c for c in t.children if c.lower_ == "back" and c.dep_ in ("prt", "advmod")]
    return any(g.dep_ == "prep" and g.lower_ == "from" for c in [t, *back] for g in c.children)


def _munition_subject(t: Token) -> bool:
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    subj = claims.antecedent(subj)  # "the missiles that slammed into X"
    return any(x.lemma_.lower() in MUNITIONS for x in (subj, *subj.children) if x.dep_ != "prep")


def _is_force(tok: Token) -> bool:
    return (
        tok.lemma_.lower() in FORCES | ENEMY_WORDS
        or tok.lower_ in FORCES | ENEMY_WORDS
        or claims.side_of(claims.phrase(tok)) in PARTIES
    )


def _has_det(t: Token, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in t.children)


def _takes_no_territory(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """A capture verb whose object is a person or a thing ('captured two soldiers', 'seized a yacht', 'he was
    taken to a police station'): the object must be ground, a place, a name or a pronoun that may stand
    for one."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]  # "prisoners captured in May"
    if not objs and t.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in t.children):
        verb = t.head.head if t.dep_ == "pcomp" else t.head  # "the men were detained after being captured"
        objs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    strict = _lemma(t) in CAPTURE_OBJECT_VERBS
    for o in objs:
        o = claims.antecedent(o)
        if o.i in token_place:
            return False
        words = {o.lemma_.lower(), o.lower_} | {c.lemma_.lower() for c in o.children if c.dep_ == "appos"}
        if words & NOT_TERRITORY or o.lower_ in PERSONAL_PRONOUNS:
            return True
        if strict and not _ground(o, token_place):
            return True
    return False


def _ground(o: Token, token_place: dict[int, PlaceMention], depth: int = 0) -> bool:
    """The object may be ground: a place, a noun of ground, a proper name (a village the gazetteer lacks), a
    pronoun or number that may stand for one, or a share of ground ('most of the city')."""
    if o.i in token_place or o.pos_ in ("PRON", "NUM", "DET") or o.lemma_.lower() in TERRITORY_NOUNS:
        return True
    if o.lower_ in TERRITORY_NOUNS:
        return True
    if o.pos_ == "PROPN":
        return o.ent_type_ != "PERSON"
    if (o.lemma_.lower() in PARTITIVES or o.lower_ in PARTITIVES) and depth < 2:
        pobjs = [g for c in o.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return not pobjs or any(_ground(g, token_place, depth + 1) for g in pobjs)
    return False


def governing_verb(t: Token, ty: str) -> Token | None:
    """The verb that carries out a nominal trigger: 'launched strikes', 'announced the annexation',
    'pounded the city with rockets'."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    head = t.head
    if head.pos_ not in ("VERB", "AUX"):
        if t.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB" and head.head != t:
            return head.head
        return None
    lemma = head.lemma_.lower()
    if t.dep_ == "dobj" and (
        lemma in LIGHT_VERBS or (lemma in DECLARE_VERBS and ty not in ("attack", "casualties"))
    ):
        return head
    return None


def skip_for_intent(t: Token) -> bool:
    """Goals, conditions and failures are not events: 'objectives ... to liberate', 'failed to take'."""
    if signed_act(t):
        return False  # "signed treaties to annex X": the signing is the act
    to = [c for c in t.children if c.dep_ == "aux" and c.lower_ == "to"]
    if to and to[0].i > 0 and t.doc[to[0].i - 1].lower_ == "but":
        return True  # "have no choice but to flee": a prospect
    if t.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return (
            True  # a purpose: "an operation to liberate X", "a push to take X", "... carried out to withdraw"
        )
    cur = t
    for _ in range(6):
        if cur.head == cur:
            return False
        child, cur = cur, cur.head
        lemma = cur.lemma_.lower()
        if (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")) or child.dep_ == "relcl":
            return False
        if lemma in claims.REPORT_VERBS and cur.pos_ in ("VERB", "AUX"):
            return False
        if lemma in claims.INTENT_WORDS or (lemma in claims.INTENT_NOUNS and cur.pos_ == "NOUN"):
            return True
        if any(c.dep_ == "acomp" and c.lemma_.lower() in ("impossible", "unable") for c in cur.children):
            return True  # "it was impossible to organise evacuations"
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in claims.INTENT_WORDS for c in cur.children):
            return True  # "the aim of the operation is to liberate X"
        if lemma == "order" and any(c.lower_ == "in" for c in cur.children):  # "in order to"
            return True
        if child.dep_ == "xcomp" and child == t and lemma not in ALLOWED_XCOMP_HEADS | PLANNED_XCOMP_HEADS:
            return True
    return False


def signed_act(t: Token) -> Token | None:
    """The declaring verb of 'signed treaties to annex X', 'a decree annexing X': what the treaty does is
    done by signing it."""
    head = t.head
    if t.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in DECLARE_VERBS:
        # the parser may hang the infinitive on the verb: "signed treaties to annex"
        signs = any(c.dep_ == "dobj" and c.lemma_.lower() in INSTRUMENT_NOUNS for c in head.children)
        return head if signs else None
    if t.dep_ != "acl" or head.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in DECLARE_VERBS:
        return verb
    return None


def xcomp_planned(t: Token) -> bool:
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in PLANNED_XCOMP_HEADS


def enough(t: Token, ty: str, targets: list[PlaceMention], qty: dict[str, float]) -> bool:
    if ty == "mobilization":
        if "troops" in qty:
            return True
        words = {c.lemma_.lower() for c in t.subtree} | {c.lower_ for c in t.children}
        return bool(words & MOBILIZATION_KINDS) or bool(
            {c.lemma_.lower() for c in t.children if c.dep_ == "dobj"} & PERSONNEL
        )
    if ty == "advance":
        return bool(targets) or "distance_km" in qty
    if ty == "capture" and not targets:
        return bool(qty)
    return bool(targets)


def event_types(text: str) -> set[str]:
    """Types of the event triggers in a text whatever their place: the typing step alone, for benchmarks on
    data whose places lie outside the gazetteer's reach. Weak triggers count with an object of their own."""
    sentences = [s for s in nlp.split_sentences(text) if nlp.prefilter(s.text)]
    out: set[str] = set()
    for sdoc in nlp.parse(s.text for s in sentences):
        for t in sdoc:
            ty = trigger_type(t, {})
            if ty is None or claims.hypothetical(t) or skip_for_intent(t):
                continue
            if t.lemma_.lower() in WEAK and not any(
                c.dep_ in ("dobj", "nsubjpass", "prep") for c in t.children
            ):
                continue
            if ty == "mobilization" and not enough(t, ty, [], {}):
                continue
            out.add(ty)
        if any(q.kind in ("fatalities", "injured", "casualties") for q in find_quantities(sdoc.text)):
            out.add("casualties")
    return out
