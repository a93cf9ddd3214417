"""``--output-format full`` (the default): findings grouped by file, each with a code frame.

Rendered with rich; without a terminal or with NO_COLOR set the same text comes out plain.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from . import locate, statistics_table, summary_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
FRAME_WIDTH = 100  # cells of source shown around a column on long lines


def frame(line_text: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The source line (clipped around ``column`` when long) and the caret line under it."""
    start = column - 1
    stop = end_column - 1 if end_column is not None and end_column > column else start + 1
    prefix = ""
    if cell_len(line_text) > FRAME_WIDTH:
        left = max(0, start - FRAME_WIDTH // 3)
        line_text, start, stop = line_text[left:left + FRAME_WIDTH], start - left, stop - left
        if left:
            prefix = "…"
    line_text = line_text.rstrip("\r\n")
    stop = min(max(stop, start + 1), max(len(line_text), start + 1))
    # Pad with the same tabs the source has so the caret lines up in any terminal.
    pad = "".join(c if c == "\t" else " " * cell_len(c) for c in line_text[:start])
    carets = "^" * max(1, cell_len(line_text[start:stop]))
    return prefix + line_text, " " * len(prefix) + pad + carets


def render(results, out, options) -> None:
    console = Console(
        file=out, force_terminal=options.color, no_color=not options.color, color_system="auto" if options.color else None,
        highlight=False, soft_wrap=True, emoji=False, markup=False,
    )
    for result in results:
        items = locate(result)
        if not items:
            continue
        console.print(Text(result.path, style="bold underline"))
        for item in items:
            f = item.finding
            header = Text.assemble(
                ("  ", ""), (f"{item.line}:{item.column}", "bold"), ("  ", ""),
                (f.severity, STYLE.get(f.severity, "")), ("  ", ""), (f.message, ""),
                ("  ", ""), (f.rule, "dim"), (" [*]" if item.fixable else "", "green"),
            )
            console.print(header)
            if result.source is not None:
                end_col = item.end_column if item.end_line == item.line else None
                source_line, caret = frame(result.source.line_text(item.line), item.column, end_col)
                gutter = len(str(item.line))
                console.print(Text(f"    {' ' * gutter} |", style="blue"))
                console.print(Text.assemble((f"    {item.line} | ", "blue"), (source_line, "")))
                console.print(Text.assemble((f"    {' ' * gutter} | ", "blue"), (caret, STYLE.get(f.severity, ""))))
        console.print()
    if options.statistics:
        statistics_table(results, out, options)
    if not options.quiet:
        console.print(Text(summary_line(results), style="bold"))
