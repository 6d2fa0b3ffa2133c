"""The main job: read, clean, deduplicate, analyse and store documents, then fuse incidents.

Resumable and idempotent: a document whose input and pipeline version are unchanged is skipped; a
changed one replaces its own rows in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from frontwatch import __version__, clean, dedup, fuse, geonames_dump, language
from frontwatch.events import extract_events
from frontwatch.extract import extract_page
from frontwatch.ingest import IngestOptions, read_paths
from frontwatch.records import Document, EventMention, IngestError, PlaceMention, SourceDocument
from frontwatch.store import Store
from frontwatch.toponyms import find_places


def _code_version() -> str:
    """The package version plus a digest of its code and data: stored documents are analysed again
    whenever a stage changes what it could produce."""
    root = Path(__file__).parent
    h = hashlib.sha1()
    for path in sorted([*root.rglob("*.py"), *root.glob("data/*")]):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    h.update(geonames_dump.digest().encode())  # imported villages change what places can resolve to
    return f"{__version__}+{h.hexdigest()[:10]}"


PIPELINE_VERSION = _code_version()

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
) -> RunSummary:
    summary = RunSummary()
    options = IngestOptions() if max_bytes is None else IngestOptions(max_bytes)

    def fail(err: IngestError) -> None:
        summary.errors.append(err)
        store.record_error(err)
        if on_error:
            on_error(err)

    sources: list[SourceDocument] = []
    seen: dict[str, str] = {}
    for item in read_paths(paths, options):
        if isinstance(item, IngestError):
            fail(item)
        elif item.doc_id in seen:
            fail(
                IngestError(
                    item.source, f"duplicate doc_id {item.doc_id!r}, already read from {seen[item.doc_id]}"
                )
            )
        else:
            seen[item.doc_id] = item.source
            sources.append(item)
    summary.read = len(sources)

    prepared: list[Prepared] = []
    for i, src in enumerate(sources):
        if progress:
            progress("reading", i, len(sources), src.doc_id)
        try:
            prepared.append(prepare(src, published))
        except Exception as exc:  # a page the extractor cannot handle must not stop the run
            fail(IngestError(src.source, f"cannot extract text: {exc}", src.doc_id))
    repeated = corpus_repeated(prepared)

    known = store.known_documents()
    todo: list[Prepared] = []
    for p in prepared:
        if known.get(p.source.doc_id) == (p.content_hash, PIPELINE_VERSION):
            summary.unchanged += 1
        else:
            todo.append(p)

    changed: list[str] = []
    for i, p in enumerate(todo):
        if progress:
            progress("analysing", i, len(todo), p.source.doc_id)
        doc = build_document(p, repeated)
        if not doc.text.strip():
            fail(
                IngestError(p.source.source, "no article text left after extraction and cleaning", doc.doc_id)
            )
            continue
        places, event_mentions = analyse(doc)
        store.save_document(
            doc,
            signature=p.signature,
            pipeline_version=PIPELINE_VERSION,
            places=places,
            event_mentions=event_mentions,
        )
        if p.source.doc_id in known:
            summary.updated += 1
        else:
            summary.new += 1
        changed.append(doc.doc_id)
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
    fuse_changed(store, sorted({*changed, *recounted, *store.unfused_documents()}))

    summary.duplicates = sum(1 for v in mapping.values() if v)
    summary.places = store.count("place_mentions")
    summary.events = store.count("events")
    summary.incidents = store.count("incidents")
    return summary


def fuse_changed(store: Store, doc_ids: Sequence[str]) -> None:
    fuse.update_incidents(store, doc_ids)
