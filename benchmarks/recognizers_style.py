"""Recognizers-style quantity sentences: value recall and precision per category.

    python benchmarks/recognizers_style.py [--show-errors]

The gold set `benchmarks/gold/recognizers_style.json` (how it was made is in its `about`) holds
short sentences stating currency, dimension, temperature and age quantities, each with every
quantity it states: its value (scaled, a minor currency unit in the major one) and, for a range,
its high end. Issue #20 asks for a value recall of 0.92 on such sentences. Scored here, per
category and overall, for a system that reads a sentence into figures (ordinals left out: the set
states none):
- value recall: gold quantities one of the sentence's figures finds. A single value is found by a
  figure offering it (a range figure offers its low end, high end and middle, as in
  `benchmarks/figures.py`); a range by one figure offering both its ends, or, for a system that
  gives a range as its middle (quantulum3), by its middle;
- value precision: the sentence's figures that find one of its gold quantities.
Units are not scored: the set's units are there to read. `benchmarks/figures.py` prints this
section beside its other ones; run alone, this module scores our extractor only and needs no
`../shared/`.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

GOLD = Path(__file__).resolve().parent / "gold" / "recognizers_style.json"
CATEGORIES = ("currency", "dimension", "temperature", "age")


class Figure(Protocol):
    """What a system gives for one figure (`benchmarks/figures.py` `Found`)."""

    @property
    def surface(self) -> str: ...
    @property
    def values(self) -> tuple[float, ...]: ...
    @property
    def ordinal(self) -> bool: ...


System = Callable[[str], Sequence[Figure]]


@dataclass(frozen=True)
class Gold:
    surface: str
    value: float
    value_high: float | None


@dataclass(frozen=True)
class Sentence:
    category: str
    text: str
    quantities: tuple[Gold, ...]


@dataclass
class Tally:
    gold: int = 0
    recalled: int = 0
    predicted: int = 0
    right: int = 0

    def recall(self) -> float:
        return self.recalled / max(self.gold, 1)

    def precision(self) -> float:
        return self.right / max(self.predicted, 1)


def load(path: Path = GOLD) -> list[Sentence]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Sentence(
            s["category"],
            s["text"],
            tuple(Gold(q["surface"], q["value"], q.get("value_high")) for q in s["quantities"]),
        )
        for s in data["sentences"]
    ]


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def offers(figure: Figure, value: float) -> bool:
    return any(same(v, value) for v in figure.values)


def finds(figure: Figure, gold: Gold, middles: bool) -> bool:
    """Whether `figure` states `gold`'s value: both ends of a range in one figure, or its middle
    for a system that gives ranges as their middle."""
    if gold.value_high is None:
        return offers(figure, gold.value)
    if middles and offers(figure, (gold.value + gold.value_high) / 2):
        return True
    return offers(figure, gold.value) and offers(figure, gold.value_high)


def score(
    system: System, sentences: list[Sentence], middles: bool, errors: list[str] | None = None
) -> dict[str, Tally]:
    """A tally per category and one for "all"; each gold quantity not found ("missed", with
    what the system found in its sentence) and each figure that finds none ("spurious") is added
    to `errors` when given."""
    tallies = {name: Tally() for name in (*CATEGORIES, "all")}
    for sentence in sentences:
        found = [f for f in system(sentence.text) if not f.ordinal]
        missed = [g for g in sentence.quantities if not any(finds(f, g, middles) for f in found)]
        spurious = [f for f in found if not any(finds(f, g, middles) for g in sentence.quantities)]
        for tally in (tallies[sentence.category], tallies["all"]):
            tally.gold += len(sentence.quantities)
            tally.recalled += len(sentence.quantities) - len(missed)
            tally.predicted += len(found)
            tally.right += len(found) - len(spurious)
        if errors is None:
            continue
        got = ", ".join(f"{f.surface!r} {f.values[0]:g}" for f in found) or "nothing"
        for gold in missed:
            high = "" if gold.value_high is None else f"-{gold.value_high:g}"
            errors.append(
                f"missed {sentence.category}: {gold.surface!r} ({gold.value:g}{high}) "
                f"in {sentence.text!r}; found {got}"
            )
        for figure in spurious:
            errors.append(
                f"spurious {sentence.category}: {figure.surface!r} {figure.values[0]:g} "
                f"in {sentence.text!r}"
            )
    return tallies


def table(
    systems: dict[str, tuple[System, bool]], errors: dict[str, list[str]]
) -> tuple[str, list[str], list[list[str]]]:
    """Score each system (with whether it gives ranges as their middle), print the table and
    return it as `report.write_results` takes it; errors are gathered per system."""
    sentences = load()
    caption = (
        f"Recognizers-style sentences (benchmarks/gold/recognizers_style.json, written for this "
        f"project: {len(sentences)} sentences, {sum(len(s.quantities) for s in sentences)} "
        "quantities); value recall per category and overall, value precision overall "
        "(issue #20 asks for a value recall of 0.92):"
    )
    header = ["system", *CATEGORIES, "recall", "precision"]
    rows = []
    for name, (system, middles) in systems.items():
        errors[name] = []
        tallies = score(system, sentences, middles, errors[name])
        rows.append([
            name,
            *(f"{tallies[c].recall():.3f}" for c in CATEGORIES),
            f"{tallies['all'].recall():.3f}",
            f"{tallies['all'].precision():.3f}",
        ])  # fmt: skip
    widths = [12, *(max(len(h), 5) + 3 for h in header[1:])]
    print("\n" + caption)
    for cells in (header, *rows):
        print(
            cells[0].ljust(widths[0])
            + "".join(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        )
    return caption, header, rows


def main() -> int:
    from figures import ours

    from pipeline import nlp
    from pipeline.figures import COMPONENTS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    errors: dict[str, list[str]] = {}
    table({"newsroom": (ours(model), False)}, errors)
    if args.show_errors:
        print("\nnewsroom on the Recognizers-style sentences:")
        for line in errors["newsroom"]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
