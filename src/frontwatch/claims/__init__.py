"""Who says so, and how sure: the speaker of an event mention, the speaker's side, the mention's status.

Four concerns, a module each: `syntax` (parse-tree helpers: noun phrases, subjects, pronouns), `parties`
(the registry of parties and the side of a speaker), `attribution` (dependency rules over reporting verbs
and nouns, "according to X", "X quoted Y as saying", and `quotes`, speakers of quotations) and `status`
(negation, hedging, modality and the future). Their words and patterns are data under `lang/<code>/claims/`.
This module is the stage's public surface.
"""

from __future__ import annotations

from frontwatch.claims.attribution import (
    BLAME_VERBS,
    DENY_VERBS,
    EVIDENCE_WORDS,
    REPORT_NOUNS,
    Attribution,
    blamed,
    find_attribution,
    poster,
)
from frontwatch.claims.parties import (
    OCCUPATION_WORDS,
    Registry,
    is_titled,
    registry,
    side_of,
    speaker_side,
    tidy_name,
    title_places,
)
from frontwatch.claims.quotes import quote_attribution
from frontwatch.claims.status import (
    CONFIRM_WORDS,
    HEDGE_WORDS,
    INTENT_NOUNS,
    INTENT_WORDS,
    hypothetical,
    is_future,
    next_sentence_hedged,
    status_of,
)
from frontwatch.claims.syntax import (
    FIRST_PERSON,
    PRONOUNS,
    REPORT_VERBS,
    TITLE_WORDS,
    antecedent,
    in_scope_of,
    is_pronoun,
    phrase,
    subject,
    word_tokens,
)

__all__ = [
    "BLAME_VERBS",
    "CONFIRM_WORDS",
    "DENY_VERBS",
    "EVIDENCE_WORDS",
    "FIRST_PERSON",
    "HEDGE_WORDS",
    "INTENT_NOUNS",
    "INTENT_WORDS",
    "OCCUPATION_WORDS",
    "PRONOUNS",
    "REPORT_NOUNS",
    "REPORT_VERBS",
    "TITLE_WORDS",
    "Attribution",
    "Registry",
    "antecedent",
    "blamed",
    "find_attribution",
    "hypothetical",
    "in_scope_of",
    "is_future",
    "is_pronoun",
    "is_titled",
    "next_sentence_hedged",
    "phrase",
    "poster",
    "quote_attribution",
    "registry",
    "side_of",
    "speaker_side",
    "status_of",
    "subject",
    "tidy_name",
    "title_places",
    "word_tokens",
]
