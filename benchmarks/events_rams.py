"""Event typing and arguments on RAMS 1.0 (Ebner et al., ACL 2020), dev and test together.

RAMS gives 5-sentence news windows, tokenised, with one annotated trigger each (a type such as
conflict.attack.airstrikemissilestrike) and its argument spans by role. The tokens are joined back into
natural text (no space before punctuation, contractions and closing quotes, none after opening ones,
hyphens closed up) and token spans become character offsets into it.

Gold per frontwatch type, from the trigger's RAMS type, only where the two say the same thing
(`POSITIVE`): airstrikemissilestrike and bombing -> attack; yield.retreat -> withdrawal;
transportperson.evacuationrescue -> evacuation (it also holds people who flee or escape);
formation.mergegpe ("annex", "take over" a territory) -> annexation; die.deathcausedbyviolentevents and
injure.injurycausedbyviolentevents -> casualties (they also hold murders, genocide, rape, torture, with
or without a count). RAMS types that overlap ours in part (`AMBIGUOUS`) are neither positives nor
negatives, and the share of them that we type is printed on its own line: for attack, the rest of
conflict.attack (n/a, battles, shootings, stabbings, hangings, arson, chemical attacks, invasions) and
fire/explosion; an invasion is also ambiguous for capture and advance; a surrender or yield.n/a for
capture and withdrawal; transaction.transfercontrol (confiscations, seized power, land grabs) for capture
and annexation; mergegpe for capture; formation.n/a for annexation; life.die/injure n/a and executions
for casualties. Every other window is a negative (robbery and hijacking included). capture, advance and
mobilization have no RAMS counterpart, so only their predictions and false positives are shown.

Windows go to `find_places` and `extract_events` as they are (no `clean` step: photo captions and
link lists stay). A dated source URL (.../2016/06/12/...) gives the publication date, so events dated
more than a week earlier are marked background; other windows have none.

1. Typing, per type: gold windows, predicted, P, R, F1 under four measures
   - typing, window: `events.event_types` over the whole window (any place);
   - typing, trigger sentence: `event_types` over the trigger's sentence alone;
   - extraction, window: `find_places` + `extract_events` (events but casualties need a resolved place);
   - extraction, at trigger: only events whose evidence sentence holds the trigger.
   A window holds other events than its one annotated trigger, so some window-level false positives
   are real events; the trigger measures show how many. casualties counts a casualties event or a
   count of dead or wounded on another event (extract_events folds counts beside an attack into it).
   False positives are listed by the window's RAMS type.
2. Arguments, for windows whose trigger maps to type T and where an event of type T was extracted (the
   one at the trigger, else the nearest): the share whose event place agrees with the gold place
   argument (role "place"; "origin" for withdrawal and evacuation, the place left): our place's
   mention overlaps the gold span, or `resolve_spans` of the gold span gives the same place, one
   within 30 km, or a region or country that holds ours (or ours holds it). Then, over mapped and
   broad attack windows with an extracted event of their type, the attacker/killer/injurer/retreater
   arguments that name Russia or Ukraine (or their forces): the share whose side matches our actor's.
3. (1) again on the windows that mention Ukraine (Ukraine, Kyiv/Kiev, Donetsk, Luhansk, Donbas, Crimea).

usage: python benchmarks/events_rams.py [DATA_DIR]
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontwatch.records import EventMention, Place, PlaceMention

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "rams"
SPLITS = ("dev.jsonlines", "test.jsonlines")

TYPES = (
    "attack",
    "capture",
    "advance",
    "withdrawal",
    "evacuation",
    "annexation",
    "mobilization",
    "casualties",
)
# RAMS trigger types that say what one of ours says.
POSITIVE = {
    "conflict.attack.airstrikemissilestrike": "attack",
    "conflict.attack.bombing": "attack",
    "conflict.yield.retreat": "withdrawal",
    "movement.transportperson.evacuationrescue": "evacuation",
    "government.formation.mergegpe": "annexation",
    "life.die.deathcausedbyviolentevents": "casualties",
    "life.injure.injurycausedbyviolentevents": "casualties",
}
# RAMS types that overlap one of ours in part: neither positives nor negatives for it.
BROAD_ATTACK = (
    "conflict.attack.n/a",
    "conflict.attack.selfdirectedbattle",
    "conflict.attack.firearmattack",
    "conflict.attack.stabbing",
    "conflict.attack.hanging",
    "conflict.attack.setfire",
    "conflict.attack.biologicalchemicalpoisonattack",
    "conflict.attack.invade",
    "disaster.fireexplosion.fireexplosion",
)
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "attack": BROAD_ATTACK,
    "capture": (
        "conflict.attack.invade",
        "conflict.yield.surrender",
        "conflict.yield.n/a",
        "transaction.transaction.transfercontrol",
        "government.formation.mergegpe",
    ),
    "advance": ("conflict.attack.invade", "conflict.attack.selfdirectedbattle", "conflict.attack.n/a"),
    "withdrawal": ("conflict.yield.n/a", "conflict.yield.surrender"),
    "evacuation": ("movement.transportperson.n/a",),
    "annexation": ("government.formation.n/a", "transaction.transaction.transfercontrol"),
    "mobilization": (),
    "casualties": ("life.die.n/a", "life.injure.n/a", "justice.judicialconsequences.execute"),
}
PLACE_ROLES = {"withdrawal": ("place", "origin"), "evacuation": ("place", "origin")}
AGENT_ROLES = ("attacker", "killer", "injurer", "retreater")
NEAR_KM = 30.0
UKRAINE = re.compile(r"\b(Ukrain\w*|Kyiv|Kiev|Donetsk|Luhansk|Lugansk|Donbass?|Crimea\w*)\b")
SIDES = {
    "RU": re.compile(r"\b(Russia|Russian|Russians|Moscow|Kremlin)\b"),
    "UA": re.compile(r"\b(Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev)\b"),
}
URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")
CASUALTY_KINDS = ("fatalities", "injured", "casualties")
MEASURES = ("typing, window", "typing, trigger sentence", "extraction, window", "extraction, at trigger")

# --- detokenising ------------------------------------------------------------------------------------

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "”", "’", "-"}
NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "$", "#", "-"}
CONTRACTION = re.compile(r"^(n['’]t|['’](s|re|ve|ll|d|m))$", re.IGNORECASE)


def detokenise(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Text, (start, end) of every token, (start, end) of every sentence."""
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    sents: list[tuple[int, int]] = []
    pos = 0
    glue = True  # no space before the next token
    open_quote = False  # straight double quotes alternate open/close across the window
    for sent in sentences:
        first = len(tokens)
        for tok in sent:
            closes = tok == '"' and open_quote
            if not glue and not (tok in NO_SPACE_BEFORE or CONTRACTION.match(tok) or closes):
                parts.append(" ")
                pos += 1
            tokens.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
            if tok == '"':
                open_quote = not open_quote
            glue = tok in NO_SPACE_AFTER or (tok == '"' and open_quote)
        if len(tokens) > first:
            sents.append((tokens[first][0], tokens[-1][1]))
    return "".join(parts), tokens, sents


