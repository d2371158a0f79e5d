"""Word lists more than one set of rules reads, each defined once.

Rules modules (`clean/rules.py`, `dates/rules.py`, `figures/rules.py`, `entities/rules.py`,
`quotes/rules.py`) import what they share from here, so a month, a number word, a title or a news
agency added once is known to every rule that needs it: `calendar` (weekdays, months), `numbers`
(number words), `media` (agencies, link-list headings, credentials), `people` (honorifics, ranks,
offices) and `speech` (reporting verbs).
"""
