"""Quotation rules as named data: quote marks, reporting verbs, pronouns, what makes a phrase."""

from __future__ import annotations

from pipeline.wordlist import words

# Opening mark -> closing mark. Straight double quotes open and close alike.
DOUBLE_QUOTES = {"“": "”", "„": "“", "«": "»", '"': '"'}
SINGLE_QUOTES = {"‘": "’"}

# Lemmas of reporting verbs: the cue of a quotation ("said", "told", "is expected to say").
CUE_VERBS = words(
    """say tell add state warn insist claim explain announce write post ask argue declare note
    urge stress admit acknowledge suggest reply respond describe comment confirm deny
    emphasise emphasize recall conclude predict promise pledge vow read tweet
    reveal believe call accuse caution concede complain boast remark observe maintain
    testify report quote joke plead demand"""
)

# Pronouns that stand for a person already named.
PERSON_PRONOUNS = words("he she him her")
GROUP_PRONOUNS = words("they it we")

# Relative pronouns: "a message which read" - the speaker is further up.
RELATIVE_PRONOUNS = words("which that who whom")

# A quotation this short, or this short and with no verb, is a term or a scare quote
# ("coalition of the willing", "even more pressure"), not someone's statement.
PHRASE_MAX_WORDS = 3
VERBLESS_PHRASE_MAX_WORDS = 6
