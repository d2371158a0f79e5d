"""Bylines and datelines: recognise them and pull out the names, publisher and dates they carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.clean.rules import FOREIGN_DATE_LABELS, ROLE_WORDS, TIME, WRITTEN_DATE
from pipeline.lexicon.calendar import MONTH_PATTERN
from pipeline.lexicon.media import AGENCIES, CREDENTIALS
from pipeline.metadata import is_date, parse_date

# "By ...", "Words by ...", "Author: ...", "ByJane Roe" (a page that dropped the space), an
# author page's link ("View all posts by ..."), or a signature dash ("– David Dunkley").
BY_PREFIX = re.compile(
    r"^(?:[–—-]\s*|(?:(?:words|text|story|reporting|report|written|posted|words and pictures|"
    r"additional reporting|(?:view\s+)?(?:all\s+)?(?:posts|articles|stories))\s+)?"
    r"(?:by[:\s]+|(?-i:By(?=[A-Z][a-z.])))"  # "ByJane Roe" glued, never "Byrds"
    r"(?:(?:contributor|staff|our|special|political)\s+)?(?:(?:correspondent|reporter|writer)\s+)?"
    r"|(?:author|authors)\s*:\s*)",
    re.IGNORECASE,
)
# An author's explicit label ("Author: Kay", "Written by Kay", "Posted by Kay"): a single given
# name after it is a person's, not a publisher's as after a plain "By" ("By Reuters").
AUTHOR_LABEL = re.compile(r"^(?:authors?\s*:|(?:written|posted)\s+by\b)", re.IGNORECASE)
# A single given name: one capitalised word of letters ("Kay", "Bebs"), not in capitals ("IWB").
GIVEN_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+")
# Bylines that credit help with an article written by someone else.
CONTRIBUTING = re.compile(r"^(?:additional|further|extra)\s+reporting\b", re.IGNORECASE)
EDITING = re.compile(r"^(?:editing|edited|compiled|graphics?|design|production)\s+by\b", re.I)
# " | The Example", " for The Example": a publisher after the names. Without "By" in front
# only a bar or a dot sets it off: "Jane Roe for Example" could be a headline's words.
PUBLISHER_TAIL = re.compile(r"\s+(?P<sep>[|·•]|(?i:for)|in|at|-|–|—)\s+(?P<publisher>[^|]{2,60})$")
PUBLISHER_MARKS = frozenset("|·•")
# The roles a byline gives, beyond the newsroom's own: an op-ed's writer is often an expert.
BYLINE_ROLES = (
    rf"{ROLE_WORDS}|director|attorney|professor|lecturer|fellow|researcher|founder|president|"
    r"officer|chair|economist|historian|scientist"
)
ROLE = re.compile(rf"\b(?:{BYLINE_ROLES})s?\b", re.IGNORECASE)
# Words that qualify a role ("Deputy Political Editor", "Travel News Reporter").
ROLE_MODIFIERS = (
    r"senior|chief|deputy|assistant|associate|executive|managing|contributing|special|staff|"
    r"political|politics|economics|economy|business|finance|money|health|science|technology|"
    r"tech|sports?|travel|foreign|home|crime|courts?|legal|education|environment|climate|arts?|"
    r"culture|music|film|entertainment|showbiz|royal|diplomatic|defen[cs]e|security|"
    r"investigations?|investigative|data|digital|social|news|breaking|local|national|"
    r"international|world|consumer|lifestyle|fashion|food|beauty|shopping|weather|audience|"
    r"features?|opinion|video|photo|multimedia|metro|city|state|regional|white house|"
    r"washington|europe|us|uk|global|trending|sub|copy|night|web|online"
)
# A role and nothing else: "Political Editor", "Staff Writer", "Journalist"; one person's role
# ("Columnists" is a menu's label).
ROLE_ONLY = re.compile(rf"(?:(?:{ROLE_MODIFIERS})\s+){{0,3}}(?:{BYLINE_ROLES})", re.IGNORECASE)
ROLE_WORD = re.compile(rf"(?:{ROLE_MODIFIERS}|{BYLINE_ROLES})s?", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|(?i:\band\b))\s*")
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
# Words that show a line standing alone names no one, though it reads like a name: a page's
# buttons, menus and section labels ("Link Copied", "Front Page", "Middle East"), institutions
# and publications ("Racial Justice Program", "Valley Courier"), and the small words of a
# headline in title case ("How To Grow").
# A "By" in front makes a byline, and these do not apply there.
LABEL_WORDS = frozenset(
    {
        *("images", "image", "photo", "photos", "video", "videos", "copied", "account"),
        *("subscription", "subscribe", "register", "login", "sign", "menu", "submenu"),
        *("expand", "policy", "posts", "stories", "events", "follow", "recipes", "links"),
        *("newsletter", "newsletters", "sections", "categories", "edition", "welcome"),
        *("tweet", "pin", "email", "print", "whatsapp", "facebook", "twitter", "linkedin"),
        *("program", "programme", "project", "institute", "university", "foundation"),
        *("association", "council", "committee", "department", "ministry", "office"),
        *("centre", "center", "group", "society", "company", "media", "network", "store"),
        *("to", "for", "of", "in", "on", "at", "with", "from", "how", "why", "what", "when"),
        *("where", "who", "is", "are", "was", "were", "and", "or", "not", "you", "we", "it"),
        *("my", "about", "into", "over", "after", "before", "vs", "page", "front", "world"),
        *("local", "business", "money", "sport", "sports", "politics", "opinion", "culture"),
        *("travel", "health", "science", "tech", "technology", "entertainment", "lifestyle"),
        *("food", "weather", "podcast", "live", "latest", "popular", "trending", "picks"),
        *("releases", "feature", "features", "review", "reviews", "guide", "data", "example"),
        *("industry", "east", "middle", "national", "international", "crime", "education"),
        *("environment", "climate", "arts", "music", "film", "books", "games", "deals"),
        *("offers", "jobs", "careers", "career", "more", "top", "new", "all", "contact"),
        *("privacy", "terms", "help", "support", "shop", "tickets", "magazine", "archive"),
        *("courier", "times", "post", "herald", "tribune", "gazette", "journal", "chronicle"),
        *("daily", "weekly", "mail", "express", "telegraph", "observer", "inquirer", "globe"),
        *("radio", "tv", "television", "channel", "online", "wire", "today", "bulletin"),
    }
)
# An affiliation's mark after a name in a paper's author list: "Jane Roe1", "Al Poe2,3", "Al Poe*".
FOOTNOTE = re.compile(r"(?<=[a-z])[\d*†‡]+(?:,[\d*†‡]+)*\Z")
# Two words run together where the page dropped a line break ("Jane RoeTravel Reporter"): a
# capital after four lower-case letters; "McDonald", "LeVine" and "FitzGerald" are names.
GLUED = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")
AGENCY = re.compile(rf"(?:{AGENCIES})")
# E-mail addresses and handles beside a name ("Jane Roe@janeroe", "jroe@example.com"), and a
# follow button ("+ Follow").
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|@\w+|(?:^|\s)\+?\s*follow\b", re.IGNORECASE)
DATE_IN_LINE = re.compile(
    rf"\s*[|·•,-]?\s*(?:{WRITTEN_DATE})(?:[\s,]*(?:at\s*)?{TIME})?\s*", re.IGNORECASE
)
# "5 min read" after a byline's date: the reading time that the byline block shows too.
READING_TIME_IN_LINE = re.compile(
    r"\s*[|·•,-]?\s*\d+\s*(?:-\s*)?min(?:ute)?s?\s*read\s*\Z", re.IGNORECASE
)
# A date's label left behind a byline once the date is gone ("By Jane Roe published").
LABEL_TAIL = re.compile(r"\s+(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*\Z", re.I)
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
BY_WORD = re.compile(r"\bby\b", re.IGNORECASE)

# Month names in German, French, Italian and Spanish (and their short forms), by month.
LOCAL_MONTHS: dict[str, int] = {
    **dict.fromkeys(("januar", "jänner", "janvier", "gennaio", "enero", "jan"), 1),
    **dict.fromkeys(("februar", "feber", "février", "febbraio", "febrero", "feb", "févr"), 2),
    **dict.fromkeys(("märz", "mars", "marzo", "mär"), 3),
    **dict.fromkeys(("april", "avril", "aprile", "abril", "avr"), 4),
    **dict.fromkeys(("mai", "maggio", "mayo"), 5),
    **dict.fromkeys(("juni", "juin", "giugno", "junio"), 6),
    **dict.fromkeys(("juli", "juillet", "luglio", "julio", "juil"), 7),
    **dict.fromkeys(("august", "août", "agosto", "aug"), 8),
    **dict.fromkeys(("september", "septembre", "settembre", "septiembre", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "octobre", "ottobre", "octubre", "okt", "oct"), 10),
    **dict.fromkeys(("november", "novembre", "noviembre", "nov"), 11),
    **dict.fromkeys(("dezember", "décembre", "dicembre", "diciembre", "dez", "déc", "dic"), 12),
}
# A day before its month, as German and most of Europe write it: "30. Oktober 2019", "5 juin
# 2018", "4. November 2021", "31. October, 2023", "19 de junio de 2020"; and "20.06.2019".
LOCAL_DATE = re.compile(
    r"(?P<day>\d{1,2})(?:\.|er)?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,9})\.?,?\s+(?:de\s+)?"
    r"(?P<year>\d{4})(?!\d)|\d{1,2}\.\d{1,2}\.\d{4}(?!\d)",
    re.IGNORECASE,
)
# Dates in a head line, and which date each is: "Updated" (or "Modified") before a date makes
# it the date of the last change, kept apart from the publication date.
# Not inside a word ("Symon, August 14"), but after one the page ran into it ("PressApril 28").
FOUND_DATE = re.compile(
    rf"(?<!\d)(?<!\d[/.-])(?:(?<![^\W\d_])|(?-i:(?=[A-Z])))"
    rf"(?:{WRITTEN_DATE}|{LOCAL_DATE.pattern})",
    re.IGNORECASE,
)
UPDATED_LABEL = re.compile(
    r"\b(?:updated|modified|edited|revised|aktualisiert|aggiornato|ultima modifica|mis à jour|"
    r"actualizado)(?![a-z])",
    re.IGNORECASE,
)
# The labels before a date, and the small words between a label and its date ("Pubblicato
# il", "Veröffentlicht am", "15:29 Uhr").
DATE_LABELS = (
    r"(?:first\s+|last\s+)?(?:published|posted|updated|modified)|written|created|released|"
    rf"edited|revised|date|{FOREIGN_DATE_LABELS}|il|am|le|el|den|um|uhr"
)
# A relative time ("5 hours ago", "Published 4 months ago"): a dateline whose date the text
# does not give.
RELATIVE_TIME = re.compile(
    r"\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\s+ago\b|"
    rf"\b(?:{DATE_LABELS})\s*:?\s*(?:just now|ago|yesterday|today)\b",
    re.IGNORECASE,
)
ZONES = r"GMT|BST|UTC|ET|EST|EDT|CET|CEST|IST|PST|PDT|CST|CDT|AEST|AEDT|SAST"
# What a date line holds beside its dates: times, zones, labels, "on" and "at".
DATE_NOISE = re.compile(
    rf"{RELATIVE_TIME.pattern}|{TIME}|\(?\b(?:{ZONES})\b\)?|\b(?:{DATE_LABELS})(?![a-z])\s*:?|"
    rf"\b{MONTH_PATTERN}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH_PATTERN}\b|\b(?:on|at)\b|@",
    re.IGNORECASE,
)
# The separators between a head line's items: bars, dots, slashes between words, spaced dashes.
HEAD_SEPARATORS = re.compile(r"\s*(?:[|·•]|(?<!\d)/(?!\d)|\s[–—-]\s)\s*")
# Items of a byline block that say nothing about who or when.
COUNTS = re.compile(r"\b\d+\s+(?:comments?|responses?|replies|shares?|views?)\b", re.IGNORECASE)
# What is left of such an item once its counts (`COUNTS`) and contacts are gone.
HEAD_FILLER = re.compile(
    r"\d+\s*(?:-\s*)?min(?:ute)?s?\s*read|reading time\b.*|(?:view|leave a|add a|\d+)?\s*comments?|"
    r"(?:categories|category|tags?|topics?|filed under|in)\s*:.*|page\s*\d+",
    re.IGNORECASE,
)
HEAD_LINE_MAX_WORDS = 30
# Words of a dated line that are neither a name, a role nor a label, at most: more, and the
# date stands in a headline or a sentence ("Elections of 5 May 2021: how the parties did").
DATED_LINE_OTHER_WORDS = 3


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    publisher: str | None = None
    prefixed: bool = False  # "By ..." and its kin: a byline wherever it stands
    contributing: bool = False  # "Additional reporting by ...": helpers, not the writers


@dataclass(frozen=True)
class HeadLine:
    """What one line of an article's byline block says: who wrote it and when."""

    names: tuple[str, ...] = ()
    publisher: str | None = None
    published: date | None = None
    updated: date | None = None
    dated: bool = False  # holds a date, a relative time or a date label
    byline: bool = False  # a "By" line, a role, or names set beside a date or a role
    prefixed: bool = False


