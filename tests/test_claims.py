from __future__ import annotations

import pytest

from frontwatch import claims
from frontwatch.events import nlp
from frontwatch.records import Party


def analyse(sentence: str, trigger: str, context: Party | None = None, next_sentence: str | None = None):
    doc = nlp.parse([sentence])[0]
    tok = next(t for t in doc if t.text == trigger)
    att = claims.find_attribution(doc[:], tok, context)
    return att, claims.status_of(tok, att, next_sentence)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the Russian Defence Ministry", "RU"),
        ("Ukraine's General Staff", "UA"),
        ("a spokesman for the Kremlin", "RU"),
        ("British military intelligence", "GB"),
        ("the Pentagon", "US"),
        ("President Volodymyr Zelenskyy", "UA"),
        ("the head of the Moscow-installed administration", "RU"),
        ("Reuters", None),
        ("local residents", None),
    ],
)
def test_side_of(text: str, side: str | None) -> None:
    assert claims.side_of(text) == side


def test_reporting_verb_gives_speaker_and_claimed() -> None:
    att, status = analyse("The Ukrainian army said its units had recaptured the village.", "recaptured")
    assert att.speaker is not None and att.speaker.side == "UA"
    assert status == "claimed"


def test_according_to() -> None:
    att, status = analyse("According to the Russian news agency RIA, troops left the town.", "left")
    assert att.speaker is not None and att.speaker.side == "RU"
    assert status == "claimed"


def test_quoted_as_saying_takes_the_quoted_party() -> None:
    att, _ = analyse("Interfax quoted the regional governor as saying the troops had withdrawn.", "withdrawn")
    assert att.speaker is not None and "governor" in (att.speaker.name or "")
    assert att.speaker.side == "RU"  # the side of the medium when the quoted one has none


def test_statement_by() -> None:
    att, _ = analyse(
        "In a statement by the Ukrainian navy, two Russian boats were struck near the island.", "struck"
    )
    assert att.speaker is not None and att.speaker.side == "UA"


def test_pronoun_speaker_resolved_from_context() -> None:
    ctx = Party("Defence Minister Sergei Shoigu", "RU")
    att, _ = analyse("He explained that the units would regroup.", "regroup", ctx)
    assert att.speaker == ctx and att.pronoun


def test_plain_report_has_no_speaker() -> None:
    att, status = analyse("Ukrainian troops entered the city on Friday.", "entered")
    assert att.speaker is None
    assert status == "reported"


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        ("The general staff did not confirm that troops had entered the town.", "entered", "unconfirmed"),
        ("There was no confirmation that the bridge was struck.", "struck", "unconfirmed"),
        (
            "Officials said they could neither confirm nor deny the reported retreat.",
            "retreat",
            "unconfirmed",
        ),
        ("The alleged withdrawal surprised analysts.", "withdrawal", "unconfirmed"),
        ("The ministry denied that its troops had withdrawn.", "withdrawn", "denied"),
        ("Our forces have not withdrawn from the city.", "withdrawn", "denied"),
        ("There is no question of the army retreating.", "retreating", "denied"),
        ("The ministry said the troops will withdraw next week.", "withdraw", "planned"),
        # a vow or a refusal is no event, neither planned nor denied
        ("Our troops will not withdraw from the city, the commander said.", "withdraw", None),
        ("The minister said Kyiv would never cede the region.", "cede", None),
        ("If the retreat is confirmed, it would be a setback.", "retreat", None),
        ("Asked whether the army would withdraw, he declined to comment.", "withdraw", None),
    ],
)
def test_status_cues(sentence: str, trigger: str, status: str | None) -> None:
    assert analyse(sentence, trigger)[1] == status


def test_hedge_in_next_sentence() -> None:
    _, status = analyse(
        "The governor said troops had retaken the village.", "retaken", None,
        "The claim could not be independently verified.",
    )  # fmt: skip
    assert status == "unconfirmed"


def test_quote_attribution_after_and_before() -> None:
    text = "“Our units have left the bridgehead,” the Russian commander told reporters."
    start = text.index("left")
    assert "Russian commander" in (claims.quote_attribution(text, start, start + 4) or "")
    text2 = "The governor wrote: “The enemy shelled the market.”"
    start2 = text2.index("shelled")
    assert claims.quote_attribution(text2, start2, start2 + 7) == "The governor wrote"[: len("The governor")]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the reporters who spoke to us", None),
        ("a source told us", None),
        ("US defence officials", "US"),
        ("the U.S. embassy", "US"),
        ("UK intelligence", "GB"),
        ("RT reported", "RU"),
        ("the gur of the stew", None),
        ("Moscow’s envoy", "RU"),
        ("the Ukrainians", "UA"),
    ],
)
def test_acronyms_are_case_sensitive_and_possessives_match(text: str, side: str | None) -> None:
    assert claims.side_of(text) == side


