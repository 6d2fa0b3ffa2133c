"""Who acts: the word that names the actor of a trigger, from its subject, agent, possessive or adjective
("Russian strikes"), the verb that meets it or the clause above it; and the actor's side, from that word
or, when no word names one, by `sides`.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims, lang
from frontwatch.events.annotations import places_at, reading_of
from frontwatch.events.dates.vocabulary import MONTHS, WEEKDAYS
from frontwatch.events.intent import signed_act
from frontwatch.events.lexicon import (
    FORCE_UNITS,
    FORCES,
    HOSTILE_WORDS,
    INSTRUMENT_NOUNS,
    OCCUPIER_WORDS,
    PARTIES,
    listed,
)
from frontwatch.events.relations import (
    attempted_assault,
    governing_verb,
    joined_state,
    opposing_verb,
    theme_subject,
)
from frontwatch.events.sides import (
    cleared_of_side,
    default_side,
    launcher_side,
    pronoun_side,
    side_of_token,
    under_fire_side,
)
from frontwatch.records import Party, PlaceMention


def find_actor(
    t: Token,
    ty: str,
    attribution: claims.Attribution,
    speaker: Party | None,
    target: PlaceMention | None = None,
    status: str | None = None,
) -> Party:
    """The actor of a trigger; `target` (its place) and `status` are the event's, for the side when no word
    names it."""
    ctx = reading_of(t.doc).ctx
    tok = _actor_token(t, ty)
    if tok is not None and (tok.like_num or tok.lower_ in MONTHS or tok.lower_ in WEEKDAYS):
        tok = None  # "Saturday's strike", "four were killed": a day or a count is nobody
    if tok is None and (cleared := cleared_of_side(t, speaker)) is not None:
        return Party(None, cleared)
    if tok is None and (under := under_fire_side(t)) is not None:
        return Party(None, under)
    if tok is None and ty in ("attack", "advance"):
        repeller = _repelled_by(t)
        if repeller is not None:
            side = side_of_token(repeller, t, attribution, speaker, ctx, ty)
            if side in PARTIES:
                return Party(None, next(iter(PARTIES - {side})))  # "its forces repelled attacks near X"
    if tok is not None:
        low = tok.lower_
        if low in claims.FIRST_PERSON:
            return Party(tok.text, speaker.side if speaker else None)
        if low in claims.PRONOUNS:
            side = pronoun_side(tok, t, attribution, speaker, ctx, ty)
            return Party(tok.text, side)
        tok = claims.antecedent(tok)
        text = claims.phrase(tok)
        side = claims.side_of(text) or launcher_side(tok)
        if side is None and tok.lemma_.lower() in HOSTILE_WORDS and speaker and speaker.side in PARTIES:
            return Party(text, next(iter(PARTIES - {speaker.side})))  # "the enemy", in a party's words
        if side is None and tok.lemma_.lower() in OCCUPIER_WORDS:
            state = target.place.country if target is not None and target.place is not None else None
            return Party(text, "UA" if state == "RU" else "RU")  # "the occupiers fled X": foreign to X
        if side is None and tok == claims.blamed(t):
            return Party(text, None)  # "blamed the other side": no side to guess from context
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in claims.PRONOUNS]
        if side is None and poss:  # "its troops", "our units"
            if poss[0].lower_ in claims.FIRST_PERSON:
                return Party(text, speaker.side if speaker else None)
            return Party(text, pronoun_side(poss[0], t, attribution, speaker, ctx, ty))
        if side is None and (mention := places_at(t.doc).get(tok.i)) is not None:
            place = mention.place
            side = place.country if place and place.kind == "country" else None
        if side is not None:
            return Party(text, side)
        if tok.lemma_.lower() not in FORCES and low not in FORCES:
            return Party(text, default_side(ty, speaker, ctx, t, target, status))
        if attribution.cue is not None and speaker is not None and speaker.side in PARTIES:
            # "the ministry said troops would regroup", "... units inflicted defeat on ...": its own forces,
            # named without a side (the other's it calls the enemy or names by their side)
            return Party(text, speaker.side)
        return Party(text, default_side(ty, speaker, ctx, t, target, status))
    return Party(None, default_side(ty, speaker, ctx, t, target, status))


def _repelled_by(t: Token) -> Token | None:
    """'its forces repelled attacks near X', 'the air force shot down 30 drones': the subject of the verb
    that met the trigger; of 'repelled attempts to advance', the verb that met the attempt."""
    verb = opposing_verb(t)
    if verb is None and attempted_assault(t):
        verb = opposing_verb(t.head)
    return claims.subject(verb) if verb is not None else None


def _attempt_side(t: Token) -> Token | None:
    """'three Ukrainian attempts to advance', 'the enemy's attempts to break through': the side on the
    attempt noun."""
    if not attempted_assault(t) or t.dep_ not in ("acl", "xcomp") or t.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next(
        (
            c
            for c in t.head.children
            if c.dep_ in ("amod", "poss", "compound")
            and (claims.side_of(claims.phrase(c)) in PARTIES or c.lemma_.lower() in HOSTILE_WORDS)
        ),
        None,
    )


def _theme_actor(t: Token) -> Token | None:
    """Who gains a place that is the verb's subject: 'X fell to Russian forces' (the object of 'to'), 'X came
    under Russian control' (the side on 'control'), 'X joined Russia', 'X became part of Russia' (the state
    joined)."""
    if theme_subject(t) is None:
        return None
    lemma = t.lemma_.lower()
    if lemma == "join":
        return next((c for c in t.children if c.dep_ == "dobj"), None)
    if lemma == "become":
        parts = [c for c in t.children if c.dep_ in ("attr", "acomp", "oprd") and c.lemma_.lower() == "part"]
        return next(
            (g for p in parts for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"),
            None,
        )  # fmt: skip
    for c in t.children:
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if c.lower_ == "to":
                return g  # "fell to Russian forces"
            if c.lower_ == "under" and g.lemma_.lower() == "control":
                by = [x for x in g.children if x.dep_ in ("amod", "poss", "compound")]
                by += [y for x in g.children if x.dep_ == "prep" and x.lower_ == "of" for y in x.children]
                return next((x for x in by if claims.side_of(claims.phrase(x)) in PARTIES), None)
    return None


_LAUNCH_VERBS = lang.words("events/actors/launch_verbs")


def _launcher(t: Token) -> Token | None:
    """'the missiles that Russia launched overnight': who sent the munitions the trigger names."""
    for c in t.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in _LAUNCH_VERBS:
            return next((g for g in c.children if g.dep_ == "nsubj" and not claims.is_pronoun(g)), None)
    return None


def _copula_agent(t: Token) -> Token | None:
    """'the destruction of the dam was sabotage by the Ukrainian side': the agent of what the event is said
    to be."""
    if t.dep_ != "nsubj" or t.head.lemma_ != "be":
        return None
    for attr in (c for c in t.head.children if c.dep_ == "attr"):
        for c in attr.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ in ("amod", "poss", "compound") and claims.side_of(c.text) in PARTIES:
                return c
    return None


def _flag_side_token(t: Token) -> Token | None:
    """'the Ukrainian flag was raised over X': with no one named, the flag's nation takes the place."""
    if t.lemma_.lower() not in ("hoist", "raise") or any(c.dep_ in ("nsubj", "agent") for c in t.children):
        return None
    flags = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "flag"]
    return next((c for f in flags for c in f.children if c.dep_ in ("amod", "compound", "poss")
                 and claims.side_of(c.text)), None)  # fmt: skip


