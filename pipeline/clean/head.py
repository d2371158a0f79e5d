"""The head of an article: datelines, bylines, masthead, title and standfirst above its first
paragraph.

The head is read from its byline block: the lines nearest the article's start that say who wrote
it and when ("By Jane Roe", "Published: 3 May 2020", a name beside a date). The headline is the
headline-like line just above that block (a standfirst, a caption or a name may stand between),
and the names and dates are that block's alone: a pasted page also shows the bylines and dates of
the teasers, menus and comments around the article, and a wrong author is worse than none.
Without a byline block, the headline is the one nearest above the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.clean.blocks import (
    MASTHEAD_MAX_WORDS,
    SENTENCE_END,
    WRAPPED_LINE_MIN_WORDS,
    Block,
    continues,
    is_headline,
    is_prose,
)
from pipeline.clean.bylines import (
    FOUND_DATE,
    HEAD_LINE_MAX_WORDS,
    HeadLine,
    bare_names,
    is_person_name,
    line_dates,
    parse_byline,
    parse_date_publisher,
    parse_head_line,
    says_nothing,
)
from pipeline.clean.engine import named_elsewhere
from pipeline.clean.rules import AUTHOR_BIO, BIO_OPENING
from pipeline.lexicon.media import AGENCIES
from pipeline.rows import BoilerplateKind
from pipeline.wordlist import words

STANDFIRST_MAX_WORDS = 60
MASTHEAD_CONNECTORS = frozenset({"&", "and", "of", "the", "de", "la", "le", "du", "der", "die"})
TITLE_MIN_WORDS = 4  # a shorter line above a headline is a section label, not the title
GUESSED_TITLE_MIN_WORDS = 3  # "Close", "FAQs", "Share now" amid a page: labels, not headlines
NAV_ITEM_MAX_WORDS = 4
HEAD_REACH = 30  # lines above the article's start where its byline block may stand
BELOW_START = 6  # kept lines below the start that may still be the byline block (under a headline)
BLOCK_NEAR = 12  # other kept lines between the byline block and the article's start, at most
BLOCK_GAP = 2  # other kept lines between two lines of one byline block, at most
BLOCK_SPAN = 6  # lines from one line of a byline block to the next, at most
TITLE_REACH = 6  # lines above the byline block the headline may stand (not counting removed ones)
STANDFIRST_MAX_LINES = 3  # a standfirst in bullet points: the headline stands over them all
SHOUTED_MIN_WORDS = 3  # a line in capitals this long is a row of labels or buttons
ARTICLE_TAIL = 3  # lines below the article's last paragraph that may be its byline ("Reporting by")
NAME_REACH = 2  # a name line this close to the byline block is its byline ("Jane Roe", a date)
# A headline's evidence: its content words (letters only, this long at least, cut to a stem)
# recur in the article's paragraphs; a label's ("Popular this week", "SPEED READ") do not.
CONTENT_WORD = re.compile(r"[^\W\d_]{4,}|\b[A-Z]{2,3}\b|\d{3,}")
ACRONYM = re.compile(r"[A-Z]{2,3}")  # "RTX", "GOP": compared as written ("US" is not "us")
STEM_LENGTH = 5
FUNCTION_WORDS = words(
    """this that with from your about have will what when more here there their they been were
    which after into over than them these those some just only also most like does very
    other could would should where while being each then such because every many much even
    well eine einer einem einen sich nicht über dass sind auch wird werden oder wenn nach
    noch aber dies diese mehr sein ihre beim durch"""
)
ATTEST_REACH = 40  # lines above the article's start where its attested headline may stand
ATTEST_MIN_SHARED = 2  # content words a line shares with the article to be taken as its headline
ATTEST_MIN_SHARE = 0.5  # ... and at least this share of its content words
# (ranked by words shared first: a two-word label may share both, "Create a new account")
BESIDE_REACH = 2  # lines from the byline block where a headline needs no other evidence
# Rules that may take a headline for something else: the title pasted twice in a row (a
# caption's sign) or standing among a "Related" list's headlines.
TITLE_RECOVERABLE_RULES = frozenset({"repeated_line", "related_links"})
# A byline's label on a line of its own, the names on the next line (or one a line, each but
# the last ending in a comma, "&" or "and", with "…" for those a button shows).
BY_LABEL = re.compile(
    r"(?:by|written by|words by|authors?|autor(?:in|en)?|auteurs?|autori?e?)\s*:?", re.IGNORECASE
)
LIST_GOES_ON = re.compile(r"\s*(?:,|&|\band)\s*\Z|\A\s*(?:…|\.\.\.)\s*\Z", re.IGNORECASE)
# The link to an author's page under each name of an author box ("Jane Roe", "View author
# publications"): the name over it (or over a line of biography) is an author's.
AUTHOR_LINK = re.compile(
    r"(?:view|see|more|read)\s+(?:all\s+)?(?:author(?:'s)?\s+)?(?:publications|posts|articles|"
    r"stories|profile)(?:\s+(?:by|from)\s+(?:this\s+)?author)?",
    re.IGNORECASE,
)
AUTHOR_LINK_REACH = 2  # lines over an author's page link where the name may stand
# The name an author's biography opens with ("Jane Roe is ...", "Jane writes about ..."), and
# the heading of an author box over it ("About the author", "About Jane Roe").
ABOUT = re.compile(r"^about(?:\s+the\s+authors?)?\s*:?\s*", re.IGNORECASE)
BIO_HEADING_REACH = 3  # lines above a biography where its box's heading may stand
# An author's line anywhere on the page, with its label: "By Jane Roe", "Written by Jane Roe",
# "Author: Jane Roe", "About the Author - Jane Roe" (an author box's heading); not an author
# page's link ("View all posts by") nor a credit ("Photos by").
LABELLED_AUTHOR = re.compile(
    r"(?:by\b|(?:written|words)\s+by\b|authors?\s*:)\s*(?P<byline>.+)|"
    r"about\s+the\s+authors?\s*[:–—-]\s*(?P<names>.+)",
    re.IGNORECASE,
)
# Where a labelled author line is one of a list's, or a reader's: not the article's writer.
NOT_ARTICLE_RULES = frozenset({"reader_comments", "teaser", "related_links", "menu_run"})
# An article's credit line at its end: "Reporting by Jane Roe; Editing by Al Poe".
CREDIT = re.compile(r"(?:reporting|report|words|text|story|written|compiled)\s+by\b", re.IGNORECASE)
# A breadcrumb trail ("Home » News » The headline", "Home / Essays / 2017 / The headline") and
# the separators between its items.
BREADCRUMB = re.compile(r"[»›]|>>|\S\s*>\s*\S.*>|(?:\S\s*/\s+\S.*){2}")
CRUMB_SEPARATOR = re.compile(r"\s*(?:[»›>|]+|/)\s*")
# A photo's credit at the end of a line: a caption ("The harbour at dawn. | Jane Roe/Getty Images").
CREDITED = re.compile(rf"[/|(]\s*(?:[^/|()]{{0,40}}/)?\s*(?:{AGENCIES})\)?\s*\Z")


@dataclass
class Head:
    """What the head of the article says about it."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: date | None = None
    updated: date | None = None  # an "Updated ..." line's date, never taken as `published`


