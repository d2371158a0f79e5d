"""The README stays a short front page, the table reference in docs/ is the one generated from
the schemas, and no relative link in the README or docs/ leads nowhere."""

import re
from pathlib import Path

import pytest

from pipeline.settings import PROJECT_ROOT
from pipeline.tables import markdown_reference

README = PROJECT_ROOT / "README.md"
TABLES = PROJECT_ROOT / "docs" / "tables.md"
PAGES = [README, *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target): the target, up to a space (a title) or the bracket.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def test_tables_reference_matches_the_schemas() -> None:
    text = TABLES.read_text(encoding="utf-8")
    match = re.search(r"<!-- tables:start -->\n(.*?)<!-- tables:end -->", text, re.DOTALL)
    assert match, "docs/tables.md lost its tables markers"
    expected = markdown_reference()
    assert match.group(1) == expected, (
        "docs/tables.md is stale; paste this between its markers:\n" + expected
    )


def test_readme_shows_the_two_commands() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def test_readme_is_a_front_page() -> None:
    size = README.stat().st_size
    assert size < 15_000, f"README.md is {size:,} bytes; move detail into docs/"


def relative_links(page: Path) -> list[str]:
    """The link and image targets of a Markdown page that are not URLs or anchors in the page;
    code (fenced or inline) holds no links."""
    text = CODE.sub("", FENCED.sub("", page.read_text(encoding="utf-8")))
    targets = (t for t in LINK.findall(text) if not SCHEME.match(t) and not t.startswith("#"))
    return [t.split("#", 1)[0] for t in targets]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_relative_links_lead_to_files_in_the_repository(page: Path) -> None:
    broken = []
    for target in relative_links(page):
        path = (page.parent / target).resolve()
        if not path.is_relative_to(PROJECT_ROOT) or not path.exists():
            broken.append(target)
    assert not broken, f"{page.relative_to(PROJECT_ROOT)} links to missing files: {broken}"


def test_links_are_found() -> None:
    """The link pattern sees the README's links (a pattern that found none would pass above)."""
    assert "docs/tables.md" in relative_links(README)