def _actor_token(t: Token, ty: str = "") -> Token | None:
    accused = claims.blamed(t)
    if accused is not None:
        return accused
    if theme_subject(t) is not None:
        return _theme_actor(t)  # the subject is the place gained, not who gains it
    attempt = _attempt_side(t)
    if attempt is not None:
        return attempt
    if t.pos_ in ("NOUN", "PROPN"):
        for c in t.children:
            if c.dep_ == "poss":
                return c
        if ty == "annexation" and (state := joined_state(t)) is not None:
            return state  # "the joining of X to Russia": the state joined takes it
        if ty == "annexation" and (signer := _signer(t)) is not None:
            return signer
        # "the withdrawal of its troops" names who acts; "the capture of the town" names what is taken
        of_ok = ty in ("withdrawal", "advance", "mobilization", "")
        for c in t.children:
            # "counterattacks of assault groups of the APU": the force whose attack it is; "the shelling of X"
            # names the place shelled
            force_of = ty == "attack" and c.lower_ == "of"
            if c.dep_ == "prep" and (c.lower_ == "by" or ((of_ok or force_of) and c.lower_ == "of")):
                for g in c.children:
                    if force_of and g.lemma_.lower() not in FORCES | FORCE_UNITS and g.lower_ not in FORCES:
                        continue
                    if g.dep_ == "pobj" and (listed(g, FORCES) or claims.side_of(claims.phrase(g))):
                        poss = [x for x in g.children if x.dep_ == "poss"]
                        if poss and claims.side_of(claims.phrase(g)) is None:
                            return poss[0]  # "the withdrawal of its troops"
                        return g
        for c in t.children:
            if c.dep_ in ("amod", "compound") and claims.side_of(c.text):
                return c
        agent = _sibling_agent(t) or _copula_agent(t) or _launcher(t)
        if agent is not None:
            return agent
        verb = governing_verb(t, ty)
        if verb is not None:
            who = claims.subject(verb)
            if who is not None and verb.lemma_.lower() not in claims.REPORT_VERBS | {"order"}:
                return who
            if who is not None and (claims.side_of(claims.phrase(who)) or who.lower_ in claims.PRONOUNS):
                return who  # "Moscow announced the annexation": who declares it, does it
        return None
    flag = _flag_side_token(t)
    if flag is not None:
        return flag
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children) or (
        t.tag_ == "VBN" and t.dep_ == "acl" and not any(c.dep_ == "nsubj" for c in t.children)
    )
    if passive:
        for c in t.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if ty == "withdrawal":  # "its units were withdrawn": the forces moved are who withdraws
            for c in t.children:
                if c.dep_ == "nsubjpass" and listed(c, FORCES):
                    return c
        if t.dep_ == "ccomp" and t.head.lemma_.lower() not in claims.REPORT_VERBS:
            # "the governor ordered that residents be evacuated": the one who orders acts
            return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    else:
        subjects = [c for c in t.children if c.dep_ == "nsubj"]
        if subjects:  # of two ("KYIV, Ukraine (AP) — Russian forces shelled"), the dateline's city is not it
            before = [c for c in subjects if c.i < t.i]
            return before[-1] if len(before) == len(subjects) else subjects[0]
    signer = signed_act(t)
    if signer is not None:
        return claims.subject(signer)  # "Putin signed treaties annexing X": the signer annexes
    if t.dep_ == "acl" and t.tag_ == "VBG":
        return t.head  # "Ukrainian forces retaking Kherson"
    if t.dep_ == "xcomp":
        head = t.head
        for c in head.children:
            if c.dep_ == "dobj" and claims.side_of(claims.phrase(c)):
                return c
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if head.dep_ == "conj":
            return _actor_token(head.head, ty)
    if (
        t.dep_ in ("conj",)
        and t.head.pos_ in ("VERB", "AUX")
        and t.head.lemma_.lower() not in claims.REPORT_VERBS
    ):
        return _actor_token(t.head, ty)  # not "the ministry said ..., and the port has been hit": a speaker
    if t.dep_ == "pcomp" and t.head.lower_ not in _NOT_AGENT_PREPS and t.head.dep_ != "agent":
        return _subject_above(t.head.head)
    return _left_modifier(t)


