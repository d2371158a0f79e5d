"""The unit lexicon as data: what can stand by a number and say what it measures.

- Physical units (`UNITS`): each written form to its dimension (the contract's `kind`) and its
  normalised unit, singular ("5 kilometres", "5km", "5 KM" are all `kilometre`).
- Currencies: symbols and codes written before the amount, names after it, minor units with
  their scale ("50p" is 0.5 GBP); the figure's unit is the ISO 4217 code.
- Percent forms, percentage points and basis points.
- Rates (`DENOMINATORS`): what an amount is per ("$58 per barrel", "$1,271 an ounce",
  "3,000 tests a day"): the contract's `per`, singular; the unit stays the numerator's.

A new unit is one line here; `tests/test_units.py` checks each family on plain text.
"""

from __future__ import annotations

import re

# The currencies' codes and names, re-exported with the rest of the unit lexicon.
from pipeline.figures.currencies import CURRENCY_CODES, CURRENCY_WORDS, LOWER_CASE_NAMES
from pipeline.wordlist import words

# -- money -----------------------------------------------------------------------------------

# Symbols and prefixes written before the amount. "Y=" is Reuters' plain-text yen ("Y=28,030").
# A symbol shared by several currencies ("kr", "Sh", "B$") is left out; "RMB" is written like a
# code, and read as the yuan's.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "$US": "USD", "A$": "AUD", "$A": "AUD", "AU$": "AUD", "C$": "CAD",
    "$C": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "Y=": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "₽": "RUB", "₴": "UAH", "₩": "KRW", "₺": "TRY", "₪": "ILS", "NIS": "ILS", "zł": "PLN",
    "RM": "MYR", "PS": "GBP",
    "NT$": "TWD", "MX$": "MXN", "Mex$": "MXN", "RD$": "DOP", "J$": "JMD", "TT$": "TTD",
    "EC$": "XCD", "FJ$": "FJD", "N$": "NAD", "RMB": "CNY", "CN¥": "CNY", "Rp": "IDR",
    "Tk": "BDT", "KSh": "KES", "Ksh": "KES", "USh": "UGX", "TSh": "TZS", "GH₵": "GHS",
    "GH¢": "GHS", "E£": "EGP", "Kč": "CZK", "₦": "NGN", "₵": "GHS", "₱": "PHP", "₫": "VND",
    "₭": "LAK", "₮": "MNT", "₲": "PYG", "₸": "KZT", "₾": "GEL", "₼": "AZN", "৳": "BDT",
    "₡": "CRC", "SR": "SAR", "QR": "QAR", "Dh": "AED", "Dhs": "AED", "R": "ZAR",
}  # fmt: skip

# "£" lost in converting a page to plain text reads "PS" ("PS8.1bn", "PS2.7m"): a symbol only
# before an amount with a scale or decimals, so "PS4" and "PS5" stay consoles; so are the
# letters of riyals and dirhams ("SR5bn", "QR2.5m", "Dh3.67"), never "QR 2" or "SR 71".
SCALED_ONLY_SYMBOLS = frozenset({"PS", "SR", "QR", "Dh", "Dhs"})
# The rand's "R" only before a scale ("R5bn", "R2.5 million"): "R 0.9" is a reproduction
# number, "R2" a road or a robot.
MAGNITUDE_ONLY_SYMBOLS = frozenset({"R"})
# Symbols never written after the amount ("5 PS" is no money).
PREFIX_SYMBOLS = frozenset({"PS", "Y=", "SR", "QR", "Dh", "Dhs", "R", "Rp", "Tk"})

