"""Inputs a hostile-input review found losing or inventing data: each is read whole, rejected
with a reason, or kept apart from the good input around it; never silently shortened, never
turned into an article of markup or of nothing."""

import gzip
import json
from pathlib import Path

import pytest

from pipeline.errors import RejectedInput
from pipeline.formats import detect_format, gunzip_bounded, read_articles
from pipeline.normalize import normalize_text
from pipeline.settings import Settings
from pipeline.store import Warehouse

from .conftest import run_core

GOOD = (
    "Ministers from thirty nations met in Brussels on Thursday to agree the next steps of "
    "their support, officials said after the talks ended late in the evening."
)
OTHER = (
    "The harbour authority said the new ferry service would start in the spring, with two "
    "sailings a day between the island and the mainland town."
)


def _record(text: str, title: str) -> str:
    return json.dumps({"title": title, "text": text})


def _documents(settings: Settings) -> list[dict]:
    return Warehouse(settings.warehouse_dir).read("documents").to_pylist()


def _rejected(settings: Settings) -> list[dict]:
    return Warehouse(settings.warehouse_dir).read("rejected").to_pylist()


# -- 1. multi-member gzip ----------------------------------------------------------------------


def test_every_member_of_a_concatenated_gzip_is_read(make_settings) -> None:
    settings = make_settings()
    first = "\n".join(_record(f"{GOOD} Part {n}.", f"First {n}") for n in range(3)) + "\n"
    second = "\n".join(_record(f"{OTHER} Part {n}.", f"Second {n}") for n in range(3)) + "\n"
    feed = gzip.compress(first.encode()) + gzip.compress(second.encode())
    (settings.raw_dir / "feed.jsonl.gz").write_bytes(feed)
    (settings.raw_dir / "note.txt.gz").write_bytes(
        gzip.compress(f"{GOOD}\n".encode()) + gzip.compress(f"{OTHER}\n".encode())
    )
    run_core(settings)
    documents = _documents(settings)
    titles = sorted(d["title"] for d in documents if d["source_path"] == "feed.jsonl.gz")
    assert titles == [f"First {n}" for n in range(3)] + [f"Second {n}" for n in range(3)]
    [note] = [d for d in documents if d["source_path"] == "note.txt.gz"]
    assert GOOD in note["body"] and OTHER in note["body"]
    assert _rejected(settings) == []


def test_gzip_members_share_one_size_bound() -> None:
    data = gzip.compress(b"a" * 600) + gzip.compress(b"b" * 600)
    assert gunzip_bounded(data, 2000) == b"a" * 600 + b"b" * 600
    with pytest.raises(RejectedInput, match="expands beyond"):
        gunzip_bounded(data, 1000)


def test_bytes_after_the_gzip_data_are_a_reject_not_a_silent_cut() -> None:
    data = gzip.compress(GOOD.encode()) + b"this is not gzip"
    with pytest.raises(RejectedInput, match="after the gzip data"):
        read_articles(data, "x.txt.gz")
    padded = gzip.compress(GOOD.encode()) + b"\x00" * 512  # tape and block-device padding
    [article] = read_articles(padded, "x.txt.gz").articles
    assert article.text == GOOD


# -- 2. hard-wrapped text ----------------------------------------------------------------------

WRAPPED = """Council approves the new town centre plan

By Jane Roe

The council voted on Tuesday to approve a long-debated plan for the town
centre, which will close two streets to cars and add a market square next
to the station. The leader of the council, Mary Jones, said the decision was
"the most important thing this council will do for a generation, and we
will see it through".

Shop owners were divided. Some said the closures would drive away the
customers who drive in from the villages, while others welcomed the extra
space for stalls and cafes. Work is due to begin in March and to finish
within two years, at a cost the council puts at four million pounds.
"""


def test_hard_wrapped_paragraphs_are_joined_in_the_body(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "wrapped.txt").write_text(WRAPPED)
    run_core(settings)
    [doc] = _documents(settings)
    paragraphs = doc["body"].split("\n\n")
    assert len(paragraphs) == 2, paragraphs
    assert "for the town centre, which will close" in paragraphs[0]
    assert "Mary Jones, said" in paragraphs[0]  # a wrap before a capital letter too
    warehouse = Warehouse(settings.warehouse_dir)
    quotes = warehouse.read("article_quotes").to_pylist()
    assert any("for a generation, and we will see it through" in q["text"] for q in quotes)


def test_short_lines_of_a_wrapped_text_stay_apart() -> None:
    from pipeline.clean import clean

    cleaned = clean(normalize_text(WRAPPED))
    assert cleaned.title == "Council approves the new town centre plan"
    assert cleaned.authors == ("Jane Roe",)


