"""How sure: the status of an event mention (reported, claimed, unconfirmed, denied, planned) from negation,
hedging, modality and the future, and the mentions that tell no event at all (conditions, prospects)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from frontwatch import lang
from frontwatch.claims.attribution import BLAME_VERBS, DENY_VERBS, REPORT_NOUNS, Attribution
from frontwatch.claims.syntax import REPORT_VERBS

HEDGE_WORDS = lang.words("claims/hedge_words")
INTENT_WORDS = lang.words("claims/intent_words")
# Nouns of an undertaking whose infinitive is its goal, not an event: "a push to take X", "the battle to hold
# it"; as verbs ("pushed them out") they are events of their own, so they count only as nouns.
INTENT_NOUNS = lang.words("claims/intent_nouns")
FALSE_WORDS = lang.words("claims/false_words")
TRUE_WORDS = lang.words("claims/true_words")
CONFIRM_WORDS = lang.words("claims/confirm_words")
# What may be called false besides a report: "reports that X had been taken were false", "rumours of ...".
_HEARSAY = REPORT_NOUNS | lang.words("claims/rumour_nouns")
# Modals of possibility: "could fall", "may be forced to withdraw" tell a prospect, not an event; "will" and
# "would" (reported future) are left to `is_future`, which makes a statement of intent "planned".
POSSIBILITY_MODALS = lang.words("claims/possibility_modals")
NEED_MODALS = lang.words("claims/need_modals")
_SUBJECT_MODALS = POSSIBILITY_MODALS | lang.words("claims/prospect_modals")
LIKELIHOOD_WORDS = lang.words("claims/likelihood_words")
# Auxiliaries that open a conditional when they come before their subject: "Should Russia come under attack".
INVERTED_CONDITIONALS = lang.words("claims/inverted_conditionals")
CONDITIONAL_MARKS = lang.words("claims/conditional_marks")
# Verbs whose object or subject is an event that would take place with them: "could launch strikes", "may
# come under attack", "should face evacuations"; not "might recognise the annexation" (the act is old).
UNDERGO_VERBS = lang.words("claims/undergo_verbs")
# Verbs that tell an event already under way: "the attacks should stop".
ASPECT_VERBS = lang.words("claims/aspect_verbs")
FUTURE_AUXILIARIES = lang.words("claims/future_auxiliaries")
# On the trigger's own verb "would" tells a reported future too ("said they would withdraw"), not on the verb
# above it ("would try to take" is a prospect).
_OWN_FUTURE = FUTURE_AUXILIARIES | {"would"}
PLAN_VERBS = lang.words("claims/plan_verbs")
_NEXT_SENTENCE_HEDGE = re.compile(lang.pattern("claims/next_sentence_hedge"), re.I)


def _called_false(noun: Token) -> bool:
    """'reports of the capture were false', 'the claims are not true'."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_ != "be":
        return False
    for c in noun.head.children:
        if c.dep_ in ("acomp", "attr") and (
            c.lower_ in FALSE_WORDS or (c.lower_ in TRUE_WORDS and _negated(noun.head))
        ):
            return True
    return False


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("neither", "never") for c in token.children)


