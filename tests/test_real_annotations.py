"""The real-article test bed's tools: offsets from quotes, loud failures, gold built back from offsets."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "real"))

import realset  # noqa: E402

PAGE = (
    " date 2024-03-04 Drones hit a depot in Sumy\n\n"
    "Posted by Staff Writer\n"
    "Drones hit a fuel depot in Sumy overnight, the governor said. Two workers were injured.\n"
    "Read also: Weather turns cold\n"
    "The army said it had entered Klishchiivka. The army said it again.\n"
)
ARTICLE = "Shelling hit Kherson on Monday.\n\nA bakery reopened in Lviv."


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / realset.WEB).mkdir()
    row = {"id": "wp-9001", "published": "2024-03-04", "title": None, "text": PAGE}
    (tmp_path / realset.WEB / "pages.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (tmp_path / realset.NEWS).mkdir()
    for name in realset.NEWS_FILES:
        with (tmp_path / realset.NEWS / name).open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["published", "headlines", "articles"])
            for _ in range(3):
                w.writerow(["2022/07/04", "A headline", ARTICLE])
    realset._web_pages.cache_clear()
    realset._news_rows.cache_clear()
    return tmp_path


def working(data: Path) -> dict:
    work = realset.skeleton(realset.load_document({"corpus": realset.WEB, "id": "wp-9001"}, data))
    labels = ["boilerplate", "title", "boilerplate", "content", "boilerplate", "content"]
    for line, label in zip(work["lines"], labels, strict=True):
        line["label"] = label
        for s in line["sentences"]:
            s["types"] = []
    work["lines"][3]["sentences"][0]["types"] = ["attack"]
    work["lines"][5]["sentences"][0]["types"] = ["capture"]
    work["places"] = [{"mention": "Sumy", "places": ["g:692194"]}]
    work["events"] = [
        {
            "id": "e1",
            "types": ["attack"],
            "actor": "RU",
            "places": ["g:692194"],
            "mention": "Sumy",
            "status": ["claimed", "reported"],
            "source_side": "UA",
            "source_names": ["governor"],
            "source_aliases": ["Sumy governor"],
            "date": {"start": "2024-03-03", "end": "2024-03-04"},
            "quantities": {"injured": 2},
            "evidence": "Drones hit a fuel depot in Sumy overnight",
            "optional": False,
            "incident": "attack-g692194-2024-03-04",
        }
    ]
    return work


def test_skeleton_lists_every_line_and_splits_the_index_date_marker(data: Path) -> None:
    work = realset.skeleton(realset.load_document({"corpus": realset.WEB, "id": "wp-9001"}, data))
    texts = [line["text"] for line in work["lines"]]
    assert texts[0] == "date 2024-03-04"
    assert texts[1] == "Drones hit a depot in Sumy"
    assert len(texts) == 6
    assert [s["text"] for s in work["lines"][3]["sentences"]] == [
        "Drones hit a fuel depot in Sumy overnight, the governor said.",
        "Two workers were injured.",
    ]
    assert all(s["types"] is None for line in work["lines"] for s in line["sentences"])


@pytest.mark.slow
def test_convert_stores_offsets_and_no_text(data: Path) -> None:
    record = realset.convert(working(data), data)
    stored = json.dumps(record)
    assert "fuel depot" not in stored and "Klishchiivka" not in stored
    ev = record["events"][0]
    assert (
        PAGE[ev["evidence"]["start"] : ev["evidence"]["end"]] == "Drones hit a fuel depot in Sumy overnight"
    )
    assert PAGE[ev["mention"]["start"] : ev["mention"]["end"]] == "Sumy"
    assert (
        ev["mention"]["start"] > ev["evidence"]["start"]
    )  # the Sumy inside the evidence, not the headline's
    assert [PAGE[s["start"] : s["end"]] for s in ev["source_names"]] == ["governor"]
    assert [ln["label"] for ln in record["lines"]][:2] == ["boilerplate", "title"]
    assert record["sha256"] == realset.load_document(record["doc"], data).sha256


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: w["events"][0].update(evidence="Drones hit a gas depot"), "not found"),
        (lambda w: w["events"][0].update(evidence="The army said it"), "ambiguous"),
        (lambda w: w["lines"][2].update(label="?"), "label '?'"),
        (lambda w: w["lines"].pop(2), "does not follow"),
        (lambda w: w["lines"].pop(), "not covered"),
        (lambda w: w["lines"][3]["sentences"][1].update(types=None), "not labelled"),
        (lambda w: w["lines"][3]["sentences"][0].update(types=[]), "none of its types"),
        (lambda w: w["events"][0].update(types=["shelling"]), "must be a list of"),
        (lambda w: w["events"][0].update(places=["g:1"]), "not a settlement"),
        (lambda w: w["events"][0].update(actor="Russia"), "two-letter"),
        (
            lambda w: w["events"][0].update(date={"start": "2024-03-05", "end": "2024-03-04"}),
            "start after end",
        ),
        (lambda w: w["events"][0].update(quantities={"dead": 2}), "quantity"),
        (lambda w: w["events"][0].update(optional=True), "'optional' must be False"),
        (lambda w: w["events"][0].update(source_names=["mayor"]), "source name 1"),
    ],
)
def test_convert_fails_loudly(data: Path, change, message: str) -> None:
    work = working(data)
    change(work)
    with pytest.raises(realset.AnnotationError, match=message) as err:
        realset.convert(work, data, name="w.json")
    assert "w.json (wp-9001)" in str(err.value)


def test_nth_picks_one_of_repeated_quotes(data: Path) -> None:
    work = working(data)
    work["lines"][5]["sentences"][1]["types"] = ["capture"]
    work["events"][0].update(
        evidence="The army said it", evidence_nth=2, types=["capture"], mention=None, places=[]
    )
    work["lines"][3]["sentences"][0]["types"] = []
    ev = realset.convert(work, data)["events"][0]
    assert PAGE[ev["evidence"]["start"] :].startswith("The army said it again")
    work["events"][0]["evidence_nth"] = 3
    with pytest.raises(realset.AnnotationError, match="occurs 2 times"):
        realset.convert(work, data)


def test_reserved_guardian_rows_are_refused(data: Path) -> None:
    for row in (10, 11, 12):
        with pytest.raises(realset.AnnotationError, match="reserved"):
            realset.load_document({"corpus": realset.NEWS, "file": realset.NEWS_FILES[0], "row": row}, data)
    doc = realset.load_document({"corpus": realset.NEWS, "file": realset.NEWS_FILES[1], "row": 2}, data)
    assert (doc.doc_id, doc.published, doc.text) == ("nyt-0002", "2022-07-04", ARTICLE)


def test_build_turns_offsets_back_into_the_scorer_gold(data: Path) -> None:
    record = realset.convert(working(data), data)
    gold, inputs = realset.build({"documents": [record]}, data)
    doc = gold["documents"][0]
    assert doc["doc_id"] == "wp-9001" and doc["published"] == "2024-03-04"
    assert doc["boilerplate"] == [
        "date 2024-03-04",
        "Posted by Staff Writer",
        "Read also: Weather turns cold",
    ]
    assert doc["content"][0] == "Drones hit a fuel depot in Sumy overnight, the governor said."
    assert "Drones hit a depot in Sumy" not in doc["content"]  # the title is neither content nor boilerplate
    ev = doc["events"][0]
    assert ev["id"] == "wp-9001-e1" and ev["source_names"] == ["governor", "Sumy governor"]
    assert ev["place"][0]["geonameid"] == 692194 and ev["place"][0]["admin1"] == "UA.21"
    assert inputs == [{"id": "wp-9001", "published": "2024-03-04", "title": None, "text": PAGE}]
    assert gold["incidents"] == []  # an incident key used once is no incident


def test_build_refuses_a_changed_text(data: Path) -> None:
    record = realset.convert(working(data), data)
    record["sha256"] = "0" * 64
    with pytest.raises(realset.AnnotationError, match="not the text that was annotated"):
        realset.build({"documents": [record]}, data)


def test_selection_is_balanced_and_avoids_reserved_rows() -> None:
    splits = realset.selection()
    assert {k: len(v) for k, v in splits.items()} == {"dev": 30, "test": 30, "val": 20}
    keys = [realset.doc_id_for(k) for v in splits.values() for k in v]
    assert len(set(keys)) == 80
    for name, docs in splits.items():
        web = [k for k in docs if k["corpus"] == realset.WEB]
        assert len(web) == (14 if name == "val" else 20)
    guardian = [k["row"] for v in splits.values() for k in v if k.get("file", "").startswith("Guardians")]
    assert not set(guardian) & realset.RESERVED_GUARDIAN


def test_stored_annotations_hold_offsets_only() -> None:
    allowed = {"annotator", "doc", "doc_id", "events", "length", "lines", "minutes", "places", "sentences"}
    allowed.add("sha256")
    for split in ("dev", "test", "val"):
        stored = realset.load_split(realset.HERE / f"{split}.json")
        chosen = {realset.doc_id_for(k) for k in realset.selection()[split]}
        for doc in stored["documents"]:
            assert set(doc) == allowed and doc["doc_id"] in chosen
            spans = doc["lines"] + doc["sentences"] + doc["places"] + [e["evidence"] for e in doc["events"]]
            assert all(isinstance(s["start"], int) and s["end"] <= doc["length"] for s in spans)
