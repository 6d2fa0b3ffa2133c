"""The training corpus is well formed: quotes verbatim, whole boilerplate lines, known labels, every type."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "train" / "corpus"


def _checker():
    spec = importlib.util.spec_from_file_location("check_corpus", ROOT / "train" / "check_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BATCHES = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.exists() else []


@pytest.mark.parametrize("batch", BATCHES, ids=[b.name for b in BATCHES])
def test_batch_has_no_problem(batch: Path) -> None:
    _, n_articles, problems = _checker().check(batch)
    assert n_articles > 0
    assert problems == 0


def test_every_type_has_a_hundred_event_mentions() -> None:
    checker = _checker()
    total: Counter = Counter()
    for batch in BATCHES:
        total += checker.check(batch)[0]
    assert set(total) == checker.TYPES
    assert min(total.values()) >= 100, total


def test_checker_finds_a_quote_that_is_not_in_the_text(tmp_path: Path) -> None:
    checker = _checker()
    doc = {
        "doc_id": "x",
        "boilerplate": ["Share this"],
        "content": [],
        "places": [],
        "events": [
            {"id": "x-e1", "type": ["attack"], "status": ["reported"], "evidence": "shelled Kupiansk",
             "place": [], "place_mention": None, "quantities": {}}
        ],
    }  # fmt: skip
    problems = checker.check_document(doc, "Troops shelled Kupyansk.\nShare this now", set(), Counter())
    assert any("evidence of x-e1" in p for p in problems)
    assert any("boilerplate must be a whole line" in p for p in problems)
