"""Who acts: the actor of a trigger from its subject, agent, possessive or adjective ("Russian
strikes"), and its side, from the words themselves, from the speaker of a party, or from the document so far.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims, lang
from frontwatch.events.annotations import places_at, reading_of
from frontwatch.events.context import Context
from frontwatch.events.intent import signed_act
from frontwatch.events.lexicon import (
    EXPEL_VERBS,
    FORCE_UNITS,
    FORCES,
    HOSTILE_WORDS,
    INSTRUMENT_NOUNS,
    LIGHT_VERBS,
    PARTIES,
)
from frontwatch.events.relations import (
    attempted_assault,
    governing_verb,
    joined_state,
    opposing_verb,
    theme_subject,
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
    if tok is None and (cleared := _cleared_of_side(t, speaker)) is not None:
        return Party(None, cleared)
    if tok is None and (under := _under_fire_side(t)) is not None:
        return Party(None, under)
    if tok is None and ty in ("attack", "advance"):
        repeller = _repelled_by(t)
        if repeller is not None:
            side = _side_of_token(repeller, t, attribution, speaker, ctx, ty)
            if side in PARTIES:
                return Party(None, next(iter(PARTIES - {side})))  # "its forces repelled attacks near X"
    if tok is not None:
        low = tok.lower_
        if low in claims.FIRST_PERSON:
            return Party(tok.text, speaker.side if speaker else None)
        if low in claims.PRONOUNS:
            side = _pronoun_side(tok, t, attribution, speaker, ctx, ty)
            return Party(tok.text, side)
        tok = claims.antecedent(tok)
        text = claims.phrase(tok)
        side = claims.side_of(text) or _launcher_side(tok)
        if side is None and tok.lemma_.lower() in HOSTILE_WORDS and speaker and speaker.side in PARTIES:
            return Party(text, next(iter(PARTIES - {speaker.side})))  # "the enemy", in a party's words
        if side is None and tok == claims.blamed(t):
            return Party(text, None)  # "blamed the other side": no side to guess from context
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in claims.PRONOUNS]
        if side is None and poss:  # "its troops", "our units"
            if poss[0].lower_ in claims.FIRST_PERSON:
                return Party(text, speaker.side if speaker else None)
            return Party(text, _pronoun_side(poss[0], t, attribution, speaker, ctx, ty))
        if side is None and (mention := places_at(t.doc).get(tok.i)) is not None:
            place = mention.place
            side = place.country if place and place.kind == "country" else None
        if side is not None:
            return Party(text, side)
        if tok.lemma_.lower() not in FORCES and low not in FORCES:
            return Party(text, _default_side(ty, speaker, ctx, t, target, status))
        if attribution.cue is not None and speaker is not None and speaker.side in PARTIES:
            # "the ministry said troops would regroup", "... units inflicted defeat on ...": its own forces,
            # named without a side (the other's it calls the enemy or names by their side)
            return Party(text, speaker.side)
        return Party(text, _default_side(ty, speaker, ctx, t, target, status))
    return Party(None, _default_side(ty, speaker, ctx, t, target, status))


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


def _side_of_token(
    tok: Token, t: Token, attribution: claims.Attribution, speaker: Party | None, ctx: Context, ty: str
) -> str | None:
    """The side of a noun phrase, of a pronoun through its antecedent, or of 'its/our forces'."""
    if tok.lower_ in claims.FIRST_PERSON:
        return speaker.side if speaker else None
    if tok.lower_ in claims.PRONOUNS:
        return _pronoun_side(tok, t, attribution, speaker, ctx, ty)
    side = claims.side_of(claims.phrase(tok))
    if side is None:
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in claims.PRONOUNS]
        if poss:
            return _side_of_token(poss[0], t, attribution, speaker, ctx, ty)
    return side


def _target_side(t: Token) -> str | None:
    """What an attack hit, when it belongs to a party ('struck Ukrainian manpower', 'shelled Russian
    positions'), tells that the other party attacked."""
    targets = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "at") for g in c.children]
    sides = {claims.side_of(claims.phrase(x)) for x in targets} & PARTIES
    return next(iter(PARTIES - sides)) if len(sides) == 1 else None


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


_CLEARING_VERBS = lang.words("events/actors/clearing_verbs")


def _cleared_of_side(t: Token, speaker: Party | None) -> str | None:
    """'X is cleared of Russian troops', 'X was freed from the invader': the side the place is rid of lost it
    to the other; the enemy, in a party's words, is the other party."""
    if t.lemma_.lower() not in _CLEARING_VERBS:
        return None
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children]
    sides = {claims.side_of(claims.phrase(g)) for g in of} & PARTIES
    if len(sides) == 1:
        return next(iter(PARTIES - sides))
    if any(g.lemma_.lower() in HOSTILE_WORDS for g in of) and speaker is not None and speaker.side in PARTIES:
        return speaker.side
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
                    if g.dep_ == "pobj" and (
                        g.lemma_.lower() in FORCES or g.lower_ in FORCES or claims.side_of(claims.phrase(g))
                    ):
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
                if c.dep_ == "nsubjpass" and (c.lemma_.lower() in FORCES or c.lower_ in FORCES):
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


def _under_fire_side(t: Token) -> str | None:
    """'troops held out under heavy shelling': fire that a party is under comes from the other party."""
    if t.dep_ != "pobj" or t.head.lower_ != "under" or t.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    verb = t.head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    side = claims.side_of(claims.phrase(subj))
    return next(iter(PARTIES - {side})) if side in PARTIES else None


