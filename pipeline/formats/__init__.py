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
from pipeline.formats import html, json_format, text
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
    """Decompress gzip data, refusing to expand past `limit` bytes (a gzip bomb stops here)."""
    out = io.BytesIO()
    decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        chunk = decompressor.decompress(data, limit + 1)
        out.write(chunk)
        while decompressor.unconsumed_tail and out.tell() <= limit:
            out.write(decompressor.decompress(decompressor.unconsumed_tail, limit + 1 - out.tell()))
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise RejectedInput("decode", f"corrupt gzip data ({exc}); re-compress the file") from exc
    if out.tell() <= limit and not decompressor.eof:
        raise RejectedInput("decode", "corrupt gzip data (truncated stream); re-compress the file")
    if out.tell() > limit:
        raise RejectedInput(
            "decode",
            f"gzip data expands beyond the {limit:,}-byte limit (PIPELINE_MAX_FILE_BYTES); "
            "split the file or raise the limit",
        )
    return out.getvalue()


HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|"
    r"main|section|div|p|h[1-6]|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
READERS = {"json": json_format.read, "html": html.read, "txt": text.read}


def detect_format(text: str, suffix: str) -> str:
    """`json`, `html` or `txt`, from the text itself (the suffix only breaks ties)."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "[") and (suffix in JSON_SUFFIXES or _parses_as_json(stripped)):
        return "json"  # a text article may open with "[Updated]": only real JSON counts
    if HTML_START.match(text[:4096]):
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in {".html", ".htm", ".xhtml"} and "<" in text[:4096]:
        return "html"
    return "txt"


def _parses_as_json(text: str) -> bool:
    first_line = text.split("\n", 1)[0]
    for candidate in (first_line, text):
        try:
            json.loads(candidate)
        except json.JSONDecodeError:
            continue
        return True
    return False


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
