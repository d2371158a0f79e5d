"""Byline and dateline parsing: the forms publishers use, names only in `authors`."""

from datetime import date

import lxml.html
import pytest

from pipeline.clean.bylines import (
    bare_names,
    is_person_name,
    parse_byline,
    parse_date_publisher,
    parse_head_line,
)
from pipeline.formats.html_meta import byline_authors


def _dom_authors(markup: str) -> tuple[str, ...]:
    return byline_authors(lxml.html.document_fromstring(markup))


@pytest.mark.parametrize(
    ("line", "names", "publisher"),
    [
        ("By Jane Roe", ("Jane Roe",), None),
        ("By contributor Sam Okafor, Deputy Political Editor", ("Sam Okafor",), None),
        ("Maria Lopez, Political Editor", ("Maria Lopez",), None),
        ("By Jane Roe and John Doe", ("Jane Roe", "John Doe"), None),
        ("By Ana Silva, Tom Lee and Raj Patel", ("Ana Silva", "Tom Lee", "Raj Patel"), None),
        ("Words by Sam Smith", ("Sam Smith",), None),
        ("Jane Roe | The Daily Example", ("Jane Roe",), "The Daily Example"),
        ("By Jane Roe for The Guardian", ("Jane Roe",), "The Guardian"),
        ("By Jane Roe, BBC News", ("Jane Roe",), "BBC News"),
        ("Reporting by Jane Roe; Editing by Bob Smith", ("Jane Roe",), None),
        ("By Ursula von der Leyen", ("Ursula von der Leyen",), None),
        ("By Jane Roe | 10 April 2025", ("Jane Roe",), None),
        ("By Reuters", (), "Reuters"),
        ("By Jane Roe Feb 8, 2020 5 min read", ("Jane Roe",), None),
        ("By Staff Writer", (), None),
        (
            "By Jane Roe and Tom Reed The Associated Press",
            ("Jane Roe", "Tom Reed"),
            "The Associated Press",
        ),
        ("By Jane Roe Reuters", ("Jane Roe",), "Reuters"),
        (
            "Posted by Jane Roe, Example Project Marketing, Google",
            ("Jane Roe",),
            "Example Project Marketing",
        ),
        ("By Jane Roe, BBC News, New York", ("Jane Roe",), "BBC News"),
    ],
)
def test_byline_forms(line: str, names: tuple[str, ...], publisher: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.publisher) == (names, publisher)


