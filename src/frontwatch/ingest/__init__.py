"""Read input files and folders into `SourceDocument`s, or `IngestError`s naming the file and the problem.

Document ids (README, "Document ids"):
- a `.txt`, `.html` or single-object `.json` file named directly or at the top of an input folder keeps
  its stem (`kupiansk.txt` -> `kupiansk`); a file deeper in the folder is named by its path relative to
  the folder, without the suffix (`day2/index.txt` -> `day2/index`). Such ids remember the file they
  came from (`id_origin`), so that another file claiming the same id in a later run is a collision;
- a JSON object's own `id` (or `doc_id`) is the document's identity wherever it is read;
- a JSON object without one is named by its URL (`url-…`), else by its content (`text-…`), never by
  its line number, so that editing a dump does not renumber the rest.

JSON Lines files are read a line at a time, plain or gzip-compressed, so memory stays flat in their size.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from io import BufferedReader
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from frontwatch.ingest.feeds import FEED_SUFFIXES, is_url, read_feed, read_url
from frontwatch.ingest.warc import read_warc
from frontwatch.records import IngestError, SkippedFile, SourceDocument

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | {".warc"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
EXPECTED = ".txt, .html, .htm, .jsonl, .json, .rss, .atom, .xml (feeds) or .warc, each optionally .gz"

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_SNIFF = 8192
# A file opened for reading bytes, compressed or not.
_Binary = gzip.GzipFile | BufferedReader
_CHUNK = 1 << 20


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read, with the id its name gives (stem, or path relative to the input folder)."""

    path: Path
    name_id: str


def input_suffix(path: Path) -> str:
    """The suffix that says how to read a file: `.html` for `page.html.gz`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ""
    return suffixes[-1] if suffixes else ""


def _bare_name(name: str) -> str:
    """A file name without its reading suffix and `.gz`."""
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and f".{ext.lower()}" in SUPPORTED else name


def iter_inputs(paths: Iterable[Path]) -> Iterator[InputFile | IngestError]:
    """Files named directly, then each folder's files, recursively (following folder links once) and in
    a stable order. Whatever is not read is said: unsupported files, broken links, unreadable folders."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield InputFile(path, _bare_name(path.name))