def mark_prefixed_bylines(blocks: list[Block]) -> None:
    """A "By Jane Roe" line is never prose, wherever a page put it; whether it is the article's
    byline, `parse_head` decides."""
    for block in blocks:
        if block.removed or is_prose(block):
            continue
        byline = parse_byline(block.text)
        if byline and byline.prefixed:
            block.remove("byline", "byline")


def parse_head(
    blocks: list[Block],
    start: int,
    title_hint: str | None,
    head: Head,
    *,
    guess_title: bool,
    order: str | None = None,
    spans: Sequence[tuple[int, int]] = (),
) -> None:
    """Byline block, title, masthead and standfirst above the first paragraph, and the bylines
    inside the article.

    Without `guess_title`, only a line equal to the hinted title is taken as the title; `order`
    is the article's numeric date convention (`metadata.numeric_order`), for its datelines;
    `spans` are the article's spans of a pasted page (`regions.main_regions`; none: all of the
    text from `start` on): the title and standfirst found below `start` must be inside them.
    """
    lines = _head_lines(blocks, start, order)
    for i, line in lines.items():  # whoever's they are, bylines and datelines are not article
        if i < start:
            kind: BoilerplateKind = "byline" if line.byline else "dateline"
            blocks[i].remove(kind, "byline" if line.byline else "dateline")
    byline_block = _byline_block(blocks, lines, start)
    kept = [i for i in range(start) if not blocks[i].removed]
    candidates = [i for i in kept if not _names_in(blocks, i)]
    title_at = _find_title(blocks, candidates, title_hint, guess=False)
    if title_at is None and guess_title:
        if byline_block:  # a byline block with no headline beside it: no headline known
            title_at = _title_by(blocks, byline_block, lines, start)
        else:
            title_at = _find_title(blocks, candidates, None, guess=True)
    if title_at is not None and not _in_article(title_at, start, spans):
        title_at = None
    placed = title_at  # the headline by position; the article's prose may overrule it
    if guess_title and not (title_hint and title_at is not None):
        title_at = _attested_title(blocks, title_at, start, spans, lines, byline_block)
        if title_at != placed:
            _set_aside(blocks, kept, placed, title_at, start)
    if title_at is not None and byline_block and byline_block[-1] < title_at:
        byline_block += _lines_under(blocks, lines, title_at)  # a date over it, "By" under it
    _read_byline_block(blocks, lines, byline_block, title_at, head)
    if title_at is not None and not head.authors:  # bare names right under the headline
        for i in _below(blocks, title_at):
            if named := _names_in(blocks, i):
                head.authors.extend(n for n in named if n not in head.authors)
                blocks[i].remove("byline", "bare_names_byline")
    end = max(last for _, last in spans) + 1 + ARTICLE_TAIL if spans else len(blocks)
    _article_bylines(blocks, range(start, min(end, len(blocks))), head)
    if title_at is None:
        if guess_title:  # a page with no headline: what stands above the article is not it
            _remove_above(blocks, kept, len(blocks) if placed is None else placed)
        return
    _take_title(blocks[title_at])
    head.title = blocks[title_at].text
    below = [i for i, b in enumerate(blocks) if i > title_at and not b.removed]
    after = below[0] if len(below) >= 2 else None  # a standfirst never leaves the body empty
    nxt = blocks[after + 1] if after is not None and after + 1 < len(blocks) else None
    if after is not None and not _in_article(after, start, spans):
        after = None
    if after is not None and _is_standfirst(blocks[after], nxt, inside_article=after >= start):
        blocks[after].role = "standfirst"
        head.standfirst = blocks[after].text
    if not guess_title:
        return
    above = [i for i in kept if i < title_at and not blocks[i].removed]
    if len(above) == 1 and above[0] == title_at - 1 and is_masthead(blocks[above[0]]):
        blocks[above[0]].remove("masthead", "masthead")
        head.publisher = head.publisher or blocks[above[0]].text
    _remove_above(blocks, above, title_at)


