"""The worked examples of the boilerplate rules, as case files: `tests/cases/clean/<family>.jsonl`.

Each case is a line and what the cleaner must make of it: `boilerplate` (removed under `rule`) or `content`
(kept). A case's `position` says where the line sits: `line` (default, the line rules alone), `head` (over
the story's prose, where bylines and mastheads sit) or `tail` (after it, where author notes sit).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.clean import clean_text, rule_for

CASES = Path(__file__).parent / "cases" / "clean"
# Three paragraphs of prose for the cases that need a page around their line.
BODY = [
    "The regional governor said on Sunday that two more villages near the river were cut off by shelling.",
    "Emergency crews worked through the night to restore power to the hospital and the main pumping station.",
    "Officials in the capital said a convoy of buses would take residents west once the road reopened.",
]


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
    assert len(ALL) >= 60
    for case in ALL:
        assert case["rule"] == case["id"].split(":")[0], case["id"]
        assert case["expect"] in ("boilerplate", "content"), case["id"]
        assert case.get("position", "line") in ("line", "head", "tail"), case["id"]
    families = {c["rule"] for c in ALL}
    # every family with a near-miss beside what it catches
    assert all({c["expect"] for c in ALL if c["rule"] == f} == {"boilerplate", "content"} for f in families)


@pytest.mark.parametrize("case", ALL, ids=[c["id"] for c in ALL])
def test_case(case: dict) -> None:
    text, position = case["text"], case.get("position", "line")
    if position == "line":
        found = rule_for(text)
        if case["expect"] == "boilerplate":
            assert found == case["rule"], case.get("note")
        else:
            assert found is None, case.get("note")
        return
    lines = [text, *BODY] if position == "head" else [*BODY, text]
    cleaned = clean_text("\n\n".join(lines), title="Villages cut off near the river")
    removed = {r.line: r.rule for r in cleaned.removed}
    if case["expect"] == "boilerplate":
        assert removed.get(text) == case["rule"], case.get("note")
    else:
        assert text not in removed and text in cleaned.text, case.get("note")
    assert all(line in cleaned.text for line in BODY)
