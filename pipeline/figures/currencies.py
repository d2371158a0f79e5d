"""ISO 4217 as data: every active currency's code and the English names news writes after an
amount ("7.5 million Danish crowns", "20,000 dong", "3bn naira").

Each line of `ISO_4217` is a code and its names, lower case, comma-separated; "dirham(s)" is
"dirham" and "dirhams". A name that is also an English word or a common name is written only
with its country ("Brazilian real", never "real"; "Peruvian soles"); a name shared by several
currencies ("dinar", "peso", "shilling", "kwacha", "manat") likewise, so "pesos" alone is no
currency. Names in `LOWER_CASE_NAMES` are currencies only in lower case ("20,000 dong", not
"Dong"). Symbols and minor units are in `units.py`; the codes news writes beside an amount are
`CURRENCY_CODES` (a code that is also a word or an acronym, "COP 28", "PHP 8", "TOP 10", is left
out), the names after it `CURRENCY_WORDS`.
"""

from __future__ import annotations

from pipeline.wordlist import words

ISO_4217: dict[str, str] = {
    # Europe.
    "EUR": "euro(s)",
    "GBP": "pound(s), sterling, pound(s) sterling, british pound(s)",
    "CHF": "swiss franc(s), franc(s)",
    "NOK": "norwegian krone, norwegian kroner, norwegian crown(s)",
    "SEK": "krona, kronor, swedish krona, swedish kronor, swedish crown(s)",
    "DKK": "krone, kroner, danish krone, danish kroner, danish crown(s)",
    "ISK": "icelandic krona, icelandic króna, icelandic kronur, icelandic crown(s)",
    "PLN": "zloty, zlotys, zlotych, złoty, polish zloty, polish zlotys",
    "CZK": "czech koruna, czech korunas, czech koruny, czech crown(s), koruna, korunas",
    "HUF": "forint(s), hungarian forint(s)",
    "RON": "romanian leu, romanian lei, lei",
    "BGN": "bulgarian lev, bulgarian leva, leva",
    "RSD": "serbian dinar(s)",
    "MKD": "macedonian denar(s), denar(s), denari",
    "ALL": "albanian lek, albanian leke, lek, leke",
    "BAM": "convertible mark(s), bosnian convertible mark(s)",
    "MDL": "moldovan leu, moldovan lei",
    "UAH": "hryvnia(s), hryvnya, ukrainian hryvnia(s)",
    "RUB": "rouble(s), ruble(s), russian rouble(s), russian ruble(s)",
    "BYN": "belarusian rouble(s), belarusian ruble(s)",
    "TRY": "lira(s), turkish lira(s)",
    "GIP": "gibraltar pound(s)",
    "FKP": "falkland islands pound(s)",
    "SHP": "saint helena pound(s)",
    # The Americas.
    "USD": "dollar(s), us dollar(s), u.s. dollar(s), american dollar(s)",
    "CAD": "canadian dollar(s)",
    "MXN": "mexican peso(s)",
    "GTQ": "guatemalan quetzal(s), quetzales",
    "HNL": "honduran lempira(s), lempira(s)",
    "NIO": "nicaraguan córdoba(s), nicaraguan cordoba(s), cordobas, córdobas",
    "CRC": "costa rican colón, costa rican colon, colones",
    "PAB": "panamanian balboa(s), balboa(s)",
    "CUP": "cuban peso(s)",
    "DOP": "dominican peso(s)",
    "HTG": "haitian gourde(s), gourde(s)",
    "JMD": "jamaican dollar(s)",
    "TTD": "trinidad and tobago dollar(s), trinidadian dollar(s)",
    "BBD": "barbados dollar(s), barbadian dollar(s)",
    "BSD": "bahamian dollar(s)",
    "BZD": "belize dollar(s), belizean dollar(s)",
    "XCD": "east caribbean dollar(s)",
    "AWG": "aruban florin(s)",
    "XCG": "caribbean guilder(s)",
    "KYD": "cayman islands dollar(s)",
    "BMD": "bermudian dollar(s), bermuda dollar(s)",
    "COP": "colombian peso(s)",
    "VES": "bolívar(s), bolivar(s), bolívares, bolivares, venezuelan bolívar(s), "
    "venezuelan bolivar(s)",
    "GYD": "guyanese dollar(s)",
    "SRD": "surinamese dollar(s)",
    "BRL": "brazilian real(s), brazilian reais, reais",
    "PEN": "peruvian sol(es), soles",
    "BOB": "boliviano(s), bolivian boliviano(s)",
    "PYG": "paraguayan guaraní(es), paraguayan guarani(es), guaraníes, guaranies",
    "UYU": "uruguayan peso(s)",
    "ARS": "argentine peso(s), argentinian peso(s), argentinean peso(s)",
    "CLP": "chilean peso(s)",
    # Asia and Oceania.
    "CNY": "yuan, renminbi, chinese yuan",
    "JPY": "yen, japanese yen",
    "KRW": "korean won, south korean won",
    "KPW": "north korean won",
    "HKD": "hong kong dollar(s)",
    "MOP": "macanese pataca(s), macau pataca(s), pataca(s)",
    "TWD": "taiwan dollar(s), taiwanese dollar(s), new taiwan dollar(s)",
    "MNT": "mongolian tugrik(s), tugrik(s), tögrög",
    "SGD": "singapore dollar(s)",
    "MYR": "ringgit, malaysian ringgit",
    "IDR": "rupiah, indonesian rupiah",
    "THB": "baht, thai baht",
    "VND": "dong, vietnamese dong",
    "LAK": "lao kip, laotian kip",
    "KHR": "riel(s), cambodian riel(s)",
    "MMK": "kyat(s), myanmar kyat(s)",
    "PHP": "philippine peso(s), philippine piso",
    "BND": "brunei dollar(s)",
    "INR": "rupee(s), indian rupee(s)",
    "PKR": "pakistani rupee(s), pakistan rupee(s)",
    "LKR": "sri lankan rupee(s), sri lanka rupee(s)",
    "NPR": "nepalese rupee(s), nepali rupee(s)",
    "BDT": "taka, bangladeshi taka",
    "BTN": "ngultrum, bhutanese ngultrum",
    "MVR": "rufiyaa, maldivian rufiyaa",
    "AFN": "afghani(s), afghan afghani(s)",
    "KZT": "tenge, kazakh tenge, kazakhstani tenge",
    "UZS": "uzbek som, uzbek sum, uzbekistani som",
    "KGS": "kyrgyz som, kyrgyzstani som",
    "TJS": "somoni, tajik somoni",
    "TMT": "turkmen manat",
    "AZN": "azerbaijani manat",
    "GEL": "lari, georgian lari",
    "AMD": "armenian dram(s)",
    "AUD": "australian dollar(s), aussie dollar(s)",
    "NZD": "new zealand dollar(s), kiwi dollar(s)",
    "FJD": "fijian dollar(s), fiji dollar(s)",
    "PGK": "kina, papua new guinean kina",
    "SBD": "solomon islands dollar(s)",
    "TOP": "tongan paʻanga, tongan pa'anga, paʻanga, pa'anga",
    "VUV": "vatu, vanuatu vatu",
    "WST": "tala, samoan tala",
    "XPF": "cfp franc(s)",
    # The Middle East.
    "ILS": "shekel(s), new shekel(s), israeli shekel(s), new israeli shekel(s)",
    "AED": "dirham(s), uae dirham(s), emirati dirham(s)",
    "SAR": "riyal(s), saudi riyal(s)",
    "QAR": "qatari riyal(s)",
    "OMR": "omani rial(s)",
    "YER": "yemeni rial(s)",
    "IRR": "rial(s), iranian rial(s)",
    "IQD": "iraqi dinar(s)",
    "KWD": "kuwaiti dinar(s)",
    "BHD": "bahraini dinar(s)",
    "JOD": "jordanian dinar(s)",
    "LBP": "lebanese pound(s), lebanese lira",
    "SYP": "syrian pound(s), syrian lira",
    # Africa.
    "EGP": "egyptian pound(s)",
    "SDG": "sudanese pound(s)",
    "SSP": "south sudanese pound(s)",
    "LYD": "libyan dinar(s)",
    "TND": "tunisian dinar(s)",
    "DZD": "algerian dinar(s)",
    "MAD": "moroccan dirham(s)",
    "MRU": "ouguiya, mauritanian ouguiya",
    "NGN": "naira, nigerian naira",
    "GHS": "cedi(s), ghanaian cedi(s), ghana cedi(s)",
    "XOF": "west african cfa franc(s)",
    "XAF": "central african cfa franc(s)",
    "GMD": "dalasi, gambian dalasi",
    "GNF": "guinean franc(s)",
    "SLE": "leone(s), sierra leonean leone(s)",
    "LRD": "liberian dollar(s)",
    "CVE": "cape verdean escudo(s), escudo(s)",
    "STN": "dobra(s), são tomé and príncipe dobra(s)",
    "KES": "kenyan shilling(s), kenya shilling(s)",
    "UGX": "ugandan shilling(s), uganda shilling(s)",
    "TZS": "tanzanian shilling(s), tanzania shilling(s)",
    "SOS": "somali shilling(s)",
    "ETB": "birr, ethiopian birr",
    "ERN": "nakfa, eritrean nakfa",
    "DJF": "djiboutian franc(s)",
    "RWF": "rwandan franc(s), rwandese franc(s)",
    "BIF": "burundian franc(s), burundi franc(s)",
    "CDF": "congolese franc(s)",
    "KMF": "comorian franc(s)",
    "ZAR": "rand, south african rand",
    "ZMW": "zambian kwacha",
    "MWK": "malawian kwacha, malawi kwacha",
    "MZN": "metical, meticais, mozambican metical, mozambican meticais",
    "AOA": "kwanza(s), angolan kwanza(s)",
    "BWP": "pula, botswana pula",
    "NAD": "namibian dollar(s), namibia dollar(s)",
    "LSL": "loti, maloti, lesotho loti, lesotho maloti",
    "SZL": "lilangeni, emalangeni, swazi lilangeni, swazi emalangeni",
    "MGA": "ariary, malagasy ariary",
    "MUR": "mauritian rupee(s)",
    "SCR": "seychellois rupee(s), seychelles rupee(s)",
    "ZWG": "zimbabwe gold",
}