def test_trailing_attribution_covers_a_when_clause() -> None:
    att, status = analyse(
        "Three people were hurt when enemy drones struck the depot overnight, the regional governor said.",
        "struck",
    )
    assert att.speaker is not None and "governor" in (att.speaker.name or "")
    assert status == "claimed"


def test_gerund_subject_of_a_modal_is_hypothetical() -> None:
    assert analyse("Recapturing the whole province could take the army a year.", "Recapturing")[1] is None


def test_quote_attribution_keeps_initials_in_a_name() -> None:
    text = "“Both towns were retaken this week,” Admiral Jane K. Doe told reporters in London."
    start = text.index("retaken")
    assert claims.quote_attribution(text, start, start + 7) == "Admiral Jane K. Doe"


def test_blame_speaker_and_blamed_party() -> None:
    att, status = analyse("Local officials accused Moscow of shelling the port.", "shelling")
    assert (att.speaker.name, status) == ("Local officials", "claimed")
    doc = nlp.parse(["The city council blamed Russian troops for the bombing."])[0]
    bombing = next(t for t in doc if t.text == "bombing")
    assert claims.side_of(claims.phrase(claims.blamed(bombing))) == "RU"


def _states(name: str) -> str | None:
    return {"Mykolaiv": "UA", "Odesa": "UA", "Kursk": "RU"}.get(name.split()[0])


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the governor of the Mykolaiv region, Ivan Petrenko", "UA"),
        ("Odesa's mayor", "UA"),
        ("the governor of Kursk", "RU"),
        ("the Russian-installed head of occupied Odesa", "RU"),
        ("the head of the occupation administration in Mykolaiv", "RU"),
        ("the self-proclaimed authorities of Odesa", "RU"),
        ("residents of Odesa", None),  # no office: a place alone tells no side
    ],
)
def test_speaker_side_from_title(text: str, side: str | None) -> None:
    assert claims.speaker_side(text, _states) == side


def test_closing_speaker_hung_on_a_noun_as_apposition() -> None:
    att, status = analyse(
        "Missiles hit a depot in the town, the regional governor, Ivan Hrytsenko, said.", "hit"
    )
    assert att.speaker is not None and "governor" in (att.speaker.name or "") and status == "claimed"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("a Ukrainian MP", "UA"),
        ("Russian state media", "RU"),
        ("the State Duma", "RU"),
        ("Chatham House", "GB"),
        ("Human Rights Watch", None),
    ],
)
def test_registry_institutions_and_nationality_words(text: str, side: str | None) -> None:
    assert claims.side_of(text) == side


def test_refuting_a_claim_denies_it_and_names_the_speaker() -> None:
    att, status = analyse("Kyiv refuted claims that Russian troops had captured the town.", "captured")
    assert status == "denied"
    assert att.speaker is not None and att.speaker.side == "UA"


def test_future_through_an_infinitive_and_a_light_verb() -> None:
    assert analyse("The army will begin to withdraw from the bridgehead.", "withdraw")[1] == "planned"
    assert analyse("Russia will launch new strikes on the port.", "strikes")[1] == "planned"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Should the country come under attack, rations would be cut.", "attack"),
        ("A terrorist attack in Europe could force him to change course.", "attack"),
        ("They would not accept medical evacuations if the fighting continued.", "evacuations"),
        ("Had the troops withdrawn, the bridge would have fallen.", "withdrawn"),
    ],
)
def test_nominal_and_inverted_conditionals_are_hypothetical(sentence: str, trigger: str) -> None:
    assert analyse(sentence, trigger)[1] is None


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The shelling could have killed dozens, the mayor said.", "shelling"),
        ("The Russian attacks on the city should stop.", "attacks"),
        ("He might recognise the annexation of the peninsula.", "annexation"),
    ],
)
def test_a_modal_on_a_consequence_keeps_the_event(sentence: str, trigger: str) -> None:
    assert analyse(sentence, trigger)[1] is not None


