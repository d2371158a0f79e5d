"""PolNeAR attributions as gold for quotations: reading the brat standoff files, mapping the
pipeline's body offsets back to the raw text, and scoring quotation rows against the gold.

A gold attribution is one `E` line of an article's `.ann` file: its `Content` (and `Content2`)
fragments, its `Source` fragments (absent for `Attribution-no-source`). Its content is a DIRECT
quotation when its first fragment starts with a double quotation mark (`"`, `“` or NYT's `''`);
any other content is indirect (reported speech or thought, mixed quotations included). Where
several annotators' files exist for one article, the first annotator in sorted order is used.

A predicted row (raw-text `start`/`end`, a `speaker`, a `kind`) matches a gold attribution when
the characters they share are at least half of the shorter of the two (the gold content's
fragments summed).

Reported speech: the gold marks speech and thought alike ("he said the plan failed", "she
believes the plan failed"), and the issue's bar is for speech. So an indirect attribution is
reported SPEECH when a word of its `Cue` fragments is a form of one of `SPEECH_VERBS` (fixed here
for scoring, independent of the pipeline's lists): say, tell, add, state, warn, announce, deny,
claim, argue, insist, explain, report, note, acknowledge, admit, suggest, write, declare,
assert, contend, allege, confirm, reply, respond, predict, promise, pledge, vow, stress,
emphasize, recall, testify, tweet, urge, concede, complain, boast, remark, maintain, reveal,
disclose, ask, caution, and "according" (to). Reported-speech recall is over those; its precision
is over every gold attribution, any kind: a `reported` row on a gold thought, or on a mixed
quotation, is an attribution the gold marks too, not a wrong one. Direct quotations are matched
by quotation rows only (a reported clause holding a short quotation does not find it).

Speakers are judged by the gold source's head (the syntactic root of the source up to its first
comma or parenthesis, so an appositive does not count), read from a parse of the raw text with
the project's model: a head inside a PERSON, ORG or GPE entity, or a capitalised proper noun,
makes the source a name (`Mr. Trump`, `The New York Post`, `Jason Miller, a spokesman`), whose
surname is the last capitalised word of that entity (else the head), "Jr."/"III" aside; a
pronoun head makes it a pronoun (`he`, `they`, relative `who`), anything else a nominal (`the
spokeswoman`, `sources`, `the Clinton campaign`). A name is right when its
surname is a word of our speaker. A pronoun or nominal is judged against its referent,
approximated from the gold itself: the most recent gold named source that starts before it in
the same article, skipping, for a singular personal pronoun (he, she, I, ...), names the model
tags as an organisation, place or group; with no such name it is left out (and counted). A
nominal that names its holder in apposition within the source ("the White House spokesman, Josh
Earnest", "the economist Jared Bernstein") refers to that person, whatever was named before it
(never to the one it is of: "Clinton's spokesman" is not Clinton).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from pipeline.wordlist import words

DIRECT_MARKS = ('"', "“", "''")
PERSON_PRONOUNS = {"he", "she", "i", "him", "her", "me", "his", "hers", "myself", "himself",
                   "herself"}  # fmt: skip
NAMES = {"PERSON", "ORG", "GPE"}  # a source's head inside one of these is a name
SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}  # not surnames: "Brent Bozell III" is Bozell
NOT_PEOPLE = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
# Verbs of speech, lemmas (see the module's docstring); a cue holding one of their forms, or
# "according", reports speech.
SPEECH_VERBS = words(
    """say tell add state warn announce deny claim argue insist explain report note
    acknowledge admit suggest write declare assert contend allege confirm reply respond predict
    promise pledge vow stress emphasize emphasise recall testify tweet urge concede complain boast
    remark maintain reveal disclose ask caution"""
)
IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"]}

Fragments = tuple[tuple[int, int], ...]


def _forms(lemma: str) -> set[str]:
    """The inflected forms of a regular verb (a few too many does no harm), and its irregular
    ones: "argue" -> argues, argued, arguing; "deny" -> denies, denied; "admit" -> admitted."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", *IRREGULAR.get(lemma, [])}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][tp]", lemma):  # admit -> admitted
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


SPEECH_FORMS = {"according"}.union(*map(_forms, SPEECH_VERBS))


@dataclass
class Attribution:
    content: Fragments
    source: Fragments
    direct: bool
    cue: Fragments = ()
    speech: bool = False  # its cue holds a speech verb (`SPEECH_FORMS`)
    # Filled by `read_sources` from the raw parse: "name", "pronoun", "nominal" or None.
    source_kind: str | None = None
    surname: str | None = None
    referent: str | None = None  # a pronoun's or nominal's approximated surname


@dataclass
class Article:
    name: str
    annotator: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    """One predicted quotation in raw-text offsets."""

    start: int
    end: int
    speaker: str | None
    kind: str


