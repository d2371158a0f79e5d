"""Blocks: one per line of an article's text, and what a line reads like (prose, headline,
menu label). Every cleaning step works over these."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from pipeline.clean.rules import (
    COMMENT_HEADER_DATE,
    COMMENT_HEADER_MAX_WORDS,
    COMMENT_HEADER_NAME_WORDS,
    COMMENT_HEADER_NOT_NAMES,
    COMMENT_HEADER_WORDS,
    MENU_ITEM,
)
from pipeline.rows import BoilerplateKind

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\Z")
# A sentence ends and another begins: a word's end, a stop, a capital ("Rep. Jane" is no break).
SENTENCE_BREAK = re.compile(r"(?:[a-z]{2}|\d)[\"'”’)\]]*[.!?…][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]")
CLAUSE_END = re.compile(r"[,;:–—-]\Z")
PARAGRAPH_MIN_WORDS = 15  # a sentence this long is prose, not a heading or a link
LONG_BLOCK_WORDS = 30  # a block this long is prose even without final punctuation
HEADLINE_MAX_WORDS = 30
MASTHEAD_MAX_WORDS = 6
WRAPPED_LINE_MIN_WORDS = 6  # a hard-wrapped paragraph's lines are long; menu labels are not
WRAP_WIDTH_MAX = 80  # text is hard-wrapped at 72-80 characters (mail, fill-column)
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

    @functools.cached_property
    def comment_header(self) -> bool:
        """Asked of every line below an article, twice per page: decided once."""
        return is_comment_header(self.text)

    def remove(self, kind: BoilerplateKind, rule: str) -> None:
        if self.kind is None:
            self.kind, self.rule = kind, rule


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


def is_menu_item(block: Block) -> bool:
    """Capitalised label words only: code lines, list items and numbers are not menu items."""
    return MENU_ITEM.fullmatch(block.text) is not None and block.text[0].isupper()


def continues(prev: Block, block: Block) -> bool:
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


def is_comment_header(text: str) -> bool:
    """A reader comment's "who and when" line (`rules.COMMENT_HEADER_DATE`): once the date, time
    and link words are gone, a handle or a capitalised name is left, not a sentence (a timeline's
    "May 3: Obama signs the bill") nor a date label; an embedded post's signature ("— Jane Roe
    (@jroe) May 3, 2012") is the article's."""
    words = text.split()
    if (
        len(words) > COMMENT_HEADER_MAX_WORDS
        or text.startswith(("—", "–", "-"))
        or "(@" in text
        or not COMMENT_HEADER_DATE.search(text)
    ):
        return False
    residue = COMMENT_HEADER_WORDS.sub(" ", COMMENT_HEADER_DATE.sub(" ", text)).split()
    low, high = COMMENT_HEADER_NAME_WORDS
    if not low <= len(residue) <= high:
        return False
    if any(w.casefold().startswith(COMMENT_HEADER_NOT_NAMES) for w in residue):
        return False
    return len(residue) == 1 or all(_name_word(w) for w in residue)


def _name_word(word: str) -> bool:
    """A word of a name ("Jane") or a handle ("jsmith88", "j.roe"), not of a sentence."""
    return word[0].isupper() or not word[0].isalnum() or any(not c.isalpha() for c in word)
