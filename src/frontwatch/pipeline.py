"""The main job: read, clean, deduplicate, analyse and store documents, then fuse incidents.

Resumable and idempotent: a document whose input and stage versions are unchanged is skipped; a
changed one replaces its own rows in one transaction. Each stage of each document runs under a guard,
so one bad document gets an error record and the run goes on. One run writes to a store at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from frontwatch import clean, dedup, fuse, language, versions
from frontwatch.events import extract_events
from frontwatch.extract import extract_page
from frontwatch.guard import DEFAULT_TIME_LIMIT, DocumentProblem, guard
from frontwatch.ingest import IngestOptions, read_paths
from frontwatch.records import (
    Document,
    EventMention,
    IngestError,
    PlaceMention,
    SkippedFile,
    SourceDocument,
)
from frontwatch.store import Store, StoredState
from frontwatch.toponyms import find_places

PIPELINE_VERSION = versions.pipeline_version()

Progress = Callable[[str, int, int, str], None]  # (phase, done, total, doc_id)


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
    warnings: list[IngestError] = field(default_factory=list)  # bytes replaced, files of other types
    # why stored documents were analysed again: "input changed", "places stage changed", ...
    reanalysed: dict[str, int] = field(default_factory=dict)
    fused_again: bool = False  # fusion re-ran over the whole store (its own version changed)

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
    places = find_places(doc.doc_id, doc.text)
    # The event grammar is English; other languages keep their places but yield no events.
    if doc.language not in (None, "en"):
        return places, []
    return places, extract_events(doc, places)


def corpus_repeated(prepared: Sequence[Prepared], min_docs: int = 3) -> frozenset[str]:
    """Lines repeated at the edges of several independent documents (copies of one story count once)."""
    groups = dedup.find_duplicates(
        [dedup.Fingerprint(p.source.doc_id, p.signature, (i,)) for i, p in enumerate(prepared)]
    )
    by_root: dict[str, set[str]] = {}
    for p in prepared:
        root = groups.get(p.source.doc_id) or p.source.doc_id
        by_root.setdefault(root, set()).update(clean.edge_keys(p.body))
    return clean.repeated_lines(by_root.values(), min_docs=min_docs)


def run(
    paths: Iterable[Path | str],
    store: Store,
    *,
    published: str | None = None,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    on_warning: Callable[[IngestError], None] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    lock_wait: float | None = None,
    on_lock_wait: Callable[[], None] | None = None,
) -> RunSummary:
    """`time_limit`: seconds for one stage of one document; `lock_wait`: how long to wait for another
    run writing to the store before `StoreBusy` (None: as long as it takes)."""
    summary = RunSummary()
    options = IngestOptions() if max_bytes is None else IngestOptions(max_bytes)
    store.acquire_writer(lock_wait, on_lock_wait)

    def fail(err: IngestError) -> None:
        summary.errors.append(err)
        store.record_error(err)
        if on_error:
            on_error(err)

    def warn(warning: IngestError) -> None:
        summary.warnings.append(warning)
        if on_warning:
            on_warning(warning)

    known = store.document_states()
    sources: list[SourceDocument] = []
    seen: dict[str, SourceDocument] = {}
    for item in read_paths(paths, options):
        if isinstance(item, SkippedFile):
            warn(item)
        elif isinstance(item, IngestError):
            fail(item)
        elif item.doc_id in seen:
            fail(same_id_error(item, seen[item.doc_id]))
        else:
            seen[item.doc_id] = item
            sources.append(item)
            for note in item.warnings:
                warn(IngestError(item.source, note, item.doc_id))
    summary.read = len(sources)

    prepared: list[Prepared] = []
    for i, src in enumerate(sources):
        if progress:
            progress("reading", i, len(sources), src.doc_id)
        # A document read without a date keeps the one it was stored with: re-running without
        # --published must not strip it.
        stored = known.get(src.doc_id)
        default = published or (stored.published if stored else None)
        p = guard("extract", src.source, src.doc_id, prepare, src, default, limit=time_limit)
        if isinstance(p, IngestError):
            fail(p)
        elif stored and collides(p, stored):
            fail(
                IngestError(
                    src.source,
                    f"id {src.doc_id!r} is already used in the store by {stored.source}, a different "
                    "document; this one is not stored (rename one of them, or read both from one folder "
                    "so that their ids include their sub-folders)",
                    src.doc_id,
                )
            )
        else:
            prepared.append(p)
    repeated = corpus_repeated(prepared)

    current = versions.stage_versions()
    todo: list[tuple[Prepared, str | None]] = []  # with the first stage to run, None for all
    for p in prepared:
        stored = known.get(p.source.doc_id)
        if stored is None:
            todo.append((p, None))
        elif stored.content_hash != p.content_hash:
            todo.append((p, None))
            _count(summary.reanalysed, "input changed")
        else:
            stage = versions.first_changed(stored.stage_versions, current)
            if stage is None:
                summary.unchanged += 1
            else:
                todo.append((p, stage))
                why = f"{stage} stage changed" if stored.stage_versions else "stored by an older frontwatch"
                _count(summary.reanalysed, why)

    changed: list[str] = []
    for i, (p, stage) in enumerate(todo):
        doc_id, where = p.source.doc_id, p.source.source
        if progress:
            progress("analysing", i, len(todo), doc_id)
        if stage == "events":
            done = guard("events", where, doc_id, _events_again, store, p, current, limit=time_limit)
        else:
            done = guard(
                "analysis", where, doc_id, _analyse_and_save, store, p, repeated, current, limit=time_limit
            )
        if isinstance(done, IngestError):
            fail(done)
            continue
        if p.source.doc_id in known:
            summary.updated += 1
        else:
            summary.new += 1
        changed.append(doc_id)
    if progress:
        progress("analysing", len(todo), len(todo), "")

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
    to_fuse = {*changed, *recounted, *store.unfused_documents()}
    if store.get_meta("fuse_version") != current["fuse"]:
        to_fuse.update(store.all_document_ids())
        summary.fused_again = bool(known)
    fuse_changed(store, sorted(to_fuse))
    store.set_meta("fuse_version", current["fuse"])

    summary.duplicates = sum(1 for v in mapping.values() if v)
    summary.places = store.count("place_mentions")
    summary.events = store.count("events")
    summary.incidents = store.count("incidents")
    store.release_writer()
    return summary


def _count(counter: dict[str, int], key: str) -> None:
    counter[key] = counter.get(key, 0) + 1


def same_id_error(item: SourceDocument, first: SourceDocument) -> IngestError:
    """A second document read under an id already taken in this run: a copy, or a collision."""
    if content_hash(item) == content_hash(first):
        return IngestError(item.source, f"same document as {first.source} (id {item.doc_id!r}); read once")
    return IngestError(
        item.source,
        f"id collision: {item.doc_id!r} is also the id of {first.source}, a different document; "
        "this one is not stored",
        item.doc_id,
    )


def collides(p: Prepared, stored: StoredState) -> bool:
    """A document whose id comes from its file name, read from another file than the stored document of
    that id, with other content: two documents, not two versions of one."""
    origin = p.source.id_origin
    return (
        origin is not None
        and stored.id_origin is not None
        and stored.id_origin != origin
        and stored.content_hash != p.content_hash
    )


def _analyse_and_save(store: Store, p: Prepared, repeated: frozenset[str], stages: dict[str, str]) -> None:
    doc = build_document(p, repeated)
    if not doc.text.strip():
        raise DocumentProblem("no article text left after extraction and cleaning")
    places, event_mentions = analyse(doc)
    store.save_document(
        doc,
        signature=p.signature,
        pipeline_version=PIPELINE_VERSION,
        places=places,
        event_mentions=event_mentions,
        stage_versions=stages,
        id_origin=p.source.id_origin,
    )


def _events_again(store: Store, p: Prepared, stages: dict[str, str]) -> None:
    """Only the event stage changed: events from the stored text and place mentions."""
    loaded = store.load_document(p.source.doc_id)
    if loaded is None:
        raise LookupError("the stored document vanished")
    doc, signature, places = loaded
    event_mentions = [] if doc.language not in (None, "en") else extract_events(doc, places)
    store.save_document(
        doc,
        signature=signature,
        pipeline_version=PIPELINE_VERSION,
        places=places,
        event_mentions=event_mentions,
        stage_versions=stages,
        id_origin=p.source.id_origin,
    )


def fuse_changed(store: Store, doc_ids: Sequence[str]) -> None:
    fuse.update_incidents(store, doc_ids)
