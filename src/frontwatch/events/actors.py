"""Who acts: the actor of a trigger from its subject, agent, possessive or adjective ("Russian
strikes"), and its side, from the words themselves, from the speaker of a party, or from the document so far.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events.context import Context
from frontwatch.events.lexicon import EXPEL_VERBS, FORCES, HOSTILE_WORDS, LIGHT_VERBS, PARTIES
from frontwatch.events.triggers import governing_verb, repelled, signed_act
from frontwatch.records import Party, PlaceMention


def find_actor(
    t: Token,
    ty: str,
    attribution: claims.Attribution,
    speaker: Party | None,
    ctx: Context,
    token_place: dict[int, PlaceMention],
) -> Party:
    tok = _actor_token(t, ty)
    if tok is None and (cleared := _cleared_of_side(t)) is not None:
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
        if side is None and tok.i in token_place:
            place = token_place[tok.i].place
            side = place.country if place and place.kind == "country" else None
        if side is not None:
            return Party(text, side)
        if tok.lemma_.lower() not in FORCES and low not in FORCES:
            return Party(text, _default_side(ty, speaker, ctx, t))
        if attribution.cue is not None and speaker is not None and speaker.side in PARTIES and ty != "attack":
            # "the ministry said troops would regroup": its own troops; of attacks a party mostly reports
            # the other's
            return Party(text, speaker.side)
        return Party(text, _default_side(ty, speaker, ctx, t))
    return Party(None, _default_side(ty, speaker, ctx, t))


def _repelled_by(t: Token) -> Token | None:
    """'its forces repelled attacks near X': the subject of the verb that fended the trigger off."""
    verb = repelled(t)
    return claims.subject(verb) if verb is not None else None


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


_LAUNCH_VERBS = frozenset(["launch", "fire", "drop", "send", "use"])


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


def _cleared_of_side(t: Token) -> str | None:
    """'X is cleared of Russian troops': the side the place is cleared of lost it to the other."""
    if t.lemma_.lower() != "clear":
        return None
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    sides = {claims.side_of(claims.phrase(g)) for g in of} & PARTIES
    return next(iter(PARTIES - sides)) if len(sides) == 1 else None


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
    if t.pos_ in ("NOUN", "PROPN"):
        for c in t.children:
            if c.dep_ == "poss":
                return c
        # "the withdrawal of its troops" names who acts; "the capture of the town" names what is taken
        of_ok = ty in ("withdrawal", "advance", "mobilization", "")
        for c in t.children:
            if c.dep_ == "prep" and (c.lower_ == "by" or (of_ok and c.lower_ == "of")):
                for g in c.children:
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
        t.tag_ == "VBN" and t.dep_ == "acl"
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
        for c in t.children:
            if c.dep_ == "nsubj":
                return c
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
    if t.dep_ in ("conj",) and t.head.pos_ in ("VERB", "AUX"):
        return _actor_token(t.head, ty)
    if t.dep_ == "pcomp":
        return _subject_above(t.head.head)
    return _left_modifier(t)


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


def _default_side(ty: str, speaker: Party | None, ctx: Context, t: Token | None = None) -> str | None:
    expelled = _expelled_side(t) if t is not None else None
    if expelled is not None:
        return expelled
    if ty == "attack" and t is not None and (target := _target_side(t)) is not None:
        return target  # "artillery of the X battlegroup struck Ukrainian positions"
    # A party announces its own gains, call-ups and evacuations; otherwise the last actor of this kind.
    # A passive without agent ("before the town was captured") does not say whose gain it was.
    passive = t is not None and any(c.dep_ == "auxpass" for c in t.children)
    if (
        ty in ("capture", "advance", "evacuation", "mobilization", "annexation")
        and speaker
        and speaker.side in PARTIES
        and not (passive and ty == "capture")
    ):
        return speaker.side
    return ctx.actor.get(ty) or _local_authority(ty, ctx)
