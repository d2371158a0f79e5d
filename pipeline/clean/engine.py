"""The marking passes of cleaning: each small function over the list of blocks marks what is
not article (`clean()` runs them in order, with `regions` and `head`).

1. line rules (`rules.LINE_RULES`) mark captions, credits, notices, promos, legal lines;
2. repeated lines (a caption pasted twice), captions over their credit lines, runs of
   menu-like short lines, link lists and teasers above "Read more" links are marked;
3. the tail below the article loses reader comments; author boxes go;
4. the kept lines become paragraphs again (hard-wrapped text is joined), and short
   headline-like lines between paragraphs are recorded as subheadings (they stay in body).
"""

from __future__ import annotations

import itertools
import re

from pipeline.clean.blocks import (
    HEADLINE_MAX_WORDS,
    LONG_BLOCK_WORDS,
    MASTHEAD_MAX_WORDS,
    SENTENCE_BREAK,
    SENTENCE_END,
    WRAP_WIDTH_MAX,
    WRAPPED_LINE_MIN_WORDS,
    Block,
    continues,
    is_comment_header,
    is_headline,
    is_menu_item,
    is_prose,
)
from pipeline.clean.rules import (
    AUTHOR_BIO,
    AUTHOR_BIO_MAX_WORDS,
    BIO_OPENING,
    CAPTION_CUES,
    COMMENT_HEADER_DATE,
    COMMENT_HEADER_NAME_WORDS,
    COMMENTS_START,
    CREDIT_LINE_RULES,
    LINK_LIST_HEADING,
    PROSE_MARKS,
    READ_MORE_LINK,
    LineRule,
)

SUBHEADING_MAX_WORDS = 15
NAV_RUN_MIN = 3
COMMENTS_BARRIER_WORDS = 150  # prose above a comments heading that makes it the article's end
WORD = re.compile(r"\w+")
COMMENT_THREAD_MIN = 3  # comment headers below an article that make a thread
COMMENT_BODY_REACH = 3  # a comment's text starts this few lines under its header
COMMENTS_MIN_ARTICLE_WORDS = 40  # prose the article says before its comments can begin
TEASER_LINKS_MIN = 2  # this many "Read more" links make a list of teasers
BIO_TAIL_BLOCKS = 5  # an author box stands among the last few blocks of a page's article
BIO_HEADING_REACH = 5  # an author box's name heading stands this few lines above its biography
WRAP_MIN_FULL_BREAKS = 3  # line breaks at the fill width that show a text is hard-wrapped...
WRAP_MIN_FULL_SHARE = 0.5  # ... and their share of the breaks after long lines
CAPTION_MAX_WORDS = 30  # a caption over its credit line is a sentence, not a paragraph
# A caption's end: a full stop, or an exclamation mark. A headline has none, and a question over
# a photo is a heading.
CAPTION_END = re.compile(r"[.!][\"'”’)\]]*\Z")
SPLIT_CREDIT_MAX_LINES = 3  # "(" / "Image:" / "Jane Roe/PA)": a credit broken over short lines
SPLIT_CREDIT_MAX_WORDS = 8
CUED_CAPTION_MAX_WORDS = 70  # a caption that says "(left)" or "pictured" may tell a scene
REPEAT_MIN_WORDS = 5  # a caption's repeat is a sentence, not a name or a label
# A caption's credit in brackets at its end (a caption widget's buttons may follow): a line that
# says only what the brackets say is that credit again.
BRACKETED_CREDIT = re.compile(r"[(\[]([^()\[\]]{2,120})[)\]][^()\[\]]{0,40}\Z")
GALLERY_MIN_SLIDES = 3  # a credit this often beside the same line frames the slides of a gallery
GALLERY_CAPTION_LINES = 2  # a slide's caption between two frames: a line or two


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


def mark_credited_captions(blocks: list[Block]) -> None:
    """The caption standing beside a photo credit line goes with it, and so do its repeats.

    A figure often puts its caption and its credit on lines of their own ("The harbour at
    dawn." over "Image: Jane Roe."): the line rules know the credit but not the caption, which
    reads like any short sentence. Above a credit it is one when it reads as a caption, not as
    the article's prose (`reads_as_caption`), or says what only a caption says
    (`has_caption_cue`); below a credit (a page that prints the credit first) only the latter,
    for under a lone credit of a picture without a caption the article goes on. A bracket left
    open at a line's end ("Police at the scene (" over "Image:" over "Jane Roe/PA)") ties
    caption and credit whatever they say.
    """
    for i, block in enumerate(blocks):
        if block.kind != "photo_credit":
            continue
        above = blocks[i - 1] if i else Block("")
        below = blocks[i + 1] if i + 1 < len(blocks) else Block("")
        split = _split_credit(blocks, i) if above.text.endswith("(") else []
        credit_line = block.rule in CREDIT_LINE_RULES
        if not above.removed and (
            split or (credit_line and (reads_as_caption(above) or has_caption_cue(above)))
        ):
            above.remove("caption", "credited_caption")
        elif credit_line and above.kind != "caption" and has_caption_cue(below):
            below.remove("caption", "credited_caption")
        for rest in split:
            rest.remove("photo_credit", "split_credit")
    _mark_gallery_captions(blocks)
    _mark_caption_repeats(blocks)


