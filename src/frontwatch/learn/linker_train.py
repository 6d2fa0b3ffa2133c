"""Train the place linker: `python -m frontwatch.learn.linker_train [--out DIR]`.

Each article of the team-written corpus is read as the pipeline reads it (cleaned, its places found, its
sentences selected, parsed and read by the rules), with the linker off, once with the sentence typer off and
once in its `learned` mode, whose extra events are those that most need a place. Each event mention the
rules produce is paired with the gold events of its type whose evidence overlaps its sentence; a candidate
place is a positive when it is the gold `place_mention` or a place the shared scorer accepts for the event
(none is, for an event with no place), and a mention paired with no gold event teaches nothing. A logistic
regression (numpy, full-batch gradient descent, L2) scores the candidates. A fixed-seed draw of batches is
held out to choose the threshold (the one that makes the most held-out mentions take a right place, the
higher on a tie) and to score the linker against the rules. Needs no extra beyond the base install.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from frontwatch.events import components, document, nlp, place_linker, typer
from frontwatch.events.annotations import annotate
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
from frontwatch.learn.linear import card_text, fit, library_versions, pairs, sha256, write_weights
from frontwatch.records import Document, Place, PlaceMention

TYPER_MODES = ("off", "learned")
L2 = 1e-3
STEPS = 3000
RATE = 0.2
NEAR_KM = 30.0  # the shared scorer's distance for a settlement or a site
DIVISION_WORDS = ("region", "oblast", "district", "province", "raion", "territory")


@dataclass(frozen=True)
class Example:
    """One event mention paired with gold: its candidates' rows and labels, and what is right for it."""

    batch: str
    doc_id: str
    type: str
    rows: list[list[float]]
    labels: list[bool]
    rule: list[bool]
    ok: list[bool]  # whether each candidate is a right place for the event, by the scorer's rule
    rules_ok: bool  # whether the rules' own places are right
    sentence: str
    placed: bool  # whether a paired gold event has a place


def norm(name: str) -> str:
    words = name.replace("’", "'").strip(" '\".,").lower().split()
    while len(words) > 1 and words[-1] in DIVISION_WORDS:
        words.pop()
    return " ".join(words)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def place_ok(place: Place | None, golds: list[dict]) -> bool:
    """Whether a place is one of an event's acceptable gold places, as the shared scorer judges it: the same
    region or country, the same GeoNames id, or a settlement or site within 30 km; with no gold place, none,
    a country or a region is right."""
    if not golds:
        return place is None or place.kind in ("country", "region")
    if place is None:
        return False
    for g in golds:
        if g["kind"] == "region":
            if place.kind == "region" and place.admin1 == g.get("admin1"):
                return True
        elif g["kind"] == "country":
            if place.kind == "country" and place.country == g.get("country"):
                return True
        elif (g.get("geonameid") and place.geonameid == g["geonameid"]) or (
            place.kind in ("settlement", "feature")
            and None not in (place.lat, place.lon, g.get("lat"), g.get("lon"))
            and _km((place.lat, place.lon), (g["lat"], g["lon"])) <= NEAR_KM  # type: ignore[arg-type]
        ):
            return True
    return False


def read_document(
    doc: Document, places: list[PlaceMention]
) -> list[tuple[nlp.Sentence, place_linker.Mention]]:
    """The document's event mentions as the rules leave them, before the passes over the whole document."""
    how = typer.mode()
    reading = document._reading(doc, places)
    selected, typed = document._select(reading.sentences, how)
    learned = typed if how in ("add", "learned") and typed is not None else {}
    confirm = typed if how in ("types", "learned") else None
    texts = (reading.sentences[i].text for i in selected)
    for i, sdoc in zip(selected, nlp.parse(texts), strict=True):
        sure = confirm.get(i, frozenset()) if confirm is not None else None
        reading.parsed[i] = annotate(sdoc, reading, i, learned.get(i, frozenset()), sure)
    return [
        (reading.sentences[sdoc._.index], m)
        for sdoc in components.pipeline().pipe(reading.parsed.values())
        for m in place_linker.mentions(sdoc)
    ]


