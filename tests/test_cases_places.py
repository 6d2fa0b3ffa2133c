"""The places stage's case files: worked examples of each rule, one JSON object a line, under
`tests/cases/places/<rule>.jsonl`.

A case is `{"rule": ..., "text": ..., "expect": {surface: want}}`, where `want` is
- `null`: no mention of that surface is kept (a person, an organisation, a common word, ...);
- `"unresolved"`: the name is kept as a place the gazetteer cannot place;
- an object of `Place` fields (`kind`, `country`, `admin1`, `name`, `geonameid`): every mention of that
  surface resolves to a place with those values;
- a list of such objects: the mentions of that surface, in text order, one each.
With `"context"` (which may be null), the case is `resolve_name(text, context)` instead, and `expect` is one
such object, or `null` for no place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.places import find_places, resolve_name

FOLDER = Path(__file__).parent / "cases" / "places"
FIELDS = {"kind", "country", "admin1", "name", "geonameid"}


def _cases() -> list[Any]:
    out = []
    for path in sorted(FOLDER.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                assert case["rule"] == path.stem, f"{path.name}:{n} is filed under another rule"
                out.append(pytest.param(case, id=f"{path.stem}:{n}"))
    return out


CASES = _cases()


def _fields(place: Any) -> dict[str, Any] | None:
    return None if place is None else {k: getattr(place, k) for k in FIELDS}


def test_every_rule_has_cases() -> None:
    rules = {c.values[0]["rule"] for c in CASES}
    assert len(rules) >= 10 and len(CASES) >= 60


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict[str, Any]) -> None:
    if "context" in case:
        got = _fields(resolve_name(case["text"], case["context"]))
        want = case["expect"]
        assert (got is None) == (want is None), got
        if want is not None:
            assert set(want) <= FIELDS and got is not None
            assert {k: got[k] for k in want} == want
        return
    mentions = find_places("case", case["text"])
    for surface, want in case["expect"].items():
        assert surface in case["text"], f"{surface!r} is not in the text"
        found = [m.place for m in mentions if m.mention == surface]
        if want is None:
            assert not found, f"{surface!r} was kept as {found}"
            continue
        assert found, f"{surface!r} was not kept"
        if want == "unresolved":
            assert found == [None] * len(found), f"{surface!r} resolved to {found}"
            continue
        wants = want if isinstance(want, list) else [want] * len(found)
        assert len(wants) == len(found), f"{surface!r}: {found}"
        for place, one in zip(found, wants, strict=True):
            assert set(one) <= FIELDS, one
            assert place is not None, f"{surface!r} was left unresolved"
            assert {k: getattr(place, k) for k in one} == one, f"{surface!r}: {place}"
