"""Event typing on CASE 2021 task 2 (ACLED-style sub-types), on the sub-types that map to our types.

Two measures per type, precision, recall and F1 over snippets:
- extraction: `find_places` + `extract_events`, a snippet predicted as type T when any of its events has
  type T. Events need a resolved place, so outside Ukraine this also measures geocoding.
- typing: `events.event_types`, the types of the snippet's triggers whatever their place.
Gold types come from the snippet's sub-type (ACLED sub-types as in
`frontwatch.events.types.ACLED_SUBTYPE_TO_TYPE`); snippets of sub-types we do not model (armed clash,
protests, ...) are negatives for every type, so each false positive is listed by its gold sub-type to
show what our types overlap with.

usage: python benchmarks/events_case2021.py [TSV]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "case2021" / "task2" / "test_set_final_release_with_labels.tsv"
# CASE 2021 sub-type codes -> ACLED sub-event type names
CASE_TO_ACLED = {
    "AIR_STRIKE": "Air/drone strike",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
}


def report(name: str, rows: list[dict[str, str]], predicted: list[set[str]], types: list[str]) -> None:
    tp, fp, fn = Counter(), Counter(), Counter()
    fp_by_subtype: dict[str, Counter[str]] = {t: Counter() for t in types}
    for row, pred in zip(rows, predicted, strict=True):
        gold = gold_type(row)
        for t in types:
            if t in pred and t == gold:
                tp[t] += 1
            elif t in pred:
                fp[t] += 1
                fp_by_subtype[t][row["SubType"]] += 1
            elif t == gold:
                fn[t] += 1
    print(f"{name}:")
    for t in types:
        p = tp[t] / max(1, tp[t] + fp[t])
        r = tp[t] / max(1, tp[t] + fn[t])
        f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
        n_gold, n_pred = tp[t] + fn[t], tp[t] + fp[t]
        print(f"  {t:10s}  gold {n_gold:4d}  predicted {n_pred:4d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        top = ", ".join(f"{k} {v}" for k, v in fp_by_subtype[t].most_common(5))
        if top:
            print(f"  {'':10s}  false positives by gold sub-type: {top}")


def gold_type(row: dict[str, str]) -> str | None:
    from frontwatch.events.types import ACLED_SUBTYPE_TO_TYPE

    acled = CASE_TO_ACLED.get(row["SubType"])
    return ACLED_SUBTYPE_TO_TYPE.get(acled) if acled else None


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    from frontwatch.events import event_types, extract_events
    from frontwatch.events.types import ACLED_SUBTYPE_TO_TYPE
    from frontwatch.places import find_places
    from frontwatch.records import Document

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    types = sorted(set(ACLED_SUBTYPE_TO_TYPE.values()))
    extracted, typed = [], []
    for row in rows:
        text = row["EventSnippet"]
        doc = Document(f"case:{row['id']}", "case2021", None, text, "", published=None)
        extracted.append({e.type for e in extract_events(doc, find_places(doc.doc_id, text))})
        typed.append(event_types(text))
    print(f"{len(rows)} snippets")
    report("extraction (needs a resolved place)", rows, extracted, types)
    report("typing (trigger types, any place)", rows, typed, types)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