def is_person_name(text: str) -> bool:
    """Two to five capitalised words (particles allowed), no digits nor a label's colon: a
    person, not a phrase."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or any(ch.isdigit() or ch == ":" for ch in text):
        return False
    if tokens[0].lower() in PARTICLES or tokens[-1].lower() in PARTICLES:
        return False
    if GLUED.search(text):
        return False
    for token in tokens:
        if token.lower() in NOT_NAME_WORDS:
            return False
        if token.lower() in PARTICLES:
            continue
        if not token[0].isupper() or not any(c.isalpha() for c in token):
            return False
    return True


def bare_names(line: str, *, labelled: bool = False) -> tuple[str, ...]:
    """The names of a line that is nothing but one to three person names ("Jane Roe and Al Poe"),
    an agency beside them ("Jane Roe and AP"), a handle, a follow button and an affiliation's
    footnote mark ("Jane Roe1") left out. `labelled`: a "By" label stands over the line, and a
    name may have one of a label's words after its first ("Wei You", not "How You Can Help")."""
    text = CONTACT.sub(" ", line).strip(" .")
    if text.isupper():  # "CAREER FEATURE": a label; a name in capitals comes with "By"
        return ()
    parts = [FOOTNOTE.sub("", p.strip()) for p in NAME_SPLIT.split(text)]
    if not 1 <= len(parts) <= 3:
        return ()
    names = tuple(p for p in parts if is_person_name(p) and not _label_words(p, labelled))
    if names and all(p in names or AGENCY.fullmatch(p) for p in parts):
        return names
    return ()


