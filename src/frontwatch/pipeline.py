"""The main job: read, clean, deduplicate, analyse and store documents, then fuse incidents.

Resumable and idempotent: a document whose input and pipeline version are unchanged is skipped; a
changed one replaces its own rows in one transaction.
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, TypeVar

from frontwatch import __version__, clean, dedup, fuse, language
from frontwatch.ingest import IngestOptions, read_paths
from frontwatch.records import Document, EventMention, IngestError, PlaceMention, SourceDocument
from frontwatch.store import Store


def _code_version() -> str:
    """The package version plus a digest of its code and data: stored documents are analysed again
    whenever a stage changes what it could produce."""
    root = Path(__file__).parent
    h = hashlib.sha1()
    for path in sorted([*root.rglob("*.py"), *root.glob("data/*")]):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:10]}"


PIPELINE_VERSION = _code_version()

T = TypeVar("T")

Progress = Callable[[str, int, int | None, str], None]  # (phase, done, total if known, doc_id)


@dataclass
class RunSummary:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    places: int = 0
    events: int = 0
    incidents: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.new + self.updated + self.unchanged


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
        from frontwatch.extract import extract_page  # imported where pages are read, not in the writer

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
    return Prepared(src, body, title, published, url, digest, dedup.signature(first.text))


def build_document(p: Prepared, repeated: frozenset[str]) -> Document:
    cleaned = clean.clean_text(p.body, p.title, repeated)
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
    # The models' modules are imported where documents are analysed: the writer of a pool never needs them.
    from frontwatch.events import extract_events
    from frontwatch.toponyms import find_places

    places = find_places(doc.doc_id, doc.text)
    # The event grammar is English; other languages keep their places but yield no events.
    if doc.language not in (None, "en"):
        return places, []
    return places, extract_events(doc, places)


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
    signature: bytes
    places: list[PlaceMention]
    events: list[EventMention]


def prepare_chunk(
    sources: Sequence[SourceDocument | IngestError], default_published: str | None
) -> list[tuple[Prepared, CorpusPrint] | IngestError]:
    """First pass over a chunk, in a worker: extraction and the first cleaning. The raw input is dropped
    from what comes back, so only plain bodies travel and wait on disk for the second pass."""
    out: list[tuple[Prepared, CorpusPrint] | IngestError] = []
    for src in sources:
        if isinstance(src, IngestError):
            out.append(src)
            continue
        try:
            p = prepare(src, default_published)
        except Exception as exc:  # a page the extractor cannot handle must not stop the run
            out.append(IngestError(src.source, f"cannot extract text: {exc}", src.doc_id))
            continue
        p = replace(p, source=replace(src, text=None, html=None))
        out.append((p, corpus_print(p)))
    return out


def analyse_chunk(prepared: Sequence[Prepared], repeated: frozenset[str]) -> list[Analysed | IngestError]:
    """Second pass over a chunk, in a worker: final cleaning with the corpus evidence, then analysis."""
    out: list[Analysed | IngestError] = []
    for p in prepared:
        doc = build_document(p, repeated)
        if not doc.text.strip():
            out.append(
                IngestError(p.source.source, "no article text left after extraction and cleaning", doc.doc_id)
            )
            continue
        places, event_mentions = analyse(doc)
        out.append(Analysed(doc, p.signature, places, event_mentions))
    return out


def warm_up() -> None:
    """Load the models a worker needs, once per process (they are cached module-wide)."""
    from frontwatch import gazetteer, nlp

    nlp.load()
    gazetteer.load()
    language.detect("a warm up sentence for the language model")


class Engine(Protocol):
    """Runs chunk functions somewhere and yields their results in the order the chunks were given."""

    def map(self, fn: Callable[..., T], chunks: Iterable[tuple]) -> Iterator[T]: ...


class InProcess:
    def map(self, fn: Callable[..., T], chunks: Iterable[tuple]) -> Iterator[T]:
        for args in chunks:
            yield fn(*args)


DEFAULT_CHUNK = 8  # small enough that the last chunks leave no worker idle for long


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Spool:
    """Prepared documents parked on disk between the two passes, so memory stays flat in the input's size."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the spool; see close)
        self.count = 0

    def add(self, p: Prepared) -> None:
        pickle.dump(p, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Prepared]:
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()


