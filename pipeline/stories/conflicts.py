"""Figures about the same thing that disagree, within one story.

Two counts of people are about the same thing when they carry the same event and count the same
object ("people killed", "children killed"; a count with an event but no noun counts people).
Each figure stands for an interval its qualifier allows ("at least 18" is 18 and up, "about 30"
is 30 give or take `APPROX`, an exact figure allows `ROUNDING`); two figures conflict when their
intervals do not meet.
"""

from __future__ import annotations

from dataclasses import dataclass

APPROX = 0.1
ROUNDING = 0.01


@dataclass(frozen=True)
class Count:
    doc_id: str
    start: int
    value: float
    qualifier: str
    event: str
    object: str | None


@dataclass(frozen=True)
class Conflict:
    about: str
    a: Count
    b: Count


def about(count: Count) -> str:
    return f"{(count.object or 'people').casefold()} {count.event}"


def interval(count: Count) -> tuple[float, float]:
    v = count.value
    return {
        "exact": (v * (1 - ROUNDING), v * (1 + ROUNDING)),
        "approx": (v * (1 - APPROX), v * (1 + APPROX)),
        "at_least": (v, float("inf")),
        "more_than": (v * (1 + ROUNDING / 10), float("inf")),
        "at_most": (0.0, v),
        "up_to": (0.0, v),
        "less_than": (0.0, v * (1 - ROUNDING / 10)),
    }.get(count.qualifier, (v, v))


def disagree(a: Count, b: Count) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return high_a < low_b or high_b < low_a


def story_conflicts(counts: list[Count], first: frozenset[str] | None = None) -> list[Conflict]:
    """Every pair of the story's counts about the same thing that disagree; with `first` (a
    large story's earliest articles, `reuse.first_articles`), the pairs one of whose counts
    comes from those, so the work and the rows grow with the story, not with its square."""
    groups: dict[str, list[Count]] = {}
    for count in counts:
        groups.setdefault(about(count), []).append(count)
    found: list[Conflict] = []
    for topic, members in sorted(groups.items()):
        ordered = sorted(members, key=lambda c: (c.doc_id, c.start))
        for i, a in enumerate(ordered):
            partners = ordered[i + 1 :]
            if first is not None and a.doc_id not in first:
                partners = [b for b in partners if b.doc_id in first]
            found.extend(Conflict(topic, a, b) for b in partners if disagree(a, b))
    return found
