"""Who says so, and how sure: the speaker of an event mention, the speaker's side, the mention's status.

Dependency rules over reporting verbs ("X said that ..."), reporting nouns ("in a statement by X"),
"according to X", "X quoted Y as saying", quotations attributed before or after the quote, and cue
words for negation, hedging and future.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from frontwatch.records import Party

REPORT_VERBS = frozenset(
    [
        "say",
        "tell",
        "announce",
        "state",
        "claim",
        "confirm",
        "report",
        "add",
        "note",
        "explain",
        "insist",
        "declare",
        "write",
        "tweet",
        "post",
        "assert",
        "allege",
        "admit",
        "acknowledge",
        "deny",
        "refute",
        "dispute",
        "rebut",
        "reject",
        "dismiss",
        "warn",
        "estimate",
        "stress",
        "emphasize",
        "emphasise",
        "suggest",
        "indicate",
        "inform",
        "reveal",
        "argue",
        "accuse",
        "quote",
        "cite",
        "publish",
        "believe",
        "think",
        "show",
    ]
)
# Verbs that deny what their object claims: "rejected Moscow's claim that ...".
DENY_VERBS = frozenset(["deny", "reject", "dismiss", "dispute", "refute", "rebut"])
# What shows rather than says: "footage indicates", "satellite images suggest" tell what the article sees.
EVIDENCE_WORDS = frozenset(
    [
        "footage",
        "imagery",
        "image",
        "video",
        "photo",
        "photograph",
        "picture",
        "evidence",
        "data",
        "satellite",
    ]
)
# Verbs that lay an event at someone's door: the subject speaks, the object is the one said to have done it.
BLAME_VERBS = frozenset(["blame", "accuse"])
REPORTED_DEPS = frozenset(["ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr"])
REPORT_NOUNS = frozenset(
    [
        "statement",
        "announcement",
        "report",
        "claim",
        "message",
        "briefing",
        "update",
        "words",
        "remarks",
        "post",
    ]
)
PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "my", "them", "us", "him"]
)
FIRST_PERSON = frozenset(["we", "our", "us", "i", "my"])
RELATIVES = frozenset(["who", "which", "that"])
HEDGE_WORDS = frozenset(
    [
        "alleged",
        "allegedly",
        "reportedly",
        "purported",
        "purportedly",
        "apparent",
        "apparently",
        "unconfirmed",
    ]
)
NEG_WORDS = frozenset(["not", "n't", "never", "no", "neither", "nor"])
INTENT_WORDS = frozenset(
    [
        "goal",
        "objective",
        "aim",
        "task",
        "target",
        "purpose",
        "plan",
        "intention",
        "intend",
        "seek",
        "want",
        "hope",
        "need",
        "focus",
        "effort",
        "bid",
        "ambition",
        "chance",
        "opportunity",
        "try",
        "attempt",
        "fail",
        "refuse",
        "threaten",
        "vow",
        "condition",
        "demand",
        "call",
        "request",
        "proposal",
        "talks",
        "ultimatum",
        "order_",
        "unable",
        "impossible",
        "idea",
        "mission",
        "option",
        "choice",
        "alternative",
        "ready",
    ]
)
# Nouns of an undertaking whose infinitive is its goal, not an event: "a push to take X", "the battle to hold
# it"; as verbs ("pushed them out") they are events of their own, so they count only as nouns.
INTENT_NOUNS = frozenset(["push", "drive", "campaign", "battle", "fight", "struggle", "offensive", "race"])
# Words of office: a speaker so titled speaks for the state of the place in the title ("Kharkiv's mayor").
TITLE_WORDS = frozenset(
    [
        "governor",
        "governors",
        "mayor",
        "mayors",
        "head",
        "chief",
        "leader",
        "administration",
        "authorities",
        "authority",
        "official",
        "officials",
        "council",
        "councillor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "police",
        "prosecutor",
        "prosecutors",
        "ombudsman",
        "commander",
        "command",
        "deputy",
        "secretary",
        "minister",
        "ministry",
        "governor's",
        "mayor's",
        "services",
        "service",
        "legislator",
        "lawmaker",
    ]
)
# Marks of an administration put in place by the power that holds the territory, not by its state.
OCCUPATION_WORDS = frozenset(
    ["occupation", "occupying", "self-proclaimed", "separatist", "separatists", "proxy", "puppet"]
)
_PLACE_IN_TITLE = re.compile(
    r"\b(?:of|in|for)\s+(?:the\s+)?(?:(?:occupied|besieged|eastern|western|northern|southern|central|"
    r"north-eastern|south-eastern|embattled|frontline|neighbouring|neighboring|nearby)\s+)*"
    r"(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"|(?P<b>[A-Z][\w-]+)(?:['’]s\b|\s+(?:region|regional|oblast|province|city|district|town|military|mayor|governor)\b)"
)

_NEXT_SENTENCE_HEDGE = re.compile(
    r"^(?:(?:this|that|the|these|those|such|neither|none)\b[^.]{0,60}?)?(?:could|can|has|have|had|was|were|is|are|did)"
    r"\s*(?:not|n't|no|yet to)\b[^.]{0,30}?\b(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*"
    r"|^\w+(?:\s+\w+)?\s+(?:could|can|was|were)\s+not\s+(?:able\s+to\s+)?(?:independently\s+)?(?:verify|confirm)",
    re.I,
)
# A speaker's name may hold initials ("Lloyd J. Austin"): a period after a lone capital ends no sentence.
_NAME_CHAR = r"(?:[^.;“”\"]|(?<=\b[A-Z])\.)"
_QUOTE_AFTER = re.compile(
    r"^[\s,.]*(?:(?:said|says|added|told|stated|wrote|announced|noted|claimed|declared|explained|insisted)\s+"
    r"(?P<a>[^,.;“”\"]{2,120})|(?P<b>"
    + _NAME_CHAR
    + r"{2,160}?)\s+(?:said|says|added|told|stated|wrote|announced"
    r"|noted|claimed|declared|explained|insisted)\b)"
)
_QUOTE_BEFORE = re.compile(
    r"(?P<who>[A-Z][^.;“”\"]{1,120}?)\s*(?:(?:said|says|added|stated|wrote|announced|noted|declared|told"
    r"[^,:]{0,40})\s*[,:]|:)\s*$"
)


@dataclass(frozen=True, slots=True)
class Registry:
    words: dict[str, str | None]  # lowercase phrase -> side ("none" read as None)
    cased: dict[str, str | None]  # acronyms matched only as written ("US", not the pronoun "us")
    longest: int

    def side(self, text: str | None) -> str | None:
        """Side named in a phrase: the first registry entry found, longer entries first at each position."""
        if not text:
            return None
        tokens = word_tokens(text)
        lower = [t.lower() for t in tokens]
        for i in range(len(tokens)):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                key = " ".join(lower[i : i + n])
                if key in self.words:
                    return self.words[key]
                if n == 1:
                    if tokens[i] in self.cased:
                        return self.cased[tokens[i]]
                    base = _possessive_base(key)
                    if base is not None and base in self.words:
                        return self.words[base]
        return None

    def known(self, text: str | None) -> bool:
        if not text:
            return False
        return any(t.lower() in self.words or t in self.cased for t in word_tokens(text))


def word_tokens(text: str) -> list[str]:
    """Words of a phrase as the registry and titles read them: apostrophes unified, initials kept."""
    tokens = re.findall(r"[\w.'’-]+", text.replace("’", "'"))
    return [t.strip(".") if not re.fullmatch(r"(?:\w\.)+", t) else t for t in tokens]


def _possessive_base(word: str) -> str | None:
    return word[:-2] if word.endswith("'s") and len(word) > 3 else None


@lru_cache(maxsize=1)
def registry() -> Registry:
    raw = json.loads(resources.files("frontwatch").joinpath("data/speakers.json").read_text(encoding="utf-8"))
    words: dict[str, str | None] = {}
    for table in ("adjectives", "places", "institutions", "persons"):
        for k, v in raw[table].items():
            words[k.lower()] = None if v == "none" else v
    cased = {k: (None if v == "none" else v) for k, v in raw.get("case_sensitive", {}).items()}
    return Registry(words, cased, max(len(k.split()) for k in words))


def side_of(text: str | None) -> str | None:
    return registry().side(text)


def is_titled(text: str | None) -> bool:
    return bool(text) and any(w.lower() in TITLE_WORDS for w in word_tokens(text or ""))


def title_places(text: str) -> list[str]:
    """Place names in a title: 'the governor of the Luhansk region', 'Kharkiv's mayor'."""
    out = []
    for m in _PLACE_IN_TITLE.finditer(text):
        name = m.group("a") or m.group("b")
        if name.split()[0].lower() not in ("the", "a", "an"):
            out.append(re.sub(r"['’]s$", "", name))
    return out