# Codes left out of `CURRENCY_CODES`: words and acronyms that stand by numbers in news ("COP
# 28", "PHP 8", "the TOP 10", "NIO ES8", "an IRR of 12%", "BMD scores", "50 KGS" in kilograms,
# "SSP" sick pay).
CODES_AS_WORDS = words(
    """ALL AMD BAM BMD BOB COP CUP CVE GEL IRR KGS MAD MOP NAD NIO NPR PEN PHP RON SDG SOS
    SSP TMT TOP"""
)
# ISO 4217 codes written before or after the amount ("GBP 40", "40 EUR"), only in capitals.
CURRENCY_CODES = frozenset(ISO_4217) - CODES_AS_WORDS

# Names that are currencies only as written in lower case: "20,000 dong" but "Dong", "5 lari"
# but "Lari", "100 leones" but "Sierra Leone", "balboas" but "Balboa".
LOWER_CASE_NAMES = words(
    """dong lari lei leva lek leke leone leones balboa balboas cordobas afghani afghanis pula
    kwanza kwanzas tala kina vatu dobra dobras escudo escudos loti maloti soles rand taka
    riel riels lempira lempiras bolivar bolivars bolívar bolívars bolívares bolivares"""
)


def _expand(name: str) -> list[str]:
    """'dirham(s)' -> ['dirham', 'dirhams'], 'sol(es)' -> ['sol', 'soles']."""
    if name.endswith(")"):
        stem, suffix = name[:-1].split("(")
        return [stem, stem + suffix]
    return [name]


# Currency names after the amount ("1.5 billion euros", "3.23 shekels", "7.5 million Danish
# crowns").
CURRENCY_WORDS: dict[str, str] = {
    form: code
    for code, names in ISO_4217.items()
    for name in names.split(",")
    for form in _expand(name.strip())
}
