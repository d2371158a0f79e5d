"""Quotations: marks paired across paragraphs, speakers from cues, titles and pronouns, ids
shared across articles."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import nlp
from pipeline.parsed import ParsedArticle
from pipeline.quotes import COMPONENTS, find_quotes
from pipeline.quotes.corpus import quote_ids
from pipeline.quotes.extract import find_spans

MODEL = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)


def quotes_of(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.text, q.speaker, q.cue, q.kind) for q in find_quotes(ParsedArticle(MODEL(text)))]


def test_a_quotation_runs_over_paragraphs_that_reopen_it() -> None:
    body = (
        "Mr Healey said on Saturday: “Our coalition is strong.\n\n"
        "“We will not jeopardise the peace by forgetting the war.”\n\n"
        "He left for Brussels."
    )
    [(text, _, _, _)] = quotes_of(body)
    assert text.startswith("Our coalition") and text.endswith("forgetting the war.")
    [span] = find_spans(body)
    assert body[span.start : span.end] == text


def test_nested_single_quotes_stay_inside() -> None:
    body = "“They are afraid to even say the word ‘Russian’ about it,” he said."
    [span] = find_spans(body)
    assert "‘Russian’" in body[span.start : span.end]


def test_straight_quotes_and_apostrophes() -> None:
    body = 'The minister said "we can\'t wait any longer for the talks".'
    [(text, _, cue, _)] = quotes_of(body)
    assert text == "we can't wait any longer for the talks" and cue == "said"


def test_speaker_from_a_cue_after_the_quotation() -> None:
    body = (
        "John Healey spoke first.\n\n"
        "“We cannot jeopardise the peace,” he is expected to tell delegates."
    )
    [(_, speaker, cue, kind)] = quotes_of(body)
    assert (speaker, cue, kind) == ("John Healey", "is expected to tell", "statement")


def test_pronoun_goes_to_the_person_who_was_the_subject() -> None:
    body = (
        "Mr Starmer has taken aim at Vladimir Putin’s tactics.\n\n"
        "“They are playing for time, it is a classic from the playbook,” he told world leaders."
    )
    [(_, speaker, cue, _)] = quotes_of(body)
    assert (speaker, cue) == ("Starmer", "told")


def test_a_title_finds_the_person_the_article_gave_it() -> None:
    body = (
        "Prime Minister Keir Starmer spoke in Paris.\n\n"
        "“Now is not the time to lift sanctions on Russia at all,” the Prime Minister said."
    )
    [(_, speaker, _, _)] = quotes_of(body)
    assert speaker == "Keir Starmer"


def test_a_quotation_standing_alone_takes_the_sentence_before() -> None:
    body = (
        "Bridget Brink, the US ambassador, posted a message which read:\n\n"
        "“Horrified that tonight a ballistic missile struck near a playground.”"
    )
    [(_, speaker, _, _)] = quotes_of(body)
    assert speaker == "Bridget Brink"


def test_scare_quotes_are_phrases() -> None:
    body = "Russia must face “even more pressure” from the so-called “coalition of the willing”."
    assert [q[3] for q in quotes_of(body)] == ["phrase", "phrase"]


def test_quote_ids_are_shared_by_the_same_words() -> None:
    ids = quote_ids(
        [
            "We cannot jeopardise the peace by forgetting about the war, so we must act.",
            "We cannot jeopardise the peace by forgetting about the war",
            "Something else entirely was said here by someone.",
        ]
    )
    assert ids[0] == ids[1] != ids[2]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”‘’\"'\n.,")), max_size=200))
def test_pairing_marks_never_raises_and_spans_hold(text: str) -> None:
    for span in find_spans(text):
        assert 0 <= span.open_at < span.start <= span.end == span.close_at < len(text)