@pytest.mark.parametrize(
    "line",
    [
        "By Christmas the talks will have ended, officials said.",
        "Ministers met in Brussels on Thursday.",
        "The Prime Minister and the President agreed",
        "John Healey and Sebastien Lecorno",  # bare names: only a byline beside a headline
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_bare_names_and_person_names() -> None:
    assert bare_names("Jane Roe and John Doe") == ("Jane Roe", "John Doe")
    assert bare_names("Talks in Brussels") == ()
    assert is_person_name("Sébastien Lecornu")
    assert not is_person_name("The Daily Example")
    assert not is_person_name("Room 101")


@pytest.mark.parametrize(
    ("line", "when", "publisher"),
    [
        ("date 2025-04-10 Ministry of Defence", date(2025, 4, 10), "Ministry of Defence"),
        ("Ministry of Defence 10 April 2025", date(2025, 4, 10), "Ministry of Defence"),
        ("The Example Times | Thursday 10 April 2025", date(2025, 4, 10), "The Example Times"),
        ("April 10, 2025 - Example Wire", date(2025, 4, 10), "Example Wire"),
    ],
)
def test_date_and_publisher_lines(line: str, when: date, publisher: str) -> None:
    assert parse_date_publisher(line) == (when, publisher)


def test_a_dateline_word_is_not_a_publisher() -> None:
    assert parse_date_publisher("Published 10 April 2025") is None


def test_a_person_beside_a_date_is_no_publisher() -> None:
    """A name run into a date ("Jane RoeNovember 6, 2023") is a byline, not a masthead."""
    assert parse_date_publisher("Jane RoeNovember 6, 2023") is None
    assert parse_date_publisher("November 6, 2023 Jane Roe") is None


def test_clean_authors() -> None:
    from pipeline.clean.bylines import clean_authors

    raw = (
        "View all posts by Daniel Lemire",
        "Grant Tinsley, PhD",
        "Sophie-Foster",
        "Sophie Foster",
    )
    assert clean_authors(raw, None) == ("Daniel Lemire", "Grant Tinsley", "Sophie-Foster")
    assert clean_authors(("The Daily Example", "Jane Roe"), "The Daily Example") == ("Jane Roe",)
    assert clean_authors(("Associated Press",), "Associated Press") == ("Associated Press",)
    assert clean_authors(("No Author", "https://www.example.com"), None) == ()


def test_clean_authors_drops_a_role_and_publisher_after_the_name() -> None:
    from pipeline.clean.bylines import clean_authors

    assert clean_authors(("Jane Roe ExamplePost Staff",), "ExamplePost") == ("Jane Roe",)
    assert clean_authors(("Jane Roe Staff Writer",), None) == ("Jane Roe Staff",)


PAGE = """<html><head><title>{title}</title>{meta}</head><body><article>
<h1>{title}</h1>{byline}<p>{para}</p><p>{para}</p><p>{para}</p></article>
<div class="comments"><span class="comment-author">Sam Commenter</span><p>Nice.</p></div>
{footer}</body></html>"""
PARA = (
    "Flood defences along the river were raised overnight after forecasters warned that heavy "
    "rain would continue until the weekend, the council said on Monday in a statement."
)


def _html_authors(meta: str = "", byline: str = "", footer: str = "") -> tuple[str, ...]:
    from pipeline.formats.html import read

    html = PAGE.format(
        title="River keeps rising", meta=meta, byline=byline, para=PARA, footer=footer
    )
    return read(html, html.encode(), "page.html").articles[0].authors


def test_html_author_link_and_posted_by_element() -> None:
    link = '<a href="https://example.org/authors/priya-shah">Priya Shah</a>'
    assert _html_authors(byline=f"<div>{link}</div>") == ("Priya Shah",)
    posted = (
        '<html><body><div class="author">Posted on 3 May 2020 by Priya Shah</div></body></html>'
    )
    assert _dom_authors(posted) == ("Priya Shah",)


def test_html_author_user_name_and_copyright_holder() -> None:
    assert _dom_authors('<p><span class="author">riverwatch42</span></p>') == ("riverwatch42",)
    footer = "<footer><p>Copyright © 2019 Priya Shah. All rights reserved.</p></footer>"
    assert _html_authors(footer=footer) == ("Priya Shah",)


def test_html_comment_authors_are_not_the_author() -> None:
    assert "Sam Commenter" not in _html_authors()
    assert _dom_authors(PAGE.format(title="T", meta="", byline="", para=PARA, footer="")) == ()


@pytest.mark.parametrize(
    ("line", "names", "publisher"),
    [
        ("By Tom Reed And Ana Silva For The Valley Courier", ("Tom Reed", "Ana Silva"), None),
        ("ByPriya Shah", ("Priya Shah",), None),  # the page dropped the space
        ("Written by: Priya Shah", ("Priya Shah",), None),
        ("Author: Priya Shah", ("Priya Shah",), None),
        ("By Priya Shah@priyashah", ("Priya Shah",), None),
        ("By Priya Shah | pshah@example.org", ("Priya Shah",), None),
        ("By Priya Shah published 3 February 2024", ("Priya Shah",), None),
        ("Priya Shah, Staff Attorney, River Rights Project", ("Priya Shah",), None),
    ],
)
def test_more_byline_forms(line: str, names: tuple[str, ...], publisher: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.names == names
    if "Courier" in line:
        assert byline.publisher == "The Valley Courier"


def test_an_unprefixed_name_before_for_is_no_byline() -> None:
    """Without "By", "X for Y" is a headline's words, not a writer and a publisher."""
    assert parse_byline("How Towns Plan for the Next Flood") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Priya Shah | Reporter", ("Priya Shah",)),
        ("Priya Shah, Environment Correspondent", ("Priya Shah",)),
        ("Priya Shah Environment Correspondent", ("Priya Shah",)),  # no comma
        ("Priya ShastriTravel Reporter", ("Priya Shastri",)),  # the lines ran together
        ("Ana Maria Costa Deputy Content Director", ("Ana Maria Costa",)),
        ("Floods, Valley | Posted: 3 hours ago | Written by Priya Shah", ("Priya Shah",)),
        ("Priya Shah · Valley Courier · Posted: Feb 3, 2024 4:00 AM", ("Priya Shah",)),
        ("3 February 2024 by Priya Shah 12 Comments", ("Priya Shah",)),
        ("Priya Shah | Published 4 months ago", ("Priya Shah",)),
        ("Political Editor", ()),
    ],
)
def test_head_line_names(line: str, names: tuple[str, ...]) -> None:
    from pipeline.clean.bylines import parse_head_line

    found = parse_head_line(line)
    assert found is not None and found.byline
    assert found.names == names


def test_head_line_published_and_updated_dates_stay_apart() -> None:
    from pipeline.clean.bylines import parse_head_line

    both = parse_head_line(
        "Published: 10:00 GMT, 3 February 2024 | Updated: 11:15, 4 February 2024"
    )
    assert both is not None
    assert (both.published, both.updated) == (date(2024, 2, 3), date(2024, 2, 4))
    glued = parse_head_line("09:12, 3 Feb 2024Updated 10:40, 4 Feb 2024")  # no space before
    assert glued is not None and (glued.published, glued.updated) == (both.published, both.updated)
    by = parse_head_line("By Ana Simon/February 3, 2024 9:49 am/Updated: Feb. 4, 2024 4:17 pm")
    assert by is not None and by.names == ("Ana Simon",)  # "Simon" is no "Mon(day)"
    assert (by.published, by.updated) == (both.published, both.updated)
    updated = parse_head_line("Last updated on 4 February 2024")
    assert updated is not None and (updated.published, updated.updated) == (None, date(2024, 2, 4))
    relative = parse_head_line("Updated 2 hours ago")
    assert relative is not None and relative.dated and relative.updated is None


@pytest.mark.parametrize(
    "line",
    [
        "Elections of 5 May 2021: how the valley voted",  # a headline with a date in it
        "The flood barrier was finished on 3 February 2024, the council said.",
        "Front Page",
        "Columnists",  # a menu's label, not one writer's role
    ],
)
def test_not_head_lines(line: str) -> None:
    from pipeline.clean.bylines import parse_head_line

    assert parse_head_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Front Page",  # a section label
        "Middle East",
        "How To Grow and Care For Roses",  # a headline in title case
        "Link Copied",  # a button
        "Getty Images",  # a photo credit
        "CAREER FEATURE",  # a label in capitals
        "River Rights Project",  # an institution
        "Read In:",
    ],
)
def test_labels_are_not_bare_names(line: str) -> None:
    assert bare_names(line) == ()


