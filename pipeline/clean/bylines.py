"""Bylines and datelines: recognise them and pull out the names, publisher and date they carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.clean.rules import ROLE_WORDS, TIME, WRITTEN_DATE
from pipeline.lexicon.media import CREDENTIALS
from pipeline.metadata import is_date, parse_date

# "By ...", "Words by ...", or a signature dash ("– David Dunkley").
BY_PREFIX = re.compile(
    r"^(?:[–—-]\s*|(?:(?:words|text|story|reporting|report|written|words and pictures|"
    r"additional reporting)\s+)?by[:\s]+(?:(?:contributor|staff|our|special|political)\s+)?"
    r"(?:(?:correspondent|reporter|writer)\s+)?)",
    re.IGNORECASE,
)
EDITING = re.compile(r"^(?:editing|edited|compiled|graphics?|design|production)\s+by\b", re.I)
PUBLISHER_TAIL = re.compile(r"\s+(?:\||for|in|at|-|–|—)\s+(?P<publisher>[^|]{2,60})$")
ROLE = re.compile(rf"\b(?:{ROLE_WORDS})s?\b", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
# Lower-case words allowed inside a name ("Ursula von der Leyen").
PARTICLES = frozenset(
    {
        *("de", "da", "das", "do", "dos", "van", "von", "der", "den", "del", "della", "la"),
        *("le", "bin", "ibn", "al", "el", "di", "du", "st", "st.", "ter", "ten", "y"),
    }
)
# Capitalised words that show a byline names an organisation or a label, not a person.
NOT_NAME_WORDS = frozenset(
    {
        *("the", "a", "an", "this", "that", "these", "our", "your", "their", "his", "her"),
        *("its", "news", "staff", "team", "agency", "agencies", "reporters", "reuters"),
        *("press", "associated", "published", "updated", "share", "comments", "home"),
    }
)
DATE_IN_LINE = re.compile(
    rf"\s*[|·•,-]?\s*(?:{WRITTEN_DATE})(?:[\s,]*(?:at\s*)?{TIME})?\s*", re.IGNORECASE
)
# "5 min read" after a byline's date: the reading time that the byline block shows too.
READING_TIME_IN_LINE = re.compile(
    r"\s*[|·•,-]?\s*\d+\s*(?:-\s*)?min(?:ute)?s?\s*read\s*\Z", re.IGNORECASE
)
DATELINE_WORDS = frozenset({"date", "published", "updated", "posted", "last updated", "modified"})
DATE_PUBLISHER = (
    re.compile(
        rf"^(?:(?:date|published|updated|posted)\s*:?\s*)?(?P<date>{WRITTEN_DATE})"
        rf"(?:[\s,]*(?:at\s*)?{TIME})?\s*[|·•,-]?\s*(?P<publisher>[^\W\d_][^.!?]{{1,60}})$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?P<publisher>[^\W\d_][^.!?|]{{1,60}}?)\s*[|·•,-]?\s*(?:(?:published|updated)\s*:?\s*)?"
        rf"(?P<date>{WRITTEN_DATE})(?:[\s,]*(?:at\s*)?{TIME})?$",
        re.IGNORECASE,
    ),
)
MAX_BYLINE_WORDS = 20


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    publisher: str | None = None
    prefixed: bool = False  # "By ..." and its kin: a byline wherever it stands


def is_person_name(text: str) -> bool:
    """Two to five capitalised words (particles allowed), no digits: a person, not a phrase."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if tokens[0].lower() in PARTICLES or tokens[-1].lower() in PARTICLES:
        return False
    for token in tokens:
        if token.lower() in NOT_NAME_WORDS:
            return False
        if token.lower() in PARTICLES:
            continue
        if not token[0].isupper() or not any(c.isalpha() for c in token):
            return False
    return True


def bare_names(line: str) -> tuple[str, ...]:
    """The names of a line that is nothing but one to three person names ("Jane Roe and Al Poe")."""
    parts = [p.strip() for p in NAME_SPLIT.split(line.strip(" ."))]
    if 1 <= len(parts) <= 3 and all(is_person_name(p) for p in parts):
        return tuple(parts)
    return ()


def parse_byline(line: str) -> Byline | None:
    """The names (and publisher) of a byline line, or None when the line is not a byline."""
    text = line.strip()
    if not text or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    names: list[str] = []
    publisher = None
    prefixed = False
    for segment in re.split(r"\s*;\s*", text):
        if EDITING.match(segment):
            continue
        found = _parse_segment(segment)
        if found is None:
            return None
        prefixed = prefixed or found.prefixed
        publisher = publisher or found.publisher
        names.extend(n for n in found.names if n not in names)
    if not names and not prefixed:
        return None
    return Byline(tuple(names), publisher, prefixed)


