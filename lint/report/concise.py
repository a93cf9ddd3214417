"""``--output-format concise``: one line per finding, ``path:line:col: rule message``."""

from __future__ import annotations

from . import locate, statistics_table, summary_line


def render(results, out, options, tally) -> None:
    for r in results:
        for item in locate(r):
            f = item.finding
            mark = " [*]" if item.fixable else ""
            out.write(f"{item.path}:{item.line}:{item.column}: {f.severity} {f.rule}{mark} {f.message}\n")
    if options.statistics:
        statistics_table(tally, out, options)
    if not options.quiet:
        out.write(summary_line(tally) + "\n")
