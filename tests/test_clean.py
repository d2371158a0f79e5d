"""The cleaning engine on text that is not a seed: each structural rule, clean prose kept."""

from datetime import date

from pipeline.clean import Hints, clean

PARA_1 = (
    "Flood defences along the river were raised overnight after forecasters warned that "
    "heavy rain would continue until the weekend, the council said on Monday."
)
PARA_2 = (
    "Residents in three villages were told to prepare to leave their homes, and schools in "
    "the valley will stay closed while engineers inspect the bridges."
)
PARA_3 = (
    "The environment agency said the water level had risen by more than a metre in a day, "
    "the fastest rise it had recorded since the floods of two decades ago."
)


def kinds(text: str) -> dict[str, str]:
    return {r.text: r.kind for r in clean(text).removed}


def test_clean_prose_is_kept_whole() -> None:
    text = "\n\n".join([PARA_1, PARA_2, PARA_3])
    cleaned = clean(text)
    assert cleaned.body == text
    assert cleaned.removed == ()
    assert cleaned.title is None


def test_head_masthead_title_standfirst_byline_dateline() -> None:
    text = "\n".join(
        [
            "The Valley Courier",
            "Villages told to prepare as river keeps rising",
            "Three villages could be evacuated within days.",
            "By Priya Shah, Environment Correspondent",
            "Published: 3 February 2024",
            PARA_1,
            PARA_2,
        ]
    )
    cleaned = clean(text)
    assert cleaned.publisher == "The Valley Courier"
    assert cleaned.title == "Villages told to prepare as river keeps rising"
    assert cleaned.standfirst == "Three villages could be evacuated within days."
    assert cleaned.authors == ("Priya Shah",)
    assert cleaned.published == date(2024, 2, 3)
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"
    assert {r.kind for r in cleaned.removed} == {"masthead", "byline", "dateline"}


def test_bare_names_beside_a_headline_are_the_byline() -> None:
    cleaned = clean("\n".join(["River keeps rising", "Priya Shah and Tom Reed", PARA_1, PARA_2]))
    assert cleaned.authors == ("Priya Shah", "Tom Reed")
    assert cleaned.title == "River keeps rising"


def test_captions_credits_and_repeated_lines() -> None:
    text = "\n".join(
        [
            PARA_1,
            "Sandbags outside the town hall (Jane Roe/Reuters)",
            "Image source, Getty Images",
            "Engineers at the bridge on Sunday",
            "Engineers at the bridge on Sunday",
            PARA_2,
        ]
    )
    assert kinds(text) == {
        "Sandbags outside the town hall (Jane Roe/Reuters)": "caption",
        "Image source, Getty Images": "photo_credit",
        "Engineers at the bridge on Sunday": "caption",
    }


def test_a_caption_goes_with_its_credit_on_the_same_line() -> None:
    caption = "The lifeboat Example Star at sea in 2010. Image: United States Coast Guard."
    cleaned = clean("\n".join([PARA_1, caption, PARA_2]))
    assert [(r.kind, r.text) for r in cleaned.removed] == [("caption", caption)]
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"


def test_a_caption_over_its_credit_line_goes_with_it() -> None:
    text = "\n".join(
        [
            "River keeps rising",
            PARA_1,
            "A volunteer fills sandbags outside the library on Tuesday.",
            "Image: Jane Roe.",
            PARA_2,
            "Volunteers carry sandbags to the school (",
            "Image:",
            "Jane Roe/PA)",
            PARA_3,
        ]
    )
    cleaned = clean(text)
    assert cleaned.title == "River keeps rising"
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3])
    assert {r.text: (r.kind, r.rule) for r in cleaned.removed} == {
        "A volunteer fills sandbags outside the library on Tuesday.": (
            "caption",
            "credited_caption",
        ),
        "Image: Jane Roe.": ("photo_credit", "credit_line"),
        "Volunteers carry sandbags to the school (": ("caption", "credited_caption"),
        "Image:": ("photo_credit", "photo_credit_line"),
        "Jane Roe/PA)": ("photo_credit", "split_credit"),
    }


def test_prose_beside_a_credit_and_sentences_naming_an_agency_stay() -> None:
    kept = [
        "River keeps rising",
        PARA_1,
        "The mayor said the town would recover.",  # reported speech: the article's prose
        "Photo: Jane Roe/Reuters",
        "Reuters reported that the bridge would stay closed until Friday.",
        "A photo taken by the AP shows water reaching the windows of the primary school.",
        "Rescuers reached the farm at dawn. Two walkers were flown to hospital.",  # two sentences
        "Getty Images",
        "Water covered the road to the station, officials told the AFP news agency (Reuters).",
        PARA_2,
    ]
    cleaned = clean("\n".join(kept))
    assert cleaned.title == "River keeps rising"
    assert [r.text for r in cleaned.removed] == ["Photo: Jane Roe/Reuters", "Getty Images"]
    assert {r.kind for r in cleaned.removed} == {"photo_credit"}