# -- 3. XML feeds and HTML fragments -----------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Example Post</title><link>https://example.com/</link>
<item><title>Ministers meet in Brussels</title><link>https://example.com/a</link>
<dc:creator>Jane Roe</dc:creator><pubDate>Thu, 06 Mar 2025 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{GOOD}</p><p>{OTHER}</p>]]></content:encoded></item>
<item><title>A ferry for the island</title><link>https://example.com/b</link>
<description>&lt;p&gt;{OTHER}&lt;/p&gt;</description></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Ministers meet</title><author><name>Jane Roe</name></author>
<published>2025-03-06T10:00:00Z</published>
<content type="html">&lt;p&gt;{GOOD}&lt;/p&gt;</content></entry>
</feed>
"""


def test_an_rss_feed_saved_as_txt_is_read_item_by_item(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "feed.txt").write_text(RSS)
    (settings.raw_dir / "atom.txt").write_text(ATOM)
    run_core(settings)
    documents = {d["title"]: d for d in _documents(settings)}
    assert sorted(documents) == [
        "A ferry for the island",
        "Ministers meet",
        "Ministers meet in Brussels",
    ]
    brussels = documents["Ministers meet in Brussels"]
    assert brussels["body"] == f"{GOOD}\n\n{OTHER}"
    assert brussels["authors"] == ["Jane Roe"]
    assert brussels["published"].isoformat() == "2025-03-06"
    assert brussels["publisher"] == "The Example Post"
    assert documents["A ferry for the island"]["body"] == OTHER
    assert documents["Ministers meet"]["authors"] == ["Jane Roe"]
    for doc in documents.values():
        assert "<" not in doc["body"] and "w3.org" not in doc["body"]
    assert _rejected(settings) == []


def test_other_xml_is_rejected_not_read_as_text(make_settings) -> None:
    settings = make_settings()
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://example.com/a</loc></url></urlset>"
    )
    (settings.raw_dir / "sitemap.txt").write_text(sitemap)
    (settings.raw_dir / "good.txt").write_text(GOOD)
    run_core(settings)
    [row] = _rejected(settings)
    assert (row["source_path"], row["stage"]) == ("sitemap.txt", "parse")
    assert "not a news feed" in row["error"] and "urlset" in row["error"]
    assert [d["source_path"] for d in _documents(settings)] == ["good.txt"]


def test_an_html_fragment_saved_as_txt_loses_its_tags(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "fragment.txt").write_text(
        f'<span class="lede">{GOOD}</span> <span>{OTHER}</span>'
    )
    (settings.raw_dir / "tagged.txt").write_text(f"{GOOD}<br>\n<b>{OTHER}</b><br>\n<i>The end.</i>")
    run_core(settings)
    for doc in _documents(settings):
        assert "<" not in doc["body"], doc["body"]
        assert GOOD in doc["body"]


def test_prose_that_mentions_a_tag_stays_text() -> None:
    assert detect_format(f"{GOOD} Use the <br> element for a line break.", ".txt") == "txt"


# -- 4. nothing left after cleaning ------------------------------------------------------------


def test_an_article_cleaning_empties_is_rejected_not_stored_empty(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "credits.txt").write_text("Photo: Reuters\n\nImage: Getty Images\n")
    (settings.raw_dir / "good.txt").write_text(GOOD)
    run_core(settings)
    assert [d["source_path"] for d in _documents(settings)] == ["good.txt"]
    [row] = _rejected(settings)
    assert (row["source_path"], row["stage"]) == ("credits.txt", "clean")
    assert "nothing left" in row["error"]
    files = {
        r["source_path"]: r["status"]
        for r in Warehouse(settings.warehouse_dir).read("files").to_pylist()
    }
    assert files == {"credits.txt": "rejected", "good.txt": "ok"}


# -- 6. rejected files are retried -------------------------------------------------------------


def test_a_file_rejected_under_a_limit_is_retried_when_the_limit_rises(make_settings) -> None:
    small = make_settings(max_file_bytes=100)
    (small.raw_dir / "long.txt").write_text(GOOD + " " + OTHER)
    run_core(small)
    assert [r["stage"] for r in _rejected(small)] == ["read"]
    assert run_core(small) == []  # same limit, same bytes: nothing to do
    larger = make_settings(max_file_bytes=1_000_000)
    run_core(larger)
    assert _rejected(larger) == []
    assert [d["source_path"] for d in _documents(larger)] == ["long.txt"]
    assert run_core(larger) == []


def test_touching_a_rejected_file_retries_it(make_settings) -> None:
    settings = make_settings()
    path: Path = settings.raw_dir / "odd.txt"
    path.write_text("Photo: Reuters\n")
    run_core(settings)
    assert len(_rejected(settings)) == 1
    stat = path.stat()
    path.touch()
    assert path.stat().st_mtime_ns != stat.st_mtime_ns
    [report] = run_core(settings)
    assert report.read == 1  # looked at again (and rejected again: same bytes, same rules)
    assert len(_rejected(settings)) == 1


# -- 7. pathological nesting -------------------------------------------------------------------


def test_deep_brackets_in_a_text_file_reject_that_file_only(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "brackets.txt").write_text("[" * 100_000 + "\n" + GOOD)
    (settings.raw_dir / "good.txt").write_text(OTHER)
    run_core(settings)
    documents = {d["source_path"]: d for d in _documents(settings)}
    assert "good.txt" in documents
    assert "brackets.txt" in documents or [r["source_path"] for r in _rejected(settings)] == [
        "brackets.txt"
    ]


def test_a_deeply_nested_record_rejects_that_record_only(make_settings) -> None:
    settings = make_settings()
    nested = json.dumps({"text": GOOD, "extra": "x"}).replace('"x"', "[" * 100_000 + "]" * 100_000)
    lines = [_record(GOOD, "one"), nested, _record(OTHER, "three")]
    (settings.raw_dir / "feed.jsonl").write_text("\n".join(lines))
    run_core(settings)
    assert sorted(d["title"] for d in _documents(settings)) == ["one", "three"]
    [row] = _rejected(settings)
    assert row["error"].startswith("record 2:")
    assert "nest" in row["error"]


# -- 9. a text file whose first line is JSON ---------------------------------------------------


def test_a_text_opening_with_a_json_value_is_text(make_settings) -> None:
    settings = make_settings()
    (settings.raw_dir / "list.txt").write_text(f"[1]\n{GOOD}\n{OTHER}\n")
    (settings.raw_dir / "object.txt").write_text(f"{{}}\n{GOOD}\n{OTHER}\n")
    run_core(settings)
    assert _rejected(settings) == []
    bodies = {d["source_path"]: d["body"] for d in _documents(settings)}
    assert set(bodies) == {"list.txt", "object.txt"}
    assert all(GOOD in b and OTHER in b for b in bodies.values())


def test_json_lines_saved_as_txt_are_still_json() -> None:
    text = "\n".join(_record(GOOD, f"t{n}") for n in range(3))
    assert detect_format(text, ".txt") == "json"
    assert detect_format(json.dumps([{"text": GOOD}]), ".txt") == "json"


# -- 11. one changed record of a feed ----------------------------------------------------------


def test_one_changed_record_re_analyses_that_record_only(make_settings) -> None:
    settings = make_settings()
    path = settings.raw_dir / "feed.jsonl"
    records = [_record(f"{GOOD} Item {n}.", f"Item {n}") for n in range(6)]
    path.write_text("\n".join(records))
    [first] = run_core(settings)
    assert first.nlp_docs == 6
    before = {d["doc_id"]: d for d in _documents(settings)}
    records[2] = _record(f"{GOOD} Item 2, corrected in Paris.", "Item 2 (corrected)")
    path.write_text("\n".join(records))
    [second] = run_core(settings)
    assert second.nlp_docs == 1
    assert second.kept == 5
    after = {d["doc_id"]: d for d in _documents(settings)}
    assert len(after) == 6
    kept = set(before) & set(after)
    assert len(kept) == 5
    assert all(after[d] == before[d] for d in kept)  # the same rows, not recomputed ones
    [new] = set(after) - kept
    assert after[new]["title"] == "Item 2 (corrected)"
    warehouse = Warehouse(settings.warehouse_dir)
    [manifest] = warehouse.read("files").to_pylist()
    assert sorted(manifest["doc_ids"]) == sorted(after)
    mentions = {r["doc_id"] for r in warehouse.read("article_mentions").to_pylist()}
    assert mentions == set(after)


# -- 12. invisible controls --------------------------------------------------------------------


def test_bidi_and_zero_width_controls_leave_the_text() -> None:
    text = "Pay\u200d\u202epal\u202c rose \u20665%\u2069 on\u200e Monday\u200f."
    assert normalize_text(text) == "Paypal rose 5% on Monday."


def test_joiners_inside_scripts_that_need_them_stay() -> None:
    persian = "می\u200cخواهم"  # ZWNJ is part of Persian spelling
    assert normalize_text(persian) == persian


def test_a_record_with_a_number_too_long_to_read_rejects_that_record_only(make_settings) -> None:
    settings = make_settings()
    huge = json.dumps({"text": GOOD, "views": 1}).replace("1}", "9" * 5000 + "}")
    (settings.raw_dir / "feed.jsonl").write_text("\n".join([_record(GOOD, "one"), huge]))
    run_core(settings)
    assert [d["title"] for d in _documents(settings)] == ["one"]
    [row] = _rejected(settings)
    assert row["error"].startswith("record 2: invalid JSON on this line")
