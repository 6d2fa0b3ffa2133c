"""extract_page on small hand-written pages: body, title, date, URL, and what must stay out of the body."""

from __future__ import annotations

from frontwatch.ingest.extract import extract_page

PARAGRAPHS = [
    "Engineers reopened the river crossing near the old mill on Tuesday after three weeks of repairs, "
    "the regional transport office said in a statement published in the morning.",
    "The crossing had been closed since heavy rain washed away part of the eastern approach, forcing "
    "lorries onto a detour that added almost two hours to the journey between the two market towns.",
    "Local traders welcomed the reopening but warned that the detour had already cost them a season of "
    "business, and asked the council to publish a timetable for the remaining works on the western bank.",
    "Officials said a second phase of repairs would begin in the spring and would close one lane at a "
    "time, so that traffic could keep moving while the old supports were replaced with concrete piles.",
]


def article_page(
    *,
    head: str = "",
    extra: str = "",
    paragraphs: list[str] = PARAGRAPHS,
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>River crossing reopens after repairs | The Valley Courier</title>{head}</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article><h1>River crossing reopens after repairs</h1>{body}</article>{extra}</main>
<footer><p>Contact the newsroom</p><p>Terms of use and privacy policy</p></footer>
</body></html>"""


COMMENTS = """<section id="comments" class="comments-area"><h2>3 comments</h2><ol class="comment-list">
<li class="comment"><div class="comment-body"><p>Commenter words about potholes that the newsroom never wrote,
and which certainly do not belong in the article body at all.</p></div></li>
<li class="comment"><div class="comment-body"><p>Another reader complains loudly that the ferry was
better and cheaper than the bridge ever was, in his considered view.</p></div></li>
</ol></section>"""


def test_body_keeps_the_article_paragraphs_and_drops_navigation_and_footer():
    page = extract_page(article_page())
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    assert "Weather" not in page.text
    assert "privacy policy" not in page.text


def test_title_comes_from_the_page():
    page = extract_page(article_page())
    assert page.title is not None
    assert "River crossing reopens after repairs" in page.title


def test_date_from_published_meta():
    head = '<meta property="article:published_time" content="2021-03-09T08:15:00+00:00">'
    assert extract_page(article_page(head=head)).published == "2021-03-09"


def test_no_date_anywhere_gives_none():
    assert extract_page(article_page()).published is None


def test_canonical_url_when_none_is_given():
    head = '<link rel="canonical" href="https://valley-courier.example/news/river-crossing-reopens">'
    page = extract_page(article_page(head=head))
    assert page.url == "https://valley-courier.example/news/river-crossing-reopens"


def test_given_url_is_kept_without_canonical():
    page = extract_page(article_page(), url="https://valley-courier.example/a/123")
    assert page.url == "https://valley-courier.example/a/123"


def test_comments_section_is_excluded():
    page = extract_page(article_page(extra=COMMENTS))
    assert PARAGRAPHS[0] in page.text
    assert "potholes" not in page.text
    assert "ferry was" not in page.text


def test_one_paragraph_brief_is_kept():
    # Under the precision-first pass's word threshold, but it is the whole article.
    brief = [PARAGRAPHS[0]]
    page = extract_page(article_page(paragraphs=brief))
    assert PARAGRAPHS[0] in page.text


def test_page_without_article_text_gives_empty_body():
    html = """<html><head><title>Index</title></head><body><nav><ul>
<li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li><li><a href="/c">Culture</a></li>
</ul></nav></body></html>"""
    page = extract_page(html)
    assert page.text == ""
    assert page.published is None


def test_empty_document_does_not_raise():
    page = extract_page("", url="https://valley-courier.example/empty")
    assert page.text == ""
    assert page.url == "https://valley-courier.example/empty"