# --- reading ------------------------------------------------------------------------------------------


@dataclass
class Window:
    key: str
    rams_type: str
    text: str
    trigger: tuple[int, int]
    sentence: tuple[int, int]  # the trigger's sentence
    args: list[tuple[str, int, int]]  # role name ("attacker", "place", ...), start, end
    ukraine: bool
    published: str | None  # from a dated source URL (.../2016/06/12/...), else unknown
    typed_window: set[str] = field(default_factory=set)
    typed_sentence: set[str] = field(default_factory=set)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


def read_windows(folder: Path) -> list[Window]:
    out: list[Window] = []
    for name in SPLITS:
        path = folder / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    out.append(window(json.loads(line)))
    return out


def window(row: dict) -> Window:
    text, toks, sents = detokenise(row["sentences"])
    t0, t1, labels = row["evt_triggers"][0]
    trigger = (toks[t0][0], toks[t1][1])
    sentence = next((s for s in sents if s[0] <= trigger[0] < s[1]), (0, len(text)))
    args = []
    for _, (a0, a1), role in row["gold_evt_links"]:
        args.append((re.sub(r"^evt\d+arg\d+", "", role), toks[a0][0], toks[a1][1]))
    dated = URL_DATE.search(row.get("source_url") or "")
    published = "-".join(dated.groups()) if dated else None
    return Window(
        row["doc_key"], labels[0][0], text, trigger, sentence, args, bool(UKRAINE.search(text)), published
    )