def _mark_gallery_captions(blocks: list[Block]) -> None:
    """A gallery pasted slide by slide: each slide prints its caption beside the same credit
    line and the same line next to it (the gallery's title, or the pictures' alt text), over and
    over. Such a frame, `GALLERY_MIN_SLIDES` times or more, holds captions: the line or two
    between one frame and the next are a slide's caption, however many sentences it tells, and
    the frame's repeated line goes too. An article's paragraphs do not stand between copies of
    one credit and one line."""
    frames: dict[tuple[str, str, int], list[int]] = {}
    for i, block in enumerate(blocks):
        if block.kind != "photo_credit" or block.rule not in CREDIT_LINE_RULES:
            continue
        for side in (-1, 1):
            if 0 <= i + side < len(blocks):
                frames.setdefault((block.text, blocks[i + side].text, side), []).append(i)
    for (_, _, side), credits in frames.items():
        if len(credits) < GALLERY_MIN_SLIDES:
            continue
        for at, nxt in itertools.pairwise(credits):
            between = blocks[at + 1 + (side > 0) : nxt - (side < 0)]
            if 1 <= len(between) <= GALLERY_CAPTION_LINES and all(
                b.words <= CUED_CAPTION_MAX_WORDS for b in between
            ):
                for block in (*between, blocks[at + side], blocks[nxt + side]):
                    block.remove("caption", "gallery_caption")


def reads_as_caption(block: Block) -> bool:
    """One short sentence that a headline is not (it ends with a full stop or "!") and the
    article's prose is not (no "we", "you" or "said")."""
    return (
        _caption_like(block, CAPTION_MAX_WORDS)
        and CAPTION_END.search(block.text) is not None
        and SENTENCE_BREAK.search(block.text) is None
    )


def has_caption_cue(block: Block) -> bool:
    """A caption of a sentence or a few, ended any way, that says where someone stands in the
    picture or names the picture (`rules.CAPTION_CUES`): the article's prose seldom does."""
    return (
        _caption_like(block, CUED_CAPTION_MAX_WORDS) and CAPTION_CUES.search(block.text) is not None
    )


def _caption_like(block: Block, max_words: int) -> bool:
    """Kept, short, opening like a sentence, and with no "we", "you" or "said" of prose."""
    text = block.text
    return (
        not block.removed
        and 2 <= block.words <= max_words
        and (text.lstrip("\"'“‘(")[:1].isupper() or text[:1].isdigit())
        and PROSE_MARKS.search(text) is None
    )


def _mark_caption_repeats(blocks: list[Block]) -> None:
    """A sentence that a removed caption holds is that caption again: the picture's alt text,
    or a gallery's copy, printed without the credit or its label. It must end like a caption,
    for a headline (or a question) that a caption repeats is still the headline. A line that
    says just what a removed caption's closing brackets say ("Example State Police; Example
    County Sheriff's Department") is its credit again, printed apart by the caption widget."""
    captions = [b.text for b in blocks if b.kind == "caption"]
    credits = {m.group(1).strip() for c in captions if (m := BRACKETED_CREDIT.search(c))}
    for block in blocks:
        if (
            not block.removed
            and block.words >= REPEAT_MIN_WORDS
            and CAPTION_END.search(block.text)
            and any(block.text in caption for caption in captions)
        ):
            block.remove("caption", "caption_repeat")
        elif not block.removed and block.words >= 2 and block.text in credits:
            block.remove("photo_credit", "credit_repeat")


def _split_credit(blocks: list[Block], at: int) -> list[Block]:
    """The short lines from `at` down to the one that closes a bracket: a credit broken over
    lines; none when no such line closes it soon."""
    lines = blocks[at : at + SPLIT_CREDIT_MAX_LINES]
    for n, block in enumerate(lines):
        if block.words > SPLIT_CREDIT_MAX_WORDS:
            return []
        if block.text.endswith(")"):
            return lines[: n + 1]
    return []


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


def cut_comments(blocks: list[Block], start: int) -> None:
    """A comments heading, or a thread of comment headers, below the article's paragraphs opens
    the readers' comments: all go.

    A comments link among the byline's buttons, before the article has said much, is not
    where the comments begin.
    """
    at = comments_start(blocks, COMMENTS_MIN_ARTICLE_WORDS, begin=start)
    if at >= len(blocks):
        return
    block = blocks[at]
    if opens_comments(block):
        block.kind, block.rule = "comments_notice", block.rule or "comments_heading"
    else:
        block.kind, block.rule = "other", "reader_comments"
    for rest in blocks[at + 1 :]:
        rest.remove("other", "reader_comments")


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
        wrapped = continues(prev, block) or (width is not None and _fills(prev, block, width))
        if last == i - 1 and not block.gap and wrapped:
            paragraphs[-1].append(block)
        else:
            paragraphs.append([block])
        last = i
    return [p[0] if len(p) == 1 else Block(" ".join(b.text for b in p)) for p in paragraphs]


