"""Rule documentation, taken from each rule's docstring (the one source of truth)."""

from __future__ import annotations

import inspect
import re
from typing import TextIO

from .problems import PROBLEMS
from .registry import Registry
from .rule import Rule

SECTIONS = ("What it does", "Why", "Bad", "Good", "Fix safety", "Options")
_HEADING = re.compile(r"^## (.+?)\s*$", re.M)
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\s*$", re.M | re.S)


def sections(rule: type[Rule]) -> dict[str, str]:
    """The docstring's ``## Heading`` sections, in order."""
    doc = inspect.getdoc(rule) or ""
    heads = list(_HEADING.finditer(doc))
    return {
        m.group(1): doc[m.end(): heads[i + 1].start() if i + 1 < len(heads) else len(doc)].strip("\n")
        for i, m in enumerate(heads)
    }


def example(rule: type[Rule], section: str) -> tuple[str, str]:
    """The fenced example of ``Bad`` or ``Good``: (language, post text)."""
    m = _FENCE.search(sections(rule).get(section, ""))
    if m is None:
        raise ValueError(f"rule {rule.id}: section {section!r} has no fenced example")
    return m.group(1) or "html", m.group(2)


def markdown(rule: type[Rule]) -> str:
    state = "on" if rule.default_enabled else "off"
    head = (f"# {rule.id}\n\n{rule.summary}\n\n"
            f"*Severity:* {rule.severity} · *fixable:* {rule.fixable} · *default:* {state}\n\n")
    return head + "\n\n".join(f"## {name}\n\n{body}" for name, body in sections(rule).items()) + "\n"


def print_rule(rule: type[Rule], out: TextIO, color: bool) -> None:
    if not color:
        out.write(markdown(rule))
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console(file=out, force_terminal=True).print(Markdown(markdown(rule)))


def print_rules(registry: Registry, out: TextIO, color: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False)
    for column in ("rule", "default", "fix", "severity", "summary"):
        table.add_column(column, no_wrap=column != "summary")
    for rule_id, cls in registry.load_all().items():
        table.add_row(rule_id, "on" if cls.default_enabled else "off", cls.fixable, cls.severity, cls.summary)
    for rule_id, summary in PROBLEMS.items():
        table.add_row(rule_id, "always", "never", "error", summary)
    Console(file=out, force_terminal=color, no_color=not color, width=None if color else 160,
            highlight=False).print(table)
