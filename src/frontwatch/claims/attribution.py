"""Who says so: the reporting structure over an event mention (verbs and nouns of saying, "according to X",
"X quoted Y as saying", a closing "..., reports the ministry") and who is blamed for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontwatch import lang
from frontwatch.claims.parties import is_titled, registry, side_of
from frontwatch.claims.syntax import PRONOUNS, REPORT_VERBS, antecedent, is_pronoun, phrase, subject
from frontwatch.records import Party

# Verbs that deny what their object claims: "rejected Moscow's claim that ...".
DENY_VERBS = lang.words("claims/deny_verbs")
# What shows rather than says: "footage indicates", "satellite images suggest" tell what the article sees.
EVIDENCE_WORDS = lang.words("claims/evidence_words")
# Verbs that lay an event at someone's door: the subject speaks, the object is the one said to have done it.
BLAME_VERBS = lang.words("claims/blame_verbs")
REPORT_NOUNS = lang.words("claims/report_nouns")
# Report verbs that tell a belief or what something shows: no one is quoted.
BELIEF_VERBS = lang.words("claims/belief_verbs")
# Verbs that put out a statement: the subject of "issued a statement" is its speaker.
ISSUE_VERBS = lang.words("claims/issue_verbs")
# Things posted that "claim" or "show": who posted them is the source.
_POSTED_THINGS = lang.words("claims/posted_things")
# Dependencies of what a reporting verb reports (parser labels, not words).
REPORTED_DEPS = frozenset(["ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr"])
# "..., informed the head of the regional administration X." / "..., reports the ministry.": a verb of saying
# before its subject at the end of a sentence, as translations write it.
_TRAILING_INVERTED = re.compile(lang.pattern("claims/trailing_inverted"))
_NOT_INVERTED_SUBJECTS = lang.words("claims/not_inverted_subjects")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Party | None
    cue: Token | None  # the reporting verb or noun
    pronoun: bool  # the speaker was a pronoun resolved from context


def _party(token: Token, context: Party | None) -> tuple[Party | None, bool]:
    if is_pronoun(token):
        if antecedent(token) is not token:
            return _party(antecedent(token), context)
        return context, True
    posted_by = poster(token)
    if posted_by is not None:  # "a video shared by several Telegram channels claimed": the channels claim it
        token = posted_by
    text = phrase(token)
    return Party(text, side_of(text)), False


def poster(token: Token) -> Token | None:
    """Who posted a video or a post that is the subject of a claim: 'a video shared by X'."""
    if token.lemma_.lower() not in _POSTED_THINGS:
        return None
    for acl in (c for c in token.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            for g in agent.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _quoted_speaker(verb: Token) -> Token | None:
    """'TASS quoted the ministry as saying' and 'Peskov was quoted as saying': the quoted one speaks."""
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
    return subject(verb)


def find_attribution(sent: Span, trigger: Token, context: Party | None) -> Attribution:
    """The reporting structure above the trigger in its own sentence, if any."""
    t = trigger
    seen_quote_verb: Token | None = None
    silent: Token | None = None  # a reporting word without a named speaker
    while t.head != t:
        child, t = t, t.head
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and t.pos_ in ("VERB", "AUX"):
            break  # a sibling clause is not reported by the first one
        lemma = t.lemma_.lower()
        if lemma in BLAME_VERBS and t.pos_ == "VERB" and child.dep_ in ("prep", "dobj", "nsubjpass"):
            who = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if who is not None:
                party, pron = _party(who, context)
                return Attribution(party, t, pron)
            silent = silent or t
            continue
        if lemma == "quote":
            seen_quote_verb = t
            who = _quoted_speaker(t)
            if who is not None:
                party, pron = _party(who, context)
                medium = subject(t)
                if party and party.side is None and medium is not None and medium != who:
                    party = Party(party.name, side_of(phrase(medium)))
                return Attribution(party, t, pron)
        if (
            lemma in REPORT_VERBS
            and t.pos_ in ("VERB", "AUX")
            and lemma not in BELIEF_VERBS
            and (child.dep_ in REPORTED_DEPS or _trailing_clause(child, t))
        ):
            who = subject(t)
            if who is not None and who.lower_ == "it" and who.dep_ == "nsubjpass":
                who = _passive_source(t) or who  # "it was informed in the Ministry of Defence on Wednesday"
            if who is not None and (posted_by := poster(who)) is not None:
                party, pron = _party(posted_by, context)  # "a video shared by X claimed ...": X claims
                return Attribution(party, t, pron)
            if who is not None and who.lemma_.lower() in EVIDENCE_WORDS:
                continue  # "geolocated footage indicates that ...": seen, not said
            if who is not None:
                party, pron = _party(who, context)
                return Attribution(party, t, pron)
            if silent is None:
                silent = t
            continue
        announced = _participle_report(t)
        if announced is not None and silent is None:
            silent = announced
        if lemma in REPORT_NOUNS and t.pos_ == "NOUN":
            denier = t.head if t.dep_ == "dobj" and t.head.lemma_.lower() in DENY_VERBS else None
            if denier is not None and (who := subject(denier)) is not None:
                # "Ukraine rejected Moscow's claim that ...": Ukraine speaks
                party, pron = _party(who, context)
                return Attribution(party, denier, pron)
            who = _noun_speaker(t)
            if who is not None:
                party, pron = _party(who, context)
                return Attribution(party, t, pron)
    if seen_quote_verb is None:
        acc = _according_to(sent)
        if acc is not None:
            party, pron = _party(acc, context)
            return Attribution(party, acc, pron)
        stmt = _statement_by(sent)
        if stmt is not None:
            party, pron = _party(stmt, context)
            return Attribution(party, stmt, pron)
        found: tuple[Token, Token | str] | None = (
            _as_reported(trigger) or _trailing_inverted(sent) or _root_report(trigger)
        )
        if found is not None:
            cue, speaker = found
            if isinstance(speaker, str):
                return Attribution(Party(speaker, side_of(speaker)), cue, False)
            party, pron = _party(speaker, context)
            return Attribution(party, cue, pron)
    return Attribution(None, silent, False)


def _passive_source(verb: Token) -> Token | None:
    """'it was reported by X', and the translated 'it was informed in X': who made the report."""
    for c in verb.children:
        if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "at"))) and c.i > verb.i:
            for g in c.children:
                if g.dep_ == "pobj" and (is_titled(phrase(g)) or registry().known(phrase(g))):
                    return g
    return None


def _root_report(trigger: Token) -> tuple[Token, Token] | None:
    """'X said at a briefing that the losses ... exceeded 200': the parser may hang the reported clause on a
    noun of the main clause; a sentence whose main verb is one of saying, with the trigger after it and not
    in a clause joined beside it, is still what the subject says."""
    cur = trigger
    while cur.head != cur and cur.head.head != cur.head:
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return None  # a clause beside the reported one
        cur = cur.head
    root = cur.head
    if (
        cur == root
        or cur.dep_ in ("conj", "parataxis")
        or root.i > trigger.i
        or root.pos_ not in ("VERB", "AUX")
    ):
        return None
    if root.lemma_.lower() not in REPORT_VERBS or root.lemma_.lower() in BELIEF_VERBS:
        return None
    who = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if who is None or is_pronoun(who) or who.lemma_.lower() in EVIDENCE_WORDS:
        return None
    return root, who


def _as_reported(trigger: Token) -> tuple[Token, Token] | None:
    """'As reported the ministry of defence, the withdrawal was completed', 'as X said, ...': a clause of
    saying opened by 'as' on the clause that holds the trigger."""
    cur: Token | None = trigger
    while cur is not None:
        for c in cur.children:
            if c.dep_ != "advcl" or c.lemma_.lower() not in REPORT_VERBS or c.i > trigger.i:
                continue
            if not any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children):
                continue
            # "as X said", "as reported by X", and the translated "as reported X"
            who = next((g for g in c.children if g.dep_ == "nsubj"), None) or next(
                (h for g in c.children if g.dep_ == "agent" for h in g.children if h.dep_ == "pobj"), None
            )
            who = who or next((g for g in c.children if g.dep_ == "dobj"), None)
            if who is not None and not is_pronoun(who):
                return c, who
        cur = cur.head if cur.head != cur else None
    return None


def _trailing_inverted(sent: Span) -> tuple[Token, str] | None:
    m = _TRAILING_INVERTED.search(sent.text)
    if m is None:
        return None
    who = m.group("who").strip()
    first = who.split()[0].lower()
    if first in PRONOUNS or first in _NOT_INVERTED_SUBJECTS:
        return None  # "..., said that ...", "..., said on Sunday": no inverted subject
    if not (is_titled(who) or registry().known(who) or who[:1].isupper()):
        return None
    start = sent.start_char + m.start("verb")
    cue = next((x for x in sent if x.idx == start), None)
    return (cue, who) if cue is not None else None


def blamed(trigger: Token) -> Token | None:
    """'X blamed Y for the attack', 'X accused Y of shelling', 'the strike was blamed on Y': Y."""
    t = trigger
    if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in ("for", "of"):
        verb = t.head.head
        if verb.lemma_.lower() in BLAME_VERBS and verb.pos_ == "VERB":
            return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if t.dep_ in ("nsubjpass", "dobj") and t.head.lemma_.lower() == "blame":
        on = [g for c in t.head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children]
        return next((g for g in on if g.dep_ == "pobj"), None)
    return None


def _trailing_clause(child: Token, verb: Token) -> bool:
    """'A and B happened when C, the governor said': the parser hangs the 'when' clause on the reporting
    verb, yet everything before a trailing attribution is what was said."""
    return (
        child.dep_ == "advcl"
        and child.i < verb.i
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        and any(c.dep_ == "nsubj" and c.i < verb.i and c.i > child.i for c in verb.children)
    )


def _participle_report(verb: Token) -> Token | None:
    """'The pullback, announced on Monday, covers ...': a reporting participle on the subject."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for g in c.children:
                if g.dep_ in ("acl", "relcl") and g.lemma_.lower() in REPORT_VERBS:
                    return g
    return None


def _noun_speaker(noun: Token) -> Token | None:
    for c in noun.children:  # "a statement by X", "a statement made by X"
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
        if c.dep_ == "acl":
            for g in c.children:
                if g.dep_ == "agent":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            return h
        if c.dep_ == "poss":
            return c
    if noun.dep_ == "dobj" and noun.head.lemma_ in ISSUE_VERBS:
        return subject(noun.head)
    return None


def _according_to(sent: Span) -> Token | None:
    for t in sent:
        if t.lower_ == "according":
            for c in t.children:
                if c.lower_ == "to":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for g in nxt.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def _statement_by(sent: Span) -> Token | None:
    for t in sent:
        if t.lemma_.lower() in REPORT_NOUNS and t.pos_ == "NOUN":
            who = _noun_speaker(t)
            if who is not None and t.dep_ == "pobj":  # "In a statement by X, ..."
                return who
    return None
