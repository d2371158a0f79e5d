"""NewsQuant (the test set of CQE, EMNLP 2023) as gold for figures: reading the shared half,
splitting it for tuning, and scoring figures the way CQE's evaluation does.

The shared half (`../shared/eval/newsquant/NewsQuant.dev.json`, 295 sentences) is split by
position: even sentences are `tune` (rules may be shaped on them, their errors read), odd ones
`held` (scored, never read). Both are printed, so the gap says how well the rules generalise.

Scoring, as CQE's `evaluation/evaluate_models.py`, made one-to-one:
- a gold quantity matches one predicted quantity of its sentence with an equal value (relative
  tolerance 1e-5); a range matches a range with equal ends, in either order (the gold keeps
  "from $75 to $45.88" as written, our contract its low end first), never a single value. Among the
  candidates the one that also has the gold's unit and change is taken, and a predicted quantity
  matches at most one gold;
- value P/R/F1 count the matches; value+unit the matches whose normalised units are equal;
  value+change those whose change is equal (`=`, `~`, `>`, `<`, `up`, `down`);
- units are NewsQuant's normalised names, lower-cased; a system's own names are mapped to them
  by the system's adapter (below). A count's unit in NewsQuant is what it counts ("people",
  "good wireless speaker"): it matches when the head nouns agree, singular or plural
  ("speakers"): the last word of ours, and the last word of the gold's or, where the gold's unit
  is written "X of Y", its X ("snaps of man coverage"). A count of nothing named matches `-` or
  `count`. CQE compares those strings whole; ours is the looser rule, applied to every system
  alike.
- quantulum3 gives a range as its middle, so for it, as in CQE's script, a gold range is its
  middle.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Value = float | tuple[float, float]
NO_UNIT = frozenset({"-", "count", "dimensionless", ""})
PARTS = ("tune", "held")


@dataclass(frozen=True)
class Quantity:
    """One quantity in NewsQuant's terms."""

    value: Value
    unit: str  # NewsQuant's normalised unit, lower-cased; "-" for none
    change: str  # "=", "~", ">", "<", "up" or "down"
    count: bool = False  # the unit is a counted noun, not a unit of measure
    surface: str = ""


@dataclass(frozen=True)
class Sentence:
    text: str
    gold: tuple[Quantity, ...]
    part: str


def load(shared: Path) -> list[Sentence] | None:
    """The shared NewsQuant half, each sentence with its part; None when absent."""
    path = shared / "eval" / "newsquant" / "NewsQuant.dev.json"
    if not path.is_file():
        return None
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Sentence(row["text"], tuple(_gold(q) for q in row["quantities"]), PARTS[i % 2])
        for i, row in enumerate(rows)
    ]


_RANGE = re.compile(r"\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*")


def _gold(q: dict[str, str]) -> Quantity:
    text = str(q["value"])
    ends = _RANGE.fullmatch(text)
    value: Value = (float(ends[1]), float(ends[2])) if ends else float(text)
    unit = q["normalized_unit"].strip().casefold()
    return Quantity(value, unit, q["change"].strip(), count=_is_count(unit), surface=q["unit"])


# NewsQuant's normalised units that are units of measure or currencies, as opposed to counted
# nouns: the names its gold uses, read from the shared half (the rest are nouns).
_MEASURE_WORDS = re.compile(
    r"\b(?:percentage|dollar|yen|pound|euro|shekel|ringgit|krone|sen|cent|pence|penny|rupee|"
    r"yuan|franc|rouble|ruble|won|mile|yard|metre|foot|inch|kilo\w*|mega\w*|giga\w*|milli\w*|"
    r"micro\w*|nano\w*|centi\w*|litre|gallon|pint|quart|ounce|gram|tonne|ton|hour|minute|"
    r"second|day|week|month|year|decade|century|celsius|fahrenheit|degree|watt|hertz|"
    r"horsepower|decibel|byte|pascal|ampere|newton|point|basis point|age|parts-per-\w+|"
    r"revolutions per minute|barrel|acre|hectare|knot|calorie|volt)\b"
)


