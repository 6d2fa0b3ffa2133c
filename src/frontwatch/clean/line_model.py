"""The learned line classifier: article content or page furniture, one line at a time, trained on the
team-written corpus (`frontwatch.learn.line_train`).

The rule families of `boilerplate.py` stay hard decisions: they are precise on the furniture they were
written for. The model reads the lines they keep and generalises past them. A logistic regression over
hashed word and character n-grams of the line; its shape (length, words, capitals, digits, punctuation,
a sentence's ending, verb-like words, links, handles, hashtags, icon-font and emoji junk); its place on
the page (first and last lines, relative position, before the first or after the last paragraph of
prose); its neighbours' shape and whether the rules removed them; whether the run found it repeated
across documents; and the rule family that removed it, if any (rule-removed lines are training examples
too, so the model learns what furniture looks like from them). A kept line scored at or above the
threshold is removed under the family "learned", unless it reads as a heading with no mark of furniture
(`protected`) or is an item of a list (`in_lists`): those are the rules' to decide. numpy only at run
time, weights loaded once per process. `FRONTWATCH_LINES=off` turns it off.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from frontwatch import lang
from frontwatch.clean.lines import SENTENCE_END, core, is_prose, line_key, looks_like_title
from frontwatch.clean.patterns import LINE_FAMILIES, part
from frontwatch.linear import bucket, probability, read_weights

MODEL_DIR = Path(__file__).parent / "line_model"
# How the clean stage uses the model (FRONTWATCH_LINES): "on" removes the lines it scores as furniture.
MODES = ("on", "off")
# Families a rule can remove a line under, for the rule features (others count as "other").
RULE_FAMILIES = (
    *LINE_FAMILIES,
    "breadcrumb",
    "title-repeat",
    "section-label",
    "masthead",
    "footer",
    "corpus-repeated",
)

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_URL = re.compile(part("url"), re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_HASHTAG = re.compile(r"(?<![\w&])#\w*[^\W\d_]\w*")
_SEPARATORS = re.compile(r"[|»›•·]|\s[-–—/]\s")
_DATE_LIKE = re.compile(r"\b\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})?\b")
_ED = re.compile(r"[a-z]{3,}ed$")
# Marks of page furniture that a heading never carries: a clock time or numeric date, brackets, bars, dots
# and play marks between items.
_WIRE_DATELINE = re.compile(lang.pattern("clean/wire_dateline"), re.IGNORECASE)
_FURNITURE_MARKS = re.compile(r"\d{1,2}:\d{2}|\d[./-]\d|[()|・▶►•#@]")
SHORT_WORDS = 8


def mode() -> str:
    value = os.environ.get("FRONTWATCH_LINES", "on").strip().lower() or "on"
    if value not in MODES:
        raise ValueError(f"FRONTWATCH_LINES must be one of {', '.join(MODES)}, not {value!r}")
    return value


@cache
def _junk() -> re.Pattern[str]:
    return re.compile(lang.pattern("clean/line_junk"), re.IGNORECASE)


@cache
def _verbs() -> frozenset[str]:
    return lang.words("clean/line_verbs")


def tokens(line: str) -> list[str]:
    """Lower-cased words and numbers, every digit written 0 (dates and counts share their shape)."""
    return [_DIGIT.sub("0", t) for t in _TOKEN.findall(line.casefold())]


def _emoji(line: str) -> bool:
    return any(ord(ch) >= 0x2190 and unicodedata.category(ch) in ("So", "Sk", "Cs") for ch in line)


def shape(line: str) -> list[float]:
    """What a line looks like, whatever its words: every value between 0 and about 1."""
    text = core(line)
    words = text.split()
    n = len(words)
    letters = [ch for ch in text if ch.isalpha()]
    visible = [ch for ch in text if not ch.isspace()] or [" "]
    toks = tokens(text)
    alpha = [w for w in words if w[:1].isalpha()]
    return [
        math.log1p(len(text)) / 6,
        math.log1p(n) / 4,
        float(n <= 3),
        float(n <= SHORT_WORDS),
        float(n >= 12),
        sum(ch.isupper() for ch in letters) / max(1, len(letters)),
        sum(ch.isdigit() for ch in visible) / len(visible),
        sum(not ch.isalnum() for ch in visible) / len(visible),
        float(bool(SENTENCE_END.search(text))),
        float(text.endswith(":")),
        sum(w[:1].isupper() for w in alpha) / max(1, len(alpha)),
        float(any(t in _verbs() or _ED.search(t) for t in toks)),
        float(is_prose(text)),
        float(bool(_URL.search(text))),
        float(bool(_HANDLE.search(text))),
        float(bool(_HASHTAG.search(text))),
        float(bool(_junk().search(text))),
        float(_emoji(text)),
        float(bool(_SEPARATORS.search(text))),
        float(bool(_DATE_LIKE.search(text))),
        float(core(line) != line.strip()),  # led by bullets
        float(looks_like_title(text)),
    ]


SHAPE_SIZE = len(shape("x"))
NEIGHBOUR_SIZE = 6  # per neighbour: present, removed by a rule, prose, short, sentence end, log length
POSITION_SIZE = 9
CROSS_SIZE = 9
DENSE_SIZE = SHAPE_SIZE + 4 * NEIGHBOUR_SIZE + POSITION_SIZE + CROSS_SIZE + 3 + len(RULE_FAMILIES) + 1


@dataclass(frozen=True)
class Page:
    """One page's non-blank lines as the rules left them: the rule family that removed each (None where
    kept) and the keys the run found repeated across documents."""

    lines: Sequence[str]
    rules: Sequence[str | None]
    repeated: frozenset[str] = frozenset()


def _neighbour(page: Page, k: int) -> list[float]:
    if not 0 <= k < len(page.lines):
        return [0.0] * NEIGHBOUR_SIZE
    text = core(page.lines[k])
    return [
        1.0,
        float(page.rules[k] is not None),
        float(is_prose(text)),
        float(len(text.split()) <= SHORT_WORDS),
        float(bool(SENTENCE_END.search(text))),
        math.log1p(len(text)) / 6,
    ]


def dense(page: Page, k: int, prose: Sequence[int], shapes: Sequence[list[float]]) -> list[float]:
    """Line `k`'s shape, neighbours, position, crosses, page and rule features, in a fixed order."""
    n = len(page.lines)
    first, last = (prose[0], prose[-1]) if prose else (n, -1)
    before, after = float(k < first), float(k > last)
    between = float(first <= k <= last)
    own = shapes[k]
    is_prose_line, short, junk = own[12], own[3] * (1 - own[8]), max(own[13:18])
    position = [
        k / max(1, n - 1),
        float(k == 0),
        float(k == n - 1),
        float(k < 3),
        float(n - 1 - k < 3),
        before,
        after,
        between,
        math.log1p(n) / 5,
    ]
    crosses = [region * flag for region in (before, after, between) for flag in (is_prose_line, short, junk)]
    rule = page.rules[k]
    rules = [float(rule == family) for family in RULE_FAMILIES]
    rules.append(float(rule is not None and rule not in RULE_FAMILIES))
    window = [j for j in range(k - 3, k + 4) if j != k and 0 <= j < n]
    page_features = [
        sum(page.rules[j] is not None for j in window) / 6,
        float(line_key(page.lines[k]) in page.repeated),
        len(prose) / max(1, n),
    ]
    neighbours = [*_neighbour(page, k - 1), *_neighbour(page, k + 1)]
    neighbours += [*_neighbour(page, k - 2), *_neighbour(page, k + 2)]
    return [*own, *neighbours, *position, *crosses, *page_features, *rules]