def test_promos_share_buttons_and_menus_inside_the_article() -> None:
    text = "\n".join(
        [
            PARA_1,
            "READ MORE: Council to spend £2m on new flood barriers",
            "Sign up to our morning newsletter",
            "Advertisement",
            "Share this article",
            PARA_2,
            "News",
            "Sport",
            "Weather",
            "Business",
            PARA_3,
            PARA_1.replace("Monday", "Tuesday"),
        ]
    )
    found = kinds(text)
    assert found["READ MORE: Council to spend £2m on new flood barriers"] == "promo"
    assert found["Sign up to our morning newsletter"] == "promo"
    assert found["Advertisement"] == "promo"
    assert found["Share this article"] == "navigation"
    assert {found[w] for w in ("News", "Sport", "Weather", "Business")} == {"navigation"}
    tail = PARA_1.replace("Monday", "Tuesday")
    assert clean(text).body == "\n\n".join([PARA_1, PARA_2, PARA_3, tail])


def test_reader_comments_and_footer_are_cut() -> None:
    text = "\n".join(
        [
            "River keeps rising",
            PARA_1,
            PARA_2,
            "12 Comments",
            "I live there and it has never been this bad, the council should have acted years ago.",
            "Reply",
            "Most read",
            "Terms of use | Privacy policy",
            "© 2024 The Valley Courier. All rights reserved.",
            "We use cookies to improve your experience.",
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"
    found = {r.text: (r.kind, r.rule) for r in cleaned.removed}
    assert found["12 Comments"][0] == "comments_notice"
    assert found["Reply"][0] in {"other", "comments_notice"}


def test_menu_above_the_headline_is_navigation_not_title() -> None:
    text = "\n".join(
        ["Skip to content", "Home", "News", "UK", "River keeps rising", PARA_1, PARA_2]
    )
    cleaned = clean(text)
    assert cleaned.title == "River keeps rising"
    assert cleaned.publisher is None
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"


def test_subheadings_stay_in_the_body_and_are_recorded() -> None:
    text = "\n".join([PARA_1, "What happens next", PARA_2, "“We Are Ready,” Says Mayor", PARA_3])
    cleaned = clean(text)
    assert cleaned.subheadings == ("What happens next", "“We Are Ready,” Says Mayor")
    assert "What happens next" in cleaned.body


def test_hints_win_and_their_title_leaves_the_body() -> None:
    hints = Hints(title="River keeps rising", authors=("A Writer",), published=date(2024, 2, 3))
    cleaned = clean("River keeps rising\n" + PARA_1, hints)
    assert cleaned.title == "River keeps rising"
    assert cleaned.body == PARA_1
    assert cleaned.authors == ("A Writer",)


def test_byline_anywhere_and_at_the_end() -> None:
    text = "\n".join([PARA_1, "By Priya Shah", PARA_2, "Reporting by Tom Reed; Editing by Al Poe"])
    cleaned = clean(text)
    assert cleaned.authors == ("Priya Shah", "Tom Reed")
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"


def test_short_article_keeps_its_only_line() -> None:
    assert clean("Ministers met on Thursday.").body == "Ministers met on Thursday."
    cleaned = clean("Talks end\nMinisters met on Thursday.")
    assert (cleaned.title, cleaned.body) == ("Talks end", "Ministers met on Thursday.")


MENU = ["Home", "World", "Business", "Sport", "Culture", "Travel"]
FOOTER = ["About us", "Contact us", "Terms of use | Privacy policy", "© 2024 The Valley Courier"]


def test_whole_pasted_page_keeps_only_the_article() -> None:
    """Menus above, related links and footer below: only title and paragraphs survive."""
    text = "\n".join(
        [
            *MENU,
            "River keeps rising",
            "By Priya Shah",
            "3 February 2024",
            PARA_1,
            PARA_2,
            PARA_3,
            "Related stories",
            "Council approves new flood barrier plan",
            "How to prepare your home for a flood",
            *FOOTER,
        ]
    )
    cleaned = clean(text)
    assert cleaned.title == "River keeps rising"
    assert cleaned.authors == ("Priya Shah",)
    assert cleaned.published == date(2024, 2, 3)
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3])
    rules = {r.text: r.rule for r in cleaned.removed}
    assert rules["Council approves new flood barrier plan"] == "related_links"


