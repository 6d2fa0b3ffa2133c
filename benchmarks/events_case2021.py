"""Event typing on CASE 2021 task 2 (ACLED-style sub-types), on the sub-types that map to our types.

Each snippet goes through `find_places` and `extract_events`; a snippet is predicted as type T when any
of its events has type T. Gold types come from the snippet's sub-type through the mapping below
(ACLED sub-types as in `frontwatch.ontology.ACLED_SUBTYPE_TO_TYPE`). Prints precision, recall and F1 per type.

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


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    from frontwatch.events import extract_events
    from frontwatch.ontology import ACLED_SUBTYPE_TO_TYPE
    from frontwatch.records import Document
    from frontwatch.toponyms import find_places

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    tp, fp, fn = Counter(), Counter(), Counter()
    types = sorted(set(ACLED_SUBTYPE_TO_TYPE.values()))
    for row in rows:
        text = row["EventSnippet"]
        acled = CASE_TO_ACLED.get(row["SubType"])
        gold = ACLED_SUBTYPE_TO_TYPE.get(acled) if acled else None
        doc = Document(f"case:{row['id']}", "case2021", None, text, "", published=None)
        predicted = {e.type for e in extract_events(doc, find_places(doc.doc_id, text))}
        for t in types:
            if t in predicted and t == gold:
                tp[t] += 1
            elif t in predicted:
                fp[t] += 1
            elif t == gold:
                fn[t] += 1
    print(f"{len(rows)} snippets")
    for t in types:
        p = tp[t] / max(1, tp[t] + fp[t])
        r = tp[t] / max(1, tp[t] + fn[t])
        f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
        n_gold, n_pred = tp[t] + fn[t], tp[t] + fp[t]
        print(f"{t:10s}  gold {n_gold:4d}  predicted {n_pred:4d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
