"""The worked examples of the date rules, as case files: `tests/cases/dates/<rule>.jsonl`.

Each case is a sentence, its publication date and every date expression the reader must find in it, with
the rule (`kind`) that finds it and the range it resolves to; an empty `expect` is a near-miss that must
yield no date.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.events.dates import find_dates

CASES = Path(__file__).parent / "cases" / "dates"
FIELDS = ("mention", "kind", "start", "end", "precision")


def load() -> list[dict]:
    cases = []
    for path in sorted(CASES.glob("*.jsonl")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip():
                case = json.loads(raw)
                case["id"] = f"{path.stem}:{number}"
                cases.append(case)
    return cases


ALL = load()


def test_case_files_are_well_formed() -> None:
    assert len(ALL) >= 20
    for case in ALL:
        assert all(set(e) == set(FIELDS) for e in case["expect"]), case["id"]
    # near-misses sit beside what the rules catch
    assert any(not c["expect"] for c in ALL) and any(c["expect"] for c in ALL)


@pytest.mark.parametrize("case", ALL, ids=[c["id"] for c in ALL])
def test_case(case: dict) -> None:
    found = [
        {
            "mention": d.range.mention,
            "kind": d.kind,
            "start": d.range.start,
            "end": d.range.end,
            "precision": d.range.precision,
        }
        for d in find_dates(case["text"], case["published"])
    ]
    assert found == case["expect"], case.get("note")
