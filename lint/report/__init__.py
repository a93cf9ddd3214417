"""Renderers: each module takes the same sorted list of FileResults and writes one format."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..rule import Finding

# One module per format, named after it (json-lines -> json_lines.py), each with render().
FORMATS = ("full", "concise", "grouped", "json", "json-lines", "github", "sarif", "junit")


class Located(NamedTuple):
    """A finding with its file and 1-based positions (end exclusive), ready to print."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    finding: "Finding"

    @property
    def fixable(self) -> bool:
        fix = self.finding.fix
        return fix is not None and fix.applicability == "safe"


def locate(result: "FileResult") -> list[Located]:
    out = []
    for f in result.findings:
        line, col = result.position(f.start)
        end_line, end_col = result.position(f.end)
        out.append(Located(result.path, line, col, end_line, end_col, f))
    return out


@dataclass(frozen=True)
class Options:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    summaries: dict[str, str] | None = None  # rule id -> summary, for --statistics


def relative_path(path: str) -> str:
    """``path`` relative to the current folder with forward slashes, as CI tools expect it.

    Absolute when there is no relative way (another drive on Windows)."""
    try:
        path = os.path.relpath(path)
    except ValueError:
        path = os.path.abspath(path)
    return path.replace(os.sep, "/")


def render(fmt: str, results: list["FileResult"], out: TextIO, options: Options) -> None:
    module = importlib.import_module(f"{__name__}.{fmt.replace('-', '_')}")
    module.render(results, out, options)


def summary_line(results: list["FileResult"]) -> str:
    findings = [f for r in results for f in r.findings]
    if not findings:
        return f"All clear: {len(results)} {_plural(len(results), 'file')} checked, no findings."
    files = sum(1 for r in results if r.findings)
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.applicability == "safe")
    unsafe = sum(1 for f in findings if f.fix is not None and f.fix.applicability == "unsafe")
    by_severity = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    parts = ", ".join(f"{n} {_plural(n, s)}" for s, n in by_severity.items() if n)
    line = (f"Found {len(findings)} {_plural(len(findings), 'finding')} ({parts}) in {files} of "
            f"{len(results)} {_plural(len(results), 'file')}.")
    if fixable:
        line += f" {fixable} fixable with `postlint --fix`."
    if unsafe:
        line += f" {unsafe} more with `--unsafe-fixes`."
    return line


def statistics(results: list["FileResult"], summaries: dict[str, str]) -> list[tuple[int, str, bool, str]]:
    counts: dict[str, list[int]] = {}
    for r in results:
        for f in r.findings:
            entry = counts.setdefault(f.rule, [0, 0])
            entry[0] += 1
            entry[1] += f.fix is not None and f.fix.applicability == "safe"
    rows = [(n, rule, fixable > 0, summaries.get(rule, "")) for rule, (n, fixable) in counts.items()]
    return sorted(rows, key=lambda row: (-row[0], row[1]))


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def statistics_table(results: list["FileResult"], out: TextIO, options: Options) -> None:
    for n, rule, fixable, summary in statistics(results, options.summaries or {}):
        out.write(f"{n:>6}  {rule:<24} {'[*]' if fixable else '   '} {summary}\n")
