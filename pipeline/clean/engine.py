"""The cleaning engine: split text into blocks (lines), mark what is not article, parse the head.

Stages, each a small function over the list of blocks:
1. line rules (`rules.LINE_RULES`) mark captions, credits, notices, promos, legal lines;
2. repeated lines (a caption pasted twice) and runs of menu-like short lines are marked;
3. the article's paragraphs are found: the first and last blocks that read as prose;
4. the head above the first paragraph is parsed: datelines, bylines, masthead, title, standfirst;
5. the tail below the last paragraph loses reader comments and link lists;
6. short headline-like lines between paragraphs are recorded as subheadings (they stay in body).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.clean.bylines import bare_names, parse_byline, parse_date_publisher
from pipeline.clean.rules import COMMENTS_START, LineRule
from pipeline.formats.meta import parse_date

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")
CLAUSE_END = re.compile(r"[,;:–—-]\Z")
PARAGRAPH_MIN_WORDS = 15  # a sentence this long is prose, not a heading or a link
LONG_BLOCK_WORDS = 30  # a block this long is prose even without final punctuation
HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 60
MASTHEAD_MAX_WORDS = 6
SUBHEADING_MAX_WORDS = 15
NAV_ITEM_MAX_WORDS = 4
NAV_RUN_MIN = 3
DATELINE_WORDS = re.compile(r"^(?:published|updated|posted|date)\b", re.IGNORECASE)


@dataclass
class Block:
    text: str
    kind: str | None = None  # boilerplate kind once removed
    rule: str | None = None
    role: str = "body"  # body | title | standfirst

    @property
    def removed(self) -> bool:
        return self.kind is not None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def remove(self, kind: str, rule: str) -> None:
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
    return first.isupper() or first.isdigit()


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


def mark_navigation_runs(blocks: list[Block]) -> None:
    """Three or more very short lines in a row are a menu or a list of links."""
    run: list[Block] = []
    for block in [*blocks, Block(".", kind="end")]:
        is_item = (
            not block.removed
            and block.role == "body"
            and block.words <= NAV_ITEM_MAX_WORDS
            and not SENTENCE_END.search(block.text)
        )
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


def parse_head(blocks: list[Block], start: int, title_hint: str | None, head: Head) -> None:
    """Datelines, bylines, masthead, title and standfirst above the first paragraph."""
    for block in blocks[:start]:
        dated = parse_date_publisher(block.text)
        if dated and not block.removed:
            head.published, head.publisher = dated
            block.remove("dateline", "date_publisher_line")
            continue
        if block.rule == "published_line":
            head.published = head.published or _date_in(block.text)
            continue
        byline = parse_byline(block.text) if not block.removed else None
        if byline:
            head.authors.extend(n for n in byline.names if n not in head.authors)
            head.publisher = head.publisher or byline.publisher
            block.remove("byline", "byline")
    kept = [i for i in range(start) if not blocks[i].removed]
    named = {i: bare_names(blocks[i].text) for i in kept}
    if any(not named[i] and is_headline(blocks[i]) for i in kept):
        for i in kept:  # a line of bare names beside a headline is the byline
            if named[i]:
                head.authors.extend(n for n in named[i] if n not in head.authors)
                blocks[i].remove("byline", "bare_names_byline")
        kept = [i for i in kept if not blocks[i].removed]
    title_at = _find_title(blocks, kept, title_hint)
    if title_at is None:
        return
    blocks[title_at].role = "title"
    head.title = blocks[title_at].text
    after = [i for i in kept if i > title_at]
    if after and blocks[after[0]].words <= STANDFIRST_MAX_WORDS:
        blocks[after[0]].role = "standfirst"
        head.standfirst = blocks[after[0]].text
    above = [i for i in kept if i < title_at]
    for i in above:
        block = blocks[i]
        adjacent = i == above[0] == title_at - 1
        if adjacent and block.words <= MASTHEAD_MAX_WORDS and is_headline(block):
            block.remove("masthead", "masthead")
            head.publisher = head.publisher or block.text
        elif block.words <= NAV_ITEM_MAX_WORDS * 2:
            block.remove("navigation", "above_headline")
        else:
            block.remove("other", "above_headline")


def _find_title(blocks: list[Block], kept: list[int], hint: str | None) -> int | None:
    if hint:
        folded = " ".join(hint.split()).casefold()
        for i in kept:
            if " ".join(blocks[i].text.split()).casefold() == folded:
                return i
    # the headline nearest above the paragraphs; sentences between it and them are its standfirst
    for i in reversed(kept):
        if is_headline(blocks[i]):
            return i
    return None


def _date_in(text: str) -> date | None:
    rest = DATELINE_WORDS.sub("", text).strip(" :,")
    rest = re.sub(r"^(?:on|at)\s+", "", rest, flags=re.IGNORECASE)
    for piece in [rest, *re.split(r"\s*[,|·•]\s*|\s+at\s+", rest)]:
        found = parse_date(piece)
        if found:
            return found
    return None


def trim_tail(blocks: list[Block], start: int) -> None:
    """Reader comments and the link lists below the article are not the article."""
    for i in range(start + 1, len(blocks)):
        block = blocks[i]
        if block.kind in (None, "comments_notice") and COMMENTS_START.match(block.text):
            block.kind, block.rule = "comments_notice", "comments_heading"
            for block in blocks[i + 1 :]:
                block.remove("other", "reader_comments")
            break
    last = max((i for i, b in enumerate(blocks) if not b.removed and is_prose(b)), default=None)
    if last is None:
        return
    for block in blocks[last + 1 :]:
        short = block.words <= HEADLINE_MAX_WORDS
        if not block.removed and short and not SENTENCE_END.search(block.text):
            block.remove("navigation", "below_article")


def subheadings(blocks: list[Block]) -> list[str]:
    """Headline-like lines standing between paragraphs of the body."""
    body = [b for b in blocks if not b.removed and b.role == "body"]
    found = []
    for prev, block, nxt in zip(body, body[1:], body[2:], strict=False):
        if (
            is_headline(block, SUBHEADING_MAX_WORDS)
            and not is_headline(prev, SUBHEADING_MAX_WORDS)
            and is_prose(nxt)
        ):
            found.append(block.text)
    return found
