"""spaCy `Doc`s built by hand for rule tests, as spaCy's own tests build them: the tokens, parse
and entities a rule reads are fixed in the test, so a new model cannot change what the rule is
given. Only the end-to-end tests (marked "with the real model") parse with the model.

A doc is its text and a table of its tokens. A parsed doc has one token a line: index, word,
head (an index), dependency label, coarse part of speech and, where it is not the word
(lower-cased unless a proper noun), the lemma::

    build_doc(
        "He said so.",
        r'''
        0  He    1  nsubj   PRON
        1  said  1  ROOT    VERB  say
        2  so    1  advmod  ADV
        3  .     1  punct   PUNCT
        ''',
        ents=[(0, 1, "PERSON")],
    )

A doc with entities and no parse (all `find_mentions` reads) has index and word pairs, as many
to a line as fit: `0 Mr  1 Healey  2 spoke`.

Write tables as raw strings, whitespace tokens escaped (`\\n\\n`, `\\xa0`). A token is followed
by a space when the text has one after it. Sentences follow the heads, as in a parsed doc (a
root and its subtree are one sentence); entities are token spans (start, end, label), as `Span`
takes them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


@functools.cache
def english_vocab() -> Vocab:
    """English lexical attributes (`is_punct`, `is_space`, `like_num`, ...) with no model."""
    return spacy.blank("en").vocab


def build_doc(text: str, table: str, ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """The doc of `text` with the tokens, parse and entities given (see the module)."""
    fields = table.split()  # a parsed table's fifth field is a part of speech, not an index
    parsed = not all(f.isdigit() for f in fields[::2]) or len(fields) % 2 == 1
    if parsed:
        rows = [line.split() for line in table.strip().splitlines()]
    else:
        rows = [fields[i : i + 2] for i in range(0, len(fields), 2)]
    for i, row in enumerate(rows):
        if int(row[0]) != i or len(row) not in ({5, 6} if parsed else {2}):
            raise ValueError(f"token {i} is not 'index word' or 'index word head dep pos [lemma]'")
    words = [_unescape(row[1]) for row in rows]
    doc = Doc(
        english_vocab(),
        words=words,
        spaces=_spaces(text, words),
        heads=[int(row[2]) for row in rows] if parsed else None,
        deps=[row[3] for row in rows] if parsed else None,
        pos=[row[4] for row in rows] if parsed else None,
        lemmas=[_lemma(word, row) for word, row in zip(words, rows, strict=True)]
        if parsed
        else None,
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def _unescape(word: str) -> str:
    r"""`\n\n` -> two line breaks; other characters are left as they are."""
    return word.encode("latin-1", "backslashreplace").decode("unicode_escape")


def _lemma(word: str, row: list[str]) -> str:
    if len(row) == 6:
        return row[5]
    return word if row[4] in {"PROPN", "SPACE"} else word.lower()


def _spaces(text: str, words: list[str]) -> list[bool]:
    """Whether each word is followed by a space in `text`; the words must spell it."""
    spaces: list[bool] = []
    at = 0
    for i, word in enumerate(words):
        if not text.startswith(word, at):
            raise ValueError(f"token {i} ({word!r}) is not at {text[at : at + 20]!r} of the text")
        at += len(word)
        spaces.append(text.startswith(" ", at))
        at += spaces[-1]
    if at != len(text):
        raise ValueError(f"the table ends before {text[at : at + 20]!r} of the text")
    return spaces
