"""Figure benchmark: the quantulum3 test suite and the seed figures, beside quantulum3 itself.

    python benchmarks/figures.py [--shared ../shared] [--show-errors]

On `../shared/eval/quantulum3/quantities.json` (101 sentences, 148 quantities) both systems read
every sentence; printed per system:
- value recall: gold quantities whose value one of the system's figures in that sentence has (a
  range counts by its low end, its high end or its middle, as quantulum3 gives the middle);
- value precision and value+unit precision: the system's figures that match a gold quantity's
  value (and unit; our units are mapped to quantulum3's names, counts are "dimensionless");
- crashes on `errors.json` (sentences that must not crash).
Then the figures of `../shared/seeds/expected.json`: found with the same value where the surfaces
overlap. The contract keeps years and numbers inside names out of `figures` ("1979", "Voyager 2")
while the suite counts them: "(contract)" is the value recall over the suite's other quantities.
Our ordinal figures ("21st century") are left out of the precisions: the suite has no ordinals.
Then both systems on the Recognizers-style sentences written for this project
(`benchmarks/recognizers_style.py`, which says how they are scored).
The figures are also written to `docs/results/figures.md`. Skips cleanly (exit 0) when
`../shared/` is absent.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import newsquant
import recognizers_style
from common import PROJECT, shared_args
from newsquant import Quantity
from recognizers_style import same
from report import write_results

from pipeline import nlp
from pipeline.clean import clean_article
from pipeline.figures import COMPONENTS, find_figures
from pipeline.figures.units import MINOR_CURRENCY
from pipeline.formats import read_articles

# Our unit names where quantulum3 names the same unit otherwise.
QUANTULUM_UNITS = {
    None: "dimensionless",
    "GBP": "pound sterling",
    "USD": "dollar",
    "EUR": "euro",
    "JPY": "yen",
    "percent": "percentage",
    "pound": "pound-mass",
    "degree Fahrenheit": "degree fahrenheit",
}


@dataclass(frozen=True)
class Found:
    surface: str
    values: tuple[float, ...]  # a range offers its low, high and middle
    unit: str
    ordinal: bool = False


def ours(model) -> Callable[[str], list[Found]]:
    def run(text: str) -> list[Found]:
        found = []
        for f in find_figures(model(text)):
            values = (f.value,)
            if f.value_high is not None:
                values = (f.value, f.value_high, (f.value + f.value_high) / 2)
            unit = QUANTULUM_UNITS.get(f.unit, f.unit)
            found.append(Found(f.text, values, unit, ordinal=f.kind == "ordinal"))
        return found

    return run


def quantulum_parser(classifier: str | None) -> Callable[[str], list]:
    """quantulum3's `parse` with its warnings silenced, reading units with `classifier`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    def parse(text: str) -> list:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return list(parser.parse(text, classifier_path=classifier))

    return parse


def quantulum(classifier: str | None) -> Callable[[str], list[Found]]:
    parse = quantulum_parser(classifier)
    return lambda text: [Found(q.surface, (q.value,), q.unit.name) for q in parse(text)]


# Our unit names to NewsQuant's normalised ones, where they differ.
NEWSQUANT_UNITS = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "ILS": "shekel",
    "MYR": "malaysian ringgit", "DKK": "danish krone", "INR": "indian rupee",
    "CNY": "chinese yuan", "CHF": "swiss franc", "RUB": "russian ruble", "KRW": "south korean won",
    "percent": "percentage", "degree Celsius": "celsius", "degree Fahrenheit": "fahrenheit",
    "pound": "pound-mass", "part per million": "parts-per-million",
    "part per billion": "parts-per-billion", "milliampere hour": "milliampere-hour",
    "revolution per minute": "revolutions per minute",
    "BRL": "brazilian real", "ZAR": "south african rand", "MXN": "mexican peso",
    "light year": "light-year", "kilotonne": "kiloton", "megatonne": "megaton",
    "gigatonne": "gigaton", "troy ounce": "ounce", "ampere hour": "ampere-hour",
    "acre-foot": "acre foot", "millimetre of mercury": "millimeter of mercury",
}  # fmt: skip
# A money figure written in a minor unit: NewsQuant gives its value as read ("164p" is 164),
# in the minor unit of its currency named as below.
MINOR_NAMES = {"GBP": "pence", "USD": "cent", "MYR": "sen"}
MINOR_WRITTEN = {
    form: (MINOR_NAMES[code], round(1 / scale))
    for form, (code, scale) in MINOR_CURRENCY.items()
    if code in MINOR_NAMES and " " not in form
}
_MINOR = re.compile(rf"\d\s*-?({'|'.join(MINOR_WRITTEN)})(?!\w)", re.IGNORECASE)
# Our qualifiers as NewsQuant's changes, when the figure is no rise or fall.
QUALIFIER_CHANGES = {"exact": "=", "approx": "~", "at_least": ">", "more_than": ">",
                     "at_most": "<", "less_than": "<", "up_to": "<"}  # fmt: skip


