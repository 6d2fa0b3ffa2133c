"""Article body extraction scored against the article-extraction-benchmark gold (181 news and blog pages).

The metric is the benchmark's own (its README defers to evaluate.py and the technical report): texts are
split into \\w+ tokens, compared as bags (multisets) of 4-token shingles, precision and recall are computed
per page and averaged over pages (macro), and F1 is the harmonic mean of those two averages.
A page with nothing predicted counts towards recall only.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from frontwatch.pipeline import build_document, corpus_repeated, prepare
from frontwatch.records import SourceDocument

DATA = Path("/work/shared/data/article_extraction_benchmark")
SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def page_scores(gold: str, pred: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where undefined (nothing predicted, or an empty gold)."""
    g, p = shingles(gold), shingles(pred)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    if fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else None)


def score(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    pairs = [page_scores(gold[k], pred.get(k) or "") for k in gold]
    precision = statistics.mean(p for p, _ in pairs if p is not None)
    recall = statistics.mean(r for _, r in pairs if r is not None)
    return precision, recall, 2 * precision * recall / (precision + recall)


def figures(prf: tuple[float, float, float]) -> str:
    return f"{prf[0]:9.3f} {prf[1]:7.3f} {prf[2]:6.3f}"


def ours(pages: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The body the pipeline stores: extraction, rule cleaning, corpus-repeated lines; title kept apart."""
    prepared = [prepare(SourceDocument(k, k, html=html, url=url)) for k, (url, html) in pages.items()]
    repeated = corpus_repeated(prepared)
    return {p.source.doc_id: build_document(p, repeated).text for p in prepared}


def with_trafilatura(**options) -> Callable[[dict[str, tuple[str, str]]], dict[str, str]]:
    def run(pages: dict[str, tuple[str, str]]) -> dict[str, str]:
        return {k: trafilatura.extract(html, url=url, **options) or "" for k, (url, html) in pages.items()}

    return run


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: benchmark data not found at {DATA}")
        return 0
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {k: v.get("articleBody") or "" for k, v in truth.items()}
    pages = {
        k: (v.get("url"), gzip.decompress((DATA / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8"))
        for k, v in truth.items()
    }
    print(f"{len(pages)} pages; 4-token shingle bags, per-page precision/recall averaged (macro)")
    print(f"{'system':<36} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    runs = {
        "frontwatch (extract_page + clean)": ours,
        "trafilatura.extract, defaults": with_trafilatura(),
        "trafilatura.extract, no comments": with_trafilatura(include_comments=False),
    }
    predictions: dict[str, dict[str, str]] = {}
    for name, run in runs.items():
        start = time.perf_counter()
        predictions[name] = run(pages)
        rate = len(pages) / (time.perf_counter() - start)
        print(f"{name:<36} {figures(score(gold, predictions[name]))} {rate:8.1f}")
    for path in sorted((DATA / "output").glob("*.json")):
        stored = json.loads(path.read_text(encoding="utf-8"))
        version = stored.get("version", "")
        stored = stored.get("output", stored)  # some files wrap the outputs with a version
        pred = {k: (stored.get(k) or {}).get("articleBody") or "" for k in gold}
        label = f"stored {path.stem} {version}".strip()
        print(f"{label:<36} {figures(score(gold, pred))}")

    # Where frontwatch and trafilatura alone disagree most, to see what extraction or cleaning costs.
    mine, theirs = (
        predictions["frontwatch (extract_page + clean)"],
        predictions["trafilatura.extract, no comments"],
    )

    def f1(k: str, pred: dict[str, str]) -> float:
        p, r = page_scores(gold[k], pred[k])
        return 2 * p * r / (p + r) if p and r else 0.0

    deltas = sorted(((f1(k, mine) - f1(k, theirs), k) for k in gold), key=lambda d: abs(d[0]), reverse=True)
    print("\nlargest per-page F1 differences, frontwatch minus trafilatura (no comments):")
    for delta, k in deltas[:8]:
        print(f"  {delta:+.2f}  {k[:12]}  {truth[k].get('url', '')[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
