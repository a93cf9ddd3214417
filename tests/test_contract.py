"""The contract every registered rule keeps, built-in or plugin: its documentation is complete
and its examples are true, its declared fixability matches what it emits, and its fixes
remove what they fix."""

import dataclasses

import pytest

from postlint.docs import SECTIONS, example, sections
from postlint.registry import RULE_ID, Registry

EXAMPLE_FILE = {"html": "example.html", "markdown": "example.md", "md": "example.md"}


@pytest.mark.parametrize("rule_id, rule", Registry().load_all().items())
def test_rule_contract(lint, apply_fixes, rule_id, rule):
    assert rule.id == rule_id and RULE_ID.fullmatch(rule_id), "the id is (namespaced) kebab-case and the entry point's name"

    docs = sections(rule)
    assert [name for name in docs if name in SECTIONS] == list(SECTIONS), "sections missing or out of order"
    assert all(docs[name].strip() for name in SECTIONS), "an empty section"

    options = [f.name.replace("_", "-") for f in dataclasses.fields(rule.Options)]
    if options:
        missing = [name for name in options if f"`{name}`" not in docs["Options"]]
        assert not missing, f"options not documented: {missing}"
    else:
        assert docs["Options"].strip().rstrip(".") == "None"

    def lint_example(section):
        language, text = example(rule, section)
        assert language in EXAMPLE_FILE, f"unknown example language {language!r}"
        result = lint(text, rule_id, path=EXAMPLE_FILE[language])
        assert all(f.rule == rule_id for f in result.findings), "the example itself is broken"
        return result.source.text, result.findings, EXAMPLE_FILE[language]

    _, good, _ = lint_example("Good")
    assert good == [], "the Good example is flagged"

    bad_text, bad, path = lint_example("Bad")
    assert bad, "the Bad example is not flagged"
    with_fix = [f for f in bad if f.fix is not None]
    assert (rule.fixable == "never") == (not with_fix), f"fixable = {rule.fixable!r}"
    if rule.fixable == "always":
        assert len(with_fix) == len(bad), "fixable = 'always', but a Bad finding has no fix"

    # Fixing Bad (safe and unsafe) leaves no fixable finding, so fixing again changes nothing.
    fixed = apply_fixes(bad_text, bad)
    left = [f for f in lint(fixed, rule_id, path=path).findings if f.fix is not None]
    assert left == [], f"fixable findings left after fixing:\n{fixed}"
