"""The cleaning engine: split text into blocks (lines), mark what is not article, parse the head.

Stages, each a small function over the list of blocks:
1. line rules (`rules.LINE_RULES`) mark captions, credits, notices, promos, legal lines;
2. repeated lines (a caption pasted twice), runs of menu-like short lines and teasers above
   "Read more" links are marked;
3. the article's paragraphs are found: the first and last blocks that read as prose;
4. the head above the first paragraph is parsed: datelines, bylines, masthead, title, standfirst;
5. the tail below the last paragraph loses reader comments and link lists;
6. short headline-like lines between paragraphs are recorded as subheadings (they stay in body).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pipeline.clean.bylines import bare_names, parse_byline, parse_date_publisher
from pipeline.clean.rules import (
    AUTHOR_BIO,
    AUTHOR_BIO_MAX_WORDS,
    COMMENTS_START,
    LINK_LIST_HEADING,
    MENU_ITEM,
    READ_MORE_LINK,
    LineRule,
)
from pipeline.metadata import parse_date
from pipeline.rows import BoilerplateKind

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")
CLAUSE_END = re.compile(r"[,;:–—-]\Z")
PARAGRAPH_MIN_WORDS = 15  # a sentence this long is prose, not a heading or a link
LONG_BLOCK_WORDS = 30  # a block this long is prose even without final punctuation
HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 60
MASTHEAD_MAX_WORDS = 6
MASTHEAD_CONNECTORS = frozenset({"&", "and", "of", "the", "de", "la", "le", "du", "der", "die"})
TITLE_MIN_WORDS = 4  # a shorter line above a headline is a section label, not the title
GUESSED_TITLE_MIN_WORDS = 3  # "Close", "FAQs", "Share now" amid a page: labels, not headlines
SUBHEADING_MAX_WORDS = 15
NAV_ITEM_MAX_WORDS = 4
NAV_RUN_MIN = 3
COMMENTS_BARRIER_WORDS = 150  # prose above a comments heading that makes it the article's end
COMMENTS_MIN_ARTICLE_WORDS = 40  # prose the article says before its comments can begin
TEASER_LINKS_MIN = 2  # this many "Read more" links make a list of teasers
BIO_TAIL_BLOCKS = 5  # an author box stands among the last few blocks of a page's article
BIO_HEADING_REACH = 5  # an author box's name heading stands this few lines above its biography
WRAPPED_LINE_MIN_WORDS = 6  # a hard-wrapped paragraph's lines are long; menu labels are not
WRAP_WIDTH_MAX = 80  # text is hard-wrapped at 72-80 characters (mail, fill-column)
WRAP_MIN_FULL_BREAKS = 3  # line breaks at the fill width that show a text is hard-wrapped...
WRAP_MIN_FULL_SHARE = 0.5  # ... and their share of the breaks after long lines

# Tuned on the benchmark's pasted pages (trafilatura, dragnet and fundus sets together).
LINE_PENALTY = 12.0  # what a lone non-prose line (menu item, label, link) costs a span
SHORT_SENTENCE_WEIGHT = 0.8  # evidence per word of a sentence too short to be a paragraph
CONTENT_RUN_SHARE = 0.5  # a run of code or list lines costs this share of a menu's cost
SECOND_PART_SHARE = 0.5  # a second span this strong, beside the best one, is article too
DATELINE_WORDS = re.compile(r"^(?:published|updated|posted|date)\b", re.IGNORECASE)


# What a kept block is: the article's text, or the head's title or standfirst.
Role = Literal["body", "title", "standfirst"]


@dataclass
class Block:
    text: str
    kind: BoilerplateKind | None = None  # once removed
    rule: str | None = None
    role: Role = "body"
    gap: bool = False  # a blank line stands above it: a paragraph break even in wrapped text

    @property
    def removed(self) -> bool:
        return self.kind is not None

    @functools.cached_property
    def words(self) -> int:
        """Counted once: every rule asks, and a block's text never changes."""
        return len(self.text.split())

    def remove(self, kind: BoilerplateKind, rule: str) -> None:
        if self.kind is None:
            self.kind, self.rule = kind, rule


