"""The main job: read, clean, deduplicate, analyse and store documents, then fuse incidents.

Resumable and idempotent: a document whose input and stage versions are unchanged is skipped; a
changed one replaces its own rows in one transaction. Each stage of each document runs under a guard,
so one bad document gets an error record and the run goes on. One run writes to a store at a time.

`run` (this module) drives the two passes and is the one writer; `steps` is what a chunk does to each
document, wherever it runs.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from frontwatch import fuse, versions
from frontwatch.clean import dedup
from frontwatch.ingest import IngestOptions, read_paths
from frontwatch.ingest.guard import DEFAULT_TIME_LIMIT, guard
from frontwatch.pipeline.steps import (
    Analysed,
    CorpusPrint,
    Prepared,
    Todo,
    analyse,
    analyse_chunk,
    analyse_document,
    build_document,
    content_hash,
    corpus_print,
    corpus_repeated,
    document_events,
    prepare,
    prepare_chunk,
    repeated_lines,
    set_aside,
    warm_up,
)
from frontwatch.records import IngestError, SkippedFile, SourceDocument
from frontwatch.store import Store, StoredState

__all__ = [
    "DEFAULT_CHUNK",
    "PIPELINE_VERSION",
    "Analysed",
    "CorpusPrint",
    "Engine",
    "InProcess",
    "Prepared",
    "RunSummary",
    "analyse",
    "analyse_chunk",
    "analyse_document",
    "build_document",
    "chunked",
    "content_hash",
    "corpus_print",
    "corpus_repeated",
    "document_events",
    "prepare",
    "prepare_chunk",
    "repeated_lines",
    "run",
    "set_aside",
    "warm_up",
]

PIPELINE_VERSION = versions.pipeline_version()

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
    warnings: list[IngestError] = field(default_factory=list)  # bytes replaced, files of other types
    # why stored documents were analysed again: "input changed", "places stage changed", ...
    reanalysed: dict[str, int] = field(default_factory=dict)
    fused_again: bool = False  # fusion re-ran over the whole store (its own version changed)
    set_aside: int = 0  # documents analysed in this run that the off-topic gate kept from yielding events

    @property
    def processed(self) -> int:
        return self.new + self.updated + self.unchanged


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
    on_warning: Callable[[IngestError], None] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    lock_wait: float | None = None,
    on_lock_wait: Callable[[], None] | None = None,
    engine: Engine | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> RunSummary:
    """Two streaming passes over the input, each in chunks that `engine` may run in other processes.

    `time_limit`: seconds for one stage of one document (in a worker's main thread); `lock_wait`: how
    long to wait for another run writing to the store before `StoreBusy` (None: as long as it takes).

    Which lines are furniture repeated across documents depends on every document of the run, so the
    first pass extracts and fingerprints each document (MinHash and edge-line keys, about a kilobyte,
    kept in memory; the bodies go to a spool file), and the second analyses documents with that
    evidence. Results come back in input order and one writer stores them, so the store, its sequence
    numbers and the export are the same whatever the engine and however many workers run.
    """
    engine = engine or InProcess()
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
    seen: dict[str, SourceDocument] = {}

    # Reading errors travel with their chunk, so they are recorded in input order whatever the engine.
    def sources() -> Iterator[tuple[SourceDocument, str | None] | IngestError]:
        for item in read_paths(paths, options):
            if isinstance(item, SkippedFile):
                warn(item)
            elif isinstance(item, IngestError):
                yield item
            elif item.doc_id in seen:
                yield same_id_error(item, seen[item.doc_id])
            else:
                seen[item.doc_id] = item
                summary.read += 1
                for note in item.warnings:
                    warn(IngestError(item.source, note, item.doc_id))
                # A document read without a date keeps the one it was stored with: re-running without
                # --published must not strip it.
                stored = known.get(item.doc_id)
                yield item, published or (stored.published if stored else None)

    current = versions.stage_versions()
    spool = Spool()
    try:
        prints: list[CorpusPrint] = []
        chunks = ((chunk, time_limit) for chunk in chunked(sources(), chunk_size))
        for results in engine.map(prepare_chunk, chunks):
            for item in results:
                if isinstance(item, IngestError):
                    fail(item)
                    continue
                p, fp = item
                stored = known.get(p.source.doc_id)
                if stored and collides(p, stored):
                    fail(
                        IngestError(
                            p.source.source,
                            f"id {p.source.doc_id!r} is already used in the store by {stored.source}, a "
                            "different document; this one is not stored (rename one of them, or read both "
                            "from one folder so that their ids include their sub-folders)",
                            p.source.doc_id,
                        )
                    )
                    continue
                spool.add(p)
                prints.append(fp)
                if progress:
                    progress("reading", len(prints), None, p.source.doc_id)
        repeated = repeated_lines(prints)
        del prints

        def todo() -> Iterator[Todo]:
            for p in spool:
                stored = known.get(p.source.doc_id)
                if stored is None:
                    yield p, None
                elif stored.content_hash != p.content_hash:
                    _count(summary.reanalysed, "input changed")
                    yield p, None
                else:
                    stage = versions.first_changed(stored.stage_versions, current)
                    if stage is None:
                        summary.unchanged += 1
                        continue
                    why = (
                        f"{stage} stage changed" if stored.stage_versions else "stored by an older frontwatch"
                    )
                    _count(summary.reanalysed, why)
                    if stage != "events":
                        yield p, None
                        continue
                    loaded = store.load_document(p.source.doc_id)
                    if loaded is None:
                        fail(
                            IngestError(
                                p.source.source,
                                "events failed: the stored document vanished",
                                p.source.doc_id,
                            )
                        )
                        continue
                    yield p, loaded

        changed: list[str] = []
        total = spool.count
        todo_chunks = ((chunk, repeated, time_limit) for chunk in chunked(todo(), chunk_size))
        for analysed in engine.map(analyse_chunk, todo_chunks):
            for result in analysed:
                if isinstance(result, IngestError):
                    fail(result)
                    continue
                doc = result.document
                if progress:
                    progress("analysing", summary.unchanged + len(changed), total, doc.doc_id)
                saved = guard(
                    "store",
                    doc.source,
                    doc.doc_id,
                    lambda a=result: store.save_document(
                        a.document,
                        signature=a.signature,
                        pipeline_version=PIPELINE_VERSION,
                        places=a.places,
                        event_mentions=a.events,
                        stage_versions=current,
                        id_origin=a.id_origin,
                    ),
                )
                if isinstance(saved, IngestError):
                    fail(saved)
                    continue
                summary.set_aside += result.set_aside
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


def fuse_changed(store: Store, doc_ids: Sequence[str]) -> None:
    fuse.update_incidents(store, doc_ids)
