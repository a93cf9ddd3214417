"""``--output-format github``: one GitHub Actions workflow command per finding.

GitHub turns each ``::error file=…,line=…::message`` line of a job's log into an annotation on
the file, shown in the pull request's diff. Ends are exclusive, as everywhere in postlint.
"""

from __future__ import annotations

from . import locate, relative_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The escaping of a command's message (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The escaping of a property value: also ``:`` and ``,``, which end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, out, options, tally) -> None:
    for r in results:
        path = escape_property(relative_path(r.path))
        for item in locate(r, options.unsafe_fixes):
            f = item.finding
            title = escape_property(f"postlint ({f.rule})")
            out.write(
                f"::{COMMAND[f.severity]} file={path},line={item.line},col={item.column},"
                f"endLine={item.end_line},endColumn={item.end_column},title={title}::{escape_data(f.message)}\n"
            )
