"""Figure rules as named data: number words, scales, currencies, units, qualifiers, events.

Everything the scanner (`scan.py`) and the extractor (`extract.py`) recognise is listed here, so
a new unit or cue word is one line; `tests/test_figures.py` checks examples of each.
"""

from __future__ import annotations

import re

from pipeline.wordlist import words

# -- numbers ---------------------------------------------------------------------------------


# Words that multiply what precedes them ("five thousand", "1.5 billion", "£4.5bn").
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}

# Abbreviated scales glued to or right after digits ("£4.5bn", "$3m", "0.5k miles", "€10B").
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "M": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "T": 1e12,
}

# Fractions written as words ("two thirds", "one sixth", "half a million").
FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip

VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip

DOZEN = {"dozen": 12, "dozens": 12, "score": 20}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "hundredth": 100,
}  # fmt: skip

# -- money -----------------------------------------------------------------------------------

# Symbols and prefixed symbols, longest first where one is a prefix of another.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY", "₪": "ILS", "zł": "PLN",
}  # fmt: skip

# ISO 4217 codes written before or after the amount ("GBP 40", "40 EUR").
CURRENCY_CODES = words(
    """GBP USD EUR JPY CNY RMB INR RUB UAH CHF CAD AUD NZD HKD SGD SEK NOK DKK PLN CZK HUF TRY
    ZAR BRL MXN KRW ILS AED SAR NGN KES EGP PKR BDT"""
)

# Currency names after the amount ("1.5 billion euros", "10 000 dollars").
CURRENCY_WORDS: dict[str, str] = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "pounds sterling": "GBP",
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
    "hryvnias": "UAH", "franc": "CHF", "francs": "CHF", "swiss francs": "CHF",
}  # fmt: skip

