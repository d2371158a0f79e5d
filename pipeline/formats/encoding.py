"""Bytes to text: detect the encoding from evidence in the bytes, never by luck.

The order is that of the evidence's strength: a byte-order mark; the NUL pattern of UTF-16/32;
strict UTF-8; UTF-8 with stray Windows-1252 bytes (files pasted together from two sources);
Windows-1252 for Western text (a superset of Latin-1's printable range, which is why Latin-1 files
decode here too); then charset-normalizer for other single-byte scripts (Cyrillic, Greek, ...).
Anything that decodes to control characters is binary, not text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from pipeline.errors import RejectedInput
from pipeline.normalize import CONTROL_CHARS

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.01
# Western text has a few accented letters among ASCII ones; a Cyrillic or Greek file decoded as
# Windows-1252 turns nearly every letter into a Latin-1 accented one.
MAX_WESTERN_NON_ASCII_LETTER_SHARE = 0.3
# charset-normalizer's "chaos" (mess ratio) above which its guess is not trusted.
MAX_CHAOS = 0.2
# ... and its language coherence below which the guess has no evidence of a real language.
MIN_COHERENCE = 0.1


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode each invalid UTF-8 byte as Windows-1252 (or Latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    try:
        return chunk.decode("cp1252"), error.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), error.end


codecs.register_error("pipeline-cp1252-fallback", _cp1252_fallback)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for its ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(CONTROL_CHARS.findall(text)) / len(text) > MAX_CONTROL_SHARE


def _western_plausible(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    return non_ascii / len(letters) <= MAX_WESTERN_NON_ASCII_LETTER_SHARE


def _checked(text: str, encoding: str) -> Decoded:
    if _looks_binary(text):
        raise RejectedInput(
            "decode",
            f"binary data: decoded as {encoding} it is mostly control characters; only text, "
            "HTML and JSON articles (optionally gzip-compressed) are read",
        )
    return Decoded(text, encoding)


def decode(data: bytes) -> Decoded:
    """Decode raw bytes to text, or raise `RejectedInput` saying why they are not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise RejectedInput(
                    "decode",
                    f"file starts with a {encoding} byte-order mark but byte {exc.start} is not "
                    f"valid {encoding}; re-save it as UTF-8",
                ) from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass  # NUL-heavy but not UTF-16: judged as binary below
    if b"\x00" in data:
        raise RejectedInput(
            "decode",
            "binary data: the file contains NUL bytes and is not UTF-16 text; only text, HTML "
            "and JSON articles (optionally gzip-compressed) are read",
        )
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _has_utf8_multibyte(data):
        mixed = data.decode("utf-8", errors="pipeline-cp1252-fallback")
        return _checked(mixed, "utf-8+cp1252")
    western: str | None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _western_plausible(western) and not _looks_binary(western):
        return Decoded(western, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.chaos <= MAX_CHAOS and best.coherence >= MIN_COHERENCE:
        return _checked(str(best), best.encoding)
    raise RejectedInput(
        "decode",
        "undecodable bytes: not valid UTF-8 or UTF-16, and no single-byte encoding gives "
        "readable text; re-save the file as UTF-8",
    )


UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_multibyte(data: bytes) -> bool:
    """True when the bytes hold valid UTF-8 multi-byte sequences (so it is UTF-8 with strays)."""
    return UTF8_MULTIBYTE.search(data) is not None
