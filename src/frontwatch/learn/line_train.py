"""Train the boilerplate line classifier: `python -m frontwatch.learn.line_train [--out DIR]`.

A logistic regression (numpy, sparse full-batch gradient descent with Nesterov momentum, L2, classes
weighted to balance) over `clean.line_model`'s features of every non-blank line of every article of the
team-written corpus, read as the clean stage reads it: the article's text and title, the rule families'
decisions, and the lines the whole corpus repeats at its documents' edges, as one run would find them.
A line listed in the article's `boilerplate` is furniture; every other non-blank line is content. A title
repeated in the text is neither and is left out. Lines the rules removed are examples too (with their rule
family as a feature), so the model learns furniture from them; at run time it reads only the kept lines.

A fixed-seed draw of batches is held out to choose the threshold, on the lines the rules keep: the lowest
one that removes no more than `CONTENT_LOSS` of the held-out content lines, and never below `FLOOR`, since
a content line wrongly removed loses its events. Needs no extra beyond the base install.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontwatch import clean
from frontwatch.clean import line_model
from frontwatch.learn.examples import (
    CORPUS,
    SEED,
    batches,
    read_articles,
    read_gold,
    source,
    split_batches,
    training_data,
)
from frontwatch.learn.linear import card_text, library_versions, sha256, write_weights
from frontwatch.pipeline import corpus_repeated, prepare

DIM = 1 << 16
CHAR_SCALE = 0.7
L2 = 3e-5
STEPS = 1000
RATE = 1.0
_SENTENCE_GAP = re.compile(r"(?<=[a-z][.!?])\s+(?=[A-Z])")
CONTENT_LOSS = 0.005  # at most this share of held-out content lines removed by the model
FLOOR = 0.5  # never remove a line the model finds likelier content than furniture


@dataclass
class Lines:
    """Sparse rows of many lines, with labels and where each came from."""

    rows: list[int]
    cols: list[int]
    vals: list[float]
    labels: list[int]
    kept: list[bool]  # the rules kept the line
    decided: list[bool]  # kept, neither a protected heading nor a list item: the model decides it
    where: list[str]  # batch/doc_id: the line

    @classmethod
    def empty(cls) -> Lines:
        return cls([], [], [], [], [], [], [])

    def add(self, row: dict[int, float], label: int, kept: bool, decided: bool, where: str) -> None:
        n = len(self.labels)
        for column, v in row.items():
            self.rows.append(n)
            self.cols.append(column)
            self.vals.append(v)
        self.labels.append(label)
        self.kept.append(kept)
        self.decided.append(decided)
        self.where.append(where)


def read_batch(folder: Path, repeated: frozenset[str], settings: line_model.Settings, out: Lines) -> None:
    gold = read_gold(folder)
    for a in read_articles(folder):
        furniture = {b.strip() for b in gold[a["id"]]["boilerplate"]}
        # Each article as written, and with its furniture taken out: as it is, cut off by a size limit, or
        # one sentence a line. Real pages often come with no furniture (a newspaper's text, a careful
        # extraction), and the model must not learn that a page's first or last lines are furniture
        # whatever they say.
        bare = [ln for ln in a["text"].split("\n") if ln.strip() not in furniture]
        cut = "\n".join(cut_page(bare, random.Random(f"{SEED}/{a['id']}")))
        split = "\n".join(split_sentences(bare))
        variants = (("", a["text"]), (" (bare)", "\n".join(bare)), (" (cut)", cut), (" (split)", split))
        for variant, text in variants:
            add_page(
                f"{folder.name}/{a['id']}{variant}", text, a.get("title"), furniture, repeated, settings, out
            )


def cut_page(lines: list[str], rng: random.Random) -> list[str]:
    """The page as a scraper or a size limit leaves it: one long paragraph broken after a comma and the
    last one cut off mid-word, both still content."""
    out = list(lines)
    long = [k for k, ln in enumerate(out) if len(ln) > 120 and ", " in ln[40:-20]]
    if long:
        k = rng.choice(long)
        at = out[k].index(", ", 40) + 1
        out[k : k + 1] = [out[k][:at], out[k][at:].strip()]
    last = max((k for k, ln in enumerate(out) if len(ln.strip()) > 40), default=None)
    if last is not None:
        out[last] = out[last][: int(len(out[last]) * rng.uniform(0.3, 0.8))].rstrip()
    return out


def split_sentences(lines: list[str]) -> list[str]:
    """The page with the paragraphs of its second half one sentence a line, as bulletins and some
    scrapers give them: short content lines at the end of a page, where furniture also sits."""
    out: list[str] = []
    for k, line in enumerate(lines):
        out += _SENTENCE_GAP.split(line.strip()) if 2 * k >= len(lines) and line.strip() else [line]
    return out


def add_page(
    name: str,
    text: str,
    title: str | None,
    furniture: set[str],
    repeated: frozenset[str],
    settings: line_model.Settings,
    out: Lines,
) -> None:
    """One page's lines as examples, read as the clean stage reads them."""
    d = clean.rule_decisions(text, title, repeated)
    seen = clean.rules_seen(d)
    index = [i for i, ln in enumerate(d.lines) if ln.strip()]
    page = line_model.Page([d.lines[i].strip() for i in index], [seen.get(i) for i in index], repeated)
    listed = line_model.in_lists(page.lines)
    for k, (i, row) in enumerate(zip(index, line_model.page_rows(page, settings), strict=True)):
        if seen.get(i) == "title-repeat":
            continue
        line = d.lines[i].strip()
        kept = i not in seen
        decided = kept and not line_model.protected(line) and not listed[k]
        out.add(row, int(line in furniture), kept, decided, f"{name}: {line}")


