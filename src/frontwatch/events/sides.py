"""The side of an actor: of a noun phrase, of a pronoun through the clause above it, the speaker or the
document so far; and, when no word names the actor, the side told by what was hit, expelled or cleared, by
the place struck, by the speaker's own announcements, or by the last actor of the kind.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims, lang
from frontwatch.events.context import Context
from frontwatch.events.lexicon import EXPEL_VERBS, HOSTILE_WORDS, LIGHT_VERBS, PARTIES
from frontwatch.records import Party, PlaceMention


def side_of_token(
    tok: Token, t: Token, attribution: claims.Attribution, speaker: Party | None, ctx: Context, ty: str
) -> str | None:
    """The side of a noun phrase, of a pronoun through its antecedent, or of 'its/our forces'."""
    if tok.lower_ in claims.FIRST_PERSON:
        return speaker.side if speaker else None
    if tok.lower_ in claims.PRONOUNS:
        return pronoun_side(tok, t, attribution, speaker, ctx, ty)
    side = claims.side_of(claims.phrase(tok))
    if side is None:
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in claims.PRONOUNS]
        if poss:
            return side_of_token(poss[0], t, attribution, speaker, ctx, ty)
    return side


def _target_side(t: Token) -> str | None:
    """What an attack hit, when it belongs to a party ('struck Ukrainian manpower', 'shelled Russian
    positions'), tells that the other party attacked."""
    targets = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "at") for g in c.children]
    sides = {claims.side_of(claims.phrase(x)) for x in targets} & PARTIES
    return next(iter(PARTIES - sides)) if len(sides) == 1 else None


_CLEARING_VERBS = lang.words("events/actors/clearing_verbs")


def cleared_of_side(t: Token, speaker: Party | None) -> str | None:
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


def under_fire_side(t: Token) -> str | None:
    """'troops held out under heavy shelling': fire that a party is under comes from the other party."""
    if t.dep_ != "pobj" or t.head.lower_ != "under" or t.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    verb = t.head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    side = claims.side_of(claims.phrase(subj))
    return next(iter(PARTIES - {side})) if side in PARTIES else None


def pronoun_side(
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


def launcher_side(tok: Token) -> str | None:
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


def default_side(
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
