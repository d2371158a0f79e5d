"""Quotation rules as named data: quote marks, reporting verbs, pronouns, what makes a phrase."""

from __future__ import annotations

from pipeline.wordlist import words

# Opening mark -> closing mark. Straight double quotes open and close alike.
DOUBLE_QUOTES = {"“": "”", "„": "“", "«": "»", '"': '"'}
SINGLE_QUOTES = {"‘": "’"}
# Two apostrophes for a double quote, as The New York Times' text prints it: ''I love
# depreciation,'' he said. Read as a straight double quote beside a space.
DOUBLED_APOSTROPHES = "''"


# Pronouns that stand for a person already named.
PERSON_PRONOUNS = words("he she him her")
GROUP_PRONOUNS = words("they it we")

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
    daughter friend colleague"""
)

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