def _attested_title(
    blocks: list[Block],
    title_at: int | None,
    start: int,
    spans: Sequence[tuple[int, int]],
    lines: dict[int, HeadLine],
    byline_block: list[int],
) -> int | None:
    """The headline chosen by position, if the article's prose bears it out (its words recur
    there) or it stands right beside the byline block; else the headline-like line near the
    article's start that the prose bears out best, or none: a label beside a misplaced start
    ("Popular this week", "Manage Print Account") shares no word with the article, and a wrong
    title is worse than none."""
    if title_at is not None and (
        title_at == 0  # a text that opens with its headline: an article file, not a page
        or _ends_trail(blocks, title_at)
        or _beside(title_at, byline_block)
    ):
        return title_at  # its place says it: the article's words need not be read
    prose = _prose_stems(blocks, start, spans)
    if not prose:  # no paragraph to judge by ("Talks end" over one short line)
        return title_at
    if title_at is not None:
        own = _stems(blocks[title_at].text)
        if not own or _evidence(blocks[title_at].text, own, prose) >= 1:
            return title_at  # borne out, or nothing in it to judge ("Why It Is So Hot")
    found: list[tuple[int, float, int, int]] = []  # shared, share, nearness, line
    for i in range(max(start - ATTEST_REACH, 0), start):
        block = blocks[i]
        if i in lines or is_prose(block):
            continue
        if not _may_be_title(block) or block.words < GUESSED_TITLE_MIN_WORDS:
            continue
        own = _stems(block.text)
        shared = _evidence(block.text, own, prose)
        if shared >= ATTEST_MIN_SHARED and shared >= ATTEST_MIN_SHARE * len(own):
            found.append((shared, shared / len(own), i - start, i))
    return max(found)[-1] if found else None