def _sibling_agent(t: Token) -> Token | None:
    """'the town came under bombardment by Moscow's forces': the 'by' hangs on the verb, not the noun."""
    if t.dep_ != "pobj" or t.head.lower_ not in ("under", "in", "from") or t.head.head.pos_ != "VERB":
        return None
    for c in t.head.head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _pronoun_side(
    tok: Token, t: Token, attribution: claims.Attribution, speaker: Party | None, ctx: Context, ty: str
) -> str | None:
    if tok.lower_ in ("it", "its") and not _reported_subject(tok):
        state = _state_before(tok)
        if state is not None:
            return state  # "handing Russia its biggest gain since it took X"
    # "the army keeps up its strikes", "Russia will focus on the territories it annexed":
    # the nearest subject above that is not itself a pronoun
    cur = t
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX"):
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not claims.is_pronoun(c):
                    side = claims.side_of(claims.phrase(c))
                    if side:
                        return side
        if cur.head == cur or (cur.lemma_.lower() in claims.REPORT_VERBS and cur.pos_ in ("VERB", "AUX")):
            break
        cur = cur.head
    # Inside reported speech a third-person pronoun most often is the speaker ("the ministry said it had").
    if attribution.cue is not None and speaker is not None and speaker.side:
        return speaker.side
    return ctx.actor.get(ty) or _local_authority(ty, ctx) or ctx.last_side


def _local_authority(ty: str, ctx: Context) -> str | None:
    """'Police said they had evacuated 12 residents': with no side named, civilians are moved by the
    authorities of the state whose places the text is about."""
    if ty != "evacuation":
        return None
    state = ctx.last_state or ctx.focus_state
    return state if state in PARTIES else None


def _reported_subject(tok: Token) -> bool:
    """The pronoun belongs to the clause a reporting verb reports ('the ministry said its forces had taken'),
    where it stands for the speaker."""
    cur = tok
    while cur.head != cur and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    if cur.lemma_.lower() in claims.REPORT_VERBS:
        return True  # "the ministry announced the withdrawal of its troops"
    return cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in claims.REPORT_VERBS


def _state_before(tok: Token) -> str | None:
    """The side of the nearest singular noun before a pronoun that names a state or a party."""
    for x in reversed(tok.doc[: tok.i]):
        if x.tag_ not in ("NN", "NNP") or x.dep_ in ("compound", "amod"):
            continue
        side = claims.side_of(x.doc[x.left_edge.i : x.i + 1].text)  # the noun and its modifiers only
        if side is not None:
            return side
    return None


def _launcher_side(tok: Token) -> str | None:
    """'Ukraine launched a counteroffensive that ...': an operation is done by whoever launched it."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in LIGHT_VERBS:
        return None
    who = claims.subject(tok.head)
    if who is None or claims.is_pronoun(who):
        return None
    return claims.side_of(claims.phrase(who))


def _struck_state(place: PlaceMention | None) -> str | None:
    """Ukraine, for a strike on a town or site in Russia or Crimea. Not the reverse: a place in Ukraine may
    lie in territory Russia holds, which either side strikes."""
    if place is None or place.place is None or place.place.kind not in ("settlement", "feature"):
        return None
    held = place.place.admin1 in _HELD_SINCE_2014  # Crimea: held by Russia since 2014
    return "UA" if place.place.country == "RU" or held else None


def _home_strike(place: PlaceMention | None, speaker: Party | None) -> bool:
    """A strike on a place in Ukraine with no attacker named, not told by Russia: the war's other party
    struck it. Russia's own words may be of a strike it suffered in the territory it holds."""
    if place is None or place.place is None or place.place.country != "UA":
        return False
    if place.place.kind not in ("settlement", "region"):
        return False  # bridges, dams and depots near the front are struck by both sides
    if place.place.admin1 in _HELD_SINCE_2014:
        return False  # Crimea and Sevastopol: Russia has held them since 2014, Ukraine strikes there
    return speaker is None or speaker.side != "RU"


# GeoNames first-level codes of Crimea and Sevastopol.
_HELD_SINCE_2014 = frozenset(["UA.11", "UA.20"])


def _expelled_side(t: Token) -> str | None:
    """'pushed Russian forces out of X' with no pusher named: the other belligerent pushed them."""
    if t.lemma_.lower() not in EXPEL_VERBS:
        return None
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            side = claims.side_of(claims.phrase(c))
            if side in PARTIES:
                return next(iter(PARTIES - {side}))
    return None


def _default_side(
    ty: str,
    speaker: Party | None,
    ctx: Context,
    t: Token | None = None,
    place: PlaceMention | None = None,
    status: str | None = None,
) -> str | None:
    expelled = _expelled_side(t) if t is not None else None
    if expelled is not None:
        return expelled
    if ty == "attack" and t is not None and (target := _target_side(t)) is not None:
        return target  # "artillery of the X battlegroup struck Ukrainian positions"
    if ty == "attack" and (struck := _struck_state(place)) is not None:
        return struck  # "explosions in the Russian city of X": a party's town is hit by the other party
    if ty == "attack" and _home_strike(place, speaker):
        return "RU"  # "strikes hit Odesa", told by Ukraine or by no one: Russia's, not the last attacker's
    if ty == "capture" and status == "denied" and speaker is not None and speaker.side in PARTIES:
        return next(iter(PARTIES - {speaker.side}))  # "X has not fallen", says the side that holds it
    # A party announces its own gains, call-ups and evacuations; otherwise the last actor of this kind.
    # A passive without agent ("before the town was captured") does not say whose gain it was.
    passive = t is not None and any(c.dep_ == "auxpass" for c in t.children)
    if (
        ty in ("capture", "advance", "withdrawal", "evacuation", "mobilization", "annexation")
        and speaker
        and speaker.side in PARTIES
        and not (passive and ty == "capture")
    ):
        return speaker.side
    return ctx.actor.get(ty) or _local_authority(ty, ctx)
