"""The learned sentence typer: the shipped model is the one its card describes, it types sentences of our
own wording as expected, the pipeline uses it as the mode says, and training examples come out as labelled."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from frontwatch.events import document, nlp, typer
from frontwatch.learn.examples import TYPES, batch_examples, sample_negatives, split_batches

CARD = json.loads((typer.MODEL_DIR / "model_card.json").read_text("utf-8"))


def test_shipped_files_are_those_the_card_names() -> None:
    for name, digest in CARD["files"].items():
        assert hashlib.sha256((typer.MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    assert list(json.loads((typer.MODEL_DIR / "thresholds.json").read_text("utf-8"))) == list(TYPES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian missiles struck an apartment block in the city centre overnight, officials said.",
         "attack"),
        ("Ukrainian troops recaptured the village on Tuesday and raised their flag over the school.",
         "capture"),
        ("The governor ordered the evacuation of children and elderly residents from the frontline towns.",
         "evacuation"),
        ("The president signed a decree on partial mobilisation, calling up reservists from next week.",
         "mobilization"),
    ],
)  # fmt: skip
def test_event_sentences_get_their_type(sentence: str, expected: str) -> None:
    assert expected in typer.sentence_types([sentence])[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The home side captured the league title with a late goal in front of a sold-out stadium.",
        "The bakery on the corner sells fresh bread every morning except Sundays.",
    ],
)
def test_sentences_without_an_event_get_no_type(sentence: str) -> None:
    assert typer.sentence_types([sentence]) == [frozenset()]


def test_a_sentence_is_typed_the_same_whatever_it_is_typed_with() -> None:
    sentences = [
        "Shelling hit the railway station in the morning.",
        "A short note.",
        "Forces withdrew from the bridgehead on the left bank after weeks of fighting, the command said.",
        "The regional governor said that the occupiers had claimed to annex four regions in the autumn, "
        "including this one, and ordered 300,000 reservists to the front to hold the line.",
        "Rain is expected.",
    ]
    alone = [typer.shared().probabilities([s])[0] for s in sentences]
    # int8 activations are quantised with one scale per input: typed together, sentences moved each other
    assert typer.shared().probabilities(sentences) == alone
    assert typer.shared().probabilities(sentences[::-1]) == alone[::-1]


def test_mode_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_TYPER", "sometimes")
    with pytest.raises(ValueError, match="FRONTWATCH_TYPER"):
        typer.mode()
    monkeypatch.delenv("FRONTWATCH_TYPER")
    assert typer.mode() == typer.DEFAULT == "learned"


def test_modes_choose_which_sentences_are_parsed() -> None:
    text = (
        "Artillery shelled the outskirts of the town overnight, damaging two houses.\n"
        "The mayor said the market would open as usual.\n"
        "Soldiers pulled back from the ridge, the army said.\n"
    )
    sentences = nlp.split_sentences(text)
    off, none = document._select(sentences, "off")
    gate, types = document._select(sentences, "gate")
    union, _ = document._select(sentences, "union")
    learned, learned_types = document._select(sentences, "learned")
    assert none is None and types is not None
    assert set(gate) <= set(off) <= set(union)
    assert gate == [i for i in off if types[i]]
    # "learned" types only what the prefilter passes and parses what the typer types of it
    assert learned == gate and learned_types == types


def _write_batch(folder: Path) -> None:
    folder.mkdir(parents=True)
    text = (
        "Rockets hit depot\n"
        "Share this story\n"
        "Rockets hit a fuel depot near the port late on Monday. The harbour master said ships were safe.\n"
        "Officials denied that the garrison had left the fort.\n"
    )
    article = {
        "id": "t-01",
        "published": "2023-05-02",
        "title": "Rockets hit depot",
        "text": text,
        "style": "wire",
    }
    (folder / "articles.jsonl").write_text(json.dumps(article) + "\n", "utf-8")
    gold = {
        "version": 1,
        "documents": [
            {
                "doc_id": "t-01",
                "published": "2023-05-02",
                "boilerplate": ["Share this story"],
                "content": [],
                "places": [],
                "events": [
                    {
                        "id": "t-01-e1",
                        "type": ["attack"],
                        "evidence": "Rockets hit a fuel depot near the port",
                    }
                ],
                "non_events": [
                    {
                        "evidence": "the garrison had left the fort",
                        "looks_like": "withdrawal",
                        "why": "negated",
                    }
                ],
            }
        ],
        "incidents": [],
    }
    (folder / "gold.json").write_text(json.dumps(gold), "utf-8")


def test_examples_from_a_batch(tmp_path: Path) -> None:
    _write_batch(tmp_path / "wire-01")
    examples = {e.text: e for e in batch_examples(tmp_path / "wire-01")}
    assert "Share this story" not in examples
    assert examples["Rockets hit a fuel depot near the port late on Monday."].types == {"attack"}
    assert examples["The harbour master said ships were safe."].types == frozenset()
    denied = examples["Officials denied that the garrison had left the fort."]
    assert denied.hard and not denied.types


def test_held_out_batches_are_drawn_per_family_and_repeatably() -> None:
    folders = [Path(f"{family}-{n:02d}") for family in ("farm", "wire", "gap") for n in range(1, 11)]
    train, held = split_batches(folders, seed=7)
    assert (train, held) == split_batches(folders, seed=7)
    assert not set(train) & set(held) and len(train) + len(held) == len(folders)
    assert {f.name.split("-")[0] for f in held} == {"farm", "wire", "gap"}


def test_negatives_are_sampled_but_positives_and_hard_ones_kept(tmp_path: Path) -> None:
    _write_batch(tmp_path / "wire-01")
    examples = batch_examples(tmp_path / "wire-01")
    kept = sample_negatives(examples, ratio=0.0, seed=1)
    assert {e.text for e in kept} == {e.text for e in examples if e.types or e.hard}


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="needs the [train] extra")
def test_smoke_training_lowers_the_loss(tmp_path: Path) -> None:
    import torch

    from frontwatch.learn import typer_train

    _write_batch(tmp_path / "wire-01")
    examples = batch_examples(tmp_path / "wire-01")
    target = torch.tensor([[1.0 if t in e.types else 0.0 for t in TYPES] for e in examples])

    def loss_after(epochs: int) -> float:
        model, tokenizer = typer_train.train(examples, epochs=epochs, batch_size=4, max_len=32, log=False)
        enc = tokenizer([e.text for e in examples], padding=True, return_tensors="pt")
        with torch.no_grad():
            logits = model(enc["input_ids"], enc["attention_mask"])
        return torch.nn.functional.binary_cross_entropy_with_logits(logits, target).item()

    assert loss_after(3) < loss_after(0)


def test_types_mode_keeps_only_the_rule_events_the_typer_confirms(monkeypatch) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    text = (
        "Russian artillery shelled Kupiansk overnight, the regional governor said on Tuesday.\n"
        "The striker's late attack on goal captured the crowd's imagination in Kharkiv.\n"
        "Ukrainian troops withdrew from the village of Pisky, the army said.\n"
    )
    doc = Document("typed", "test", None, text, "h", published="2023-05-02", language="en")
    places = find_places(doc.doc_id, doc.text)
    monkeypatch.setenv("FRONTWATCH_TYPER", "off")
    ruled = extract_events(doc, places)
    monkeypatch.setenv("FRONTWATCH_TYPER", "types")
    kept = extract_events(doc, places)
    assert ruled and {(e.type, e.evidence.text) for e in kept} <= {(e.type, e.evidence.text) for e in ruled}
    for e in kept:
        sentence = next(s.text for s in nlp.split_sentences(text) if e.evidence.text in s.text)
        assert e.type in typer.sentence_types([sentence])[0]
    assert any(e.type == "attack" for e in kept)
    assert not any("striker" in e.evidence.text for e in kept)  # a match report's "attack"


@pytest.mark.parametrize("how", ["add", "learned"])
def test_the_typer_adds_no_event_where_the_rules_found_one(monkeypatch, how: str) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    # the typer calls this sentence an attack and an advance; the rules find the attack
    text = "Ukrainian troops attacked the centre of Kupiansk on Saturday.\n"
    assert typer.sentence_types([text.strip()])[0] >= {"attack", "advance"}
    doc = Document("added", "test", None, text, "h", published="2023-05-02", language="en")
    places = find_places(doc.doc_id, doc.text)
    monkeypatch.setenv("FRONTWATCH_TYPER", how)
    assert [(e.type, e.trigger) for e in extract_events(doc, places)] == [("attack", "attacked")]


@pytest.mark.parametrize("how", ["types", "learned"])
def test_an_attempt_the_typer_calls_a_capture_is_kept(monkeypatch, how: str) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    text = "Russian forces are attempting to take control of Vuhledar, Ukrainian officials said.\n"
    assert "attack" not in typer.sentence_types([text.strip()])[0]
    doc = Document("attempt", "test", None, text, "h", published="2023-05-02", language="en")
    monkeypatch.setenv("FRONTWATCH_TYPER", how)
    found = extract_events(doc, find_places(doc.doc_id, doc.text))
    assert [(e.type, e.place.name if e.place else None) for e in found] == [("attack", "Vuhledar")]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # phrasings the typer, trained on text that seldom uses them, does not type as their event
        (
            "Mariupol fell to Russian forces after a long siege, the city council said.",
            ("capture", "Mariupol"),
        ),
        (
            "Russia began calling up reservists in occupied Crimea, Ukrainian intelligence said.",
            ("mobilization", "Crimea"),
        ),
        (
            "Residents of Kupiansk were told to leave the town as Russian forces approached.",
            ("evacuation", "Kupyansk"),
        ),
        (  # a toll counted over days: the typer gives tolls to strikes
            "In the Kherson region, 11 civilians were killed and 48 injured over the past week.",
            ("casualties", "Kherson Oblast"),
        ),
        (  # a week's toll, told by its week
            "In the Kharkiv region, 14 civilians were killed and 40 injured last week, the governor said.",
            ("casualties", "Kharkiv Oblast"),
        ),
        (  # a bulletin's line headed by its town, with a munition the typer does not know
            "Kupiansk: in the evening the occupiers dropped a KAB on the private sector.",
            ("attack", "Kupyansk"),
        ),
        (  # the Russian ministry's formula, which the typer reads as a toll
            "Units of the Battlegroup West inflicted losses on three Ukrainian brigades near Kupiansk.",
            ("attack", "Kupyansk"),
        ),
        (  # a year's toll at a town: a tally of many strikes, not one
            "In 2023, 1,200 people were killed or wounded by Russian shelling in Nikopol, officials said.",
            ("casualties", "Nikopol"),
        ),
    ],
)
def test_a_sure_sense_needs_no_typer(monkeypatch, text: str, event: tuple[str, str]) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    assert event[0] not in typer.sentence_types([text])[0]
    doc = Document("sure", "test", None, text + "\n", "h", published="2022-09-21", language="en")
    monkeypatch.setenv("FRONTWATCH_TYPER", "learned")
    found = extract_events(doc, find_places(doc.doc_id, doc.text))
    assert [(e.type, e.place.name if e.place else None) for e in found] == [event]


def test_a_mishap_s_toll_over_days_still_needs_the_typer(monkeypatch) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    text = "Two people were killed in a car crash in Kyiv over the past day, police said.\n"
    doc = Document("crash", "test", None, text, "h", published="2023-05-02", language="en")
    monkeypatch.setenv("FRONTWATCH_TYPER", "off")
    assert [e.type for e in extract_events(doc, find_places(doc.doc_id, doc.text))] == ["casualties"]
    monkeypatch.setenv("FRONTWATCH_TYPER", "learned")
    assert extract_events(doc, find_places(doc.doc_id, doc.text)) == []


def test_a_capture_the_typer_reads_as_the_other_side_s_withdrawal_is_kept(monkeypatch) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    text = "Moscow claimed its forces had pushed Ukrainian troops out of Bakhmut.\n"
    assert typer.sentence_types([text.strip()])[0] & {"capture", "withdrawal"} == {"withdrawal"}
    doc = Document("pushed", "test", None, text, "h", published="2023-01-14", language="en")
    monkeypatch.setenv("FRONTWATCH_TYPER", "learned")
    found = extract_events(doc, find_places(doc.doc_id, doc.text))
    assert [(e.type, e.place.name if e.place else None, e.actor.side) for e in found] == [
        ("capture", "Bakhmut", "RU")
    ]


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ({"advance", "withdrawal"}, set()),  # moving both ways: neither
        ({"advance", "withdrawal", "attack"}, {"attack"}),
        ({"attack", "advance"}, {"advance"}),  # one ground push, not two events
        ({"capture", "withdrawal"}, {"capture", "withdrawal"}),  # one side takes what the other leaves
        ({"attack"}, {"attack"}),
    ],
)
def test_a_verb_is_read_as_one_movement(given: set[str], read: set[str]) -> None:
    from frontwatch.events.components import verb_types

    assert verb_types(frozenset(given)) == read


def test_a_toll_over_months_is_no_attack_of_the_typer(monkeypatch) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    # the typer, taught to give a strike's toll to the strike, calls this an attack too; the rules read the
    # count and its months as casualties, and the toll's verb takes no event of the typer's
    text = (
        "Since the start of the year, 112 civilians have been killed in Kharkiv region, "
        "governor Oleh Syniehubov said.\n"
    )
    assert typer.sentence_types([text.strip()])[0] >= {"attack", "casualties"}
    doc = Document("toll", "test", None, text, "h", published="2024-05-02", language="en")
    monkeypatch.setenv("FRONTWATCH_TYPER", "learned")
    assert [e.type for e in extract_events(doc, find_places(doc.doc_id, doc.text))] == ["casualties"]


@pytest.mark.parametrize(
    "sentence",
    [
        "There were drones over the Kherson region all night, officials said.",
        "There were reports that Moscow intends to annex the Kherson region.",
        # ground moved by no side: no withdrawal, however the typer reads the verb
        "A tanker with no crew aboard has left the port of Odesa, the harbour master said.",
        # where evacuees are put up, not where an evacuation took place
        "The evacuated families will be housed in Dnipro and Poltava, the regional governor said.",
    ],
)
def test_a_verb_that_tells_no_act_of_war_takes_no_event_of_the_typer(monkeypatch, sentence: str) -> None:
    from frontwatch.events import extract_events
    from frontwatch.places import find_places
    from frontwatch.records import Document

    assert typer.sentence_types([sentence])[0]  # the typer reads an event into it
    doc = Document("bare", "test", None, sentence + "\n", "h", published="2024-05-02", language="en")
    monkeypatch.setenv("FRONTWATCH_TYPER", "learned")
    assert extract_events(doc, find_places(doc.doc_id, doc.text)) == []
