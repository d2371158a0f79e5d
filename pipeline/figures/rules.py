"""Figure rules as named data: the word lists of numbers, qualifiers, events, names, ranges,
rises and falls, and what an amount counts or is for.

Everything the scanner (`scan.py`), the extractor (`extract.py`) and `change.py` recognise is
listed here or, for the unit lexicon (units, currencies, percents and rates), in `units.py` and
`currencies.py`, so a new cue word is one line. `tests/test_figures.py` and
`tests/test_figure_*.py`, `tests/test_units.py`, `tests/test_not_figures.py` and
`tests/test_count_objects.py` check examples of each.
"""

from __future__ import annotations

from pipeline.wordlist import verb_forms, words

# -- numbers ---------------------------------------------------------------------------------


# Words that multiply what precedes them ("five thousand", "1.5 billion", "£4.5bn"); the
# Indian lakh and crore ("Rs 500 crore" is 5bn rupees); wire abbreviations written apart ("$1.2
# bln", "12.5 mln euros").
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "mln": 1e6,
    "bln": 1e9,
    "bn": 1e9,
}

# Abbreviated scales glued to or right after digits ("$3m", "0.5k miles", "€10B"); "bn" and "mln"
# are `SCALES` words, read glued or not ("£4.5bn", "$1.2 bln").
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "M": 1e6,
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
# Time zones after a time written without a colon ("10.30 EDT", "0900 GMT"): a time, no amount.
TIME_ZONES = words("GMT BST CET CEST EET EST EDT CST CDT MST MDT PST PDT UTC ET PT")

STREET_WORDS = words(
    """Street St Road Rd Avenue Ave Lane Ln Drive Dr Boulevard Blvd Place Pl Square Sq Close
    Court Crescent Terrace Way Row Gardens Hill Parade Walk Mews"""
)

# Entity labels whose spans never hold figures: numbers inside names ("G7", "Voyager 2").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
                         "LAW", "NORP", "LANGUAGE"})  # fmt: skip

# Words of NAME_BEFORE that name a number in lower case too ("a category 4 hurricane", "type 2
# diabetes"); the others are common words in lower case ("to mark 5 years", "took part 3 times").
NAME_BEFORE_ANY_CASE = words(
    """number room flight article section chapter page route gate platform terminal grade
    category type model series phase episode version"""
)

# Words glued by a hyphen before a number that leave it an amount ("her now-18 month-old
# daughter"); any other glued word makes a name ("COVID-19", "F-35") or a second year
# ("2013-14").
AMOUNT_PREFIXES = words("now mid minus")

# Model words after a number make it part of a product's name ("737 Max", "iPhone 12 Pro",
# "Galaxy Note 20 Ultra", "BMW 5 Series"); written capitalised, they are names, not nouns.
MODEL_AFTER = words("Pro Max Ultra Plus Mini Lite Series Edition")

# Words hyphenated to a number word that leave it an amount: "twenty-odd years", "fifty-plus",
# "a four-fold rise", the joins of a range ("two-to-three"). Any other word but a unit makes a
# compound modifier, which names a kind, not an amount: "a third-party review", "two-way",
# "one-off", "a five-star hotel", "a three-judge panel" (`scan._compound_modifier`). Small
# numbers are written as words, and their compounds are set phrases; a compound of digits
# gives the size of something ("a 60,000-seat stadium", "a 130,000-strong workforce") and
# stays a figure, as does a compound with a unit ("a 30-day ban", "a 6.1-inch display").
NUMBER_HYPHEN_AMOUNT = words("odd plus fold times to and or")

# Adjectives hyphenated to a unit word that keep it the number's unit: "12 year-old", "37m
# (121ft)-long". Any other word makes the unit part of a compound of its own, not the
# number's: "$639m year-earlier", "5% year-on-year" (`scan._unit_in_compound`).
MEASURE_ADJECTIVES = words("old olds long tall high deep wide thick size sized")

# -- sports metres ---------------------------------------------------------------------------