def _walk(root: Path) -> Iterator[InputFile | IngestError]:
    problems: list[IngestError] = []
    seen: dict[str, str] = {}

    def unreadable(exc: OSError) -> None:
        problems.append(IngestError(str(exc.filename or root), f"cannot read folder: {exc.strerror or exc}"))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        yield from problems
        problems.clear()
        real = os.path.realpath(folder)
        if real in seen:
            yield IngestError(folder, f"folder already read as {seen[real]} (a link to it); not read again")
            dirnames[:] = []
            continue
        seen[real] = folder
        # Real folders before links, so that a link to a folder inside the input is the one not read again.
        dirnames[:] = sorted(
            (d for d in dirnames if not d.startswith(".")),
            key=lambda d: (os.path.islink(os.path.join(folder, d)), d),
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if not path.exists():
                yield IngestError(str(path), "broken link: its target does not exist")
            elif input_suffix(path) not in SUPPORTED:
                yield SkippedFile(str(path), f"unsupported file type; expected {EXPECTED}")
            else:
                rel = path.relative_to(root)
                parts = [*rel.parts[:-1], _bare_name(rel.name)]
                yield InputFile(path, "/".join(parts))
    yield from problems


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The readable input files alone."""
    for item in iter_inputs(paths):
        if isinstance(item, InputFile):
            yield item.path


MAX_ID_CHARS = 255  # the store's id column


def read_paths(
    paths: Iterable[Path | str], options: IngestOptions | None = None
) -> Iterator[SourceDocument | IngestError]:
    options = options or IngestOptions()
    for item in _inputs(paths, options):
        if isinstance(item, SourceDocument | IngestError):
            yield item
            continue
        for doc in read_file(item.path, options, item.name_id):
            if isinstance(doc, SourceDocument) and len(doc.doc_id) > MAX_ID_CHARS:
                yield IngestError(
                    doc.source, f"id longer than {MAX_ID_CHARS} characters: {doc.doc_id[:60]!r}…"
                )
            else:
                yield doc


def _inputs(
    paths: Iterable[Path | str], options: IngestOptions
) -> Iterator[InputFile | SourceDocument | IngestError]:
    """Input files, with the documents of feeds named by URL in their place."""
    for p in paths:
        if is_url(str(p)):
            yield from read_url(str(p), options.max_bytes)
        else:
            yield from iter_inputs([Path(p)])


def _open(path: Path) -> _Binary:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def read_file(
    path: Path, options: IngestOptions, name_id: str | None = None
) -> Iterator[SourceDocument | IngestError]:
    source = str(path)
    suffix = input_suffix(path)
    name_id = name_id or _bare_name(path.name)
    if not path.exists():
        yield IngestError(source, "no such file or folder")
        return
    if path.is_dir():
        yield IngestError(source, "is a folder")
        return
    if suffix not in SUPPORTED:
        yield IngestError(source, f"unsupported file type {suffix or '(none)'}; expected {EXPECTED}")
        return
    if suffix == ".warc":  # archives stream record by record; the size limit applies to each page
        yield from read_warc(path, options.max_bytes)
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, options)
        return
    try:
        size = path.stat().st_size
        if not path.name.lower().endswith(".gz") and size > options.max_bytes:
            yield IngestError(
                source, f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB limit"
            )
            return
        with _open(path) as f:
            raw = f.read(options.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(source, _read_problem(exc))
        return
    if len(raw) > options.max_bytes:
        yield IngestError(source, f"file is over the {options.max_bytes / 1e6:.1f} MB limit uncompressed")
        return
    if suffix in FEED_SUFFIXES:  # feeds name their own encoding
        yield from read_feed(raw, source, options.max_bytes)
        return
    text, problem, notes = decode(raw)
    if problem:
        yield IngestError(source, problem)
        return
    assert text is not None
    if not text.strip():
        yield IngestError(source, "empty file")
        return
    origin = str(path.resolve())
    if suffix in TEXT_SUFFIXES:
        yield SourceDocument(doc_id=name_id, source=source, text=text, id_origin=origin, warnings=notes)
    elif suffix in HTML_SUFFIXES:
        yield SourceDocument(doc_id=name_id, source=source, html=text, id_origin=origin, warnings=notes)
    else:
        yield from _read_json(path, name_id, origin, text, options)


def _read_problem(exc: BaseException) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, gzip.BadGzipFile) and exc.strerror:
        return f"cannot read file: {exc.strerror}"
    return f"cannot read file: broken gzip data ({exc})"


def decode(raw: bytes) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Bytes to text: UTF-8 when it is or nearly is, else the detected charset.

    Returns (text, problem, warnings). A UTF-8 file with a few stray bytes stays UTF-8, the bytes
    replaced and counted in a warning: a charset guess would turn all its non-ASCII letters to mojibake.
    """
    if not raw:
        return "", None, ()
    if b"\x00" in raw[:_SNIFF] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file, not text", ()
    try:
        return _no_nul(raw.decode("utf-8-sig")), None, ()
    except UnicodeDecodeError:
        pass
    text, bad = _utf8_with_replacements(raw)
    valid_wide = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if valid_wide > 0 and bad <= valid_wide:
        return _no_nul(text), None, (_replaced(bad),)
    best = from_bytes(raw).best()
    if best is None:
        return None, "binary file or unknown text encoding", ()
    text = str(best)
    if len(_CONTROL.findall(text[:_SNIFF])) > 8:
        return None, "binary file, not text", ()
    return _no_nul(text), None, ()


def _replaced(bad: int) -> str:
    return f"{bad} invalid UTF-8 byte sequence{'s' if bad != 1 else ''} replaced by U+FFFD"


def _utf8_with_replacements(raw: bytes) -> tuple[str, int]:
    bad = 0

    def count(exc: UnicodeError) -> tuple[str, int]:
        nonlocal bad
        assert isinstance(exc, UnicodeDecodeError)
        bad += 1
        return "\ufffd", exc.end

    codecs.register_error("frontwatch-count", count)
    text = raw.decode("utf-8-sig", errors="frontwatch-count")
    return text, bad


def _no_nul(text: str) -> str:
    # A NUL byte carries nothing in an article and PostgreSQL cannot store one.
    return text.replace("\x00", "") if "\x00" in text else text


def _lines(f: _Binary, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) from a binary stream, never holding more than `limit` bytes of one line:
    a longer line gives None and is skipped to its end."""
    lineno = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = f.readline(_CHUNK)
            yield lineno, None
            continue
        yield lineno, line


def _read_jsonl(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestError]:
    limit = options.max_bytes
    try:
        with _open(path) as f:
            empty = True
            for lineno, raw in _lines(f, limit):
                where = f"{path}:{lineno}"
                if raw is None:
                    yield IngestError(where, f"document over the {limit / 1e6:.1f} MB limit")
                    empty = False
                    continue
                if not raw.strip():
                    continue
                empty = False
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                    notes: tuple[str, ...] = ()
                except UnicodeDecodeError:
                    line, bad = _utf8_with_replacements(raw)
                    notes = (
                        f"{bad} invalid UTF-8 byte sequence{'s' if bad != 1 else ''} replaced by U+FFFD",
                    )
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield IngestError(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
                    continue
                except RecursionError:
                    yield IngestError(where, "malformed JSON (nested too deeply)")
                    continue
                yield _from_object(obj, where, None, None, options, "", notes)
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(str(path), _read_problem(exc))
        return
    if empty:
        yield IngestError(str(path), "empty file")


def _read_json(
    path: Path, name_id: str, origin: str, text: str, options: IngestOptions
) -> Iterator[SourceDocument | IngestError]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(str(path), f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield IngestError(str(path), "malformed JSON (nested too deeply)")
        return
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        obj = obj["documents"]
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        yield IngestError(str(path), "no documents in the file")
    for i, item in enumerate(items, start=1):
        if len(items) == 1:
            yield _from_object(item, str(path), name_id, origin, options, "")
        else:
            yield _from_object(item, f"{path}[{i}]", None, None, options, f"item {i}: ")


def object_id(obj: dict[str, Any]) -> str | None:
    """A JSON document's own id: a string or a number, not a structure."""
    for key in ("id", "doc_id"):
        value = obj.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str | int | float):
            text = str(value).replace("\x00", "").strip()
            if text:
                return text
    return None