@dataclass
class Head:
    """What the head of the article says about it."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: date | None = None
    updated: date | None = None  # an "Updated ..." line's date, never taken as `published`


def is_prose(block: Block) -> bool:
    """A paragraph: a long enough sentence, or a long block."""
    return block.words >= LONG_BLOCK_WORDS or (
        block.words >= PARAGRAPH_MIN_WORDS and SENTENCE_END.search(block.text) is not None
    )


def is_headline(block: Block, max_words: int = HEADLINE_MAX_WORDS) -> bool:
    """Short, no full stop or trailing clause mark, starts like a heading."""
    text = block.text
    if not 1 <= block.words <= max_words or CLAUSE_END.search(text):
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    first = text.lstrip("“\"‘'(")[:1]
    has_word = any(sum(c.isalpha() for c in w) >= 3 for w in text.split())
    return has_word and (first.isupper() or first.isdigit())


def apply_line_rules(blocks: list[Block], rules: tuple[LineRule, ...], head_end: int) -> None:
    for i, block in enumerate(blocks):
        for rule in rules:
            if rule.where == "header" and i >= head_end:
                continue
            if rule.matches(block.text):
                block.remove(rule.kind, rule.name)
                break


def mark_repeated_lines(blocks: list[Block]) -> None:
    """A line pasted twice in a row is a photo caption (its alt text and its caption)."""
    for prev, block in itertools.pairwise(blocks):
        if block.text == prev.text and block.words <= LONG_BLOCK_WORDS:
            prev.remove("caption", "repeated_line")
            block.remove("caption", "repeated_line")


def is_menu_item(block: Block) -> bool:
    """Capitalised label words only: code lines, list items and numbers are not menu items."""
    return MENU_ITEM.fullmatch(block.text) is not None and block.text[0].isupper()


def mark_navigation_runs(blocks: list[Block]) -> None:
    """Three or more menu-item lines in a row are a menu."""
    run: list[Block] = []
    for block in [*blocks, Block(".")]:  # a last line that is no menu item ends any run
        is_item = not block.removed and block.role == "body" and is_menu_item(block)
        if is_item:
            run.append(block)
            continue
        if len(run) >= NAV_RUN_MIN:
            for item in run:
                item.remove("navigation", "menu_run")
        run = []


def mark_prefixed_bylines(blocks: list[Block], head: Head) -> None:
    """A "By Jane Roe" line is never prose, wherever a page put it."""
    for block in blocks:
        if block.removed or is_prose(block):
            continue
        byline = parse_byline(block.text)
        if byline and byline.prefixed:
            head.authors.extend(n for n in byline.names if n not in head.authors)
            head.publisher = head.publisher or byline.publisher
            block.remove("byline", "byline")


def first_prose(blocks: list[Block]) -> int | None:
    return next((i for i, b in enumerate(blocks) if not b.removed and is_prose(b)), None)


def parse_head(
    blocks: list[Block],
    start: int,
    title_hint: str | None,
    head: Head,
    *,
    guess_title: bool,
    order: str | None = None,
) -> None:
    """Datelines, bylines, masthead, title and standfirst above the first paragraph.

    Without `guess_title`, only a line equal to the hinted title is taken as the title; `order`
    is the article's numeric date convention (`metadata.numeric_order`), for its datelines.
    """
    for block in blocks[:start]:
        dated = parse_date_publisher(block.text, order)
        if dated and not block.removed:
            when, head.publisher = dated
            head.published = when or head.published
            block.remove("dateline", "date_publisher_line")
            continue
        if block.rule in ("published_line", "date_only_line"):
            head.published = head.published or _date_in(block.text, order)
            continue
        byline = parse_byline(block.text) if not block.removed else None
        if byline:
            head.authors.extend(n for n in byline.names if n not in head.authors)
            head.publisher = head.publisher or byline.publisher
            block.remove("byline", "byline")
    kept = [i for i in range(start) if not blocks[i].removed]
    named = {i: bare_names(blocks[i].text) for i in kept}
    candidates = [i for i in kept if not named[i]]
    title_at = _find_title(blocks, candidates, title_hint, guess=guess_title)
    if title_at is None:
        if guess_title:  # a page with no headline: what stands above the article is not it
            _remove_above(blocks, kept, len(blocks))
        return
    for i in _neighbours(kept, title_at):  # bare names right beside the headline: the byline
        if named[i]:
            head.authors.extend(n for n in named[i] if n not in head.authors)
            blocks[i].remove("byline", "bare_names_byline")
    kept = [i for i in kept if not blocks[i].removed]
    blocks[title_at].role = "title"
    head.title = blocks[title_at].text
    below = [i for i, b in enumerate(blocks) if i > title_at and not b.removed]
    after = below[0] if len(below) >= 2 else None  # a standfirst never leaves the body empty
    nxt = blocks[after + 1] if after is not None and after + 1 < len(blocks) else None
    if after is not None and _is_standfirst(blocks[after], nxt, inside_article=after >= start):
        blocks[after].role = "standfirst"
        head.standfirst = blocks[after].text
    if not guess_title:
        return
    above = [i for i in kept if i < title_at]
    if len(above) == 1 and above[0] == title_at - 1 and is_masthead(blocks[above[0]]):
        blocks[above[0]].remove("masthead", "masthead")
        head.publisher = head.publisher or blocks[above[0]].text
    _remove_above(blocks, above, title_at)


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
    if block.words > STANDFIRST_MAX_WORDS or (nxt is not None and _continues(block, nxt)):
        return False
    return not inside_article or not is_prose(block)


def _neighbours(kept: list[int], at: int) -> list[int]:
    """The kept blocks just above and the two just below block `at`."""
    pos = kept.index(at)
    return kept[max(pos - 1, 0) : pos] + kept[pos + 1 : pos + 3]


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


def _date_in(text: str, order: str | None) -> date | None:
    rest = DATELINE_WORDS.sub("", text).strip(" :,")
    rest = re.sub(r"^(?:on|at)\s+", "", rest, flags=re.IGNORECASE)
    for piece in [rest, *re.split(r"\s*[,|·•]\s*|\s+at\s+", rest)]:
        found = parse_date(piece, order)
        if found:
            return found
    return None


def cut_comments(blocks: list[Block], start: int) -> None:
    """A comments heading below the article's paragraphs opens the readers' comments: all go.

    A comments link among the byline's buttons, before the article has said much, is not
    where the comments begin.
    """
    said = 0
    for i in range(start, len(blocks)):
        block = blocks[i]
        if not block.removed and is_prose(block):
            said += block.words
        if said < COMMENTS_MIN_ARTICLE_WORDS or i == start:
            continue
        if _opens_comments(block):
            block.kind, block.rule = "comments_notice", block.rule or "comments_heading"
            for rest in blocks[i + 1 :]:
                rest.remove("other", "reader_comments")
            return


def block_score(block: Block) -> float:
    """Evidence that a block is article text: prose earns its words, short sentences half."""
    if is_prose(block):
        return float(block.words)
    if SENTENCE_END.search(block.text):
        return block.words * SHORT_SENTENCE_WEIGHT
    return 0.0


def run_cost(run: list[Block]) -> float:
    """What a run of non-prose lines costs the span around it: a share bar or a caption costs
    little, a long menu more, but less than in proportion, so an article interrupted by a few
    widgets stays one span. Lines that read like content (code, list items, data) rather than
    like labels or links cost less: menus are labels, articles hold code and lists."""
    labels = sum(_is_label(b) for b in run)
    share = max(labels / len(run), CONTENT_RUN_SHARE)
    return LINE_PENALTY * (1 + math.log2(len(run))) * share


def _is_label(block: Block) -> bool:
    """A menu item, a link or a heading: capitalised words, no code or sentence punctuation."""
    return is_menu_item(block) or is_headline(block)


def _wrapped_lines(blocks: list[Block]) -> list[list[int]]:
    """Kept blocks grouped into paragraphs: a line that goes on in lower case after a line
    without a sentence end is the same paragraph, hard-wrapped (mail, plain-text blogs)."""
    groups: list[list[int]] = []
    for i, block in enumerate(blocks):
        if block.removed:
            continue
        if groups and _continues(blocks[groups[-1][-1]], block):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _continues(prev: Block, block: Block) -> bool:
    """`block` goes on with `prev`'s sentence: `prev` is a long line cut before its end."""
    first = block.text[:1]
    return (
        first.isalpha()
        and first.islower()
        and prev.words >= WRAPPED_LINE_MIN_WORDS
        and len(prev.text) <= WRAP_WIDTH_MAX
        and SENTENCE_END.search(prev.text) is None
        and not prev.text.endswith(":")
    )