def test_an_article_split_by_a_widget_keeps_both_parts() -> None:
    widget = [f"Gallery item {n}" for n in range(20)]  # costs more than the part after it
    text = "\n".join([PARA_1, PARA_2, PARA_3, *widget, PARA_3, PARA_2])
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3, PARA_3, PARA_2])
    assert {r.rule for r in cleaned.removed} == {"below_article"}


def test_html_text_is_trusted_as_extracted() -> None:
    """Trafilatura already chose the main text: list items and code lines are not menus."""
    text = "\n".join([PARA_1, "pip install pandas", "import pandas as pd", "pd.read_csv", PARA_2])
    assert "import pandas as pd" in clean(text, extracted=True).body


def test_comment_policy_and_paywall_lines() -> None:
    text = "\n".join(
        [
            PARA_1,
            PARA_2,
            "To continue reading, please subscribe to The Valley Courier.",
            "Comments are moderated and may take a while to appear.",
            "Great article, thank you for writing about our village.",
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"
    kinds_found = {r.kind for r in cleaned.removed}
    assert {"promo", "comments_notice"} <= kinds_found


def test_standfirst_never_empties_the_body() -> None:
    cleaned = clean("River keeps rising\nVillages told to prepare.")
    assert cleaned.body == "Villages told to prepare."
    assert cleaned.standfirst is None


def test_hard_wrapped_paragraphs_are_one_paragraph() -> None:
    """Lines cut at 72 characters go on in lower case: together they are prose, not a menu,
    and one paragraph of the body."""
    wrapped = [
        "The old mill by the river was rebuilt over three summers by a group of",
        "volunteers who had never laid a stone before, and it now grinds flour",
        "for the bakery in the square every Saturday morning.",
    ]
    text = "\n".join([*MENU, "Mill turns again", *wrapped, *FOOTER])
    cleaned = clean(text)
    assert cleaned.body == " ".join(wrapped)


def test_a_comments_link_beside_the_byline_does_not_cut_the_article() -> None:
    text = "\n".join(["River keeps rising", "By Priya Shah", "Comments", PARA_1, PARA_2])
    assert clean(text).body == f"{PARA_1}\n\n{PARA_2}"


def test_a_long_comment_thread_does_not_outweigh_the_article() -> None:
    comment = PARA_3.replace("The environment agency said", "I think")
    thread = [line for n in range(8) for line in (f"Reader {n} says:", comment, "Reply")]
    text = "\n".join([*MENU, "River keeps rising", PARA_1, PARA_2, "8 Comments", *thread])
    cleaned = clean(text)
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"
    assert cleaned.title == "River keeps rising"


def test_code_lines_inside_an_article_cost_less_than_a_menu() -> None:
    code = ["rows = load(path)", "rows = clean(rows)", "save(rows, out)", "print(len(rows))"]
    text = "\n".join([*MENU, "Cleaning files", PARA_1, *code, PARA_2, *FOOTER])
    assert clean(text).body == "\n\n".join([PARA_1, *code, PARA_2])


def test_teasers_above_read_more_links_are_promos() -> None:
    teaser = "The bridge reopened on Friday after a week of repairs, the council said."
    text = "\n".join(
        [
            PARA_1,
            PARA_2,
            "Bridge reopens after repairs",
            teaser,
            "Read more",
            "Schools stay closed in the valley",
            "Read more",
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"
    assert {r.rule for r in cleaned.removed} >= {"teaser", "read_more_line"}


def test_a_read_more_link_after_a_headline_keeps_the_paragraph_above() -> None:
    text = "\n".join(
        [
            PARA_1,
            "Bridge reopens after repairs",
            "Read more",
            PARA_2,
            "Schools stay shut",
            "Read more",
        ]
    )
    assert clean(text).body == f"{PARA_1}\n\n{PARA_2}"


def test_an_author_box_in_the_tail_is_not_the_article() -> None:
    bio = "Priya Shah is an environment correspondent who has covered floods for a decade."
    text = "\n".join([PARA_1, PARA_2, bio, "Share", "Follow"])
    cleaned = clean(text)
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"
    assert {r.rule for r in cleaned.removed} >= {"author_bio"}


def test_an_author_box_under_its_name_heading_is_not_the_article() -> None:
    bio = "Priya Shah is an environment correspondent who has covered floods for a decade."
    text = "\n".join([PARA_1, "About Priya Shah", bio, PARA_2, PARA_3, PARA_1, PARA_2, PARA_3])
    cleaned = clean(text)
    assert bio not in cleaned.body
    assert {r.rule for r in cleaned.removed} >= {"author_bio"}


def test_a_bio_like_sentence_without_a_name_heading_stays_mid_article() -> None:
    said = "Priya Shah is an environment correspondent who has covered floods for a decade."
    text = "\n".join([PARA_1, said, PARA_2, PARA_3, PARA_1, PARA_2, PARA_3])
    assert said in clean(text).body


def test_a_byline_naming_no_one_is_not_the_title() -> None:
    text = "\n".join(["Villages told to prepare as river keeps rising", "By Staff Writer", PARA_1])
    cleaned = clean(text)
    assert cleaned.title == "Villages told to prepare as river keeps rising"
    assert "By Staff Writer" not in cleaned.body


def test_metadata_naming_only_the_publisher_gives_way_to_the_byline() -> None:
    hints = Hints(authors=("The Valley Courier",), publisher="The Valley Courier")
    cleaned = clean("\n".join([PARA_1, "Written by: Priya Shah", PARA_2]), hints, extracted=True)
    assert cleaned.authors == ("Priya Shah",)


TEASERS = [
    "Related stories",
    "Council approves new flood barrier plan",
    "By Tom Reed",
    "4 February 2024",
    "How to prepare your home for a flood",
    "By Ana Silva",
    "5 February 2024",
]


def test_the_headline_over_the_byline_block_and_that_block_s_names_and_dates() -> None:
    """On a pasted page the headline is the line over the byline block, though buttons and a
    caption stand between the block and the article; the teasers' bylines are not its."""
    text = "\n".join(
        [
            *MENU,
            "Floods",
            "Villages told to prepare as river keeps rising",
            "Three villages could be evacuated within days.",
            "By Priya Shah and Tom Reed",
            "Published: 09:30 GMT, 3 February 2024 | Updated: 14:05, 4 February 2024",
            "Share this article",
            "Sandbags outside the town hall (Jane Roe/Reuters)",
            PARA_1,
            PARA_2,
            PARA_3,
            *TEASERS,
            *FOOTER,
        ]
    )
    cleaned = clean(text)
    assert cleaned.title == "Villages told to prepare as river keeps rising"
    assert cleaned.standfirst == "Three villages could be evacuated within days."
    assert cleaned.authors == ("Priya Shah", "Tom Reed")
    assert (cleaned.published, cleaned.updated) == (date(2024, 2, 3), date(2024, 2, 4))


def test_an_updated_date_is_never_the_publication_date() -> None:
    text = "\n".join([*MENU, "River keeps rising", "By Priya Shah", "Updated 4 February 2024"])
    cleaned = clean("\n".join([text, PARA_1, PARA_2]))
    assert (cleaned.published, cleaned.updated) == (None, date(2024, 2, 4))
    assert cleaned.authors == ("Priya Shah",)


def test_a_name_line_beside_a_date_line_is_the_byline() -> None:
    for byline in (["Priya Shah", "+ Follow"], ["Priya Shah | Reporter"], ["By", "Priya Shah"]):
        head = ["River keeps rising", "Villages told to prepare.", *byline, "3 February 2024"]
        cleaned = clean("\n".join([*MENU, *head, PARA_1, PARA_2]))
        assert cleaned.title == "River keeps rising"
        assert cleaned.authors == ("Priya Shah",)
        assert cleaned.published == date(2024, 2, 3)


def test_a_name_run_into_its_date_under_the_headline_is_the_byline() -> None:
    head = ["Villages told to prepare as river keeps rising", "Priya ShahFebruary 3, 2024"]
    cleaned = clean("\n".join([*MENU, *head, PARA_1, PARA_2]))
    assert cleaned.title == "Villages told to prepare as river keeps rising"
    assert cleaned.authors == ("Priya Shah",)
    assert cleaned.published == date(2024, 2, 3)


def test_a_name_on_teasers_date_lines_is_no_author() -> None:
    """The same name beside a date on several lines: a list of teasers, each with its writer."""
    teasers = ["Recent Posts", "February 1, 2024 Priya Shah", "Bridges closed for inspection"]
    teasers += ["Read More", "January 28, 2024 Priya Shah", "How to sandbag a door"]
    teasers += ["Read More"]
    cleaned = clean("\n".join([*MENU, "River keeps rising", *teasers, PARA_1, PARA_2]))
    assert cleaned.authors == ()


def test_a_headline_ending_in_a_full_stop_over_a_longer_standfirst() -> None:
    head = [
        "Goats ruled this valley for a century. Now it is reborn.",
        "The valley, once stripped of its trees by invasive goats, makes a quick comeback"
        " after twenty years of careful work",
    ]
    cleaned = clean("\n".join([*MENU, *head, "By Priya Shah", PARA_1, PARA_2]))
    assert cleaned.title == head[0]
    assert cleaned.authors == ("Priya Shah",)


def test_a_date_over_the_headline() -> None:
    text = "\n".join([*MENU, "3 February 2024", "Villages told to prepare", PARA_1, PARA_2])
    cleaned = clean(text)
    assert (cleaned.title, cleaned.published) == ("Villages told to prepare", date(2024, 2, 3))
    assert cleaned.authors == ()


def test_the_end_of_a_breadcrumb_trail_is_the_headline_though_it_reads_like_a_name() -> None:
    trail = "Home / Essays / 2024 / Garden Notes"
    cleaned = clean("\n".join([*MENU, trail, "3 February 2024", "Garden Notes", PARA_1, PARA_2]))
    assert cleaned.title == "Garden Notes"
    assert cleaned.authors == ()


def test_a_section_label_or_a_publisher_in_a_byline_s_place_is_no_author() -> None:
    """Right or absent: "Middle East" over the headline and "The Valley Courier" beside the
    date read like names, and neither is a writer."""
    head = ["Middle East", "Talks resume as ceasefire holds", "The Valley Courier"]
    cleaned = clean("\n".join([*MENU, *head, "3 February 2024", PARA_1, PARA_2]))
    assert cleaned.title == "Talks resume as ceasefire holds"
    assert cleaned.authors == ()
    assert cleaned.published == date(2024, 2, 3)


def test_teasers_bylines_inside_the_article_name_no_one() -> None:
    """With no byline at the head, a byline amid the article is its writer's only when it is
    the only one: a list of teasers has one each."""
    text = "\n".join(
        [
            *MENU,
            "River keeps rising",
            PARA_1,
            PARA_2,
            PARA_3,
            "Council approves new flood barrier plan",
            "By Tom Reed",
            PARA_1.replace("Monday", "Tuesday"),
            "How to prepare your home for a flood",
            "By Ana Silva",
            PARA_2.replace("three", "four"),
        ]
    )
    assert clean(text).authors == ()


def test_with_no_byline_the_author_box_names_the_writer() -> None:
    bio = "Priya Shah is an environment correspondent who has covered floods for a decade."
    cleaned = clean("\n".join(["River keeps rising", PARA_1, PARA_2, bio, "Share", "Follow"]))
    assert cleaned.authors == ("Priya Shah",)
    about = "Priya writes about rivers and the towns beside them for the Courier since 2015."
    box = ["About the author", "Priya Shah", about]
    cleaned = clean("\n".join(["River keeps rising", PARA_1, PARA_2, *box, "Share", "Follow"]))
    assert cleaned.authors == ("Priya Shah",)
    said = "Tom Reed is a hydrologist who has studied the river for twenty years, he said."
    assert clean("\n".join([PARA_1, said, PARA_2, PARA_3, PARA_1, PARA_2])).authors == ()


def test_a_dateline_alone_and_a_headline_below_the_article() -> None:
    """A text that is only a dateline has no article start to look under; a headline-like line
    below the article's span is not its title (nor removed twice)."""
    assert clean("3 February 2024").published == date(2024, 2, 3)
    lines = ["Villages told to prepare.", "Front Page", "By Priya Shah", "Updated 4 February 2024"]
    cleaned = clean("\n".join([*lines, "News", "River keeps rising"]))
    assert (cleaned.title, cleaned.standfirst) == (None, None)
    assert cleaned.body == "Villages told to prepare."
    assert (cleaned.authors, cleaned.updated) == (("Priya Shah",), date(2024, 2, 4))


def test_a_lead_about_a_person_is_not_an_author_box() -> None:
    lead = (
        "Jane Minister is likely to name the election day when parliament returns from its "
        "break, the paper's political editor has learned."
    )
    rest = (
        "Ms Minister has so far resisted calls to name the day, but every party has stepped up "
        "its campaigning in the last few weeks, and her aides are preparing the launch."
    )
    cleaned = clean("\n\n".join(["Minister prepares to name poll date", lead, rest]))
    assert cleaned.body == "\n\n".join([lead, rest])
    assert cleaned.authors == ()


def test_the_writer_of_an_author_box_is_the_author() -> None:
    body = (
        "Podcasts have become a cheap way for anyone to broadcast, and listeners download "
        "thousands of hours of home-made radio every week, often on their phones."
    )
    bio = "Sam Writer is technology correspondent for The Weekly Radio Show."
    cleaned = clean("\n\n".join(["Podcasts mark rise of home radio", body, bio]))
    assert cleaned.body == body
    assert cleaned.authors == ("Sam Writer",)


AUTHOR_LIST_PAGE = [
    "FEATURE",
    "4 March 2024",
    "How small towns are planning for hotter summers",
    "Councils are planting trees and opening cool rooms for the elderly.",
    "By",
    "Ana Ruiz1,",
    "Wei You,",
    "Tom Hale &",
    "…",
    "Ida Berg",
    "Show authors",
    "Ana Ruiz",
    "View author publications",
    "Search author on: Example Scholar",
    "Wei You",
    "Wei You is a science writer in Leeds.",
    "View author publications",
    "Search author on: Example Scholar",
    "Ida Berg",
    "View author publications",
    "Search author on: Example Scholar",
    "Share",
]


def test_an_author_list_one_name_a_line_and_an_author_box_each() -> None:
    cleaned = clean("\n".join([*AUTHOR_LIST_PAGE, PARA_1, PARA_2]))
    assert cleaned.title == "How small towns are planning for hotter summers"
    assert cleaned.authors == ("Ana Ruiz", "Wei You", "Tom Hale", "Ida Berg")
    assert cleaned.published == date(2024, 3, 4)


def test_a_german_dateline_with_the_writer_under_the_headline() -> None:
    lines = [
        "Startseite",
        "Blog",
        "Warum die Stadt mehr Bäume pflanzt",
        "30. Oktober 2019 | Jo Kern",
    ]
    cleaned = clean("\n".join([*lines, PARA_1, PARA_2]))
    assert cleaned.title == "Warum die Stadt mehr Bäume pflanzt"
    assert (cleaned.authors, cleaned.published) == (("Jo Kern",), date(2019, 10, 30))


def test_a_writer_s_page_link_repeats_the_byline_amid_the_article() -> None:
    lines = ["River towns brace for floods", PARA_1, "By Lena Park", "Lena Park", PARA_2]
    cleaned = clean("\n".join([*lines, "View all posts by Lena Park", PARA_3]))
    assert cleaned.authors == ("Lena Park",)


def test_teasers_amid_the_article_each_by_another_writer_name_no_author() -> None:
    summary = (
        "Ministers clashed over the budget rules for councils on Tuesday, and the vote on the "
        "new limits was put off until after the summer recess."
    )
    teasers = ["View all posts by Omar Little", summary, "View all posts by Gus Fring"]
    lines = ["River towns brace for floods", PARA_1, PARA_2, PARA_3, *teasers]
    cleaned = clean("\n".join([*lines, "Traders plan a harbour market this spring."]))
    assert cleaned.authors == ()


def test_a_by_label_over_a_headline_names_no_one() -> None:
    cleaned = clean("\n".join(["Share", "By", "How You Can Help", PARA_1, PARA_2]))
    assert cleaned.authors == ()


def test_wikinews_captions_go_with_their_credits() -> None:
    """A caption and its credit on one line, or the credit on the line under it, go whole; the
    body around them stays."""
    same_line = "The new bridge over the Example river at dusk in 2019. Image: Jane Roe."
    two_sentences = (
        "Ships in the harbour of Example Bay. The port opened in 1901. Image: U.S. Navy."
    )
    over_credit = "Divers search the lake near the old mill in 2021."
    text = "\n".join(
        [
            *("River keeps rising", PARA_1, same_line, PARA_2, two_sentences, over_credit),
            *("Photo: Example Coast Guard", PARA_3),
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3])
    assert {r.text: r.kind for r in cleaned.removed} == {
        same_line: "caption",
        two_sentences: "caption",
        over_credit: "caption",
        "Photo: Example Coast Guard": "photo_credit",
    }


def test_a_caption_that_names_the_picture_goes_beside_its_credit_either_side() -> None:
    """A caption that says "(left)", "pictured" or "in this file photo" is one above or below
    its credit line, however long; the alt text that repeats a removed caption goes too."""
    below = (
        "Jane Roe (left) and John Doe at the opening of the flood barrier, which took four years "
        "to build. Engineers hope it will hold for a century!"
    )
    above = "John Doe arrives at the council meeting in this 2019 file photo, before the vote"
    caption = "Rescuers at the flooded school on Tuesday. (Jane Roe/PA)"
    alt_text = "Rescuers at the flooded school on Tuesday."
    text = "\n".join(
        [
            *("River keeps rising", PARA_1, "Picture: Jane Roe/Example Wire", below, PARA_2),
            *(above, "Photo: Jane Roe", caption, alt_text, PARA_3),
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3])
    assert {r.text: r.rule for r in cleaned.removed} == {
        "Picture: Jane Roe/Example Wire": "credit_line",
        below: "credited_caption",
        above: "credited_caption",
        "Photo: Jane Roe": "credit_line",
        caption: "caption_with_credit",
        alt_text: "caption_repeat",
    }


def test_body_sentences_beside_credits_and_naming_agencies_stay() -> None:
    """Under a credit line of a picture without a caption the article goes on; prose that names
    an agency or a newspaper, or says "left", is the article's."""
    kept = [
        "The council left the meeting early. Reuters later reported the vote.",
        "Residents were told to leave, officials told the AP on Monday.",
        "The paper is out. Jane Roe wrote for the Guardian for a decade.",
        "The barrier poses a risk to the fish, which is seen as a problem.",
    ]
    text = "\n".join(["River keeps rising", PARA_1, "Photo: Jane Roe/Reuters", *kept, PARA_2])
    cleaned = clean(text)
    assert [r.text for r in cleaned.removed] == ["Photo: Jane Roe/Reuters"]
    assert cleaned.body == "\n\n".join([PARA_1, *kept, PARA_2])


def test_an_exclaimed_caption_over_its_credit_goes_but_a_question_stays() -> None:
    """ "Nearly there!" over a credit is a caption; a question over a photo is a heading."""
    exclaimed = "The last stretch of the new cycle path is nearly done!"
    question = "What happens to the old bridge now?"
    text = "\n".join(
        [
            *("River keeps rising", PARA_1, exclaimed, "Photo: Jane Roe", PARA_2),
            *(question, "Image: Example Council", PARA_3),
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, question, PARA_3])
    assert [r.text for r in cleaned.removed] == [
        exclaimed,
        "Photo: Jane Roe",
        "Image: Example Council",
    ]


def test_a_gallery_s_slides_go_between_their_repeated_credit_frames() -> None:
    """A gallery pasted slide by slide prints each caption beside the same credit and the same
    title: the captions between such frames go however many sentences they tell, and so does
    the repeated title; the article around the gallery stays."""
    slides = [
        "Mark the parts on the board. Saw along the lines. Then sand the edges …",
        "… until they are smooth. Drill the holes for the screws.",
        "Screw the sides to the base. Check the corners are square!",
    ]
    frame = ["Photo: Jane Roe / Example", "Build a worm box"]
    lines = [line for slide in slides for line in (slide, *frame)]
    cleaned = clean("\n".join(["Build a worm box", PARA_1, *frame, *lines, PARA_2]))
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2])
    removed = {r.text: r.rule for r in cleaned.removed}
    assert all(removed[slide] == "gallery_caption" for slide in slides)
    assert removed["Build a worm box"] == "gallery_caption"


def test_a_credit_line_repeated_twice_frames_no_gallery() -> None:
    """Two pictures with the same credit and a paragraph under each are an article, not a
    gallery: the paragraphs stay."""
    credit = "Photo: Jane Roe / Example"
    cleaned = clean("\n".join(["River keeps rising", credit, PARA_1, credit, PARA_2, PARA_3]))
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3])


