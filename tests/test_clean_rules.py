"""Every line rule matches its examples and none of its counterexamples."""

import re

import pytest

from pipeline.clean.rules import LINE_RULES, LineRule
from pipeline.rows import BoilerplateKind, values_of
from pipeline.settings import PROJECT_ROOT

CASES = [(rule, text, True) for rule in LINE_RULES for text in rule.examples] + [
    (rule, text, False) for rule in LINE_RULES for text in rule.counterexamples
]


def test_rule_names_are_unique_and_every_rule_has_examples() -> None:
    names = [rule.name for rule in LINE_RULES]
    assert len(names) == len(set(names))
    assert all(rule.examples for rule in LINE_RULES)


@pytest.mark.parametrize(
    ("rule", "text", "expected"), CASES, ids=[f"{r.name}:{t[:30]}" for r, t, _ in CASES]
)
def test_rule_examples(rule: LineRule, text: str, expected: bool) -> None:
    assert rule.matches(text) is expected


def test_kinds_are_the_contract_kinds() -> None:
    kinds = set(values_of(BoilerplateKind))
    assert {rule.kind for rule in LINE_RULES} <= kinds
    contract = PROJECT_ROOT.parent / "shared" / "CONTRACT.md"
    if not contract.exists():
        pytest.skip("the shared contract is not beside the project")
    rows = contract.read_text().splitlines()
    [line] = [row for row in rows if row.startswith("| kind |") and "`masthead`" in row]
    assert set(re.findall(r"`(\w+)`", line)) == kinds
