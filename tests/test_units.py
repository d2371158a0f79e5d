"""The unit lexicon (`pipeline/figures/units.py`) on plain text: each family of units, currencies,
percents and rates, and the ordinary words and names they must not fire on."""

from __future__ import annotations

import pytest

from pipeline.figures.scan import scan
from pipeline.figures.units import CURRENCY_SYMBOLS, PREFIX_SYMBOLS, UNITS


def one(text: str) -> tuple[str, float, str, str | None, str | None]:
    """(surface, value, kind, unit, per) of the single amount in `text`."""
    [a] = scan(text)
    return text[a.start : a.end], a.value, a.kind, a.unit, a.per


def units(text: str) -> list[str | None]:
    return [a.unit for a in scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "unit", "value"),
    [
        ("The screen refreshes at 120Hz.", "other", "hertz", 120),
        ("A 2.4 GHz chip.", "other", "gigahertz", 2.4),
        ("It broadcasts on 95.8 MHz.", "other", "megahertz", 95.8),
        ("The engine makes 640 bhp.", "other", "brake horsepower", 640),
        ("The engine makes 300hp.", "other", "horsepower", 300),
        ("It makes 470 lb-ft of torque.", "other", "pound-foot", 470),
        ("It makes 470 pound-feet of torque.", "other", "pound-foot", 470),
        ("It makes 400 Nm of torque.", "other", "newton metre", 400),
        ("Wavelengths of 2.4 μm.", "distance", "micrometre", 2.4),
        ("Particles of 2.5 µm.", "distance", "micrometre", 2.5),
        ("Fibres 10 microns wide.", "distance", "micrometre", 10),
        ("Lead at 15 ppb.", "other", "part per billion", 15),
        ("CO2 at 415 ppm.", "other", "part per million", 415),
        ("It returns 29 mpg.", "other", "mile per gallon", 29),
        ("It idles at 800 rpm.", "other", "revolution per minute", 800),
        ("A 4500 mAh battery.", "other", "milliampere hour", 4500),
        ("It reached 113 gigapascals.", "other", "gigapascal", 113),
        ("Pressure fell to 950 hPa.", "other", "hectopascal", 950),
        ("It was 120 decibels loud.", "other", "decibel", 120),
        ("Noise of 85dB.", "other", "decibel", 85),
        ("A 400 kV line.", "other", "kilovolt", 400),
        ("Add 50mL of acid.", "other", "millilitre", 50),
        ("Add 50 ml of acid.", "other", "millilitre", 50),
        ("It used 300 kWh.", "other", "kilowatt hour", 300),
        ("It used 300 kilowatt-hours.", "other", "kilowatt hour", 300),
        ("Downloads at 8 Mbps.", "other", "megabit per second", 8),
        ("The neck is 25.5″ long.", "distance", "inch", 25.5),
        ('A 55" screen.', "distance", "inch", 55),
        ("It weighs 5 kilos.", "weight", "kilogram", 5),
        ("He averaged 7.3 points a game.", "other", "point", 7.3),
        ("The index closed 1,478 points higher.", "other", "point", 1478),
    ],
)
def test_physical_units(text: str, kind: str, unit: str, value: float) -> None:
    [a] = scan(text)
    assert (a.kind, a.unit, a.value) == (kind, unit, value)


def test_unit_words_are_read_in_any_case() -> None:
    for form, (kind, unit) in UNITS.items():
        if form.isalpha() and len(form) > 3:
            assert one(f"It was 12 {form} there.")[2:4] == (kind, unit), form
    assert one("Sea levels rise 11 FEET per century.")[2:] == ("distance", "foot", "century")


@pytest.mark.parametrize(
    "text",
    [
        "The HZ brand sold 300 hz units.",  # "hz" is not "Hz"
        "They bought 5 PC monitors.",  # "PC" is not "pc"
        "The 3 HP printers.",
        "Shares in 5 DB fell.",
        "He scored 5 try and 2 won.",  # words, not Turkish lira or won
        "He has a degree in law and a bit of luck after a foot injury.",
        "At a point the team made a ton of changes.",
        'The "Group of 7" met.',  # a closing quotation mark, not inches
        "Sony's PS4 and PS5 sold well.",  # consoles, not pounds
        "Mrs 5 came.",
    ],
)
def test_units_do_not_fire_on_words_and_names(text: str) -> None:
    assert all(a.kind in {"count", "ordinal"} for a in scan(text)), scan(text)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("It cost 3.23 shekels.", "ILS", 3.23),
        ("It cost NIS 40.", "ILS", 40),
        ("It cost 500 NIS.", "ILS", 500),
        ("It cost RM50.", "MYR", 50),
        ("It cost 30bn baht.", "THB", 30e9),
        ("It cost 154m naira.", "NGN", 154e6),
        ("It cost Rs.500.", "INR", 500),
        ("It cost Rs 500.", "INR", 500),
        ("It cost 2,000 rupees.", "INR", 2000),
        ("It cost 7.5 million Danish crowns.", "DKK", 7.5e6),
        ("It cost 100 kroner.", "DKK", 100),
        ("It cost 100 Swedish kronor.", "SEK", 100),
        ("It cost 5,000 South Korean won.", "KRW", 5000),
        ("It cost 20 rand.", "ZAR", 20),
        ("It cost CHF 40.", "CHF", 40),
        ("It cost $US55,931,000.", "USD", 55931000),
        ("It cost $A82,615,680.", "AUD", 82615680),
        ("It cost A$5.", "AUD", 5),
        ("It cost C$5.", "CAD", 5),
        ("It cost HK$5.", "HKD", 5),
        ("Sony fell to Y=5,182.", "JPY", 5182),
        ("A package worth PS2.7m.", "GBP", 2.7e6),
        ("An PS8.1bn takeover.", "GBP", 8.1e9),
        ("It cost 50p.", "GBP", 0.5),
        ("It cost 63 cents.", "USD", 0.63),
        ("It cost 50c.", "USD", 0.5),
        ("It cost 50 sen.", "MYR", 0.5),
        ("It cost 50 kopecks.", "RUB", 0.5),
    ],
)
def test_currencies(text: str, unit: str, value: float) -> None:
    [a] = scan(text)
    assert (a.kind, a.unit) == ("money", unit)
    assert a.value == pytest.approx(value)