def run(
    paths: Iterable[Path | str],
    store: Store,
    *,
    published: str | None = None,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    engine: Engine | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> RunSummary:
    """Two streaming passes over the input, each in chunks that `engine` may run in other processes.

    Which lines are furniture repeated across documents depends on every document of the run, so the
    first pass extracts and fingerprints each document (MinHash and edge-line keys, about a kilobyte,
    kept in memory; the bodies go to a spool file), and the second analyses documents with that
    evidence. Results come back in input order and one writer stores them, so the store, its sequence
    numbers and the export are the same whatever the engine and however many workers run.
    """
    engine = engine or InProcess()
    summary = RunSummary()
    options = IngestOptions() if max_bytes is None else IngestOptions(max_bytes)

    def fail(err: IngestError) -> None:
        summary.errors.append(err)
        store.record_error(err)
        if on_error:
            on_error(err)

    seen: dict[str, str] = {}

    # Reading errors travel with their chunk, so they are recorded in input order whatever the engine.
    def sources() -> Iterator[SourceDocument | IngestError]:
        for item in read_paths(paths, options):
            if isinstance(item, IngestError):
                yield item
            elif item.doc_id in seen:
                yield IngestError(
                    item.source, f"duplicate doc_id {item.doc_id!r}, already read from {seen[item.doc_id]}"
                )
            else:
                seen[item.doc_id] = item.source
                summary.read += 1
                yield item

    spool = Spool()
    try:
        prints: list[CorpusPrint] = []
        chunks = ((chunk, published) for chunk in chunked(sources(), chunk_size))
        for results in engine.map(prepare_chunk, chunks):
            for item in results:
                if isinstance(item, IngestError):
                    fail(item)
                    continue
                p, fp = item
                spool.add(p)
                prints.append(fp)
                if progress:
                    progress("reading", len(prints), None, p.source.doc_id)
        repeated = repeated_lines(prints)
        del prints

        known = store.known_documents()

        def todo() -> Iterator[Prepared]:
            for p in spool:
                if known.get(p.source.doc_id) == (p.content_hash, PIPELINE_VERSION):
                    summary.unchanged += 1
                else:
                    yield p

        changed: list[str] = []
        total = spool.count
        chunks = ((chunk, repeated) for chunk in chunked(todo(), chunk_size))
        for results in engine.map(analyse_chunk, chunks):
            for item in results:
                if isinstance(item, IngestError):
                    fail(item)
                    continue
                doc = item.document
                if progress:
                    progress("analysing", summary.unchanged + len(changed), total, doc.doc_id)
                store.save_document(
                    doc,
                    signature=item.signature,
                    pipeline_version=PIPELINE_VERSION,
                    places=item.places,
                    event_mentions=item.events,
                )
                if doc.doc_id in known:
                    summary.updated += 1
                else:
                    summary.new += 1
                changed.append(doc.doc_id)
        if progress:
            progress("analysing", total, total, "")
    finally:
        spool.close()

    mapping = dedup.find_duplicates(
        [
            dedup.Fingerprint(doc_id, sig, (pub or "9999-12-31", seq))
            for doc_id, sig, pub, seq in store.fingerprints()
            if sig is not None
        ]
    )
    # A document that became (or stopped being) a copy changes the source counts of its incidents;
    # a run stopped before fusion left documents whose events no incident holds yet.
    recounted = store.set_duplicates(mapping)
    fuse_changed(store, sorted({*changed, *recounted, *store.unfused_documents()}))

    summary.duplicates = sum(1 for v in mapping.values() if v)
    summary.places = store.count("place_mentions")
    summary.events = store.count("events")
    summary.incidents = store.count("incidents")
    return summary


def fuse_changed(store: Store, doc_ids: Sequence[str]) -> None:
    fuse.update_incidents(store, doc_ids)
