"""One document's way through the stages, as the chunks of a run execute it (in the run's process or a
worker): extract and clean with the rules, fingerprint for corpus evidence, clean again where that
evidence says so, find places and events. No store and no run-wide state: a worker needs only these.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from frontwatch import clean
from frontwatch.clean import dedup, language
from frontwatch.ingest.guard import DocumentProblem, guard
from frontwatch.records import (
    Document,
    EventMention,
    IngestError,
    PlaceMention,
    SourceDocument,
)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A source with its plain body extracted and its rule-cleaned form, before corpus evidence."""

    source: SourceDocument
    body: str
    title: str | None
    published: str | None
    url: str | None
    content_hash: str
    signature: bytes
    first: clean.Cleaned  # the rules' cleaning, before corpus evidence


def content_hash(src: SourceDocument) -> str:
    h = hashlib.sha256()
    for part in (src.text, src.html, src.title, src.url, src.published):
        h.update((part or "").encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def prepare(src: SourceDocument, default_published: str | None = None) -> Prepared:
    """Extract the body of an HTML page; a date from the input or the page wins over the default."""
    title, published, url = src.title, src.published, src.url
    if src.html is not None and src.text is None:
        from frontwatch.ingest.extract import extract_page  # imported where pages are read, not in the writer

        page = extract_page(src.html, url=src.url)
        body = page.text
        title = title or page.title
        published = published or page.published
        url = url or page.url
    else:
        body = src.text or ""
    published = published or default_published
    first = clean.clean_text(body, title)
    digest = content_hash(replace(src, published=published))
    return Prepared(src, body, title, published, url, digest, dedup.signature(first.text), first)


def build_document(p: Prepared, repeated: frozenset[str]) -> Document:
    # Corpus evidence only removes lines whose key is among the repeated ones: a document with none of
    # them keeps the first pass's cleaning, and most documents are cleaned once.
    lines = clean.normalize_text(p.body).split("\n") if repeated else []
    again = any(clean.line_key(ln) in repeated for ln in lines)
    cleaned = clean.clean_text(p.body, p.title, repeated) if again else p.first
    return Document(
        doc_id=p.source.doc_id,
        source=p.source.source,
        title=cleaned.title,
        text=cleaned.text,
        content_hash=p.content_hash,
        url=p.url,
        published=p.published,
        language=language.detect(cleaned.text),
        removed=cleaned.removed,
    )


def analyse(doc: Document) -> tuple[list[PlaceMention], list[EventMention]]:
    places, events, _ = analyse_document(doc)
    return places, events


def analyse_document(doc: Document) -> tuple[list[PlaceMention], list[EventMention], bool]:
    """A document's places and events, and whether the off-topic gate set it aside."""
    # The models' modules are imported where documents are analysed: the writer of a pool never needs them.
    from frontwatch.places import find_places

    a = _with_events(_gated(doc, None, find_places(doc.doc_id, doc.text), None))
    return a.places, a.events, a.set_aside


def document_events(doc: Document, places: list[PlaceMention]) -> tuple[list[EventMention], bool]:
    """A document's events, and whether the off-topic gate set it aside (then it has none)."""
    a = _with_events(_gated(doc, None, places, None))
    return a.events, a.set_aside


def set_aside(doc: Document, places: list[PlaceMention]) -> bool:
    """Whether the off-topic gate keeps an English document from yielding events."""
    from frontwatch.events import gate

    return doc.language in (None, "en") and gate.sets_aside(doc, places)


@dataclass(frozen=True, slots=True)
class CorpusPrint:
    """What corpus-level evidence needs of one document: its MinHash and the keys of its edge lines."""

    doc_id: str
    signature: bytes
    edge_keys: frozenset[str]


def corpus_print(p: Prepared) -> CorpusPrint:
    return CorpusPrint(p.source.doc_id, p.signature, frozenset(clean.edge_keys(p.body)))


def corpus_repeated(prepared: Sequence[Prepared], min_docs: int = 3) -> frozenset[str]:
    """Lines repeated at the edges of several independent documents (copies of one story count once)."""
    return repeated_lines([corpus_print(p) for p in prepared], min_docs)


def repeated_lines(prints: Sequence[CorpusPrint], min_docs: int = 3) -> frozenset[str]:
    groups = dedup.find_duplicates(
        [dedup.Fingerprint(p.doc_id, p.signature, (i,)) for i, p in enumerate(prints)]
    )
    by_root: dict[str, set[str]] = {}
    for p in prints:
        root = groups.get(p.doc_id) or p.doc_id
        by_root.setdefault(root, set()).update(p.edge_keys)
    return clean.repeated_lines(by_root.values(), min_docs=min_docs)


@dataclass(frozen=True, slots=True)
class Analysed:
    """One document ready for the store, as a worker returns it."""

    document: Document
    signature: bytes | None
    places: list[PlaceMention]
    events: list[EventMention]
    id_origin: str | None
    set_aside: bool = False  # the off-topic gate kept its events out


# A document to analyse: all stages, or only the event stage on what the store holds of it
# (its document, signature and place mentions, loaded by the writer).
Todo = tuple[Prepared, None] | tuple[Prepared, tuple[Document, bytes | None, list[PlaceMention]]]


def prepare_chunk(
    items: Sequence[tuple[SourceDocument, str | None] | IngestError], time_limit: float | None
) -> list[tuple[Prepared, CorpusPrint] | IngestError]:
    """First pass over a chunk, in a worker: extraction and the first cleaning of each (source, default
    date). The raw input is dropped from what comes back, so only plain bodies travel and wait on disk."""
    out: list[tuple[Prepared, CorpusPrint] | IngestError] = []
    for item in items:
        if isinstance(item, IngestError):
            out.append(item)
            continue
        src, default = item
        p = guard("extract", src.source, src.doc_id, prepare, src, default, limit=time_limit)
        if isinstance(p, IngestError):
            out.append(p)
            continue
        p = replace(p, source=replace(src, text=None, html=None))
        out.append((p, corpus_print(p)))
    return out


def _read_one(p: Prepared, repeated: frozenset[str]) -> Analysed:
    """A document up to its events: cleaned with the corpus evidence, its places found, the gate asked."""
    from frontwatch.places import find_places

    doc = build_document(p, repeated)
    if not doc.text.strip():
        raise DocumentProblem("no article text left after extraction and cleaning")
    return _gated(doc, p.signature, find_places(doc.doc_id, doc.text), p.source.id_origin)


def _stored_one(p: Prepared, stored: tuple[Document, bytes | None, list[PlaceMention]]) -> Analysed:
    """Only the event stage changed: the stored text and place mentions."""
    doc, signature, places = stored
    return _gated(doc, signature, places, p.source.id_origin)


def _gated(
    doc: Document, signature: bytes | None, places: list[PlaceMention], origin: str | None
) -> Analysed:
    """A document up to its events, with the off-topic gate's decision."""
    return Analysed(doc, signature, places, [], origin, set_aside(doc, places))


def _wants_events(a: Analysed) -> bool:
    # The event grammar is English; other languages keep their places but yield no events.
    return a.document.language in (None, "en") and not a.set_aside


def _with_events(a: Analysed) -> Analysed:
    from frontwatch.events import extract_events

    return replace(a, events=extract_events(a.document, a.places)) if _wants_events(a) else a


@cache
def one_thread() -> None:
    """Analysis runs one document at a time per process, and each process is one worker: numpy's BLAS
    (language detection) would start a thread per core whose idle spinning takes the cores the other
    workers need (on 383 articles in one process, 10 % more CPU without this limit)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def analyse_chunk(
    todo: Sequence[Todo], repeated: frozenset[str], time_limit: float | None
) -> list[Analysed | IngestError]:
    """Second pass over a chunk, in a worker: final cleaning with the corpus evidence, then analysis. Each
    document is read up to its events first, so that the sentences they will parse go to the parser in one
    batch."""
    from frontwatch.events import document, nlp

    one_thread()
    read: list[tuple[str, str, str, Analysed | IngestError]] = []
    for p, stored in todo:
        doc_id, where = p.source.doc_id, p.source.source
        if stored is not None:
            a = guard("events", where, doc_id, _stored_one, p, stored, limit=time_limit)
            read.append(("events", where, doc_id, a))
        else:
            a = guard("analysis", where, doc_id, _read_one, p, repeated, limit=time_limit)
            read.append(("analysis", where, doc_id, a))
    ahead: list[str] = []
    for stage, where, doc_id, a in read:
        if isinstance(a, Analysed) and _wants_events(a):
            texts = guard(stage, where, doc_id, document.sentences_to_parse, a.document)
            ahead.extend(texts if isinstance(texts, list) else [])
    # Should the batch fail, each document parses its own sentences, and a failure stays its own.
    found = guard("analysis", "", None, nlp.parse_ahead, ahead, limit=time_limit)
    with nlp.using_parses(found if isinstance(found, dict) else {}):
        return [
            guard(stage, where, doc_id, _with_events, a, limit=time_limit) if isinstance(a, Analysed) else a
            for stage, where, doc_id, a in read
        ]


def warm_up() -> None:
    """Load the models a worker needs, once per process (they are cached module-wide)."""
    one_thread()
    from frontwatch.events import nlp, typer
    from frontwatch.places import gazetteer

    nlp.load()
    gazetteer.load()
    if typer.mode() != "off":
        typer.shared()
    language.detect("a warm up sentence for the language model")