def _is_count(unit: str) -> bool:
    return unit in NO_UNIT or _MEASURE_WORDS.search(unit) is None


def _same_value(a: Value, b: Value) -> bool:
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple) and isinstance(b, tuple):  # "from $75 to $45.88": as written
        return {_close(x, y) for x, y in zip(sorted(a), sorted(b), strict=True)} == {True}
    assert isinstance(a, float) and isinstance(b, float)
    return _close(a, b)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _forms(word: str) -> set[str]:
    """A word and what it is when a plural ('bosses', 'stories', 'viruses', 'points')."""
    forms = {word}
    for plural, single in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            forms.add(word[: -len(plural)] + single)
    return forms


def same_unit(gold: Quantity, found: Quantity) -> bool:
    if gold.count:
        if gold.unit in NO_UNIT:
            return found.count and found.unit in NO_UNIT
        if not found.count or found.unit in NO_UNIT:
            return False
        return bool(_heads(gold) & _forms(found.unit.split()[-1]))
    return gold.unit == found.unit


def _heads(gold: Quantity) -> set[str]:
    """The forms of what a gold count counts: the last word of its unit, or the word before
    the unit's "of" as written ("snaps of man coverage": snaps; NewsQuant's normalised unit
    drops the "of")."""
    heads = _forms(gold.unit.split()[-1])
    written = gold.surface.casefold().split(" of ")
    if len(written) > 1 and written[0].split():
        heads |= _forms(written[0].split()[-1])
    return heads


def _middle(q: Quantity) -> Quantity:
    if isinstance(q.value, tuple):
        return Quantity(sum(q.value) / 2, q.unit, q.change, q.count, q.surface)
    return q


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0

    def f1(self, right: int) -> tuple[float, float, float]:
        p = right / self.found if self.found else 0.0
        r = right / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


System = Callable[[str], list[Quantity]]


def score(
    system: System,
    sentences: Iterable[Sentence],
    ranges_as_middles: bool = False,
    errors: list[str] | None = None,
) -> Score:
    """The CQE-style tallies of `system` over `sentences`; the misses and spurious quantities
    (and wrong units and changes) are appended to `errors`."""
    total = Score()
    for sentence in sentences:
        found = system(sentence.text)
        gold = [_middle(g) if ranges_as_middles else g for g in sentence.gold]
        total.gold += len(gold)
        total.found += len(found)
        free = list(found)
        for g in gold:
            candidates = [f for f in free if _same_value(g.value, f.value)]
            if not candidates:
                _note(errors, "missed", g, sentence.text)
                continue
            best = max(candidates, key=lambda f: (same_unit(g, f), f.change == g.change))
            free.remove(best)
            total.value += 1
            total.unit += same_unit(g, best)
            total.change += best.change == g.change
            if not same_unit(g, best):
                _note(errors, f"unit {best.unit!r} for", g, sentence.text)
            elif best.change != g.change:
                _note(errors, f"change {best.change!r} for", g, sentence.text)
        for f in free:
            _note(errors, "spurious", f, sentence.text)
    return total


def _note(errors: list[str] | None, what: str, q: Quantity, text: str) -> None:
    if errors is not None:
        errors.append(f"{what} {q.value} {q.unit!r} {q.change} ({q.surface!r}) in {text!r}")


def table(scores: Sequence[tuple[str, str, Score, bool]]) -> tuple[list[str], list[list[str]]]:
    """Header and rows: per system and part, value P/R/F1, value+unit F1, value+change F1."""
    header = ["system", "part", "gold", "found", "value P", "value R", "value F1",
              "value+unit F1", "value+change F1"]  # fmt: skip
    rows = []
    for name, part, s, has_change in scores:
        p, r, f = s.f1(s.value)
        rows.append([
            name, part, str(s.gold), str(s.found), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}",
            f"{s.f1(s.unit)[2]:.3f}", f"{s.f1(s.change)[2]:.3f}" if has_change else "-",
        ])  # fmt: skip
    return header, rows
