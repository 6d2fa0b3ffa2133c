"""Article body and metadata from an HTML page (trafilatura for the body, htmldate for the date)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

# Below this many words the precision-first extraction has probably kept a teaser or a notice
# instead of the article, so the default (balanced) extraction gets a chance too.
MIN_PRECISE_WORDS = 50
# The balanced extraction also keeps menus and link lists; it is taken only if some line reads like prose.
PROSE_LINE_WORDS = 10


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None


def _extract(html: str, url: str | None, favor_precision: bool) -> Document | None:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=favor_precision,
        date_extraction_params={"original_date": True, "extensive_search": True},
        as_dict=False,
    )
    return None if isinstance(result, dict) else result  # a dict only with as_dict=True


def _words(result: Document | None) -> int:
    return len((result.text or "").split()) if result is not None else 0


def _has_prose(result: Document | None) -> bool:
    return result is not None and any(
        len(line.split()) >= PROSE_LINE_WORDS for line in (result.text or "").splitlines()
    )


def extract_page(html: str, url: str | None = None) -> Page:
    # Precision first: link lists, teasers and share bars left in the body become false places and events
    # downstream, while a missing paragraph costs less.
    result = _extract(html, url, favor_precision=True)
    if _words(result) < MIN_PRECISE_WORDS:
        balanced = _extract(html, url, favor_precision=False)
        if _words(balanced) > _words(result) and _has_prose(balanced):
            result = balanced
    if result is None:
        return Page(text="", title=None, published=None, url=url)
    published = result.date
    if not published:
        try:
            published = find_date(html, original_date=True, url=url)
        except (ValueError, TypeError):  # htmldate raises on pages it cannot parse
            published = None
    return Page(
        text=result.text or "",
        title=(result.title or "").strip() or None,
        published=published,
        url=result.url or url,
    )