def matrix(lines: Lines) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    return np.array(lines.rows), np.array(lines.cols), np.array(lines.vals), len(lines.labels)


def product(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, n: int, w: np.ndarray) -> np.ndarray:
    return np.bincount(rows, weights=vals * w[cols], minlength=n)


def fit(lines: Lines, width: int) -> tuple[np.ndarray, float]:
    """Weights and bias minimising the class-balanced log loss plus L2 on the weights, by gradient descent
    with Nesterov momentum (smooth and convex, so a fixed number of steps is deterministic)."""
    rows, cols, vals, n = matrix(lines)
    y = np.array(lines.labels, dtype=float)
    sample = np.where(y == 1, 0.5 / max(1, int(y.sum())), 0.5 / max(1, int((1 - y).sum())))
    theta = np.zeros(width + 1)  # the bias last, left out of the L2 term
    ahead = theta.copy()
    for k in range(STEPS):
        z = product(rows, cols, vals, n, ahead[:-1]) + ahead[-1]
        g = sample * (1.0 / (1.0 + np.exp(-z)) - y)
        grad = np.empty_like(theta)
        grad[:-1] = np.bincount(cols, weights=vals * g[rows], minlength=width) + L2 * ahead[:-1]
        grad[-1] = g.sum()
        nxt = ahead - RATE * grad
        ahead = nxt + (k / (k + 3)) * (nxt - theta)
        theta = nxt
    return theta[:-1], float(theta[-1])


def probabilities(lines: Lines, w: np.ndarray, b: float) -> np.ndarray:
    rows, cols, vals, n = matrix(lines)
    return 1.0 / (1.0 + np.exp(-(product(rows, cols, vals, n, w) + b)))


def choose_threshold(probs: np.ndarray, labels: np.ndarray, decided: np.ndarray) -> float:
    """The lowest threshold, in hundredths from `FLOOR`, that removes at most `CONTENT_LOSS` of the
    held-out content lines, among those the model decides."""
    content = probs[(labels == 0) & decided]
    allowed = int(CONTENT_LOSS * max(1, int((labels == 0).sum())))
    for t in np.arange(FLOOR, 1.0, 0.01):
        if int((content >= t).sum()) <= allowed:
            return round(float(t), 2)
    return 0.99


def scores(lines: Lines, probs: np.ndarray, threshold: float) -> dict[str, float | int]:
    """Rules alone against rules and model: furniture removed and content kept over every line."""
    labels, kept, decided = np.array(lines.labels), np.array(lines.kept), np.array(lines.decided)
    learned = decided & (probs >= threshold)
    removed = ~kept | learned
    furniture, content = labels == 1, labels == 0
    return {
        "furniture lines": int(furniture.sum()),
        "content lines": int(content.sum()),
        "furniture removed, rules": round(float((~kept & furniture).sum() / max(1, furniture.sum())), 3),
        "furniture removed, rules and model": round(
            float((removed & furniture).sum() / max(1, furniture.sum())), 3
        ),
        "content kept, rules": round(float((kept & content).sum() / max(1, content.sum())), 3),
        "content kept, rules and model": round(float((~removed & content).sum() / max(1, content.sum())), 3),
        "model removals": int(learned.sum()),
        "model removals of content": int((learned & content).sum()),
    }


