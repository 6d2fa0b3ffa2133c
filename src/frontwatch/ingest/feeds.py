"""RSS and Atom feeds, from a file or by URL: one document per entry, its HTML content as the text.

Feeds carry fragments of HTML (a summary, or the whole story in `content:encoded`), not pages, so the
paragraphs are taken from the fragment directly rather than through the page extractor.
"""

from __future__ import annotations

import hashlib
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.html

from frontwatch import __version__
from frontwatch.records import IngestError, SourceDocument

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FETCH_TIMEOUT_S = 30
MAX_ID_CHARS = 255  # the store's doc_id column

_BLOCKS = ("p", "div", "li", "blockquote", "pre", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6")
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def short_id(value: str) -> str:
    """An id from a URL or GUID that fits the store; a long one keeps its head and a digest of the rest."""
    value = value.strip()
    if len(value) <= MAX_ID_CHARS:
        return value
    return f"{value[:200]}#{hashlib.sha1(value.encode()).hexdigest()[:16]}"


def fetch(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT_S) -> tuple[bytes | None, str | None]:
    """The body at a URL, or (None, problem)."""
    request = urllib.request.Request(url, headers={"User-Agent": f"frontwatch/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        return None, f"cannot fetch: HTTP {exc.code} {exc.reason}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return None, f"cannot fetch: {reason}"
    if len(body) > max_bytes:
        return None, f"feed is over the {max_bytes / 1e6:.1f} MB limit"
    return body, None


def read_url(url: str, max_bytes: int) -> Iterator[SourceDocument | IngestError]:
    body, problem = fetch(url, max_bytes)
    if problem:
        yield IngestError(url, problem)
        return
    assert body is not None
    yield from read_feed(body, url, max_bytes)


def read_feed(raw: bytes | str, source: str, max_bytes: int) -> Iterator[SourceDocument | IngestError]:
    parsed = feedparser.parse(raw)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("version"):
            yield IngestError(source, f"not an RSS or Atom feed: {parsed.get('bozo_exception')}")
        else:
            yield IngestError(source, "feed has no entries")
        return
    for i, entry in enumerate(entries, start=1):
        yield from_entry(entry, f"{source}#{i}", max_bytes)


def from_entry(entry: Any, where: str, max_bytes: int) -> SourceDocument | IngestError:
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    key = entry.get("id") or link
    title = (entry.get("title") or "").strip() or None
    if not key:
        return IngestError(where, "feed entry has neither an id nor a link")
    doc_id = short_id(key)
    body = _entry_html(entry)
    if body is None or not body[0].strip():
        return IngestError(where, "feed entry has no content or summary", doc_id)
    html, kind = body
    if len(html.encode("utf-8")) > max_bytes:
        return IngestError(where, f"feed entry over the {max_bytes / 1e6:.1f} MB limit", doc_id)
    text = fragment_text(html) if "html" in kind else html.strip()
    if not text:
        return IngestError(where, "feed entry has no text", doc_id)
    return SourceDocument(
        doc_id=doc_id,
        source=where,
        text=text,
        title=title,
        url=link,
        published=_entry_date(entry),
    )


def _entry_html(entry: Any) -> tuple[str, str] | None:
    """The fullest body an entry has: its content, else its summary, with the content type."""
    for item in entry.get("content") or ():
        if item.get("value"):
            return item["value"], item.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        return entry["summary"], detail.get("type") or "text/html"
    return None


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def fragment_text(html: str) -> str:
    """Paragraphs of an HTML fragment as lines separated by blank lines."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter():  # line breaks in the source are spaces in HTML; breaks come from elements
        el.text = _WHITESPACE.sub(" ", el.text) if el.text else el.text
        el.tail = _WHITESPACE.sub(" ", el.tail) if el.tail else el.tail
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
        if el.text:
            el.text = "\n\n" + el.text
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
