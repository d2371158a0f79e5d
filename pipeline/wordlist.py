"""Word lists written as text: rules read better as prose-like lists than as Python literals."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of `items`, escaped, longest first so a longer form wins."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def verb_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """Each verb and its regular written forms ("add": adds, added, adding; "slip": slipped;
    "rally": rallies, rallied; "ease": eased, easing), for text-only rules that cannot
    lemmatize. Irregular forms ("rose", "fell") are listed with the lemmas. A form English
    does not write is harmless: it never matches."""
    forms: set[str] = set()
    for verb in lemmas:
        stem = verb[:-1] if verb.endswith("e") else verb
        if re.search(r"[^aeiou]y$", verb):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
        elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):  # one syllable: slip, cut
            forms |= {verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
        else:
            plural = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
            forms |= {plural, stem + "ed", stem + "ing"}
        forms.add(verb)
    return frozenset(forms)
