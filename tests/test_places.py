"""Places geocoded offline: the packaged gazetteer, ambiguity settled by the places the same
articles name, and the `entities` columns it fills (`pipeline/entities/places.py`)."""

import sqlite3

import pytest

from pipeline.entities import entity_tables
from pipeline.entities.places import (
    CITIES_MIN_POPULATION,
    CITY_NAME_PREFIXES,
    COUNTRY_FORMS,
    KIND_RANK,
    MISLABELLED_PLACE_LABELS,
    NATION_REGIONS,
    NEAR_KM,
    REGION_FORMS,
    TOWNS_MIN_POPULATION,
    WEAK_CONTEXT_MAX_RATIO,
    Candidate,
    StoredNames,
    choose,
    gazetteer,
    own_place,
)
from pipeline.lexicon.variants import KNOWN_FORMS
from tests.test_entities import table


def where(name: str, *context: str) -> Candidate | None:
    """The place `name` means when one article also names each of `context`."""
    found = gazetteer()
    around = [(p, 1) for c in context if (p := choose(found.candidates([c]))) is not None]
    return choose(found.candidates([name]), around)


def country(name: str, *context: str) -> str | None:
    place = where(name, *context)
    return place.place.country if place else None


def near(place: Candidate | None, latitude: float, longitude: float) -> bool:
    assert place is not None and place.place.latitude is not None
    assert place.place.longitude is not None
    return (
        abs(place.place.latitude - latitude) < 0.5 and abs(place.place.longitude - longitude) < 0.5
    )


def test_paris_is_in_france_unless_its_articles_name_texas() -> None:
    assert near(where("Paris"), 48.86, 2.35)
    assert near(where("Paris", "Texas"), 33.66, -95.56)
    assert near(where("Paris", "Dallas"), 33.66, -95.56)  # a city of the same state
    assert country("Paris", "US") == "FR"  # the US alone is weak: Paris, Texas is 86x smaller
    assert country("Paris", "France", "Texas") in {"FR", "US"}


def test_birmingham_is_in_england_unless_alabama_or_the_us() -> None:
    assert near(where("Birmingham"), 52.48, -1.90)
    assert country("Birmingham", "England") == "GB"
    assert near(where("Birmingham", "Alabama"), 33.52, -86.80)
    assert country("Birmingham", "US") == "US"  # not much smaller: the country's mention counts


def test_georgia_is_the_country_unless_its_articles_are_american() -> None:
    alone = where("Georgia")
    assert alone is not None and alone.kind == "country"
    assert country("Georgia", "Tbilisi") == "GE"
    assert country("Georgia", "US") == "GE"  # a country yields to strong context alone
    assert country("Athens", "US") == "GR"  # and so does a capital
    assert country("Athens", "Chicago") == "GR"  # not Lemont, Illinois, once called Athens
    state = where("Georgia", "Atlanta")
    assert state is not None and (state.kind, state.place.country) == ("region", "US")


def test_kyiv_and_kiev_are_one_city() -> None:
    kyiv, kiev = where("Kyiv"), where("Kiev")
    assert kyiv is not None and kiev is not None and kyiv.place == kiev.place
    assert near(kiev, 50.45, 30.52) and kyiv.place.country == "UA"


def test_london_and_washington() -> None:
    assert near(where("London"), 51.51, -0.13)
    assert country("London", "Canada") == "GB"  # London, Ontario is 21 times smaller
    assert country("London", "Kitchener") == "CA"  # but a city near it says so
    assert near(where("Washington"), 38.90, -77.04)  # the capital over the state
    assert near(where("Washington", "Seattle"), 47.61, -122.33)  # the state, at its largest city


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("the UK", "GB"),
        ("United Kingdom", "GB"),
        ("the US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("the Netherlands", "NL"),
        ("Côte d'Ivoire", "CI"),
        ("South Korea", "KR"),
        ("Iran", "IR"),
        ("Scotland", "GB"),
        ("Wales", "GB"),
        ("Texas", "US"),
        ("Republic of Ireland", "IE"),
    ],
)
def test_country_names_give_their_iso_code(name: str, code: str) -> None:
    assert country(name) == code


