"""``--output-format full`` (the default): findings grouped by file, each with a code frame.

The layout is made once as lines of (text, style) pieces. On a terminal rich renders them in
colour, one Text per file; otherwise (a pipe, a file, NO_COLOR) the same text is written
plain, without loading rich at all.
"""

from __future__ import annotations

import unicodedata

from . import locate, statistics_table, summary_line

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CONTEXT = 60  # characters of a long line shown on each side of the column


def _width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    wide, combining = unicodedata.east_asian_width, unicodedata.combining
    return sum(2 if wide(c) in "WF" else 0 if combining(c) else 1 for c in text)


def frame(line_text: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The source line (clipped around ``column`` when long) and the caret line under it."""
    line_text = line_text.rstrip("\r\n")
    start = column - 1
    stop = end_column - 1 if end_column is not None and end_column > column else start + 1
    left = max(0, start - CONTEXT)
    right = min(len(line_text), max(stop, start + 1) + CONTEXT)
    shown = ("…" if left else "") + line_text[left:right] + ("…" if right < len(line_text) else "")
    offset = 1 if left else 0
    start, stop = start - left + offset, min(stop, right) - left + offset
    # Pad with the same tabs the source has so the caret lines up in any terminal.
    prefix = shown[:start]
    pad = "".join("\t" if c == "\t" else " " * _width(c) for c in prefix) if "\t" in prefix else " " * _width(prefix)
    carets = "^" * max(1, _width(shown[start:stop]))
    return shown, pad + carets


def layout(result, unsafe: bool = False) -> list[list[tuple[str, str]]]:
    lines: list[list[tuple[str, str]]] = [[(result.path, "bold underline")]]
    for item in locate(result, unsafe):
        f = item.finding
        style = STYLE.get(f.severity, "")
        lines.append([
            (f"  {item.line}:{item.column}", "bold"), ("  ", ""), (f.severity, style), ("  ", ""),
            (f.message, ""), ("  ", ""), (f.rule, "dim"), (" [*]" if item.fixable else "", "green"),
        ])
        if result.source is not None:
            end_col = item.end_column if item.end_line == item.line else None
            source_line, caret = frame(result.source.line_text(item.line), item.column, end_col)
            gutter = " " * len(str(item.line))
            lines.append([(f"    {gutter} |", "blue")])
            lines.append([(f"    {item.line} | ", "blue"), (source_line, "")])
            lines.append([(f"    {gutter} | ", "blue"), (caret, style)])
    lines.append([])
    return lines


def render(results, out, options, tally) -> None:
    console = None
    if options.color:
        from rich.console import Console

        console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True, emoji=False, markup=False)
    for result in results:
        if not result.findings:
            continue
        lines = layout(result, options.unsafe_fixes)
        if console is None:
            out.write("\n".join("".join(text for text, _ in line) for line in lines) + "\n")
            continue
        from rich.text import Text

        block = Text()
        for line in lines:
            for text, style in line:
                block.append(text, style=style or None)
            block.append("\n")
        console.print(block, end="")
    if options.statistics:
        statistics_table(tally, out, options)
    if not options.quiet:
        if console is None:
            out.write(summary_line(tally, options.unsafe_fixes) + "\n")
        else:
            console.print(summary_line(tally, options.unsafe_fixes), style="bold")
