"""Raw bytes to articles: detect the container and format from the content, then read it.

`read_articles` is the one entry point. It unwraps gzip (bounded), refuses known binary formats by
their magic bytes, decodes the text (`encoding`), and hands it to the reader of its format:
`json_format` (JSON object, array or JSON Lines), `html`, or `text`. Each reader returns
`RawArticle`s; a problem with the whole file raises `RejectedInput`, a problem with one record of
a multi-article file is returned beside the good articles.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib

from pipeline.errors import RejectedInput
from pipeline.formats import feed, html, json_format, text
from pipeline.formats.base import RawArticle, ReadResult
from pipeline.formats.encoding import decode

__all__ = ["RawArticle", "ReadResult", "detect_format", "read_articles"]

# Magic bytes of binary formats people drop into article folders by mistake.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/EPUB file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
GZIP_MAGIC = b"\x1f\x8b"


def gunzip_bounded(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing to expand past `limit` bytes (a gzip bomb stops here).

    Every member is read: `cat a.gz b.gz` (log rotation, feed tools) is one valid gzip file whose
    members are decompressed one after the other, all under the one bound.
    """
    out = io.BytesIO()
    rest = data
    try:
        while rest:
            decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
            out.write(decompressor.decompress(rest, limit + 1 - out.tell()))
            while decompressor.unconsumed_tail and out.tell() <= limit:
                tail = decompressor.unconsumed_tail
                out.write(decompressor.decompress(tail, limit + 1 - out.tell()))
            if out.tell() > limit:
                raise RejectedInput(
                    "decode",
                    f"gzip data expands beyond the {limit:,}-byte limit (PIPELINE_MAX_FILE_BYTES); "
                    "split the file or raise the limit",
                )
            if not decompressor.eof:
                raise RejectedInput(
                    "decode", "corrupt gzip data (truncated stream); re-compress the file"
                )
            rest = decompressor.unused_data
            if not rest.strip(b"\x00"):
                break  # block padding after the last member, as gzip(1) accepts
            if not rest.startswith(GZIP_MAGIC):
                raise RejectedInput(
                    "decode",
                    f"{len(rest):,} bytes after the gzip data are not gzip; re-compress the file "
                    "(nothing of it was read, so nothing is lost silently)",
                )
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise RejectedInput("decode", f"corrupt gzip data ({exc}); re-compress the file") from exc
    return out.getvalue()


HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|"
    r"main|section|div|p|h[1-6]|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


# A document that opens with an XML declaration or a feed's root element (RSS 1.0/2.0, Atom).
XML_START = re.compile(r"\A\s*(?:<\?xml[\s?]|<(?:rss|feed|rdf:RDF)\b)", re.IGNORECASE)
# HTML elements that mark a fragment (a scraper's `<span>...</span>`) as markup, not prose.
HTML_TAG = re.compile(
    r"</?(?:a|b|blockquote|br|div|em|figure|figcaption|h[1-6]|i|img|li|ol|p|span|strong|table|"
    r"td|th|tr|u|ul)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
# Tags that make text markup when it does not open with one: a prose mention of `<br>` is one.
MARKUP_MIN_TAGS = 3
# Lines of a text looked at to tell JSON Lines from a text that opens with a JSON value, and the
# share of them that must be JSON objects.
JSON_LINES_PROBE = 20
JSON_LINES_MIN_SHARE = 0.8

JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
XML_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
READERS = {"json": json_format.read, "html": html.read, "feed": feed.read, "txt": text.read}


def detect_format(text: str, suffix: str) -> str:
    """`json`, `html`, `feed` or `txt`, from the text itself (the suffix only breaks ties)."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "[") and (suffix in JSON_SUFFIXES or _holds_json_objects(stripped)):
        return "json"  # a text article may open with "[Updated]" or "[1]": only objects count
    if HTML_START.match(text[:4096]):
        return "html"
    if XML_START.match(text[:4096]) or suffix in XML_SUFFIXES:
        return "feed"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in {".html", ".htm", ".xhtml"} and "<" in text[:4096]:
        return "html"
    if HTML_TAG.match(stripped) or _count_at_least(HTML_TAG, text, MARKUP_MIN_TAGS):
        return "html"  # a fragment, or text a scraper left its tags in
    return "txt"


def _holds_json_objects(text: str) -> bool:
    """The whole text is a JSON object or a list of objects, or its lines are JSON objects."""
    value = _json_or_none(text)
    if value is not None:
        return isinstance(value, dict) or (
            isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
        )
    lines = [line for line in text.split("\n", JSON_LINES_PROBE)[:JSON_LINES_PROBE] if line.strip()]
    objects = [isinstance(_json_or_none(line), dict) for line in lines]
    return bool(objects) and objects[0] and sum(objects) >= JSON_LINES_MIN_SHARE * len(objects)


def _json_or_none(text: str) -> object:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None  # nesting thousands deep is no article either way


def _count_at_least(pattern: re.Pattern[str], text: str, n: int) -> bool:
    return sum(1 for _ in zip(range(n), pattern.finditer(text), strict=False)) >= n


def read_articles(
    data: bytes, source_path: str, *, max_bytes: int = 64 * 1024 * 1024
) -> ReadResult:
    """Read every article in one raw file's bytes."""
    if not data:
        raise RejectedInput("read", "empty file (0 bytes); delete it or re-export the article")
    payload = data
    suffixes = [s.lower() for s in _suffixes(source_path)]
    if payload.startswith(GZIP_MAGIC):
        payload = gunzip_bounded(payload, max_bytes)
        if payload.startswith(GZIP_MAGIC):
            raise RejectedInput("decode", "gzip inside gzip is not read; decompress it once")
        suffixes = [s for s in suffixes if s not in {".gz", ".gzip"}]
        if not payload:
            raise RejectedInput("read", "empty file inside the gzip archive")
    for magic, what in BINARY_MAGIC:
        if payload.startswith(magic):
            raise RejectedInput(
                "decode",
                f"binary file: this is {what}, not an article; only text, HTML and JSON "
                "(optionally gzip-compressed) are read",
            )
    decoded = decode(payload)
    if not decoded.text.strip():
        raise RejectedInput("read", "file holds only whitespace; there is no article in it")
    suffix = suffixes[-1] if suffixes else ""
    fmt = detect_format(decoded.text, suffix)
    try:
        result = READERS[fmt](decoded.text, payload, source_path)
    except RejectedInput:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError) as exc:
        # a parser choking on pathological markup (nesting thousands deep, broken bytes)
        reason = f"{type(exc).__name__}: {exc}"
        message = f"{fmt} could not be parsed ({reason}); fix or drop it"
        raise RejectedInput("parse", message) from exc
    result.encoding = decoded.encoding
    return result


def _suffixes(path: str) -> list[str]:
    name = path.rsplit("/", 1)[-1]
    parts = name.split(".")
    return ["." + p for p in parts[1:]]
