"""Where the article is on a whole page pasted as text: the span of blocks with the most
article evidence, against the menus, link lists, footers and sidebars around it."""

from __future__ import annotations

import math

from pipeline.clean.blocks import (
    SENTENCE_END,
    Block,
    continues,
    is_headline,
    is_menu_item,
    is_prose,
)
from pipeline.clean.engine import comments_start, writer_box_start
from pipeline.rows import BoilerplateKind

# Tuned on the benchmark's pasted pages (trafilatura, dragnet and fundus sets): the first four
# before the sets were split by site, the barrier on the `tune` half alone.
LINE_PENALTY = 12.0  # what a lone non-prose line (menu item, label, link) costs a span
SHORT_SENTENCE_WEIGHT = 0.8  # evidence per word of a sentence too short to be a paragraph
CONTENT_RUN_SHARE = 0.5  # a run of code or list lines costs this share of a menu's cost
SECOND_PART_SHARE = 0.5  # a second span this strong, beside the best one, is article too
# Lines a rule removed as menus or promos ("Related" lists, "Sign up", share bars) are not
# article: a long run of them between two stretches of prose is a barrier, like other labels.
BARRIER_KINDS = frozenset({"navigation", "promo"})
BARRIER_MIN_LINES = 6  # fewer removed lines in a row are widgets inside the article


def first_prose(blocks: list[Block]) -> int | None:
    return next((i for i, b in enumerate(blocks) if not b.removed and is_prose(b)), None)


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
    labels = sum(b.removed or _is_label(b) for b in run)
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
            if block.kind in BARRIER_KINDS:
                groups.append([i])
            continue
        if groups and continues(blocks[groups[-1][-1]], block):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _units(blocks: list[Block]) -> list[tuple[float, int, int]]:
    """Scored units: each paragraph alone, each run of other lines merged into one cost."""
    units: list[tuple[float, int, int]] = []  # (score, first block, last block)
    run: list[int] = []
    for group in _wrapped_lines(blocks):
        barrier = blocks[group[0]].removed
        score = 0.0 if barrier else block_score(Block(" ".join(blocks[i].text for i in group)))
        if score == 0.0:
            run.extend(group)
            continue
        run = _without_short_barriers(blocks, run)
        if run:
            units.append((-run_cost([blocks[i] for i in run]), run[0], run[-1]))
            run = []
        units.append((score, group[0], group[-1]))
    return units


def _without_short_barriers(blocks: list[Block], run: list[int]) -> list[int]:
    """A few removed promo or menu lines inside an article (a "Read more" link, a newsletter
    box, a share bar) stay transparent; a long list of them is where the article ends."""
    removed = [i for i in run if blocks[i].removed]
    if len(removed) >= BARRIER_MIN_LINES:
        return run
    return [i for i in run if not blocks[i].removed]


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
    Blocks a rule removed are transparent, except menus and promos (`BARRIER_KINDS`), which
    cost like the labels they are. The readers' comments and what stands below the writer's
    author box (`engine.writer_box_start`) are never joined to the article's span.
    """
    end = comments_start(blocks)
    box = writer_box_start(blocks, end)
    units = _units(blocks[:box])
    if box < end:  # the author box is a wall: what follows it is at most a second part
        units.append((-math.inf, box, box))
        after = _units(blocks[box + 1 : end])
        units += [(score, first + box + 1, last + box + 1) for score, first, last in after]
    best = _best_span(units)
    if best is None:
        return []
    first = best[1]
    while first < best[2] and _is_headline_unit(blocks, units[first]):
        first += 1  # a headline ending in "?" or "!" scores as a sentence: it heads the span
    spans = [(units[first][1], units[best[2]][2])]
    for side in (units[: best[1]], units[best[2] + 1 :]):
        part = _best_span(side)
        if part is not None and part[0] >= SECOND_PART_SHARE * best[0]:
            spans.append((side[part[1]][1], side[part[2]][2]))
    return spans


def _is_headline_unit(blocks: list[Block], unit: tuple[float, int, int]) -> bool:
    """One headline-like line ("Could Yukos be a blessing in disguise?"): the article's title."""
    _score, first, last = unit
    return first == last and is_headline(blocks[first]) and not is_prose(blocks[first])


def trim_outside(blocks: list[Block], spans: list[tuple[int, int]]) -> None:
    """Everything below the article's first span, and outside its spans, is not the article."""
    first = min(start for start, _ in spans)
    inside = {i for start, end in spans for i in range(start, end + 1)}
    for i in range(first, len(blocks)):
        if i not in inside:
            kind: BoilerplateKind = "other" if is_prose(blocks[i]) else "navigation"
            blocks[i].remove(kind, "below_article")
