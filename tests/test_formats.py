"""Reading raw files: every input format, gzip of each, and every kind of bad input."""

import gzip
import json
from datetime import date

import pytest

from pipeline.errors import RejectedInput
from pipeline.formats import detect_format, read_articles
from pipeline.formats.base import doc_id_for

ARTICLE = (
    "Ministers from 30 nations met in Brussels on Thursday.\n\n"
    "The Defence Secretary said the talks would continue next week."
)
HTML_PAGE = f"""<!DOCTYPE html>
<html><head><title>Talks in Brussels | The Daily Example</title>
<meta name="author" content="Jane Roe and John Doe">
<meta property="article:published_time" content="2025-04-10T09:00:00+01:00">
<meta property="og:site_name" content="The Daily Example"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks in Brussels</h1>
{"".join(f"<p>{p} It was the latest in a series of meetings.</p>" for p in ARTICLE.split(chr(10)))}
</article><footer>© The Daily Example 2025</footer></body></html>"""


def test_plain_text_is_one_article_with_id_from_its_bytes() -> None:
    data = ARTICLE.encode()
    result = read_articles(data, "a/b.txt")
    [article] = result.articles
    assert article.source_format == "txt"
    assert article.text == ARTICLE
    assert article.doc_id == doc_id_for(data)
    assert article.source_path == "a/b.txt"


def test_html_page_main_text_and_metadata() -> None:
    [article] = read_articles(HTML_PAGE.encode(), "page.html").articles
    assert article.source_format == "html"
    assert "Ministers from 30 nations met in Brussels" in article.text
    assert "Home" not in article.text and "©" not in article.text
    assert article.title == "Talks in Brussels"
    assert article.authors == ("Jane Roe", "John Doe")
    assert article.published == date(2025, 4, 10)
    assert article.publisher == "The Daily Example"


def test_html_fragment_too_small_for_trafilatura_is_still_read() -> None:
    [article] = read_articles(b"<p>Short note.</p><p>Second line.</p>", "x.html").articles
    assert article.text == "Short note.\nSecond line."


def test_html_is_detected_from_content_without_suffix() -> None:
    assert read_articles(HTML_PAGE.encode(), "noext").articles[0].source_format == "html"


def test_json_object_keeps_its_own_fields() -> None:
    obj = {
        "headline": "Talks in Brussels",
        "body": ARTICLE,
        "authors": ["Jane Roe"],
        "publishing_date": "2025-04-10 01:20:00+00:00",
        "publisher": "Example News",
    }
    data = json.dumps(obj).encode()
    [article] = read_articles(data, "feed/one.json").articles
    assert article.source_format == "json"
    assert (article.title, article.authors, article.published, article.publisher) == (
        "Talks in Brussels",
        ("Jane Roe",),
        date(2025, 4, 10),
        "Example News",
    )
    assert article.doc_id == doc_id_for(data)


def test_json_lines_one_article_per_line_and_bad_lines_reported() -> None:
    lines = [
        json.dumps({"title": "One", "text": "First article text."}),
        json.dumps({"title": "No text here"}),
        json.dumps({"title": "Three", "text": "Third article text."}),
    ]
    result = read_articles("\n".join(lines).encode(), "feed.jsonl")
    assert [a.title for a in result.articles] == ["One", "Three"]
    assert [a.record for a in result.articles] == [1, 3]
    assert result.articles[0].doc_id == doc_id_for(lines[0].encode())
    [problem] = result.problems
    assert problem.stage == "parse" and "record 2" in problem.message
    assert "found keys: title" in problem.message


def test_json_array_of_articles() -> None:
    data = json.dumps([{"text": "Alpha story."}, {"text": "Beta story."}]).encode()
    result = read_articles(data, "arr.json")
    assert [a.text for a in result.articles] == ["Alpha story.", "Beta story."]
    assert len({a.doc_id for a in result.articles}) == 2


@pytest.mark.parametrize(
    ("name", "payload", "fmt"),
    [
        ("a.txt.gz", ARTICLE.encode(), "txt"),
        ("a.html.gz", HTML_PAGE.encode(), "html"),
        ("a.jsonl.gz", json.dumps({"text": ARTICLE}).encode(), "json"),
        ("no_suffix", ARTICLE.encode("utf-16"), "txt"),
    ],
)
def test_gzip_of_each_format(name: str, payload: bytes, fmt: str) -> None:
    [article] = read_articles(gzip.compress(payload), name).articles
    assert article.source_format == fmt
    assert "30 nations" in article.text
    assert article.doc_id == doc_id_for(payload)  # same id as the uncompressed file


def test_text_starting_with_a_bracket_is_not_mistaken_for_json() -> None:
    text = "[Updated] Ministers met in Brussels on Thursday."
    assert detect_format(text, ".txt") == "txt"
    assert read_articles(text.encode(), "u.txt").articles[0].text == text


