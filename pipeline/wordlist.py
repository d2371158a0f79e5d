"""Word lists written as text: rules read better as prose-like lists than as Python literals."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of `items`, escaped, longest first so a longer form wins."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))
