"""HTML pages: the main text and metadata, extracted with trafilatura (its URL is the page's
canonical link or `og:url`; its language the `<html lang>` the page declares).

trafilatura is the field's reference for main-text extraction. Pages too small for it to judge
fall back to the text of the page's body, so a bare HTML fragment is still read.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document

from pipeline.clean.bylines import is_person_name, parse_byline
from pipeline.errors import RejectedInput
from pipeline.formats.base import ReadResult, make_article
from pipeline.metadata import parse_date, split_authors

BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")
# Elements that hold a byline on most sites: rel/itemprop author, class or id *author*/*byline*,
# or a link to the writer's page; not inside the readers' comments, whose authors they also name.
AUTHOR_XPATH = (
    "//*[(@rel='author' or contains(@itemprop,'author') or contains(translate(@class,"
    "'AUTHORBYLINE','authorbyline'),'author') or contains(translate(@class,'BYLINE','byline'),"
    "'byline') or contains(translate(@id,'AUTHOR','author'),'author') or (self::a and ("
    "contains(@href,'/author/') or contains(@href,'/authors/') or contains(@href,'/reporters/')"
    " or contains(@href,'/newsteam/') or contains(@href,'/profil')))) and not(ancestor-or-self::"
    "*[contains(translate(@class,'COMMENT','comment'),'comment')])]"
)
# "Posted on 3 May 2020 by Jane Roe": the names follow the last "by".
LAST_BY = re.compile(r"^.*\bby\s+", re.IGNORECASE)
WORD = re.compile(r"\w+")
# A user name standing alone in an author element, and the labels such elements also hold.
HANDLE = re.compile(r"(?=\S*[^\W\d_])[\w.-]{2,30}")
# Where a copyright line stands: the footer, a *copyright* element, a paragraph, a leaf div.
COPYRIGHT_XPATH = (
    "//footer|//*[contains(translate(@class,'COPYRIGHT','copyright'),'copyright')]|//p|"
    "//div[not(*)]"
)
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*)?"
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\s*(?:[.,|]|all rights|$)",
    re.IGNORECASE,
)
AUTHOR_LABELS = frozenset(
    {"author", "authors", "by", "posted", "written", "admin", "staff", "editor"}
)
AUTHOR_TEXT_MAX = 120  # a byline naming four people and their team
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
# The language a page declares on its root element: <html lang="en-GB">.
HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I
)
HEAD_CHARS = 4096


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True
        )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise RejectedInput("parse", f"HTML could not be parsed ({exc})") from exc
    if isinstance(doc, Document) and doc.text and doc.text.strip():
        return ReadResult(
            articles=[
                make_article(
                    payload,
                    source_path,
                    "html",
                    doc.text,
                    title=doc.title,
                    authors=_authors(doc, text),
                    published=parse_date(doc.date),
                    publisher=doc.sitename,
                    url=doc.url,
                    language=_declared_language(text),
                )
            ]
        )
    body = visible_text(text)
    if not body.strip():
        raise RejectedInput("parse", "HTML page holds no visible article text")
    return ReadResult(articles=[make_article(payload, source_path, "html", body)])


def _declared_language(markup: str) -> str | None:
    match = HTML_LANG.search(markup[:HEAD_CHARS])
    return match.group(1) if match else None


def _authors(doc: Document, markup: str) -> tuple[str, ...]:
    """The metadata's names; the page's byline element when they name only the site ("Google"
    on "Google Online Security Blog", "Jobs; Hire" on "Jobs & Hire") or nobody."""
    site_words = set(WORD.findall((doc.sitename or "").casefold()))
    named = split_authors(doc.author)
    if any(not set(WORD.findall(n.casefold())) <= site_words for n in named):
        return named
    return _dom_authors(markup) or named


def _dom_authors(markup: str) -> tuple[str, ...]:
    """Names in the page's first author or byline element, when the metadata named nobody."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.LxmlError):
        return ()
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


def visible_text(markup: str) -> str:
    """Visible text of a small page or fragment, one line per block element."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise RejectedInput("parse", f"HTML could not be parsed ({exc})") from exc
    for bad in root.xpath("|".join(f"//{t}" for t in DROP_TAGS)):
        bad.drop_tree()
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    body = root.find("body")
    return str((body if body is not None else root).text_content())