def _has_label_word(name: str) -> bool:
    return any(token.lower().strip(".,:;") in LABEL_WORDS for token in name.split())


def _label_words(name: str, labelled: bool) -> bool:
    """`name` has a label's words, more than a labelled name may ("Wei You" under "By")."""
    if not labelled:
        return _has_label_word(name)
    first, *rest = name.split()
    return _has_label_word(first) or sum(_has_label_word(t) for t in rest) > 1


def is_given_name(text: str) -> bool:
    """A single given name ("Kay", "Bebs"): one capitalised word, not a label's, a role's, an
    agency's or a placeholder's ("Admin", "Staff", "Reuters", "Home")."""
    word = text.strip()
    if not GIVEN_NAME.fullmatch(word) or not word[0].isupper() or word.isupper():
        return False
    folded = word.casefold()
    return not (
        folded in LABEL_WORDS
        or folded in NOT_NAME_WORDS
        or folded in NOT_AUTHORS
        or folded in PARTICLES
        or ROLE.fullmatch(word)
        or AGENCY.fullmatch(word)
    )


def parse_byline(line: str, *, given: bool = False) -> Byline | None:
    """The names (and publisher) of a byline line, or None when the line is not a byline.

    A single given name is a person's after an author's label ("Author: Kay"), or with `given`
    (the caller has seen a blog's byline: "12/04/2020 by Kay 24 Comments"); after a plain "By"
    it is a publisher's ("By Reuters")."""
    text = line.strip()
    if not text or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    names: list[str] = []
    publisher = None
    prefixed = contributing = False
    for segment in re.split(r"\s*;\s*", text):
        if EDITING.match(segment):
            continue
        found = _parse_segment(segment, given=given or AUTHOR_LABEL.match(segment) is not None)
        if found is None:
            return None
        prefixed = prefixed or found.prefixed
        contributing = contributing or (found.contributing and not names)
        publisher = publisher or found.publisher
        names.extend(n for n in found.names if n not in names)
    if not names and not prefixed:
        return None
    return Byline(tuple(names), publisher, prefixed, contributing)


