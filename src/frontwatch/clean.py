"""Boilerplate removal for article bodies.

Two kinds of evidence: line rules for the furniture every web page carries (comment forms, "Read also"
teasers, navigation, share prompts, author boxes, breadcrumbs, adverts, captions and credits, date stamps,
cookie notices, app and newsletter promotions), and lines repeated at the head or tail
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


# A date or time stamp made only of date words: "Nov. 20, 2019 at 11:28 AM EST", "3 hours ago".
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_STAMP_WORD = (
    rf"(\d{{1,4}}(st|nd|rd|th)?|{_MONTH}|{_WEEKDAY}|[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})|at|on|ago|an?|today|yesterday"
    r"|just now|(minute|min|hour|hr|day|week)s?)"
)
_STAMP = rf"{_STAMP_WORD}([\s,:/.|+()-]+{_STAMP_WORD}){{0,10}}\.?"
_AGENCY = (
    r"(getty( images)?|afp|reuters|ap( photo)?|epa(-efe)?|shutterstock|istock(photo)?|alamy|anadolu( agency)?"
    r"|xinhua|sputnik|pa (images|wire))"
)
_PLATFORM = (
    r"(twitter|x|facebook|instagram|youtube|tiktok|telegram|whatsapp|linkedin|threads|mastodon|bluesky|viber"
    r"|google news)"
)

# Whole-line rules, matched against the line without leading bullets. Families name the rule in the audit.
# Each pattern must fit a whole line of furniture and no article sentence, so open-ended tails sit behind
# a colon, a question mark or an imperative that reportage does not start with.
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
        r"(see|view|watch|listen|read) more\s*:.*",
        r"(most (read|popular|viewed|shared|watched|commented|emailed)|recommended for you"
        r"|trending( now| stories)?|editor'?s'? (picks?|choice)|in case you missed it|what to read next"
        r"|popular (on|in) \w+)[\w'’ ]{0,40}:?",
        r"continue reading\b.{0,120}",
        r"read (the )?(full|whole|complete|original|entire|rest of the)"
        r" (story|article|report|post|interview|text)\b.{0,80}",
        r"(please )?click (here|the link|below|on the link)\b.{0,120}",
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
        r"(tags|tagged|keywords|topics)",
        r"(print|email|e-mail|save|bookmark|listen to) (this )?(article|story|page|post)( for later)?",
        r"(font|text) size\b.{0,20}",
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
        r"share (this|the) (article|story|post|page|video|link)( on| via| with)\b.{0,60}",
        r"(did you |do you )?(like|enjoy(ed)?|love) (this|the) (story|article|post)\?.{0,80}",
        r"if you (like|liked|enjoyed|appreciated) (this|our|the) (article|story|post|reporting|journalism)"
        r"\b.{0,200}",
        # "Follow-up talks on Telegram ..." is reportage; the imperative "Follow X on Twitter" is not.
        rf"follow(?!-)\b.{{0,60}}\b(on|at|via) {_PLATFORM}\b.{{0,100}}",
        r"follow (us |me |him |her |them )?(on \w+ )?@\w+.{0,60}",
    ),
    "promo": _rx(
        r"(download|get|install|try) (our|the) (free )?([\w.'’-]+ ){0,3}(app|apps|application)\b.{0,80}",
        rf"(join|follow|subscribe to) (us|our)\b.{{0,40}}\b({_PLATFORM}|channel|community|group)\b.{{0,40}}",
        r"subscribe( now| today| here| for free)?[.!]?",
        r"subscribe to (our|the|\w+['’]s) .{0,60}(newsletters?|channel|podcast|updates|alerts|feed|edition)"
        r"\b.{0,60}",
        r"(get|receive) (the latest|our|the day['’]s|the week['’]s|breaking|the best|top)\b.{0,80}"
        r"\b(inbox|newsletters?|e-?mails?|alerts)\b.{0,80}",
        r"sign up( now| today| here)?( for (free|our \w+|the \w+))?[.!]?",
    ),
    "advert": _rx(
        r"(advertisement|advertising|advert|ads?|sponsored|promoted|paid (content|post|partnership)"
        r"|(sponsored|promoted|partner) (content|post|story|stories|links?)"
        r"|(article|story) continues (below|after)( this)?( advertisement| ad)?)\s*[.:]?[\s*–—-]*",
        r"scroll (down )?to continue( reading)?\.?",
    ),
    "caption": _rx(
        r"\(?(photo|photograph|image|picture|pic|video|graphic|illustration|file photo|main image|top image"
        r"|featured image|cover image|photo ?credit|image credit|credit)s?( credit| courtesy| source| by)?"
        r"\s*[:|]\s*.{1,160}",
        r"\((photo|photograph|image|picture|video|file photo|credit|illustration)s?\b[^()]{0,120}\)\.?",
        # A credit has no full stop; "Photos by drone operators showed ... ." is a sentence.
        r"(photo|photograph|image|picture|video|illustration)s? (by|courtesy( of)?|credit)\b"
        r".{0,100}(?<![.!?])",
        rf"([\w.'’ -]{{1,40}}\s*/\s*)?{_AGENCY}(\s*(/|via)\s*[\w.'’ -]{{1,40}}){{0,2}}",
    ),
    "credit": _rx(
        r"sources?\s*:\s*.{1,80}",
        r"\((additional )?(reporting|writing|editing|compiled|edited|translated|written) by\b"
        r"[^()]{0,250}\)\.?",
        r"(additional )?(reporting|writing|editing) by\b.{0,250}(?<![.!?])",
        r".{0,200}\bcontributed (reporting|to this (report|story|article))\b.{0,60}",
    ),
    "meta": _rx(
        r"(last |first |originally )?(updated|published|posted|modified|edited)( on| at)?\s*:\s*.{1,60}",
        rf"(last |first |originally )?(updated|published|posted|modified|edited)\s+{_STAMP}",
        rf"(?=.*\d)(?=.*\b({_MONTH}|{_WEEKDAY})){_STAMP}",
        r"last updated",
        r"\d+\s*(-\s*\d+\s*)?(min(ute)?s?|hours?)\.?\s*(read|reading time|to read)",
        r"(estimated )?(reading|read) time\s*:?\s*\d+.{0,20}",
        r"\d[\d,.]*\s*[km]?\s*(views|reads|shares)",
    ),
    "consent": _rx(
        r"(we|this (web)?site|our (web)?site) uses? cookies\b.{0,300}",
        r"by (continuing to )?(using|browsing|use|visit(ing)?) (this|our) (web)?site\b.{0,300}",
        r"((accept|allow|reject|decline|manage)( all)?( cookies)?|cookie (policy|settings|preferences))",
        r"(privacy policy|terms (of (use|service)|and conditions))(\s*[|·•,]\s*[\w ]{1,30}){0,4}",
    ),
    "author": _rx(
        r"about the author\b.*",
        r"(written|posted|published|reported) by\b.{0,60}",
        r"author\s*:.{0,60}",
        r"by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?",
        r"(write to|e-?mail|contact|reach)\b[^.]{0,60}\b(at|on|via)\s+(\S+@\S+|@\w+|https?://\S+|twitter)\b.{0,100}",
    ),
    "copyright": _rx(
        r"(©|\(c\)|copyright\b).{0,160}",
        r"all rights reserved\.?",
        r".{0,100}\ball rights reserved\b.{0,100}",
        r"this (material|article|content|story) (may|must) not be (published|reproduced|copied|republished"
        r"|redistributed)\b.*",
        r"this copy is for your personal\b.*",
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
