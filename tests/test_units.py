"""The unit lexicon (`pipeline/figures/units.py`) on plain text: each family of units, currencies,
percents and rates, and the ordinary words and names they must not fire on."""

from __future__ import annotations

import pytest

from pipeline.figures.currencies import CURRENCY_WORDS, LOWER_CASE_NAMES
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
        ('The wheels are 22" wide.', "distance", "inch", 22),
        ("The board is 2 in thick.", "distance", "inch", 2),
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
        'He said "2002" and then "13,000" in a quotation opened a paragraph before.',
        "Sony's PS4 and PS5 sold well.",  # consoles, not pounds
        "Mrs 5 came.",
        "The board is 2 IN thick.",  # "in" is an inch only in lower case
        "The board is two in thick.",  # and only after digits
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


@pytest.mark.parametrize(
    ("text", "kind", "unit", "value"),
    [
        ("The star is 4.2 light years away.", "distance", "light year", 4.2),
        ("It orbits at 5.2 astronomical units.", "distance", "astronomical unit", 5.2),
        ("The galaxy is 3 megaparsecs away.", "distance", "megaparsec", 3),
        ("He won by two furlongs.", "distance", "furlong", 2),
        ("Levels of 35 µg/m³ of PM2.5.", "weight", "microgram", 35),
        ("A 24-carat diamond.", "weight", "carat", 24),
        ("Gold at 1,900 troy ounces.", "weight", "troy ounce", 1900),
        ("A harvest of 50 bushels.", "weight", "bushel", 50),
        ("Emissions of 36 gigatonnes of CO2.", "weight", "gigatonne", 36),
        ("A 15-kiloton bomb.", "weight", "kilotonne", 15),
        ("Emissions of 40 Mt a year.", "weight", "megatonne", 40),
        ("A flat of 650 sq. ft.", "area", "square foot", 650),
        ("A 900sqft flat.", "area", "square foot", 900),
        ("Wind at 40 km/s.", "speed", "kilometre per second", 40),
        ("It was 15 degrees C yesterday.", "temperature", "degree Celsius", 15),
        ("It hit 30 Celsius.", "temperature", "degree Celsius", 30),
        ("It hit 95 degrees F.", "temperature", "degree Fahrenheit", 95),
        ("It fell to 2 degrees below zero.", "temperature", "degree", -2),
        ("It stayed 3 degrees above zero.", "temperature", "degree", 3),
        ("It holds 3 cubic feet.", "other", "cubic foot", 3),
        ("They drank 5 pints.", "other", "pint", 5),
        ("A 12 fl oz can.", "other", "fluid ounce", 12),
        ("Glucose at 100 mg/dL.", "weight", "milligram", 100),
        ("It made 300 TWh last year.", "other", "terawatt hour", 300),
        ("Gas at 2.5 pence per therm.", "money", "GBP", 0.025),
        ("A 500 kcal meal.", "other", "kilocalorie", 500),
        ("A 2,000 calorie diet.", "other", "calorie", 2000),
        ("A 12,000 BTU unit.", "other", "british thermal unit", 12000),
        ("Gas at 3.5 MMBtu.", "other", "mega british thermal unit", 3.5),
        ("Collisions at 13 TeV and 125 GeV.", "other", "teraelectronvolt", 13),
        ("A 5,000mAh and 20Ah pack.", "other", "milliampere hour", 5000),
        ("It stores 10 petabytes.", "other", "petabyte", 10),
        ("It peaks at 70.72 teraflops.", "other", "teraflop", 70.72),
        ("A 48-megapixel camera.", "other", "megapixel", 48),
        ("Games run at 60fps.", "other", "frame per second", 60),
        ("A 15 milliseconds delay.", "duration", "millisecond", 15),
        ("Doses of 20 millisieverts.", "other", "millisievert", 20),
        ("Doses of 2 mSv.", "other", "millisievert", 2),
        ("Pressure of 960 millibars.", "other", "millibar", 960),
        ("Tyres at 32 psi.", "other", "pound per square inch", 32),
        ("Blood pressure of 140 mmHg.", "other", "millimetre of mercury", 140),
        ("Sugar at 5.5 mmol/L.", "other", "millimole", 5.5),
        ("A dose of 1,000 IU of vitamin D.", "other", "international unit", 1000),
        ("A heart rate of 180bpm.", "other", "beat per minute", 180),
        ("A bulb of 800 lumens.", "other", "lumen", 800),
        ("Light of 500 lux.", "other", "lux", 500),
    ],
)
def test_units_news_writes(text: str, kind: str, unit: str, value: float) -> None:
    a = scan(text)[0]
    assert (a.kind, a.unit) == (kind, unit)
    assert a.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "per", "value"),
    [
        ("Output of 1.2m bpd.", "barrel", "day", 1.2e6),
        ("Output of 474,000 b/d.", "barrel", "day", 474000),
        ("Demand of 9.5 mb/d.", "barrel", "day", 9.5e6),
        ("Reserves of 55 bcm.", "cubic metre", None, 55e9),
        ("Reserves of 20 tcf.", "cubic foot", None, 20e12),
        ("Glucose at 100 mg/dL.", "milligram", "decilitre", 100),
        ("PM2.5 at 35 µg/m³.", "microgram", "cubic metre", 35),
    ],
)
def test_units_holding_a_rate_or_a_scale(
    text: str, unit: str, per: str | None, value: float
) -> None:
    a = scan(text)[-1]
    assert (a.unit, a.per) == (unit, per)
    assert a.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The 12 MP voted.",  # a Member of Parliament, never megapixels
        "Some 650 MPs sat.",
        "The 55 AU members met.",  # the African Union
        "The 5 Lux brands and Mr Dong 5.",
        "The 3 IUs merged.",
        "COP 28 met.",  # the climate summit, not Colombian pesos
        "PHP 8 shipped.",  # the language, not Philippine pesos
        "The TOP 10 and ALL 5.",
        "The NIO ES8 and 5 NPR stations.",
        "The R 0.9 figure.",  # a reproduction number, not rand
        "R2-D2 came.",
        "The 2000 Millennium Declaration.",
        "Temperatures fell below zero.",
        "A 3 bar fire and 5 bars of soap.",
        "The 5 MS patients.",  # multiple sclerosis, not milliseconds
        "The 5 Sierra Leone players and 5 Lari.",
        "He went for a pint.",
    ],
)
def test_new_units_do_not_fire_on_words_and_names(text: str) -> None:
    assert all(a.kind in {"count", "ordinal"} for a in scan(text)), scan(text)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("It cost CHF 3.4bn.", "CHF", 3.4e9),
        ("It raised USD 2.3bn.", "USD", 2.3e9),
        ("A meal costs S$5.", "SGD", 5),
        ("Candy was 75¢.", "USD", 0.75),
        ("It cost NT$5,000.", "TWD", 5000),
        ("It cost R5bn.", "ZAR", 5e9),
        ("It cost R 2.5 million.", "ZAR", 2.5e6),
        ("It cost SR5bn.", "SAR", 5e9),
        ("It cost Dh3.67.", "AED", 3.67),
        ("It cost Rp5 trillion.", "IDR", 5e12),
        ("It cost KSh 5bn.", "KES", 5e9),
        ("It cost ₦500.", "NGN", 500),
        ("It cost RMB5bn.", "CNY", 5e9),
        ("It cost 500 Kč.", "CZK", 500),
        ("It cost 20,000 dong.", "VND", 20000),
        ("It cost 10 Egyptian pounds.", "EGP", 10),
        ("It cost 2bn reais.", "BRL", 2e9),
        ("It cost 1,546 trillion rials.", "IRR", 1.546e15),
        ("It cost 745bn Indian rupees.", "INR", 745e9),
        ("It cost 5 Pakistani rupees.", "PKR", 5),
        ("It cost 30 Kenyan shillings.", "KES", 30),
        ("It cost 5 cedis.", "GHS", 5),
        ("It cost 7.4bn Australian dollars.", "AUD", 7.4e9),
        ("It cost 9 Jordanian dinars.", "JOD", 9),
        ("It cost 100 Czech crowns.", "CZK", 100),
        ("It cost 3 QAR.", "QAR", 3),
        ("It cost 70 euro cents.", "EUR", 0.7),
        ("It cost 50 kobo.", "NGN", 0.5),
        ("The state will spend Rs 500 crore.", "INR", 5e9),
        ("It cost 5 lakh rupees.", "INR", 5e5),
        ("Sales of $1.2 bln.", "USD", 1.2e9),
        ("A profit of 12.5 mln euros.", "EUR", 12.5e6),
        ("Cuts of £35 bn.", "GBP", 35e9),
        ("The hot dog cost a dollar fifty.", "USD", 1.5),
        ("The fine is twenty dollars and fifty cents.", "USD", 20.5),
        ("It cost two pounds fifty.", "GBP", 2.5),
        ("It cost five pounds and 20p.", "GBP", 5.2),
    ],
)
def test_currencies_of_the_world(text: str, unit: str, value: float) -> None:
    [a] = scan(text)
    assert (a.kind, a.unit) == ("money", unit)
    assert a.value == pytest.approx(value)


def test_every_currency_name_is_read() -> None:
    for name, code in CURRENCY_WORDS.items():
        written = name if name in LOWER_CASE_NAMES else name.title()
        assert one(f"It cost 12 {written} today.")[2:4] == ("money", code), name


@pytest.mark.parametrize(
    "text",
    [
        "He paid 20 dollars fifty times.",
        "It cost 20 dollars 50 years ago.",
        "He paid 20 dollars and 50 pence.",  # pence are not of dollars
        "He owes a pound.",
    ],
)
def test_minor_units_only_after_their_own_major(text: str) -> None:
    assert all(a.value in {20, 50, 0.5} for a in scan(text)), scan(text)


def test_sizes_in_metres_are_no_millions() -> None:
    assert [(a.value, a.unit) for a in scan("The bedroom is 4m x 5m.")] == [
        (4, "metre"),
        (5, "metre"),
    ]
