"""Boilerplate rules: which line is page furniture, by its own shape or by where it sits.

Line rules fit a whole line (`rule_for`): the families in `patterns.LINE_FAMILIES`, a link's screen-reader
suffix, dividers and scraped breadcrumbs. Position rules look at a line's place on the page: headline lists
under a lone "Read also", the caption under each counter of a photo gallery, the tail after a comments
header, section labels over the body, bylines and mastheads before or after the prose, and author notes
after it. Each rule names its family for the audit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from frontwatch.clean.lines import SENTENCE_END, core, is_headline, is_prose
from frontwatch.clean.patterns import (
    AUTHOR_BIO,
    COMMENTS_HEADER,
    EDGE_RULES,
    GALLERY_COUNTER,
    GLUED_STAMP,
    LINE_RULES,
    MASTHEAD,
    NEW_TAB,
    RELATED_HEADER,
    TAIL_MARKERS,
)

# Marks line `i` removed under a rule family.
Drop = Callable[[int, str], None]

RELATED_MAX_ITEMS = 8
GALLERY_MIN_COUNTERS = 2  # one "2/3" alone may be a score or a ratio; a gallery numbers several pictures
GALLERY_MAX_CAPTION = 600
TAIL_MIN_POSITION = 0.5  # a marker must sit in the second half of the body
TAIL_MAX_LINE = 300  # a long paragraph after a marker means the marker was not the footer
# Two category words glued by a scraper ("NewsEurope"), not a brand's inner capital ("iPhone").
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
# A kicker over the body: "Politics", "Military operation in Ukraine".
LABEL_MAX_WORDS, LABEL_MAX_CHARS = 5, 45
SHORT_LABEL_WORDS = 3  # up to this many words a label needs no further evidence
STEM_CHARS = 5  # "Tunisia" and "Tunisians" share a stem
GLUED_MIN_WORDS = 5  # what follows a glued stamp must be a paragraph, not a caption or a second stamp


def rule_for(line: str) -> str | None:
    """The boilerplate family a single line belongs to, if any."""
    text = core(line)
    # A link's screen-reader suffix ("Acquire Licensing Rights, opens new tab") says nothing about the link.
    bare = NEW_TAB.sub("", text)
    if text and not bare:
        return "navigation"
    text = bare
    if not text:
        # A line of bullets or dashes alone is a divider; with pipes it is a table's rule and stays.
        return "separator" if line.strip() and "|" not in line else None
    for family, pattern in LINE_RULES.items():
        if pattern.fullmatch(text):
            return family
    if is_breadcrumb(text):
        return "breadcrumb"
    return None


def split_glued_stamps(lines: list[str]) -> list[str]:
    """Lines with a date stamp glued before their prose split in two, so that the stamp is a line of its own
    for the rules and the prose after it is kept whole."""
    out: list[str] = []
    for line in lines:
        match = GLUED_STAMP.match(line.strip())
        rest = line.strip()[match.end() :].strip() if match else ""
        if match and len(rest.split()) >= GLUED_MIN_WORDS:
            out += [match.group(0), rest]
        else:
            out.append(line)
    return out


def is_breadcrumb(line: str) -> bool:
    """Category labels glued together by a scraper ("World NewsEuropePolitics")."""
    words = line.split()
    if len(words) > 10 or len(line) > 80 or "://" in line or SENTENCE_END.search(line):
        return False
    if len(_GLUED.findall(line)) >= 2 or bool(re.search(r"\S\s*[»›>|]\s*\S", line) and len(words) <= 6):
        return True
    # "The Daily Courier | World | Ukraine": a few short named segments; digits would make it a table row.
    segments = re.split(r"\s*[»›|]\s*", line)
    return (
        2 <= len(segments) <= 5
        and not re.search(r"\d", line)
        and all(seg[:1].isupper() and len(seg.split()) <= 4 for seg in segments)
    )


def drop_related_lists(lines: list[str], keep: list[bool], drop: Drop) -> None:
    """Headlines listed under a lone "Read also" or "Related" heading belong to other articles."""
    for i, line in enumerate(lines):
        if not RELATED_HEADER.fullmatch(core(line).rstrip(":").strip()):
            continue
        listed = 0
        for j in range(i + 1, len(lines)):
            item = core(lines[j])
            if not item or not keep[j]:
                continue  # blank lines and furniture already removed sit between the items
            if listed >= RELATED_MAX_ITEMS or not is_headline(item):
                break
            drop(j, "related")
            listed += 1
        if listed:
            drop(i, "related")  # the heading goes with its list ("More from Opinion")


def drop_gallery_captions(lines: list[str], keep: list[bool], drop: Drop) -> None:
    """The line under each counter of a photo gallery ("1/7", then what the picture shows) is its caption,
    however much it reads like the story's own prose."""
    counters = [i for i, line in enumerate(lines) if GALLERY_COUNTER.fullmatch(core(line))]
    if len(counters) < GALLERY_MIN_COUNTERS:
        return
    for i in counters:
        caption = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if caption is None or caption in counters or len(lines[caption].strip()) > GALLERY_MAX_CAPTION:
            continue
        drop(caption, "caption")