_NOT_AGENT_PREPS = lang.words("events/actors/not_agent_preps")


def _signer(t: Token) -> Token | None:
    """'Putin's signing of annexation treaties', 'Putin signed the annexation decrees': the signer annexes."""
    if t.dep_ != "compound" or t.head.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    act = t.head
    if act.dep_ == "pobj" and act.head.lower_ == "of":
        return next((c for c in act.head.head.children if c.dep_ == "poss"), None)
    if act.dep_ == "dobj":
        return claims.subject(act.head)
    return None


def _subject_above(cur: Token) -> Token | None:
    """'Russia stood accused of shelling X', 'Moscow edges closer to seizing X': the subject of the clause
    that the trigger's phrase modifies, climbing through adjectives, adverbs and participles."""
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            if cur.lemma_.lower() in claims.REPORT_VERBS | claims.BLAME_VERBS and cur.dep_ not in (
                "advcl",
                "acomp",
            ):
                return None
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
        if cur.dep_ not in ("advmod", "acomp", "advcl", "oprd", "xcomp", "prep", "amod") or cur.head == cur:
            return None
        cur = cur.head
    return None


def _left_modifier(t: Token) -> Token | None:
    """'in Russian artillery shelling' parsed as a verb: a side named just before the gerund."""
    if t.tag_ != "VBG":
        return None
    for x in reversed(t.doc[max(0, t.i - 3) : t.i]):
        if x.pos_ not in ("ADJ", "NOUN", "PROPN", "PART"):
            return None
        if x.pos_ != "PART" and claims.side_of(x.text):
            return x
    return None


def _sibling_agent(t: Token) -> Token | None:
    """'the town came under bombardment by Moscow's forces': the 'by' hangs on the verb, not the noun."""
    if t.dep_ != "pobj" or t.head.lower_ not in ("under", "in", "from") or t.head.head.pos_ != "VERB":
        return None
    for c in t.head.head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None