# "100m", "4.91m": after digits with no currency, "m" is a million in business news and a metre
# in sport (`scan._metres`). It reads as metres where a distance shows: one of these words right
# after ("400m hurdles", "100m champion"), a measure adjective after ("508m tall"), a length in
# feet or yards beside it ("37m (121ft)"), "men's" before it, a word of `METRES_CUES` in its
# sentence ("a world record of 4.91m in the pole vault") or enough of `METRES_TEXT_CUES` in
# the whole text (an athletics report: "won the 400m"). Words common in business news ("jump",
# "race", "track", "record") are cues only right after the number. A count noun right after
# keeps it a million ("18m people", "5m viewers").
METRES_AFTER = words(
    """hurdles hurdle hurdler hurdlers relay relays freestyle breaststroke backstroke butterfly
    medley sprint sprints sprinter sprinters dash race races runner runners run title titles
    champion champions championship crown final finals heat heats record records gold silver
    bronze medal medallist medalist winner event events specialist indoor indoors outdoor
    victory mark line"""
)
_ATHLETICS = words(
    """athletics athlete athletes hurdles hurdle hurdler hurdlers relay sprint sprinter
    sprinters heptathlon decathlon pentathlon steeplechase javelin discus vault vaulter thrower
    iaaf freestyle breaststroke backstroke swimmer swimmers medal medallist medallists olympic
    olympics indoor indoors lap laps"""
) | {"long jump", "high jump", "triple jump", "shot put", "pole vault"}
METRES_CUES = _ATHLETICS | words("metres meters")
METRES_TEXT_CUES = (
    _ATHLETICS
    | words("race races raced runner runners marathon championships track final")
    | {"personal best", "world indoor"}
)
# Distinct `METRES_TEXT_CUES` that make a whole text athletics: of the 2,225 BBC News articles,
# no business or politics one has more than two, 97 sport ones have three or more.
METRES_TEXT_CUES_NEEDED = 3
METRES_BEFORE = words("men's women's boys' girls' men’s women’s")
# Count nouns right after "5m" that keep it five million.
MILLIONS_AFTER = words(
    """people persons viewers listeners readers users customers subscribers fans visitors
    spectators voters members households homes jobs shares copies units tickets passengers
    pupils students workers children adults tourists downloads hits barrels tonnes ounces"""
)

# -- approximate counts and scores -----------------------------------------------------------

# Plural scale words that give a count without a number ("millions of Americans", "dozens of
# people", "tens of thousands of students"): each reads as the range from its value to ten
# times it, as NewsQuant's gold reads them ("hundreds of miles" is 100..1000), nested ones
# multiply ("tens of thousands" 10,000..100,000), and the figure's qualifier is "approx".
# "A handful" is 2..5.
APPROXIMATE_COUNTS: dict[str, tuple[float, float]] = {
    "tens": (10, 100), "dozens": (12, 120), "scores": (20, 200), "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13), "a handful": (2, 5),
}  # fmt: skip

# Words before "scores of" that make it results, not a count ("test scores of 90").
SCORES_NOT_COUNTS = words("the their his her its our your my test exam credit high low top")

# Words by "1-3" that make it the score of a game or a vote, although its first number is the
# lower: a verb up to three words before ("lost 1-3", "drew the game 2-2") or a noun right
# after ("a 1-2 defeat"). A pair written high first or level ("won 3-1", "tied at 89-89") is a
# score by its order alone, as ranges are written low first. Scores are not figures.
SCORE_VERBS = words(
    """won beat beaten defeated drew tied trailed trailing lost losing thrashed hammered
    routed edged voted"""
)
SCORE_NOUNS = words("win victory defeat loss draw lead deficit scoreline thrashing triumph vote")

# -- rises and falls -------------------------------------------------------------------------