def blocks_of(text: str) -> list[Block]:
    """One block per non-blank line, remembering which lines had a blank line above them."""
    blocks: list[Block] = []
    gap = False
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(line.strip(), gap=gap))
            gap = False
        else:
            gap = True
    return blocks


def wrap_width(blocks: list[Block]) -> int | None:
    """The column a hard-wrapped text is filled to, or None when it is not hard-wrapped.

    Greedy filling (mail, `fmt`, an editor's fill-column) breaks a line where the next word
    would pass the width. So in wrapped text most breaks inside a paragraph are "full": the
    line plus the next line's first word would not fit in the longest line's width. Pasted
    pages, whose lines are paragraphs, headings or menu labels, have no such width.
    """
    long_lines = [len(b.text) for b in blocks if b.words >= WRAPPED_LINE_MIN_WORDS]
    if not long_lines or max(long_lines) > WRAP_WIDTH_MAX:
        return None
    width = max(long_lines)
    inside = [
        (prev, block)
        for prev, block in itertools.pairwise(blocks)
        if not block.gap and prev.words >= WRAPPED_LINE_MIN_WORDS
    ]
    full = sum(_fills(prev, block, width) for prev, block in inside)
    if full >= WRAP_MIN_FULL_BREAKS and full >= WRAP_MIN_FULL_SHARE * len(inside):
        return width
    return None


