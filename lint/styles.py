"""The fix shared by the style rules: take declarations out of a `style` attribute.

When nothing is left the attribute goes, and a `<span>` left with no attribute is unwrapped.
"""

from __future__ import annotations

from .css import Declaration, declarations
from .edits import remove_attribute, unwrap
from .html import Attr, Tag
from .rule import Edit, Fix

UNWRAP = frozenset({"span", "font"})


def remove_declarations(post, tag: Tag, attr: Attr, remove: list[Declaration], title: str) -> Fix | None:
    text = post.text
    raw = text[attr.value_start : attr.value_end]
    if raw != attr.value:
        return None  # entities in the value: offsets would not match the source
    remaining = raw
    for decl in sorted(remove, key=lambda d: d.start, reverse=True):
        end = decl.end
        while end < len(remaining) and remaining[end] in " \t\r\n":
            end += 1
        remaining = remaining[: decl.start] + remaining[end:]
    if declarations(remaining) or remaining.strip():
        if not declarations(remaining):
            return None  # what is left is not CSS we understand; leave it to a person
        return Fix((Edit(attr.value_start, attr.value_end, remaining.strip()),), title)
    if tag.name in UNWRAP and list(tag.attrs) == ["style"] and not tag.duplicate_attrs:
        edits = unwrap(tag)
        if edits is not None:
            return Fix(edits, title + " and unwrap the <" + tag.name + ">")
    return Fix((remove_attribute(text, attr),), title)
