"""The finder skips the longer lookups where no gazetteer key begins with a token's two words; that must
find exactly what trying every length finds."""

from __future__ import annotations

import pytest

from conftest import corpus_texts
from frontwatch.places import find_places, gazetteer
from frontwatch.places.finder import Finder


def test_pairs_hold_the_first_two_words_of_every_longer_key() -> None:
    g = gazetteer.load()
    for key in [*g.exact, *g.loose]:
        words = key.split(" ")
        if len(words) > 1:
            assert f"{words[0]} {words[1]}" in g.pairs, key


@pytest.mark.parametrize(
    "text",
    [
        "Fighting went on near the Luhansk People's Republic's border and in Velyka Novosilka.",
        "Shelling hit Nova Kakhovka, Kamianka-Dniprovska and the Zaporizhzhia Nuclear Power Plant.",
        "Troops left Pervomayskoye and Krasnaya Gora for Kryvyi Rih & New York.",
    ],
)
def test_same_places_as_trying_every_length(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    pruned = find_places("d", text)
    monkeypatch.setattr(Finder, "may_go_on", lambda self, i, n_max: True)
    assert find_places("d", text) == pruned
    assert len(pruned) >= 2


def test_same_places_as_trying_every_length_on_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = corpus_texts()[::3]
    assert len(texts) > 150
    pruned = [find_places("d", t) for t in texts]
    monkeypatch.setattr(Finder, "may_go_on", lambda self, i, n_max: True)
    assert [find_places("d", t) for t in texts] == pruned
    assert sum(map(len, pruned)) > 1000
