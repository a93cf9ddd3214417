"""``--output-format concise``: one line per finding, ``path:line:col: rule message``."""

from __future__ import annotations

from . import locate, statistics_table, summary_line


def render(results, out, options, tally) -> None:
    for r in results:
        if r.findings:
            out.write("".join([
                f"{item.path}:{item.line}:{item.column}: {item.finding.severity} {item.finding.rule}"
                f"{' [*]' if item.fixable else ''} {item.finding.message}\n"
                for item in locate(r, options.unsafe_fixes)
            ]))
    if options.statistics:
        statistics_table(tally, out, options)
    if not options.quiet:
        out.write(summary_line(tally, options.unsafe_fixes) + "\n")