def _parse_segment(segment: str, *, given: bool = False) -> Byline | None:
    segment = READING_TIME_IN_LINE.sub("", GLUED.sub(" ", segment))
    segment = DATE_IN_LINE.sub(" ", segment)
    segment = LABEL_TAIL.sub("", CONTACT.sub(" ", segment)).strip(" ,|-")
    match = BY_PREFIX.match(segment)
    prefixed = bool(match)
    rest = segment[match.end() :] if match else segment
    publisher = None
    tail = PUBLISHER_TAIL.search(rest)
    set_off = tail is not None and (prefixed or tail.group("sep") in PUBLISHER_MARKS)
    if tail and set_off and not ROLE.search(tail.group("publisher")):
        candidate = tail.group("publisher").strip()
        if not is_person_name(candidate) or "|" in rest:
            publisher, rest = candidate, rest[: tail.start()]
    names: list[str] = []
    role = False
    parts = NAME_SPLIT.split(rest.strip(" ."))
    given = given and len(parts) == 1  # "Posted by Al Poe, Marketing, Google": no given name
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if ROLE.search(part):
            role = True
        elif is_person_name(part) and not (_has_label_word(part) and (names or not prefixed)):
            names.append(part)  # a label's words: a name only first after "By" ("By Al You")
        elif prefixed and given and is_given_name(part):
            names.append(part)  # "Author: Kay"
        elif prefixed and (split := _name_then_publisher(part)):
            names.append(split[0])  # "By Tom Reed The Associated Press": no comma
            publisher = publisher or split[1]
        elif (prefixed or role) and publisher is None and _is_org(part):
            publisher = part  # "By Jane Roe, BBC News", "By Reuters", "Jane Roe, Editor, BBC"
        elif prefixed and names and _is_org(part):
            continue  # an affiliation after the publisher ("By Tom Reed, X Project, Google")
        else:
            return None
    contributing = prefixed and CONTRIBUTING.match(segment) is not None
    if prefixed and role and not (names or publisher):
        return Byline((), None, prefixed)  # "By Staff Writer": a byline that names no one
    if not (names or publisher) or not (prefixed or role or publisher):
        return None
    return Byline(tuple(names), publisher, prefixed, contributing)


