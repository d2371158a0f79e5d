"""HTML pages: the main text and metadata, extracted with trafilatura.

trafilatura is the field's reference for main-text extraction. Pages too small for it to judge
fall back to the text of the page's body, so a bare HTML fragment is still read.
"""

from __future__ import annotations

import lxml.etree
import lxml.html
import trafilatura

from pipeline.clean.bylines import parse_byline
from pipeline.errors import RejectedInput
from pipeline.formats.base import ReadResult, make_article
from pipeline.metadata import parse_date, split_authors

BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")
# Elements that hold a byline on most sites: rel/itemprop author, class or id *author*/*byline*.
AUTHOR_XPATH = (
    "//*[@rel='author' or contains(@itemprop,'author') or contains(translate(@class,"
    "'AUTHORBYLINE','authorbyline'),'author') or contains(translate(@class,'BYLINE','byline'),"
    "'byline') or contains(translate(@id,'AUTHOR','author'),'author')]"
)
AUTHOR_TEXT_MAX = 80
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True
        )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise RejectedInput("parse", f"HTML could not be parsed ({exc})") from exc
    if doc is not None and doc.text and doc.text.strip():
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
                )
            ]
        )
    body = _body_text(text)
    if not body.strip():
        raise RejectedInput("parse", "HTML page holds no visible article text")
    return ReadResult(articles=[make_article(payload, source_path, "html", body)])


def _authors(doc: trafilatura.settings.Document, markup: str) -> tuple[str, ...]:
    """The metadata's people; the page's byline element when it names only the publisher."""
    sitename = (doc.sitename or "").casefold()
    named = split_authors(doc.author)
    people = tuple(n for n in named if n.casefold() != sitename)
    return people or _dom_authors(markup) or named


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
        byline = parse_byline(text if text.lower().startswith("by ") else f"By {text}")
        if byline and byline.names:
            return byline.names
    return ()


def _body_text(markup: str) -> str:
    """Visible text of a small page, one line per block element."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise RejectedInput("parse", f"HTML could not be parsed ({exc})") from exc
    for bad in root.xpath("|".join(f"//{t}" for t in DROP_TAGS)):
        bad.drop_tree()
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    body = root.find("body")
    return (body if body is not None else root).text_content()
