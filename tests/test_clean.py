from __future__ import annotations

from frontwatch.clean import clean_text, edge_keys, line_key, repeated_lines, rule_for

BODY = [
    "The Russian Defence Ministry said on Sunday that its forces had pulled back from Kupyansk to regroup.",
    "Ukrainian officials said their troops had entered the town after a week of heavy fighting nearby.",
    "The governor of the Kharkiv region said residents would be evacuated from three villages on Monday.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def removed_rules(text: str, **kw) -> dict[str, str]:
    return {r.line: r.rule for r in clean_text(text, **kw).removed}


def test_title_is_first_line_and_leaves_the_body() -> None:
    c = clean_text(page("Russia pulls back from Kupyansk", *BODY))
    assert c.title == "Russia pulls back from Kupyansk"
    assert "pulls back from Kupyansk" not in c.text
    for line in BODY:
        assert line in c.text


def test_headline_repeated_as_first_body_line_is_removed() -> None:
    c = clean_text(page("Kyiv says 20 villages retaken", "Kyiv says 20 villages retaken", *BODY))
    assert c.title == "Kyiv says 20 villages retaken"
    assert "villages retaken" not in c.text
    assert [r.rule for r in c.removed] == ["title-repeat"]


def test_given_title_is_removed_from_the_body() -> None:
    c = clean_text(page("Front line shifts near Bakhmut", *BODY), title="Front line shifts near Bakhmut")
    assert "Bakhmut" not in c.text and BODY[0] in c.text


def test_glued_category_breadcrumb_before_the_title() -> None:
    c = clean_text(page("Top StoriesWorldUkraine", "Russia pulls back from Kupyansk", *BODY))
    assert c.title == "Russia pulls back from Kupyansk"
    assert (
        removed_rules(page("Top StoriesWorldUkraine", "T", *BODY))["Top StoriesWorldUkraine"] == "breadcrumb"
    )


def test_read_also_and_see_also_lines_with_glued_headlines() -> None:
    text = page(
        "Title",
        BODY[0],
        "• Read also: Drone attack on Odessa port damages grain terminal",
        BODY[1],
        "See also  Ten things to know about the new iPhone",
        "Also read: Zelenskyy meets Biden in Washington",
        BODY[2],
    )
    c = clean_text(text)
    assert {r.rule for r in c.removed} == {"related"}
    assert len(c.removed) == 3
    assert "Odessa" not in c.text and "iPhone" not in c.text and "Washington" not in c.text
    assert all(line in c.text for line in BODY)


def test_comment_form_lines() -> None:
    for line in (
        "Leave a Reply",
        "Leave a Comment",
        "Your email address will not be published. Required fields are marked *",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Save my name, email, and website in this browser for the next time I comment.",
    ):
        assert rule_for(line) == "comment-form", line


def test_navigation_and_share_prompts() -> None:
    assert rule_for("Previous Post") == "navigation"
    assert rule_for("Next article") == "navigation"
    assert rule_for("Back to top button") == "navigation"
    assert rule_for("Show More") == "navigation"
    assert rule_for("Home » World » Europe") == "navigation"
    assert rule_for("Share this:") == "share"
    assert rule_for("%d bloggers like this:") == "share"
    assert rule_for("Follow us on Telegram for the latest updates") == "share"
    assert rule_for("Click to share on Facebook (Opens in new window)") == "share"


def test_author_boxes_and_bylines() -> None:
    assert rule_for("About the Author: Maria Petrenko") == "author"
    assert rule_for("By Olena Kovalenko") == "author"
    assert rule_for("© 2022 Steppe News. All rights reserved.") == "copyright"


def test_sentences_that_merely_contain_boilerplate_words_are_kept() -> None:
    for line in (
        "Related talks between the two delegations were held in Istanbul on Tuesday.",
        "Russia said it would not share details of the prisoner exchange, according to TASS.",
        "By the end of the week, Ukrainian forces had reached the outskirts of Lyman.",
        "Comments by the Kremlin spokesman suggested that no withdrawal was planned.",
        "Next week, the governor said, buses will take residents out of Vuhledar.",
    ):
        assert rule_for(line) is None, line


def test_footer_after_a_tail_marker_goes_with_unmatched_lines() -> None:
    text = page(
        "Title",
        *BODY,
        "You May Also Like",
        "Explosions reported in Belgorod overnight",
        "About the Author: Taras Melnyk",
        '"Coffee lover. Award-winning music fan. Twitter expert."',
        "Leave a Reply",
    )
    c = clean_text(text)
    assert c.text.endswith(BODY[2])
    rules = {r.line: r.rule for r in c.removed}
    assert rules["Explosions reported in Belgorod overnight"] == "footer"
    assert rules["You May Also Like"] == "related"


def test_tail_is_not_cut_when_article_prose_follows() -> None:
    long_paragraph = (
        "Later on Sunday the ministry said that the units withdrawn from the town had taken up new positions "
        "along the river, and that artillery fire on the advancing Ukrainian troops had continued through "
        "the "
        "night, while local officials said that power and water had been cut in most districts of the town "
        "and that the evacuation of the remaining residents would begin as soon as the shelling stopped."
    )
    text = page("Title", *BODY, "Comments", long_paragraph)
    c = clean_text(text)
    assert long_paragraph in c.text


def test_section_label_between_title_and_body() -> None:
    c = clean_text(page("Kremlin rules out talks", "Politics", *BODY))
    assert "Politics" not in c.text
    assert {r.rule for r in c.removed} == {"section-label"}


def test_consecutive_repeated_line_is_kept_once() -> None:
    teaser = "Kyiv says it recaptured 400 square kilometres in a week"
    c = clean_text(page("Title", BODY[0], teaser, teaser, BODY[1]))
    assert c.text.count(teaser) == 1


def test_lines_repeated_at_the_edges_of_several_documents() -> None:
    footer = "Steppe News is an independent outlet covering southern Ukraine"
    docs = [page(f"Title {i}", BODY[i], BODY[(i + 1) % 3], footer) for i in range(3)]
    repeated = repeated_lines([edge_keys(d) for d in docs])
    assert line_key(footer) in repeated
    c = clean_text(docs[0], repeated=repeated)
    assert footer not in c.text
    assert {r.rule for r in c.removed} == {"corpus-repeated"}
    # Body sentences shared by the same three documents are not at the edges: they stay.
    assert BODY[1] in c.text


def test_repeated_lines_need_enough_documents() -> None:
    footer = "Steppe News is an independent outlet covering southern Ukraine"
    docs = [page("T", BODY[0], footer), page("T", BODY[1], footer)]
    assert repeated_lines([edge_keys(d) for d in docs]) == frozenset()


def test_removed_lines_are_recorded_in_order_and_blank_runs_collapse() -> None:
    c = clean_text(page("Title", BODY[0], "Read also: Something else", BODY[1]))
    assert c.text == f"{BODY[0]}\n\n{BODY[1]}"
    assert [(r.line, r.rule) for r in c.removed] == [("Read also: Something else", "related")]
