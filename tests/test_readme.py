"""The README's rules table is generated from the registered rules (`python -m postlint.docs`);
a rule added, removed, switched on or off, or re-summarised without regenerating it fails here."""

from pathlib import Path

from postlint.docs import TABLE_BEGIN, TABLE_END, rules_table
from postlint.registry import Registry

README = Path(__file__).resolve().parents[1] / "README.md"


def test_rules_table_is_up_to_date():
    text = README.read_text(encoding="utf-8")
    assert text.count(TABLE_BEGIN) == 1 and text.count(TABLE_END) == 1, "the table's markers are missing"
    start, end = text.index(TABLE_BEGIN), text.index(TABLE_END) + len(TABLE_END)
    assert text[start:end] == rules_table(Registry()), "stale rules table: run `python -m postlint.docs`"


def test_table_lists_every_rule_with_its_default():
    table = rules_table(Registry())
    for rule_id, rule in Registry().load_all().items():
        on = "yes" if rule.default_enabled else "no"
        assert f"| `{rule_id}` | {on} | {rule.fixable} | {rule.severity} |" in table
