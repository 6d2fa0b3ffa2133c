"""Choose the real documents of the test bed, reproducibly, and write eval/real/selection.json.

40 web pages (web_pages_war) and 20 newspaper articles (10 NYT, 10 Guardian), stratified so that both
splits get a mix: web pages by publication year (unknown as its own stratum), newspaper articles by
file. Most documents are drawn among those with several war-event cue words; a few among those with
none or almost none, so that the test bed also measures that nothing is found where nothing happened.
Newspaper articles longer than 5,000 characters are left out (annotation time). Reserved Guardian rows
are never drawn.

A third split, `val` (20 documents, drawn afterwards from what dev and test left, with a seed of its own so
that dev and test stay as they were), judges changes written from dev before the locked test sees them:
only its aggregate figures are read, never its misses.

usage: python eval/real/make_selection.py [--check]   (--check: verify selection.json matches, write nothing)
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realset

SEED = 20261207
OUT = realset.HERE / "selection.json"
MAX_NEWS_CHARS = 5000
MIN_CHARS = 400
# generic cue words of the eight event types; a document "mentions war events" with 3 or more hits
CUES = re.compile(
    r"\b(shell\w*|strike[sd]?|struck|missile\w*|drones?|bomb\w*|artillery|attack\w*|kill(?:ed|ing)|"
    r"wounded|injured|captur\w+|seiz\w+|took control|liberat\w+|recaptur\w+|retak\w+|withdr[ae]w\w*|"
    r"retreat\w*|pull(?:ed)? back|advanc\w+|offensive|evacuat\w+|annex\w+|referend\w+|mobili[sz]\w+|"
    r"casualt\w+|dead|death toll)\b",
    re.IGNORECASE,
)
WAR_HITS, QUIET_HITS = 3, 1


def hits(text: str) -> int:
    return len(CUES.findall(text))


def candidates() -> dict[str, list[tuple[dict, int]]]:
    """Strata -> [(document reference, cue hits)], in corpus order."""
    strata: dict[str, list[tuple[dict, int]]] = {}
    for pid, row in realset._web_pages(realset.DATA).items():
        if len(row["text"]) < MIN_CHARS:
            continue
        year = row["published"][:4] if row.get("published") else "unknown"
        strata.setdefault(f"web:{year}", []).append(({"corpus": realset.WEB, "id": pid}, hits(row["text"])))
    for name in realset.NEWS_FILES:
        for i, row in enumerate(realset._news_rows(realset.DATA, name)):
            if name.startswith("Guardians") and i in realset.RESERVED_GUARDIAN:
                continue
            if not MIN_CHARS <= len(row["articles"]) <= MAX_NEWS_CHARS:
                continue
            key = {"corpus": realset.NEWS, "file": name, "row": i}
            strata.setdefault(f"news:{name.split('_')[0]}", []).append((key, hits(row["articles"])))
    return strata


# documents per stratum: (war, quiet); each stratum's draws alternate between dev and test
QUOTA = {
    "web:2022": (7, 1),
    "web:2023": (6, 0),
    "web:2024": (6, 0),
    "web:2025": (5, 1),
    "web:unknown": (12, 2),
    "news:Guardians": (8, 2),
    "news:NYT": (8, 2),
}


# the validation split's draws: (war, quiet) per stratum
VAL_SEED = 20261208
VAL_QUOTA = {
    "web:2022": (3, 0),
    "web:2023": (2, 0),
    "web:2024": (2, 0),
    "web:2025": (2, 0),
    "web:unknown": (4, 1),
    "news:Guardians": (3, 0),
    "news:NYT": (2, 1),
}


def choose() -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    strata = candidates()
    splits: dict[str, list[dict]] = {"dev": [], "test": []}
    for name in sorted(QUOTA):
        war_n, quiet_n = QUOTA[name]
        pool = strata[name]
        war = [k for k, h in pool if h >= WAR_HITS]
        quiet = [k for k, h in pool if h <= QUIET_HITS]
        picked = rng.sample(war, war_n) + rng.sample(quiet, quiet_n)
        rng.shuffle(picked)
        first = rng.choice(("dev", "test"))
        for i, key in enumerate(picked):
            splits[first if i % 2 == 0 else ("test" if first == "dev" else "dev")].append(key)
    taken = {realset.doc_id_for(k) for keys in splits.values() for k in keys}
    val_rng = random.Random(VAL_SEED)
    splits["val"] = []
    for name in sorted(VAL_QUOTA):
        war_n, quiet_n = VAL_QUOTA[name]
        pool = [(k, h) for k, h in strata[name] if realset.doc_id_for(k) not in taken]
        war = [k for k, h in pool if h >= WAR_HITS]
        quiet = [k for k, h in pool if h <= QUIET_HITS]
        splits["val"] += val_rng.sample(war, war_n) + val_rng.sample(quiet, quiet_n)
    return splits


def main(argv: list[str]) -> int:
    splits = choose()
    body = {
        "seed": SEED,
        "made_by": "eval/real/make_selection.py",
        "counts": {k: len(v) for k, v in splits.items()},
        "splits": splits,
    }
    if "--check" in argv:
        same = json.loads(OUT.read_text(encoding="utf-8"))["splits"] == splits
        print(
            "selection.json matches" if same else "selection.json differs from what make_selection.py draws"
        )
        return 0 if same else 1
    OUT.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    for split, keys in splits.items():
        web = sum(k["corpus"] == realset.WEB for k in keys)
        print(f"{split}: {len(keys)} documents ({web} web pages, {len(keys) - web} newspaper articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