def test_a_caption_widget_s_credit_and_truncated_caption_go_with_the_caption() -> None:
    """A caption with its credits in brackets, a caption widget's truncated copy ("... View
    Full Size") and the credit printed apart all go; a caption over a credit in brackets goes
    with it."""
    caption = (
        "Jane Roe, left, and John Doe were both arrested on Sunday after the flood. "
        "(Example State Police; Example County Sheriff's Department)"
    )
    credits = "Example State Police; Example County Sheriff's Department"
    truncated = "Jane Roe, left, and John Doe were... View Full Size"
    over_bracket = "A volunteer fills sandbags outside the library on Tuesday."
    text = "\n".join(
        [
            *("River keeps rising", PARA_1, caption, PARA_2, credits, truncated),
            *(over_bracket, "(Jane Roe/Associated Press)", PARA_3),
        ]
    )
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join([PARA_1, PARA_2, PARA_3])
    assert {r.text: r.rule for r in cleaned.removed} == {
        caption: "caption_with_credit_list",
        credits: "credit_repeat",
        truncated: "truncated_caption",
        over_bracket: "credited_caption",
        "(Jane Roe/Associated Press)": "bracketed_credit_line",
    }


def test_sentences_that_name_an_agency_or_a_position_stay() -> None:
    """Prose that names an agency, a picture or a side is the article's, beside a credit too."""
    kept = [
        "The photo, taken by Reuters, shows the minister leaving the building.",
        "Getty Images said it had removed the picture from its archive.",
        "The talks ended. Left: the minister; right: the envoy.",
        "Image copyright law is a thorny issue, the minister said.",
        "The vote was held on Monday (BBC News: live coverage).",
    ]
    text = "\n".join(["River keeps rising", PARA_1, "[Getty Images]", *kept, PARA_2])
    cleaned = clean(text)
    assert [r.text for r in cleaned.removed] == ["[Getty Images]"]
    assert cleaned.body == "\n\n".join([PARA_1, *kept, PARA_2])


