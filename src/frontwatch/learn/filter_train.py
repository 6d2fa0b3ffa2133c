"""Train the event-instance filter: `python -m frontwatch.learn.filter_train [--out DIR]`.

Each article of the team-written corpus is read as the pipeline reads it (cleaned, its places found, its
sentences selected, parsed and run through the events components with the filter off), and each raw event
mention the rules produce is an example: positive when its sentence overlaps the evidence of a gold event
(core or optional) of its type, negative otherwise (a sentence the gold lists among the non-events, or no
gold event at all). A logistic regression (numpy, full-batch gradient descent, L2, classes weighted to
balance) learns the filter's hashed features. A fixed-seed draw of batches is held out to score the model.
The thresholds are chosen on the training batches' out-of-fold scores (the batches dealt into `FOLDS` folds
by a fixed seed, each fold scored by a model fitted on the others), which see far more mentions than the
held-out draw alone, and favour recall: a real event wrongly dropped is worse than a false one kept. The
threshold is the highest hundredth that drops at most `MAX_DROPPED` of the real mentions of unprotected
types; a protected type (one a place's control timeline is built from) is dropped only below half the
lowest score of any real mention of such a type. Needs no extra beyond the base install.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from frontwatch.events import components, document, gate, instance_filter, nlp
from frontwatch.events.annotations import Reading, annotate, events_of
from frontwatch.events.context import RawEvent
from frontwatch.events.types import control_types
from frontwatch.learn.examples import (
    CORPUS,
    SEED,
    batches,
    corpus_document,
    quote_spans,
    read_articles,
    read_gold,
    source,
    split_batches,
    training_data,
)
from frontwatch.learn.linear import (
    card_text,
    fit,
    library_versions,
    pairs,
    probabilities,
    sha256,
    write_weights,
)
from frontwatch.linear import bucket
from frontwatch.records import SourceDocument

DIM = 1 << 13
L2 = 1e-2
STEPS = 600
RATE = 1.0
FOLDS = 5
MAX_DROPPED = 0.01  # the share of real mentions (out of fold) the threshold may drop
# The types a place's timeline depends on: the control types, and annexation, which moves sovereignty.
PROTECTED = tuple(sorted({*control_types(), "annexation"}))


@dataclass(frozen=True)
class Mention:
    batch: str
    doc_id: str
    type: str
    sentence: str
    names: tuple[str, ...]
    real: bool
    why: str  # "event", or the gold's reason for a non-event, or "none"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def raw_mentions(src: SourceDocument, published: str | None) -> tuple[str, list[RawEvent], Reading | None]:
    """The cleaned text and the raw mentions the rules produce, after the passes over the document (the
    filter's own off): what the filter sees."""
    doc, places = corpus_document(src, published)
    if gate.sets_aside(doc, places):
        return doc.text, [], None
    reading = document._reading(doc, places)
    selected, _ = document._select(reading.sentences, "off")
    texts = (reading.sentences[i].text for i in selected)
    for i, sdoc in zip(selected, nlp.parse(texts), strict=True):
        reading.parsed[i] = annotate(sdoc, reading, i)
    raws = [r for sdoc in components.pipeline().pipe(reading.parsed.values()) for r in events_of(sdoc)]
    for step in document.PASSES:
        if step is not document.filter_instances:  # what the filter is shown, whatever FRONTWATCH_FILTER says
            raws = step(reading, raws)
    return doc.text, raws, reading


def read_batch(folder: Path) -> list[Mention]:
    gold = read_gold(folder)
    out: list[Mention] = []
    for a in read_articles(folder):
        text, raws, reading = raw_mentions(source(folder, a), a.get("published"))
        if reading is None:
            continue
        d = gold[a["id"]]
        events = [(set(e["type"]), quote_spans(text, e["evidence"])) for e in d["events"]]
        non_events = [(n["why"], quote_spans(text, n["evidence"])) for n in d.get("non_events", [])]
        pub = reading.pub
        for r in raws:
            s, e = r.sentence.start, r.sentence.end
            real = any(r.type in types and _overlaps(spans, s, e) for types, spans in events)
            why = "event" if real else next((w for w, spans in non_events if _overlaps(spans, s, e)), "none")
            names = tuple(instance_filter.feature_names(r, pub))
            out.append(Mention(folder.name, a["id"], r.type, r.sentence.text, names, real, why))
        reading.parsed.clear()
    return out


def matrix(mentions: list[Mention], dim: int) -> np.ndarray:
    x = np.zeros((len(mentions), dim))
    for k, m in enumerate(mentions):
        for name in m.names:
            x[k, bucket(name, dim)] = 1.0
    return x


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    # The "bias" feature is a column of its own, so no intercept.
    return fit(x, y, steps=STEPS, rate=RATE, l2=L2, intercept=False)


def out_of_fold(mentions: list[Mention]) -> np.ndarray:
    """Each mention's score by a model fitted without its batch's fold."""
    names = sorted({m.batch for m in mentions})
    random.Random(SEED).shuffle(names)
    fold_of = {b: k % FOLDS for k, b in enumerate(names)}
    probs = np.zeros(len(mentions))
    for k in range(FOLDS):
        inside = np.array([fold_of[m.batch] == k for m in mentions])
        rest = [m for m, i in zip(mentions, inside, strict=True) if not i]
        w, b = _fit(matrix(rest, DIM), np.array([float(m.real) for m in rest]))
        probs[inside] = probabilities(
            matrix([m for m, i in zip(mentions, inside, strict=True) if i], DIM), w, b
        )
    return probs


def choose_thresholds(probs: np.ndarray, real: np.ndarray, protected: np.ndarray) -> tuple[float, float]:
    """The highest hundredth that drops at most MAX_DROPPED of the real mentions of unprotected types; for
    protected types, half the lowest score of a real one, rounded down (at least 0.01)."""
    scores = np.sort(probs[(real == 1) & ~protected])
    cut = float(scores[int(MAX_DROPPED * len(scores))]) if len(scores) else 0.5
    threshold = max(0.01, int(cut * 100) / 100)
    lowest = float(probs[(real == 1) & protected].min()) if ((real == 1) & protected).any() else 0.02
    return threshold, max(0.01, int(lowest * 50) / 100)


def scores(
    probs: np.ndarray, real: np.ndarray, protected: np.ndarray, threshold: float, control: float
) -> dict[str, float | int]:
    dropped = np.where(protected, probs < control, probs < threshold)
    false = real == 0
    caught = int((dropped & false).sum())
    kept_real = int((~dropped & ~false).sum())
    kept_false = int((~dropped & false).sum())
    before = int((~false).sum()) / max(1, len(real))
    after = kept_real / max(1, kept_real + kept_false)
    return {
        "mentions": len(real),
        "real": int((~false).sum()),
        "false": int(false.sum()),
        "false dropped": caught,
        "real dropped": int((dropped & ~false).sum()),
        "protected real dropped": int((dropped & ~false & protected).sum()),
        "precision before": round(before, 3),
        "precision after": round(after, 3),
        "recall kept": round(kept_real / max(1, int((~false).sum())), 3),
    }


def _counts(mentions: list[Mention]) -> dict[str, int]:
    c = Counter(m.why for m in mentions)
    return {"mentions": len(mentions), "real": c.pop("event", 0), **dict(sorted(c.items()))}


def _card_text(card: dict) -> str:
    intro = [
        "A logistic regression that says whether an event mention of the sentence rules is a new reportable",
        f"event; a mention scored below {card['threshold']} is dropped, one of a protected type",
        f"({', '.join(card['protected'])}) only below {card['control threshold']}. It runs where",
        "FRONTWATCH_FILTER=on (off by default). Trained by `python -m frontwatch.learn.filter_train` on the",
        "team-written corpus only.",
    ]
    labels = "; ".join(f"{part}: " + pairs(c) for part, c in card["label counts"].items())
    return card_text("Event-instance filter", intro, card, labels)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=instance_filter.MODEL_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    os.environ["FRONTWATCH_FILTER"] = "off"  # the examples are what the rules give the filter
    os.environ["FRONTWATCH_TYPER"] = "off"
    train_folders, held_folders = split_batches(batches(args.corpus), SEED)
    train_set = [m for f in train_folders for m in read_batch(f)]
    held = [m for f in held_folders for m in read_batch(f)]
    print(f"train {len(train_set)} mentions, held out {len(held)}")
    x, y = matrix(train_set, DIM), np.array([float(m.real) for m in train_set])
    w, b = _fit(x, y)
    held_x, held_real = matrix(held, DIM), np.array([int(m.real) for m in held])
    held_protected = np.array([m.type in PROTECTED for m in held])
    held_probs = probabilities(held_x, w, b)
    train_protected = np.array([m.type in PROTECTED for m in train_set])
    oof = out_of_fold(train_set)
    threshold, control = choose_thresholds(oof, y.astype(int), train_protected)
    args.out.mkdir(parents=True, exist_ok=True)
    write_weights(args.out / "weights.npz", w, b)
    settings = {
        "dim": DIM,
        "threshold": threshold,
        "control_threshold": control,
        "protected": list(PROTECTED),
    }
    (args.out / "filter.json").write_text(json.dumps(settings, indent=1) + "\n", "utf-8")
    card = {
        "model": "frontwatch event-instance filter",
        "training data": training_data(
            args.corpus,
            train_folders,
            held_folders,
            "a raw mention of the rules (typer and filter off) is real when its sentence overlaps the "
            "evidence of a gold event, core or optional, of its type; every other one is false",
        ),
        "label counts": {"train": _counts(train_set), "held-out": _counts(held)},
        "features": {
            "hashed columns": DIM,
            "window": instance_filter.WINDOW,
            "cue ancestors": instance_filter.ANCESTORS,
            "cues": ", ".join(instance_filter.CUES),
        },
        "training": {
            "seed": SEED,
            "l2": L2,
            "steps": STEPS,
            "rate": RATE,
            "momentum": "Nesterov",
            "class weights": "balanced",
            "folds for the thresholds": FOLDS,
            "max share of real mentions dropped (out of fold)": MAX_DROPPED,
        },
        "threshold": threshold,
        "control threshold": control,
        "protected": list(PROTECTED),
        "held-out scores": scores(held_probs, held_real, held_protected, threshold, control),
        "out-of-fold scores": scores(oof, y.astype(int), train_protected, threshold, control),
        "train scores": scores(probabilities(x, w, b), y.astype(int), train_protected, threshold, control),
        "files": {name: sha256(args.out / name) for name in ("weights.npz", "filter.json")},
        "library versions": library_versions("numpy", "spacy"),
    }
    (args.out / "model_card.json").write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    (args.out / "MODEL_CARD.md").write_text(_card_text(card), "utf-8")
    print(json.dumps(card["label counts"], indent=1))
    print(json.dumps(card["held-out scores"], indent=1))
    dropped = [
        (p, m)
        for m, p, pr in zip(held, held_probs.tolist(), held_protected.tolist(), strict=True)
        if p < (control if pr else threshold)
    ]
    for p, m in sorted(dropped, key=lambda t: t[0])[:40]:
        print(f"  {p:.3f} {'REAL' if m.real else m.why:10s} {m.type:12s} {m.sentence[:110]!r}")
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
