"""The head of an article: datelines, bylines, masthead, title and standfirst above its first
paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.clean.blocks import (
    MASTHEAD_MAX_WORDS,
    Block,
    continues,
    is_headline,
    is_prose,
)
from pipeline.clean.bylines import bare_names, parse_byline, parse_date_publisher
from pipeline.metadata import parse_date
from pipeline.rows import BoilerplateKind

STANDFIRST_MAX_WORDS = 60
MASTHEAD_CONNECTORS = frozenset({"&", "and", "of", "the", "de", "la", "le", "du", "der", "die"})
TITLE_MIN_WORDS = 4  # a shorter line above a headline is a section label, not the title
GUESSED_TITLE_MIN_WORDS = 3  # "Close", "FAQs", "Share now" amid a page: labels, not headlines
NAV_ITEM_MAX_WORDS = 4
DATELINE_WORDS = re.compile(r"^(?:published|updated|posted|date)\b", re.IGNORECASE)


@dataclass
class Head:
    """What the head of the article says about it."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: date | None = None
    updated: date | None = None  # an "Updated ..." line's date, never taken as `published`


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
    if block.words > STANDFIRST_MAX_WORDS or (nxt is not None and continues(block, nxt)):
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
