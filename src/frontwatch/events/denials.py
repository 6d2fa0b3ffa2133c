"""Denials told apart from the claim: "Moscow said its troops had taken X. Kyiv denied the claim." The claim's
events are told again as denied, with the denier as their source: one event claimed, one denied, one
incident, as `docs/ANNOTATION.md` records a claim and its denial. A denial that holds its own event ("Kyiv
denied that X had fallen") is read where it stands (`claims.status_of`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from frontwatch import claims, lang
from frontwatch.events.annotations import Reading
from frontwatch.events.context import RawEvent
from frontwatch.events.speakers import titled_speaker
from frontwatch.records import Party

# What a denial may deny without telling it again: "the claim", "the reports", "it", "any involvement".
DISPUTED = lang.words("claims/disputed_things")

# The deny verbs' forms, to parse only sentences that may hold one: "deny" -> "den", "refute" -> "refut".
_CUE = re.compile(
    r"\b(?:" + "|".join(sorted(w[:-1] if w[-1] in "ey" else w for w in claims.DENY_VERBS)) + r")\w*", re.I
)

# How far back the claim a denial answers may be told, in sentences.
_REACH = 2


def denials(reading: Reading, raws: list[RawEvent]) -> list[RawEvent]:
    """`raws` with a denied copy of each claim a later sentence denies without naming it."""
    index = {s.start: i for i, s in enumerate(reading.sentences)}
    at: dict[int, list[RawEvent]] = {}
    for r in raws:
        at.setdefault(index[r.sentence.start], []).append(r)
    out = list(raws)
    for i, sent in enumerate(reading.sentences):
        if sent.heading or not _CUE.search(sent.text):
            continue
        own = at.get(i, [])
        earlier = next((at[j] for j in range(i - 1, max(i - 1 - _REACH, -1), -1) if j in at), [])
        if not own and not earlier:
            continue
        sdoc = reading.sentence_doc(i)
        found = _denial(sdoc)
        if found is None:
            continue
        verb, who = found
        name = claims.phrase(who)
        denier = titled_speaker(Party(name, claims.side_of(name)), reading.ctx)
        if denier.side is None:
            continue
        # a claim in the same sentence is answered only by a denial it does not stand under ("X said Y
        # shelled Z, a claim Kyiv denied"); one the denied thing holds ("denied the claim that X fell")
        # already says denied; one beside it ("rejected the claim, accusing Russia of ...") is the
        # denier's own, and the claim answered is the one before
        mine = [r for r in own if r.trigger.doc is sdoc]
        answered = [r for r in mine if verb not in r.trigger.ancestors] or (
            earlier if not any(_denied_thing(verb, r.trigger) for r in mine) else []
        )
        for r in answered:
            if _deniable(r, denier.side) and not _told(out, r, i, index):
                out.append(
                    replace(
                        r,
                        status="denied",
                        source=denier,
                        quantities={},
                        sentence=sent,
                        trigger=verb,
                        order=(sent.start, verb.idx),
                        relayed=False,
                    )
                )
    return out


def _denial(sdoc: Doc) -> tuple[Token, Token] | None:
    """The deny verb of a sentence that denies something told before, and who denies: "Kyiv denied the
    claim", "a claim Moscow rejected", "Russia denied any involvement"; not "did not deny", "neither
    confirmed nor denied" (unconfirmed), "will deny", "denies targeting civilians"."""
    for verb in sdoc:
        if verb.lemma_.lower() not in claims.DENY_VERBS or verb.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in verb.children):
            continue
        if verb.dep_ == "conj" and verb.head.lemma_.lower() in claims.CONFIRM_WORDS:
            continue
        if claims.is_future(verb):
            continue
        who = claims.subject(verb)
        if who is None:
            continue
        who = claims.antecedent(who)
        if claims.is_pronoun(who):
            continue
        if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            continue  # "Russia denies targeting civilians": a policy denied, not the claim before
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        under_claim = verb.dep_ == "relcl" and verb.head.lemma_.lower() in DISPUTED
        if under_claim or (
            objects and all(o.lemma_.lower() in DISPUTED or o.lower_ in DISPUTED for o in objects)
        ):
            return verb, who
    return None


def _denied_thing(verb: Token, trigger: Token) -> bool:
    """The trigger is told inside what the verb denies ('rejected the claim that X had fallen')."""
    return any(trigger in o.subtree for o in verb.children if o.dep_ in ("dobj", "nsubjpass"))


def _deniable(r: RawEvent, side: str) -> bool:
    """A claim the denier answers: told by the other side, or one that blames the denier's own forces."""
    if r.status not in ("claimed", "reported"):
        return False
    said_by = r.source.side if r.source is not None else None
    return (said_by is not None and said_by != side) or r.actor.side == side


def _told(out: list[RawEvent], r: RawEvent, i: int, index: dict[int, int]) -> bool:
    """Whether the document already has this denial (same type and place, denied, in that sentence)."""
    return any(
        k.status == "denied"
        and k.type == r.type
        and index[k.sentence.start] == i
        and (k.place.place if k.place else None) == (r.place.place if r.place else None)
        for k in out
    )
