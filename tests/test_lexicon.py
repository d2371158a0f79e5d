"""The shared word lists: each defined once (in `pipeline/lexicon`), and the patterns derived
from them match every form."""

import re

import pytest

from pipeline.lexicon.calendar import (
    MONTH_ABBREVIATIONS,
    MONTH_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)
from pipeline.lexicon.numbers import NUMBER_WORDS
from pipeline.settings import PROJECT_ROOT
from pipeline.wordlist import verb_forms

# What a second copy of a shared list would contain, written the way lists are written here.
COPY_MARKERS = ('"monday"', '"january"', '"seventeen"', "mon|tue", "jan(?:uary)?", "ph\\.?d|m\\.?d")


def test_no_module_outside_the_lexicon_spells_out_a_shared_list() -> None:
    lexicon = PROJECT_ROOT / "pipeline" / "lexicon"
    for path in (PROJECT_ROOT / "pipeline").rglob("*.py"):
        if path.is_relative_to(lexicon):
            continue
        text = path.read_text(encoding="utf-8").casefold()
        for marker in COPY_MARKERS:
            assert marker not in text, f"{path.name} spells out {marker}: import it from lexicon"


@pytest.mark.parametrize("word", [*MONTHS, *MONTH_ABBREVIATIONS])
def test_the_month_pattern_takes_every_month_form(word: str) -> None:
    assert re.fullmatch(MONTH_PATTERN, word.title(), re.IGNORECASE)


def test_the_month_pattern_takes_nothing_else() -> None:
    for word in ("mayor", "marc", "junk", "sep7", "decade"):
        assert not re.fullmatch(MONTH_PATTERN, word, re.IGNORECASE), word


@pytest.mark.parametrize("word", [*WEEKDAYS, "Thu", "Thurs", "Tues", "Wed"])
def test_the_weekday_pattern_takes_every_weekday_form(word: str) -> None:
    assert re.fullmatch(WEEKDAY_PATTERN, word.casefold())


def test_lists_hold_no_repeats() -> None:
    assert len(set(WEEKDAYS)) == 7 and len(set(MONTHS)) == 12
    assert len(set(MONTH_ABBREVIATIONS)) == len(MONTH_ABBREVIATIONS) == 12
    assert sorted(NUMBER_WORDS.values())[:21] == list(range(21))


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("add", {"adds", "added", "adding"}),
        ("slip", {"slips", "slipped", "slipping"}),
        ("rally", {"rallies", "rallied", "rallying"}),
        ("ease", {"eases", "eased", "easing"}),
        ("widen", {"widens", "widened", "widening"}),
        ("surge", {"surges", "surged", "surging"}),
    ],
)
def test_verb_forms_writes_the_regular_forms(lemma: str, forms: set[str]) -> None:
    assert forms | {lemma} <= verb_forms([lemma])
