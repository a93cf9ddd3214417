"""Helpers shared by the rule tests, offered as fixtures (``--import-mode=importlib`` lets no
test module import another).

``lint`` runs ONE rule on a post text through the real engine, as a user's config would;
``apply_fixes`` applies the fixes of one lint pass exactly as the fixer's pass does; ``check``
is the table-case assertion in the spirit of yamllint's ``check(source, conf, problem=(line,
col))`` and sqlfluff's fail/fix/pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from postlint.config import Config
from postlint.engine import FileResult, Linter, select_rules
from postlint.fixer import apply_edits, choose
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
    """One pass of the real fixer (``choose`` + ``apply_edits``), without its loop or guards, so
    a case shows what one rule's fixes do on their own."""
    return apply_edits(text, [edit for f in choose(findings, unsafe) for edit in f.fix.edits])


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
