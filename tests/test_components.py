"""The events stage as a declared list of spaCy components: what each annotates on a sentence, and that a
component inserted into the list changes what the stage reports."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc

from frontwatch.events import components, extract_events
from frontwatch.places import find_places
from frontwatch.records import Document

TEXT = (
    "Russian forces captured the town of Izium in the Kharkiv region on Tuesday, the governor said. "
    "Ukrainian troops withdrew from Lyman on Wednesday."
)

_seen: list[Doc] = []


@Language.component("test_keep_first_sentence")
def keep_first_sentence(sdoc: Doc) -> Doc:
    """Drops every sentence but the first: its triggers are taken away before it is read."""
    if sdoc._.index > 0:
        sdoc.spans["triggers"] = []
    return sdoc


@Language.component("test_drop_withdrawals")
def drop_withdrawals(sdoc: Doc) -> Doc:
    """An event filter: drops the withdrawals read from the sentence."""
    sdoc._.events = [r for r in sdoc._.events if r.type != "withdrawal"]
    return sdoc


@Language.component("test_record")
def record(sdoc: Doc) -> Doc:
    _seen.append(sdoc)
    return sdoc


@contextmanager
def inserted(name: str, **where: str | bool) -> Iterator[None]:
    nlp = components.pipeline()
    nlp.add_pipe(name, **where)
    try:
        yield
    finally:
        nlp.remove_pipe(name)


def _events() -> list[tuple[str, str | None]]:
    doc = Document("d", "test", None, TEXT, "", published="2022-10-05")
    return [(e.type, e.place.name if e.place else None) for e in extract_events(doc, find_places("d", TEXT))]


def test_the_pipeline_is_the_declared_list() -> None:
    assert components.pipeline().pipe_names == list(components.PIPELINE)


def test_both_sentences_report_an_event() -> None:
    found = _events()
    assert ("capture", "Izyum") in found
    assert any(ty == "withdrawal" for ty, _ in found)


def test_a_component_before_the_reader_drops_sentences() -> None:
    with inserted("test_keep_first_sentence", before="frontwatch_events"):
        found = _events()
    assert found == [("capture", "Izyum")]
    assert any(ty == "withdrawal" for ty, _ in _events())  # removed again: the stage is as before


def test_a_component_after_the_reader_filters_events() -> None:
    with inserted("test_drop_withdrawals", after="frontwatch_events"):
        found = _events()
    assert found and all(ty != "withdrawal" for ty, _ in found)
    assert ("capture", "Izyum") in found


def test_components_annotate_each_sentence() -> None:
    _seen.clear()
    with inserted("test_record", last=True):
        _events()
    first, second = _seen
    assert first._.index == 0 and second._.index == 1
    assert {(s.text, s.label_) for s in first.spans["triggers"]} == {("captured", "capture")}
    places = {s.text: s.label_ for s in first.spans["places"]}
    assert places.get("Izium") == "settlement"
    izium = next(t for t in first if t.text == "Izium")
    assert izium._.place is not None and izium._.place.place.name == "Izyum"
    assert [s.text for s in first.spans["dates"]] == ["Tuesday"]
    assert first._.published.isoformat() == "2022-10-05"
    assert [r.type for r in second._.events] == ["withdrawal"]