def _name_then_publisher(part: str) -> tuple[str, str] | None:
    """A name run into the publisher after it, in a "By" line: "Tom Reed The Associated Press",
    "Tom Reed Reuters" (a publisher opening with "The", or a news agency)."""
    tokens = part.split()
    for at in range(2, len(tokens)):
        name, org = " ".join(tokens[:at]), " ".join(tokens[at:])
        if not (tokens[at] == "The" or AGENCY.fullmatch(org)):
            continue
        if is_person_name(name) and not _has_label_word(name) and _is_org(org):
            return name, org
    return None


def _name_before_role(part: str) -> tuple[str, ...]:
    """The name in front of a role with no comma between ("Amy Roe Political Correspondent",
    "Al Poe Deputy Content Director"): the role begins at its first word."""
    tokens = part.split()
    at = next((k for k, t in enumerate(tokens) if ROLE_WORD.fullmatch(t)), len(tokens))
    name = " ".join(tokens[:at])
    named = at < len(tokens) and ROLE.search(tokens[-1]) and is_person_name(name)
    return (name,) if named else ()


def _is_org(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[0].isupper() or w in {"&", "of", "and"} for w in words)


def parse_date_publisher(line: str, order: str | None = None) -> tuple[date | None, str] | None:
    """A line that is only a date and a publisher ("date 2025-04-10 Ministry of Defence"). Its
    date is None when day and month could be either way round and `order` does not say which
    (`metadata.parse_date`): the line is a dateline all the same. A byline, a person's name
    ("Jane Roe 6 November 2023"), or more dates, in the publisher's place make a byline line,
    not this one."""
    text = line.strip()
    for pattern in DATE_PUBLISHER:
        match = pattern.match(text)
        if match:
            written = match.group("date")
            publisher = match.group("publisher").strip(" ,|-:")
            short = len(publisher.split()) <= 8 and publisher.lower() not in DATELINE_WORDS
            named = any(c.isdigit() for c in publisher) or BY_PREFIX.match(publisher)
            zone = re.fullmatch(ZONES, publisher, re.IGNORECASE)  # "10 April 2025 14:32 BST"
            person = bare_names(publisher)  # "Jane RoeNovember 6, 2023": a byline, its date
            if short and not (named or zone or person) and is_date(written):
                return parse_date(written, order), publisher
    return None