def read_batch(folder: Path) -> list[Example]:
    gold = read_gold(folder)
    out: list[Example] = []
    for a in read_articles(folder):
        doc, places = corpus_document(source(folder, a), a.get("published"))
        events = gold[a["id"]]["events"]
        spans = [(e, quote_spans(doc.text, e["evidence"])) for e in events]
        for sent, m in read_document(doc, places):
            paired = [
                e
                for e, where in spans
                if m.type in e["type"] and any(s < sent.end and sent.start < t for s, t in where)
            ]
            if not paired or (not m.candidates and not m.rules):
                continue
            names = {norm(e["place_mention"]) for e in paired if e.get("place_mention")}
            values = [e["place"] for e in paired]
            labels, ok = [], []
            for c in m.candidates:
                right = any(place_ok(c.place.place, v) for v in values if v)
                labels.append(norm(c.place.mention) in names or right)
                ok.append(any(place_ok(c.place.place, v) for v in values))
            first_rule = m.rules[0].place if m.rules else None
            rules_ok = any(place_ok(first_rule, v) for v in values)
            out.append(
                Example(
                    folder.name,
                    doc.doc_id,
                    m.type,
                    [place_linker.row(c.features) for c in m.candidates],
                    labels,
                    [c.rule for c in m.candidates],
                    ok,
                    rules_ok,
                    sent.text,
                    any(values),
                )
            )
    return out


def targets(ex: Example) -> list[bool]:
    """A candidate is a positive when it is the gold place mention or a place the scorer accepts for the
    event; an event with no place has none (the scorer lets a region pass there, but it is no place of it)."""
    return [a or (b and ex.placed) for a, b in zip(ex.labels, ex.ok, strict=True)]


def decide(ex: Example, probs: np.ndarray, threshold: float) -> bool:
    """Whether the mention ends with a right place when the linker decides at `threshold` (as
    `Linker.choose`: the best candidate replaces the rules' choice when it is not among it and scores
    above the threshold)."""
    if not len(probs):
        return ex.rules_ok
    best = int(np.argmax(probs))
    if ex.rule[best] or probs[best] < threshold:
        return ex.rules_ok
    return bool(ex.ok[best])


def scores(examples: list[Example], probs: list[np.ndarray], threshold: float) -> dict[str, float | int]:
    n = len(examples)
    rules = sum(ex.rules_ok for ex in examples)
    linked = sum(bool(decide(ex, p, threshold)) for ex, p in zip(examples, probs, strict=True))
    changed = sum(
        bool(len(p) and not ex.rule[int(np.argmax(p))] and p.max() >= threshold)
        for ex, p in zip(examples, probs, strict=True)
    )
    return {
        "mentions": n,
        "changed by the linker": changed,
        "rules right": rules,
        "linker right": linked,
        "rules accuracy": round(rules / max(1, n), 3),
        "linker accuracy": round(linked / max(1, n), 3),
    }


def choose_threshold(examples: list[Example], probs: list[np.ndarray]) -> float:
    grid = [round(0.30 + 0.05 * k, 2) for k in range(14)]
    right = {t: sum(decide(ex, p, t) for ex, p in zip(examples, probs, strict=True)) for t in grid}
    best = max(right.values())
    return max(t for t, r in right.items() if r == best)


def _counts(examples: list[Example]) -> dict[str, int]:
    return {
        "mentions": len(examples),
        "candidates": sum(len(ex.labels) for ex in examples),
        "candidates named by the gold place_mention": sum(sum(ex.labels) for ex in examples),
        "positive candidates": sum(sum(targets(ex)) for ex in examples),
        "mentions without a positive": sum(not any(targets(ex)) for ex in examples),
    }


