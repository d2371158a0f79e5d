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

# A quotation this short, or this short and with no verb, is a term or a scare quote
# ("coalition of the willing", "even more pressure"), not someone's statement.
PHRASE_MAX_WORDS = 3
VERBLESS_PHRASE_MAX_WORDS = 6
