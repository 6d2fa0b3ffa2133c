"""What the events stage knows of a document while it reads it, and what each parsed sentence carries.

A `Reading` is one document being read: its sentences, places, publication date, the sentences selected
and parsed, and the narrative state (`Context`) that earlier sentences leave for later ones. Each parsed
sentence is a spaCy `Doc` that points back to its reading (`Doc._.reading`, `Doc._.index`) and carries
what the components of `events.components` annotate on it:

- `Token._.place`: the place mention a token belongs to (`doc.spans["places"]`, label: the place's kind);
- `Doc._.dates`, `doc.spans["dates"]`: the date expressions, anchored on the day the story last named;
- `Doc._.quantities`, `doc.spans["quantities"]`: counts, areas and distances;
- `doc.spans["triggers"]`: the words that tell an event, labelled by its type;
- `Doc._.events`: the raw event mentions read from the sentence;
- `Doc._.learned`, `Doc._.typed`: what the learned sentence typer says of it (see `annotate`).

The rules take a token or a sentence `Doc` and read these, instead of a dozen positional arguments.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from frontwatch import lang
from frontwatch.events import nlp
from frontwatch.events.context import Context, RawEvent
from frontwatch.events.dates import DateMention
from frontwatch.events.quantities import Quantity
from frontwatch.records import DateRange, Document, Party, Place, PlaceMention


@dataclass
class Reading:
    """One document as the events stage reads it."""

    doc: Document
    sentences: list[nlp.Sentence]
    places: list[PlaceMention]
    pub: date | None  # the publication date, or the dateline's
    focus: Place | None  # the region the document is mostly about
    ctx: Context
    # the day the story last named before each sentence ("the same day"), and the days it spans
    days: list[date | None]
    told: list[DateRange | None]
    parsed: dict[int, Doc] = field(default_factory=dict)  # the sentences selected and parsed, by index
    named_at: dict[int, Party] = field(default_factory=dict)  # sentence index -> the speaker it names
    on_demand: dict[int, Doc] = field(default_factory=dict)  # sentences parsed only to look back at

    def sentence_doc(self, i: int) -> Doc:
        """Sentence i parsed, with its places: the selected parse, else one made on demand."""
        found = self.parsed.get(i)
        if found is None:
            found = self.on_demand.get(i)
        if found is None:
            found = nlp.parse([self.sentences[i].text])[0]
            annotate(found, self, i)
            mark_places(found)
            self.on_demand[i] = found
        return found


for _name in ("reading", "index", "token_place", "dates", "quantities", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("learned"):
    Doc.set_extension("learned", default=frozenset())
if not Doc.has_extension("typed"):
    Doc.set_extension("typed", default=None)
if not Doc.has_extension("sure"):
    Doc.set_extension("sure", default=frozenset())  # triggers whose sense a sure rule decided
if not Doc.has_extension("verb_event"):
    Doc.set_extension("verb_event", default=None)  # the main verb's index, when the typer's types took it
if not Doc.has_extension("published"):
    Doc.set_extension("published", getter=lambda doc: doc._.reading.pub if doc._.reading else None)
if not Token.has_extension("place"):
    Token.set_extension("place", getter=lambda t: (t.doc._.token_place or {}).get(t.i))


def annotate(
    sdoc: Doc,
    reading: Reading,
    i: int,
    learned: frozenset[str] = frozenset(),
    typed: frozenset[str] | None = None,
) -> Doc:
    """Ties a parsed sentence to its reading. `learned`: types the typer gives it that the rules need not
    find a trigger for; `typed`: the only types its events may have, when the typer must confirm them."""
    sdoc._.reading = reading
    sdoc._.index = i
    sdoc._.learned = learned
    sdoc._.typed = typed
    sdoc._.verb_event = None
    sdoc._.sure = frozenset()
    _mend_toll(sdoc)
    return sdoc


_TOLL_OBJECTS = lang.words("claims/toll_objects")


def _mend_toll(sdoc: Doc) -> None:
    """'The shelling claimed two lives' tells a toll: its verb is no verb of saying, and every rule that asks
    for one (speakers, a place talked about, a claimed status) would read the attacks as a speaker."""
    for t in sdoc:
        if t.lemma_ == "claim" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _TOLL_OBJECTS for c in t.children
        ):
            t.lemma_ = "cost"


def reading_of(sdoc: Doc) -> Reading:
    reading: Reading = sdoc._.reading
    return reading


def index_of(sdoc: Doc) -> int:
    i: int = sdoc._.index
    return i


def sentence_of(sdoc: Doc) -> nlp.Sentence:
    return reading_of(sdoc).sentences[index_of(sdoc)]


def places_at(sdoc: Doc) -> dict[int, PlaceMention]:
    """The place mention of each token of the sentence, by token index."""
    found: dict[int, PlaceMention] = sdoc._.token_place
    return found


def dates_of(sdoc: Doc) -> list[DateMention]:
    found: list[DateMention] = sdoc._.dates
    return found


def quantities_of(sdoc: Doc) -> list[Quantity]:
    found: list[Quantity] = sdoc._.quantities
    return found


def triggers_of(sdoc: Doc) -> list[tuple[Token, str]]:
    """The sentence's triggers and their event types, in text order."""
    return [(s[0], s.label_) for s in sdoc.spans["triggers"]]