def test_every_currency_symbol_is_read() -> None:
    for symbol, code in CURRENCY_SYMBOLS.items():
        after = symbol[-1].isalpha() and symbol not in PREFIX_SYMBOLS
        text = f"It cost 12 {symbol} today." if after else f"It cost {symbol}12.5m."
        assert one(text)[2:4] == ("money", code), symbol


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Up 5pc.", "percent"),
        ("Up 5 per cent.", "percent"),
        ("Up 5 percent.", "percent"),
        ("Up 5%.", "percent"),
        ("Up 0.5 percentage points.", "percentage point"),
        ("Up 60 basis points.", "basis point"),
        ("A 60 basis point improvement.", "basis point"),
        ("Up 25bp.", "basis point"),
    ],
)
def test_percents(text: str, unit: str) -> None:
    [a] = scan(text)
    assert (a.kind, a.unit) == ("percent", unit)


@pytest.mark.parametrize(
    ("text", "unit", "per"),
    [
        ("Oil rose to $58.24 per barrel.", "USD", "barrel"),
        ("Spot gold was at $1,271.2 an ounce.", "USD", "ounce"),
        ("A loss of 63 cents per share.", "USD", "share"),
        ("A rate of $80 per sq m.", "USD", "square metre"),
        ("It cost $21.25 per square foot.", "USD", "square foot"),
        ("Petrol averaged $2.11 per gallon.", "USD", "gallon"),
        ("Oil at $60/bbl.", "USD", "barrel"),
        ("Rice at $3/kg.", "USD", "kilogram"),
        ("Income of $5,000 per capita.", "USD", "capita"),
        ("A salary of £35,000 a year.", "GBP", "year"),
        ("Interest of £50 per annum.", "GBP", "year"),
        ("He worked 3 hours a day.", "hour", "day"),
        ("Sea levels rise 11 feet per century.", "foot", "century"),
        ("They ran 3,000 per day.", None, "day"),
    ],
)
def test_rates(text: str, unit: str | None, per: str) -> None:
    [a] = scan(text)
    assert (a.unit, a.per) == (unit, per)
    assert text[a.end :] == "."  # the rate is in the figure's surface


def test_a_rate_after_an_aside_leaves_the_aside_its_amounts() -> None:
    shekels, dollars = scan("A 9 billion shekels ($2.408 billion) a year industry.")
    assert (shekels.unit, shekels.per, shekels.value) == ("ILS", "year", 9e9)
    assert (dollars.unit, dollars.per, dollars.value) == ("USD", None, 2.408e9)


@pytest.mark.parametrize(
    "text",
    [
        "It raised $5m a year ago.",
        "It paid $5m a day later.",
        "It paid $5, per the report.",
        "They won 5 a side.",
        "Prices rose 5% a year.",  # a percent is a ratio already
    ],
)
def test_not_rates(text: str) -> None:
    assert all(a.per is None for a in scan(text))


def test_an_ounce_after_a_price_is_its_rate_not_an_amount() -> None:
    assert [a.value for a in scan("Gold was at $1,271.2 an ounce.")] == [1271.2]
    assert one("He drank a gallon of milk.")[1:4] == (1.0, "other", "gallon")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Shares rose to A$1.20, up 10.4 cents.", "AUD"),
        ("It cost €5; a coffee is 80 cents.", "EUR"),
        ("It cost £5 and 80 cents.", "USD"),  # the pound has pence, not cents
        ("It cost 80 cents.", "USD"),
    ],
)
def test_cents_take_the_currency_of_their_paragraph(text: str, unit: str) -> None:
    cents = scan(text)[-1]
    assert (cents.unit, cents.value) == (unit, pytest.approx(float(text.split()[-2]) / 100))


@pytest.mark.parametrize(
    "text",
    ["It costs £2 a bit more.", "He won £5 a second time.", "It rose to $5, per the report."],
)
def test_idioms_after_an_amount_are_no_rates(text: str) -> None:
    assert all(a.per is None for a in scan(text))