def ours_newsquant(model) -> newsquant.System:
    """Our figures in NewsQuant's terms (ordinals left out: NewsQuant counts none)."""

    def run(text: str) -> list[Quantity]:
        found = []
        for f in find_figures(model(text)):
            if f.kind == "ordinal":
                continue
            value: newsquant.Value = f.value
            if f.value_high is not None:
                value = (f.value, f.value_high)
            unit = NEWSQUANT_UNITS.get(f.unit or "", f.unit or "")
            minor = _MINOR.search(f.text) if f.kind == "money" else None
            if minor:
                unit, scale = MINOR_WRITTEN[minor[1].casefold()]
                value = (f.value * scale, f.value_high * scale) if f.value_high else f.value * scale
            if f.object == "age":  # "50-year-old", "aged 32": an age, not a span of time
                unit = f"{f.unit} of age"
            count = f.kind == "count"
            if count:
                unit = (f.object or "-").casefold()
            if f.per:
                unit = f"{unit} per {f.per}"
            change = f.change or QUALIFIER_CHANGES[f.qualifier]
            found.append(Quantity(value, unit.casefold(), change, count, f.text))
        return found

    return run


def quantulum_newsquant(classifier: str | None) -> newsquant.System:
    parse = quantulum_parser(classifier)

    def run(text: str) -> list[Quantity]:
        return [
            Quantity(
                float(q.value),
                "-" if q.unit.name == "dimensionless" else q.unit.name.casefold(),
                "=",
                count=q.unit.name == "dimensionless",
                surface=q.surface,
            )
            for q in parse(text)
        ]

    return run


