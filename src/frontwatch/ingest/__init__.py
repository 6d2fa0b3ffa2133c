"""Read input files and folders into `SourceDocument`s, or `IngestError`s naming the file and the problem."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from frontwatch.ingest.feeds import FEED_SUFFIXES, is_url, read_feed, read_url
from frontwatch.ingest.warc import is_warc, read_warc
from frontwatch.records import IngestError, SourceDocument

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | {".warc"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, then the supported files of each folder, recursively and in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(p.startswith(".") for p in child.relative_to(path).parts)
                supported = child.suffix.lower() in SUPPORTED or is_warc(child)
                if child.is_file() and not hidden and supported:
                    yield child
        else:
            yield path


def read_paths(
    paths: Iterable[Path | str], options: IngestOptions | None = None
) -> Iterator[SourceDocument | IngestError]:
    options = options or IngestOptions()
    for p in paths:
        if is_url(str(p)):  # a feed by URL
            yield from read_url(str(p), options.max_bytes)
            continue
        for path in iter_files([Path(p)]):
            yield from read_file(path, options)


def read_file(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestError]:
    source = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        yield IngestError(source, "no such file or folder")
        return
    if is_warc(path):  # archives stream record by record; the size limit applies to each page
        yield from read_warc(path, options.max_bytes)
        return
    if suffix not in SUPPORTED:
        yield IngestError(
            source,
            f"unsupported file type {suffix or '(none)'}; expected .txt, .html, .htm, .jsonl, .json, "
            ".rss, .atom, .xml (feeds), .warc or .warc.gz",
        )
        return
    try:
        size = path.stat().st_size
        # JSON Lines dumps may be large as a whole; their limit applies to each document.
        if suffix != ".jsonl" and size > options.max_bytes:
            yield IngestError(
                source, f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB limit"
            )
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield IngestError(source, f"cannot read file: {exc.strerror or exc}")
        return
    if suffix in FEED_SUFFIXES:  # feeds name their own encoding
        yield from read_feed(raw, source, options.max_bytes)
        return
    text, problem = decode(raw)
    if problem:
        yield IngestError(source, problem)
        return
    assert text is not None
    if not text.strip():
        yield IngestError(source, "empty file")
        return
    if suffix in TEXT_SUFFIXES:
        yield SourceDocument(doc_id=path.stem, source=source, text=text)
    elif suffix in HTML_SUFFIXES:
        yield SourceDocument(doc_id=path.stem, source=source, html=text)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, text, options)
    else:
        yield from _read_json(path, text, options)


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Bytes to text: UTF-8 when it is, else the detected charset. Returns (text, problem)."""
    if not raw:
        return "", None
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file, not text"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        return None, "binary file or unknown text encoding"
    text = str(best)
    if len(_CONTROL.findall(text[:8192])) > 8:
        return None, "binary file, not text"
    return text, None


def _read_jsonl(path: Path, text: str, options: IngestOptions) -> Iterator[SourceDocument | IngestError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        if len(line.encode("utf-8")) > options.max_bytes:
            yield IngestError(
                where, f"line {lineno}: document over the {options.max_bytes / 1e6:.1f} MB limit"
            )
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"line {lineno}: malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_object(obj, where, f"{path.stem}-{lineno}", options, f"line {lineno}: ")


def _read_json(path: Path, text: str, options: IngestOptions) -> Iterator[SourceDocument | IngestError]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(str(path), f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        obj = obj["documents"]
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items, start=1):
        where = str(path) if len(items) == 1 else f"{path}[{i}]"
        fallback = path.stem if len(items) == 1 else f"{path.stem}-{i}"
        prefix = "" if len(items) == 1 else f"item {i}: "
        yield _from_object(item, where, fallback, options, prefix)


def _from_object(
    obj: Any, where: str, fallback_id: str, options: IngestOptions, prefix: str
) -> SourceDocument | IngestError:
    if not isinstance(obj, dict):
        return IngestError(where, f"{prefix}expected a JSON object, got {type(obj).__name__}")
    doc_id = str(obj.get("id") or obj.get("doc_id") or fallback_id).strip()
    text = obj.get("text")
    html = obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return IngestError(where, f"{prefix}no text or html field", doc_id)
    if isinstance(text, str) and len(text.encode("utf-8")) > options.max_bytes:
        return IngestError(where, f"{prefix}text over the {options.max_bytes / 1e6:.1f} MB limit", doc_id)
    published, problem = parse_published(obj.get("published") or obj.get("date"))
    if problem:
        return IngestError(where, f"{prefix}{problem}", doc_id)
    title = obj.get("title")
    return SourceDocument(
        doc_id=doc_id,
        source=where,
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() else None,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        published=published,
    )


def parse_published(value: Any) -> tuple[str | None, str | None]:
    """An ISO date from a field that may hold a date, a timestamp or nothing."""
    if value in (None, ""):
        return None, None
    if not isinstance(value, str):
        return None, f"published is not a date string: {value!r}"
    m = re.match(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})", value)
    if not m:
        return None, f"published is not an ISO date: {value!r}"
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
    except ValueError:
        return None, f"published is not a valid date: {value!r}"
