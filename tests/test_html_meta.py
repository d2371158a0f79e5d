"""HTML metadata beyond trafilatura's: the headline sources agree on, without the site's name;
the publication and revision dates kept apart; the people the page names as its authors."""

import json
from datetime import date

import pytest

from pipeline.formats import read_articles
from pipeline.formats.base import RawArticle

SITE = "The Harbour Gazette"
HEADLINE = "Ferry service resumes after storm damage repaired"
PARAGRAPHS = "".join(
    f"<p>{p} Engineers worked through the night on the slipway and its moorings.</p>"
    for p in (
        "The island ferry sailed again on Tuesday morning after a week out of service.",
        "Harbour officials said the timetable would return to normal by the weekend.",
        "Passengers queued from dawn, and the first crossing left ten minutes late.",
    )
)


def page(head: str = "", body: str = "") -> RawArticle:
    """One article page: `head` goes into <head>, `body` above the article's paragraphs."""
    markup = (
        f"<!DOCTYPE html><html><head>{head}</head><body><header><a href='/'>Home</a></header>"
        f"<article>{body}{PARAGRAPHS}</article><footer>Contact us</footer></body></html>"
    )
    [article] = read_articles(markup.encode(), "page.html").articles
    return article


def meta(name: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{name}" content="{content}">'


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


SITE_NAME = meta("og:site_name", SITE)


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} | {SITE}",
        f"{HEADLINE} - {SITE}",
        f"{HEADLINE} — {SITE}",
        f"{HEADLINE} :: {SITE}",
        f"{SITE} | {HEADLINE}",
        f"{HEADLINE} | Harbour Gazette",  # the site's name without its article
        f"{HEADLINE} - by Jane Roe | {SITE}",  # a byline segment too
    ],
)
def test_site_name_is_stripped_from_the_title_in_each_separator_style(title: str) -> None:
    assert page(f"<title>{title}</title>{SITE_NAME}").title == HEADLINE


def test_the_domain_names_the_site_when_the_page_gives_no_site_name() -> None:
    head = f"<title>{HEADLINE} - Harbourgazette</title>" + meta(
        "og:url", "https://www.harbourgazette.co.uk/news/ferry"
    )
    assert page(head).title == HEADLINE


def test_a_title_keeps_a_dash_that_is_part_of_the_headline() -> None:
    headline = "Ferry returns - but fares rise"
    assert page(f"<title>{headline} | {SITE}</title>{SITE_NAME}").title == headline


def test_the_h1_agreed_on_beats_a_rewritten_sharing_title() -> None:
    head = f"<title>{HEADLINE} | {SITE}</title>{SITE_NAME}" + meta(
        "og:title", "You won't believe what happened to the ferry"
    )
    assert page(head, f"<h1>{HEADLINE}</h1>").title == HEADLINE


def test_the_sharing_title_agreed_on_beats_a_logo_h1() -> None:
    head = f"<title>{HEADLINE} - {SITE}</title>{SITE_NAME}" + meta("og:title", HEADLINE)
    assert page(head, f"<h1>{SITE}</h1>").title == HEADLINE


def test_json_ld_headline_and_h1_agree_against_the_sharing_titles() -> None:
    rewritten = "Ferry is back: what passengers need to know"
    head = (
        meta("og:title", rewritten)
        + meta("twitter:title", rewritten, "name")
        + json_ld({"@type": "NewsArticle", "headline": HEADLINE})
    )
    assert page(head, f"<h1>{HEADLINE}</h1>").title == HEADLINE


def test_json_ld_dates_are_published_and_updated() -> None:
    article = page(
        json_ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "name": SITE},
                    {
                        "@type": "NewsArticle",
                        "headline": HEADLINE,
                        "datePublished": "2024-03-05T08:30:00+00:00",
                        "dateModified": "2024-03-07T16:00:00+00:00",
                    },
                ],
            }
        )
        + meta("article:published_time", "2024-03-06T09:00:00Z")
    )
    assert (article.published, article.updated) == (date(2024, 3, 5), date(2024, 3, 7))


