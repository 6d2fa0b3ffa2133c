"""The sentence event typer: which of the eight event types a sentence reports, learned from the
team-written corpus (`frontwatch.learn.typer_train`). A fine-tuned MiniLM, int8 ONNX, run with onnxruntime
and the `tokenizers` library only; loaded once per process.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from frontwatch.linear import logistic

MODEL_DIR = Path(__file__).parent / "typer_model"
MAX_TOKENS = 96


class Typer:
    def __init__(
        self, folder: Path = MODEL_DIR, thresholds: dict[str, float] | None = None, threads: int = 1
    ) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        if threads == 1:  # a thread that spins when idle takes the CPU that other workers' parsing needs
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(folder / "typer.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # the file pads to 128; one sentence a run needs none
        if thresholds is None:
            thresholds = json.loads((folder / "thresholds.json").read_text("utf-8"))
        self.types = tuple(thresholds)
        self.thresholds = thresholds

    def probabilities(self, sentences: Sequence[str]) -> list[list[float]]:
        """Each sentence's probability of each type, in `self.types` order."""
        import numpy as np

        # One sentence a run: the int8 model quantizes its activations with a scale taken over the whole
        # input, so in a batch a sentence's probabilities moved by up to 0.23 with its neighbours.
        out: list[list[float]] = []
        for enc in self.tokenizer.encode_batch(list(sentences)):
            ids = np.array([enc.ids], dtype=np.int64)
            mask = np.array([enc.attention_mask], dtype=np.int64)
            (logits,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            out.append([logistic(x) for x in logits[0].tolist()])
        return out

    def types_of(self, sentences: Sequence[str]) -> list[frozenset[str]]:
        """Each sentence's types: those whose probability reaches the type's threshold."""
        return [
            frozenset(t for t, p in zip(self.types, row, strict=True) if p >= self.thresholds[t])
            for row in self.probabilities(sentences)
        ]


@cache
def shared() -> Typer:
    """The shipped model, loaded on first use."""
    return Typer(threads=threads())


def threads() -> int:
    """One thread in a pool worker: a run uses one process per core (`--workers`), and a second thread
    took the CPU the other workers' parsing needed (twice the CPU per sentence under load). A run in one
    process parses on one core and leaves the next idle: two threads type a sentence in 2.9 ms, not 4.8.
    The probabilities are the same bit for bit with one thread or two."""
    return 1 if multiprocessing.parent_process() is not None else min(2, os.cpu_count() or 1)


def sentence_types(sentences: Sequence[str]) -> list[frozenset[str]]:
    """The shipped typer's types for each sentence."""
    return shared().types_of(sentences) if sentences else []


# How the pipeline uses the typer (FRONTWATCH_TYPER): "off" parses the sentences the trigger prefilter
# passes, as before; "gate" parses only those of them the typer types; "union" parses those the prefilter
# passes or the typer types; "types" parses as "off" and keeps only the rule events of a type the typer
# gives their sentence (only sentences with an event are typed); "add" parses as "union" and, in a sentence
# where the rules find no trigger at all, lets each type the typer gives it take the main verb as trigger;
# "learned" parses as "gate" and reads as "add", and its events must have a type the typer gives their
# sentence.
MODES = ("off", "gate", "union", "types", "add", "learned")
# On real articles nobody tuned for (the dev split, set E) "types" halves the rules' false events and loses
# none they found, typing a sentence or two per article. "learned" keeps that and finds more where no rule
# knows the verb (set E 0.63 -> 0.71, val 0.65 -> 0.66, the seeds, sets A-C and dev as they were); it types
# every candidate sentence, which a run in one process does on a second thread (1.2 times the run of
# "types", about what "types" took on one thread).
DEFAULT = "learned"


def mode() -> str:
    value = os.environ.get("FRONTWATCH_TYPER", DEFAULT).strip().lower() or DEFAULT
    if value not in MODES:
        raise ValueError(f"FRONTWATCH_TYPER must be one of {', '.join(MODES)}, not {value!r}")
    return value