def says_nothing(line: str) -> bool:
    """A byline block's item that says neither who nor when: "+ Follow", "5 min read"."""
    return _is_filler(_without_counts(line))


def _without_counts(item: str) -> str:
    """A byline block's item without its counts ("12 comments") and contacts ("@jroe")."""
    return COUNTS.sub(" ", CONTACT.sub(" ", item)).strip(" ,;:.–—-")


def _is_filler(item: str) -> bool:
    return not item or HEAD_FILLER.fullmatch(item) is not None


def parse_head_line(line: str, order: str | None = None) -> HeadLine | None:
    """A line of the block between a headline and its article that says who wrote it and when,
    or None: "By Jane Roe | 3 May 2020", "Published: 10:00, 3 May 2020 | Updated: 4 May 2020",
    "Jane Roe · Example News · Posted: May 3, 2020", "Political Editor", "Updated 2 hours ago".

    Names standing alone ("Jane Roe") are a byline only beside a date or a role in the line;
    the caller decides about a name line beside such a line. A date line holds few other words.
    A line the page ran together is read apart ("Jane RoePublished May 3, 2020").
    """
    text = GLUED.sub(" ", line.strip())
    if not text or len(text.split()) > HEAD_LINE_MAX_WORDS:
        return None
    published, updated, rest = line_dates(text, order)
    dated = rest != text or RELATIVE_TIME.search(text) is not None
    names: list[str] = []
    bare: list[str] = []
    publisher = None
    prefixed = role = False
    other = 0
    given = dated and _blog_byline(text)
    for item in HEAD_SEPARATORS.split(DATE_NOISE.sub(" ", rest) if dated else rest):
        item = _without_counts(item)
        if _is_filler(item):
            continue
        byline = parse_byline(item, given=given)
        if byline and not byline.contributing:
            names += (n for n in byline.names if n not in names)
            publisher = publisher or byline.publisher
            prefixed = prefixed or byline.prefixed
        elif ROLE_ONLY.fullmatch(item):
            role = True
        elif found := _name_before_role(GLUED.sub(" ", item)):  # "Amy Roe Political Editor"
            names += (n for n in found if n not in names)
            role = True
        elif found := bare_names(item):
            bare += found
        else:
            other += len(item.split())
    bylined = bool(prefixed or names or role)
    if not (dated or bylined) or (other > DATED_LINE_OTHER_WORDS and not prefixed):
        return None
    names += (n for n in bare if n not in names)
    bylined = bylined or bool(bare)
    return HeadLine(tuple(names), publisher, published, updated, dated, bylined, prefixed)


def _blog_byline(text: str) -> bool:
    """A blog's byline, where a single given name is the writer's: "by" after the date
    ("12/04/2020 by Kay"), or a comment count beside it ("Kay | 3 May 2020 | 24 Comments"); a
    news byline in front of its date names a publisher so ("By Bloomberg | 3 May 2020")."""
    if COUNTS.search(text):
        return True
    dates = (m for m in FOUND_DATE.finditer(text) if is_date(m[0]) or local_date(m[0]))
    first = next(dates, None)
    return first is not None and BY_WORD.search(text, first.end()) is not None


def line_dates(text: str, order: str | None) -> tuple[date | None, date | None, str]:
    """The publication and update dates a line states, and the line without them."""
    published = updated = None
    rest: list[str] = []
    last = 0
    for match in FOUND_DATE.finditer(text):
        if not (is_date(match.group(0)) or local_date(match.group(0))):
            continue
        before = text[last : match.start()]
        when = parse_date(match.group(0), order) or local_date(match.group(0))
        if UPDATED_LABEL.search(before):
            updated = updated or when
        else:
            published = published or when
        rest.append(before)
        last = match.end()
    rest.append(text[last:])
    return published, updated, " | ".join(rest) if len(rest) > 1 else text


def local_date(text: str) -> date | None:
    """The day a date with a German, French, Italian or Spanish month names ("30. Oktober
    2019", "mardi 5 juin 2018"), which `metadata.parse_date` reads in English only."""
    match = LOCAL_DATE.search(text)
    month = LOCAL_MONTHS.get(match.group("month").casefold()) if match and match["month"] else None
    if match is None or month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
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
