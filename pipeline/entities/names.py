"""Comparing names: folding accents and case, spotting acronyms, near spellings.

Pure functions over strings, shared by resolution within an article and across the corpus.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.entities.rules import NAME_LINKS, NAME_PARTICLES

_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """A comparison key: accents, case and punctuation folded ('Sébastien' ~ 'sebastien')."""
    if name.isascii():  # most names: nothing to decompose (a gazetteer folds 300,000)
        bare = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NON_WORD.sub("", bare.casefold())).strip()


def is_acronym(text: str) -> bool:
    """'MoD', 'UDCG', 'U.S.': two to six letters, at least two of them capitals, no spaces."""
    letters = text.replace(".", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha():
        return False
    return sum(c.isupper() for c in letters) >= 2 and letters[0].isupper()


def initials(name: str) -> set[str]:
    """The acronyms a multi-word name can have: with and without its linking words."""
    parts = [w for w in re.split(r"[\s-]+", name) if w]
    if len(parts) < 2:
        return set()
    every = "".join(w[0] for w in parts).casefold()
    content = "".join(w[0] for w in parts if w.casefold() not in NAME_LINKS).casefold()
    return {every, content}


def near_variants(key: str) -> set[str]:
    """The key and its one-deletion variants: two keys within one edit share one of these."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance at most 1 (one substitution, insertion or deletion)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def accents(name: str) -> int:
    """Letters with diacritics: between two spellings of a name the accented one is usually
    the correct one ('Sébastien' over 'Sebastien')."""
    return sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c))


def surname(name: str) -> str:
    """The folded last word of a person's name."""
    parts = fold(name).split()
    return parts[-1] if parts else ""


def first_name(name: str) -> str:
    parts = fold(name).split()
    return parts[0] if len(parts) > 1 else ""


def is_full_name(text: str) -> bool:
    """A person's full name: two words or more, each capitalised or a particle ("Ruud van
    Nistelrooy"; not "Diary of Alicia Keys", "S Lamont (Glasgow")."""
    words = text.split()
    return len(words) > 1 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)
