"""The seed articles scored by the project's scorer, when ../shared is beside the checkout."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SHARED
from frontwatch.export import export
from frontwatch.pipeline import run
from frontwatch.store import Store

SEEDS = SHARED / "corpus" / "seeds.jsonl"
GOLD = SHARED / "eval" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SEEDS.exists() or not SCORER.exists(), reason="../shared is not present")


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("seeds")
    with pytest.MonkeyPatch.context() as mp, Store(f"sqlite:///{tmp / 'seeds.db'}") as store:
        mp.delenv("FRONTWATCH_TYPER", raising=False)  # as shipped
        summary = run([SEEDS], store)
        assert summary.new == 5 and not summary.errors
        export(store, tmp / "export")
    out = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(tmp / "export"), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_all_seed_documents_are_exported(scores: dict) -> None:
    assert scores["documents_found"] == scores["documents_gold"] == 5


def test_boilerplate_is_removed_and_content_kept(scores: dict) -> None:
    assert scores["boilerplate_removed"] == 1.0
    assert scores["content_kept"] == 1.0


def test_places_resolve_whatever_the_spelling(scores: dict) -> None:
    assert scores["place_accuracy"] >= 0.97


def test_events_and_their_attributes(scores: dict) -> None:
    assert scores["event_f1"] >= 0.90
    assert scores["actor_accuracy"] >= 0.9
    assert scores["status_accuracy"] >= 0.85
    assert scores["source_accuracy"] >= 0.85
    assert scores["date_accuracy"] >= 0.8
    assert scores["quantities_accuracy"] >= 0.8


def test_mentions_of_one_event_become_one_incident(scores: dict) -> None:
    assert scores["incident_f1"] >= 0.85
