"""Boilerplate removal for article bodies.

Two kinds of evidence: line rules for the furniture every web page carries (comment forms, "Read also"
teasers, navigation, share prompts, author boxes, breadcrumbs), and lines repeated at the head or tail
of several independent documents (an outlet's own furniture). Every removed line is kept for audit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from frontwatch.records import RemovedLine

_BULLET = re.compile(r"^[\s•·▪►▶»*\-–—|]+")
_SPACES = re.compile(r"\s+")


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Whole-line rules, matched against the line without leading bullets. Families name the rule in the audit.
LINE_RULES: dict[str, re.Pattern[str]] = {
    "comment-form": _rx(
        r"leave an? (reply|comment|response)\b.*",
        r"(post|submit|add) (a |your )?comment\b.*",
        r"your email address will not be published.*",
        r"required fields are marked.*",
        r"this site uses akismet.*",
        r"save my name,? email.*",
        r"you must be logged in to post a comment.*",
        r"notify me of (follow-up comments|new posts).*",
        r"(cancel reply|reply|comments?|\d+ comments?|no comments( yet)?|comments are closed)\.?",
        r"(name|email|website|comment)\s*\*",
    ),
    "related": _rx(
        r"(read also|also read|see also|also see|read more|read next|more to read|must read|don'?t miss)\b.*",
        r"(you may|you might|you may also|you might also) (also )?like\b.*",
        r"related (posts?|articles?|news|stories|content|topics|coverage|reading)\b.*",
        r"(related|recommended|trending|popular|latest|more|watch|listen)( news| now| stories| posts)?\s*:.*",
        r"(related|recommended|trending now|popular posts|latest news|more stories|more news|top stories)",
    ),
    "navigation": _rx(
        r"(previous|next|older|newer|prev) (post|article|story|page|entry)\b.*",
        r"[«‹<]?\s*(previous|prev|next)\s*[»›>]?",
        r"back to (top|home)( button)?",
        r"(show|load|view|see) (more|all)( news| articles| stories)?",
        r"skip to (main )?content",
        r"page \d+( of \d+)?",
        r"(home|news)\s*[»>/|›].{0,80}",
        r"(tags?|categories|category|filed under|posted in|topics?)\s*:.{0,120}",
    ),
    "share": _rx(
        r"(share|share this( article| story| post| page)?|tweet|pin it|email|print|whatsapp|telegram|facebook"
        r"|twitter|linkedin|reddit|copy link|pocket)\s*:?",
        r"(share|click to share|post) (on|to|via) \w+.*",
        r"follow us\b.{0,100}",
        r"(subscribe|sign up)\b.{0,80}(newsletter|channel|updates|free)\b.{0,60}",
        r"(join|follow) (us|our) .{0,40}(telegram|twitter|facebook|channel|whatsapp|google news).{0,40}",
        r"like this:?",
        r"like loading\W*",
        r"%d bloggers like this:?",
    ),
    "author": _rx(
        r"about the author\b.*",
        r"(written|posted|published|reported) by\b.{0,60}",
        r"author\s*:.{0,60}",
        r"by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?",
    ),
    "copyright": _rx(
        r"(©|\(c\)|copyright\b).{0,160}",
        r"all rights reserved\.?",
    ),
}
# Markers after which, near the end of a page, nothing belongs to the article.
TAIL_MARKERS = _rx(
    r"leave an? (reply|comment|response)\b.*",
    r"your email address will not be published.*",
    r"related (posts?|articles?|news|stories|content)\b.*",
    r"(you may|you might) (also )?like\b.*",
    r"(more stories|more news|recommended|read next)",
    r"(previous|next) (post|article|story)\b.*",
    r"about the author\b.*",
    r"show more",
    r"share this( article| story| post)?:?",
    r"like this:?",
    r"%d bloggers like this:?",
    r"(\d+ )?comments?",
)
TAIL_MIN_POSITION = 0.5  # a marker must sit in the second half of the body
TAIL_MAX_LINE = 300  # a long paragraph after a marker means the marker was not the footer

_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$|[\"”’»」』]$")
# Two category words glued by a scraper ("NewsEurope"), not a brand's inner capital ("iPhone").
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
LABEL_MAX_CHARS = 40


@dataclass(frozen=True, slots=True)
class Cleaned:
    title: str | None
    text: str
    removed: tuple[RemovedLine, ...]


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\u200b", "")


def line_key(line: str) -> str:
    """A line as compared across documents: no bullets, spacing or case."""
    return _SPACES.sub(" ", _BULLET.sub("", line)).strip().casefold()


def rule_for(line: str) -> str | None:
    """The boilerplate family a single line belongs to, if any."""
    core = _BULLET.sub("", line).strip()
    if not core:
        return None
    for family, pattern in LINE_RULES.items():
        if pattern.fullmatch(core):
            return family
    if is_breadcrumb(core):
        return "breadcrumb"
    return None


def is_breadcrumb(line: str) -> bool:
    """Category labels glued together by a scraper ("World NewsEuropePolitics")."""
    words = line.split()
    if len(words) > 6 or len(line) > 80 or "://" in line or _SENTENCE_END.search(line):
        return False
    return len(_GLUED.findall(line)) >= 2 or bool(re.search(r"\S\s*[»›>|]\s*\S", line) and len(words) <= 6)


def is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line.strip()))


def edge_keys(text: str) -> set[str]:
    """Keys of the lines before the first or after the last prose paragraph, where furniture sits."""
    lines = [ln.strip() for ln in normalize_text(text).split("\n") if ln.strip()]
    prose = [i for i, ln in enumerate(lines) if is_prose(ln)]
    if not prose:
        return {line_key(ln) for ln in lines}
    first, last = prose[0], prose[-1]
    return {line_key(ln) for i, ln in enumerate(lines) if i < first or i > last}


def repeated_lines(edge_key_sets: Iterable[set[str]], min_docs: int = 3) -> frozenset[str]:
    """Edge lines found in at least `min_docs` documents. Pass one set per independent document
    (syndicated copies merged), or every line of a copied story would look like furniture."""
    counts: Counter[str] = Counter()
    for keys in edge_key_sets:
        counts.update(keys)
    return frozenset(k for k, n in counts.items() if n >= min_docs and k)


def clean_text(text: str, title: str | None = None, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Clean a plain-text body. With no `title`, the first line that is not boilerplate is the title."""
    lines = normalize_text(text).split("\n")
    keep = [True] * len(lines)
    removed: list[tuple[int, str]] = []

    def drop(i: int, rule: str) -> None:
        if keep[i]:
            keep[i] = False
            removed.append((i, rule))

    for i, line in enumerate(lines):
        rule = rule_for(line)
        if rule:
            drop(i, rule)

    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    # Title: given, or the first surviving line.
    title_index = None
    if title is None:
        title_index = next((i for i in nonblank if keep[i]), None)
        if title_index is not None:
            title = lines[title_index].strip()
            keep[title_index] = False
    if title:
        tkey = line_key(title)
        for i in nonblank:
            if keep[i] and line_key(lines[i]) == tkey:
                drop(i, "title-repeat")

    _drop_tail(lines, keep, drop)
    _drop_header_labels(lines, keep, drop, title_index)

    if repeated:
        edges = edge_keys("\n".join(ln for ln, k in zip(lines, keep, strict=True) if k))
        for i in nonblank:
            key = line_key(lines[i])
            if keep[i] and key in repeated and key in edges:
                drop(i, "corpus-repeated")

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
    audit = tuple(RemovedLine(lines[i].strip(), rule) for i, rule in sorted(removed))
    return Cleaned(title=title or None, text=body, removed=audit)


def _drop_tail(lines: list[str], keep: list[bool], drop) -> None:
    total = sum(len(ln) + 1 for ln in lines) or 1
    offset = 0
    for i, line in enumerate(lines):
        core = _BULLET.sub("", line).strip()
        if offset / total >= TAIL_MIN_POSITION and core and TAIL_MARKERS.fullmatch(core):
            rest = [ln for ln in lines[i + 1 :] if ln.strip()]
            if all(len(ln.strip()) <= TAIL_MAX_LINE for ln in rest):
                for j in range(i, len(lines)):
                    if lines[j].strip():
                        drop(j, rule_for(lines[j]) or "footer")
                return
        offset += len(line) + 1


def _drop_header_labels(lines: list[str], keep: list[bool], drop, title_index: int | None) -> None:
    """Short labels between the title and the first paragraph are section tags ("Politics", "Ukraine")."""
    start = (title_index + 1) if title_index is not None else 0
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line or not keep[i]:
            continue
        short = len(line.split()) <= 3 and len(line) <= LABEL_MAX_CHARS
        if short and not _SENTENCE_END.search(line) and not line.endswith("?"):
            drop(i, "section-label")
            continue
        break


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
