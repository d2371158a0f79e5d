"""Quotation rules as named data: quote marks, reporting verbs, pronouns, what makes a phrase."""

from __future__ import annotations

from pipeline.wordlist import words

# Opening mark -> closing mark. Straight double quotes open and close alike.
DOUBLE_QUOTES = {"“": "”", "„": "“", "«": "»", '"': '"'}
SINGLE_QUOTES = {"‘": "’"}
# A page that mixes straight and curly marks (`"It is wrong,” she said`): a quotation opened
# by one style also closes at the other style's closing mark.
MIXED_CLOSERS = {'"': "”", "“": '"'}
# Two apostrophes for a double quote, as The New York Times' text prints it: ''I love
# depreciation,'' he said. Read as a straight double quote beside a space.
DOUBLED_APOSTROPHES = "''"


# Pronouns that stand for a person already named, with the one a person so titled takes: a
# "she" is never the "Mr Healey" of the article. "his" only as a role's ("his spokesman").
PRONOUN_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}
PERSON_PRONOUNS = frozenset(PRONOUN_GENDER)
HONORIFIC_PRONOUNS = {
    **dict.fromkeys(words("mr mr. sir lord"), "he"),
    **dict.fromkeys(words("mrs mrs. ms ms. miss dame lady"), "she"),
}
# Pronouns that stand for an organisation or a group: the one last named as a speaker, with
# these labels.
GROUP_PRONOUNS = words("they it we")
GROUP_LABELS = words("ORG NORP GPE")
# Nouns for such an organisation or group, which stand for the one last named so: "the company
# said".
GROUP_NOUNS = words("company firm campaign newspaper paper website group board committee agency")
# Nouns for what someone wrote, which speaks for whoever was last named as a speaker: "the
# statement said", "the ad says".
DOCUMENT_NOUNS = words(
    "statement email letter ad advert advertisement message tweet post memo release editorial"
)
# How many people named as speakers before a pronoun or a role it looks back over for one its
# gender fits.
REFERENT_LOOKBACK = 3

# Roles that speak for an organisation: "a Twitter spokesman said" is Twitter speaking.
VOICES = words("spokesman spokeswoman spokesperson")

# A role with one of these determiners is someone new whom the article does not name ("a
# spokesman for the campaign said"): no speaker, rather than the person last named.
INDEFINITE_DETERMINERS = words("a an another one some")

# Words that end a name: a headline's capitals make a clause look like one ("Goldman Sachs
# Said She Raised Money For" is "Goldman Sachs").
NOT_NAME_WORDS = words(
    """said says told tells added adds asked asks wrote writes stated states claimed claims
    warned warns he she it they we i his her their"""
)

# Abbreviated titles, spelled out so "the senator" finds "Sen. Bernie Sanders".
TITLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "lt.": "lieutenant",
    "gen.": "general",
    "sec.": "secretary",
    "atty.": "attorney",
    "pres.": "president",
    "supt.": "superintendent",
    "amb.": "ambassador",
}

# Dashes that sign a quotation standing alone, before the name of whoever said it, on the next
# line ("- Bernie Sanders.") or on its own ("“…” ― Sonya Herridge", "“…” — Donald J. Trump
# (@realDonaldTrump)"): hyphen-minus, em dash, en dash, horizontal bar.
SIGNATURE_DASHES = "-—–―"

# Marks that join the parts of a hyphenated word: none of its parts is a reporting verb
# ("post-war").
HYPHENS = words("- ‐ ‑")

# A quotation headed by a name and a colon ("Carl Bialik: “…”") is that name's, a person or an
# organisation, unless the name is an argument of a verb (a subject, whose verb is the cue, or
# what is told or written to: "Trump told CNN: “…”").
NAME_LABELS = words("PERSON ORG")
ARGUMENT_DEPS = words("nsubj nsubjpass dobj iobj dative pobj attr poss compound agent")

# Relative pronouns: "a message which read" - the speaker is further up.
RELATIVE_PRONOUNS = words("which that who whom")

# Nouns for a person in a role: "the spokeswoman said" is a person the article named, "the
# statement said" is not. A nominal subject whose head is one of these and that names no title
# the article gave is the person last named as a speaker.
PERSON_NOUNS = words(
    """spokesman spokeswoman spokesperson senator congressman congresswoman representative
    governor candidate nominee president secretary minister chairman chairwoman chair director
    official aide adviser advisor strategist manager lawyer attorney judge sheriff mayor
    businessman businesswoman billionaire tycoon mogul host anchor moderator reporter author
    professor economist analyst leader founder executive chief ceo commissioner
    ambassador general colonel pollster activist supporter voter
    lawmaker legislator politician frontrunner front-runner rival opponent challenger
    incumbent veteran star actor actress singer father mother husband wife son
    daughter friend colleague player defender striker midfielder goalkeeper keeper winger
    captain coach boss referee athlete champion victim survivor witness woman man"""
)
# Penn tags of a plural noun: a role in the plural ("supporters argue", "officials said") is
# many people, none of them the person last named.
PLURAL_NOUN_TAGS = words("NNS NNPS")
# A subject so written is a person too: "added the 30-year-old".
PERSON_NOUN_ENDINGS = ("year-old",)

# A cue this many words or fewer from its quotation stands by it ("“Oh, God,” she said"): the
# quotation is a statement, however short.
ADJACENT_SPEAKER_MAX_WORDS = 8
# Where a cue has no subject in the parse, the speaker is a name among the first words between
# the quotation and the cue ("“…,” Texas delegate Bill Eastland, wearing a hat, said").
ADJACENT_NAME_WITHIN = 4

# A quotation this short, or this short and with no verb, is a term or a scare quote
# ("coalition of the willing", "even more pressure"), not someone's statement.
PHRASE_MAX_WORDS = 3
VERBLESS_PHRASE_MAX_WORDS = 6

# Reported speech (`reported.py`): content of fewer words than this is too little to report
# ("he said so", "she told us why"); content more than this share of whose characters is quoted
# is a quotation's row already.
REPORTED_MIN_WORDS = 3
QUOTED_MAX_SHARE = 0.5
# A press release's speech ("John Healey said:" and an unquoted paragraph) is prose, not a
# heading or a list of one-word items: this many words or more, a verb, a sentence's end.
PROSE_MIN_WORDS = 6