# Minor units: the value is in the major unit ("50p" is 0.5 GBP).
MINOR_CURRENCY: dict[str, tuple[str, float]] = {
    "p": ("GBP", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
    "cent": ("USD", 0.01), "cents": ("USD", 0.01),
}  # fmt: skip

# -- units -----------------------------------------------------------------------------------

# Surface form (case-insensitive unless listed in CASE_SENSITIVE_UNITS) -> (kind, unit).
UNITS: dict[str, tuple[str, str]] = {}


def _add(kind: str, unit: str, *forms: str) -> None:
    for form in forms:
        UNITS[form] = (kind, unit)


_add("distance", "mile", "mile", "miles", "mi")
_add("distance", "nautical mile", "nautical mile", "nautical miles", "nmi")
_add("distance", "kilometre", "kilometre", "kilometres", "kilometer", "kilometers", "km", "kms")
_add("distance", "metre", "metre", "metres", "meter", "meters")
_add("distance", "centimetre", "centimetre", "centimetres", "centimeter", "centimeters", "cm")
_add("distance", "millimetre", "millimetre", "millimetres", "millimeter", "millimeters", "mm")
_add("distance", "nanometre", "nanometre", "nanometres", "nanometer", "nanometers", "nm")
_add("distance", "picometre", "picometre", "picometres", "picometer", "picometers", "pm")
_add("distance", "foot", "foot", "feet", "ft")
_add("distance", "inch", "inch", "inches")
_add("distance", "yard", "yard", "yards", "yd")
_add("duration", "second", "second", "seconds", "sec", "secs")
_add("duration", "minute", "minute", "minutes", "min", "mins")
_add("duration", "hour", "hour", "hours", "hr", "hrs")
_add("duration", "day", "day", "days")
_add("duration", "week", "week", "weeks")
_add("duration", "fortnight", "fortnight", "fortnights")
_add("duration", "month", "month", "months")
_add("duration", "year", "year", "years", "yr", "yrs")
_add("duration", "decade", "decade", "decades")
_add("duration", "century", "century", "centuries")
_add("weight", "kilogram", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kg", "kgs")
_add("weight", "gram", "gram", "grams", "gramme", "grammes", "g")
_add("weight", "milligram", "milligram", "milligrams", "mg")
_add("weight", "tonne", "tonne", "tonnes", "metric ton", "metric tons", "t")
_add("weight", "ton", "ton", "tons")
_add("weight", "pound", "lb", "lbs")
_add("weight", "ounce", "ounce", "ounces", "oz")
_add("weight", "stone", "stone")
_add("area", "square kilometre", "square kilometres", "square kilometre", "square kilometers",
     "square kilometer", "sq km", "km2", "km²", "km^2")  # fmt: skip
_add("area", "square mile", "square miles", "square mile", "sq mi", "sq miles", "mi2", "mi²")
_add("area", "square metre", "square metres", "square metre", "square meters", "square meter",
     "sq m", "m2", "m²")  # fmt: skip
_add("area", "square foot", "square feet", "square foot", "sq ft")
_add("area", "hectare", "hectare", "hectares", "ha")
_add("area", "acre", "acre", "acres")
_add("speed", "mile per hour", "mph", "miles per hour", "miles an hour")
_add("speed", "kilometre per hour", "km/h", "kmh", "kph", "kilometres per hour",
     "kilometers per hour", "kilometres an hour")  # fmt: skip
_add("speed", "metre per second", "m/s", "metres per second", "meters per second")
_add("speed", "knot", "knot", "knots")
_add("temperature", "degree Celsius", "°C", "ºC", "degrees Celsius", "degree Celsius",
     "degrees centigrade", "C")  # fmt: skip
_add("temperature", "degree Fahrenheit", "°F", "ºF", "degrees Fahrenheit", "degree Fahrenheit",
     "F")  # fmt: skip
_add("temperature", "degree", "degrees", "degree", "°")
_add("other", "cubic kilometre", "cubic kilometres", "cubic kilometre", "cubic kilometers",
     "cubic kilometer", "km3", "km³", "km^3", "km cubed")  # fmt: skip
_add("area", "square kilometre", "km squared")
_add("other", "ton per day", "tpd", "tons per day", "tonnes per day")
_add("other", "kibibyte", "kibibyte", "kibibytes", "KiB")
_add("duration", "gigayear", "gigayear", "gigayears", "gigaannum", "gigaanna", "Ga")
_add("duration", "megayear", "megayear", "megayears", "megaannum", "Ma")
_add("other", "cubic metre", "cubic metres", "cubic meters", "m3", "m³")
_add("other", "cubic centimetre", "cubic centimetres", "cc", "ml", "millilitre", "millilitres",
     "milliliter", "milliliters")  # fmt: skip
_add("other", "litre", "litre", "litres", "liter", "liters", "l", "L")
_add("other", "centilitre", "centilitre", "centilitres", "cl")
_add("other", "gallon", "gallon", "gallons")
_add("other", "barrel", "barrel", "barrels")
_add("other", "byte", "byte", "bytes")
_add("other", "kilobyte", "kilobyte", "kilobytes", "KB", "kB")
_add("other", "megabyte", "megabyte", "megabytes", "MB")
_add("other", "gigabyte", "gigabyte", "gigabytes", "GB")
_add("other", "terabyte", "terabyte", "terabytes", "TB")
_add("other", "exabyte", "exabyte", "exabytes", "EB")
_add("other", "bit", "bit", "bits")
_add("other", "watt", "watt", "watts", "W")
_add("other", "kilowatt", "kilowatt", "kilowatts", "kW")
_add("other", "megawatt", "megawatt", "megawatts", "MW")
_add("other", "gigawatt", "gigawatt", "gigawatts", "GW")
_add("other", "kilowatt hour", "kilowatt hour", "kilowatt hours", "kWh")
_add("other", "megawatt hour", "megawatt hour", "megawatt hours", "MWh")
_add("other", "gigawatt hour", "gigawatt hour", "gigawatt hours", "GWh")
_add("other", "watt hour", "watt hour", "watt hours", "Wh")
_add("other", "electronvolt", "electronvolt", "electronvolts", "eV")
_add("other", "teraelectronvolt", "teraelectronvolts", "TeV")
_add("other", "gigahertz", "gigahertz", "GHz")
_add("other", "megahertz", "megahertz", "MHz")
_add("other", "milligray", "milligray", "mGy")
_add("other", "calorie", "calorie", "calories", "kcal")
_add("other", "cup", "cup", "cups")
_add("other", "tablespoon", "tablespoon", "tablespoons", "tbsp")
_add("other", "teaspoon", "teaspoon", "teaspoons", "tsp")
_add("other", "kelvin", "kelvin", "K")

# Abbreviations too short or too common to match regardless of case ("C" is not "c").
CASE_SENSITIVE_UNITS = frozenset(
    {"C", "F", "L", "l", "W", "K", "Ga", "Ma", "KiB",
     "MB", "GB", "TB", "KB", "kB", "EB", "MW", "GW", "kW", "t", "g",
     "pm", "cc", "ha", "in", "nm", "mi", "ft", "oz", "eV", "TeV", "Wh", "kWh", "MWh", "GWh", "mGy"}
)  # fmt: skip

# Short unit forms that need digits right before them ("5 ft", "10kg"), never a number word:
# "two l" or "five t" are not quantities.
ABBREVIATED_UNITS = frozenset(
    form for form in UNITS if len(form) <= 3 and form not in {"day", "ton", "cup", "bit"}
)

# Unit words that are common words too: a unit only where what follows reads as a measure
# ("2 in thick", "the pencil is 2 in."), never in "2 in 5 people".
_add("distance", "inch", "in")
CONTEXT_UNITS: dict[str, re.Pattern[str]] = {
    "in": re.compile(r"\s*(?:thick|long|wide|tall|high|deep|across|diameter|\.?\s*$|[.,;:)])"),
}

PERCENT_FORMS: dict[str, str] = {
    "%": "percent",
    "per cent": "percent",
    "percent": "percent",
    "pc": "percent",
    "percentage point": "percentage point",
    "percentage points": "percentage point",
    "basis points": "basis point",
}

# -- qualifiers ------------------------------------------------------------------------------

# Words before an amount -> the contract's qualifier. Longest phrases are tried first.
QUALIFIERS: dict[str, str] = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "c.": "approx",
    "~": "approx", "just under": "approx", "just over": "approx", "somewhere around": "approx",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "at most": "at_most", "no more than": "at_most",
    "a maximum of": "at_most", "more than": "more_than", "over": "more_than",
    "above": "more_than", "in excess of": "more_than", "upwards of": "more_than",
    "exceeding": "more_than", "fewer than": "less_than", "less than": "less_than",
    "under": "less_than", "below": "less_than", "up to": "up_to",
}  # fmt: skip

# -- events ----------------------------------------------------------------------------------

# Lemmas of the words that say what happened to the people counted ("were killed", "injured",
# "18 dead", "16 deaths").
EVENTS: dict[str, str] = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed",
    "fatality": "killed", "murder": "killed", "slay": "killed", "perish": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "injury": "injured",
    "injured": "injured", "wounded": "injured", "hospitalise": "injured",
    "hospitalize": "injured", "arrest": "arrested", "detain": "arrested",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced",
    "homeless": "displaced", "missing": "missing", "disappear": "missing",
    "kidnap": "kidnapped", "abduct": "kidnapped", "rescue": "rescued",
    "infect": "infected", "sicken": "infected", "strand": "stranded", "trap": "trapped",
}  # fmt: skip