def _counts(lines: Lines) -> dict[str, int]:
    labels, kept = np.array(lines.labels), np.array(lines.kept)
    return {
        "lines": len(labels),
        "furniture": int(labels.sum()),
        "content": int((labels == 0).sum()),
        "kept by the rules": int(kept.sum()),
        "furniture kept by the rules": int((kept & (labels == 1)).sum()),
    }


def _card_text(card: dict) -> str:
    intro = [
        "A logistic regression that says whether a line the rule families kept is page furniture; a line",
        f"scored at or above {card['threshold']} is removed under the family `learned`. Trained by",
        "`python -m frontwatch.learn.line_train` on the team-written corpus only. `FRONTWATCH_LINES=off`",
        "turns it off.",
    ]
    labels = "; ".join(
        f"{part} {c['lines']} lines ({c['furniture']} furniture, {c['content']} content; "
        f"{c['kept by the rules']} kept by the rules, "
        f"{c['furniture kept by the rules']} of them furniture)"
        for part, c in card["label counts"].items()
    )
    return card_text("Boilerplate line classifier", intro, card, labels)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=line_model.MODEL_DIR)
    args = parser.parse_args(argv)
    os.environ["FRONTWATCH_LINES"] = "off"  # the examples are the rules' decisions, not an older model's
    started = time.perf_counter()
    settings = line_model.Settings(DIM, CHAR_SCALE, 0.5)
    folders = batches(args.corpus)
    # The corpus read as one run: the lines repeated at the edges of its documents.
    repeated = corpus_repeated(
        [prepare(source(f, a), a.get("published")) for f in folders for a in read_articles(f)]
    )
    train_folders, held_folders = split_batches(folders, SEED)
    train_set, held = Lines.empty(), Lines.empty()
    for f in train_folders:
        read_batch(f, repeated, settings, train_set)
    for f in held_folders:
        read_batch(f, repeated, settings, held)
    print(f"train {len(train_set.labels)} lines, held out {len(held.labels)}")
    width = DIM + line_model.DENSE_SIZE
    w, b = fit(train_set, width)
    held_probs = probabilities(held, w, b)
    threshold = choose_threshold(held_probs, np.array(held.labels), np.array(held.decided))
    args.out.mkdir(parents=True, exist_ok=True)
    write_weights(args.out / "weights.npz", w, b)
    settings_out = {
        "dim": DIM,
        "char_scale": CHAR_SCALE,
        "dense": line_model.DENSE_SIZE,
        "threshold": threshold,
    }
    (args.out / "lines.json").write_text(json.dumps(settings_out, indent=1) + "\n", "utf-8")
    train_probs = probabilities(train_set, w, b)
    card = {
        "model": "frontwatch boilerplate line classifier",
        "training data": training_data(
            args.corpus,
            train_folders,
            held_folders,
            "a line in the article's boilerplate list is furniture; every other non-blank line is content; "
            "a title repeated in the text is left out",
        ),
        "label counts": {"train": _counts(train_set), "held-out": _counts(held)},
        "features": {
            "hashed gram columns": DIM,
            "grams": "words, bigrams, first and last word (also by page region), symbols: unit length; "
            f"character trigrams: unit length times {CHAR_SCALE}",
            "dense features": line_model.DENSE_SIZE,
            "dense": "shape, two neighbours each side, position, region crosses, rule families, repeated",
        },
        "training": {
            "seed": SEED,
            "l2": L2,
            "steps": STEPS,
            "rate": RATE,
            "momentum": "Nesterov",
            "class weights": "balanced",
            "threshold rule": f"lowest from {FLOOR} removing at most {CONTENT_LOSS} of held-out content",
        },
        "threshold": threshold,
        "held-out scores": scores(held, held_probs, threshold),
        "train scores": scores(train_set, train_probs, threshold),
        "files": {name: sha256(args.out / name) for name in ("weights.npz", "lines.json")},
        "library versions": library_versions("numpy"),
    }
    (args.out / "model_card.json").write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    (args.out / "MODEL_CARD.md").write_text(_card_text(card), "utf-8")
    print(json.dumps(card["held-out scores"], indent=1))
    held_rows = zip(held_probs.tolist(), held.labels, held.decided, held.where, strict=True)
    ranked = sorted(held_rows, reverse=True)
    print("held-out content lines scored highest:")
    for p, _, _, where in [r for r in ranked if r[1] == 0 and r[2]][:10]:
        print(f"  {p:.3f} {where[:110]}")
    print("held-out furniture kept by rules and model:")
    for p, _, _, where in [r for r in ranked if r[1] == 1 and r[2] and r[0] < threshold][:15]:
        print(f"  {p:.3f} {where[:110]}")
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
