"""Boilerplate removal and article metadata for plain text (HTML arrives here as text too).

`clean(text, hints)` splits a normalised article text into its body and its metadata (title,
standfirst, subheadings, authors, publisher, published) and records every removed piece with the
rule that removed it. The rules are named data in `rules.py`; `engine.py` applies them.

Publisher and date: the input's own field wins (JSON, feed, page metadata), then what the text
says (a masthead, a dateline), then what the folder declares (`_source.toml`): a declaration is
a default for the files that say nothing, never a correction of one that does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pipeline.clean import engine, regions
from pipeline.clean.blocks import Block, blocks_of, is_headline
from pipeline.clean.bylines import clean_authors
from pipeline.clean.head import Head, mark_prefixed_bylines, parse_head, read_author_bio
from pipeline.clean.rules import LINE_RULES
from pipeline.declared import NOTHING, Declared
from pipeline.formats.base import RawArticle
from pipeline.metadata import numeric_order
from pipeline.rows import BoilerplateKind

ANYWHERE_RULES = tuple(r for r in LINE_RULES if r.where == "any")
HEADER_RULES = tuple(r for r in LINE_RULES if r.where == "header")


@dataclass(frozen=True)
class Removed:
    """One removed piece of the raw text: what it was, exactly, and which rule removed it."""

    kind: BoilerplateKind
    text: str
    rule: str


@dataclass(frozen=True)
class Hints:
    """Metadata the input format already gave (HTML meta tags, JSON fields), and what the
    article's folder declares for what neither the format nor the text says."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: date | None = None
    updated: date | None = None
    declared: Declared = NOTHING


@dataclass(frozen=True)
class Cleaned:
    body: str
    title: str | None = None
    standfirst: str | None = None
    subheadings: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: date | None = None
    updated: date | None = None
    removed: tuple[Removed, ...] = field(default_factory=tuple)


def clean(text: str, hints: Hints | None = None, *, extracted: bool = False) -> Cleaned:
    """Split an article's text into body and metadata, recording every removed piece.

    `extracted`: the text is already an extractor's main text (HTML input through
    trafilatura), so only the line rules and the head apply, not the search for the article
    among menus and footers that a whole pasted page needs.
    """
    hints = hints or Hints()
    blocks = blocks_of(text)
    engine.apply_line_rules(blocks, ANYWHERE_RULES, head_end=0)
    engine.mark_repeated_lines(blocks)
    engine.mark_link_lists(blocks)
    engine.mark_teasers(blocks)
    head = Head()
    mark_prefixed_bylines(blocks)
    spans = [] if extracted else regions.main_regions(blocks)
    engine.mark_credited_captions(blocks)  # once the regions are found: a figure is in its article
    if spans:
        start = min(first for first, _ in spans)
    else:
        prose = regions.first_prose(blocks)
        start = _start_without_prose(blocks) if prose is None else prose
    engine.apply_line_rules(blocks[:start], HEADER_RULES, head_end=start)
    parse_head(
        blocks,
        start,
        hints.title,
        head,
        guess_title=not extracted,
        order=numeric_order(text),
        spans=spans,
    )
    engine.cut_comments(blocks, start)
    if spans:
        regions.trim_outside(blocks, spans)
        engine.mark_navigation_runs(blocks)
    engine.mark_author_bios(blocks)
    read_author_bio(blocks, head)
    paragraphs = engine.body_paragraphs(blocks)
    publisher = hints.publisher or head.publisher or hints.declared.publisher
    return Cleaned(
        body="\n\n".join(b.text for b in paragraphs),
        title=hints.title or head.title,
        standfirst=head.standfirst,
        subheadings=tuple(engine.subheadings(paragraphs)),
        authors=clean_authors(_author_names(hints, head, publisher), publisher),
        publisher=publisher,
        published=hints.published or head.published or hints.declared.published,
        updated=hints.updated or head.updated,
        removed=tuple(Removed(b.kind, b.text, b.rule or b.kind) for b in blocks if b.kind),
    )


def clean_article(article: RawArticle) -> Cleaned:
    """Clean one article as read: its format's metadata are hints, HTML text is pre-extracted."""
    hints = Hints(
        title=article.title,
        authors=article.authors,
        publisher=article.publisher,
        published=article.published,
        updated=article.updated,
        declared=article.declared,
    )
    return clean(article.text, hints, extracted=article.source_format == "html")


def _author_names(hints: Hints, head: Head, publisher: str | None) -> tuple[str, ...]:
    """The format's authors win, unless they only name the publisher: then the byline in the
    text ("By The Example Post" in the metadata, "Written by Jane Roe" in the article) joins."""
    if not hints.authors:
        return tuple(head.authors)
    site = (publisher or "").casefold()
    if all(name.casefold() == site for name in hints.authors):
        return (*hints.authors, *head.authors)
    return hints.authors


def _start_without_prose(blocks: list[Block]) -> int:
    """With no paragraph to anchor on, only a headline-like first line may be a title."""
    kept = [i for i, b in enumerate(blocks) if not b.removed]
    if len(kept) >= 2 and is_headline(blocks[kept[0]]):
        return kept[1]
    return kept[0] if kept else len(blocks)