def speaker_side(text: str | None, place_of: Callable[[str], str | None] | None = None) -> str | None:
    """Side of a speaker: the registry's word for it, else the state of the place named in an official's title
    (`place_of` gives a place name's country code). An occupation administration speaks for the occupier,
    the belligerent other than the place's state."""
    if not text:
        return None
    side = side_of(text)
    if not is_titled(text):
        return side
    states = [c for name in title_places(text) if place_of and (c := place_of(name))]
    words = {t.lower() for t in word_tokens(text)}
    if words & OCCUPATION_WORDS:
        if side == "RU":
            return side
        state = states[0] if states else side
        return "UA" if state == "RU" else "RU"
    return side or (states[0] if states else None)


def phrase(token: Token) -> str:
    """The noun phrase of a token without its relative clauses and participial modifiers."""
    skip = {"relcl", "acl", "advcl", "punct", "cc"}
    toks = [token]
    stack = [c for c in token.children if c.dep_ not in skip]
    while stack:
        t = stack.pop()
        if t.dep_ in ("relcl", "acl") or (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")):
            continue
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl"))
    toks.sort(key=lambda t: t.i)
    start, end = toks[0].i, toks[-1].i + 1
    text = token.doc[start:end].text.strip(" ,")
    return _DATELINE.sub("", text, count=1) or text  # "KYIV, April 2 (Reuters) - Ukraine"


# A wire story's dateline, which the parser may hang on the first noun phrase: "KYIV, April 2 (Reuters) - ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s*"
    r"(?:\([^)]{1,40}\))?\s*[-–—]+\s*"
)


