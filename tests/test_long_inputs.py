"""Long and repetitive inputs: the work per article grows with its length, not with its length
times its names, figures or quotations, and story assignment never holds every candidate pair
of a batch at once. Counted, not timed (`benchmarks/hostile.py` times them): the text an
extractor reads, the list items it visits, the pairs scored at once."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from datetime import date
from typing import SupportsIndex

import numpy as np
import pyarrow as pa
import pytest
from spacy.tokens import Doc

from pipeline import nlp
from pipeline.analysis import ANALYSES, COMPONENTS
from pipeline.entities import mentions
from pipeline.entities.local import resolve_in_article
from pipeline.entities.mentions import Mention
from pipeline.figures import extract as figure_extract
from pipeline.figures import find_figures, scan
from pipeline.parsed import ParsedArticle
from pipeline.quotes import extract
from pipeline.stories import assign as rules
from pipeline.stories.assign import Signature, assign, minhash_bytes
from pipeline.tables import SIGNATURES

MODEL = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)


class Counted(str):
    """A text that counts the characters its slices, indexing and searches go over."""

    read = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        found = super().__getitem__(key)
        Counted.read += max(len(found), 1)
        return found

    def find(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        found = super().find(sub, start, end)
        begin = 0 if start is None else int(start)
        Counted.read += (found if found >= 0 else len(self)) - begin
        return found

    def rfind(
        self, sub: str, start: SupportsIndex | None = None, end: SupportsIndex | None = None
    ) -> int:
        found = super().rfind(sub, start, end)
        Counted.read += (len(self) if end is None else int(end)) - max(found, 0)
        return found


class Tally(list):
    """A list that counts the items read from it."""

    read = 0

    def __iter__(self) -> Iterator:
        for item in super().__iter__():
            Tally.read += 1
            yield item

    def __getitem__(self, key: SupportsIndex | slice) -> object:  # type: ignore[override]
        Tally.read += 1
        return super().__getitem__(key)


@pytest.fixture(autouse=True)
def _reset_counts() -> None:
    Counted.read = Tally.read = 0


def one_line(sentence: str, times: int) -> str:
    return " ".join([sentence] * times)


def test_each_line_is_judged_once_however_many_names_it_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = MODEL(one_line("Mr Healey met John Smith and Ed Miliband in Leeds on Monday.", 150))
    text = Counted(nlp.doc_text(doc))
    monkeypatch.setattr(mentions, "doc_text", lambda _doc: text)
    found = mentions.find_mentions(doc)
    assert len(found) > 400
    assert Counted.read < 3 * len(text)  # was about 2 * len(text) per name


def test_surnames_are_resolved_in_one_pass_however_many_people_share_them() -> None:
    people = [Mention(i * 40, i * 40 + 12, f"Person{i} Smith", "PERSON") for i in range(2000)]
    bare = [Mention(i * 40 + 20, i * 40 + 25, "Smith", "PERSON") for i in range(2000)]
    started = time.perf_counter()
    named = resolve_in_article(sorted(people + bare, key=lambda m: m.start))
    assert time.perf_counter() - started < 2  # was a search of every candidate per mention
    assert named[1].name == "Person0 Smith" and named[3].name == "Smith"


def test_amounts_are_read_in_a_window_not_back_to_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Window:
        """`_SIGN`, noting how much text each search may go over."""

        widest = 0

        def search(self, text: str, pos: int, endpos: int) -> object:
            Window.widest = max(Window.widest, endpos - pos)
            return sign.search(text, pos, endpos)

    sign = scan._SIGN
    monkeypatch.setattr(scan, "_SIGN", Window())
    text = Counted(one_line("Police found 12 Old Red Buses and -4 degrees in 7 Kent Street.", 300))
    amounts = scan.scan(text)
    assert len(amounts) >= 600 and any(a.value == -4 for a in amounts)
    assert Window.widest <= 2
    assert Counted.read < 3 * len(text)  # the rest of the text was sliced per street number


def test_quotations_are_attributed_without_rereading_their_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = (
        "“We will not jeopardise the peace by forgetting the war,” John Healey said on Monday. "
        "Mr Healey later told the Prime Minister: “The coalition is strong and it will stay so.”"
    )
    article = ParsedArticle(MODEL(one_line(sentence, 80)))
    article.mentions = Tally(article.mentions)
    text = Counted(nlp.doc_text(article.doc))
    monkeypatch.setattr(extract, "doc_text", lambda _doc: text)
    quotes = extract.find_quotes(article)
    assert len(quotes) == 160 and {q.speaker for q in quotes} == {"John Healey"}
    assert Counted.read < 4 * len(text)  # the paragraph up to each quotation, before
    assert Tally.read < 3 * len(article.mentions)  # every mention, per quotation, before


def test_unclosed_marks_do_not_each_search_to_the_end_of_the_paragraph() -> None:
    text = Counted("“a " * 3000 + "‘b " * 3000 + "the end")
    assert extract.find_spans(text) == []
    assert Counted.read < 4 * len(text)


def test_a_long_sentence_of_figures_keeps_a_bounded_sentence_per_figure() -> None:
    table = "Results: " + ", ".join(f"{n} goals for team {n}" for n in range(1, 1500))
    figures = find_figures(MODEL(table))
    assert len(figures) > 1000
    longest = figure_extract.SENTENCE_CHARS
    assert all(len(f.sentence) <= longest and f.text in f.sentence for f in figures)


def _parsed_rows(doc: Doc) -> dict[str, list[dict]]:
    article = ParsedArticle(doc)
    return {analysis.table.name: analysis.rows(article) for analysis in ANALYSES}


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the model is given from now on."""
    given: list[str] = []
    pipe = MODEL.pipe

    def recording(texts: Iterable[str], **options: int) -> Iterator:
        texts = list(texts)
        given.extend(texts)
        return pipe(texts, **options)

    monkeypatch.setattr(MODEL, "pipe", recording)
    return given