def events_of(sdoc: Doc) -> list[RawEvent]:
    found: list[RawEvent] | None = sdoc._.events
    return found or []


# A wire dateline opening the story: "KYIV, July 20 (Reuters) - ", "ENERHODAR, Ukraine (AP) — ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40},\s+(?:[A-Z][\w.'’ -]{1,30}?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s"
)


def mark_places(sdoc: Doc) -> Doc:
    """The place mention of each token (`Token._.place`); a dateline's city is where the reporter is, no
    place of the story's events."""
    reading, sent = reading_of(sdoc), sentence_of(sdoc)
    out: dict[int, PlaceMention] = {}
    spans: list[Span] = []
    dateline = _DATELINE.match(sent.text)
    skip_to = sent.start + dateline.end() if dateline else sent.start
    starts: list[int] = []
    ends: list[int] = []
    for p in reading.places:
        if p.end <= sent.start or p.start >= sent.end or p.place is None or p.start < skip_to:
            continue
        if not starts:
            starts = [t.idx for t in sdoc]
            ends = [t.idx + len(t.text) for t in sdoc]
        s, e = p.start - sent.start, p.end - sent.start
        # the tokens the mention overlaps: they start before its end and end after its start
        covered = list(range(bisect_right(ends, s), bisect_left(starts, e)))
        for i in covered:
            out[i] = p
        if covered:
            spans.append(Span(sdoc, covered[0], covered[-1] + 1, label=p.place.kind))
    sdoc._.token_place = out
    sdoc.spans["places"] = spans
    for span in spans:
        _mend_object(span)
        _mend_state_word(span)
    return sdoc


# Labels the small English model gives a town it takes for an adverb or a loose word ("stormed Bakhmut"
# parsed as "stormed" + adverb "Bakhmut").
_MISREAD_OBJECT = frozenset(("advmod", "npadvmod", "dep", "oprd"))


def _mend_object(span: Span) -> None:
    """A place named right after a transitive verb is its object, whatever the parser called it: the
    model reads unfamiliar town names as adverbs, and every rule that asks for a place object missed them."""
    root, verb = span.root, span.root.head
    if root.dep_ not in _MISREAD_OBJECT or verb.pos_ != "VERB" or verb.i != span.start - 1:
        return
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        return
    root.dep_ = "dobj"
    root.pos_ = "PROPN"


def _mend_state_word(span: Span) -> None:
    """ "struck an airbase in occupied Crimea with missiles": the model may read the participle before a place
    as a verb with the place its object, hung on the preposition; it describes the place, which is the
    preposition's object, and the strike is in Crimea, not an occupation of it."""
    root = span.root
    if span.start == 0:
        return
    verb = span.doc[span.start - 1]
    if verb.dep_ != "pcomp" or verb.tag_ not in ("VBN", "VBD") or verb.head.dep_ != "prep":
        return
    prep = verb.head
    if root.dep_ == "dobj" and root.head == verb:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return
    elif root.dep_ == "nsubj":  # "In occupied X the occupiers announced ...": X read as a second subject
        if not any(c.dep_ == "nsubj" and c != root for c in root.head.children) or list(verb.children):
            return
    else:
        return
    root.head, root.dep_ = prep, "pobj"
    verb.head, verb.dep_, verb.pos_ = root, "amod", "ADJ"