def test_meta_only_dates_and_a_revision_on_the_same_day_is_no_update() -> None:
    head = meta("article:published_time", "2023-11-02T10:00:00Z") + meta(
        "article:modified_time", "2023-11-09T12:00:00Z"
    )
    assert (page(head).published, page(head).updated) == (date(2023, 11, 2), date(2023, 11, 9))
    same_day = meta("article:published_time", "2023-11-02T10:00:00Z") + meta(
        "article:modified_time", "2023-11-02T18:00:00Z"
    )
    assert (page(same_day).published, page(same_day).updated) == (date(2023, 11, 2), None)


def test_a_live_blog_entry_date_is_not_the_article_date() -> None:
    blog = {
        "@type": "LiveBlogPosting",
        "datePublished": "2024-08-04T13:00:00Z",
        "liveBlogUpdate": [{"@type": "BlogPosting", "datePublished": "2024-08-05T20:00:00Z"}],
    }
    assert page(json_ld(blog)).published == date(2024, 8, 4)


def test_the_address_date_wins_over_a_stated_date() -> None:
    url = meta("og:url", "https://example.org/2021/06/14/ferry-returns/")
    reissued = meta("article:published_time", "2023-01-20T10:00:00Z")
    assert page(url + reissued).published == date(2021, 6, 14)
    # 9 pm in New York on the 14th: the address has the publisher's own day
    next_day_in_utc = meta("article:published_time", "2021-06-15T01:00:00Z")
    assert page(url + next_day_in_utc).published == date(2021, 6, 14)


def test_a_labelled_date_in_the_page_when_no_metadata_states_one() -> None:
    # htmldate's search takes the date of the teaser of an earlier story
    earlier = "<div><a href='/t'>Timetable</a> <span class='date'>1 October 2023</span></div>"
    dateline = "<p>Written: 2023-11-07 15:03<span> / </span>Updated: 2023-11-08</p>"
    assert page(body=f"{earlier}<h1>{HEADLINE}</h1>{dateline}").published == date(2023, 11, 7)
    stated = meta("article:published_time", "2023-11-06T22:00:00Z")
    assert page(stated, f"<h1>{HEADLINE}</h1>{dateline}").published == date(2023, 11, 6)


def test_the_date_most_sources_state_outvotes_the_first_source() -> None:
    head = json_ld({"@type": "NewsArticle", "datePublished": "2022-01-01T00:00:00Z"}) + meta(
        "article:published_time", "2024-05-02T09:00:00Z"
    )
    stamp = "<time itemprop='datePublished' datetime='2024-05-02T09:00:00Z'>2 May 2024</time>"
    assert page(head, stamp).published == date(2024, 5, 2)
    assert page(head).published == date(2022, 1, 1)  # one against one: the JSON-LD's


def test_a_published_stamp_that_is_the_revision_stamp_does_not_vote() -> None:
    saved = "2024-08-05T19:49:50Z"
    head = (
        json_ld({"@type": "NewsArticle", "datePublished": "2024-08-04T13:23:00Z"})
        + meta("article:published_time", saved)
        + meta("article:modified_time", saved)
    )
    stamp = f"<time class='published' datetime='{saved}'>5 August 2024</time>"
    article = page(head, stamp)
    assert (article.published, article.updated) == (date(2024, 8, 4), date(2024, 8, 5))


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00", "1970-01-01", "2999-12-31"])
def test_a_placeholder_date_is_no_publication_date(placeholder: str) -> None:
    head = json_ld({"@type": "NewsArticle", "datePublished": placeholder}) + meta(
        "article:published_time", "2023-05-02T10:00:00Z"
    )
    assert page(head).published == date(2023, 5, 2)