def _beside(at: int, byline_block: list[int]) -> bool:
    """Block `at` stands right over or under the byline block: a line at most between them (a
    standfirst, the publisher's name)."""
    if not byline_block:
        return False
    first, last = (at, byline_block[0]) if at < byline_block[0] else (byline_block[-1], at)
    return last - first <= BESIDE_REACH


def _set_aside(
    blocks: list[Block], kept: list[int], placed: int | None, title_at: int | None, start: int
) -> None:
    """The lines the headline found by position would have set aside stay aside when the
    article's prose chose another headline, or none: the unattested label (when above the
    article) and the lines between an attested headline and the article, or that label."""
    if placed is not None and placed < start and (title_at is None or title_at < placed):
        blocks[placed].remove("navigation", "unattested_title")
    if title_at is None:
        return
    limit = start if placed is None else min(placed, start)
    _remove_above(blocks, [i for i in kept if i > title_at], limit)


def _prose_stems(
    blocks: list[Block], start: int, spans: Sequence[tuple[int, int]]
) -> list[tuple[str, frozenset[str]]]:
    """The article's paragraphs, each with its content words' stems."""
    end = max(last for _, last in spans) + 1 if spans else len(blocks)
    return [
        (b.text, _stems(b.text))
        for i, b in enumerate(blocks[start:end], start)
        if not b.removed and b.words >= WRAPPED_LINE_MIN_WORDS and _in_article(i, start, spans)
    ]


def _evidence(text: str, own: frozenset[str], prose: list[tuple[str, frozenset[str]]]) -> int:
    """How many of the line's content words (`own`, its stems) recur in the article's
    paragraphs (not counting a paragraph that repeats the line itself)."""
    seen: set[str] = set()
    for para, stems in prose:
        if para != text:
            seen |= stems & own
    return len(seen)


def _stems(text: str) -> frozenset[str]:
    """The content words of a text, cut to a stem ("burials" and "burial" alike)."""
    words = CONTENT_WORD.findall(text)
    return frozenset(
        w if ACRONYM.fullmatch(w) else w.casefold()[:STEM_LENGTH]
        for w in words
        if w.casefold() not in FUNCTION_WORDS
    )


