"""Article body and metadata from an HTML page (trafilatura for the body, htmldate for the date)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from htmldate import find_date


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    published: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> Page:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
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
