"""What the style rules (inline-color, inline-style) share: finding the properties they flag
in `style` attributes, and the fix that takes declarations out of one.

When nothing is left the attribute goes, and a `<span>` left with no attribute is unwrapped.
"""

from __future__ import annotations

from typing import ClassVar

from lxml import etree

from .css import Declaration, declarations
from .edits import remove_attribute, unwrap
from .html import Attr, Tag
from .liquid import is_templated
from .pertag import PerTag
from .rule import Edit, Finding, Fix, Rule

# The parents of style attributes: the same elements as `//*[@style]`, found in 2/3 of the time.
WITH_STYLE = etree.XPath("//@style/..")

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


class StylePropertyRule(Rule):
    """Flags elements whose `style` sets one of ``options.properties``: one finding per element,
    at its style attribute; the fix removes those declarations (``remove_declarations``)."""

    noun: ClassVar[str]  # what the properties are, for messages: "colour", "typography"

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        self._per_tag = PerTag(self._judge)
        self._wanted = {p.lower() for p in self.options.properties}

    def check(self, post):
        for _el, tag in post.html.xpath(WITH_STYLE):
            yield from self._per_tag.findings(post, tag)

    def _judge(self, post, tag: Tag) -> tuple[list[Finding], bool]:
        """The finding at ``tag``, if any; it depends on nothing but the tag."""
        attr = tag.attrs.get("style")
        if attr is None or is_templated(attr.value):
            return [], True
        found = [d for d in declarations(attr.value) if d.name in self._wanted]
        if not found:
            return [], True
        shown = "; ".join(f"{d.name}: {d.value}" for d in found)
        fix = remove_declarations(post, tag, attr, found, f"Remove the inline {self.noun}")
        return [self.finding(attr.start, attr.end, f"inline {self.noun} `{shown}`", fix)], True