def _card_text(card: dict) -> str:
    intro = [
        "A logistic regression that scores, for an event mention, each candidate place (in its sentence, the",
        "two before, the document's first sentence, the rules' choice) as where the event happened; the best",
        "candidate replaces the rules' choice when it is not among it and scores at least "
        f"{card['threshold']}.",
        "Trained by `python -m frontwatch.learn.linker_train` on the team-written corpus only.",
    ]
    labels = "; ".join(f"{part}: " + pairs(c) for part, c in card["label counts"].items())
    return card_text(
        "Place linker",
        intro,
        card,
        labels,
        [
            "- held-out by typer mode: "
            + "; ".join(f"{mode}: " + pairs(s) for mode, s in card["held-out scores by typer mode"].items())
        ],
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=place_linker.MODEL_DIR)
    parser.add_argument("--cache", type=Path, help="JSON file of the read examples: written, then reused")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    os.environ["FRONTWATCH_LINKER"] = "off"  # the rules' own places, as the linker will see them
    train_folders, held_folders = split_batches(batches(args.corpus), SEED)
    by_mode: dict[str, tuple[list[Example], list[Example]]] = {}
    if args.cache is not None and args.cache.exists():
        saved = json.loads(args.cache.read_text("utf-8"))
        by_mode = {
            how: ([Example(**e) for e in a], [Example(**e) for e in b]) for how, (a, b) in saved.items()
        }
    for how in TYPER_MODES:
        if how in by_mode:
            continue
        os.environ["FRONTWATCH_TYPER"] = how
        train_part = [ex for f in train_folders for ex in read_batch(f)]
        held_part = [ex for f in held_folders for ex in read_batch(f)]
        by_mode[how] = (train_part, held_part)
        print(f"typer {how}: train {len(train_part)} mentions, held out {len(held_part)}")
    if args.cache is not None:
        plain = {how: ([asdict(e) for e in a], [asdict(e) for e in b]) for how, (a, b) in by_mode.items()}
        args.cache.write_text(json.dumps(plain), "utf-8")
    # a mention both modes produce is one example: kept once, from the first mode
    train_set = _unique(ex for how in TYPER_MODES for ex in by_mode[how][0])
    held = _unique(ex for how in TYPER_MODES for ex in by_mode[how][1])
    rows = [r for ex in train_set for r in ex.rows]
    x = np.array(rows, dtype=float).reshape(len(rows), len(place_linker.FEATURES))
    y = np.array([float(v) for ex in train_set for v in targets(ex)])
    w, b = fit(x, y, steps=STEPS, rate=RATE, l2=L2, balanced=False)

    def probs_of(examples: list[Example]) -> list[np.ndarray]:
        return [1.0 / (1.0 + np.exp(-(np.array(ex.rows).reshape(-1, len(w)) @ w + b))) for ex in examples]

    held_probs = probs_of(held)
    threshold = choose_threshold(held, held_probs)
    args.out.mkdir(parents=True, exist_ok=True)
    write_weights(args.out / "weights.npz", w, b)
    settings = {"threshold": threshold, "features": list(place_linker.FEATURES)}
    (args.out / "linker.json").write_text(json.dumps(settings, indent=1) + "\n", "utf-8")
    card = {
        "model": "frontwatch place linker",
        "training data": {
            **training_data(
                args.corpus,
                train_folders,
                held_folders,
                "a candidate is positive when it is the gold place_mention of a gold event of the "
                "mention's type whose evidence overlaps its sentence, or a place the shared scorer accepts "
                "for that event when it has a place",
            ),
            "typer modes read": list(TYPER_MODES),
        },
        "label counts": {"train": _counts(train_set), "held-out": _counts(held)},
        "training": {"seed": SEED, "l2": L2, "steps": STEPS, "rate": RATE, "momentum": "Nesterov"},
        "threshold": threshold,
        "held-out scores": scores(held, held_probs, threshold),
        "held-out scores by typer mode": {
            how: scores(by_mode[how][1], probs_of(by_mode[how][1]), threshold) for how in TYPER_MODES
        },
        "train scores": scores(train_set, probs_of(train_set), threshold),
        "weights": {name: round(float(v), 3) for name, v in zip(place_linker.FEATURES, w, strict=True)},
        "files": {name: sha256(args.out / name) for name in ("weights.npz", "linker.json")},
        "library versions": library_versions("numpy", "spacy"),
    }
    (args.out / "model_card.json").write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    (args.out / "MODEL_CARD.md").write_text(_card_text(card), "utf-8")
    print(json.dumps(card["held-out scores"], indent=1))
    print(json.dumps(card["held-out scores by typer mode"], indent=1))
    print(f"done in {time.perf_counter() - started:.0f} s")


def _unique(examples: Iterable[Example]) -> list[Example]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Example] = []
    for ex in examples:
        key = (ex.doc_id, ex.type, ex.sentence + repr(ex.rows))
        if key not in seen:
            seen.add(key)
            out.append(ex)
    return out


if __name__ == "__main__":
    main()
