"""The README's table reference is the one generated from the schemas."""

import re

from pipeline.settings import PROJECT_ROOT
from pipeline.tables import markdown_reference


def test_readme_tables_match_the_schemas() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- tables:start -->\n(.*?)<!-- tables:end -->", readme, re.DOTALL)
    assert match, "README.md lost its tables markers"
    expected = markdown_reference()
    assert match.group(1) == expected, "README tables are stale; paste this:\n" + expected


def test_readme_shows_the_two_commands() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
