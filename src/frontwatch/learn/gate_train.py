"""Train the off-topic document gate: `python -m frontwatch.learn.gate_train [--out DIR]`.

A logistic regression (numpy, full-batch gradient descent, L2, classes weighted to balance) over the gate's
features of each article of the team-written corpus, read as the pipeline reads it: cleaned, then its places
found. An article whose `style` is `offtopic` is off-topic; every other one, war-adjacent pieces without an
event included, is about the war. A fixed-seed draw of batches is held out to choose the threshold: the
highest one that gates no held-out war article, halved, since a war article wrongly gated loses all its
events while an off-topic one let through only risks a few. Needs no extra beyond the base install.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontwatch.events import gate
from frontwatch.learn.examples import (
    CORPUS,
    SEED,
    batches,
    corpus_document,
    read_articles,
    read_gold,
    source,
    split_batches,
    training_data,
)
from frontwatch.learn.linear import card_text, fit, library_versions, probabilities, sha256, write_weights
from frontwatch.places import find_places

DIM = 1 << 14
PLACE_SCALE = 0.5
L2 = 1e-4
STEPS = 800
RATE = 2.0


@dataclass(frozen=True)
class Article:
    batch: str
    doc_id: str
    style: str
    row: np.ndarray
    war: bool
    snippet: bool = False  # one paragraph of the article, as a short post or bulletin comes


# A paragraph long enough to be a post of its own ("Kupiansk under guided bomb fire again this morning.")
SNIPPET_CHARS = 60


def read_batch(folder: Path, settings: gate.Settings) -> list[Article]:
    out: list[Article] = []
    gold = read_gold(folder)
    for a in read_articles(folder):
        doc, places = corpus_document(source(folder, a), a.get("published"))
        row = gate.features(gate.document_text(doc), places, settings)
        war = a["style"] != "offtopic"
        out.append(Article(folder.name, a["id"], a["style"], row, war))
        for text in snippets(gold.get(a["id"]), war):
            row = gate.features(text, find_places(a["id"], text), settings)
            out.append(Article(folder.name, a["id"], a["style"], row, war, snippet=True))
    return out


def snippets(gold: dict | None, war: bool) -> list[str]:
    """The article's content paragraphs that could come alone: of a war article, those that tell an event
    (a paragraph of background alone is not about the war); of an off-topic one, every one."""
    if gold is None:
        return []
    lines = [line for line in gold["content"] if len(line) >= SNIPPET_CHARS]
    if not war:
        return lines
    told = [e["evidence"] for e in gold["events"] if e.get("evidence")]
    return [line for line in lines if any(quote in line for quote in told)]


def choose_threshold(probs: np.ndarray, war: np.ndarray) -> float:
    """Half the lowest score of a held-out war article, rounded down to a hundredth."""
    lowest = float(probs[war == 1].min())
    return max(0.01, int(lowest * 50) / 100)


def scores(probs: np.ndarray, war: np.ndarray, threshold: float) -> dict[str, float | int]:
    gated = probs < threshold
    off = war == 0
    tp = int((gated & off).sum())
    return {
        "off-topic articles": int(off.sum()),
        "war articles": int((~off).sum()),
        "off-topic set aside": tp,
        "war articles set aside": int((gated & ~off).sum()),
        "precision (set aside)": round(tp / max(1, int(gated.sum())), 3),
        "recall (set aside)": round(tp / max(1, int(off.sum())), 3),
        "lowest war score": round(float(probs[~off].min()), 4) if (~off).any() else 1.0,
        "highest off-topic score": round(float(probs[off].max()), 4) if off.any() else 0.0,
    }


def _counts(articles: list[Article]) -> dict[str, int]:
    return {
        "articles": len(articles),
        "war": sum(a.war for a in articles),
        "off-topic": sum(not a.war for a in articles),
    }


def _card_text(card: dict) -> str:
    intro = [
        "A logistic regression that says whether a document is about armed conflict; a document scored",
        f"below {card['threshold']} keeps its places and yields no events. Trained by",
        "`python -m frontwatch.learn.gate_train` on the team-written corpus only.",
    ]
    labels = "; ".join(
        f"{part} {c['articles']} ({c['war']} war, {c['off-topic']} off-topic)"
        for part, c in card["label counts"].items()
    )
    return card_text("Off-topic document gate", intro, card, labels)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=gate.MODEL_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = gate.Settings(DIM, PLACE_SCALE, 0.5)
    train_folders, held_folders = split_batches(batches(args.corpus), SEED)
    train_set = [a for f in train_folders for a in read_batch(f, settings)]
    held = [a for f in held_folders for a in read_batch(f, settings)]
    print(f"train {len(train_set)} articles, held out {len(held)}")
    x, y = np.stack([a.row for a in train_set]), np.array([float(a.war) for a in train_set])
    w, b = fit(x, y, steps=STEPS, rate=RATE, l2=L2)
    held_x, held_war = np.stack([a.row for a in held]), np.array([int(a.war) for a in held])
    held_probs = probabilities(held_x, w, b)
    whole = np.array([not a.snippet for a in held])  # the threshold is chosen on whole articles, as before
    threshold = choose_threshold(held_probs[whole], held_war[whole])
    args.out.mkdir(parents=True, exist_ok=True)
    write_weights(args.out / "weights.npz", w, b)
    settings_out = {"dim": DIM, "place_scale": PLACE_SCALE, "threshold": threshold}
    (args.out / "gate.json").write_text(json.dumps(settings_out, indent=1) + "\n", "utf-8")
    card = {
        "model": "frontwatch off-topic document gate",
        "training data": training_data(
            args.corpus,
            train_folders,
            held_folders,
            "an article of style offtopic is off-topic; every other article is about the war",
        ),
        "label counts": {"train": _counts(train_set), "held-out": _counts(held)},
        "features": {
            "hashed word columns": DIM,
            "words": "lower-cased letters, 1 + log count, unit length",
            "place features": "share and log count of resolved places in UA/RU, log count of war words",
            "place scale": PLACE_SCALE,
        },
        "training": {
            "seed": SEED,
            "l2": L2,
            "steps": STEPS,
            "rate": RATE,
            "momentum": "Nesterov",
            "class weights": "balanced",
        },
        "threshold": threshold,
        "held-out scores": scores(held_probs[whole], held_war[whole], threshold),
        "held-out paragraphs alone": scores(held_probs[~whole], held_war[~whole], threshold),
        "train scores": scores(probabilities(x, w, b), y.astype(int), threshold),
        "files": {name: sha256(args.out / name) for name in ("weights.npz", "gate.json")},
        "library versions": library_versions("numpy"),
    }
    (args.out / "model_card.json").write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    (args.out / "MODEL_CARD.md").write_text(_card_text(card), "utf-8")
    print(json.dumps(card["held-out scores"], indent=1))
    for a, p in sorted(zip(held, held_probs.tolist(), strict=True), key=lambda t: t[1])[:12]:
        print(f"  {p:.3f} {'war' if a.war else 'off'} {a.style:10s} {a.doc_id}")
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