# Nouns for people: a count of these (or of no noun at all) can carry an event.
PEOPLE = words(
    """people person persons children child kids adults men women boys girls babies infants
    civilians soldiers troops servicemen personnel residents passengers students pupils
    workers staff employees protesters demonstrators migrants refugees victims journalists
    reporters officers policemen police firefighters fighters militants patients tourists
    pilgrims prisoners inmates hostages citizens villagers teenagers minors elderly
    pensioners crew members miners sailors others"""
)

# -- not figures -----------------------------------------------------------------------------


# Words before a number that make it a name or an address, not an amount: "Number 10",
# "No. 10", "Room 101", "Flight 370", "Article 5".
NAME_BEFORE = words(
    """Number No No. Nos Room Flight Article Section Chapter Page Route Highway Interstate Gate
    Platform Terminal Level Grade Apollo Voyager Windows Vision Agenda Resolution Code Class
    Category Type Mark Model Series Phase Stage Season Episode Volume Vol. Act Part Bill"""
)

# Street words after a number and a capitalised name make it an address ("10 Downing Street").
STREET_WORDS = words(
    """Street St Road Rd Avenue Ave Lane Ln Drive Dr Boulevard Blvd Place Pl Square Sq Close
    Court Crescent Terrace Way Row Gardens Hill Parade Walk Mews"""
)

# Entity labels whose spans never hold figures: numbers inside names ("G7", "Voyager 2").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
                         "LAW", "NORP", "LANGUAGE"})  # fmt: skip