def _parse_segment(segment: str) -> Byline | None:
    segment = READING_TIME_IN_LINE.sub("", segment)
    segment = DATE_IN_LINE.sub(" ", segment).strip(" ,|-")
    match = BY_PREFIX.match(segment)
    prefixed = bool(match)
    rest = segment[match.end() :] if match else segment
    publisher = None
    tail = PUBLISHER_TAIL.search(rest)
    if tail and not ROLE.search(tail.group("publisher")):
        candidate = tail.group("publisher").strip()
        if not is_person_name(candidate) or "|" in rest:
            publisher, rest = candidate, rest[: tail.start()]
    names: list[str] = []
    role = False
    for part in NAME_SPLIT.split(rest.strip(" .")):
        part = part.strip()
        if not part:
            continue
        if ROLE.search(part):
            role = True
        elif is_person_name(part):
            names.append(part)
        elif prefixed and publisher is None and _is_org(part):
            publisher = part  # "By Jane Roe, BBC News", "By Reuters"
        else:
            return None
    if prefixed and role and not (names or publisher):
        return Byline((), None, prefixed)  # "By Staff Writer": a byline that names no one
    if not (names or publisher) or not (prefixed or role or publisher):
        return None
    return Byline(tuple(names), publisher, prefixed)


def _is_org(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[0].isupper() or w in {"&", "of", "and"} for w in words)


def parse_date_publisher(line: str, order: str | None = None) -> tuple[date | None, str] | None:
    """A line that is only a date and a publisher ("date 2025-04-10 Ministry of Defence"). Its
    date is None when day and month could be either way round and `order` does not say which
    (`metadata.parse_date`): the line is a dateline all the same."""
    text = line.strip()
    for pattern in DATE_PUBLISHER:
        match = pattern.match(text)
        if match:
            written = match.group("date")
            publisher = match.group("publisher").strip(" ,|-")
            short = len(publisher.split()) <= 8 and publisher.lower() not in DATELINE_WORDS
            if short and is_date(written):
                return parse_date(written, order), publisher
    return None


AUTHOR_PREFIX = re.compile(
    r"^(?:view all posts by|all posts by|posts by|posted by|written by|words by|author:?|"
    r"by:?|about the author:?|profile of)\s+",
    re.IGNORECASE,
)
AUTHOR_SUFFIX = re.compile(
    rf"(?:\s+says:?|\s*[,|]?\s*\b(?:{CREDENTIALS})\b\.?)+$",
    re.IGNORECASE,
)
URL_LIKE = re.compile(r"https?:|www\.|\bwww\b|\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)
ROLE_TAIL = re.compile(rf"\s+(?:{ROLE_WORDS})s?$", re.IGNORECASE)
CREDENTIAL = re.compile(rf"^(?:{CREDENTIALS})\.?$", re.IGNORECASE)
NOT_AUTHORS = frozenset(
    {"no author", "unknown", "admin", "administrator", "agencies", "staff", "editor", "editors"}
)


def _without_role_tail(name: str, publisher: str | None) -> str:
    """ "Jane Roe Example Post Staff" is Jane Roe: the role and the publisher after a name go."""
    if len(name.split()) < 3 or not ROLE_TAIL.search(name):
        return name
    name = ROLE_TAIL.sub("", name)
    if publisher and name.casefold().endswith(" " + publisher.casefold()):
        name = name[: -len(publisher)].strip()
    return name


def clean_authors(names: tuple[str, ...], publisher: str | None) -> tuple[str, ...]:
    """Person names only: no "View all posts by", no "PhD", no URLs, no slug duplicates, and
    not the publisher's name when a person is named beside it."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = AUTHOR_SUFFIX.sub("", AUTHOR_PREFIX.sub("", raw.strip())).strip(" ,;|")
        if not name or CREDENTIAL.match(name) or name.casefold() in NOT_AUTHORS:
            continue
        if URL_LIKE.search(name):
            continue
        name = _without_role_tail(name, publisher)
        if name.isupper() and " " in name:
            name = name.title()  # "ADAM AARONSON" -> "Adam Aaronson"
        key = " ".join(name.replace("-", " ").casefold().split())  # "Sophie-Foster" slug
        if key not in seen:
            seen.add(key)
            out.append(name)
    folded_publisher = (publisher or "").casefold()
    people = [n for n in out if n.casefold() != folded_publisher]
    return tuple(people or out)
