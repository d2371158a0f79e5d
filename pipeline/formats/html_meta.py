"""A web page's headline, authors and dates, read from every place the page states them.

trafilatura keeps the first value it finds, but pages state their metadata several times and
not always alike: `og:title` rewritten for sharing, a `<title>` ending in the site's name, a
date that is the last revision's. Here the headline is the text two sources agree on, the
authors are the people the JSON-LD or the `<meta>` tags name (organisations, roles and the
site's own name left out), and the publication date and the revision date are kept apart;
trafilatura's values (its date is htmldate's extensive search) are the fallback.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

import lxml.html
from trafilatura.settings import Document

from pipeline.clean.bylines import AUTHOR_PREFIX, ROLE, is_person_name, parse_byline
from pipeline.formats.meta_rules import (
    ARTICLE_TYPES,
    AUTHOR_LABELS,
    AUTHOR_META,
    AUTHOR_TEXT_MAX,
    AUTHOR_XPATH,
    COPYRIGHT_HOLDER,
    COPYRIGHT_XPATH,
    DATE_SOURCES,
    EARLIEST_PUBLISHED,
    FULL_NAME_WORDS,
    H1_MAX,
    IN_COMMENTS,
    LABELLED_DATE,
    LABELLED_DATE_CHARS,
    LAST_RESORT_DATE_SOURCES,
    LATEST_PUBLISHED_DAYS_AHEAD,
    LONE_H1_WORDS,
    MODIFIED_META,
    MODIFIED_TIME_XPATH,
    ORGANIZATION_TYPES,
    PAGE_TYPES,
    PUBLISHED_META,
    PUBLISHED_TIME_XPATH,
    ROLE_TITLE_TAIL,
    SITE_META,
    SOCIAL_TITLE_META,
    TITLE_SEPARATORS,
    TITLE_SOURCES,
)
from pipeline.metadata import parse_date, split_authors

JsonObject = dict[str, Any]

SEPARATOR = re.compile("|".join(map(re.escape, TITLE_SEPARATORS)))
WORD = re.compile(r"\w+")
NOT_ALNUM = re.compile(r"[\W_]+")
TITLE_MAX_CHARS = 1000  # a longer text is no headline
SITE_NAME_WORDS = 6  # a longer segment of a title is headline, whatever it contains
SITE_NAME_MIN = 4  # a shorter site name ("ft") must match a whole segment
PERSON_WORDS_MAX = 5
BY_SEGMENT = re.compile(r"by\s+(?P<name>.+)", re.IGNORECASE)  # "... | by Jane Roe"
# Contact details in an author field: "jane@example.org", "@janeroe", "https://...".
CONTACT = re.compile(
    r"\(?(?:\S+@\S+\.\w+|(?<!\w)@\w+|https?://[^\s)]+|www\.[^\s)]+)\)?", re.IGNORECASE
)
# Title Case bylines ("By Jane Roe And Al Poe For The Example"): the joining words in lower case.
TITLE_CASE_JOINS = re.compile(r"\s+(And|For)\s+")
# A date in the page's address: /2024/03/05/ or /2024-03-05-.
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)")
# A user name standing alone in an author element, and the labels such elements also hold.
HANDLE = re.compile(r"(?=\S*[^\W\d_])[\w.-]{2,30}")
FULL_NAME = re.compile(r"[^\W\d_]+(?:[ '’.-]+[^\W\d_]+)+")  # letters, no "/" or "@"
LAST_BY = re.compile(r"^.*\bby\s+", re.IGNORECASE)  # "Posted on 3 May 2020 by Jane Roe"
DOMAIN_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


@dataclass(frozen=True)
class PageMeta:
    title: str | None
    authors: tuple[str, ...]
    published: date | None
    updated: date | None  # a later revision's date


@dataclass(frozen=True)
class _Sources:
    """What the page states, gathered once."""

    article: JsonObject  # the JSON-LD object that describes the article ({} when none)
    by_id: dict[str, JsonObject]  # JSON-LD objects by their @id, for references
    meta: dict[str, list[str]]  # <meta> contents by lower-case name or property
    site: frozenset[str]  # the names the site gives itself, squashed (`_squash`)
    domain: str  # the name of its domain, squashed ("lastampa" of lastampa.it)


def page_meta(root: lxml.html.HtmlElement, doc: Document) -> PageMeta:
    """Headline, authors and dates of the page `root`; `doc` is trafilatura's reading of it."""
    objects = list(_json_ld(root))
    meta = _meta_contents(root)
    src = _Sources(
        article=_article_object(objects, doc.url or ""),
        by_id={o["@id"]: o for o in objects if isinstance(o.get("@id"), str)},
        meta=meta,
        site=_site_names(objects, meta, doc),
        domain=_squash(_domain_label(doc.url or "")),
    )
    published, updated = _dates(root, src, doc)
    return PageMeta(_title(root, src, doc), _authors(root, src, doc), published, updated)


