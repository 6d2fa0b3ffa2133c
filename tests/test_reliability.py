"""Bad input never stops a run or loses data: first paragraphs, guards, time limits, skips, encodings."""

from __future__ import annotations

from pathlib import Path

from conftest import write
from frontwatch.clean import clean_text
from frontwatch.pipeline import run
from frontwatch.store import Store

LEDE = "Ukrainian troops retook the village of Bilohorivka on Saturday, the regional governor said."
MORE = "The village had been held by Russian forces since the spring."
BULLETIN = (
    "Russian forces shelled Nikopol overnight, wounding three people, the regional governor said on Sunday."
)


# -- 2. the first paragraph ---------------------------------------------------------------------------


def test_an_untitled_lede_is_text_not_a_title() -> None:
    cleaned = clean_text(f"{LEDE}\n\n{MORE}\n")
    assert cleaned.title is None and cleaned.text.startswith(LEDE)
    headed = clean_text(f"Village retaken in the east\n\n{LEDE}\n\n{MORE}\n")
    assert headed.title == "Village retaken in the east" and headed.text.startswith(LEDE)


def test_a_one_paragraph_bulletin_is_analysed(tmp_path: Path, store: Store) -> None:
    write(tmp_path / "in" / "bulletin.txt", BULLETIN + "\n")
    write(tmp_path / "in" / "lede.txt", f"{LEDE}\n\n{MORE}\n")
    summary = run([tmp_path / "in"], store, published="2022-10-02")
    assert (summary.new, summary.errors) == (2, [])
    found = {(e.doc_id, e.type, e.place.name if e.place else None) for e in store.events()}
    assert ("bulletin", "attack", "Nikopol") in found
    assert ("lede", "capture", "Bilohorivka") in found
