"""``--output-format concise``: one line per finding, ``path:line:col: rule message``."""

from __future__ import annotations

from . import fix_applicabilities, statistics_table, summary_line


def render(results, out, options, tally) -> None:
    wanted = fix_applicabilities(options.unsafe_fixes)
    for r in results:
        if r.findings:
            # Not through locate(): this format needs no end position, and a finding-heavy run
            # spends a tenth of its time here (one bisect per finding instead of two, no Located).
            path, source = r.path, r.source
            position = source.position if source is not None else r.position
            out.write("".join([
                f"{path}:{line}:{column}: {f.severity} {f.rule}"
                f"{' [*]' if f.fix is not None and f.fix.applicability in wanted else ''} {f.message}\n"
                for f in r.findings
                for line, column in (position(f.start),)
            ]))
    if options.statistics:
        statistics_table(tally, out, options)
    if not options.quiet:
        out.write(summary_line(tally, options.unsafe_fixes) + "\n")