# ---------------------------------------------------------------------------------------------
# What the page states.


def _json_ld(root: lxml.html.HtmlElement) -> Iterator[JsonObject]:
    for script in root.xpath("//script[contains(@type,'ld+json')]"):
        try:
            objects = list(_objects(json.loads(script.text or "", strict=False)))
        except (ValueError, RecursionError):
            continue  # a block broken by its CMS (or nested to no end): the others remain
        yield from objects


def _objects(data: object) -> Iterator[JsonObject]:
    """A JSON-LD block's top-level objects: itself, its list items, its @graph members."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"))


def _types(obj: JsonObject) -> set[str]:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return {k.rsplit("/", 1)[-1].removeprefix("schema:") for k in names if isinstance(k, str)}


def _article_object(objects: list[JsonObject], url: str = "") -> JsonObject:
    """The object that describes the article (or the page's main entity), not its images,
    breadcrumbs, related videos or live-blog entries (these are nested, never top level).
    Of several articles (a page that describes its related stories too), the one whose address
    is the page's."""
    candidates: list[JsonObject] = [
        *objects,
        *(o["mainEntity"] for o in objects if isinstance(o.get("mainEntity"), dict)),
    ]
    articles = [obj for obj in candidates if _types(obj) & ARTICLE_TYPES]
    here = _address_key(url)
    for obj in articles:
        if here and here in map(_address_key, _addresses(obj)):
            return obj
    if articles:
        return articles[0]
    for obj in candidates:
        if _types(obj) & PAGE_TYPES and ("headline" in obj or "datePublished" in obj):
            return obj
    return {}


def _addresses(obj: JsonObject) -> Iterator[str]:
    """The addresses a JSON-LD object gives itself: its `url`, `@id` and `mainEntityOfPage`."""
    for key in ("url", "@id", "mainEntityOfPage"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            yield value


def _address_key(url: str) -> str:
    """An address without its scheme, `www.`, query, fragment and final slash."""
    parts = urlparse(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


def _meta_contents(root: lxml.html.HtmlElement) -> dict[str, list[str]]:
    contents: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name")  # not itemprop: `_itemprop` reads those
        value = " ".join((el.get("content") or "").split())
        if key and value:
            contents.setdefault(key.strip().lower(), []).append(value)
    return contents


def _site_names(
    objects: list[JsonObject], meta: dict[str, list[str]], doc: Document
) -> frozenset[str]:
    """The names the site goes by: its `og:site_name` and kin, the organisations and web sites
    its JSON-LD describes, and trafilatura's site name."""
    names = [value for key in SITE_META for value in meta.get(key, ())]
    for obj in objects:
        publisher = obj.get("publisher")
        for org in (obj, *(publisher if isinstance(publisher, list) else [publisher])):
            if isinstance(org, dict) and _types(org) & ORGANIZATION_TYPES:
                names.append(_text(org.get("name")))
    names.append(doc.sitename or "")
    return frozenset(s for s in map(_squash, names) if len(s) >= 2)


def registered_domain(url: str) -> str:
    """The domain a site registered, from an address: "news.bbc.co.uk" -> "bbc.co.uk"."""
    labels = (urlparse(url).hostname or url).lower().removeprefix("www.").split(".")
    second_level = len(labels) >= 3 and labels[-2] in DOMAIN_SECOND_LEVEL
    return ".".join(labels[-3:] if second_level and len(labels[-1]) == 2 else labels[-2:])


def _domain_label(url: str) -> str:
    """The site's name in its address: "bbc" of "https://www.bbc.co.uk/news"."""
    parts = registered_domain(url).split(".")
    return parts[0] if urlparse(url).hostname and len(parts) >= 2 else ""


def _squash(text: str) -> str:
    """Letters and digits only, without accents: "Nestlé Family" -> "nestlefamily"."""
    letters = unicodedata.normalize("NFKD", text.casefold())
    return NOT_ALNUM.sub("", "".join(c for c in letters if not unicodedata.combining(c)))


def _names_site(text: str, sites: frozenset[str]) -> bool:
    """Whether `text` is the site's name ("Daily Mail Online" on "Mail Online", "Globalnews.ca"
    on "Global News"): equal once squashed, or one holding the other."""
    squashed = _squash(text)
    if not squashed or len(text.split()) > SITE_NAME_WORDS:
        return False
    return any(
        squashed == site
        or (
            min(len(site), len(squashed)) >= SITE_NAME_MIN
            and (site in squashed or squashed in site)
        )
        for site in sites
    )


def _text(value: object) -> str:
    """A JSON-LD or HTML string as read: entities decoded ("&#8217;"), spaces collapsed."""
    return " ".join(html.unescape(value).split()) if isinstance(value, str) else ""


# ---------------------------------------------------------------------------------------------
# The headline.


def _title(root: lxml.html.HtmlElement, src: _Sources, doc: Document) -> str | None:
    """The headline two sources agree on (a `<title>` agrees with the `<h1>` it starts with),
    without the site's name; else the first source's in `TITLE_SOURCES`; else trafilatura's."""
    sites = src.site | {src.domain}  # "La Stampa" on lastampa.it names the site
    found = [
        (source, _without_site(text, sites)) for source, text in _title_sources(root, src) if text
    ]
    found = [(source, text) for source, text in found if text and not _names_site(text, sites)]
    keys: dict[str, set[str]] = {}
    for source, text in found:
        keys.setdefault(source, set()).update(_variant_keys(text))

    def support(text: str) -> int:
        return sum(_key(text) in variants for variants in keys.values())

    ranked = sorted(found, key=lambda st: (-support(st[1]), TITLE_SOURCES.index(st[0])))
    if ranked and support(ranked[0][1]) >= 2:
        best = _key(ranked[0][1])
        spellings = Counter(text for _, text in ranked if _key(text) == best)
        return spellings.most_common(1)[0][0]  # "Mexico's" in three sources beats "Mexico’s"
    for source, text in ranked:
        if source != "h1" or len(text.split()) >= LONE_H1_WORDS:
            return text
    return _without_site(_text(doc.title), sites) or None


def _title_sources(root: lxml.html.HtmlElement, src: _Sources) -> Iterator[tuple[str, str]]:
    """Each source's texts; none longer than a headline can be (a hostile page's are)."""
    h1s = [h1.text_content() for h1 in itertools.islice(root.iter("h1"), H1_MAX)]
    titles = [title.text_content() for title in itertools.islice(root.iter("title"), 1)]
    found = [
        *(("h1", text) for text in h1s),
        ("json-ld", src.article.get("headline")),
        *(("social", src.meta[name][0]) for name in SOCIAL_TITLE_META if name in src.meta),
        *(("title", text) for text in titles),
    ]
    for source, value in found:
        if isinstance(value, str) and len(value) <= TITLE_MAX_CHARS:
            yield source, _text(value)


def _without_site(text: str, sites: frozenset[str]) -> str:
    """`text` without the segments at either end that name the site or a byline: "Talks in
    Brussels | World | The Daily Example" -> "Talks in Brussels | World"."""
    while True:
        cuts = list(SEPARATOR.finditer(text))
        if not cuts:
            return text
        head, tail = text[: cuts[0].start()], text[cuts[-1].end() :]
        if _is_label(tail, sites):
            text = text[: cuts[-1].start()].strip()
        elif _is_label(head, sites):
            text = text[cuts[0].end() :].strip()
        else:
            return text


def _is_label(segment: str, sites: frozenset[str]) -> bool:
    segment = segment.strip()
    byline = BY_SEGMENT.fullmatch(segment)
    return _names_site(segment, sites) or (byline is not None and is_person_name(byline["name"]))


def _key(text: str) -> str:
    """What two spellings of one headline share: words, case-folded, without punctuation."""
    return " ".join(WORD.findall(text.casefold()))


def _variant_keys(text: str) -> set[str]:
    """The keys of `text` and of its parts before the last or after the first separators."""
    cuts = list(SEPARATOR.finditer(text))
    parts = [text, *(text[: c.start()] for c in cuts), *(text[c.end() :] for c in cuts)]
    return {_key(p) for p in parts}


# ---------------------------------------------------------------------------------------------
# The authors.


def _authors(root: lxml.html.HtmlElement, src: _Sources, doc: Document) -> tuple[str, ...]:
    """The people the JSON-LD names, else the `<meta>` tags, else trafilatura's author (unless
    only readers' comments name it), else the page's byline element; only when none names a
    person, the organisation credited (an agency, the site itself: "BBC News"). A given name
    alone is completed by the full name the page shows. A wrong author is worse than none."""
    people, organisations = _json_ld_authors(src)
    for raw, typed, searched in (
        (people, True, False),
        ([v for key in AUTHOR_META for v in src.meta.get(key, ())], False, False),
        ([doc.author or ""], False, True),  # trafilatura's: found in the page's text
    ):
        names, credited = _names(raw, typed_person=typed)
        found = tuple(n for n in names if not _names_site(n, src.site))
        if searched:
            found = tuple(n for n in found if not _only_in_comments(root, n))
        if found:
            return tuple(_full_name(root, n) for n in found)
        organisations += [*names, *credited]
    sites = src.site | {src.domain}
    bylined = tuple(n for n in byline_authors(root) if not _names_site(n, sites))
    return bylined or tuple(dict.fromkeys(organisations))[:1]


def _only_in_comments(root: lxml.html.HtmlElement, name: str) -> bool:
    """Whether the page shows `name` (its first two words: trafilatura's author may run on
    into a comment header's "says") only inside its readers' comments."""
    places = root.xpath("//text()[contains(., $name)]", name=" ".join(name.split()[:2]))
    return bool(places) and all(text.getparent().xpath(IN_COMMENTS) for text in places)


def _full_name(root: lxml.html.HtmlElement, name: str) -> str:
    """`name`, or when it is a given name alone, the full name an element of the page holds
    ("Todd" -> "Todd Bates"), outside the readers' comments."""
    if not (name.isalpha() and name[:1].isupper() and name[1:].islower()):
        return name  # a full name, or an acronym ("AP")
    for text in root.xpath("//text()[starts-with(normalize-space(.), $start)]", start=f"{name} "):
        full = " ".join(str(text).split())
        if (
            len(full.split()) <= FULL_NAME_WORDS
            and FULL_NAME.fullmatch(full)
            and is_person_name(full)
            and not text.getparent().xpath(IN_COMMENTS)
        ):
            return full
    return name


def _json_ld_authors(src: _Sources) -> tuple[list[str], list[str]]:
    """The article's authors' names: people (or of no stated type), and organisations."""
    found = src.article.get("author") or src.article.get("creator")
    people: list[str] = []
    organisations: list[str] = []
    for item in found if isinstance(found, list) else [found]:
        if isinstance(item, str):
            people.append(item)
            continue
        if not isinstance(item, dict):
            continue
        if set(item) <= {"@id", "@type"} and isinstance(item.get("@id"), str):
            item = src.by_id.get(item["@id"], item)  # a reference to a Person in the @graph
        kind = organisations if _types(item) & ORGANIZATION_TYPES else people
        kind.append(_text(item.get("name")))
    return people, organisations


def _names(raw: Iterable[str], *, typed_person: bool) -> tuple[list[str], list[str]]:
    """Names from author fields, without "By", roles and contact details; and the
    organisations credited instead of a person ("By Reuters"). A value the JSON-LD types as
    a Person is a name even when it reads as one word ("Kay", "AP")."""
    names: list[str] = []
    organisations: list[str] = []
    for value in raw:
        text = ROLE_TITLE_TAIL.sub("", CONTACT.sub(" ", _text(value)).strip(" ,;|-"))
        text = TITLE_CASE_JOINS.sub(
            lambda m: f" {m.group(1).lower()} ", AUTHOR_PREFIX.sub("", text)
        )
        byline = parse_byline(f"By {text}") if text else None
        if byline is None:
            found = [n for n in split_authors(text) if _may_be_name(n)]
        elif byline.names or not byline.publisher:
            found = list(byline.names)  # "Jane Roe, Senior Reporter", "Jane Roe for The Sun"
        elif typed_person and _may_be_name(byline.publisher):
            found = [byline.publisher]
        else:
            found, organisations = [], [*organisations, byline.publisher]
        names += (n for n in found if n not in names)
    return names, organisations


def _may_be_name(text: str) -> bool:
    """A name parse_byline does not take for a person's ("Kay", "J. Roe-Smith"): short, no
    digits, no role word."""
    return (
        len(text.split()) <= PERSON_WORDS_MAX
        and not ROLE.search(text)
        and not any(c.isdigit() for c in text)
    )


def byline_authors(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Names in the page's first author or byline element, when the metadata names nobody."""
    for el in root.xpath(AUTHOR_XPATH):
        text = " ".join(el.text_content().split())
        if not 2 <= len(text) <= AUTHOR_TEXT_MAX:
            continue
        named = LAST_BY.sub("", text)
        byline = parse_byline(f"By {named}")
        if byline and byline.names:
            return byline.names
        if HANDLE.fullmatch(named) and named.casefold() not in AUTHOR_LABELS:
            return (named,)  # a blog's or forum's user name: "oz", "delta201"
    return _copyright_holder(root)


def _copyright_holder(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """A personal site's writer: the person its copyright line names ("© 2012 Jane Roe")."""
    for el in root.xpath(COPYRIGHT_XPATH):
        match = COPYRIGHT_HOLDER.search(" ".join(el.text_content().split()))
        if match and is_person_name(match.group("name")):
            return (match.group("name"),)
    return ()


# ---------------------------------------------------------------------------------------------
# The dates.


def _dates(
    root: lxml.html.HtmlElement, src: _Sources, doc: Document
) -> tuple[date | None, date | None]:
    """The publication date the page states, cross-checked: each family of sources in
    `DATE_SOURCES` (the article's JSON-LD, the `<meta>` tags, `itemprop`, a `<time>` marked as
    the publication's; a labelled date in its text only when these state none) votes with its
    first plausible date, and the date most of them state wins (a tie goes to the family first
    in `DATE_SOURCES`). A stamp that is also the page's revision stamp does not vote when
    another family states an earlier date: it is the last save's. The date in the page's
    address overrules the stated ones: an address is minted once, on the publisher's own day,
    where a stated date far from it is a reissue's and a UTC stamp a day off is the same
    evening. htmldate's search (trafilatura's date) stands in when the page states none. A
    later revision's date is kept apart."""

    def revised() -> Iterator[object]:
        yield src.article.get("dateModified")
        yield from (v for key in MODIFIED_META for v in src.meta.get(key, ()))
        yield from _itemprop(root, "dateModified")
        yield from _datetimes(root, MODIFIED_TIME_XPATH)

    families: dict[str, Iterable[object]] = {
        "json-ld": [src.article.get("datePublished")],
        "meta": (v for key in PUBLISHED_META for v in src.meta.get(key, ())),
        "itemprop": _itemprop(root, "datePublished"),
        "time": _datetimes(root, PUBLISHED_TIME_XPATH),
        "label": _labelled_dates(root),
    }
    stated: list[tuple[str, date, str]] = []
    for name in DATE_SOURCES:
        if name in LAST_RESORT_DATE_SOURCES and stated:
            break  # the page's text is read only when its markup states no date
        if found := _first_date(families[name]):
            stated.append((name, *found))
    published = (
        _url_date(doc.url or "")
        or _most_stated(stated, revised)
        or _plausible(parse_date(doc.date))
    )
    updated = _first_date(revised())
    updated_date = updated[0] if updated else None
    if published and updated_date and updated_date <= published:
        updated_date = None
    return published, updated_date


def _most_stated(
    stated: list[tuple[str, date, str]], revised: Callable[[], Iterable[object]]
) -> date | None:
    """The date most families state, of (family, date, the text it was read from); a stamp
    among the `revised` ones votes only for the earliest date."""
    if len({d for _, d, _ in stated}) <= 1:
        return stated[0][1] if stated else None
    stamps = {_text(v) for v in revised()} - {""}
    earliest = min(d for _, d, _ in stated)
    votes = Counter(d for _, d, raw in stated if raw not in stamps or d == earliest)
    order = [d for _, d, _ in stated]  # families in `DATE_SOURCES` order
    return max(votes, key=lambda d: (votes[d], -order.index(d)))


def _plausible(found: date | None) -> date | None:
    latest = date.today() + timedelta(days=LATEST_PUBLISHED_DAYS_AHEAD)
    return found if found and EARLIEST_PUBLISHED <= found <= latest else None


def _first_date(values: Iterable[object]) -> tuple[date, str] | None:
    """The first plausible date among `values`, and the text it was read from."""
    for value in values:
        text = _text(value)
        found = _plausible(parse_date(text))
        if found:
            return found, text
    return None


def _itemprop(root: lxml.html.HtmlElement, name: str) -> Iterator[str]:
    """The values of the page's microdata property `name` (a <meta>, <time> or text)."""
    for el in root.xpath(f"//*[@itemprop='{name}']"):
        yield el.get("content") or el.get("datetime") or el.text_content()


def _datetimes(root: lxml.html.HtmlElement, xpath: str) -> Iterator[str]:
    for el in root.xpath(xpath):
        yield el.get("datetime", "")


def _labelled_dates(root: lxml.html.HtmlElement) -> Iterator[str]:
    """Dates the page shows under a publication label, in the order they stand."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.text:
            match = LABELLED_DATE.match(el.text[:LABELLED_DATE_CHARS])
            if match:
                yield match["date"]


def _url_date(url: str) -> date | None:
    match = URL_DATE.search(urlparse(url).path)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None