# --- predictions --------------------------------------------------------------------------------------


def event_types_of(events: list[EventMention]) -> set[str]:
    out = {e.type for e in events}
    if any(k in CASUALTY_KINDS for e in events for k in e.quantities):
        out.add("casualties")
    return out


def at_trigger(w: Window, events: list[EventMention]) -> list[EventMention]:
    return [e for e in events if e.evidence.start <= w.trigger[0] < e.evidence.end]


def predictions(w: Window) -> tuple[set[str], set[str], set[str], set[str]]:
    return (
        w.typed_window,
        w.typed_sentence,
        event_types_of(w.events),
        event_types_of(at_trigger(w, w.events)),
    )


def gold_label(rams_type: str, ty: str) -> str:
    if POSITIVE.get(rams_type) == ty:
        return "pos"
    if rams_type in AMBIGUOUS[ty]:
        return "amb"
    return "neg"


# --- (1) typing ---------------------------------------------------------------------------------------


def report_typing(title: str, windows: list[Window]) -> None:
    print(f"\n== {title}: {len(windows)} windows ==")
    preds = [predictions(w) for w in windows]
    for ty in TYPES:
        gold_types = sorted(k for k, v in POSITIVE.items() if v == ty)
        print(f"{ty} (gold: {', '.join(gold_types) or 'no RAMS counterpart'})")
        print(f"  {'measure':26s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
        fps: list[Counter[str]] = []
        amb_hits = []
        only_background = 0
        n_amb = sum(1 for w in windows if gold_label(w.rams_type, ty) == "amb")
        for m, name in enumerate(MEASURES):
            tp = fp = fn = hit = 0
            fp_by: Counter[str] = Counter()
            for w, pred in zip(windows, preds, strict=True):
                label, yes = gold_label(w.rams_type, ty), ty in pred[m]
                if label == "amb":
                    hit += yes
                elif label == "pos" and yes:
                    tp += 1
                elif label == "pos":
                    fn += 1
                elif yes:
                    fp += 1
                    fp_by[w.rams_type] += 1
                    if name == "extraction, window":
                        only_background += ty not in event_types_of([e for e in w.events if not e.background])
            fps.append(fp_by)
            amb_hits.append(hit)
            if gold_types:
                p = tp / max(1, tp + fp)
                r = tp / max(1, tp + fn)
                f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
                print(f"  {name:26s} {tp + fn:5d} {tp + fp:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
            else:
                print(f"  {name:26s} {'-':>5s} {fp:5d} {'-':>6s} {'-':>6s} {'-':>6s}")
        for name, fp_by in zip(MEASURES, fps, strict=True):
            top = ", ".join(f"{k} {v}" for k, v in fp_by.most_common(4))
            if top:
                extra = (
                    f" ({only_background} only through background events)" if "tion, window" in name else ""
                )
                print(f"  false positives, {name}: {top}{extra}")
        if n_amb:
            shares = " / ".join(f"{h / n_amb:.0%}" for h in amb_hits)
            plural = "s" if n_amb != 1 else ""
            print(f"  ambiguous ({n_amb} window{plural}): typed {ty} {shares} (measures in the order above)")


# --- (2) arguments ------------------------------------------------------------------------------------


def km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_area(ours: Place, gold: Place) -> bool:
    if ours.geonameid is not None and ours.geonameid == gold.geonameid:
        return True
    if None not in (ours.lat, ours.lon, gold.lat, gold.lon) and km(ours, gold) <= NEAR_KM:
        return True
    for big, small in ((gold, ours), (ours, gold)):
        if big.kind == "country" and big.country and big.country == small.country:
            return True
        if big.kind == "region" and big.admin1 and big.admin1 == small.admin1:
            return True
    return False


def chosen_event(w: Window, ty: str) -> EventMention | None:
    events = [e for e in w.events if ty in event_types_of([e])]
    if not events:
        return None
    return min(events, key=lambda e: (not at_trigger(w, [e]), abs(e.evidence.start - w.trigger[0])))


def report_places(windows: list[Window]) -> None:
    from frontwatch.places import resolve_spans

    n = with_gold = no_place = by_span = by_area = unresolved = 0
    for w in windows:
        ty = POSITIVE.get(w.rams_type)
        ev = chosen_event(w, ty) if ty else None
        if ev is None:
            continue
        n += 1
        roles = PLACE_ROLES.get(ty, ("place",))
        gold = next(([a for a in w.args if a[0] == r] for r in roles if any(a[0] == r for a in w.args)), [])
        if not gold:
            continue
        with_gold += 1
        if ev.place is None:
            no_place += 1
            continue
        spans = [(p.start, p.end) for p in w.places if p.place == ev.place]
        if any(s < ge and gs < e for s, e in spans for _, gs, ge in gold):
            by_span += 1
            continue
        # a gold place with no capital letter ("the hospital") names no place the gazetteer could hold
        named = [(gs, ge) for _, gs, ge in gold if any(c.isupper() for c in w.text[gs:ge])]
        resolved = [p for p in resolve_spans(w.text, named) if p is not None] if named else []
        if not resolved:
            unresolved += 1
        elif any(same_area(ev.place, g) for g in resolved):
            by_area += 1
    agree = by_span + by_area
    both = with_gold - no_place - unresolved
    print(f"\n== arguments: {n} mapped windows with an extracted event of their type ==")
    print(
        f"event place vs gold place: {with_gold} with a gold place; our event has no place {no_place},"
        f" gold place not resolved {unresolved}; of the {both} left, agree {agree}"
        f" ({agree / max(1, both):.0%}: {by_span} by span, {by_area} by geography), disagree {both - agree}"
    )


def report_sides(windows: list[Window]) -> None:
    n = match = 0
    ours: Counter[str] = Counter()
    for w in windows:
        ty = POSITIVE.get(w.rams_type) or ("attack" if w.rams_type in BROAD_ATTACK else None)
        ev = chosen_event(w, ty) if ty else None
        if ev is None:
            continue
        agents = [w.text[s:e] for role, s, e in w.args if role in AGENT_ROLES]
        sides = {side for side, rx in SIDES.items() for a in agents if rx.search(a)}
        if len(sides) != 1:
            continue
        n += 1
        match += ev.actor.side in sides
        if ev.actor.side not in sides:
            ours[f"{sides.pop()}->{ev.actor.side}"] += 1
    mism = ", ".join(f"{k} {v}" for k, v in ours.most_common())
    print(
        f"actor side vs gold agent naming Russia/Ukraine: n {n}, match {match} ({match / max(1, n):.0%})"
        + (f"; mismatches gold->ours: {mism}" if mism else "")
    )


# --- main ---------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not all((folder / s).is_file() for s in SPLITS):
        print(f"skipped: {folder} has no {' / '.join(SPLITS)}")
        return 0
    from frontwatch.events import event_types, extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    windows = read_windows(folder)
    find_places("warmup", "Troops left Kharkiv.")  # build or read the gazetteer before timing
    event_types("Troops left Kharkiv.")
    t0 = time.perf_counter()
    for w in windows:
        w.typed_window = event_types(w.text)
    t_typing = time.perf_counter() - t0
    t0 = time.perf_counter()
    for w in windows:
        w.typed_sentence = event_types(w.text[w.sentence[0] : w.sentence[1]])
    t_sentence = time.perf_counter() - t0
    t0 = time.perf_counter()
    for w in windows:
        doc = Document(f"rams:{w.key}", "rams", None, w.text, "", published=w.published)
        w.places = find_places(doc.doc_id, w.text)
        w.events = extract_events(doc, w.places)
    t_extract = time.perf_counter() - t0

    n = len(windows)
    print(f"RAMS 1.0 dev+test: {n} windows, {sum(w.ukraine for w in windows)} mention Ukraine")
    print(
        f"speed: event_types {n / t_typing:.1f} windows/s, event_types on one sentence"
        f" {n / t_sentence:.1f} sentences/s, find_places + extract_events {n / t_extract:.1f} windows/s"
    )
    report_typing("all windows", windows)
    report_places(windows)
    report_sides(windows)
    report_typing("windows mentioning Ukraine", [w for w in windows if w.ukraine])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