def test_as_reported_by_an_inverted_subject_attributes_the_clause() -> None:
    att, status = analyse(
        "As reported the general staff of Ukraine, the retreat of the enemy was completed.", "retreat"
    )
    assert att.speaker is not None and att.speaker.side == "UA" and status == "claimed"
    att, status = analyse("As the Russian ministry said on Friday, its troops withdrew.", "withdrew")
    assert att.speaker is not None and att.speaker.side == "RU" and status == "claimed"


def test_a_trailing_verb_before_its_speaker_attributes_the_sentence() -> None:
    att, status = analyse(
        "Overnight the enemy shelled the district with rockets, informed the head of the regional "
        "military administration Ivan Fedorenko.",
        "shelled",
    )
    assert att.speaker is not None and "Fedorenko" in (att.speaker.name or "")
    assert status == "claimed"
    att, _ = analyse("Troops shelled the town, said on Sunday the mayor.", "shelled")
    assert att.speaker is None  # "said on ...": no speaker right after the verb


def test_what_footage_shows_is_reported_not_claimed() -> None:
    att, status = analyse(
        "Geolocated footage indicates that Ukrainian troops have advanced near the town.", "advanced"
    )
    assert att.speaker is None and status == "reported"
    att, status = analyse("The ministry said footage indicates that its troops advanced.", "advanced")
    assert att.speaker is not None and status == "claimed"


def test_a_wire_dateline_is_not_the_speaker() -> None:
    att, _ = analyse(
        "KHARKIV, May 3 (Reuters) - Ukraine said on Tuesday its forces had retaken a village.", "retaken"
    )
    assert att.speaker is not None and att.speaker.name == "Ukraine"


def test_a_report_verb_with_a_misplaced_clause_still_speaks() -> None:
    att, status = analyse(
        "The spokesman said at a briefing that the losses of the enemy in the "
        "area exceeded 100 servicemen killed.",
        "killed",
    )
    assert att.speaker is not None and status == "claimed"
    att, _ = analyse("The general claimed to have seized the road and ordered units to advance.", "advance")
    assert att.cue is None or att.cue.lemma_ != "claim"  # the second verb is no part of what was claimed


def test_a_rejected_claim_is_denied_by_the_rejecting_party() -> None:
    att, status = analyse(
        "Ukraine's military rejected Moscow's claim that it had captured the village.", "captured"
    )
    assert att.speaker is not None and att.speaker.side == "UA" and status == "denied"


def test_a_question_and_an_absent_event_tell_nothing() -> None:
    assert analyse("Is the army leaving the city?", "leaving")[1] is None
    assert analyse("There had been no strikes on the capital since June.", "strikes")[1] is None


def test_it_was_informed_in_the_ministry() -> None:
    att, status = analyse(
        "Units liberated the settlement, it was informed in the Ministry of Defence of Russia on Friday.",
        "liberated",
    )
    assert att.speaker is not None and att.speaker.side == "RU" and status == "claimed"


def test_a_posted_video_claims_for_whoever_posted_it() -> None:
    att, status = analyse(
        "A clip posted on Monday by pro-Russian Telegram channels claimed to show a strike on a bridge.",
        "strike",
    )
    assert att.speaker is not None and att.speaker.side == "RU" and "channels" in (att.speaker.name or "")
    assert status == "claimed"
    att, _ = analyse("Geolocated footage indicates that troops advanced into the village.", "advanced")
    assert att.speaker is None  # footage that shows is evidence, not a speaker


def test_a_label_before_a_quoted_line_is_no_speaker() -> None:
    line = "Claim 2: “Russian troops have taken the bridge”"
    start = line.index("taken")
    assert claims.quote_attribution(line, start, start + 5) is None
    line = "The commander wrote: “Russian troops have taken the bridge”"
    start = line.index("taken")
    assert claims.quote_attribution(line, start, start + 5) == "The commander"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("14 Jun 2023 09.12 the regional governor", "the regional governor"),
        ("Jun 2023 21.40 Ukraine's air force", "Ukraine's air force"),
        ("the defence ministry has", "the defence ministry"),
        ("the Red Cross (ICRC", "the Red Cross (ICRC)"),
        ("As", None),
        ("the General Staff", "the General Staff"),
        ("May", "May"),
    ],
)
def test_a_name_is_shown_without_stamps_verbs_or_open_brackets(raw: str, shown: str | None) -> None:
    assert claims.tidy_name(raw) == shown