def load_split(folder: Path, limit: int | None = None) -> list[Article]:
    """The articles of one split (`train/` or `dev/`), sorted by name, each with the attributions
    of its first annotator in sorted order."""
    files: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name, _, _annotator = ann.stem.rpartition("_")
        files.setdefault(name, []).append(ann)
    articles: list[Article] = []
    for name in sorted(files)[:limit]:
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        ann = files[name][0]
        text = text_path.read_text(encoding="utf-8")
        article = Article(name, ann.stem.rpartition("_")[2], text)
        article.attributions = _read_ann(ann.read_text(encoding="utf-8"), text)
        articles.append(article)
    return articles


def _read_ann(ann: str, text: str) -> list[Attribution]:
    spans: dict[str, Fragments] = {}
    events: list[str] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = tuple(
                    (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
                )
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append(parts[1])
    attributions: list[Attribution] = []
    for event in events:
        roles: dict[str, list[tuple[int, int]]] = {}
        for arg in event.split():
            role, _, ref = arg.partition(":")
            if ref in spans:
                roles.setdefault(re.sub(r"\d+$", "", role), []).extend(spans[ref])
        content = tuple(sorted(roles.get("Content", [])))
        if not content:
            continue
        first = text[content[0][0] : content[0][1]].lstrip()
        cue = tuple(sorted(roles.get("Cue", [])))
        cue_words = re.findall(r"[a-z]+", " ".join(text[a:b] for a, b in cue).casefold())
        attributions.append(
            Attribution(
                content=content,
                source=tuple(sorted(roles.get("Source", []))),
                direct=first.startswith(DIRECT_MARKS),
                cue=cue,
                speech=not SPEECH_FORMS.isdisjoint(cue_words),
            )
        )
    return attributions


def read_sources(article: Article, doc: Doc) -> None:
    """Classify each gold source (name, pronoun, nominal) from `doc`, the raw text parsed, and
    approximate the referent of pronouns and nominals (see the module's docstring)."""
    named: list[tuple[int, str, bool]] = []  # (start, surname, may be a person)
    for a in article.attributions:
        if not a.source:
            continue
        start, end = max(a.source, key=lambda f: f[1] - f[0])
        head_text = re.split(r"[,(]", article.text[start:end])[0].rstrip()
        span = doc.char_span(start, start + len(head_text), alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        entity = next((e for e in span.ents if e.start <= root.i < e.end), None)
        if entity is not None and entity.label_ not in NAMES:
            entity = None
        if entity is not None or (root.pos_ == "PROPN" and root.text[:1].isupper()):
            a.source_kind = "name"
            a.surname = _surname(entity or [root], root)
            named.append((start, a.surname, root.ent_type_ not in NOT_PEOPLE))
        else:
            a.source_kind = "pronoun" if root.pos_ == "PRON" else "nominal"
            a.surname = root.lower_
            whole = doc.char_span(start, end, alignment_mode="expand")
            holder = _appositive_person(root, whole) if whole is not None else None
            if holder is not None:  # "the White House spokesman, Josh Earnest,": Earnest
                a.referent = _surname(holder, holder.root)
    named.sort()
    for a in article.attributions:
        if a.source_kind not in {"pronoun", "nominal"} or a.referent is not None:
            continue
        start = a.source[0][0]
        person = a.source_kind == "pronoun" and a.surname in PERSON_PRONOUNS
        before = [n for n in named if n[0] < start and (n[2] or not person)]
        a.referent = before[-1][1] if before else None


def _surname(words: Iterable[Token], head: Token) -> str:
    """The last capitalised word of a name, "Jr."/"III" aside, without a possessive."""
    found = [t.text for t in words if t.text[:1].isupper()]
    found = [w for w in found if w.rstrip(".") not in SUFFIXES] or found
    return re.sub(r"['’]s?$", "", found[-1] if found else head.text)


def _appositive_person(root: Token, source: Span) -> Span | None:
    """The PERSON entity a nominal source names its holder by, beside its head within the
    source ("the White House spokesman, Josh Earnest", "the economist Jared Bernstein"), never
    the one it is of ("Clinton's spokesman", "a spokesman for Clinton")."""
    for token in root.children:
        if token.dep_ == "appos" and source.start <= token.i < source.end:
            entity = next((e for e in source.ents if e.start <= token.i < e.end), None)
            if entity is not None and entity.label_ == "PERSON":
                return entity
    return None


def word_aligner(body: str, raw: str) -> Callable[[int], int]:
    """Body offset -> raw offset. The two texts are aligned word by word (whitespace-separated
    words; the cleaner turns no-break spaces into spaces, joins paragraphs with blank lines and
    drops boilerplate): an offset inside a word the alignment pairs with an identical raw word
    moves with it; any other offset goes to the nearest paired word after it (its start), else
    the end of the raw text."""
    body_words = [(m.start(), m.group()) for m in re.finditer(r"\S+", body)]
    raw_words = [(m.start(), m.group()) for m in re.finditer(r"\S+", raw)]
    matcher = difflib.SequenceMatcher(
        None, [w for _, w in body_words], [w for _, w in raw_words], autojunk=False
    )
    paired: list[tuple[int, int, int]] = []  # (body start, body end, raw start)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            b_at, word = body_words[block.a + k]
            paired.append((b_at, b_at + len(word), raw_words[block.b + k][0]))
    starts = [p[0] for p in paired]

    def to_raw(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= paired[i][1]:
            return paired[i][2] + offset - paired[i][0]
        return paired[i + 1][2] if i + 1 < len(paired) else len(raw)

    return to_raw


def overlap(start: int, end: int, fragments: Fragments) -> bool:
    """At least half of the shorter of `start:end` and `fragments` is shared."""
    shared = sum(max(0, min(end, b) - max(start, a)) for a, b in fragments)
    shorter = min(end - start, sum(b - a for a, b in fragments))
    return shorter > 0 and shared >= shorter / 2


def shared_chars(row: Row, fragments: Fragments) -> int:
    return sum(max(0, min(row.end, b) - max(row.start, a)) for a, b in fragments)


def _words(text: str | None) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W_]+", text or "")}


def names(surname: str | None, speaker: str | None) -> bool:
    """The surname's words are all words of the speaker."""
    wanted = _words(surname)
    return bool(wanted) and wanted <= _words(speaker)


@dataclass
class Score:
    direct: int = 0
    direct_found: int = 0
    apostrophes: int = 0  # direct quotations opened by NYT's two apostrophes
    apostrophes_found: int = 0
    statements: int = 0
    statements_matched: int = 0
    named: int = 0
    named_right: int = 0
    referred: int = 0
    referred_right: int = 0
    no_referent: int = 0
    no_source: int = 0
    speech: int = 0  # indirect attributions by a speech verb: reported-speech recall's whole
    reported_found: int = 0
    reported: int = 0
    reported_matched: int = 0
    errors: list[str] = field(default_factory=list)
    # each judged speaker: (article, gold attribution's index) -> ("name" or "referred", right),
    # so two systems can be compared on the quotations both found
    judged: dict[tuple[str, int], tuple[str, bool]] = field(default_factory=dict)

    def on(self, keys: Iterable[tuple[str, int]], kind: str) -> tuple[int, int]:
        """(right, judged) over the speakers of `kind` judged at `keys`."""
        verdicts = [self.judged[k] for k in keys if k in self.judged]
        return sum(right for k, right in verdicts if k == kind), sum(k == kind for k, _ in verdicts)


def score(
    articles: Sequence[Article],
    rows: dict[str, list[Row]],
    statement_kinds: Iterable[str] = ("statement",),
) -> Score:
    """The figures of one system's rows (`rows[name]`, raw offsets) against the gold."""
    kinds = set(statement_kinds)
    s = Score()
    for article in articles:
        ours = rows.get(article.name, [])
        gold = article.attributions
        for number, a in enumerate(gold):
            if not a.direct:
                s.speech += a.speech
                if not a.speech:
                    continue
                if any(r.kind == "reported" and overlap(r.start, r.end, a.content) for r in ours):
                    s.reported_found += 1
                else:
                    cue = " ".join(article.text[b:e] for b, e in a.cue)
                    said = article.text[a.content[0][0] : a.content[0][1]][:60]
                    s.errors.append(f"unreported {article.name}: {cue!r} {said!r}")
                continue
            s.direct += 1
            # a quotation's row, not a reported clause that holds a short quotation
            hits = [r for r in ours if r.kind != "reported" and overlap(r.start, r.end, a.content)]
            quoted = article.text[a.content[0][0] : a.content[0][1]]
            apostrophes = quoted.lstrip().startswith("''")
            s.apostrophes += apostrophes
            if not hits:
                s.errors.append(f"missed  {article.name}: {quoted[:60]!r}")
                continue
            s.direct_found += 1
            s.apostrophes_found += apostrophes
            best = max(hits, key=lambda r: shared_chars(r, a.content))
            if a.source_kind is None:
                s.no_source += 1
            elif a.source_kind == "name":
                s.named += 1
                right = names(a.surname, best.speaker)
                s.named_right += right
                s.judged[article.name, number] = ("name", right)
                if not right:
                    s.errors.append(f"speaker {article.name}: {quoted[:50]!r} ours "
                                    f"{best.speaker!r}, gold {a.surname!r}")  # fmt: skip
            elif a.referent is None:
                s.no_referent += 1
            else:
                s.referred += 1
                right = names(a.referent, best.speaker)
                s.referred_right += right
                s.judged[article.name, number] = ("referred", right)
                if not right:
                    s.errors.append(f"refers  {article.name}: {quoted[:50]!r} ours "
                                    f"{best.speaker!r}, gold {a.surname!r} -> "
                                    f"{a.referent!r}")  # fmt: skip
        for r in ours:
            if r.kind in kinds:
                s.statements += 1
                if any(overlap(r.start, r.end, a.content) for a in gold):
                    s.statements_matched += 1
                else:
                    said = article.text[r.start : r.end][:60]
                    s.errors.append(f"extra   {article.name}: {said!r} ({r.speaker})")
            if r.kind == "reported":
                s.reported += 1
                if any(overlap(r.start, r.end, a.content) for a in gold):
                    s.reported_matched += 1
                else:
                    said = article.text[r.start : r.end][:60]
                    s.errors.append(f"extra reported {article.name}: {said!r} ({r.speaker})")
    return s
