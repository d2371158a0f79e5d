"""The faster attribute-ruler and lemmatizer passes (`nlp._speed_up`) annotate exactly as spaCy's
own components do."""

import numpy as np
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from pipeline import nlp
from pipeline.analysis import COMPONENTS

from .conftest import SAMPLE_CORPUS

# Words the model's multi-token rules ("ai n't", "gon na"), its whitespace rules and its
# lemmatizer's exceptions and base forms read.
ODD = [
    "He ain't gonna wanna go, y'all.  It's   fine\n\n\tNo.",
    "I can't, won't, shouldn't; she'd've gone. Geese were flying; the mice ran better.",
    "Gotta go!  \n  Dunno.",
    " ",
    "",
]


def test_faster_passes_annotate_as_spacy_does() -> None:
    faster = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    stock = spacy.load(nlp.DEFAULT_MODEL)
    for name in set(stock.pipe_names) - set(faster.pipe_names):
        stock.remove_pipe(name)
    assert faster.pipe_names == stock.pipe_names
    assert all("pipe" in vars(faster.get_pipe(n)) for n in ("attribute_ruler", "lemmatizer"))
    texts = [p.read_text() for p in sorted(SAMPLE_CORPUS.glob("*.txt"))] + ODD
    texts = texts * 2  # the second time, every word's outcome is known
    attrs = [TAG, POS, DEP, MORPH, LEMMA]
    for ours, theirs in zip(
        faster.pipe(texts, batch_size=4), stock.pipe(texts, batch_size=4), strict=True
    ):
        assert np.array_equal(ours.to_array(attrs), theirs.to_array(attrs))
        words = [(t.lemma_, str(t.morph)) for t in ours]
        assert words == [(t.lemma_, str(t.morph)) for t in theirs]
