"""Word lists written as text: rules read better as prose-like lists than as Python literals."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())