# A label before a quoted line names no speaker: "Claim 1: “...”", "Verdict: “...”".
_LABEL = re.compile(
    r"^(?:claim|verdict|question|myth|fact|rumou?r|update|headline|quote|caption|title|answer)\b\s*\d*$", re.I
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Party | None
    cue: Token | None  # the reporting verb or noun
    pronoun: bool  # the speaker was a pronoun resolved from context


def subject(verb: Token) -> Token | None:
    """Who a verb's clause is about: its subject, its passive agent, or the subject of the verb above. Of two
    subjects ("KYIV, April 2 (Reuters) - Ukraine said"), the dateline's city is not it: the nearest is."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and verb.lemma_ == "quote")
    ]
    if subjects:
        return max(subjects, key=lambda c: c.i) if all(c.i < verb.i for c in subjects) else subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if (
        verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head != verb
        and (verb.dep_ != "advcl" or verb.tag_ == "VBG")
    ):
        # "Announcing X, the spokesman stated"
        return subject(verb.head)
    if verb.lemma_.lower() in REPORT_VERBS:
        return _stranded_speaker(verb)
    return None


def _stranded_speaker(verb: Token) -> Token | None:
    """'... hit a depot in X, the regional governor, Ivan Petrenko, said': the parser hangs a closing speaker
    on the noun before it as an apposition; the outermost titled or named apposition is the speaker."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0:
        return None
    t, top = verb.doc[i], None
    while t.dep_ == "appos" and t.head != t:
        if t.lemma_.lower() in TITLE_WORDS or t.ent_type_ in ("PERSON", "ORG", "NORP"):
            top = t
        t = t.head
    return top


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on: 'the missiles that hit X' -> missiles."""
    if token.lower_ in RELATIVES and token.head.dep_ == "relcl" and token.head.head != token.head:
        return token.head.head
    return token


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS or token.lower_ in RELATIVES


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


# Things posted that "claim" or "show": who posted them is the source.
_POSTED_THINGS = frozenset(["video", "footage", "clip", "post", "photo", "image", "picture", "message"])


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
            and lemma not in ("show", "believe", "think")
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
        found = _as_reported(trigger) or _trailing_inverted(sent) or _root_report(trigger)
        if found is not None:
            cue, who = found
            if isinstance(who, str):
                return Attribution(Party(who, side_of(who)), cue, False)
            party, pron = _party(who, context)
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
    if root.lemma_.lower() not in REPORT_VERBS or root.lemma_.lower() in ("show", "believe", "think"):
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


# "..., informed the head of the regional administration X." / "..., reports the ministry.": a verb of saying
# before its subject at the end of a sentence, as translations write it.
_TRAILING_INVERTED = re.compile(
    r",\s*(?P<verb>informed|informs|reported|reports|report|stated|states|said|says|noted|notes|wrote|writes"
    r"|added|adds|announced|announces)\s+(?P<who>(?:the\s+)?[A-Za-z][^,;:“”\"]{2,120}?)[.!]?\s*$"
)


def _trailing_inverted(sent: Span) -> tuple[Token, str] | None:
    m = _TRAILING_INVERTED.search(sent.text)
    if m is None:
        return None
    who = m.group("who").strip()
    first = who.split()[0].lower()
    if first in PRONOUNS or first in ("that", "in", "on", "at", "by", "to", "from", "with", "earlier"):
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
    if noun.dep_ == "dobj" and noun.head.lemma_ in ("make", "issue", "release", "publish", "give", "post"):
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


def quote_attribution(text: str, start: int, end: int) -> str | None:
    """Speaker phrase of a quotation around text[start:end], found in the words just after or before it."""
    line_start, line_end, spans = _line_quotes(text, start)
    for qs, qe in spans:
        if qs <= start and end <= qe + 1:
            m = _QUOTE_AFTER.match(text[qe + 1 : min(line_end, qe + 1 + _ATTRIBUTION_REACH)])
            if m:
                return (m.group("a") or m.group("b")).strip()
            m = _QUOTE_BEFORE.search(text[max(line_start, qs - _ATTRIBUTION_REACH) : qs])
            if m and not _LABEL.match(m.group("who").strip()):
                return m.group("who").strip()
    return None


# The speaker phrase sits within this many characters of its quotation (the patterns allow ~200).
_ATTRIBUTION_REACH = 400
_QUOTES = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# The line breaks and the quotations of each line of the text last asked about: a document asks once per
# sentence, and finding them again each time costs quadratic time on a long one-paragraph text.
_quote_cache: tuple[str, list[int], dict[int, list[tuple[int, int]]]] | None = None


def _line_quotes(text: str, pos: int) -> tuple[int, int, list[tuple[int, int]]]:
    """(line start, line end, quotation spans as (start, index of the closing mark)) of the line at pos."""
    global _quote_cache
    if _quote_cache is None or _quote_cache[0] is not text:
        _quote_cache = (text, [m.start() for m in re.finditer("\n", text)], {})
    _, newlines, by_line = _quote_cache
    i = bisect.bisect_left(newlines, pos)
    line_start = newlines[i - 1] + 1 if i > 0 else 0
    line_end = newlines[i] if i < len(newlines) else len(text)
    if line_start not in by_line:
        by_line[line_start] = [(m.start(), m.end() - 1) for m in _QUOTES.finditer(text, line_start, line_end)]
    return line_start, line_end, by_line[line_start]


def in_scope_of(trigger: Token, words: frozenset[str], stop_at_report: bool = True) -> Token | None:
    """The nearest ancestor of the trigger whose lemma is in `words`, not crossing a reporting verb."""
    t = trigger
    while t.head != t:
        child, t = t, t.head
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            return None
        if t.lemma_.lower() in words:
            return t
        if stop_at_report and t.lemma_.lower() in REPORT_VERBS and t.pos_ in ("VERB", "AUX"):
            return None
    return None


FALSE_WORDS = frozenset(
    ["false", "untrue", "fake", "baseless", "unfounded", "groundless", "incorrect", "wrong"]
)


def _called_false(noun: Token) -> bool:
    """'reports of the capture were false', 'the claims are not true'."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_ != "be":
        return False
    for c in noun.head.children:
        if c.dep_ in ("acomp", "attr") and (
            c.lower_ in FALSE_WORDS or (c.lower_ in ("true", "accurate") and _negated(noun.head))
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
        if lemma in ("confirm", "confirmation", "verify", "verification") and (_negated(p) or _has_no(p)):
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
        elif lemma in REPORT_NOUNS | {"rumour", "rumor"} and _called_false(p):
            denied = True  # "reports that X had been taken were false"
        elif p == trigger and _negated(p):
            denied = True
        if p == attribution.cue:
            break
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


# Modals of possibility: "could fall", "may be forced to withdraw" tell a prospect, not an event; "will" and
# "would" (reported future) are left to `is_future`, which makes a statement of intent "planned".
POSSIBILITY_MODALS = frozenset(["could", "might", "may", "can", "ca", "should", "must"])
_SUBJECT_MODALS = POSSIBILITY_MODALS | {"would", "will", "'d"}
LIKELIHOOD_WORDS = frozenset(["likely", "unlikely", "possible", "poised", "set", "bound"])


# Auxiliaries that open a conditional when they come before their subject: "Should Russia come under attack".
INVERTED_CONDITIONALS = frozenset(["should", "had", "were"])


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
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in t.children):
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


# Verbs whose object or subject is an event that would take place with them: "could launch strikes", "may
# come under attack", "should face evacuations"; not "might recognise the annexation" (the act is old).
UNDERGO_VERBS = frozenset(
    ["launch", "carry", "conduct", "stage", "mount", "unleash", "begin", "start", "resume", "order", "face",
     "suffer", "come", "undergo", "see", "need", "require"]
)  # fmt: skip
# Verbs that tell an event already under way: "the attacks should stop".
ASPECT_VERBS = frozenset(["stop", "end", "cease", "continue", "halt", "finish"])


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


def is_future(trigger: Token) -> bool:
    """The trigger is told as to come: 'will withdraw', 'plans to annex'."""
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "dobj"):
        verb = trigger.head  # "the evacuation will begin", "will launch strikes"
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would") for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children
    ):
        return True  # "will begin to withdraw", "will attempt to retake"
    return verb.dep_ == "xcomp" and head.lemma_ in ("plan", "intend", "prepare", "go") and head.tag_ != "VBN"
