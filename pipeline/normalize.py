"""Unicode and whitespace normalisation, applied to every article's text before anything else."""

from __future__ import annotations

import re
import unicodedata

from pipeline.formats.encoding import CONTROL_CHARS

# Characters that are spaces or line breaks in all but name.
SPACE_LIKE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
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
    text = SPACE_LIKE.sub(" ", text)
    text = CONTROL_CHARS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = SPACE_RUNS.sub(" ", text)
    text = EDGE_SPACE.sub("\n", text)
    text = BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def folded_words(text: str) -> list[str]:
    """The words of `text`, compatibility-normalised and case-folded: what comparing texts for
    reuse (quotations, stories) counts."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    """The runs of `n` consecutive words; a text shorter than `n` is one run of all its words."""
    if len(words) < n:
        return {tuple(words)}
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