# What makes an amount the size of a change, not a level (`change.py`). Verbs (lemmas, and the
# past forms a mistagged verb keeps) whose object, bare amount or "by" phrase is how much
# something rose or fell: "rose 5%", "fell by 0.4 per cent", "cut by £2bn".
RISE_VERBS = words(
    """rise rose risen grow grew grown gain advance jump climb surge soar add increase improve
    rally rebound recover leap leapt spike boost raise lift hike widen expand strengthen appreciate
    rocket skyrocket swell balloon firm"""
)
FALL_VERBS = words(
    """fall fell fallen drop lose lost shed slide slid slip plunge plummet tumble decline
    decrease cut reduce lower sink sank sunk dip ease slump dive crash shrink shrank shrunk
    contract weaken depreciate narrow retreat slash trim sag skid"""
)
# Verbs of `RISE_VERBS` and `FALL_VERBS` whose object may be what is gained or lost rather than
# how much a level moved: "the firm lost $5m", "raised $50m", "added 200 jobs". Their money or
# count object is a change only beside the level it led to ("added 15 sen to RM23.50").
TAKING_VERBS = words("add gain lose shed raise cut slash trim boost lift")
# Nouns of a change, the amount their modifier or "of" phrase: "a 5% rise", "a £2bn cut", "an
# increase of 3%". Not "loss" or "deficit": a loss of $5m is a sum, not a fall.
RISE_NOUNS = words(
    """rise increase gain jump surge climb improvement hike rally rebound boost upturn uplift
    growth increment advance leap spike upswing"""
)
FALL_NOUNS = words(
    """fall drop decline decrease cut reduction slump plunge slide dip downturn contraction
    fall-off shrinkage retreat slip tumble"""
)
# Adverbs and comparatives the amount measures: "was up 19 cents", "ended down 1%", "34.4%
# higher", "0.68 percent lower"; also a bare verb's particle ("edged up 0.1%").
RISE_ADVERBS = words("up higher dearer stronger bigger larger greater")
FALL_ADVERBS = words("down lower cheaper weaker smaller")
# Prepositions whose object is the level a change led to or started from, never the change:
# "fell 0.4 per cent to 13176", "closed at 1,478 points", "up from 5%".
LEVEL_PREPOSITIONS = words("to at from")
# Words right before "X to Y" (a qualifier may stand between) that make X a change and Y the
# level it led to, two figures, when X has its own unit: "increased by $43.6 billion to $419.2
# billion", "shares fell 20p to 180p", "adding $1.89 to $48.62". Without one, "$1 million to
# $1.25 million" is a range. The verbs' written forms: `scan` reads text, not lemmas.
CHANGE_BEFORE_LEVEL = words("by up down") | verb_forms(RISE_VERBS | FALL_VERBS | words("edge"))
# After such a word, "X to Y" of one unit is a change and a level when Y is more than this many
# times X ("fell 20p to 180p", "rose by $43.6bn to $419.2bn"); closer ends are a range ("expected
# to grow 2% to 3%", "raise $1 million to $2 million", "dropped by 1 to 1.5 degrees").
CHANGE_TO_LEVEL = 2.0

# -- scores in points ------------------------------------------------------------------------

# "Point" is a unit of scores ("a six-point lead", "the index fell 30 points") and a word for
# items ("a four-point plan", "a 10-point scale"): hyphenated to a number, it is a score only
# before a noun of a change or a result ("a 30-point drop", "a 12-point win") or one of these.
POINT_SCORES = (
    RISE_NOUNS
    | FALL_NOUNS
    | SCORE_NOUNS
    | words("leads gap margin advantage cushion swing drops falls rises gains haul lift")
)

# -- what money and percentages are for ------------------------------------------------------