def hashed(line: str, region: str, dim: int, char_scale: float) -> dict[int, float]:
    """Word, bigram, edge-word and symbol grams (unit length) and character trigrams (unit length, scaled),
    by column. The first and last words also count with the line's region of the page."""
    text = core(line)
    toks = tokens(text)
    grams = {f"w:{t}" for t in toks} | {f"b:{a} {b}" for a, b in pairwise(toks)}
    if toks:
        grams |= {f"f:{toks[0]}", f"l:{toks[-1]}", f"{region}f:{toks[0]}", f"{region}l:{toks[-1]}"}
    grams |= {f"s:{ch}" for ch in text if not ch.isalnum() and not ch.isspace()}
    padded = f" {_DIGIT.sub('0', text.casefold())} "
    chars = {f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2)}
    row: dict[int, float] = {}
    for group, scale in ((grams, 1.0), (chars, char_scale)):
        if not group:
            continue
        weight = scale / math.sqrt(len(group))
        for gram in sorted(group):  # a fixed order: colliding grams sum to the same bits in every process
            column = bucket(gram, dim)
            row[column] = row.get(column, 0.0) + weight
    return row


def protected(line: str) -> bool:
    """A line that reads as a heading (a standfirst, a subheading, a kicker, a dateline) and carries no
    mark of furniture, or one that opens a wire story with its dateline: the rule families decide those,
    since a content line wrongly removed loses its events and the corpus has too few headings inside
    articles to learn them from."""
    text = core(line)
    if _WIRE_DATELINE.match(text):
        return True
    return (
        looks_like_title(text)
        and not _FURNITURE_MARKS.search(text)
        and not _URL.search(text)
        and not _junk().search(text)
        and not _emoji(text)
    )


