"""Colours hard-coded in `style` attributes."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from postlint import Edit, Finding, Fix, Rule
from postlint.css import declarations
from postlint.liquid import is_templated
from postlint.styles import remove_declarations

WITH_STYLE = etree.XPath("//*[@style]")


class InlineColor(Rule):
    """Colours hard-coded in `style` attributes.

    ## What it does
    Flags elements whose `style` attribute sets `color` or `background-color` (configurable),
    parsed with a real CSS parser: any spelling of a value counts (`#ee2323`, 8-digit
    `#21538527`, `rgb(238 35 35 / 50%)`, `RED`, with `!important` or comments); other properties
    such as `border-color` do not. One finding per element.

    ## Why
    Colours pasted from a blog editor fight the site's theme: they vanish in dark mode, fail
    contrast checks and cannot be changed in one place. Emphasis belongs in the markup
    (`<strong>`, `<em>`) and colour in the stylesheet.

    ## Bad
    ```html
    <p>Support is <b><span style="color: #ee2323;">bipartisan</span></b>.</p>
    ```

    ## Good
    ```html
    <p>Support is <b>bipartisan</b>.</p>
    ```

    ## Fix safety
    Safe. The fix removes the colour declarations; when nothing is left it removes the `style`
    attribute, and a `<span>` left with no attribute is unwrapped (its content stays). A style
    with entities in it is reported but not fixed; one with Liquid (`{{ page.accent }}`) is not
    judged, since its value is known only at build time.

    ## Options
    - `properties` (list, default `["color", "background-color"]`): the properties to flag.
"""

    id = "inline-color"
    summary = "`style` attribute that sets a colour (color, background-color)"
    fixable = "sometimes"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        properties: tuple[str, ...] = ("color", "background-color")

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        # What this rule finds at a start tag depends only on the tag's text (as written and as
        # masked) and on whether it has an end tag, and imported posts repeat the same few tags
        # thousands of times: the finding is worked out once per distinct tag and moved to
        # each place it occurs.
        self._seen: dict[tuple[str, str, bool], tuple[Finding, int, tuple[int, int] | None] | None] = {}

    def check(self, post):
        seen, html = self._seen, post.html
        for _el, tag in html.xpath(WITH_STYLE):
            key = (tag.source, html.scan[tag.start : tag.end], tag.end_tag is not None)
            if key not in seen:
                if len(seen) >= 4096:
                    seen.clear()
                seen[key] = self._judge(post, tag)
            found = seen[key]
            if found is not None:
                yield _moved(*found, tag)

    def _judge(self, post, tag):
        """The finding at ``tag`` with the tag's start and end tag, or None."""
        attr = tag.attrs.get("style")
        if attr is None or is_templated(attr.value):
            return None
        wanted = {p.lower() for p in self.options.properties}
        found = [d for d in declarations(attr.value) if d.name in wanted]
        if not found:
            return None
        shown = "; ".join(f"{d.name}: {d.value}" for d in found)
        fix = remove_declarations(post, tag, attr, found, "Remove the inline colour")
        return self.finding(attr.start, attr.end, f"inline colour `{shown}`", fix), tag.start, tag.end_tag


def _moved(finding: Finding, start: int, end_tag: tuple[int, int] | None, tag) -> Finding:
    """``finding``, made at a tag at ``start`` with ``end_tag``, at the same text at ``tag``."""
    delta = tag.start - start
    fix = finding.fix
    if fix is not None:
        edits = tuple(
            Edit(*tag.end_tag, e.replacement) if (e.start, e.end) == end_tag
            else Edit(e.start + delta, e.end + delta, e.replacement)
            for e in fix.edits
        )
        fix = Fix(edits, fix.title, fix.applicability, fix.removes_text)
    return Finding(finding.rule, finding.message, finding.start + delta, finding.end + delta, finding.severity, fix)