def test_a_label_nearest_the_article_gives_way_to_the_headline_its_prose_bears_out() -> None:
    lines = ["Skip to content", "Flood defences raised as river rises", "Popular this week"]
    cleaned = clean("\n".join([*lines, PARA_1, PARA_2]))
    assert cleaned.title == "Flood defences raised as river rises"
    assert kinds("\n".join([*lines, PARA_1, PARA_2]))["Popular this week"] == "navigation"
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"


def test_a_label_no_headline_stands_in_for_leaves_no_title() -> None:
    cleaned = clean("\n".join(["Skip to content", "Home", "Popular this week", PARA_1, PARA_2]))
    assert cleaned.title is None  # a wrong title is worse than none
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"


def test_a_headline_with_no_word_to_judge_by_keeps_its_place() -> None:
    cleaned = clean("\n".join(["Skip to content", "Home", "Why It Is So Hot", PARA_1, PARA_2]))
    assert cleaned.title == "Why It Is So Hot"


def test_the_headline_sharing_most_words_with_the_article_wins() -> None:
    headline = "Flood warning: villages told to prepare to leave their homes"
    lines = ["Home", headline, "River Flood Defences", "Popular this week", PARA_1, PARA_2]
    cleaned = clean("\n".join(lines))
    assert cleaned.title == headline
    assert cleaned.body == f"{PARA_1}\n\n{PARA_2}"  # the lines under it are set aside still