def quantulum_classifier() -> str | None:
    """A path to quantulum3's unit classifier, retrained into `build/` once when the one it
    ships cannot be read by the installed scikit-learn (a pickle of another version)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier

        try:
            classifier.Classifier()
            return None
        except Exception:
            path = PROJECT / "build" / "quantulum3-clf.joblib"
            if not path.is_file():
                path.parent.mkdir(parents=True, exist_ok=True)
                print(f"retraining quantulum3's classifier into {path.relative_to(PROJECT)}")
                classifier.train_classifier(store=True, output_path=str(path))
            return str(path)


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def outside_contract(gold: dict, sentence: str) -> bool:
    """The suite's quantities that the contract keeps out of `figures`: years ('1979', the
    '1960' of '1960s') and numbers that are part of a name ('Voyager 2', 'English 101')."""
    surface = gold["surface"].strip()
    if gold["unit"] != "dimensionless" or not surface.isdigit():
        return False
    if len(surface) == 4 and 1000 <= int(surface) <= 2199:
        return True
    return re.search(rf"\b[A-Z][a-z]+ {re.escape(surface)}\b", sentence) is not None


@dataclass
class Tally:
    gold: int = 0
    admitted: int = 0
    recalled_admitted: int = 0
    recalled: int = 0
    predicted: int = 0
    value_right: int = 0
    unit_right: int = 0
    crashes: int = 0
    seconds: float = 0.0


def suite(
    system: Callable[[str], list[Found]], cases: list[dict], misses: list[str], wrong: list[str]
) -> Tally:
    tally = Tally()
    started = time.perf_counter()
    for case in cases:
        try:  # the suite has no ordinals ("21st century" is not a quantity there)
            found = [f for f in system(case["req"]) if not f.ordinal]
        except Exception:
            tally.crashes += 1
            found = []
        gold = case["res"]
        tally.gold += len(gold)
        tally.predicted += len(found)
        for g in gold:
            hit = any(any(same(v, g["value"]) for v in f.values) for f in found)
            if not outside_contract(g, case["req"]):
                tally.admitted += 1
                tally.recalled_admitted += hit
            if hit:
                tally.recalled += 1
            else:
                misses.append(f"{g['surface']!r} ({g['value']}) in {case['req'][:70]!r}")
        for f in found:
            matches = [g for g in gold if any(same(v, g["value"]) for v in f.values)]
            tally.value_right += bool(matches)
            unit_right = any(fold(g["unit"]) == fold(f.unit) for g in matches)
            tally.unit_right += unit_right
            if not unit_right:
                wrong.append(f"{f.surface!r} {f.values[0]} {f.unit!r} in {case['req'][:60]!r}")
    tally.seconds = time.perf_counter() - started
    return tally


def crashes(system: Callable[[str], list[Found]], sentences: list[str]) -> int:
    count = 0
    for sentence in sentences:
        try:
            system(sentence)
        except Exception:
            count += 1
    return count


def seed_recall(system: Callable[[str], list[Found]], shared: Path) -> tuple[int, int]:
    expected = json.loads((shared / "seeds" / "expected.json").read_text(encoding="utf-8"))
    found_count = total = 0
    for name, doc in expected["documents"].items():
        raw = (shared / "seeds" / name).read_bytes()
        [article] = read_articles(raw, name).articles
        found = system(clean_article(article).body)
        for figure in doc["figures"]:
            total += 1
            surface = fold(figure["surface"])
            found_count += any(
                (surface in fold(f.surface) or fold(f.surface) in surface)
                and any(same(v, figure["value"]) for v in f.values)
                for f in found
            )
    return found_count, total


def main() -> int:
    args = shared_args(__doc__)
    if args is None:
        return 0
    folder = args.shared / "eval" / "quantulum3"
    if not folder.is_dir():
        print(f"skipped: {folder} is absent")
        return 0
    cases = json.loads((folder / "quantities.json").read_text(encoding="utf-8"))
    errors = [c["req"] if isinstance(c, dict) else c for c in json.loads(
        (folder / "errors.json").read_text(encoding="utf-8"))]  # fmt: skip
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    classifier = quantulum_classifier()
    systems = {"newsroom": ours(model), "quantulum3": quantulum(classifier)}
    admitted = sum(not outside_contract(g, c["req"]) for c in cases for g in c["res"])
    suite_size = (f"quantulum3 suite: {len(cases)} sentences, {sum(len(c['res']) for c in cases)} "
                  f"quantities ({admitted} that the contract counts as figures); errors.json: "
                  f"{len(errors)} sentences")  # fmt: skip
    print(suite_size + "\n")
    columns = ("value recall", "(contract)", "value prec.", "value+unit prec.", "crashes",
               "seed figures", "seconds")  # fmt: skip
    widths = (14, 12, 13, 18, 9, 14, 9)
    print(f"{'':12}" + "".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    missed: dict[str, list[str]] = {}
    spurious: dict[str, list[str]] = {}
    rows = []
    for name, system in systems.items():
        missed[name], spurious[name] = [], []
        tally = suite(system, cases, missed[name], spurious[name])
        broken = crashes(system, errors)
        seeds_found, seeds_total = seed_recall(system, args.shared)
        rows.append([
            name,
            f"{tally.recalled / tally.gold:.3f}",
            f"{tally.recalled_admitted / tally.admitted:.3f}",
            f"{tally.value_right / max(tally.predicted, 1):.3f}",
            f"{tally.unit_right / max(tally.predicted, 1):.3f}",
            str(broken),
            f"{seeds_found}/{seeds_total}",
            f"{tally.seconds:.1f}",
        ])  # fmt: skip
        print(f"{name:12}" + "".join(c.rjust(w) for c, w in zip(rows[-1][1:], widths, strict=True)))
    caption = f"The {suite_size}; seed figures: those of the seeds' expected.json found:"
    tables = [(caption, ["system", *columns], rows)]
    recognizers: dict[str, list[str]] = {}
    tables.append(recognizers_style.table(
        {"newsroom": (systems["newsroom"], False), "quantulum3": (systems["quantulum3"], True)},
        recognizers))  # fmt: skip
    sentences = newsquant.load(args.shared)
    news_errors: list[str] = []
    if sentences is not None:
        scores = []
        adapters = {"newsroom": (ours_newsquant(model), False, True),
                    "quantulum3": (quantulum_newsquant(classifier), True, False)}  # fmt: skip
        for name, (system, middles, has_change) in adapters.items():
            for part in (*newsquant.PARTS, "all"):
                chosen = [s for s in sentences if part in (s.part, "all")]
                shown = news_errors if name == "newsroom" and part == "tune" else None
                scores.append((name, part, newsquant.score(system, chosen, middles, shown),
                               has_change))  # fmt: skip
        header, news_rows = newsquant.table(scores)
        news_caption = (
            f"NewsQuant, the shared half ({len(sentences)} sentences, "
            f"{sum(len(s.gold) for s in sentences)} quantities), scored as CQE scores it "
            "(benchmarks/newsquant.py); `tune` is its even sentences, `held` its odd ones. "
            "CQE's published figures on the whole set: value F1 0.920, value+unit 0.856, "
            "value+change 0.881 (quoted, not run here):"
        )
        print("\n" + news_caption)
        print("  ".join(header))
        for row in news_rows:
            print("  ".join(row))
        tables.append((news_caption, header, news_rows))
    write_results("figures", *tables)
    if args.show_errors:
        for name in systems:
            print(f"\n{name} missed:")
            for line in missed[name]:
                print("  ", line)
            print(f"\n{name} found, with a value or unit not in the gold:")
            for line in spurious[name]:
                print("  ", line)
        print("\nnewsroom on the Recognizers-style sentences:")
        for line in recognizers["newsroom"]:
            print("  ", line)
        print("\nnewsroom on NewsQuant tune:")
        for line in news_errors:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