# Minor units: the value is in the major unit ("50p" is 0.5 GBP, "63 cents" 0.63 USD).
MINOR_CURRENCY: dict[str, tuple[str, float]] = {
    "p": ("GBP", 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
    "cent": ("USD", 0.01), "cents": ("USD", 0.01), "c": ("USD", 0.01), "¢": ("USD", 0.01),
    "euro cent": ("EUR", 0.01), "euro cents": ("EUR", 0.01), "us cent": ("USD", 0.01),
    "us cents": ("USD", 0.01),
    "sen": ("MYR", 0.01), "kopeck": ("RUB", 0.01), "kopecks": ("RUB", 0.01),
    "kopek": ("RUB", 0.01), "kopeks": ("RUB", 0.01), "paise": ("INR", 0.01),
    "paisa": ("INR", 0.01), "kobo": ("NGN", 0.01), "halala": ("SAR", 0.01),
    "halalas": ("SAR", 0.01), "satang": ("THB", 0.01), "agorot": ("ILS", 0.01),
    "groszy": ("PLN", 0.01), "grosz": ("PLN", 0.01), "pesewas": ("GHS", 0.01),
}  # fmt: skip
# The minor units that name no currency of their own: "80 cents" is in the currency of its
# paragraph (`CENT_CURRENCIES`), "80 euro cents" is not.
CENTS = frozenset({"cent", "cents", "c", "¢"})

# Currencies divided into cents: an amount in cents takes the currency of the last amount with
# one of their symbols or codes before it in its paragraph ("A$1.20, up 10.4 cents" is AUD).
CENT_CURRENCIES = words("USD AUD CAD NZD HKD SGD EUR ZAR")

# -- percent ---------------------------------------------------------------------------------

PERCENT_FORMS: dict[str, str] = {
    "%": "percent", "per cent": "percent", "per-cent": "percent", "percent": "percent",
    "pc": "percent", "pct": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "percentage-point": "percentage point", "ppt": "percentage point",
    "ppts": "percentage point", "basis point": "basis point", "basis points": "basis point",
    "basis-point": "basis point", "bp": "basis point", "bps": "basis point",
}  # fmt: skip

# -- physical units --------------------------------------------------------------------------

# Surface form -> (kind, unit). Case: see `CASE_SENSITIVE_UNITS`.
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
_add("distance", "micrometre", "micrometre", "micrometres", "micrometer", "micrometers",
     "micron", "microns", "μm", "µm")  # fmt: skip
_add("distance", "nanometre", "nanometre", "nanometres", "nanometer", "nanometers", "nm")
_add("distance", "picometre", "picometre", "picometres", "picometer", "picometers", "pm")
_add("distance", "foot", "foot", "feet", "ft", "′")
_add("distance", "inch", "inch", "inches", "in", "″", '"')  # `CONTEXT_UNITS`, `QUOTE_UNITS`
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
_add("duration", "gigayear", "gigayear", "gigayears", "gigaannum", "gigaanna", "Ga")
_add("duration", "megayear", "megayear", "megayears", "megaannum", "Ma")
_add("weight", "kilogram", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kg", "kgs",
     "kilo", "kilos")  # fmt: skip
_add("weight", "gram", "gram", "grams", "gramme", "grammes", "g")
_add("weight", "milligram", "milligram", "milligrams", "mg")
_add("weight", "tonne", "tonne", "tonnes", "metric ton", "metric tons", "t")
_add("weight", "ton", "ton", "tons")
_add("weight", "pound", "lb", "lbs")
_add("weight", "ounce", "ounce", "ounces", "oz")
_add("weight", "stone", "stone")
_add("area", "square kilometre", "square kilometres", "square kilometre", "square kilometers",
     "square kilometer", "sq km", "km2", "km²", "km^2", "km squared")  # fmt: skip
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
_add("temperature", "kelvin", "kelvin", "K")
# Volume.
_add("other", "cubic kilometre", "cubic kilometres", "cubic kilometre", "cubic kilometers",
     "cubic kilometer", "km3", "km³", "km^3", "km cubed")  # fmt: skip
_add("other", "cubic metre", "cubic metres", "cubic meters", "m3", "m³")
_add("other", "cubic centimetre", "cubic centimetres", "cc")
_add("other", "litre", "litre", "litres", "liter", "liters", "l", "L")
_add("other", "centilitre", "centilitre", "centilitres", "cl")
_add("other", "millilitre", "millilitre", "millilitres", "milliliter", "milliliters", "ml",
     "mL")  # fmt: skip
_add("other", "gallon", "gallon", "gallons")
_add("other", "barrel", "barrel", "barrels", "bbl")
_add("other", "cup", "cup", "cups")
_add("other", "tablespoon", "tablespoon", "tablespoons", "tbsp")
_add("other", "teaspoon", "teaspoon", "teaspoons", "tsp")
# Data.
_add("other", "bit", "bit", "bits")
_add("other", "kilobit", "kilobit", "kilobits")
_add("other", "megabit", "megabit", "megabits")
_add("other", "gigabit", "gigabit", "gigabits")
_add("other", "kilobit per second", "kilobits per second", "kbps", "kbit/s", "kb/s")
_add("other", "megabit per second", "megabits per second", "Mbps", "Mbit/s", "Mb/s")
_add("other", "gigabit per second", "gigabits per second", "Gbps", "Gbit/s", "Gb/s")
_add("other", "byte", "byte", "bytes")
_add("other", "kibibyte", "kibibyte", "kibibytes", "KiB")
_add("other", "kilobyte", "kilobyte", "kilobytes", "KB", "kB")
_add("other", "megabyte", "megabyte", "megabytes", "MB")
_add("other", "gigabyte", "gigabyte", "gigabytes", "GB")
_add("other", "terabyte", "terabyte", "terabytes", "TB")
_add("other", "exabyte", "exabyte", "exabytes", "EB")
# Power, energy, electricity.
_add("other", "watt", "watt", "watts", "W")
_add("other", "kilowatt", "kilowatt", "kilowatts", "kW")
_add("other", "megawatt", "megawatt", "megawatts", "MW")
_add("other", "gigawatt", "gigawatt", "gigawatts", "GW")
_add("other", "watt hour", "watt hour", "watt hours", "watt-hour", "watt-hours", "Wh")
_add("other", "kilowatt hour", "kilowatt hour", "kilowatt hours", "kilowatt-hour",
     "kilowatt-hours", "kWh")  # fmt: skip
_add("other", "megawatt hour", "megawatt hour", "megawatt hours", "megawatt-hour",
     "megawatt-hours", "MWh")  # fmt: skip
_add("other", "gigawatt hour", "gigawatt hour", "gigawatt hours", "gigawatt-hour",
     "gigawatt-hours", "GWh")  # fmt: skip
_add("other", "horsepower", "horsepower", "hp")
_add("other", "brake horsepower", "brake horsepower", "bhp")
_add("other", "calorie", "calorie", "calories")
_add("other", "electronvolt", "electronvolt", "electronvolts", "eV")
_add("other", "teraelectronvolt", "teraelectronvolts", "TeV")
_add("other", "volt", "volt", "volts", "V")
_add("other", "kilovolt", "kilovolt", "kilovolts", "kV")
_add("other", "ampere", "ampere", "amperes", "amp", "amps")
_add("other", "milliampere", "milliampere", "milliamperes", "mA")
_add("other", "milliampere hour", "milliampere hour", "milliampere hours",
     "milliampere-hour", "milliampere-hours", "mAh")  # fmt: skip
_add("other", "newton metre", "newton metre", "newton metres", "newton-metre",
     "newton-metres", "newton meters", "Nm")  # fmt: skip
_add("other", "pound-foot", "pound-foot", "pound-feet", "pound feet", "lb-ft", "lb ft")
_add("other", "pascal", "pascal", "pascals", "Pa")
_add("other", "hectopascal", "hectopascal", "hectopascals", "hPa")
_add("other", "kilopascal", "kilopascal", "kilopascals", "kPa")
_add("other", "megapascal", "megapascal", "megapascals", "MPa")
_add("other", "gigapascal", "gigapascal", "gigapascals", "GPa")
_add("other", "milligray", "milligray", "mGy")
# Frequency, sound, concentration, rates written as one unit.
_add("other", "hertz", "hertz", "Hz")
_add("other", "kilohertz", "kilohertz", "kHz")
_add("other", "megahertz", "megahertz", "MHz")
_add("other", "gigahertz", "gigahertz", "GHz")
_add("other", "decibel", "decibel", "decibels", "dB")
_add("other", "part per million", "parts per million", "ppm")
_add("other", "part per billion", "parts per billion", "ppb")
_add("other", "mile per gallon", "miles per gallon", "mpg")
_add("other", "revolution per minute", "revolutions per minute", "rpm")
_add("other", "ton per day", "tpd", "tons per day", "tonnes per day")
# A score: an index ("closed 1,478 points lower"), a game ("averaged 7.3 points").
_add("other", "point", "point", "points")

# -- more of what news measures --------------------------------------------------------------
# Units from a broad reference (quantulum3's list), kept to what news writes. Abbreviations
# that are also words, names or acronyms in news are left out: "MP" (a Member of Parliament,
# never megapixels), "AU" (the African Union), "bar" ("a five-bar gate"), "ly", "ct", "kt",
# "MV" (a ship), "gal".
# Distance, astronomy.
_add("distance", "light year", "light year", "light years", "light-year", "light-years")
_add("distance", "astronomical unit", "astronomical unit", "astronomical units")
_add("distance", "parsec", "parsec", "parsecs")
_add("distance", "kiloparsec", "kiloparsec", "kiloparsecs")
_add("distance", "megaparsec", "megaparsec", "megaparsecs")
_add("distance", "furlong", "furlong", "furlongs")
_add("distance", "fathom", "fathom", "fathoms")
_add("distance", "ångström", "ångström", "ångströms", "angstrom", "angstroms", "Å")
# Weight: precious metals and stones, harvests, emissions.
_add("weight", "microgram", "microgram", "micrograms", "µg", "μg", "mcg")
_add("weight", "nanogram", "nanogram", "nanograms")
_add("weight", "carat", "carat", "carats", "karat", "karats")
_add("weight", "troy ounce", "troy ounce", "troy ounces", "troy oz", "ozt")
_add("weight", "bushel", "bushel", "bushels")
_add("weight", "quintal", "quintal", "quintals")
_add("weight", "long ton", "long ton", "long tons")
_add("weight", "short ton", "short ton", "short tons")
_add("weight", "kilotonne", "kilotonne", "kilotonnes", "kiloton", "kilotons")
_add("weight", "megatonne", "megatonne", "megatonnes", "megaton", "megatons", "Mt")
_add("weight", "gigatonne", "gigatonne", "gigatonnes", "gigaton", "gigatons", "Gt")
# Area.
_add("area", "square yard", "square yard", "square yards", "sq yd", "sq yds")
_add("area", "square inch", "square inch", "square inches", "sq in")
_add("area", "square centimetre", "square centimetre", "square centimetres",
     "square centimeter", "square centimeters", "cm2", "cm²")  # fmt: skip
_add("area", "square millimetre", "square millimetre", "square millimetres",
     "square millimeter", "square millimeters", "mm2", "mm²")  # fmt: skip
_add("area", "square foot", "sq. ft", "sq.ft", "sqft", "sq feet", "ft2", "ft²")
_add("area", "square metre", "sq. m", "sq metres", "sq meters")
_add("area", "square kilometre", "sq. km", "sq kms")
_add("area", "square mile", "sq. mi", "sq. miles")
# Speed.
_add("speed", "kilometre per second", "km/s", "kilometres per second", "kilometers per second")
_add("speed", "mile per second", "miles per second")
_add("speed", "kilometre per hour", "kmph", "kilometers an hour")
# Temperature as news writes it: "15 degrees C", "59F", "30 Celsius".
_add("temperature", "degree Celsius", "degrees C", "degree C", "deg C", "Celsius", "celsius",
     "centigrade", "degrees Centigrade")  # fmt: skip
_add("temperature", "degree Fahrenheit", "degrees F", "degree F", "deg F", "Fahrenheit",
     "fahrenheit")  # fmt: skip
# Volume.
_add("other", "cubic metre", "cubic metre", "cubic meter", "cu m")
_add("other", "cubic centimetre", "cubic centimeter", "cubic centimeters", "cubic centimetre",
     "cm3", "cm³")  # fmt: skip
_add("other", "cubic foot", "cubic foot", "cubic feet", "cu ft", "ft3", "ft³")
_add("other", "cubic yard", "cubic yard", "cubic yards", "cu yd")
_add("other", "cubic inch", "cubic inch", "cubic inches", "cu in")
_add("other", "cubic mile", "cubic mile", "cubic miles")
_add("other", "acre-foot", "acre-foot", "acre-feet", "acre foot", "acre feet")
_add("other", "pint", "pint", "pints")
_add("other", "quart", "quart", "quarts", "qt")
_add("other", "fluid ounce", "fluid ounce", "fluid ounces", "fl oz", "fl. oz")
_add("other", "hectolitre", "hectolitre", "hectolitres", "hectoliter", "hectoliters")
_add("other", "decilitre", "decilitre", "decilitres", "deciliter", "deciliters", "dL", "dl")
_add("other", "microlitre", "microlitre", "microlitres", "microliter", "microliters", "µL",
     "μL", "µl", "μl")  # fmt: skip
# Energy and power: grids, fuels, diets, particle physics, bombs.
_add("other", "joule", "joule", "joules", "J")
_add("other", "kilojoule", "kilojoule", "kilojoules", "kJ")
_add("other", "megajoule", "megajoule", "megajoules", "MJ")
_add("other", "gigajoule", "gigajoule", "gigajoules", "GJ")
_add("other", "milliwatt", "milliwatt", "milliwatts", "mW")
_add("other", "terawatt", "terawatt", "terawatts", "TW")
_add("other", "terawatt hour", "terawatt hour", "terawatt hours", "terawatt-hour",
     "terawatt-hours", "TWh")  # fmt: skip
_add("other", "kilocalorie", "kilocalorie", "kilocalories", "kcal")
_add("other", "british thermal unit", "british thermal unit", "british thermal units",
     "BTU", "Btu", "btu", "BTUs", "Btus")  # fmt: skip
_add("other", "mega british thermal unit", "MMBtu", "mmBtu", "MMBTU", "mmbtu")
_add("other", "therm", "therm", "therms")
_add("other", "kiloelectronvolt", "kiloelectronvolt", "kiloelectronvolts", "keV")
_add("other", "megaelectronvolt", "megaelectronvolt", "megaelectronvolts", "MeV")
_add("other", "gigaelectronvolt", "gigaelectronvolt", "gigaelectronvolts", "GeV")
_add("other", "ampere hour", "ampere hour", "ampere hours", "ampere-hour", "ampere-hours",
     "amp-hour", "amp-hours", "Ah")  # fmt: skip
_add("other", "milliampere", "milliamp", "milliamps")
_add("other", "ohm", "ohm", "ohms", "Ω")
# Data, computing, screens.
_add("other", "petabyte", "petabyte", "petabytes")  # "PB" is a personal best
_add("other", "zettabyte", "zettabyte", "zettabytes", "ZB")
_add("other", "mebibyte", "mebibyte", "mebibytes", "MiB")
_add("other", "gibibyte", "gibibyte", "gibibytes", "GiB")
_add("other", "tebibyte", "tebibyte", "tebibytes", "TiB")
_add("other", "terabit", "terabit", "terabits")
_add("other", "bit per second", "bits per second", "bit/s")
_add("other", "terabit per second", "terabits per second", "Tbps", "Tbit/s", "Tb/s")
_add("other", "teraflop", "teraflop", "teraflops", "TFLOPS", "Tflops")
_add("other", "petaflop", "petaflop", "petaflops", "PFLOPS", "Pflops")
_add("other", "exaflop", "exaflop", "exaflops")
_add("other", "megapixel", "megapixel", "megapixels")
_add("other", "frame per second", "frames per second", "fps")
# Time.
_add("duration", "millisecond", "millisecond", "milliseconds", "ms")
_add("duration", "microsecond", "microsecond", "microseconds", "µs", "μs")
_add("duration", "nanosecond", "nanosecond", "nanoseconds")
_add("duration", "millennium", "millennia")  # "the 2000 Millennium Declaration" is a name
# Radiation, light, pressure, health.
_add("other", "sievert", "sievert", "sieverts", "Sv")
_add("other", "millisievert", "millisievert", "millisieverts", "mSv")
_add("other", "microsievert", "microsievert", "microsieverts", "µSv", "μSv")
_add("other", "becquerel", "becquerel", "becquerels", "Bq")
_add("other", "gray", "Gy")
_add("other", "lumen", "lumen", "lumens")
_add("other", "lux", "lux")
_add("other", "millibar", "millibar", "millibars", "mbar")
_add("other", "pound per square inch", "psi", "pounds per square inch")
_add("other", "millimetre of mercury", "mmHg", "millimetres of mercury",
     "millimeters of mercury")  # fmt: skip
_add("other", "millimole", "millimole", "millimoles", "mmol")
_add("other", "international unit", "international unit", "international units", "IU")
_add("other", "beat per minute", "beats per minute", "beats a minute", "bpm")
_add("other", "barrel", "bpd", "b/d", "mb/d", "mbpd")
_add("other", "cubic metre", "bcm")
_add("other", "cubic foot", "tcf")

# "5 degrees below zero" is -5, "above zero" +5 (the sign each side gives the temperature).
SIDES_OF_ZERO: dict[str, float] = {"below zero": -1.0, "above zero": 1.0}
# Marks between the sides of a size: "4m x 5m", "20cm × 30cm".
DIMENSION_MARKS = "x×"

# Forms that are a rate on their own: "1.2m bpd" is barrels per day, read as "barrels per day"
# is (a unit, then its `per`).
UNIT_DENOMINATORS: dict[str, str] = {"bpd": "day", "b/d": "day", "mb/d": "day", "mbpd": "day"}
# Forms that hold a scale: "55 bcm" of gas is 55 billion cubic metres, "9.5 mb/d" of oil 9.5
# million barrels a day.
UNIT_SCALES: dict[str, float] = {"bcm": 1e9, "tcf": 1e12, "mb/d": 1e6, "mbpd": 1e6}

# Lower-case forms too short or too common to match in another case: "ft" but not "FT", "pc"
# but not "PC", "hp" but not "HP". A form with a capital ("Hz", "MB", "GPa", "C") is always
# matched as written.
_LOWER_CASE_SENSITIVE = (
    words("l t g c p pm cc ha in nm mi ft oz mm hp bhp pc sen ms dl qt lux psi bpm fps ozt mcg")
    | LOWER_CASE_NAMES
)
CASE_SENSITIVE_UNITS = frozenset(
    form
    for form in (*UNITS, *CURRENCY_CODES, *CURRENCY_WORDS, *MINOR_CURRENCY, *PERCENT_FORMS)
    if form in _LOWER_CASE_SENSITIVE or (" " not in form and form != form.lower())
)

# Short forms that need digits right before them ("5 ft", "10kg"), never a number word:
# "two l" or "five t" are not quantities. Words as short as an abbreviation are not in it.
_SHORT_WORDS = words("day ton cup bit amp sen")
ABBREVIATED_UNITS = frozenset(
    form
    for form in (*UNITS, *MINOR_CURRENCY, *PERCENT_FORMS)
    if len(form) <= 3 and form not in _SHORT_WORDS
)

# Unit words that are common words too: a unit only where what follows reads as a measure
# ("2 in thick", "the pencil is 2 in."), never in "2 in 5 people".
CONTEXT_UNITS: dict[str, re.Pattern[str]] = {
    "in": re.compile(r"\s*(?:thick|long|wide|tall|high|deep|across|diameter|\.?\s*$|[.,;:)])"),
}

# A unit mark that is also a quotation mark: an inch only after feet (`5' 10"`) or before a word
# of size ('a 55" screen', '22" wheels', '6" long'); else it closes a quotation ('"2002"', 'the
# "Group of 7"'), even one opened a paragraph before.
QUOTE_UNITS = frozenset({'"'})
QUOTE_UNIT_BEFORE = re.compile(r"\d\s*['′]\s*\d+(?:\.\d+)?$")
QUOTE_UNIT_AFTER = re.compile(
    r"\s*(?:screens?|displays?|tvs?|televisions?|monitors?|laptops?|tablets?|wheels?|rims?|tyres?|"
    r"tires?|tall|long|wide|thick|high|deep|across|diameter|x\s*\d)(?!\w)",
    re.IGNORECASE,
)

# Units that "a"/"an" does not make one of: idioms far more often than amounts ("a bit more",
# "a degree in law", "a foot injury", "at a point", "a ton of work").
NOT_ONE_OF = words("bit bits degree degrees foot point points ton stone knot pint")

# -- rates -----------------------------------------------------------------------------------

# Denominators beyond the units: what prices and counts are given per ("$1 a share").
_RATE_NOUNS = words(
    """share head person capita piece unit night ticket seat bottle pack passenger household
    game match visit copy item box bag dose pill flight trip call vote"""
)
# Denominators as written -> as given in `per`: units by their name ("sq m" -> "square
# metre"), currencies by their code ("1.32 euros per US dollar" -> "USD"), the other nouns as
# they are; "annum" is a year.
DENOMINATORS: dict[str, str] = {
    **{form: unit for form, (_, unit) in UNITS.items() if form not in CONTEXT_UNITS},
    **{noun: noun for noun in _RATE_NOUNS},
    **CURRENCY_WORDS,
    **{code: code for code in CURRENCY_CODES},
    "annum": "year",
    "pound": "pound",
}
# What the known denominators are given as; any other `per` is the noun written after "per".
DENOMINATOR_NAMES = frozenset(DENOMINATORS.values())

# "per", "a", "an" and "/" join an amount to its denominator (`scan.rate_at`). After "per" any
# noun is a denominator ("63 cents per share"); after "a", "an" and "/" only the known ones
# ("$80 a barrel", "$3/kg"), as "a" also starts the next phrase ("won 3 a side").
# What never follows "per" as a denominator: "per the report" is "according to".
NOT_DENOMINATORS = words("the a an his her its their our my your this that these those se")
# After "a" or "an", a denominator followed by these is a time, not a rate: "$5m a year ago",
# "a day later", "a year on", "a second time".
NOT_AFTER_DENOMINATOR = words("ago earlier later before after on since from time round half")
# Units that "a" or "an" makes an idiom, not a rate: "it costs £2 a bit more".
NOT_RATE_AFTER_A = words("bit degree point")