def test_a_text_that_opens_with_a_headline_keeps_it_whatever_its_words() -> None:
    body = (
        "Manchester United beat Exeter 2-0 in their FA Cup third round replay at St James Park "
        "on Wednesday, with Cristiano Ronaldo and Wayne Rooney scoring in the second half."
    )
    cleaned = clean(f"Man Utd stroll to Cup win\n\n{body}")
    assert (cleaned.title, cleaned.body) == ("Man Utd stroll to Cup win", body)


SIDEBAR = ["Popular posts", "Ten walks along the river", "Read more", "Why the bridge closed"]


def test_an_author_s_line_below_the_article_names_its_writer() -> None:
    """No byline at the head: the page's one "Author:" line, amid its date lines under the
    article, names the writer; so does an author box's heading ("About the Author - ...")."""
    tail = ["Author: Priya Shah", "Published: 03 February 2024", "Updated: 05 February 2024"]
    page = [*MENU, "River keeps rising", PARA_1, PARA_2, PARA_3, *SIDEBAR, *tail, *FOOTER]
    cleaned = clean("\n".join(page))
    assert cleaned.authors == ("Priya Shah",)
    assert "Author: Priya Shah" not in cleaned.body
    intro = "Hi! My name is Priya and I have walked the valley's rivers for twelve years now."
    box = ["About the Author - Priya Shah", intro]
    page = [*MENU, "River keeps rising", PARA_1, PARA_2, PARA_3, *box, *SIDEBAR, *FOOTER]
    assert clean("\n".join(page)).authors == ("Priya Shah",)