def test_of_several_json_ld_articles_the_one_at_the_page_s_address() -> None:
    here = "https://example.org/news/ferry-returns"
    related = {
        "@type": "NewsArticle",
        "url": "https://example.org/news/storm-hits",
        "datePublished": "2023-09-30T08:00:00Z",
        "author": {"@type": "Person", "name": "Al Poe"},
    }
    own = {
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@id": f"{here}/"},
        "datePublished": "2023-10-03T08:00:00Z",
        "author": {"@type": "Person", "name": "Jane Roe"},
    }
    article = page(meta("og:url", here) + json_ld([related, own]))
    assert (article.published, article.authors) == (date(2023, 10, 3), ("Jane Roe",))


def test_a_commenter_trafilatura_takes_for_the_author_is_not_one() -> None:
    byline = "<address>By <a href='/author/troe/'>Tim Roe</a></address>"
    comments = (
        "<ol class='commentlist'><li class='comment'><div class='comment-author'><cite>"
        "<a href='https://example.com'>Art Poe</a></cite> <span>says:</span></div>"
        "<p>Great piece, thanks for writing it up so clearly.</p></li></ol>"
    )
    markup = (
        f"<html><head></head><body><article>{byline}{PARAGRAPHS}</article>{comments}</body></html>"
    )
    [article] = read_articles(markup.encode(), "page.html").articles
    assert article.authors == ("Tim Roe",)


def test_a_given_name_alone_is_completed_by_the_full_name_the_page_shows() -> None:
    todd = json_ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Todd"}})
    assert page(todd, "<p class='full-name'>Todd Bates</p>").authors == ("Todd Bates",)
    assert page(todd, "<p>Todd and the team sailed.</p>").authors == ("Todd",)
    agency = json_ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "AP"}]})
    assert page(agency, "<figcaption>AP Photo/Jane Roe</figcaption>").authors == ("AP",)


def test_json_ld_person_authors_not_organisations() -> None:
    head = json_ld(
        {
            "@type": "NewsArticle",
            "author": [
                {"@type": "Person", "name": "Jane Roe"},
                {"@type": "Organization", "name": "Coastal Wire Agency"},
            ],
            "publisher": {"@type": "NewsMediaOrganization", "name": SITE},
        }
    ) + meta("author", "Harbour Desk", "name")
    assert page(head).authors == ("Jane Roe",)


def test_a_person_referenced_by_id_in_the_graph() -> None:
    graph = {
        "@graph": [
            {"@type": "Article", "author": {"@id": "#jane"}},
            {"@type": "Person", "@id": "#jane", "name": "Jane Roe"},
        ]
    }
    assert page(json_ld(graph)).authors == ("Jane Roe",)


@pytest.mark.parametrize(
    "field",
    [
        "Jane Roe, Senior Reporter",
        "By Jane Roe Staff Writer",
        "Jane Roe | The Harbour Gazette",
        "Jane Roe (@janeroe)",
        "Jane Roe jane.roe@example.org",
    ],
)
def test_roles_contacts_and_the_publisher_are_stripped_from_an_author(field: str) -> None:
    assert page(SITE_NAME + meta("author", field, "name")).authors == ("Jane Roe",)


def test_the_publisher_is_not_an_author_beside_a_person() -> None:
    people = [{"@type": "Person", "name": SITE}, {"@type": "Person", "name": "Jane Roe"}]
    head = SITE_NAME + json_ld({"@type": "NewsArticle", "author": people})
    assert page(head).authors == ("Jane Roe",)
    address = meta("article:author", "https://www.facebook.com/harbourgazette")
    assert page(SITE_NAME + address + meta("author", "Jane Roe", "name")).authors == ("Jane Roe",)


def test_a_role_alone_names_no_author_but_an_organisation_alone_is_credited() -> None:
    assert page(meta("author", "Staff Writer", "name")).authors == ()
    org = {"@type": "NewsArticle", "author": {"@type": "NewsMediaOrganization", "name": SITE}}
    assert page(json_ld(org)).authors == (SITE,)