def test_a_country_has_its_capitals_coordinates() -> None:
    assert near(where("France"), 48.86, 2.35) and near(where("Ukraine"), 50.45, 30.52)


def test_continents_have_no_country() -> None:
    for name in ("Europe", "Africa", "Asia"):
        place = where(name)
        assert place is not None and place.place.country is None and place.kind == "continent"


def test_unknown_names_are_no_place() -> None:
    for name in ("Narnia", "Middle East", "Downing Street", "Lodnon", "Parris", "South East"):
        assert where(name) is None
    assert gazetteer().candidates(["Narnia", "Kiev"])[0].place.country == "UA"  # then aliases


def test_a_place_after_directions_is_that_place() -> None:
    assert country("west London") == "GB" and country("eastern Ukraine") == "UA"
    assert near(where("South Wales", "England"), 51.48, -3.18)  # Wales, at Cardiff
    assert where("South Wales") is None  # a region after directions needs support
    assert where("East Midlands", "England") is None  # Midlands, Zimbabwe has none
    assert country("South Africa") == "ZA" and country("West Virginia") == "US"  # whole names
    assert where("North-East") is None and where("Far East") is None
    assert where("Central America") is None and where("Middle America", "Ohio") is None


def test_a_tie_across_countries_is_no_place() -> None:
    assert where("Punjab") is None  # a state of India and a province of Pakistan
    assert country("Punjab", "Lahore") == "PK"


def test_rules_are_data() -> None:
    assert KIND_RANK["country"] < KIND_RANK["capital"] < KIND_RANK["city"] < KIND_RANK["district"]
    assert NEAR_KM > 0 and WEAK_CONTEXT_MAX_RATIO > 1
    assert all(country(form) == code for form, code in COUNTRY_FORMS.items())
    for form, (full, label) in KNOWN_FORMS.items():  # the variants entities resolve
        if label == "GPE" and full != "Soviet Union":  # no country now
            assert country(form) == country(full) is not None, form


def test_entities_carry_their_place_from_the_articles_context() -> None:
    rows = [
        ("a", "Paris", "GPE", "Paris"),
        ("a", "Texas", "GPE", "Texas"),
        ("b", "Kiev", "GPE", "Kiev"),
        ("c", "Birmingham", "GPE", "Birmingham"),
        ("d", "Gondor", "GPE", "Gondor"),
        ("d", "Jane Smith", "PERSON", "Jane Smith"),
        ("d", "Europe", "LOC", "Europe"),
    ]
    entities = entity_tables({"b": table(rows)}).entities
    by_name = {e["name"]: e for e in entities.to_pylist()}
    assert by_name["Paris"]["country"] == "US"  # its one article names Texas
    assert (by_name["Kiev"]["country"], by_name["Kiev"]["geonames_id"]) == ("UA", 703448)
    assert by_name["Birmingham"]["country"] == "GB"
    for nowhere in ("Gondor", "Jane Smith"):
        assert [by_name[nowhere][c] for c in ("country", "latitude", "longitude")] == [None] * 3
    assert by_name["Europe"]["country"] is None and by_name["Europe"]["latitude"] is not None


def test_the_place_is_decided_by_most_of_its_articles() -> None:
    rows = [("t", "Paris", "GPE", "Paris"), ("t", "Texas", "GPE", "Texas")]
    rows += [(f"f{i}", "Paris", "GPE", "Paris") for i in range(3)]
    rows += [(f"f{i}", "France", "GPE", "France") for i in range(3)]
    by_name = {e["name"]: e for e in entity_tables({"b": table(rows)}).entities.to_pylist()}
    assert by_name["Paris"]["country"] == "FR"


def test_a_nation_region_is_no_neighbourhood() -> None:
    # England is one admin1 region: only a city near it supports Washington, Tyne and Wear.
    assert ("GB", "ENG") in NATION_REGIONS
    assert country("Washington", "Bristol") == "US"
    assert country("Washington", "Sunderland") == "GB"
    assert country("Perth", "Scotland") == "GB" and country("Perth") == "AU"  # the region named