@pytest.mark.parametrize(
    ("data", "name", "stage", "phrase"),
    [
        (b"", "empty.txt", "read", "empty file"),
        (b"  \n\t \r\n", "blank.txt", "read", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.txt", "decode", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "doc.pdf", "decode", "PDF document"),
        (b"PK\x03\x04" + b"\x00" * 40, "bundle.zip", "decode", "ZIP archive"),
        (bytes(range(0x80, 0x100)) * 3, "weird.txt", "decode", "undecodable"),
        (b'{"title": "x", "tags": []}', "meta.json", "parse", "no article text"),
        (b'{"text": "unterminated', "broken.json", "parse", "invalid JSON"),
        (b"[1, 2, 3]", "numbers.json", "parse", "not an article object"),
        (
            b"<html><body><script>var a=1;</script></body></html>",
            "empty.html",
            "parse",
            "no visible article text",
        ),
        (gzip.compress(b"")[:-4] + b"\xff\xff", "trunc.gz", "decode", "corrupt gzip"),
    ],
)
def test_bad_inputs_are_rejected_with_an_actionable_message(
    data: bytes, name: str, stage: str, phrase: str
) -> None:
    try:
        result = read_articles(data, name)
    except RejectedInput as problem:
        assert problem.stage == stage
        assert phrase in problem.message
        return
    assert not result.articles, f"{name} produced articles"
    assert result.problems and phrase in result.problems[0].message


def test_gzip_bomb_is_stopped_at_the_limit() -> None:
    bomb = gzip.compress(b"a" * 10_000_000)
    with pytest.raises(RejectedInput) as err:
        read_articles(bomb, "bomb.txt.gz", max_bytes=1_000_000)
    assert "expands beyond" in err.value.message


def test_html_byline_element_names_the_author_when_metadata_does_not() -> None:
    page = HTML_PAGE.replace('<meta name="author" content="Jane Roe and John Doe">', "").replace(
        "<article><h1>Talks in Brussels</h1>",
        '<article><h1>Talks in Brussels</h1><span class="byline">By Ana Silva</span>',
    )
    [article] = read_articles(page.encode(), "page.html").articles
    assert article.authors == ("Ana Silva",)


def test_surname_given_name_pairs_from_citation_metadata() -> None:
    from pipeline.metadata import split_authors

    assert split_authors("You; Xiaoying; Lenharo; Mariana") == ("Xiaoying You", "Mariana Lenharo")


def test_provenance_of_json_records_from_the_exports_field_names() -> None:
    lines = [
        {"stories_id": 2814000123, "url": "https://ex.org/a", "media_name": "Echo", "text": "A."},
        {
            "url": "https://ex.org/b",
            "seendate": "20250306T101500Z",
            "domain": "ex.org",
            "text": "B.",
        },
        {"id": True, "url": {"href": "https://ex.org/c"}, "language": "en", "text": "C."},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    a, b, c = read_articles(data, "export.jsonl").articles
    assert (a.source_id, a.url, a.publisher) == ("2814000123", "https://ex.org/a", "Echo")
    assert (b.source_id, b.publisher, b.published) == (
        "https://ex.org/b",
        "ex.org",
        date(2025, 3, 6),
    )
    assert (c.source_id, c.url, c.language) == (None, None, "en")  # no guess from other types


def test_feed_items_keep_their_link_id_and_the_feed_language() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
    <language>en-gb</language><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self"
    href="https://ex.org/feed"/><item><title>One</title><link>https://ex.org/1</link>
    <guid isPermaLink="false">ex-1</guid><description>Ministers met in Brussels.</description>
    </item><item><link>https://ex.org/2</link><description>A rail strike was called off.
    </description></item></channel></rss>"""
    one, two = read_articles(rss, "feed.xml").articles
    assert (one.url, one.source_id, one.language) == ("https://ex.org/1", "ex-1", "en-gb")
    assert (two.url, two.source_id) == ("https://ex.org/2", "https://ex.org/2")
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
    <title>Le Site</title><entry><link rel="replies" href="https://ex.fr/1#comments"/>
    <link href="https://ex.fr/1"/><id>urn:uuid:1</id><content>Texte sur Bruxelles.</content>
    </entry></feed>"""
    [entry] = read_articles(atom, "feed.atom").articles
    assert (entry.url, entry.source_id, entry.language) == ("https://ex.fr/1", "urn:uuid:1", "fr")


def test_html_page_keeps_its_canonical_url_and_declared_language() -> None:
    page = HTML_PAGE.replace("<html>", '<html lang="en-GB">').replace(
        "</head>", '<link rel="canonical" href="https://example.com/talks"></head>'
    )
    [article] = read_articles(page.encode(), "page.html").articles
    assert (article.url, article.source_id, article.language) == (
        "https://example.com/talks",
        "https://example.com/talks",
        "en-GB",
    )


def test_a_revision_date_is_kept_apart_from_publication() -> None:
    record = {"text": ARTICLE, "published": "2025-04-10", "dateModified": "2025-04-12"}
    [article] = read_articles(json.dumps(record).encode(), "a.json").articles
    assert (article.published, article.updated) == (date(2025, 4, 10), date(2025, 4, 12))
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title>
    <entry><id>1</id><published>2025-04-10T09:00:00Z</published>
    <updated>2025-04-11T10:00:00Z</updated><content>Ministers met in Brussels.</content></entry>
    <entry><id>2</id><updated>2025-04-11T10:00:00Z</updated><content>Talks went on.</content>
    </entry></feed>"""
    revised, only_updated = read_articles(atom, "feed.atom").articles
    assert (revised.published, revised.updated) == (date(2025, 4, 10), date(2025, 4, 11))
    assert (only_updated.published, only_updated.updated) == (date(2025, 4, 11), None)
