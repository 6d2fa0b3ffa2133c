"""Check batches of the training corpus (`articles.jsonl` + `gold.json` in each folder).

usage: check_corpus.py [FOLDER ...]   (default: every batch under train/corpus)

Every quoted string must occur exactly in its article's text, boilerplate entries must be whole lines, and
fields must have the allowed values. Prints events per type (by first type, core and optional) for each
batch and in all; exits 1 when any batch has a problem.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import get_args

from frontwatch.events.types import EVENT_TYPES
from frontwatch.records import MentionStatus

TYPES = set(EVENT_TYPES)
STATUSES = set(get_args(MentionStatus))
KINDS = {"settlement", "region", "country", "feature"}
QUANTITIES = {"area_km2", "settlements", "distance_km", "fatalities", "injured", "troops", "casualties"}
NON_EVENT_REASONS = {"hypothetical", "background-outside-war", "negated", "generic", "off-topic", "repeat"}
ARTICLE_FIELDS = ("id", "published", "title", "text", "style")


def check_document(d: dict, text: str, event_ids: set[str], counts: Counter) -> list[str]:
    did = d["doc_id"]
    problems: list[str] = []

    def need(s: object, what: str) -> None:
        if not isinstance(s, str) or not s or s not in text:
            problems.append(f"{did}: {what} not found verbatim in text: {s!r:.90}")

    lines = {ln.strip() for ln in text.split("\n") if ln.strip()}
    for s in d["boilerplate"]:
        need(s, "boilerplate line")
        if s.strip() not in lines:
            problems.append(f"{did}: boilerplate must be a whole line: {s!r:.90}")
    for s in d["content"]:
        need(s, "content sentence")
    for p in d["places"]:
        need(p["mention"], "place mention")
        problems += [f"{did}: bad place kind {pl['kind']}" for pl in p["place"] if pl["kind"] not in KINDS]
    for e in d["events"]:
        if e["id"] in event_ids:
            problems.append(f"duplicate event id {e['id']}")
        event_ids.add(e["id"])
        need(e["evidence"], f"evidence of {e['id']}")
        if not set(e["type"]) <= TYPES:
            problems.append(f"{e['id']}: bad type {e['type']}")
        if not set(e["status"]) <= STATUSES:
            problems.append(f"{e['id']}: bad status {e['status']}")
        if not set(e.get("quantities") or {}) <= QUANTITIES:
            problems.append(f"{e['id']}: bad quantity key")
        if e.get("place_mention") is not None:
            need(e["place_mention"], f"place_mention of {e['id']}")
        if e["place"] and not e.get("place_mention"):
            problems.append(f"{e['id']}: place given but no place_mention")
        counts[e["type"][0]] += 1
    for n in d.get("non_events", []):
        need(n["evidence"], "non_event evidence")
        if n.get("why") not in NON_EVENT_REASONS:
            problems.append(f"{did}: non_event why must be one of {sorted(NON_EVENT_REASONS)}")
    return problems


def check(folder: Path) -> tuple[Counter, int, int]:
    articles = [
        json.loads(line)
        for line in (folder / "articles.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    by_id = {a["id"]: a for a in articles}
    problems = [] if len(by_id) == len(articles) else ["duplicate article ids"]
    for a in articles:
        problems += [f"{a.get('id')}: article lacks {k!r}" for k in ARTICLE_FIELDS if k not in a]
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    event_ids: set[str] = set()
    counts: Counter = Counter()
    for d in gold["documents"]:
        article = by_id.get(d["doc_id"])
        if article is None:
            problems.append(f"gold doc {d['doc_id']} has no article")
            continue
        problems += check_document(d, article["text"], event_ids, counts)
    for inc in gold.get("incidents", []):
        problems += [
            f"incident {inc['id']} names unknown event {m}" for m in inc["members"] if m not in event_ids
        ]
    print(f"{folder.name}: {len(articles)} articles, events by type {dict(sorted(counts.items()))}")
    for p in problems:
        print("PROBLEM", p)
    return counts, len(articles), len(problems)


def main(args: list[str]) -> int:
    root = Path(__file__).parent / "corpus"
    folders = [Path(a) for a in args] or sorted(p for p in root.iterdir() if p.is_dir())
    total: Counter = Counter()
    n_articles = n_problems = 0
    for folder in folders:
        counts, n, bad = check(folder)
        total += counts
        n_articles += n
        n_problems += bad
    print(f"all: {len(folders)} batches, {n_articles} articles, events by type {dict(sorted(total.items()))}")
    print("OK" if not n_problems else f"{n_problems} problems")
    return 1 if n_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
