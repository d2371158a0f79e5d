"""RSS and Atom feeds: one article per item, with the item's own title, author, date, link and
id (RSS `guid`, Atom `id`), and the feed's language.

A feed saved under any name is read as a feed, never as text: its markup would otherwise land in
`body`. Item content is HTML (escaped or in CDATA) and is reduced to its visible text. Other XML
(sitemaps, configuration) holds no article and is rejected. The parser resolves no entities and
fetches nothing, so a feed cannot pull in local files or the network.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import date

import lxml.etree

from pipeline.errors import RejectedInput
from pipeline.formats.base import RawArticle, ReadResult, make_article
from pipeline.formats.html import visible_text
from pipeline.metadata import parse_date, split_authors

# Root elements (local names) of the feed formats, and the element each calls an article.
FEED_ITEMS = {"rss": "item", "RDF": "item", "feed": "entry"}
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# Child elements by local name, most specific first (namespaces differ between feed dialects).
TEXT_ELEMENTS = ("encoded", "content", "description", "summary")
TITLE_ELEMENTS = ("title",)
AUTHOR_ELEMENTS = ("creator", "author")
DATE_ELEMENTS = ("pubDate", "published", "date", "issued", "updated", "modified")
# Atom's <updated> (and Dublin Core's modified): a revision, `updated` when later than published.
REVISION_ELEMENTS = ("updated", "modified")
ID_ELEMENTS = ("guid", "id", "identifier")
# `xml:lang`, which Atom (and RSS 1.0) put on any element instead of a <language> child.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _parser() -> lxml.etree.XMLParser:
    return lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, encoding="utf-8"
    )


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), _parser())
    except lxml.etree.XMLSyntaxError as exc:
        raise RejectedInput("parse", f"XML could not be parsed ({exc}); fix or drop it") from exc
    kind = lxml.etree.QName(root).localname
    if kind not in FEED_ITEMS:
        raise RejectedInput(
            "parse",
            f"XML document <{kind}> is not a news feed (RSS or Atom): it holds no article; "
            "move it out of the raw folder",
        )
    channel = _child(root, "channel")
    head = channel if channel is not None else root
    feed = Feed(_text(_child(head, "title")), _language(head) or _language(root))
    items = [el for el in root.iter() if _local(el) == FEED_ITEMS[kind]]
    result = ReadResult()
    for number, item in enumerate(items, start=1):
        try:
            result.articles.append(_article(item, number, source_path, feed))
        except RejectedInput as problem:
            result.problems.append(problem)
    if not items:
        raise RejectedInput("parse", f"the {kind} feed has no items: there is no article in it")
    return result


@dataclass(frozen=True)
class Feed:
    """What the feed says of every item: its title is the publisher's name."""

    publisher: str | None
    language: str | None


def _article(item: lxml.etree._Element, number: int, source_path: str, feed: Feed) -> RawArticle:
    body = ""
    for name in TEXT_ELEMENTS:
        markup = _text(_child(item, name))
        if markup and (body := visible_text(markup).strip()):
            break
    if not body:
        raise RejectedInput(
            "parse",
            f"record {number}: feed item has no text (none of {', '.join(TEXT_ELEMENTS)})",
        )
    author = _child(item, *AUTHOR_ELEMENTS)
    if author is not None and _child(author, "name") is not None:
        author = _child(author, "name")  # Atom: <author><name>
    published = _first_date(item, DATE_ELEMENTS)
    revised = _first_date(item, REVISION_ELEMENTS)
    return make_article(
        lxml.etree.tostring(item),
        source_path,
        "feed",
        body,
        record=number,
        title=_text(_child(item, *TITLE_ELEMENTS)),
        authors=split_authors(_text(author)),
        published=published,
        updated=revised if revised and published and revised > published else None,
        publisher=feed.publisher,
        url=_link(item),
        source_id=_text(_child(item, *ID_ELEMENTS)),
        language=_language(item) or feed.language,
    )


def _first_date(item: lxml.etree._Element, names: tuple[str, ...]) -> date | None:
    return next((d for name in names if (d := _date(_text(_child(item, name))))), None)


def _link(item: lxml.etree._Element) -> str | None:
    """RSS: the <link> text (RSS 1.0 also names the item `rdf:about`); Atom: the `href` of the
    link to the article itself (no `rel`, or `alternate`), not of its comments or enclosures."""
    for el in item:
        if _local(el) != "link":
            continue
        if el.get("href") is None:
            return _text(el)
        if el.get("rel", "alternate") == "alternate":
            return el.get("href") or None
    return item.get(f"{{{RDF}}}about") or None


def _language(el: lxml.etree._Element) -> str | None:
    """RSS's <language> (or Dublin Core's), else the element's `xml:lang`."""
    return _text(_child(el, "language")) or el.get(XML_LANG) or None


def _date(text: str | None) -> date | None:
    """RSS dates are RFC 822 ("Thu, 06 Mar 2025 10:00:00 GMT"); Atom's are ISO 8601."""
    if text is None:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return parse_date(text)


def _local(el: lxml.etree._Element) -> str:
    return lxml.etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el: lxml.etree._Element | None, *names: str) -> lxml.etree._Element | None:
    """The first direct child with one of these local names, in the order the names are given."""
    if el is None:
        return None
    children = [c for c in el if isinstance(c.tag, str)]
    for name in names:
        for child in children:
            if _local(child) == name:
                return child
    return None


def _text(el: lxml.etree._Element | None) -> str | None:
    if el is None:
        return None
    text = "".join(el.itertext()).strip()
    return text or None
