"""Sources of passages that relay one official's report: a sentence told with no speaker of its own takes
the speaker its paragraph names, the speaker who introduces a quoted update, or the one its headline relays
("Syniehubov: ...", "... — General Staff").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from spacy.tokens import Token

from frontwatch import claims, lang
from frontwatch.events import nlp
from frontwatch.events.context import Context, RawEvent
from frontwatch.events.lexicon import BODY_WORDS, HEADLINE_LABELS
from frontwatch.events.speakers import titled_speaker
from frontwatch.records import Document, Party

# "Syniehubov: 4,073 people evacuated", "Ministry of Defense: troops liberated X": a headline that relays one
# speaker's statement, named before a colon.
_HEADLINE_SPEAKER = re.compile(r"^\s*([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,4})\s*:\s+\S")


# "Russian troops liberate X — Shoigu": the speaker after a dash that ends the headline.
_HEADLINE_TAIL = re.compile(r"\s[-–—]\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*$")


def headline_speaker(doc: Document, ctx: Context, named: list[Party]) -> Party | None:
    """The speaker a headline relays, given the speakers the story names (`named`)."""
    m = _HEADLINE_SPEAKER.match(doc.title or "") or _HEADLINE_TAIL.search(doc.title or "")
    if m is None:
        return None
    who = m.group(1)
    words = who.lower().split()
    if any(w in ctx.place_states or w.lower() in HEADLINE_LABELS or w.isdigit() for w in who.split()):
        return None  # "Kherson: ...", "Update 3: ...", "Claim 1: ..." name no speaker
    # a bare surname ("Syniehubov: ...") names a speaker the story quotes; "Robotyne: ..." names a place
    if len(words) == 1:
        return next((p for p in named if p.name and words[0] in p.name.lower().split()), None)
    if not (claims.is_titled(who) or set(words) & BODY_WORDS):  # an office or a body ("General Staff")
        return None
    return titled_speaker(Party(who, claims.side_of(who)), ctx)


def _paragraphs(text: str, sentences: list[nlp.Sentence]) -> list[int]:
    """The paragraph of each sentence: blocks between blank lines, or lines where the text has none."""
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)] or [
        m.start() for m in re.finditer(r"\n", text)
    ]
    return [bisect_left(breaks, s.start) for s in sentences]


def relayed_sources(
    raws: list[RawEvent],
    text: str,
    sentences: list[nlp.Sentence],
    index: dict[int, int],
    named_at: dict[int, Party],
    headline: Party | None,
    pub: date | None,
) -> None:
    """A mention told with no speaker of its own, in a passage that relays an official's report, carries that
    official as its source: a speaker named in the same paragraph (the nearest), the speaker introducing a
    quoted block ("Here is the governor's update in full:"), else the speaker the headline relays."""
    para = _paragraphs(text, sentences)
    # Looked up once per mention: scanning every speaker for each costs quadratic time on long text.
    by_para: dict[int, list[int]] = {}
    for j in sorted(named_at):
        by_para.setdefault(para[j], []).append(j)
    named = sorted(named_at)
    own = content_words(headline) if headline is not None else set()
    other_voice = min((j for j, p in named_at.items() if not own & content_words(p)), default=None)
    for r in raws:
        if r.source is not None:
            continue
        whole = _relay(r, sentences, index, named_at, headline, para, by_para, named, other_voice)
        side = r.source.side if r.source is not None else None
        if r.relayed and r.type in ("capture", "advance") and r.actor.side is None and side in ("UA", "RU"):
            r.actor = Party(r.actor.name, side)  # "units liberated X", in a party's report: its own forces
        if whole and r.status == "reported" and not r.background and not _old_news(r, pub):
            r.status = "claimed"  # a quoted update or a relayed statement: the official's own claim


def _relay(
    r: RawEvent,
    sentences: list[nlp.Sentence],
    index: dict[int, int],
    named_at: dict[int, Party],
    headline: Party | None,
    para: list[int],
    by_para: dict[int, list[int]],
    named: list[int],
    other_voice: int | None,
) -> bool:
    """Sets the relayed source; True when the whole passage is the official's words. `by_para`: sentences
    naming a speaker by paragraph, `named`: all of them, in order; `other_voice`: the first sentence
    naming a speaker other than the headline's."""
    i = index.get(r.sentence.start)
    if i is None:
        return False
    same = by_para.get(para[i], [])
    if same:
        k = bisect_left(same, i)
        nearest = min(same[max(0, k - 1) : k + 1], key=lambda j: (abs(j - i), j > i, j))
        r.source, r.relayed = named_at[nearest], True
        # the sentence names its own speaker ("..., the ministry said"), unless the event is only the time of
        # what is said ("ordered an evacuation after aircraft began dropping bombs")
        return nearest == i and not told_in_passing(r.trigger)
    first = bisect_left(para, para[i])  # paragraphs number the sentences in order
    quoted = sentences[first].text.lstrip()[:1] in '"“'
    if quoted and first > 0 and sentences[first - 1].text.rstrip().endswith(":"):
        k = bisect_left(named, first)
        if k:
            r.source, r.relayed = named_at[named[k - 1]], True
            return True
    if headline is not None and (other_voice is None or other_voice >= i):
        r.source, r.relayed = headline, True
        return True
    return False


def names_someone(party: Party) -> bool:
    """A speaker phrase that names a person or a body, not a stray word the parser took for a subject."""
    name = party.name or ""
    if claims.is_titled(name) or party.side is not None:
        return True
    words = name.split()
    # a capital past the first word, or one capitalised word: "Multiple, yet unconfirmed" names no one
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and name[:1].isupper())


def content_words(party: Party) -> set[str]:
    return {w.lower() for w in claims.word_tokens(party.name or "")} - {"the", "of", "s", "a"}


def _old_news(r: RawEvent, pub: date | None) -> bool:
    return bool(r.date and pub and date.fromisoformat(r.date.end[:10]) < pub - timedelta(days=7))


_TIME_WORDS = lang.words("events/relay/passing_time_words")


def told_in_passing(t: Token) -> bool:
    """An event told as the time of another: in a clause or phrase of 'after', 'since', 'when'."""
    for x in [t, *t.ancestors]:
        if x.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_WORDS for c in x.children):
            return True
        if x.dep_ in ("pcomp", "pobj") and x.head.lower_ in _TIME_WORDS:
            return True
    return False
