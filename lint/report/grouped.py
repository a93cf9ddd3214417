"""``--output-format grouped``: findings under their file, ``line:col rule message`` each."""

from __future__ import annotations

from . import locate, statistics_table, summary_line


def render(results, out, options, tally) -> None:
    for r in results:
        items = locate(r, options.unsafe_fixes)
        if not items:
            continue
        # Line and column numbers aligned: right and left of the colon.
        line_width = max(len(str(item.line)) for item in items)
        column_width = max(len(str(item.column)) for item in items)
        out.write(f"{r.path}\n")
        for item in items:
            f = item.finding
            mark = " [*]" if item.fixable else ""
            out.write(f"  {item.line:>{line_width}}:{item.column:<{column_width}} {f.rule}{mark} {f.message}\n")
        out.write("\n")
    if options.statistics:
        statistics_table(tally, out, options)
    if not options.quiet:
        out.write(summary_line(tally, options.unsafe_fixes) + "\n")
