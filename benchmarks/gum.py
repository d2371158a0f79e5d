"""GUM as an entity benchmark: its documents, their hand-linked entities, and the scorer.

`../shared/eval/gum/dep/*.conllu` marks every mention (`Entity=(id-type-...-identity` in MISC)
and, for named things, the Wikipedia title they refer to. A document's text is rebuilt from its
tokens (`SpaceAfter=No`), one paragraph per `# newpar`, so gold mentions have character offsets.

Split by document, never by sentence: **dev** is GUM's own dev list (those of its documents in
the shared copy), **tune** every other document. Rules are tuned on tune; dev is only scored.

Scored, as the issue defines them, over the gold entities of type person, organization or place
that are linked to Wikipedia and named at least once (a mention holding a proper noun):
- linked recall: a gold entity is found when some predicted entity of its document has one of
  its mentions' names (compared folded, without a leading article, a trailing possessive, or
  leading titles such as "Dr." and "Lord"). A mention's name is the run of proper nouns and
  capitalised words around its syntactic head when that head is a proper noun ("John Cam
  Hobhouse" of "John Cam Hobhouse, who initiated him ...", "Baltic Sea" of "the Baltic Sea");
  a mention that describes (GUM's `pred` and `appos` links: "a Fellow of the Royal Society")
  or whose head is a common noun names nothing;
- fragmentation: the predicted entities of the document that hold one of those names, per gold
  entity found (1.00: each real entity is one of ours).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.wordlist import words

# GUM's dev documents (its published split); the shared copy holds the non-news genres only.
DEV = words(
    """GUM_academic_exposure GUM_academic_librarians GUM_bio_byron GUM_bio_emperor GUM_court_loan
    GUM_essay_evolved GUM_interview_cyclone GUM_interview_gaming GUM_letter_arendt
    GUM_podcast_wrestling GUM_speech_impeachment GUM_speech_inauguration GUM_textbook_governments
    GUM_textbook_labor GUM_voyage_athens GUM_voyage_coron GUM_whow_joke GUM_whow_overalls"""
)
SCORED_TYPES = frozenset({"person", "organization", "place"})
# Words before a name that are not part of it, for comparing names only.
_LEADING = words(
    """the a an mr mrs ms miss dr prof sir dame lord lady rev st saint king queen prince princess
    president senator governor general captain professor judge justice pope"""
)
_LINKS = frozenset({"of", "de", "and", "&", "the", "for", "on"})
# Links whose mention describes rather than names ("Bernoulli was a Fellow of ...", "Daniel,
# nephew of Jacob Bernoulli"): their words are not names of the entity.
_NOT_NAMES = frozenset({"pred", "appos"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NON_WORD = re.compile(r"[^\w\s]")


@dataclass
class GoldEntity:
    identity: str  # the Wikipedia title
    type: str
    names: set[str] = field(default_factory=set)  # comparison keys of its named mentions


@dataclass
class Document:
    name: str
    text: str
    entities: dict[str, GoldEntity]  # by identity


def name_key(text: str, titles: bool = True) -> str:
    """How a name is compared: case and punctuation folded, without a leading article or (unless
    `titles` is false) the titles before a name."""
    words = _NON_WORD.sub(" ", _POSSESSIVE.sub("", text.strip()).casefold()).split()
    while len(words) > 1 and words[0] in (_LEADING if titles else _ARTICLES):
        words.pop(0)
    return " ".join(words)


def documents(gum: Path, split: str) -> Iterator[Document]:
    """The documents of `split` ('tune', 'dev' or 'all'), in name order."""
    for path in sorted((gum / "dep").glob("*.conllu")):
        if split == "all" or (path.stem in DEV) == (split == "dev"):
            yield read_document(path)


def read_document(path: Path) -> Document:
    pieces: list[str] = []
    length = 0
    opened: dict[str, list[_Open]] = defaultdict(list)
    closed: list[tuple[_Open, int]] = []
    tokens: list[tuple[int, int, bool]] = []  # start, end, proper noun
    heads: list[int] = []  # each token's syntactic head, a document token index (-1: the root)
    sentence_start = 0
    paragraph_start, no_space = True, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            paragraph_start = True
            continue
        if line.startswith("# sent_id"):
            sentence_start = len(tokens)
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multi-word token ranges and empty nodes
        if pieces:
            gap = "\n\n" if paragraph_start else "" if no_space else " "
            pieces.append(gap)
            length += len(gap)
        paragraph_start = False
        start = length
        pieces.append(cols[1])
        length += len(cols[1])
        misc = dict(part.split("=", 1) for part in cols[9].split("|") if "=" in part)
        field_ = misc.get("Entity", "")
        tokens.append((start, length, cols[3] == "PROPN"))
        heads.append(sentence_start + int(cols[6]) - 1 if cols[6] != "0" else -1)
        for m in _OPEN.finditer(field_):
            parts = m.group(0)[1:].split("-")
            identity = parts[7] if len(parts) > 7 and parts[6] not in _NOT_NAMES else ""
            minimal = [int(p) for p in parts[5].split(",") if p.isdigit()] if len(parts) > 5 else []
            opened[m.group(1)].append(_Open(len(tokens) - 1, m.group(2), identity, minimal))
        for number in _CLOSE.findall(field_.replace("(", " (")):
            if opened.get(number):
                closed.append((opened[number].pop(), len(tokens)))
        no_space = misc.get("SpaceAfter") == "No"
    text = "".join(pieces)
    entities: dict[str, GoldEntity] = {}
    for mention, end in closed:
        if mention.type not in SCORED_TYPES or mention.identity in ("", "_"):
            continue
        name = _name(mention, end, tokens, heads, text)
        if name:
            entity = entities.setdefault(
                mention.identity, GoldEntity(mention.identity, mention.type)
            )
            entity.names.update({name_key(name), name_key(name, titles=False)})
    return Document(path.stem, text, entities)


@dataclass
class _Open:
    first: int  # token index
    type: str
    identity: str
    minimal: list[int]  # GUM's minimal span: 1-based token positions in the mention


def _name(
    mention: _Open, end: int, tokens: list[tuple[int, int, bool]], heads: list[int], text: str
) -> str:
    """The mention's name: the run of name words around its syntactic head when that is a proper
    noun ("John Cam Hobhouse" of "John Cam Hobhouse, who initiated him ..."); '' when the head is
    not one ("Professor of Linguistics at the University of ..."). Name words are proper nouns and
    capitalised words ("the Baltic Sea", "United States"), with the links between two of them
    ("University of Helsinki") and hyphens inside a word ("Pierre-Simon")."""

    def word(k: int) -> str:
        return text[tokens[k][0] : tokens[k][1]]

    def named(k: int) -> bool:
        return tokens[k][2] or word(k)[:1].isupper()

    def inside_name(k: int) -> bool:
        if named(k):
            return True
        if not mention.first < k < end - 1 or not (named(k - 1) and named(k + 1)):
            return False
        joined = tokens[k][0] == tokens[k - 1][1] and tokens[k + 1][0] == tokens[k][1]
        return word(k) in _LINKS or (word(k) == "-" and joined)

    inside = range(mention.first, end)
    head = next((k for k in inside if heads[k] not in inside), mention.first)
    if not tokens[head][2]:
        return ""
    first = last = head
    while first > mention.first and inside_name(first - 1):
        first -= 1
    while last + 1 < end and inside_name(last + 1):
        last += 1
    return text[tokens[first][0] : tokens[last][1]]


_OPEN = re.compile(r"\((\d+)-([a-z]+)-[^()]*")
_CLOSE = re.compile(r"(\d+)\)")


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    fragments: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def fragmentation(self) -> float:
        return self.fragments / self.found if self.found else 0.0


def score(docs: Iterable[Document], predicted: dict[str, dict[str, set[str]]]) -> Scores:
    """`predicted[doc][entity]` is the set of mention texts of one predicted entity there."""
    scores = Scores()
    for doc in docs:
        ours = {e: {name_key(t) for t in texts} for e, texts in predicted.get(doc.name, {}).items()}
        for gold in doc.entities.values():
            scores.gold += 1
            holders = sum(1 for keys in ours.values() if keys & gold.names)
            if holders:
                scores.found += 1
                scores.fragments += holders
    return scores


def show_errors(docs: Iterable[Document], predicted: dict[str, dict[str, set[str]]]) -> None:
    """Per document: the gold entities missed, and those split over several of ours."""
    for doc in docs:
        ours = {e: {name_key(t) for t in texts} for e, texts in predicted.get(doc.name, {}).items()}
        for gold in doc.entities.values():
            holders = [sorted(texts) for texts in ours.values() if texts & gold.names]
            if len(holders) != 1:
                what = "missed" if not holders else f"split {holders}"
                print(f"   {doc.name} {gold.type} {gold.identity} {sorted(gold.names)}: {what}")
