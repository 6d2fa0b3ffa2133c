"""The trigger prefilter looks single words up among a sentence's words: it must pass exactly the sentences
the equivalent regular expressions pass."""

from __future__ import annotations

import re

import pytest

from conftest import corpus_sentences
from frontwatch.events import nlp, types


def reference(forms: nlp.Forms) -> re.Pattern[str]:
    parts = [rf"\b(?:{nlp._alternation(set(forms.words))})\b"] if forms.words else []
    parts += [forms.others.pattern] if forms.others is not None else []
    return re.compile("|".join(parts), re.I)


def passes_by_regex(sentence: str) -> bool:
    plain, with_cue = nlp._trigger_patterns(types.generation())
    if reference(plain).search(sentence):
        return True
    return any(reference(v).search(sentence) and reference(c).search(sentence) for v, c in with_cue)


def test_forms_find_whole_words_in_any_case() -> None:
    forms = nlp.Forms({"shelled", "shell", "blew up"})
    for sentence, expected in [
        ("Troops SHELLED the town.", True),
        ("The shell-fire went on.", True),  # a hyphen ends a word
        ("Eggshells and bombshells", False),  # not inside a word
        ("They blew   up a bridge.", False),  # a phrase is matched as written
        ("They blew up a bridge.", True),
        ("shell_company", False),  # an underscore joins words
    ]:
        words = frozenset(re.findall(r"\w+", sentence.lower()))
        assert forms.found(sentence, words) is expected, sentence
        assert bool(reference(forms).search(sentence)) is expected, sentence


def test_same_sentences_as_the_regular_expressions_on_the_corpus() -> None:
    sentences = corpus_sentences(every=2)
    assert len(sentences) > 3000
    ours = [nlp.prefilter(s) for s in sentences]
    assert ours == [passes_by_regex(s) for s in sentences]
    assert 0.1 < sum(ours) / len(ours) < 0.9  # both kinds of sentence were tried


@pytest.mark.parametrize("sentence", ["Russian forces pushed back toward the river.", "Nothing happened."])
def test_gated_verbs_need_their_cue(sentence: str) -> None:
    assert nlp.prefilter(sentence) == passes_by_regex(sentence)
