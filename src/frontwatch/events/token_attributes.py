"""The model's attribute ruler and rule lemmatizer, with the same annotations at a fraction of the cost.

spaCy's attribute ruler runs a general `Matcher` over every pattern at every token, and its lemmatizer
makes a Python `Token` and a `MorphAnalysis` per token before its cache answers: together half of the
parse's time on news sentences. `TokenAttributes` matches the ruler's own patterns through an index on
the first token's words and tags, hands the matches to the ruler's own `set_annotations`, and asks the
lemmatizer only about token kinds (text, part of speech, morphology) it has not seen before. Patterns and
tables are read from the loaded model, so a model with other rules gets them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

NAME = "frontwatch_token_attributes"
# the token attributes the model's ruler patterns test, as columns of `Doc.to_array`
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_INDEXED = ("LOWER", "TAG", "DEP")  # the first token's attributes a pattern may be looked up by


class UnsupportedPattern(ValueError):
    """A ruler pattern this matcher does not read; the model's own components then stay in place."""


def _value_test(column: int, value: object, strings: Any) -> Callable[[Any], bool]:
    if isinstance(value, bool):
        return lambda row: bool(row[column]) is value
    if isinstance(value, str):
        key = strings.add(value)
        return lambda row: row[column] == key
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            keys = frozenset(strings.add(a) for a in arg)
            if op == "IN":
                return lambda row: row[column] in keys
            return lambda row: row[column] not in keys
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda row: pattern.search(strings[row[column]]) is not None
    raise UnsupportedPattern(f"attribute ruler value {value!r}")


class _Pattern:
    """One alternative of one ruler rule: a test per token."""

    __slots__ = ("match_id", "rule", "tests")

    def __init__(self, rule: int, match_id: int, tokens: list[dict[str, Any]], strings: Any) -> None:
        self.rule = rule
        self.match_id = match_id
        self.tests: list[list[Callable[[Any], bool]]] = []
        for spec in tokens:
            tests = []
            for attr, value in spec.items():
                if attr not in _COLUMNS:
                    raise UnsupportedPattern(f"attribute ruler attribute {attr!r}")
                tests.append(_value_test(_COLUMNS[attr], value, strings))
            self.tests.append(tests)

    def fits(self, rows: Any, start: int) -> bool:
        if start + len(self.tests) > len(rows):
            return False
        return all(test(rows[start + k]) for k, tests in enumerate(self.tests) for test in tests)


def _index_keys(spec: dict[str, Any], strings: Any) -> tuple[str, list[int]] | None:
    """The first token's attribute and values a pattern can be found by, or None (tried everywhere)."""
    for attr in _INDEXED:
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, [strings.add(value)]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return attr, [strings.add(v) for v in value["IN"]]
    return None


class _Index:
    def __init__(self) -> None:
        self.by: tuple[dict[int, list[_Pattern]], ...] = tuple({} for _ in _INDEXED)
        self.anywhere: list[_Pattern] = []

    def candidates(self, row: tuple[int, ...]) -> list[_Pattern]:
        """The patterns whose first token may be this row (`_COLUMNS` order)."""
        out = list(self.anywhere)
        for by, value in zip(self.by, row, strict=False):
            out.extend(by.get(value, ()))
        return out


class TokenAttributes:
    """The attribute ruler's and the rule lemmatizer's annotations, in one pass over a sentence."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise UnsupportedPattern("only a rule lemmatizer that keeps the ruler's lemmas is mirrored")
        strings = ruler.vocab.strings
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        # patterns by the first token's LOWER, TAG or DEP value (one index per attribute), or tried
        # everywhere; one-token patterns and longer ones apart
        self.single = _Index()
        self.longer = _Index()
        for rule, entry in enumerate(ruler.patterns):
            match_id = strings.add(str(rule))
            for tokens in entry["patterns"]:
                pattern = _Pattern(rule, match_id, tokens, strings)
                index = self.single if len(tokens) == 1 else self.longer
                found = _index_keys(tokens[0], strings) if tokens else None
                if found is None:
                    index.anywhere.append(pattern)
                    continue
                attr, keys = found
                for key in keys:
                    index.by[_INDEXED.index(attr)].setdefault(key, []).append(pattern)
        # A token's row decides which one-token rules it fits and which longer patterns may start at it:
        # both worked out once per row and process.
        self.rules_of: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], tuple[_Pattern, ...]]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.matches(doc))
        self.lemmatize(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What the ruler's `match` gives: (rule, match id, start, end), later rules last."""
        rows = [tuple(row) for row in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        found: set[tuple[int, int, int, int]] = set()
        for i, row in enumerate(rows):
            known = self.rules_of.get(row)
            if known is None:
                rules = tuple((p.rule, p.match_id) for p in self.single.candidates(row) if p.fits([row], 0))
                known = self.rules_of[row] = (rules, tuple(self.longer.candidates(row)))
            rules, longer = known
            for rule, match_id in rules:
                found.add((rule, match_id, i, i + 1))
            for p in longer:
                if p.fits(rows, i):
                    found.add((p.rule, p.match_id, i, i + len(p.tests)))
        return sorted(found)

    def lemmatize(self, doc: Doc) -> None:
        """Lemmas where the ruler set none, each token kind asked of the lemmatizer once per process."""
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            known = self.lemmas.get(key)
            if known is None:
                known = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self.lemmas[key] = known
            doc[i].lemma = known


@Language.factory(NAME)
def make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    return TokenAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> Language:
    """Puts `TokenAttributes` in place of the model's attribute ruler and lemmatizer (kept, disabled), when
    the model has both and its patterns are of the kinds it reads."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return nlp
    try:
        nlp.add_pipe(NAME, after="lemmatizer")
    except UnsupportedPattern:
        return nlp
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
