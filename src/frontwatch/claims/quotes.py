"""Who speaks a quotation: the speaker phrase written just after or just before it on its line."""

from __future__ import annotations

import bisect
import re

from frontwatch import lang

# "“...,” said the mayor" and "“...,” the mayor said"; a speaker's name may hold initials ("Lloyd J. Austin").
_QUOTE_AFTER = re.compile(lang.pattern("claims/quote_after"))
_QUOTE_BEFORE = re.compile(lang.pattern("claims/quote_before"))
# A label before a quoted line names no speaker: "Claim 1: “...”", "Verdict: “...”".
_LABEL = re.compile(lang.pattern("claims/quote_label"), re.I)
# The speaker phrase sits within this many characters of its quotation (the patterns allow ~200).
_ATTRIBUTION_REACH = 400
_QUOTES = re.compile(lang.pattern("claims/quotations"))
# The line breaks and the quotations of each line of the text last asked about: a document asks once per
# sentence, and finding them again each time costs quadratic time on a long one-paragraph text.
_quote_cache: tuple[str, list[int], dict[int, list[tuple[int, int]]]] | None = None


def quote_attribution(text: str, start: int, end: int) -> str | None:
    """Speaker phrase of a quotation around text[start:end], found in the words just after or before it."""
    line_start, line_end, spans = _line_quotes(text, start)
    for qs, qe in spans:
        if qs <= start and end <= qe + 1:
            m = _QUOTE_AFTER.match(text[qe + 1 : min(line_end, qe + 1 + _ATTRIBUTION_REACH)])
            if m:
                return (m.group("a") or m.group("b")).strip()
            m = _QUOTE_BEFORE.search(text[max(line_start, qs - _ATTRIBUTION_REACH) : qs])
            if m and not _LABEL.match(m.group("who").strip()):
                return m.group("who").strip()
    return None


def _line_quotes(text: str, pos: int) -> tuple[int, int, list[tuple[int, int]]]:
    """(line start, line end, quotation spans as (start, index of the closing mark)) of the line at pos."""
    global _quote_cache
    if _quote_cache is None or _quote_cache[0] is not text:
        _quote_cache = (text, [m.start() for m in re.finditer("\n", text)], {})
    _, newlines, by_line = _quote_cache
    i = bisect.bisect_left(newlines, pos)
    line_start = newlines[i - 1] + 1 if i > 0 else 0
    line_end = newlines[i] if i < len(newlines) else len(text)
    if line_start not in by_line:
        by_line[line_start] = [(m.start(), m.end() - 1) for m in _QUOTES.finditer(text, line_start, line_end)]
    return line_start, line_end, by_line[line_start]