def test_author_s_lines_that_are_not_the_writer_s_name_no_one() -> None:
    """Two writers' lines name a list's writers; a name the article speaks of is a credit
    ("Written by" a book's author in its review); a name beside dates on other lines is a
    teaser's writer."""
    two = ["Author: Priya Shah", "Ten walks along the river", "Author: Tom Reed"]
    page = [*MENU, "River keeps rising", PARA_1, PARA_2, PARA_3, *two, *FOOTER]
    assert clean("\n".join(page)).authors == ()
    review = "Tom Reed's new novel follows a family who refuse to leave as the water rises."
    book = ["The Flood Year", "Written by Tom Reed", "Published by Valley Press"]
    page = [*MENU, "River keeps rising", review, PARA_1, PARA_2, *SIDEBAR, *book, *FOOTER]
    assert clean("\n".join(page)).authors == ()
    teasers = ["Author: Tom Reed", "Bridges shut", "February 1, 2024 Tom Reed", "Read more"]
    page = [*MENU, "River keeps rising", PARA_1, PARA_2, PARA_3, *SIDEBAR, *teasers]
    assert clean("\n".join([*page, *FOOTER])).authors == ()


def test_a_single_given_name_with_an_author_s_label_is_the_writer() -> None:
    """A blog's byline ("12/04/2020 by Kay 24 Comments") and a recipe card's "Author:" name
    the writer by a given name alone; a given name on a line of its own names no one."""
    head = ["River keeps rising", "03/02/2024 by Priya 12 Comments"]
    assert clean("\n".join([*MENU, *head, PARA_1, PARA_2, PARA_3])).authors == ("Priya",)
    card = ["Servings: 4", "Author: Priya", "Prep Time: 15 minutes"]
    page = [*MENU, "River keeps rising", PARA_1, PARA_2, *card, PARA_3, *FOOTER]
    assert clean("\n".join(page)).authors == ("Priya",)
    page = [*MENU, "River keeps rising", "Priya", PARA_1, PARA_2, PARA_3, *FOOTER]
    assert clean("\n".join(page)).authors == ()