def test_a_country_named_supports_its_own_places() -> None:
    assert country("Athens", "Greece", "Chicago") == "GR"
    assert country("Paris", "US") == "FR"  # still no more than its country for a far smaller one


def test_a_spelling_of_the_own_name_and_city_of_x_are_own_names() -> None:
    assert "city of " in CITY_NAME_PREFIXES
    assert country("Westminster") == "GB"  # "City of Westminster" over Westminster, Colorado
    assert country("Odessa") == "UA" and country("Hanover") == "DE"  # Odesa, Hannover
    assert country("Hindi") == "UA"  # an alternate name unlike the own name stays an alias


def test_region_forms_and_suffixes() -> None:
    assert all(country(form) == code[:2] for form, code in REGION_FORMS.items())
    assert country("Bavaria") == "DE" and country("Sicily") == "IT"
    state = where("Washington State")
    assert state is not None and (state.kind, state.place.country) == ("region", "US")


def test_towns_need_their_country_named() -> None:
    assert TOWNS_MIN_POPULATION < CITIES_MIN_POPULATION
    assert where("Alnwick") is None  # a town of ~8,000: no context, no place
    assert country("Alnwick", "England") == "GB" and country("Hexham", "Scotland") == "GB"
    assert where("Alnwick", "Canada") is None
    assert where("South Yorkshire", "US") is None  # no town after directions


def test_a_doubtful_place_abroad_is_no_place() -> None:
    assert country("Hindi", "India") is None  # Mariupol's alternate name, in an Indian story
    assert country("Oban", "England") == "GB"  # the Scottish town, its country named


def test_org_and_fac_entities_that_are_unmistakably_places() -> None:
    rows = [
        ("a", "Samoa", "ORG", "Samoa"),  # a country's side
        ("a", "Andhra Pradesh", "ORG", "Andhra Pradesh"),
        ("a", "India", "GPE", "India"),
        ("b", "Leeds", "ORG", "Leeds"),  # a club named by its town
        ("b", "Devon", "PERSON", "Devon"),
        ("b", "Bristol", "GPE", "Bristol"),
    ]
    assert {"ORG", "FAC"} == MISLABELLED_PLACE_LABELS
    by_name = {e["name"]: e for e in entity_tables({"b": table(rows)}).entities.to_pylist()}
    assert by_name["Samoa"]["country"] == "WS" and by_name["Andhra Pradesh"]["country"] == "IN"
    assert by_name["Leeds"]["country"] is None and by_name["Devon"]["country"] is None


def test_two_names_of_one_place_are_one_entity() -> None:
    rows = [("a", "Russia", "GPE", "Russia"), ("b", "Russia", "GPE", "Russia")]
    rows += [("b", "Russian Federation", "GPE", "Russian Federation")]
    rows += [("c", "west London", "GPE", "west London"), ("c", "London", "GPE", "London")]
    linked = entity_tables({"b": table(rows)})
    by_name = {e["name"]: e for e in linked.entities.to_pylist()}
    assert sorted(by_name["Russia"]["aliases"]) == ["Russia", "Russian Federation"]  # most used
    assert by_name["Russia"]["n_docs"] == 2 and "Russian Federation" not in by_name
    assert {"London", "west London"} <= by_name.keys()  # a part is no whole
    assert [own_place(n) for n in ("Holland", "Bombay", "New York", "west London")] == [None] * 4
    assert own_place("Russia") == own_place("Russian Federation") != own_place("Mumbai")


def test_the_gazetteer_read_from_the_index_is_the_one_built() -> None:
    """A corpus update reads the names it looks up from the index's `gaz_names`, not the whole
    gazetteer: every name reads back the same places, field for field."""
    built = gazetteer().names
    stored = StoredNames(sqlite3.connect(":memory:"))
    assert len(stored) == len(built)
    assert all(stored[key] == places for key, places in built.items())
    assert "atlantis of the north" not in stored
