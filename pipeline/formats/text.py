"""Plain-text articles: the whole file is one article (boilerplate is the cleaner's job)."""

from __future__ import annotations

from pipeline.formats.base import ReadResult, make_article


def read(text: str, payload: bytes, source_path: str) -> ReadResult:
    return ReadResult(articles=[make_article(payload, source_path, "txt", text)])