def _in_article(at: int, start: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Block `at` stands above the article, or in one of its spans (all is article without)."""
    return at < start or not spans or any(first <= at <= last for first, last in spans)


def read_author_bio(blocks: list[Block], head: Head) -> None:
    """With no byline, the writer the article's author box introduces (`engine.mark_author_bios`):
    the person its biography opens with ("Jane Roe is a senior writer ..."), named in full
    there or in the box's heading above it ("About Jane Roe", "Jane Roe" over "Jane is ...").
    A box below the article's end counts with its heading only. Boxes that introduce different
    people (a list of contributors) name no one. Without such a box, the page's one author's
    line names the writer (`_labelled_author`)."""
    if head.authors:
        return
    found: list[str] = []
    for i, block in enumerate(blocks):
        boxed = block.rule == "below_article" and AUTHOR_BIO.fullmatch(block.text) is not None
        opening = BIO_OPENING.match(block.text)
        if not (block.rule == "author_bio" or boxed) or opening is None:
            continue
        subject = opening.group("name")
        headings = [ABOUT.sub("", b.text) for b in blocks[max(i - BIO_HEADING_REACH, 0) : i]]
        named = [n for h in headings for n in bare_names(h) if n.split()[0] == subject.split()[0]]
        full = is_person_name(subject) and not boxed
        name = subject if full else next(iter(named), None)
        if name and name not in found and not named_elsewhere(blocks, i, name):
            found.append(name)
    if len(found) == 1:
        head.authors.extend(found)
    else:
        _labelled_author(blocks, head)


def _labelled_author(blocks: list[Block], head: Head) -> None:
    """With no byline in the head nor an author box, the writer an author's line names
    wherever it stands ("Author: Jane Roe" under the article, amid its date lines; "About the
    Author - Jane Roe" over a biography), when it is the page's only such line: two name a list
    of teasers, or its readers. Not when the names stand on another dated line (teasers, each
    with its writer and date), nor when the article's prose names them (a review's credits,
    "Written by" the book's author): a writer is not the subject of their own article."""
    if head.authors:
        return
    found: list[tuple[int, tuple[str, ...]]] = []
    for i, block in enumerate(blocks):
        match = LABELLED_AUTHOR.fullmatch(block.text.strip())
        if match is None or block.rule in NOT_ARTICLE_RULES:
            continue
        if match.group("names") is not None:
            named = bare_names(match.group("names"), labelled=True)
        else:
            byline = parse_byline(block.text)
            named = () if byline is None or byline.contributing else byline.names
        if named:
            found.append((i, named))
    if len(found) != 1:
        return
    at, named = found[0]
    line = HeadLine(names=named, byline=True, prefixed=True)
    if _dated_elsewhere(blocks, at, line) or any(_in_prose(blocks, at, n) for n in named):
        return
    head.authors.extend(named)
    blocks[at].remove("byline", "author_line")


def _in_prose(blocks: list[Block], at: int, name: str) -> bool:
    """The surname of `name` stands in a kept block (the title, or a line of more than a few
    words) other than `at` and the biography right under it ("Jane Roe is ...", "Jane here!")."""
    last = name.casefold().split()[-1]
    box = range(at, at + 1 + BIO_HEADING_REACH)
    return any(
        last in re.findall(r"\w+", block.text.casefold())
        for i, block in enumerate(blocks)
        if i not in box
        and not block.removed
        and (block.role == "title" or block.words > MASTHEAD_MAX_WORDS)
    )


def _head_lines(blocks: list[Block], start: int, order: str | None) -> dict[int, HeadLine]:
    """The lines above the article (and those just below its first paragraph) that say
    who wrote something and when: bylines ("By" and the names on the next line too), datelines,
    date-and-publisher lines; also where a rule took them for a list of links or tags."""
    lines: dict[int, HeadLine] = {}
    labels: set[int] = set()  # "By" alone on its line (or a name ending in a comma under it)
    paragraphs = below = 0
    for i, block in enumerate(blocks):
        below += i > start and not block.removed
        paragraphs += i > start and is_prose(block) and not block.removed
        if paragraphs > 1 or below > BELOW_START:
            break  # the article has begun: a byline may follow a standfirst, not the article
        listed = LIST_GOES_ON.sub("", block.text)
        if masthead := parse_date_publisher(block.text, order):
            published, updated, _ = line_dates(block.text, order)
            lines[i] = HeadLine((), masthead[1], published, updated, dated=True)
        elif line := parse_head_line(block.text, order):
            lines[i] = line
        elif i - 1 in labels and (named := bare_names(listed, labelled=True) if listed else ("…",)):
            named = tuple(n for n in named if n != "…")
            lines[i - 1] = lines[i] = HeadLine(names=named, byline=True, prefixed=True)
            if LIST_GOES_ON.search(block.text):
                labels.add(i)
        elif AUTHOR_LINK.fullmatch(block.text) and (named_at := _name_over(blocks, i)):
            named = bare_names(blocks[named_at].text, labelled=True)
            lines[i] = lines[named_at] = HeadLine(named, byline=True)
        if BY_LABEL.fullmatch(block.text):
            labels.add(i)
    for i, line in lines.items():
        if line.dated and line.names and not line.prefixed and _dated_elsewhere(blocks, i, line):
            lines[i] = replace(line, names=(), byline=False)
    return lines


def _dated_elsewhere(blocks: list[Block], at: int, line: HeadLine) -> bool:
    """The names of the dated line `at` ("October 30, 2020 Jane Roe") stand on another dated
    line of the page, with another date: a list of teasers, each with its writer and date."""
    for i, block in enumerate(blocks):
        if i == at or block.text == blocks[at].text or block.words > HEAD_LINE_MAX_WORDS:
            continue
        if all(n in block.text for n in line.names) and FOUND_DATE.search(block.text):
            return True
    return False


def _name_over(blocks: list[Block], at: int) -> int | None:
    """Where the name over an author's page link stands, if within reach; the link labels it
    as "By" would ("Xiaoying You")."""
    over = [i for i in range(at - 1, -1, -1) if not blocks[i].removed][:AUTHOR_LINK_REACH]
    return next((i for i in over if bare_names(blocks[i].text, labelled=True)), None)


def _byline_block(blocks: list[Block], lines: dict[int, HeadLine], start: int) -> list[int]:
    """The head lines that form the article's byline block: the one nearest the start (within
    `BLOCK_NEAR` other lines of it), and those close to it above and below."""
    near = [i for i in lines if i >= start - HEAD_REACH]
    seeds = [i for i in near if lines[i].dated or lines[i].names or lines[i].prefixed]
    if not seeds:  # a role alone ("Staff") may be a menu's label: it only joins a block
        return []
    seed = min(seeds, key=lambda i: start - i if i < start else i - start + 1)
    if seed < start and len(_kept_between(blocks, lines, seed, start)) > BLOCK_NEAR:
        return []
    found = [seed]
    for i in sorted((i for i in near if i < seed), reverse=True):
        if _others_between(blocks, lines, i, found[0]) > BLOCK_GAP:
            break
        found.insert(0, i)
    for i in sorted(i for i in near if i > seed):
        if _others_between(blocks, lines, found[-1], i) > BLOCK_GAP:
            break
        found.append(i)
    return found


def _lines_under(blocks: list[Block], lines: dict[int, HeadLine], title_at: int) -> list[int]:
    """The head lines close under the headline, one after the other."""
    found: list[int] = []
    for i in sorted(j for j in lines if j > title_at):
        if _others_between(blocks, lines, found[-1] if found else title_at, i) > BLOCK_GAP:
            break
        found.append(i)
    return found


def _others_between(blocks: list[Block], lines: dict[int, HeadLine], first: int, last: int) -> int:
    """Kept lines between two head lines; a headline between them, or a long stretch of lines
    rules removed, parts them ("3 May 2020", the headline, "By Jane Roe"): as many as the block
    can hold. A line shown again close by is a button under each author, not a headline; a
    headline a rule took for a link parts them too (teasers, each with its date)."""
    between = _kept_between(blocks, lines, first, last)
    headlines = [i for i in range(first + 1, last) if i not in lines and _may_be_title(blocks[i])]
    if last - first > BLOCK_SPAN or any(
        blocks[i].words >= GUESSED_TITLE_MIN_WORDS and not _shown_again(blocks, i)
        for i in headlines
    ):
        return BLOCK_GAP + 1
    return len(between)


def _shown_again(blocks: list[Block], at: int) -> bool:
    """The same line stands within `BLOCK_SPAN` lines of block `at`."""
    near = blocks[max(at - BLOCK_SPAN, 0) : at] + blocks[at + 1 : at + 1 + BLOCK_SPAN]
    return any(b.text == blocks[at].text for b in near)


def _kept_between(
    blocks: list[Block], lines: dict[int, HeadLine], first: int, last: int
) -> list[int]:
    return [i for i in range(first + 1, last) if i not in lines and not blocks[i].removed]


def _title_by(
    blocks: list[Block], found: list[int], lines: dict[int, HeadLine], start: int
) -> int | None:
    """The headline beside the byline block: over it, or under a block that is only a date
    with no name right over it ("3 May 2020" over the headline, the article under both)."""
    over = _title_over(blocks, found[0], lines, start)
    said = [i for i in range(found[0] - 1, -1, -1) if not blocks[i].removed]
    said = [i for i in said[:NAME_REACH] if not says_nothing(blocks[i].text)][:1]
    if any(lines[i].byline for i in found) or any(bare_names(blocks[i].text) for i in said):
        return over
    article = range(found[-1] + 1, min(start + 1, len(blocks)))
    under = next((i for i in article if not blocks[i].removed), None)
    if under is not None and _ends_trail(blocks, under):
        return under
    if under is None or not _may_be_title(blocks[under]):
        return over
    if over is None:
        return under
    if (
        not _kept_between(blocks, lines, over, found[0])
        and blocks[over].words >= blocks[under].words
    ):
        return over  # a headline right over the date, a shorter line under it
    return under if blocks[under].words >= TITLE_MIN_WORDS else over


def _title_over(
    blocks: list[Block], top: int, lines: dict[int, HeadLine], start: int
) -> int | None:
    """The headline over the byline block: the nearest headline-like line above it (above the
    article, a headline that ends in a full stop, when no headline stands over it), or, when
    that is the standfirst (or its last line), the headline over the standfirst."""
    reach = [i for i in range(top - 1, -1, -1) if i not in lines and _may_be_kept(blocks[i])]
    found = None
    for n, i in enumerate(reach[:TITLE_REACH]):
        over = blocks[reach[n + 1]] if n + 1 < len(reach) else None
        alone = i < start and (over is None or not _may_be_title(over, full_stop=True))
        if _may_be_title(blocks[i]) or (alone and _may_be_title(blocks[i], full_stop=True)):
            found = n
            break
    for _ in range(STANDFIRST_MAX_LINES):
        upper = _headline_over(blocks, reach, found) if found is not None else None
        if upper is None:
            break
        found = upper
    return reach[found] if found is not None else None


def _headline_over(blocks: list[Block], reach: list[int], n: int) -> int | None:
    """Where in `reach` the headline over its `n`th line stands, when that line is a standfirst
    (or a line of one): right over it, or over a sentence of the standfirst between them."""
    for k in (n + 1, n + 2):
        if k >= len(reach) or reach[k] < reach[n] - TITLE_REACH:
            return None
        block = blocks[reach[k]]
        if _over_standfirst(block, blocks[reach[n]]):
            return k
        if not (SENTENCE_END.search(block.text) and block.words <= STANDFIRST_MAX_WORDS):
            return None
    return None


def _names_in(blocks: list[Block], at: int) -> tuple[str, ...]:
    """The names of a line that is nothing but names, and not the end of a breadcrumb trail."""
    return () if _ends_trail(blocks, at) else bare_names(blocks[at].text)


def _ends_trail(blocks: list[Block], at: int) -> bool:
    """Block `at` is the last item of a breadcrumb trail above it ("Home / Essays / Aggression
    Fotografie"): the page's own headline, though it reads like a name."""
    text = blocks[at].text.casefold()
    return any(
        BREADCRUMB.search(b.text) and CRUMB_SEPARATOR.split(b.text)[-1].casefold() == text
        for b in blocks[max(at - HEAD_REACH, 0) : at]
    )


def _may_be_kept(block: Block) -> bool:
    return not block.removed or block.rule in TITLE_RECOVERABLE_RULES


def _may_be_title(block: Block, *, full_stop: bool = False) -> bool:
    """A headline-like line of two words or more (`full_stop`: or one that ends in a full stop,
    "Goats ruled this island. Now it is reborn.") that no rule removed (or one a rule may have
    mistaken: `TITLE_RECOVERABLE_RULES`); not a name, a caption's credit, a breadcrumb trail, or
    a row of buttons in capitals ("RECIPE PRINT RATE THIS RECIPE")."""
    if not _may_be_kept(block):
        return False
    text = block.text
    if full_stop and text.endswith(".") and not is_prose(block):
        text = text[:-1]
    if block.words < 2 or not is_headline(Block(text)) or bare_names(text):
        return False
    shouted = text.isupper() and block.words >= SHOUTED_MIN_WORDS
    unclosed = text.count("(") > text.count(")")  # a caption whose credit is on the next line
    return not (shouted or unclosed or CREDITED.search(text) or BREADCRUMB.search(text))


def _over_standfirst(upper: Block, lower: Block) -> bool:
    """`upper` is a headline over the standfirst `lower`: not a section label nor a masthead;
    one ending in a full stop when shorter than the standfirst ("Goats ruled this island. Now
    it is reborn." over a longer sentence)."""
    full_stop = upper.words < lower.words
    if not (_may_be_title(upper, full_stop=full_stop) and upper.words >= TITLE_MIN_WORDS):
        return False
    return not is_masthead(upper)


def _read_byline_block(
    blocks: list[Block],
    lines: dict[int, HeadLine],
    found: list[int],
    title_at: int | None,
    head: Head,
) -> None:
    """Names, publisher and dates of the byline block; a name line beside it is its byline
    when the block names no one ("Jane Roe" over "3 May 2020"), though a rule took the name,
    a link to the writer's page, for one of a list of links."""
    for i in found:
        line = lines[i]
        head.authors.extend(n for n in line.names if n not in head.authors)
        head.publisher = head.publisher or line.publisher
        head.published = head.published or line.published
        head.updated = head.updated or line.updated
        blocks[i].remove("byline" if line.byline else "dateline", "byline_block")
    if title_at is not None and not (head.published or head.updated):  # a date over the title
        for i in range(title_at - 1, max(title_at - NAME_REACH, 0) - 1, -1):
            if i in lines:
                head.published, head.updated = lines[i].published, lines[i].updated
                break
    if not found or any(lines[i].prefixed or lines[i].names for i in found):
        return
    if title_at is None:  # a name line needs a headline over it, or it may be the headline
        return
    above = [i for i in range(title_at + 1, found[0]) if _may_be_kept(blocks[i])][-NAME_REACH:]
    below = _below(blocks, max(found[-1], title_at), NAME_REACH, links=True)
    for i in [*above, *below]:
        if named := _names_in(blocks, i):
            head.authors.extend(n for n in named if n not in head.authors)
            blocks[i].remove("byline", "bare_names_byline")


def _article_bylines(blocks: list[Block], article: range, head: Head) -> None:
    """Bylines inside the article: its credits at the end ("Reporting by Al Poe": not a plain
    "By", which a review's guest verdicts have too), and a byline amid it ("By Jane Roe" under
    the first paragraph) when the head names no one and it names the only ones named amid it
    (a list of teasers inside the article has a byline each; "View all posts by Jane Roe" under
    "By Jane Roe" is hers again). Those who only helped ("Additional reporting by") count when
    no one else is named."""
    bylines = [i for i in article if blocks[i].rule == "byline"]
    credits = [
        i for i in bylines if i >= article.stop - 2 * ARTICLE_TAIL and CREDIT.match(blocks[i].text)
    ]
    amid = {b.names for i in bylines if i not in credits and (b := parse_byline(blocks[i].text))}
    helpers: list[str] = []
    for i in credits if head.authors or len(amid) > 1 else bylines:
        byline = parse_byline(blocks[i].text)
        if byline is None:
            continue
        names = helpers if byline.contributing else head.authors
        names.extend(n for n in byline.names if n not in names)
        head.publisher = head.publisher or byline.publisher
    if not head.authors:
        head.authors.extend(helpers)


def _below(blocks: list[Block], at: int, count: int = 1, *, links: bool = False) -> list[int]:
    """The `count` kept blocks just below block `at` (`links`: or ones a rule took for links)."""
    below = range(at + 1, len(blocks))
    return [i for i in below if _may_be_kept(blocks[i]) if links or not blocks[i].removed][:count]


def _take_title(block: Block) -> None:
    """The headline is the title, even where a rule took it for a caption or a link."""
    if block.rule in TITLE_RECOVERABLE_RULES:
        block.kind = block.rule = None
    block.role = "title"


def _remove_above(blocks: list[Block], kept: list[int], limit: int) -> None:
    for i in kept:
        if i < limit and not blocks[i].removed:
            kind: BoilerplateKind = (
                "navigation" if blocks[i].words <= NAV_ITEM_MAX_WORDS * 2 else "other"
            )
            blocks[i].remove(kind, "above_headline")


def _is_standfirst(block: Block, nxt: Block | None, *, inside_article: bool) -> bool:
    """The line under the headline: short; once the article has begun, not a paragraph, nor
    the first line of a hard-wrapped one."""
    if block.words > STANDFIRST_MAX_WORDS or (nxt is not None and continues(block, nxt)):
        return False
    return not inside_article or not is_prose(block)


def is_masthead(block: Block) -> bool:
    """A publication's name: a few capitalised words ("Express & Star", "The Valley Courier")."""
    words = block.text.split()
    return 1 <= len(words) <= MASTHEAD_MAX_WORDS and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in MASTHEAD_CONNECTORS for w in words
    )


def _find_title(
    blocks: list[Block], kept: list[int], hint: str | None, *, guess: bool
) -> int | None:
    if hint:
        folded = " ".join(hint.split()).casefold()
        for i in kept:
            if " ".join(blocks[i].text.split()).casefold() == folded:
                return i
    if not guess:
        return None
    trail_end = [i for i in kept[-TITLE_REACH:] if _ends_trail(blocks, i)]
    if trail_end:  # the page's own headline, as its breadcrumb trail names it
        return trail_end[-1]
    # the headline nearest above the paragraphs; sentences between it and them are its standfirst
    for n, i in enumerate(reversed(kept)):
        long_enough = blocks[i].words >= GUESSED_TITLE_MIN_WORDS or i == kept[0]
        if is_headline(blocks[i]) and long_enough:
            above = kept[len(kept) - n - 2] if n + 1 < len(kept) else None
            if above is not None and _is_title_over_standfirst(blocks[above], blocks[i]):
                return above  # "Japan turns to beer alternatives" over its longer summary line
            return i
    return None


def _is_title_over_standfirst(upper: Block, lower: Block) -> bool:
    return (
        is_headline(upper)
        and not is_masthead(upper)
        and TITLE_MIN_WORDS <= upper.words < lower.words
    )
