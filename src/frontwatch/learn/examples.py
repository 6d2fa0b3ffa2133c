"""Sentence examples for the event typer, from the training corpus's exhaustive labels.

A sentence that holds an event's evidence carries that event's types, core and optional alike; every other
sentence of the content, those listed among the non-events included, is a negative.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from frontwatch.events.nlp import Sentence, split_sentences
from frontwatch.events.types import MODEL_ORDER
from frontwatch.pipeline import build_document, prepare
from frontwatch.places import find_places
from frontwatch.records import Document, PlaceMention, SourceDocument

TYPES = MODEL_ORDER
# Every trainer's fixed seed and the team-written corpus it reads (train/corpus, beside src/).
SEED = 20261207
CORPUS = Path(__file__).resolve().parents[3] / "train" / "corpus"


@dataclass(frozen=True)
class Example:
    batch: str
    doc_id: str
    text: str
    types: frozenset[str]
    hard: bool = False  # a non-event that looks like one


def batches(corpus: Path) -> list[Path]:
    """The corpus's batch folders, in name order."""
    return sorted(p for p in corpus.iterdir() if (p / "gold.json").is_file())


def corpus_digest(corpus: Path) -> str:
    """sha256 over every batch's files, in a fixed order, so a model card names the data it learned from."""
    h = hashlib.sha256()
    for folder in batches(corpus):
        for name in ("articles.jsonl", "gold.json"):
            h.update(f"{folder.name}/{name}\n".encode())
            h.update((folder / name).read_bytes())
    return h.hexdigest()


def read_articles(folder: Path) -> list[dict]:
    """A batch's articles, as its articles.jsonl gives them."""
    lines = (folder / "articles.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def read_gold(folder: Path) -> dict[str, dict]:
    """A batch's gold documents, by document id."""
    return {d["doc_id"]: d for d in json.loads((folder / "gold.json").read_text("utf-8"))["documents"]}


def source(folder: Path, article: dict) -> SourceDocument:
    """An article of a batch as the pipeline reads it."""
    return SourceDocument(
        article["id"], f"{folder.name}/articles.jsonl", text=article["text"], title=article.get("title")
    )


def corpus_document(src: SourceDocument, published: str | None) -> tuple[Document, list[PlaceMention]]:
    """A source cleaned by the rules (no corpus evidence) and its places, as a run finds them."""
    doc = build_document(prepare(src, published), frozenset())
    return doc, find_places(doc.doc_id, doc.text)


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place a gold evidence quote stands in the text."""
    out: list[tuple[int, int]] = []
    at = text.find(quote) if quote else -1
    while at >= 0:
        out.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


def training_data(corpus: Path, train: list[Path], held: list[Path], labels: str) -> dict[str, object]:
    """The model card's account of what a model learned from."""
    return {
        "corpus": "train/corpus (team-written)",
        "sha256": corpus_digest(corpus),
        "train batches": [f.name for f in train],
        "held-out batches": [f.name for f in held],
        "labels": labels,
    }


def batch_examples(folder: Path) -> list[Example]:
    """Every sentence of every document's content lines (boilerplate lines left out), split as the pipeline
    splits them, labelled with the types of the events whose evidence overlaps it."""
    gold = read_gold(folder)
    out: list[Example] = []
    for article in read_articles(folder):
        d, text = gold[article["id"]], article["text"]
        furniture = {b.strip() for b in d["boilerplate"]}
        sentences = [
            s
            for s in split_sentences(text)
            if text[text.rfind("\n", 0, s.start) + 1 : _line_end(text, s.end)].strip() not in furniture
        ]
        labels: list[set[str]] = [set() for _ in sentences]
        hard: list[bool] = [False] * len(sentences)
        for e in d["events"]:
            for k in _overlapping(sentences, text, e["evidence"]):
                labels[k] |= set(e["type"]) & set(TYPES)
        for n in d.get("non_events", []):
            for k in _overlapping(sentences, text, n["evidence"]):
                hard[k] = True
        out.extend(
            Example(folder.name, d["doc_id"], s.text, frozenset(t), hard=h and not t)
            for s, t, h in zip(sentences, labels, hard, strict=True)
        )
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _overlapping(sentences: list[Sentence], text: str, quote: str) -> list[int]:
    """Indexes of the sentences that overlap any occurrence of the quote."""
    hits = {
        k
        for at, end in quote_spans(text, quote)
        for k, s in enumerate(sentences)
        if s.start < end and at < s.end
    }
    return sorted(hits)


def split_batches(folders: list[Path], seed: int, share: float = 0.15) -> tuple[list[Path], list[Path]]:
    """Train and held-out batches: within each family of batches (the name before its number) a fixed-seed
    draw of about `share` of them, at least one, is held out."""
    families: dict[str, list[Path]] = {}
    for f in folders:
        families.setdefault(f.name.rsplit("-", 1)[0], []).append(f)
    rng = random.Random(seed)
    held: set[Path] = set()
    for name in sorted(families):
        members = sorted(families[name])
        held.update(rng.sample(members, max(1, round(len(members) * share))))
    return [f for f in folders if f not in held], [f for f in folders if f in held]


def sample_negatives(examples: list[Example], ratio: float, seed: int) -> list[Example]:
    """Every positive and every hard negative, and plain negatives up to `ratio` times the positives: the
    run stays small, and the thresholds are chosen later on the natural mix of the held-out batches."""
    keep = [e for e in examples if e.types or e.hard]
    plain = [e for e in examples if not e.types and not e.hard]
    want = max(0, int(ratio * sum(1 for e in examples if e.types)) - sum(1 for e in keep if not e.types))
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(plain)), min(want, len(plain))))
    picked = keep + [e for i, e in enumerate(plain) if i in chosen]
    rng.shuffle(picked)
    return picked
