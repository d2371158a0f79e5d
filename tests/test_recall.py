"""Recall from names already found (`pipeline.entities.recall`): the other occurrences of a name
the model found in the article are mentions too; common words, other cases, parts of words and
of longer names, and headline lines are left alone."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.entities.mentions import find_mentions
from pipeline.entities.recall import recall
from pipeline.parsed import ParsedArticle


@functools.cache
def tokenizer() -> Language:
    return spacy.blank("en")


def doc_with(text: str, *ents: tuple[str, str]) -> Doc:
    """`text` tokenized, with the model's entities given as (text, label): the first occurrence
    of each, after the previous one's (what the model found; the rest it missed)."""
    doc = tokenizer()(text)
    spans, at = [], 0
    for name, label in ents:
        start = text.index(name, at)
        span = doc.char_span(start, start + len(name), label=label)
        assert span is not None, name
        spans.append(span)
        at = start + len(name)
    doc.ents = spans
    return doc


def recalled(doc: Doc) -> list[tuple[str, str, int]]:
    """The mentions the pass added: (text, label, start)."""
    found = find_mentions(doc)
    model = {(m.start, m.end) for m in found}
    return [(m.text, m.label, m.start) for m in recall(doc, found) if (m.start, m.end) not in model]


def test_a_second_occurrence_the_model_missed_is_a_mention() -> None:
    text = "Ms Khan met the Board of Trade. Officials said Khan would return, and Khan did."
    added = recalled(doc_with(text, ("Khan", "PERSON"), ("Board of Trade", "ORG")))
    assert [(t, label) for t, label, _ in added] == [("Khan", "PERSON"), ("Khan", "PERSON")]
    assert [start for *_, start in added] == [text.index("Khan", 10), text.rindex("Khan")]


def test_added_mentions_are_resolved_like_the_others() -> None:
    text = "John Healey visited troops. They cheered Mr Healey, and Healey waved."
    doc = doc_with(text, ("John Healey", "PERSON"), ("Healey", "PERSON"))
    names = {(m.text, m.name) for m in ParsedArticle(doc).mentions}
    assert names == {("John Healey", "John Healey"), ("Healey", "John Healey")}


def test_a_common_word_does_not_spread() -> None:
    text = "Theresa May spoke in May. Later May said she may go, and Will will stay."
    added = recalled(
        doc_with(text, ("Theresa May", "PERSON"), ("May", "PERSON"), ("Will", "PERSON"))
    )
    assert added == []  # "May" and "Will": stop words, and written lower-case here


def test_a_word_the_article_writes_lower_case_does_not_spread() -> None:
    text = "Analysts at Apple said apple sales rose. Apples grew, but Apple did not."
    assert recalled(doc_with(text, ("Apple", "ORG"))) == []


def test_case_and_whole_tokens_are_respected() -> None:
    text = "Analysts at Apple said so. Apples grew, APPLE fell, and Apple rose."
    added = recalled(doc_with(text, ("Apple", "ORG")))
    assert added == [("Apple", "ORG", text.rindex("Apple"))]


def test_an_acronym_spreads_beside_its_lower_case_namesake() -> None:
    text = "The US said it would help us. Let us see what the US does."
    added = recalled(doc_with(text, ("US", "GPE")))
    assert added == [("US", "GPE", text.rindex("US"))]


def test_never_inside_a_longer_name_or_over_the_model() -> None:
    text = (
        "Officials in Jordan told Michael Jordan in Amman that Jordan lives on, as Real Jordan FC."
    )
    doc = doc_with(text, ("Jordan", "GPE"), ("Michael Jordan", "PERSON"), ("Amman", "GPE"))
    added = recalled(doc)
    assert added == [("Jordan", "GPE", text.index("Jordan lives"))]


def test_a_name_found_only_first_in_a_sentence_does_not_spread() -> None:
    text = "Chase the ball. They told Chase nothing. Hunter said so."
    assert recalled(doc_with(text, ("Chase", "PERSON"))) == []


def test_headline_lines_are_skipped() -> None:
    text = (
        "Ms Khan met the staff.\nBudget Cuts Hit Schools as Khan and Staff Protest\nThen Khan left."
    )
    added = recalled(doc_with(text, ("Khan", "PERSON")))
    assert added == [("Khan", "PERSON", text.rindex("Khan"))]


def test_possessives_and_titles_are_cut() -> None:
    text = "Vladimir Putin spoke. Mr Vladimir Putin's army moved, then Vladimir Putin’s aides left."
    added = recalled(doc_with(text, ("Vladimir Putin", "PERSON")))
    assert [t for t, *_ in added] == ["Vladimir Putin", "Vladimir Putin"]
    assert recall(doc_with(text), []) == []  # nothing found, nothing spread
    doc = doc_with(text, ("Vladimir Putin", "PERSON"))
    titled = [(m.text, m.title) for m in recall(doc, find_mentions(doc)) if m.title]
    assert titled == [("Vladimir Putin", "Mr")]


def test_an_added_mention_takes_the_label_the_article_gives_most() -> None:
    text = "Lyon won. Fans of Lyon sang. Lyon fans left, and Lyon was quiet."
    doc = doc_with(text, ("Lyon", "GPE"), ("Lyon", "ORG"), ("Lyon", "ORG"))
    assert recalled(doc) == [("Lyon", "ORG", text.rindex("Lyon"))]