# Verbs whose subject is what an amount they take measures or changes: "sales plunged 1.7%",
# "net income jumped to 3bn yuan", "the average price was £182,920", "a ticket costs $5". A
# percentage may stand as their object ("the index gained 7.6%"); money only after "to",
# "from", "by" or "at", or after a verb of `PRICE_VERBS` ("the firm lost $5m" says nothing of
# what the $5m is).
PRICE_VERBS = words("be cost total reach hit top exceed average amount stand remain")
CHANGE_VERBS = (
    RISE_VERBS
    | FALL_VERBS
    | PRICE_VERBS
    | words(
        """edge halve double treble triple slow accelerate fluctuate stay hover trade close
        end finish open peak settle come run value price"""
    )
)
# Verbs whose "for" phrase is a price: the dobj, else the subject, is what it is the price of
# ("the mill was sold for $800m", "bought the unit for £5m").
SALE_VERBS = words("sell buy acquire purchase fetch go")
# Verbs that take money and say what it goes to in a phrase of `SPENT_ON` ("spent £40m on
# training", "invested £50 a month into an endowment policy", "paid $5 for the book").
SPEND_VERBS = words("spend pay invest earmark allocate commit pledge put pour plough")
SPENT_ON = words("on for in into")
# Nouns that name a level or a sum, never what it is of: "a record high of $1.48", "a total
# of $5bn", "to the tune of $5bn".
LEVEL_NOUNS = words(
    """high low peak level record total sum average figure amount number value maximum
    minimum tune"""
)
# Nouns of a stretch of time, never what an amount is for: "$1.13bn in the same period".
TIME_NOUNS = words("period quarter year month week day half time season term")
# Prepositions after money that say what it is for: "£5bn for air defence", "$280bn in
# profits", "£5 billion of defence spending".
MONEY_FOR = words("for in of on")

# -- years or counts -------------------------------------------------------------------------

# A bare four-digit number from 1000 to 2199 is a year ("in 2004", "the 2005 budget") unless the
# parse shows it counting (`extract._counts_not_year`): "more than 1000 customers", "2000 people".
# After these words it is a year, whatever follows: "in 2000 people died", "since early 1990".
YEAR_BEFORE = words("in since by until till from of before after during through year fiscal")
YEAR_PARTS = words("early late mid")
# Determiners of the noun before the number that make it a year modifying the noun: "the 2005
# budget", "the awesome 1967 tourists" (possessives too: "its 2004 results").
YEAR_DETERMINERS = words("the this that these those")
# Plural nouns that years modify as often as counts: "below 1990 levels", "2004 profits", "2001
# winners".
YEAR_NOUNS = words(
    """level figure result election price rate term standard account sale profit earning
    revenue loss forecast accounts earnings winner champion final finalist graduate"""
)
# A range of year-like numbers wider than this many is a count, not a span of years ("between
# 1000 and 2000 people").
YEAR_SPAN = 100

# -- ages ------------------------------------------------------------------------------------

# An age is a figure of kind `duration` (unit `year`, or the one written) whose object is "age"
# (`extract._age`): a duration in `AGE_UNITS` with a word of `AGE_AFTER` ("a 50-year-old man",
# "the 45-year-old", "3 years old", "20 years of age", "a 3-month-old baby"); a number after a
# word of `AGE_BEFORE` ("aged 32", "at the age of 7", "between the ages of 5 and 11", "aged
# between 18 and 24"); a bare number in commas right after a person's name, at most `OLDEST_AGE`
# ("Jamie Armstrong, 25, said"); a decade of someone's life ("in his 60s" is 60 to 69, "in her
# early 30s" 30 to 33: `DECADE_PARTS`, after a word of `DECADE_OWNERS`).
AGE_UNITS = words("year month week day")
AGE_AFTER = ("old", "olds", "of age")
AGE_BEFORE = ("aged", "age", "ages", "age of", "ages of")
AGE_OPENERS = words("between from")
OLDEST_AGE = 120
DECADE_OWNERS = words("his her their my your our")
DECADE_PARTS: dict[str, tuple[int, int]] = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}

# -- what a count counts ---------------------------------------------------------------------

# Verbs whose subject is what the number after them counts (`extract._counted`): "the victims
# numbered 12", "deaths totalled 300".
COUNT_VERBS = words("number total")
# Nouns that stand for a count of what their "of" phrase names: "the number of users rose to 5
# million", "the total of complaints reached 300".
COUNT_NOUNS = words("number total tally count")
