"""Sentences parsed ahead in one batch are the parses a document would make itself, each handed out once."""

from __future__ import annotations

from frontwatch.events import nlp
from frontwatch.events.document import sentences_to_parse
from frontwatch.pipeline.steps import Analysed, Prepared, analyse_chunk, analyse_document, prepare
from frontwatch.places import find_places
from frontwatch.records import Document, SourceDocument

REPORT = (
    "Russian forces shelled Kharkiv overnight, the regional governor said on Tuesday.\n"
    "The city council met to discuss the budget.\n"
    "Ukrainian troops recaptured the village of Kozacha Lopan, the army said."
)


def _signature(docs: list) -> list[list[tuple[str, str, int, str]]]:
    return [[(t.tag_, t.dep_, t.head.i, t.lemma_) for t in d] for d in docs]


def test_the_sentences_to_parse_are_those_the_prefilter_passes() -> None:
    doc = Document("d1", "test", None, REPORT, "h")
    texts = sentences_to_parse(doc)
    assert texts and all(nlp.prefilter(t) for t in texts)
    assert not any("budget" in t for t in texts)


def test_parses_made_ahead_are_handed_out_once_and_others_parsed_on_the_spot() -> None:
    ahead = ["Forces shelled the town.", "Forces shelled the town.", "Troops withdrew from the city."]
    found = nlp.parse_ahead(ahead)
    made = [d for docs in found.values() for d in docs]
    with nlp.using_parses(found):
        got = nlp.parse(
            ["Forces shelled the town.", "A new sentence about a strike.", "Forces shelled the town."]
        )
        again = nlp.parse(["Forces shelled the town."])
    assert got[0] in made and got[2] in made and got[0] is not got[2]
    assert got[1] not in made and got[1].text == "A new sentence about a strike."
    assert again[0] not in made  # both copies were handed out
    assert _signature(got) == _signature(nlp.parse([d.text for d in got]))
    assert nlp.parse(["Forces shelled the town."])[0] not in made  # outside the block nothing is reused


def test_a_chunk_finds_the_events_each_document_finds_alone() -> None:
    sources = [
        SourceDocument(doc_id=f"d{k}", source="test", text=text, published="2024-05-14")
        for k, text in enumerate(
            [REPORT, "Strikes hit Odesa port on Monday, officials said.", "No war here."]
        )
    ]
    prepared: list[Prepared] = [prepare(s) for s in sources]
    chunk = analyse_chunk([(p, None) for p in prepared], frozenset(), None)
    assert all(isinstance(a, Analysed) for a in chunk)
    done = [a for a in chunk if isinstance(a, Analysed)]
    for got in done:
        places, events, _ = analyse_document(got.document)
        assert got.events == events
        assert got.places == places == find_places(got.document.doc_id, got.document.text)
    assert sum(len(a.events) for a in done) >= 3
