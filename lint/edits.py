"""Edits that several rules make: remove an attribute, a whole element, or unwrap one."""

from __future__ import annotations

from .html import Attr, Tag
from .rule import Edit


def remove_attribute(text: str, attr: Attr) -> Edit:
    """Delete ``attr`` with the whitespace before it: `<p class="a" id="b">` -> `<p id="b">`."""
    start = attr.start
    while start > 0 and text[start - 1] in " \t\r\n":
        start -= 1
    return Edit(start, attr.end, "")


def remove_block(text: str, start: int, end: int) -> Edit:
    """Delete ``text[start:end]``; when it stands alone on its line, delete the line, and when
    that leaves two blank lines where there was one, one of them too."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[line_start:start].strip() or text[end:line_end].strip():
        return Edit(start, end, "")
    before_blank = line_start >= 2 and _is_blank_line_before(text, line_start)
    next_end = text.find("\n", line_end)
    next_end = len(text) if next_end < 0 else next_end + 1
    after_blank = line_end < len(text) and not text[line_end:next_end].strip()
    if before_blank and after_blank:
        return Edit(line_start, next_end, "")
    return Edit(line_start, line_end, "")


def _is_blank_line_before(text: str, line_start: int) -> bool:
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    return not text[prev_start:line_start].strip()


def unwrap(tag: Tag) -> tuple[Edit, ...] | None:
    """Remove a start tag and its end tag, keeping what is between; None without an end tag."""
    if tag.end_tag is None:
        return None
    return (Edit(tag.start, tag.end, ""), Edit(tag.end_tag[0], tag.end_tag[1], ""))


def remove_lines(text: str, start: int, end: int) -> Edit:
    """Delete the whole lines from the one holding ``start`` to the one holding ``end - 1``
    (a YAML key and its value, which may end with its own line break)."""
    line_start = text.rfind("\n", 0, start) + 1
    last = max(start, end - 1)
    if text[last : last + 1] == "\n":
        return Edit(line_start, last + 1, "")
    line_end = text.find("\n", last)
    return Edit(line_start, len(text) if line_end < 0 else line_end + 1, "")