def drop_edge_lines(lines: list[str], keep: list[bool], drop: Drop) -> None:
    """Bylines, rails and mastheads before the first or after the last paragraph of prose."""
    kept = [i for i, ln in enumerate(lines) if keep[i] and ln.strip()]
    prose = [i for i in kept if is_prose(lines[i])]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    for i in kept:
        if first <= i <= last:
            continue
        text = core(lines[i])
        for family, pattern in EDGE_RULES.items():
            if pattern.fullmatch(text):
                drop(i, family)
                break
        else:
            if i < first and MASTHEAD.fullmatch(text) and not SENTENCE_END.search(text):
                drop(i, "masthead")


def drop_author_bios(lines: list[str], keep: list[bool], drop: Drop) -> None:
    """Notes about the author after the last paragraph of the story; the walk stops at the story's prose."""
    for i in reversed(range(len(lines))):
        text = core(lines[i])
        if not text or not keep[i]:
            continue
        if AUTHOR_BIO.fullmatch(text):
            drop(i, "author")
        elif is_prose(text):
            return


def drop_tail(lines: list[str], keep: list[bool], drop: Drop) -> None:
    """Everything from a footer marker in the second half of the page, unless long prose follows it."""
    total = sum(len(ln) + 1 for ln in lines) or 1
    offset = 0
    for i, line in enumerate(lines):
        text = core(line)
        # A counted comments header ends the article wherever it sits: the comments may outweigh the story.
        late = offset / total >= TAIL_MIN_POSITION or (
            COMMENTS_HEADER.fullmatch(text) and any(is_prose(ln) for ln in lines[:i])
        )
        if late and text and TAIL_MARKERS.fullmatch(text):
            rest = [ln for ln in lines[i + 1 :] if ln.strip()]
            if all(len(ln.strip()) <= TAIL_MAX_LINE for ln in rest):
                for j in range(i, len(lines)):
                    if lines[j].strip():
                        drop(j, rule_for(lines[j]) or "footer")
                return
        offset += len(line) + 1


def drop_header_labels(lines: list[str], keep: list[bool], drop: Drop, title_index: int | None) -> None:
    """Short labels between the title and the first paragraph are section tags ("Politics", "Ukraine")."""
    start = (title_index + 1) if title_index is not None else 0
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line or not keep[i]:
            continue
        words = len(line.split())
        short = words <= LABEL_MAX_WORDS and len(line) <= LABEL_MAX_CHARS
        if short and not SENTENCE_END.search(line) and not line.endswith("?"):
            # A longer label is a rubric only if the paragraph under it does not take up most of its words:
            # "Extreme heat in Europe" over a paragraph on a heat wave is the paragraph's own heading.
            if words > SHORT_LABEL_WORDS and _shares_words(line, _next_kept(lines, keep, i)):
                break
            drop(i, "section-label")
            continue
        break


def _stems(text: str) -> set[str]:
    return {w[:STEM_CHARS] for w in re.findall(r"[^\W\d_]{4,}", text.casefold())}


def _shares_words(label: str, paragraph: str) -> bool:
    """At least half the label's words recur below it: a heading that sums up its paragraph."""
    stems = _stems(label)
    return bool(stems) and 2 * len(stems & _stems(paragraph)) >= len(stems)


def _next_kept(lines: list[str], keep: list[bool], i: int) -> str:
    return next((ln for ln, k in zip(lines[i + 1 :], keep[i + 1 :], strict=True) if k and ln.strip()), "")
