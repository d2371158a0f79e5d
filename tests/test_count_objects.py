"""What a count counts (`pipeline.figures.extract._count_noun`), shape by shape; the
hand-judged BBC sample is `benchmarks/gold/count_objects.json`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.figures import find_figures


@pytest.mark.parametrize(
    ("text", "number", "counted"),
    [
        ("Three of the victims were children.", "Three", "victims"),  # partitive
        ("Of the 300 workers, 50 were laid off.", "50", "workers"),  # fronted partitive
        ("The school has 5 boys and 3 girls in the class.", "3", "girls"),  # coordinated
        ("The firm will hire 200 more workers next year.", "200", "workers"),
        ("The city built 3 big new stadiums for the games.", "3", "stadiums"),
        ("There were 45 mid-size cars in the lot.", "45", "cars"),  # hyphened modifier
        ("The firm employs 2,000 workers in France and 300 in Spain.", "300", "workers"),
        ("The victims numbered 12.", "12", "victims"),  # predicate
        ("Deaths totalled 300 last year.", "300", "Deaths"),
        ("The number of users rose to 5 million.", "5 million", "users"),
        ("A total of 12 people were arrested.", "12", "people"),
        ("The 12 members of the committee voted against.", "12", "members"),
        ("He sold 40 Ferraris last year.", "40", "Ferraris"),  # a plural proper noun
        ("He won 3 of 5 races.", "3", "races"),
        ("Police found 20 firearms and 300 rounds of ammunition.", "300", "rounds"),
        ("The report lists 1,500 species.", "1,500", "species"),  # plural-only noun
    ],
)
def test_counted(model: Language, text: str, number: str, counted: str) -> None:
    figure = next(f for f in find_figures(model(text)) if f.text.startswith(number))
    assert figure.object is not None
    assert figure.object.split()[-1] == counted


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Police said 16 were killed in the blast.", "16"),  # not said: no guess
        ("The score rose to 50.", "50"),
        ("They reached the last eight of the Champions League.", "eight"),  # a name
        ("The firm employs 300 in Britain.", "300"),
    ],
)
def test_nothing_named(model: Language, text: str, number: str) -> None:
    figure = next(f for f in find_figures(model(text)) if f.text.startswith(number))
    assert figure.object is None


def test_place_is_not_counted(model: Language) -> None:
    """'12 UK hit singles', parsed with 'UK' as the noun and the subject of 'hit': a place's name
    is not what is counted, the plural noun after it is."""
    text = "He has had 12 UK hit singles, including Hot in Herre."
    figures = [f for f in find_figures(model(text)) if f.text.startswith("12")]
    assert [f.object for f in figures] == ["singles"]
