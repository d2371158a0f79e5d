"""HTML pages: the main text by trafilatura, the metadata by `html_meta` (its URL is the page's
canonical link or `og:url`; its language the `<html lang>` the page declares).

trafilatura is the field's reference for main-text extraction. The page is parsed once, and
trafilatura and `html_meta` read the same tree. Pages too small for trafilatura to judge fall
back to the text of the page's body, so a bare HTML fragment is still read.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from pipeline.errors import RejectedInput
from pipeline.formats.base import ReadResult, make_article
from pipeline.formats.html_meta import page_meta

BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
# The language a page declares on its root element: <html lang="en-GB">.
HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I
)
HEAD_CHARS = 4096


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    try:
        tree = load_html(text)
        doc = None
        if tree is not None:
            doc = trafilatura.bare_extraction(
                tree, with_metadata=True, include_comments=False, include_tables=True
            )
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise RejectedInput("parse", f"HTML could not be parsed ({exc})") from exc
    if tree is not None and isinstance(doc, Document) and doc.text and doc.text.strip():
        meta = page_meta(tree, doc)
        return ReadResult(
            articles=[
                make_article(
                    payload,
                    source_path,
                    "html",
                    doc.text,
                    title=meta.title,
                    authors=meta.authors,
                    published=meta.published,
                    updated=meta.updated,
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
