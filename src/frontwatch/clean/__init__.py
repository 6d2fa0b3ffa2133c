"""Boilerplate removal for article bodies.

Three kinds of evidence: line rules for the furniture every web page carries (comment forms, "Read also"
teasers, navigation, share bars, author boxes and live-page shift bylines, breadcrumbs, adverts, captions,
gallery counters and credits, date stamps and view counters, cookie notices, app, channel and newsletter
promotions, error-report and reader-tip prompts, outlet standards, licence and disclaimer notes, a report's
standing notes and footnote references, live-page widgets, what a page's scripts and embeds leave in the
text); position (bylines and mastheads before or after the prose, author bios after it, kickers over it,
headline lists under "Read also" or "More from", the captions under a gallery's counters, the tail after a
comments header); and lines repeated at the head or tail of several independent documents (an outlet's own
furniture). Every removed line is kept for audit.

The rules are in `boilerplate.py`, their patterns in the language layer (`lang/en/clean/`, read by
`patterns.py`), lines repeated across documents in `repeated.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontwatch.clean.boilerplate import (
    drop_author_bios,
    drop_edge_lines,
    drop_gallery_captions,
    drop_header_labels,
    drop_related_lists,
    drop_tail,
    is_breadcrumb,
    rule_for,
    split_glued_stamps,
)
from frontwatch.clean.line_model import learned_furniture
from frontwatch.clean.lines import is_headline, is_prose, line_key, looks_like_title, normalize_text
from frontwatch.clean.repeated import edge_keys, repeated_lines
from frontwatch.records import RemovedLine

__all__ = [
    "Cleaned",
    "clean_text",
    "edge_keys",
    "is_breadcrumb",
    "is_headline",
    "is_prose",
    "line_key",
    "looks_like_title",
    "normalize_text",
    "repeated_lines",
    "rule_decisions",
    "rule_for",
    "rules_seen",
    "split_glued_stamps",
]


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str | None
    text: str
    removed: tuple[RemovedLine, ...]


@dataclass(frozen=True, slots=True)
class RuleDecisions:
    """A page's lines as the rules leave them: which are kept, and the family of each removed one."""

    lines: list[str]
    keep: list[bool]
    removed: dict[int, str]
    title: str | None
    title_index: int | None


def clean_text(text: str, title: str | None = None, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Clean a plain-text body. With no `title`, the first line that is not boilerplate is the title when it
    looks like one and more text follows."""
    d = rule_decisions(text, title, repeated)
    lines, keep, removed = d.lines, d.keep, d.removed

    def drop(i: int, rule: str) -> None:
        if keep[i]:
            keep[i] = False
            removed[i] = rule

    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    # The learned classifier reads the lines the rules kept, with the rules' decisions as features.
    candidates = [i for i in nonblank if keep[i]]
    for i in learned_furniture(lines, rules_seen(d), candidates, repeated):
        drop(i, "learned")

    # A line repeated right after itself (a teaser headline and its paragraph) is kept once.
    previous = None
    for i in nonblank:
        if not keep[i]:
            continue
        key = line_key(lines[i])
        if key == previous:
            drop(i, "repeated-line")
        previous = key

    body = _join(lines, keep)
    audit = tuple(RemovedLine(lines[i].strip(), rule) for i, rule in sorted(removed.items()))
    return Cleaned(title=d.title or None, text=body, removed=audit)


def rule_decisions(
    text: str, title: str | None = None, repeated: frozenset[str] = frozenset()
) -> RuleDecisions:
    """The rule families' decisions on every line: line rules, the title, position rules, corpus evidence."""
    lines = split_glued_stamps(normalize_text(text).split("\n"))
    keep = [True] * len(lines)
    removed: dict[int, str] = {}

    def drop(i: int, rule: str) -> None:
        if keep[i]:
            keep[i] = False
            removed[i] = rule

    for i, line in enumerate(lines):
        rule = rule_for(line)
        if rule:
            drop(i, rule)

    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    # Title: given, or the first surviving line when it reads as a headline and text follows it. A lede
    # or a one-paragraph bulletin is the article itself.
    title_index = None
    if title is None:
        kept = [i for i in nonblank if keep[i]]
        if len(kept) > 1 and looks_like_title(lines[kept[0]].strip()):
            title_index = kept[0]
            title = lines[title_index].strip()
            keep[title_index] = False
    if title:
        tkey = line_key(title)
        for i in nonblank:
            if keep[i] and line_key(lines[i]) == tkey:
                drop(i, "title-repeat")

    drop_related_lists(lines, keep, drop)
    drop_gallery_captions(lines, keep, drop)
    drop_tail(lines, keep, drop)
    drop_header_labels(lines, keep, drop, title_index)
    drop_edge_lines(lines, keep, drop)
    drop_author_bios(lines, keep, drop)

    if repeated:
        edges = edge_keys("\n".join(ln for ln, k in zip(lines, keep, strict=True) if k))
        for i in nonblank:
            key = line_key(lines[i])
            if keep[i] and key in repeated and key in edges:
                drop(i, "corpus-repeated")
    return RuleDecisions(lines, keep, removed, title, title_index)


def rules_seen(d: RuleDecisions) -> dict[int, str]:
    """The rule family of each removed line as the line classifier sees it: a title taken from the text
    counts as a repeated title."""
    seen = dict(d.removed)
    if d.title_index is not None:
        seen[d.title_index] = "title-repeat"
    return seen


def _join(lines: list[str], keep: list[bool]) -> str:
    out: list[str] = []
    blank = False
    for line, k in zip(lines, keep, strict=True):
        if not k:
            continue
        stripped = line.rstrip()
        if not stripped.strip():
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(stripped.strip())
    return "\n".join(out)