def _fills(prev: Block, block: Block, width: int) -> bool:
    """`prev` was broken because `block`'s first word would not fit after it."""
    return len(prev.text) + 1 + len(block.text.split(" ", 1)[0]) > width


def body_paragraphs(blocks: list[Block]) -> list[Block]:
    """The body's paragraphs: a hard-wrapped paragraph's lines, next to each other and with no
    blank line between them, become one paragraph again."""
    width = wrap_width(blocks)
    paragraphs: list[list[Block]] = []
    last = -2
    for i, block in enumerate(blocks):
        if block.removed or block.role != "body":
            continue
        prev = blocks[i - 1]
        wrapped = _continues(prev, block) or (width is not None and _fills(prev, block, width))
        if last == i - 1 and not block.gap and wrapped:
            paragraphs[-1].append(block)
        else:
            paragraphs.append([block])
        last = i
    return [p[0] if len(p) == 1 else Block(" ".join(b.text for b in p)) for p in paragraphs]


def _units(blocks: list[Block]) -> list[tuple[float, int, int]]:
    """Scored units: each paragraph alone, each run of other lines merged into one cost."""
    units: list[tuple[float, int, int]] = []  # (score, first block, last block)
    run: list[int] = []
    for group in _wrapped_lines(blocks):
        score = block_score(Block(" ".join(blocks[i].text for i in group)))
        if score == 0.0:
            run.extend(group)
            continue
        if run:
            units.append((-run_cost([blocks[i] for i in run]), run[0], run[-1]))
            run = []
        units.append((score, group[0], group[-1]))
    return units


def _best_span(units: list[tuple[float, int, int]]) -> tuple[float, int, int] | None:
    """Maximum-sum contiguous run of units (Kadane); on a tie, the longer span."""
    best: tuple[float, int, int] | None = None
    total, begin = 0.0, 0
    for k, (score, _first, _last) in enumerate(units):
        if total <= 0:
            total, begin = 0.0, k
        total += score
        if total > 0 and (best is None or total >= best[0]):
            best = (total, begin, k)
    return best


def main_regions(blocks: list[Block]) -> list[tuple[int, int]]:
    """The spans of blocks with the most article evidence, best first.

    On a whole page pasted as text, menus, link lists, footers and sidebars are runs of short
    lines around the article's dense run of prose: the best-scoring span is the article. A
    second span on either side that scores at least `SECOND_PART_SHARE` of the first is a part
    of the article that a large widget split off (a question and its answers, say).
    Blocks removed by a rule are transparent.
    """
    units = _units(blocks[: _comments_start(blocks)])
    best = _best_span(units)
    if best is None:
        return []
    spans = [(units[best[1]][1], units[best[2]][2])]
    for side in (units[: best[1]], units[best[2] + 1 :]):
        part = _best_span(side)
        if part is not None and part[0] >= SECOND_PART_SHARE * best[0]:
            spans.append((side[part[1]][1], side[part[2]][2]))
    return spans