def test_bare_names_beside_an_agency_and_a_footnote_mark() -> None:
    assert bare_names("Priya Shah and AP") == ("Priya Shah",)
    assert bare_names("Priya Shah1") == ("Priya Shah",)  # a paper's affiliation mark
    assert bare_names("Priya Shah + Follow") == ("Priya Shah",)


@pytest.mark.parametrize(
    ("line", "names", "published"),
    [
        (
            "Ola LindqvistPublished Mar 2, 2023, 9:05am|Updated Mar 2, 2023",
            ("Ola Lindqvist",),
            date(2023, 3, 2),
        ),
        ("12. März 2021 | Karla Beispiel", ("Karla Beispiel",), date(2021, 3, 12)),
        ("Veröffentlicht am 7. Dezember 2020, 08:15 Uhr", (), date(2020, 12, 7)),
        ("Pubblicato il 3 Maggio 2019 Ultima modifica 4 Maggio 2019 10:00", (), date(2019, 5, 3)),
        ("jeudi 14 février 2019", (), date(2019, 2, 14)),
        ("Samstag, 2. Oktober 2021Samstag, 2. Oktober 2021", (), date(2021, 10, 2)),
        ("9. August, 2022 | 4 Comments", (), date(2022, 8, 9)),
        ("15.04.2018 17:30", (), date(2018, 4, 15)),
        ("View all posts by Nia Holt", ("Nia Holt",), None),
    ],
)
def test_head_lines_run_together_and_in_other_languages(
    line: str, names: tuple[str, ...], published: date | None
) -> None:
    from pipeline.clean.bylines import parse_head_line

    found = parse_head_line(line)
    assert found is not None
    assert (found.names, found.published) == (names, published)


def test_an_update_label_in_another_language_keeps_its_date_apart() -> None:
    from pipeline.clean.bylines import parse_head_line

    found = parse_head_line("Pubblicato il 3 Maggio 2019 Ultima modifica 4 Maggio 2019 10:00")
    assert found is not None
    assert found.updated == date(2019, 5, 4)


@pytest.mark.parametrize(
    "line", ["30 Kilometer 2019 weit", "12 things 2020 taught us about cooking at home"]
)
def test_a_number_before_a_word_is_no_local_date(line: str) -> None:
    from pipeline.clean.bylines import local_date, parse_head_line

    assert local_date(line) is None
    assert parse_head_line(line) is None


def test_a_label_over_a_name_lets_its_words_be_a_name() -> None:
    assert bare_names("Wei You") == ()  # "You": a title-case headline's word
    assert bare_names("Wei You", labelled=True) == ("Wei You",)


@pytest.mark.parametrize(
    "line", ["Byrds producer Melcher dies at 62", "Bystanders help at crash scene"]
)
def test_a_headline_starting_with_by_letters_is_no_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "names", "publisher"),
    [
        ("Author: Mirela", ("Mirela",), None),  # an author's label: a given name is a person's
        ("Written by Tamsin", ("Tamsin",), None),
        ("By Mirela", (), "Mirela"),  # a plain "By": a publisher's, as "By Reuters" is
        ("Author: Admin", (), "Admin"),  # a placeholder, never a name
        ("Author: Reuters", (), "Reuters"),
        ("Posted by Tamsin Gale, Acme", ("Tamsin Gale",), "Acme"),  # "Acme" beside a name: no name
    ],
)
def test_a_single_given_name_after_an_author_s_label(
    line: str, names: tuple[str, ...], publisher: str | None
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.publisher) == (names, publisher)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("08/11/2021 by Mirela 12 Comments", ("Mirela",)),  # a blog's: date, "by", comments
        ("Posted on March 2, 2022 by Tamsin", ("Tamsin",)),
        ("By Tamsin on 2. March, 2022 | 7 Comments", ("Tamsin",)),
        ("By Bloomberg | March 2, 2022", ()),  # a news byline before its date: a publisher
        ("March 2, 2022 by Reuters", ()),
        ("March 2, 2022 by ACME", ()),  # capitals: an organisation's
    ],
)
def test_a_blog_s_byline_names_a_single_given_name(line: str, names: tuple[str, ...]) -> None:
    found = parse_head_line(line)
    assert found is not None
    assert found.names == names
