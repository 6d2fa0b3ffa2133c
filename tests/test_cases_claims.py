"""The claims stage's worked examples, a case a line in tests/cases/claims/<rule>.jsonl, run through the real
spaCy pipeline.

A case is `{"rule": ..., "text": ..., "expect": {...}}`, with `trigger` (the word of the event mention) where
the rule reads a parse, and `next` (the following sentence) where the rule reads one. `expect` names only what
the rule decides: `status` (null for a mention that tells no event), `speaker` and `side` of the attribution
(`speaker` null for none), `blamed` (the phrase of who is blamed), `quote_speaker` (the speaker phrase of the
quotation holding the trigger, null for none), `party` (the side a phrase names, `side_of`). A case the rules
get wrong today says why in `xfail`; it fails the suite once they get it right, so that the mark comes off.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch import claims
from frontwatch.events import nlp

CASES = Path(__file__).parent / "cases" / "claims"


def load() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                assert case["rule"] == path.stem, f"{path.name}:{n} names rule {case['rule']}"
                marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
                out.append(pytest.param(case, id=f"{path.stem}:{n}", marks=marks))
    return out


def test_every_rule_file_has_cases() -> None:
    files = sorted(CASES.glob("*.jsonl"))
    assert files
    assert all(path.read_text(encoding="utf-8").strip() for path in files)


@pytest.mark.parametrize("case", load())
def test_case(case: dict[str, Any]) -> None:
    text, expect = case["text"], case["expect"]
    got: dict[str, Any] = {}
    if "party" in expect:
        got["party"] = claims.side_of(text)
    if "quote_speaker" in expect:
        start = text.index(case["trigger"])
        got["quote_speaker"] = claims.quote_attribution(text, start, start + len(case["trigger"]))
    if {"status", "speaker", "side", "blamed"} & expect.keys():
        doc = nlp.parse([text])[0]
        token = next(t for t in doc if t.text == case["trigger"])
        attribution = claims.find_attribution(doc[:], token, None)
        speaker = attribution.speaker
        if "status" in expect:
            got["status"] = claims.status_of(token, attribution, case.get("next"))
        if "speaker" in expect:
            got["speaker"] = speaker.name if speaker else None
        if "side" in expect:
            got["side"] = speaker.side if speaker else None
        if "blamed" in expect:
            who = claims.blamed(token)
            got["blamed"] = claims.phrase(who) if who is not None else None
    assert got == expect, text
