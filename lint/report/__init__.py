"""Renderers: each module takes the same sorted list of FileResults and writes one format."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple, TextIO

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
    fixable: bool  # `--fix` would fix it (with `--unsafe-fixes`, unsafe fixes too)


def fix_applicabilities(unsafe: bool) -> tuple[str, ...]:
    """The fixes a finding may have to count as fixable: with `--unsafe-fixes`, unsafe ones too."""
    return ("safe", "unsafe") if unsafe else ("safe",)


def locate(result: "FileResult", unsafe: bool = False) -> list[Located]:
    path, source = result.path, result.source
    wanted = fix_applicabilities(unsafe)
    where = source.range_position if source is not None else lambda start, end: (1, 1, 1, 1)
    new = tuple.__new__  # Located(...) runs a Python-level __new__; a report makes one per finding
    return [
        new(Located, (path, *where(f.start, f.end), f, f.fix is not None and f.fix.applicability in wanted))
        for f in result.findings
    ]


@dataclass(frozen=True)
class Options:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    summaries: dict[str, str] | None = None  # rule id -> summary, for --statistics
    unsafe_fixes: bool = False  # --unsafe-fixes: unsafe fixes count as fixable


def relative_path(path: str) -> str:
    """``path`` relative to the current folder with forward slashes, as CI tools expect it.

    Absolute when there is no relative way (another drive on Windows)."""
    try:
        path = os.path.relpath(path)
    except ValueError:
        path = os.path.abspath(path)
    return path.replace(os.sep, "/")


class Tally:
    """What the summary line, --statistics and the exit code need, counted while the results
    stream past: a run keeps no file's text or findings once they are reported."""

    def __init__(self) -> None:
        self.files = 0
        self.files_with_findings = 0
        # (rule, severity, "safe" | "unsafe" | None) -> findings; the rest is summed from it
        self.counts: Counter[tuple[str, str, str | None]] = Counter()

    def add(self, result: "FileResult") -> None:
        self.files += 1
        if result.findings:
            self.files_with_findings += 1
            self.counts.update(
                (f.rule, f.severity, f.fix.applicability if f.fix is not None else None) for f in result.findings
            )

    @property
    def severities(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for (_, severity, _), n in self.counts.items():
            out[severity] += n
        return out

    @property
    def fixable(self) -> int:
        """Findings with a safe fix."""
        return sum(n for (_, _, fix), n in self.counts.items() if fix == "safe")

    @property
    def unsafe(self) -> int:
        return sum(n for (_, _, fix), n in self.counts.items() if fix == "unsafe")

    @property
    def rules(self) -> dict[str, list[int]]:
        """rule id -> [findings, with a safe fix, with an unsafe fix]"""
        out: dict[str, list[int]] = {}
        for (rule, _, fix), n in self.counts.items():
            entry = out.setdefault(rule, [0, 0, 0])
            entry[0] += n
            if fix is not None:
                entry[1 if fix == "safe" else 2] += n
        return out

    @property
    def findings(self) -> int:
        return self.counts.total()


def counted(results: Iterable["FileResult"], tally: Tally) -> Iterator["FileResult"]:
    for result in results:
        tally.add(result)
        yield result


def render(fmt: str, results: Iterable["FileResult"], out: TextIO, options: Options) -> Tally:
    """Write ``results`` in format ``fmt`` as they come; return what was counted on the way."""
    module = importlib.import_module(f"{__name__}.{fmt.replace('-', '_')}")
    tally = Tally()
    module.render(counted(results, tally), out, options, tally)
    return tally


def summary_line(tally: Tally, unsafe: bool = False) -> str:
    files = tally.files
    if not tally.findings:
        return f"All clear: {files} {_plural(files, 'file')} checked, no findings."
    parts = ", ".join(f"{tally.severities[s]} {_plural(tally.severities[s], s)}"
                      for s in ("error", "warning", "info") if tally.severities[s])
    n = tally.findings
    line = (f"Found {n} {_plural(n, 'finding')} ({parts}) in {tally.files_with_findings} of "
            f"{files} {_plural(files, 'file')}.")
    if unsafe:  # the run was given --unsafe-fixes: say what --fix --unsafe-fixes would fix
        if tally.fixable + tally.unsafe:
            line += f" {tally.fixable + tally.unsafe} fixable with `postlint --fix --unsafe-fixes`."
        return line
    if tally.fixable:
        line += f" {tally.fixable} fixable with `postlint --fix`."
    if tally.unsafe:
        line += f" {tally.unsafe} more with `--unsafe-fixes`."
    return line


def statistics(tally: Tally, summaries: dict[str, str], unsafe: bool = False) -> list[tuple[int, str, bool, str]]:
    rows = [(n, rule, safe > 0 or (unsafe and not_safe > 0), summaries.get(rule, ""))
            for rule, (n, safe, not_safe) in tally.rules.items()]
    return sorted(rows, key=lambda row: (-row[0], row[1]))


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def statistics_table(tally: Tally, out: TextIO, options: Options) -> None:
    for n, rule, fixable, summary in statistics(tally, options.summaries or {}, options.unsafe_fixes):
        out.write(f"{n:>6}  {rule:<24} {'[*]' if fixable else '   '} {summary}\n")