LIST_ITEMS = 3  # this many lines of a page that open with one punctuation skeleton are a list
SKELETON_CHARS = 2


def skeleton(line: str) -> str:
    """How a line that does not end as a sentence opens, in punctuation, numbers written 0: "June 9 – Tampa,
    FL @ Arena" is "0–", "3) Blade Runner (4K)" is "0)". Empty for sentences and for plain words."""
    text = core(line)
    if SENTENCE_END.search(text):
        return ""
    marks = re.sub(r"\d+", "0", "".join(ch for ch in text if not ch.isalpha() and not ch.isspace()))
    return marks[:SKELETON_CHARS]


def in_lists(lines: Sequence[str]) -> list[bool]:
    """Which lines are items of a list: lines of a page that open with one punctuation skeleton, in a row
    or not (dates and venues, numbered products and their links, scores, accounts under pictures). Lists are
    content that the corpus has too few of to learn from."""
    shapes = [skeleton(ln) for ln in lines]
    counts = Counter(shape for shape in shapes if shape)
    return [bool(shape) and counts[shape] >= LIST_ITEMS for shape in shapes]


@dataclass(frozen=True)
class Settings:
    dim: int  # hashed gram columns
    char_scale: float  # the character trigrams' weight against the word grams
    threshold: float  # a kept line scored at or above it is furniture

    @classmethod
    def read(cls, path: Path) -> Settings:
        raw = json.loads(path.read_text("utf-8"))
        if int(raw["dense"]) != DENSE_SIZE:
            raise ValueError(f"{path}: the model has {raw['dense']} dense features, the code {DENSE_SIZE}")
        return cls(int(raw["dim"]), float(raw["char_scale"]), float(raw["threshold"]))


def page_rows(page: Page, settings: Settings) -> list[dict[int, float]]:
    """Every line's non-zero features by column: `dim` hashed columns, then the dense features."""
    prose = [k for k, ln in enumerate(page.lines) if is_prose(core(ln))]
    shapes = [shape(ln) for ln in page.lines]
    first, last = (prose[0], prose[-1]) if prose else (len(page.lines), -1)
    rows: list[dict[int, float]] = []
    for k, line in enumerate(page.lines):
        region = "h" if k < first else "t" if k > last else "m"
        row = hashed(line, region, settings.dim, settings.char_scale)
        for j, v in enumerate(dense(page, k, prose, shapes)):
            if v:
                row[settings.dim + j] = v
        rows.append(row)
    return rows


class LineModel:
    def __init__(self, folder: Path = MODEL_DIR, threshold: float | None = None) -> None:

        settings = Settings.read(folder / "lines.json")
        if threshold is not None:
            settings = Settings(settings.dim, settings.char_scale, threshold)
        self.settings = settings
        self.weights, self.bias = read_weights(folder / "weights.npz")

    def probabilities(self, page: Page) -> list[float]:
        """How likely each line of the page is furniture."""
        out = []
        for row in page_rows(page, self.settings):
            out.append(probability(self.weights, self.bias, row))
        return out

    def furniture(self, page: Page, candidates: Sequence[int]) -> list[int]:
        """Which of the candidate lines (indexes into the page, rule-kept) the model removes."""
        probs = self.probabilities(page)
        listed = in_lists(page.lines)
        return [
            k
            for k in candidates
            if probs[k] >= self.settings.threshold and not protected(page.lines[k]) and not listed[k]
        ]


@cache
def shared() -> LineModel:
    """The shipped model, loaded on first use."""
    return LineModel()


def learned_furniture(
    lines: Sequence[str], removed: dict[int, str], candidates: Sequence[int], repeated: frozenset[str]
) -> list[int]:
    """Indexes into `lines` (a page with blank lines) of the candidates the model scores as furniture;
    `removed` names the rule family of each line the rules removed. None when the model is off."""
    if mode() == "off" or not candidates:
        return []
    index = [i for i, ln in enumerate(lines) if ln.strip()]
    where = {i: k for k, i in enumerate(index)}
    page = Page([lines[i].strip() for i in index], [removed.get(i) for i in index], repeated)
    return [index[k] for k in shared().furniture(page, [where[i] for i in candidates if i in where])]
