"""Where the article is on a whole pasted page: the span of prose, comment threads below it, and
menus and promos between stretches of prose."""

import pytest

from pipeline.clean import clean
from pipeline.clean.blocks import is_comment_header
from pipeline.clean.rules import COMMENT_HEADER_COUNTEREXAMPLES, COMMENT_HEADER_EXAMPLES

ARTICLE = [
    "The council approved the new cycle lanes on Tuesday after a long debate among members "
    "about their cost and the traffic they would divert onto residential streets.",
    "Supporters said the lanes would make the city centre safer for children riding to school, "
    "and that the money came from a national fund that could not be spent on anything else.",
    "Opponents argued that shop owners on the high street had not been consulted and that "
    "deliveries would become slower, which could cost some small businesses their customers.",
]
COMMENTS = [
    "Jane Roe on Friday, November 2 at 3:20 pm",
    "I have cycled through the centre for years and the new lanes are long overdue, in my view.",
    "jsmith88 says: November 2, 2012 at 4:01 pm",
    "The shop owners have a point though, nobody asked them what they thought of the whole plan.",
    "Sam Doe responded to jsmith88 on November 3, 2012 at 9:12 am Reply",
    "Nobody asked me either, and I live on the street that will take all the diverted traffic.",
]


@pytest.mark.parametrize("line", COMMENT_HEADER_EXAMPLES)
def test_comment_headers(line: str) -> None:
    assert is_comment_header(line)


@pytest.mark.parametrize(
    "line",
    [
        *COMMENT_HEADER_COUNTEREXAMPLES,
        "— Jane Roe (@janeroe) August 5, 2024",  # an embedded post's signature
        "May 3, 2012: Obama signs the bill",  # a timeline entry
        "February 2020",  # an archive link
    ],
)
def test_not_comment_headers(line: str) -> None:
    assert not is_comment_header(line)


def test_a_thread_of_comment_headers_ends_the_article_without_a_heading() -> None:
    cleaned = clean("\n\n".join(["Cycle lanes approved", *ARTICLE, *COMMENTS]))
    assert cleaned.body == "\n\n".join(ARTICLE)
    assert {r.rule for r in cleaned.removed} == {"reader_comments"}


def test_two_dated_lines_are_not_a_thread() -> None:
    text = "\n\n".join(["Cycle lanes approved", *ARTICLE, *COMMENTS[:4]])
    assert "jsmith88" in clean(text).body


def test_embedded_posts_and_timelines_stay_in_the_article() -> None:
    posts = [
        "Great news for the city's cyclists today.",
        "— Jane Roe (@janeroe) November 2, 2012",
        "This will be a disaster for the high street.",
        "— Shop Owners (@shops) November 2, 2012",
        "Finally!",
        "— Cycle Club (@cycleclub) November 3, 2012",
    ]
    timeline = ["March 3, 2012: Plan First Proposed", "June 9, 2012: Public Consultation Opens"]
    body = [*ARTICLE[:2], *posts, *timeline, ARTICLE[2]]
    cleaned = clean("\n\n".join(["Cycle lanes approved", *body]))
    assert cleaned.body == "\n\n".join(body)


def test_a_comments_heading_taken_by_a_link_list_still_opens_the_comments() -> None:
    tail = ["Related Posts", "Cycle lanes: what you need to know", "40 Responses to “Cycle lanes”"]
    cleaned = clean("\n\n".join(["Cycle lanes approved", *ARTICLE, *tail, COMMENTS[1]]))
    assert cleaned.body == "\n\n".join(ARTICLE)


def test_promo_lines_between_prose_are_a_barrier() -> None:
    footer = [
        "Related Posts",
        *(f"Story number {n} about something else entirely" for n in range(12)),
        "Newsletter | Three times a week.",
        "Sign up",
        "Our company is the world's largest provider of widgets, serving billions of customers "
        "in every country with quality widgets of every shape and colour since the year 1900.",
        "Build the strongest argument relying on authoritative content and expert knowledge.",
    ]
    cleaned = clean("\n\n".join(["Cycle lanes approved", *ARTICLE, *footer]))
    assert cleaned.body == "\n\n".join(ARTICLE)


def test_a_sidebar_of_dated_links_is_not_a_comment_thread() -> None:
    sidebar = [
        "Evening News April 25, 2022",
        "Going For Growth April 25, 2022",
        "Minute Two, April 25, 2022",
    ]
    after = [ARTICLE[2], ARTICLE[2].replace("Opponents", "Critics")]
    text = "\n\n".join(["Cycle lanes approved", *ARTICLE[:2], *sidebar, *after])
    assert clean(text).body.endswith(after[1])


@pytest.mark.parametrize(
    "headline", ["Could cycle lanes save the high street?", "Cycle lanes win!"]
)
def test_a_headline_ending_in_a_question_or_exclamation_mark_is_the_title(headline: str) -> None:
    cleaned = clean("\n\n".join([headline, *ARTICLE]))
    assert (cleaned.title, cleaned.body) == (headline, "\n\n".join(ARTICLE))


def test_a_numbered_comments_heading_without_quotation_marks_opens_the_comments() -> None:
    tail = ["13 Responses to Cycle lanes approved", COMMENTS[1], "38 comments to Cycle lanes"]
    cleaned = clean("\n\n".join(["Cycle lanes approved", *ARTICLE, *tail, COMMENTS[3]]))
    assert cleaned.body == "\n\n".join(ARTICLE)


def test_comment_headers_on_two_lines_make_a_thread() -> None:
    thread = []
    for name, day, said in zip(
        ["Jane Roe", "jsmith", "Sam Doe"], (2, 2, 3), COMMENTS[1::2], strict=True
    ):
        thread += [name, f"November {day}, 2012 at 4:01 pm", said]
    cleaned = clean("\n\n".join(["Cycle lanes approved", *ARTICLE, *thread]))
    assert cleaned.body == "\n\n".join(ARTICLE)


SIDEBAR = [
    "Trending Now",
    "The city's mayor has announced her plans for a new ring road around the old town centre.",
    "Visit our shop to buy mugs, shirts and calendars that support independent local reporting.",
    "As other media fail, we have kept reporting on the council's decisions for almost twenty "
    "years, every week, without fear or favour, thanks to readers like you who support us.",
]


LONGER = [*ARTICLE, *(p.replace("The council", "The city") for p in ARTICLE)]


def test_the_writers_author_box_ends_the_article() -> None:
    box = ["Jane Roe", "Jane Roe is a senior reporter covering transport and the city council."]
    text = "\n\n".join(["Cycle lanes approved", "By Jane Roe", *LONGER, *box, *SIDEBAR])
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join(LONGER)
    assert cleaned.authors == ("Jane Roe",)


def test_an_author_note_inside_the_article_does_not_cut_what_follows() -> None:
    note = "Jane Roe is a professor of transport planning who writes about cycling for us."
    rest = [
        ARTICLE[0].replace("council", "committee"),
        ARTICLE[1].replace("Supporters", "Residents"),
        ARTICLE[2].replace("Opponents", "Traders"),
        "The lanes will open in the spring, once the last of the new traffic signals are in place.",
    ]
    text = "\n\n".join(["Cycle lanes approved", "By Jane Roe", *LONGER, note, *rest])
    assert clean(text).body.endswith("\n\n".join(rest))
