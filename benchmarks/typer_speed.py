"""Speed of the learned sentence typer (int8 ONNX, onnxruntime on 2 threads) on the sentences of the
team-written training corpus's held-out batches: load time, sentences/second, and its share of the
sentences the trigger prefilter passes.

usage: python benchmarks/typer_speed.py [--rounds N]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from frontwatch.events import nlp, typer
from frontwatch.learn.examples import batch_examples, batches, split_batches

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261207  # the training script's draw of held-out batches


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    _, held = split_batches(batches(ROOT / "train" / "corpus"), SEED)
    sentences = [e.text for f in held for e in batch_examples(f)]
    started = time.perf_counter()
    model = typer.Typer()
    print(f"load: {time.perf_counter() - started:.2f} s")
    passed = [s for s in sentences if nlp.prefilter(s)]
    for label, texts in (("every sentence", sentences), ("prefiltered", passed)):
        rates = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            model.types_of(texts)
            rates.append(len(texts) / (time.perf_counter() - started))
        print(f"{label}: {len(texts)} sentences, {min(rates):.0f}-{max(rates):.0f} sentences/s")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