def comments_start(
    blocks: list[Block], min_said: int = COMMENTS_BARRIER_WORDS, begin: int = 0
) -> int:
    """Where the readers' comments begin, after `min_said` words of prose from `begin`: a
    comments heading or notice, or the first header of a thread (`COMMENT_THREAD_MIN` comment
    headers from there on). Comments are prose too, and a long thread must not outweigh the
    article above it."""
    headers = [
        i if blocks[i].comment_header else i - 1  # a header on two lines starts with the name
        for i in range(begin, len(blocks))
        if _heads_a_comment(blocks, i)
    ]
    thread = set(headers[: len(headers) - COMMENT_THREAD_MIN + 1])
    said = 0
    for i in range(begin, len(blocks)):
        block = blocks[i]
        if said >= min_said and i > begin and (i in thread or opens_comments(block)):
            return i
        if not block.removed and is_prose(block):
            said += block.words
    return len(blocks)


def writer_box_start(blocks: list[Block], end: int, min_said: int = COMMENTS_BARRIER_WORDS) -> int:
    """Where the writer's author box stands below the article, before `end`: a biography that
    opens with a name a byline above gave ("By Jane Roe" ... "Jane Roe is a senior writer
    ..."), after `min_said` words of prose, with its heading ("About Jane Roe") if it has one.
    A page's teasers and sidebars follow the box; the article does not go on past it."""
    bylined: set[str] = set()
    said = 0
    for i, block in enumerate(blocks[:end]):
        if block.rule == "byline":
            bylined.update(WORD.findall(block.text.casefold()))
        elif block.removed:
            continue
        elif said >= min_said and bylined and _bio_of(block, bylined):
            above = blocks[i - 1].text.split() if i else []
            heading = len(above) <= MASTHEAD_MAX_WORDS and block.text.split()[0] in above
            return i - 1 if heading else i
        elif is_prose(block):
            said += block.words
    return end


def _bio_of(block: Block, names: set[str]) -> bool:
    """`block` is a biography of someone whose name's words are all in `names`."""
    if block.words > AUTHOR_BIO_MAX_WORDS or not AUTHOR_BIO.fullmatch(block.text):
        return False
    opening = BIO_OPENING.match(block.text)
    return opening is not None and set(WORD.findall(opening.group("name").casefold())) <= names


def _heads_a_comment(blocks: list[Block], at: int) -> bool:
    """A comment header with the comment under it: a sentence in the next few lines, before any
    other header. A sidebar of dated links ("Evening News April 25, 2022") has no comments."""
    if not (blocks[at].comment_header or _second_header_line(blocks, at)):
        return False
    for below in blocks[at + 1 : at + 1 + COMMENT_BODY_REACH]:
        if below.comment_header:
            return False
        if SENTENCE_END.search(below.text):
            return True
    return False


def _second_header_line(blocks: list[Block], at: int) -> bool:
    """A comment header on two lines: the name, then the date alone ("Jane Roe" over "October
    14, 2012 at 5:36 pm")."""
    if at == 0 or blocks[at - 1].words > COMMENT_HEADER_NAME_WORDS[1]:
        return False
    if blocks[at - 1].comment_header or not COMMENT_HEADER_DATE.search(blocks[at].text):
        return False
    return is_comment_header(f"{blocks[at - 1].text} {blocks[at].text}")


def opens_comments(block: Block) -> bool:
    """A comments notice, or a line that reads like a comments heading, which no rule took or
    a link-list rule took (a "40 Responses to ..." heading under "Related posts")."""
    return block.kind == "comments_notice" or (
        block.kind in (None, "promo") and COMMENTS_START.match(block.text) is not None
    )


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
        opening = BIO_OPENING.match(block.text)
        if opening and named_elsewhere(blocks, i, opening.group("name")):
            continue  # the article's subject, not its writer
        if i in edges or _named_above(blocks, i):
            block.remove("other", "author_bio")


def named_elsewhere(blocks: list[Block], at: int, name: str) -> bool:
    """The surname of `name` stands in a kept block other than `at`: the person a biography-like
    sentence introduces is someone the article is about ("Tony Blair is likely to name 5 May
    ..., the BBC's political editor has learned"), and a writer is not the subject of their own
    report."""
    last = WORD.findall(name.casefold())[-1:]
    return bool(last) and any(
        last[0] in WORD.findall(block.text.casefold())
        for i, block in enumerate(blocks)
        if i != at
        and not block.removed
        and (block.role == "title" or block.words > MASTHEAD_MAX_WORDS)  # not a box's heading
    )


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
