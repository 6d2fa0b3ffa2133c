"""The fast attribute ruler and lemmatizer give exactly the annotations of the model's own components."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from conftest import corpus_sentences
from frontwatch.events import nlp, token_attributes

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    reference = spacy.load(nlp.MODEL, exclude=["ner"])
    fast = token_attributes.install(spacy.load(nlp.MODEL, exclude=["ner"]))
    return reference, fast


def test_installed_in_place_of_the_ruler_and_lemmatizer(pipelines) -> None:
    _, fast = pipelines
    assert fast.pipe_names[-1] == token_attributes.NAME
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(fast.disabled)
    assert token_attributes.NAME in nlp.load().pipe_names  # the pipeline the events stage parses with


def test_same_annotations_as_the_model_on_the_corpus(pipelines) -> None:
    reference, fast = pipelines
    sentences = corpus_sentences()[::5][:1500]  # every fifth: the corpus's styles, not one folder's
    assert len(sentences) > 1000
    for a, b in zip(reference.pipe(sentences), fast.pipe(sentences), strict=True):
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), a.text


@pytest.mark.parametrize(
    "sentence",
    [
        "They ain't gonna give up the town, he said.",  # two-token patterns
        "It's what we're told: the troops were being shelled and had been hit.",
        "Whose shells? These ones, which  hit   the depot.",  # irregular spaces
        "",
    ],
)
def test_same_annotations_on_rare_patterns(pipelines, sentence: str) -> None:
    reference, fast = pipelines
    a, b = reference(sentence), fast(sentence)
    assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all()
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_a_pattern_of_an_unknown_kind_leaves_the_model_as_it_is() -> None:
    model = spacy.load(nlp.MODEL, exclude=["ner"])
    model.get_pipe("attribute_ruler").add([[{"SHAPE": "Xxxx"}]], {"MORPH": "Foreign=Yes"})
    token_attributes.install(model)
    assert "attribute_ruler" in model.pipe_names and token_attributes.NAME not in model.pipe_names