def test_a_long_text_is_parsed_in_pieces_with_the_same_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraphs = [
        f"Mr Healey told {n + 20} ministers in Brussels on Friday that about {n * 3} "
        f"tanks had been sent. “The coalition is strong and it will stay strong,” he said."
        for n in range(40)
    ]
    text = "\n\n".join(paragraphs)
    [whole] = nlp.parse(MODEL, [text])
    given = _recording(monkeypatch)
    monkeypatch.setattr(nlp, "PIECE", 1_000)
    [doc] = nlp.parse(MODEL, [text])
    assert doc.text == text and len(given) > 5 and max(map(len, given)) <= 1_000
    assert _parsed_rows(doc) == _parsed_rows(whole)


def test_a_run_without_spaces_reaches_the_tokenizer_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "The crowd shouted “" + "!" * 3 * nlp.RUN + "” as Mr Healey arrived in Brussels."
    given = _recording(monkeypatch)
    [doc] = nlp.parse(MODEL, [text])
    assert doc.text == text
    assert max(len(run) for piece in given for run in re.findall(r"\S+", piece)) <= nlp.RUN
    assert [m.text for m in mentions.find_mentions(doc)][-2:] == ["Healey", "Brussels"]


def _signatures(count: int, prefix: str) -> list[Signature]:
    """Near-identical items: one body, each a candidate of every other."""
    body = "The council said the road will stay closed until repairs are finished next week."
    minhash = minhash_bytes(body)
    return [
        Signature(f"{prefix}{n:04}", minhash, frozenset({f"name {n}"}), date(2025, 4, 10))
        for n in range(count)
    ]


def test_known_candidates_are_scored_in_bounded_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    known = _signatures(40, "k")
    table = pa.Table.from_pylist(
        [
            {"doc_id": s.doc_id, "minhash": s.minhash, "entities": sorted(s.entities),
             "published": s.published, "story_id": s.doc_id}  # every known one its own story
            for s in known
        ],
        schema=SIGNATURES.schema,
    )  # fmt: skip
    expected = assign(_signatures(60, "n"), table)
    scored: list[int] = []
    score = rules._score

    def counting(text: np.ndarray, **rest: np.ndarray) -> np.ndarray:
        scored.append(len(text))
        return score(text, **rest)

    monkeypatch.setattr(rules, "_score", counting)
    monkeypatch.setattr(rules, "MAX_PAIRS", 2 * 40 * rules.BANDS)
    assert assign(_signatures(60, "n"), table) == expected
    assert max(scored) == 2 * 40  # two new articles against the 40 known; 2,400 pairs before
