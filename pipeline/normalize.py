"""Unicode and whitespace normalisation, applied to every article's text before anything else."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters other than tab, newline, carriage return and form feed.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Characters that are spaces or line breaks in all but name.
SPACE_LIKE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# Bidirectional controls (marks, embeddings, overrides, isolates): they reorder how text is shown,
# never what it says, and a right-to-left override can disguise a word ("Pay\u202epal").
BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Zero-width (non-)joiners are spelling in Persian, Arabic and Indic scripts; next to anything
# else (Latin letters, digits, emoji sequences) they only hide one word inside another.
JOINER = re.compile(r"[\u200c\u200d]")
JOINING_SCRIPTS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufeff]")
LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x85]")
BLANK_RUNS = re.compile(r"\n{3,}")
SPACE_RUNS = re.compile(r" {2,}")
EDGE_SPACE = re.compile(r" *\n *")
WORD = re.compile(r"\w+")


def normalize_text(text: str) -> str:
    """NFC, plain spaces and newlines, no invisible or control characters; quotes kept as they are.

    Paragraphs stay separated by a blank line at most, so line structure survives for cleaning.
    """
    text = LINE_BREAKS.sub("\n", text)
    text = INVISIBLE.sub("", text)
    text = BIDI_CONTROLS.sub("", text)
    text = JOINER.sub(_joiner, text)
    text = SPACE_LIKE.sub(" ", text)
    text = CONTROL_CHARS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = SPACE_RUNS.sub(" ", text)
    text = EDGE_SPACE.sub("\n", text)
    text = BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def _joiner(match: re.Match[str]) -> str:
    """Keep a joiner only between two letters of a script that spells with it."""
    text, at = match.string, match.start()
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    joined = JOINING_SCRIPTS.match(before) and JOINING_SCRIPTS.match(after)
    return match.group(0) if joined else ""


def folded_words(text: str) -> list[str]:
    """The words of `text`, compatibility-normalised and case-folded: what comparing texts for
    reuse (quotations, stories) counts."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    """The runs of `n` consecutive words; a text shorter than `n` is one run of all its words."""
    if len(words) < n:
        return {tuple(words)}
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