def _has_no(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def status_of(trigger: Token, attribution: Attribution, next_sentence: str | None = None) -> str | None:
    """reported / claimed / unconfirmed / denied / planned; None for hypothetical mentions ('if') and for
    events told as absent ('there had been no major strikes')."""
    if hypothetical(trigger) or (trigger.pos_ in ("NOUN", "PROPN") and _has_no(trigger)):
        return None
    path = [trigger]
    t = trigger
    while t.head != t:
        child, t = t, t.head
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and t.pos_ in ("VERB", "AUX"):
            break
        path.append(t)
    unconfirmed = any(c.lower_ in HEDGE_WORDS for c in trigger.children) or any(
        c.lower_ in HEDGE_WORDS for p in path[1:3] for c in p.children if c.dep_ in ("amod", "advmod")
    )
    denied = False
    for p in path:
        lemma = p.lemma_.lower()
        if lemma in CONFIRM_WORDS and (_negated(p) or _has_no(p)):
            unconfirmed = True
        elif lemma in DENY_VERBS and p != trigger:
            if lemma == "deny" and (
                any(c.lower_ in ("neither", "nor") for c in p.children)
                or (p.dep_ == "conj" and p.head.lemma_.lower() == "confirm")
            ):
                unconfirmed = True
            elif not _negated(p):
                denied = True
        elif p.pos_ in ("NOUN",) and _has_no(p) and p != trigger:
            denied = True  # "no question of our troops withdrawing", "no plans to ..."
        elif lemma in _HEARSAY and _called_false(p):
            denied = True  # "reports that X had been taken were false"
        elif p == trigger and _negated(p):
            if is_future(trigger) or _modal(trigger):
                return None  # "will not withdraw", "would never cede", "need not be stormed": no event
            denied = True
        if p == attribution.cue or (p != trigger and lemma in BLAME_VERBS and p.pos_ == "VERB"):
            break  # "rejected the claim, accusing Russia of shelling it": the accuser's claim, not a denial
    if any(c.lower_ == "nor" for p in path for c in p.children) and any(p.lemma_ == "confirm" for p in path):
        unconfirmed = True
    if unconfirmed:
        return "unconfirmed"
    if denied:
        return "denied"
    if next_sentence and next_sentence_hedged(next_sentence):
        return "unconfirmed"
    if is_future(trigger):
        return "planned"
    if attribution.cue is not None:
        return "claimed"
    return "reported"


def next_sentence_hedged(text: str) -> bool:
    """'The claim could not be independently verified.': a sentence that withholds confirmation."""
    return _NEXT_SENTENCE_HEDGE.search(text.strip()) is not None


def hypothetical(trigger: Token) -> bool:
    if _nominal_prospect(trigger) or _question(trigger):
        return True
    subj = trigger
    while subj.tag_ == "VBG" and subj.dep_ in ("compound", "amod") and subj.head != subj:
        subj = subj.head  # "Capturing X would ...": the model may hang the gerund on its object
    if (
        trigger.tag_ == "VBG"
        and subj.dep_ in ("csubj", "nsubj", "nsubjpass")
        and any(c.dep_ == "aux" and c.lower_ in _SUBJECT_MODALS for c in subj.head.children)
    ):
        return True  # "taking the city would cost months": a prospect, not an event
    if _possible_only(trigger):
        return True
    t = trigger
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
        if _inverted_conditional(t) or _main_of_conditional(t):
            return True
        if any(c.dep_ == "det" and c.lower_ in ("if",) for c in t.children):
            return True
        if t.head == t or t.dep_ in ("ccomp", "ROOT"):
            break
        t = t.head
    left = trigger.doc[max(trigger.sent.start, trigger.i - 3) : trigger.i]
    return any(x.lower_ in ("if", "whether") for x in left)


def _question(trigger: Token) -> bool:
    """'Is the fleet leaving Sevastopol?': a question asks, it tells no event."""
    return trigger.doc.text.rstrip().rstrip("\"”’'").endswith("?")


def _inverted_conditional(verb: Token) -> bool:
    """'Should Russia come under attack', 'Had the troops withdrawn': the auxiliary before the subject."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in INVERTED_CONDITIONALS), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return aux is not None and subj is not None and aux.i < subj.i and aux.i == verb.sent.start


def _main_of_conditional(verb: Token) -> bool:
    """'would not accept evacuations if the fighting went on': a modal verb with an 'if' clause of its own."""
    if not any(c.dep_ == "aux" and c.lower_ in _SUBJECT_MODALS for c in verb.children):
        return False
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    )


def _nominal_prospect(trigger: Token) -> bool:
    """A noun trigger told as a possibility: 'an attack could force him', 'may come under attack'."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    verb = trigger.head
    if trigger.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "come under attack"
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not auxes & POSSIBILITY_MODALS or auxes & {"have", "'ve"}:
        return False  # "the shelling could have killed dozens": the shelling took place
    lemma = verb.lemma_.lower()
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        return lemma not in ASPECT_VERBS
    return lemma in UNDERGO_VERBS


def _possible_only(trigger: Token) -> bool:
    """The trigger's verb, or a verb it is the infinitive of, carries a modal of possibility or a word of
    likelihood: "could fall", "may be forced to withdraw", "is likely to take"; not across a report verb."""
    verb = trigger
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children):
            return True
        if any(c.dep_ == "acomp" and c.lower_ in LIKELIHOOD_WORDS for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in REPORT_VERBS:
            return False
        verb = verb.head
        if verb.lower_ in LIKELIHOOD_WORDS:
            return True  # "likely to take", the adjective heading the infinitive
    return False


def _modal(trigger: Token) -> bool:
    """'need not be stormed', 'cannot be taken': a necessity or a possibility denied, not an event."""
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS | NEED_MODALS for c in trigger.children)


def is_future(trigger: Token) -> bool:
    """The trigger is told as to come: 'will withdraw', 'plans to annex'."""
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "dobj"):
        verb = trigger.head  # "the evacuation will begin", "will launch strikes"
    if any(c.dep_ == "aux" and c.lower_ in _OWN_FUTURE for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in head.children
    ):
        return True  # "will begin to withdraw", "will attempt to retake"
    return verb.dep_ == "xcomp" and head.lemma_ in PLAN_VERBS and head.tag_ != "VBN"
