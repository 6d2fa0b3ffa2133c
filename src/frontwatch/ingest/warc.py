"""Web archives (WARC, plain or gzipped, as crawlers and the Internet Archive write them): one document
per archived HTML response, read record by record so an archive of any size streams."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from frontwatch.ingest.feeds import short_id
from frontwatch.records import IngestError, SourceDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def read_warc(path: Path, max_bytes: int) -> Iterator[SourceDocument | IngestError]:
    from frontwatch.ingest import decode

    found = False
    records_seen = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                # warcio reads any text as an old-style ARC record; only WARC records are accepted here
                if record.format != "warc" or record.rec_type is None:
                    offset = records.get_record_offset()
                    yield IngestError(str(path), f"not a readable WARC file: no WARC record at byte {offset}")
                    return
                records_seen += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode()
                if not ctype.startswith(HTML_TYPES) or status != "200" or not uri:
                    continue
                found = True
                body = record.content_stream().read(max_bytes + 1)
                # asked for only after the body is read: asking moves the archive past the record
                where = f"{path}@{records.get_record_offset()}"
                if len(body) > max_bytes:
                    yield IngestError(where, f"page over the {max_bytes / 1e6:.1f} MB limit", short_id(uri))
                    continue
                html, problem, _notes = decode(body)
                if problem or not html or not html.strip():
                    yield IngestError(where, problem or "empty page", short_id(uri))
                    continue
                yield SourceDocument(doc_id=short_id(uri), source=where, html=html, url=uri)
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield IngestError(str(path), f"not a readable WARC file: {exc}")
        return
    if not found:
        yield IngestError(str(path), "no HTML pages in this WARC file" if records_seen else "empty WARC file")