def _comments_start(blocks: list[Block]) -> int:
    """Where the readers' comments begin: a comments heading or notice after a stretch of
    prose. Comments are prose too, and a long thread must not outweigh the article above it."""
    said = 0
    for i, block in enumerate(blocks):
        if said >= COMMENTS_BARRIER_WORDS and _opens_comments(block):
            return i
        if not block.removed and is_prose(block):
            said += block.words
    return len(blocks)


def _opens_comments(block: Block) -> bool:
    """A comments notice, or a line that reads like a comments heading and no rule took."""
    return block.kind == "comments_notice" or (
        block.kind is None and COMMENTS_START.match(block.text) is not None
    )


def trim_outside(blocks: list[Block], spans: list[tuple[int, int]]) -> None:
    """Everything below the article's first span, and outside its spans, is not the article."""
    first = min(start for start, _ in spans)
    inside = {i for start, end in spans for i in range(start, end + 1)}
    for i in range(first, len(blocks)):
        if i not in inside:
            kind: BoilerplateKind = "other" if is_prose(blocks[i]) else "navigation"
            blocks[i].remove(kind, "below_article")


def mark_link_lists(blocks: list[Block]) -> None:
    """The headlines under a "Related" or "Most read" heading are links, down to the next
    paragraph."""
    in_list = False
    for block in blocks:
        if block.rule == "read_more_line" and LINK_LIST_HEADING.fullmatch(block.text):
            in_list = True
        elif block.removed:
            continue
        elif in_list and not is_prose(block) and block.words <= HEADLINE_MAX_WORDS:
            block.remove("promo", "related_links")
        else:
            in_list = False


def mark_teasers(blocks: list[Block]) -> None:
    """A "Read more" link under each of several items is a list of teasers for other articles:
    the headline above such a link goes, or the summary and the headline above it (a lone
    "Read more" can end an excerpt)."""
    links = [i for i, b in enumerate(blocks) if READ_MORE_LINK.fullmatch(b.text)]
    if len(links) < TEASER_LINKS_MIN:
        return
    for link in links:
        for i in _teaser_above(blocks, link):
            blocks[i].remove("promo", "teaser")


def _teaser_above(blocks: list[Block], link: int) -> list[int]:
    """The headline right above a "Read more" link, or a summary and the headline above it."""
    above = [i for i in range(link - 1, -1, -1) if not blocks[i].removed][:2]
    if not above:
        return []
    if is_headline(blocks[above[0]]):
        return above[:1]
    return above if len(above) == 2 and is_headline(blocks[above[1]]) else []


def mark_author_bios(blocks: list[Block]) -> None:
    """ "Jane Roe is a senior writer for ..." at the top or in the tail of the body (an author
    box sits below the article, often above a share bar or a teaser) is not the article; nor is
    it anywhere else when a short line just above names its subject (the box's name heading)."""
    body = [i for i, b in enumerate(blocks) if not b.removed and b.role == "body"]
    edges = set(body[:1] + body[-BIO_TAIL_BLOCKS:])
    for i in body:
        block = blocks[i]
        if block.words > AUTHOR_BIO_MAX_WORDS or not AUTHOR_BIO.fullmatch(block.text):
            continue
        if i in edges or _named_above(blocks, i):
            block.remove("other", "author_bio")


def _named_above(blocks: list[Block], at: int) -> bool:
    """A short line among the few above block `at` holds the name that opens it: an author
    box's heading ("Jane Roe", "About Jane Roe") over her biography."""
    subject = blocks[at].text.split()[0]
    for block in blocks[max(at - BIO_HEADING_REACH, 0) : at]:
        if block.words <= MASTHEAD_MAX_WORDS and subject in block.text.split():
            return True
    return False


def subheadings(body: list[Block]) -> list[str]:
    """Headline-like lines standing between paragraphs of the body."""
    found = []
    for prev, block, nxt in zip(body, body[1:], body[2:], strict=False):
        if (
            is_headline(block, SUBHEADING_MAX_WORDS)
            and not is_headline(prev, SUBHEADING_MAX_WORDS)
            and is_prose(nxt)
        ):
            found.append(block.text)
    return found