def derived_id(obj: dict[str, Any]) -> str:
    """An id for a document that has none: from its URL, else from its content."""
    url = obj.get("url")
    if isinstance(url, str) and url.strip():
        return "url-" + hashlib.sha256(url.strip().encode("utf-8", "surrogatepass")).hexdigest()[:16]
    h = hashlib.sha256()
    for key in ("title", "text", "html"):
        value = obj.get(key)
        h.update((value if isinstance(value, str) else "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return "text-" + h.hexdigest()[:16]


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if not isinstance(value, str):
        return None
    value = _clean_surrogates(_no_nul(value))
    return value if value.strip() else None


def _clean_surrogates(text: str) -> str:
    # JSON may carry lone surrogates ("\ud800"), which no UTF-8 store or terminal accepts.
    return text.encode("utf-8", "replace").decode("utf-8") if _SURROGATE.search(text) else text


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _from_object(
    obj: Any,
    where: str,
    name_id: str | None,
    origin: str | None,
    options: IngestOptions,
    prefix: str,
    notes: tuple[str, ...] = (),
) -> SourceDocument | IngestError:
    if not isinstance(obj, dict):
        return IngestError(where, f"{prefix}expected a JSON object, got {type(obj).__name__}")
    own = object_id(obj)
    doc_id = _clean_surrogates(own) if own else (name_id or derived_id(obj))
    text = _text_field(obj, "text")
    html = _text_field(obj, "html")
    if text is None and html is None:
        return IngestError(where, f"{prefix}no text or html field", doc_id)
    if text is not None and len(text.encode("utf-8")) > options.max_bytes:
        return IngestError(where, f"{prefix}text over the {options.max_bytes / 1e6:.1f} MB limit", doc_id)
    published, problem = parse_published(obj.get("published") or obj.get("date"))
    if problem:
        return IngestError(where, f"{prefix}{problem}", doc_id)
    title = _text_field(obj, "title")
    url = _text_field(obj, "url")
    return SourceDocument(
        doc_id=doc_id,
        source=where,
        text=text,
        html=html,
        title=title.strip() if title else None,
        url=url.strip() if url else None,
        published=published,
        id_origin=origin if own is None and name_id is not None else None,
        warnings=notes,
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
