"""Helpers shared by the rule tests, offered as fixtures (``--import-mode=importlib`` lets no
test module import another).

``lint`` runs ONE rule on a post text through the real engine, as a user's config would;
``apply_fixes`` applies the fixes of one lint pass; ``check`` is the table-case assertion in the
spirit of yamllint's ``check(source, conf, problem=(line, col))`` and sqlfluff's fail/fix/pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from postlint.config import Config
from postlint.engine import FileResult, Linter, select_rules
from postlint.registry import Registry
from postlint.rule import Finding
from postlint.site import Site

REGISTRY = Registry()


def lint(text: str, rule_id: str, options: dict[str, Any] | None = None,
         path: str = "post.html", site: Site | None = None) -> FileResult:
    """Lint ``text`` with only ``rule_id``; ``options`` as in the config file (kebab-case)."""
    config = Config(select=[rule_id], rules={rule_id: dict(options or {})})
    linter = Linter(select_rules(REGISTRY, config), config, site=site)
    return linter.lint_bytes(text.encode("utf-8"), path)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = True) -> str:
    """One fix pass: the fixes in order, each skipped when it overlaps one already taken."""
    # TODO: use postlint.fixer once it exists; this is deliberately not a fixer (no loop).
    edits, taken_until = [], -1
    for finding in sorted((f for f in findings if f.fix is not None), key=lambda f: f.fix.span):
        start, end = finding.fix.span
        if start < taken_until or (finding.fix.applicability == "unsafe" and not unsafe):
            continue
        edits.extend(finding.fix.edits)
        taken_until = end
    for edit in sorted(edits, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def check(rule_id: str, source: str, expected: list[tuple[int, int]], fixed: str | None,
          **kwargs: Any) -> list[Finding]:
    """Assert the findings' (line, column) and the text after one fix pass (safe and unsafe);
    ``fixed=None`` means the text must stay exactly as it is. Returns the findings."""
    result = lint(source, rule_id, **kwargs)
    assert [f for f in result.findings if f.rule != rule_id] == [], "the case itself is broken"
    assert [result.position(f.start) for f in result.findings] == expected
    assert apply_fixes(result.source.text, result.findings) == (source if fixed is None else fixed)
    return result.findings


@pytest.fixture(name="lint")
def lint_fixture():
    return lint


@pytest.fixture(name="apply_fixes")
def apply_fixes_fixture():
    return apply_fixes


@pytest.fixture(name="check")
def check_fixture():
    return check
