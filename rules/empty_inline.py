"""Inline formatting elements with nothing in them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from fnmatch import fnmatchcase

from lxml import etree

from postlint import Fix, Rule
from postlint.edits import remove_block

# Nothing but tags between the start of the element and the end of its end tag.
_ONLY_TAGS = re.compile(r"(?:<[^<>]*>)*\Z")


# A name XPath can test with `self::` (custom elements such as `my-icon` included).
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def _name_test(name: str) -> str | None:
    """An XPath test for elements named ``name``; None when XPath cannot quote the name."""
    if _NCNAME.fullmatch(name):
        return f"self::{name}"
    for quote in "\"'":
        if quote not in name:
            return f"name()={quote}{name}{quote}"
    return None


@lru_cache(maxsize=8)
def _candidates(names: tuple[str, ...]) -> etree.XPath | None:
    """The elements with no text and no comment anywhere inside, found in C; None when no
    element can have one of ``names``."""
    tests = [test for test in map(_name_test, names) if test is not None]
    if not tests:
        return None
    # The name test last: `self::a or self::b…` on every element cost more than the text test,
    # which leaves few elements (the same elements, in a third less time).
    return etree.XPath(f"descendant::*[not(.//text()) and not(.//comment())][{' or '.join(tests)}]")


class EmptyInline(Rule):
    """Inline formatting elements with nothing in them.

    ## What it does
    Flags `<span>`, `<b>`, `<strong>`, `<i>`, `<em>` and `<font>` (the `elements` option) that
    hold nothing at all: no text, not even a space, and no element but other such empty ones
    (`<b><span style="color: #ee2323;"></span></b>` is one finding, at the outer `<b>`).

    An element is flagged only when its attributes do not matter: `style`, `lang`, `dir`,
    `<font>`'s `color`/`face`/`size` and editors' `data-ke-*`/`data-mce-*` (the
    `ignore-attributes` option) do not. Every other attribute does: an `id` is an anchor that
    links jump to (WordPress's `<span id="more-123"></span>`), and a `class` is what icon fonts
    (`<i class="fa fa-star"></i>`) and scripts (a chart library filling
    `<span class="sparkline"></span>`) hook into, so such elements are never flagged. Nor is an
    element holding a space (`a<span> </span>b`: the space separates two words) or a `<br>`.

    ## Why
    Blog editors leave these behind whenever formatting is applied to a selection that is then
    deleted. They show nothing, but they clutter the source, and split what the author sees as
    one run of text into pieces that later edits trip over.

    ## Bad
    ```html
    <p>동맹은<span style="color: #010101;"></span> 굳건합니다.</p>
    ```

    ## Good
    ```html
    <p>동맹은 굳건합니다.</p>
    ```

    ## Fix safety
    Safe: the fix deletes the element from its start tag to its end tag, which hold no text. An
    element whose end tag the source leaves implied is reported but not fixed.

    ## Options
    - `elements` (list, default `["span", "b", "strong", "i", "em", "font"]`): the elements to check.
    - `ignore-attributes` (list of globs, default `["style", "lang", "dir", "color", "face",
      "size", "data-ke-*", "data-mce-*"]`): attributes that do not stop an element from being
      flagged.
"""

    id = "empty-inline"
    summary = "Empty `<span>`, `<b>`, `<strong>`, `<i>`, `<em>` or `<font>` (no text, no id or class)"
    fixable = "sometimes"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        elements: tuple[str, ...] = ("span", "b", "strong", "i", "em", "font")
        ignore_attributes: tuple[str, ...] = ("style", "lang", "dir", "color", "face", "size", "data-ke-*", "data-mce-*")

    def check(self, post):
        names = tuple(n.lower() for n in self.options.elements)
        html = post.html
        inside: set[etree._Element] = set()  # flagged elements and everything in them
        candidates = _candidates(names)
        if candidates is None:
            return
        for el, tag in html.xpath(candidates):
            if el.getparent() in inside:
                inside.add(el)
                continue
            if not self._empty(html, el, names):
                continue
            inside.add(el)
            fix = None
            start, end = tag.outer_span
            if tag.end_tag is not None and _ONLY_TAGS.match(post.text, start, end):
                fix = Fix((remove_block(post.text, start, end),), f"Remove the empty <{tag.name}>")
            yield self.finding(tag.start, tag.end, f"empty <{tag.name}>", fix)

    def _empty(self, html, el, names) -> bool:
        """No text, no comment, and nothing inside but elements that are themselves empty."""
        if el.text or el.tag not in names:
            return False
        tag = html.tag(el)
        if tag is None or not all(self._ignorable(name) for name in tag.attrs) or tag.duplicate_attrs:
            return False
        return all(isinstance(child.tag, str) and not child.tail and self._empty(html, child, names) for child in el)

    def _ignorable(self, name: str) -> bool:
        return any(fnmatchcase(name, glob) for glob in self.options.ignore_attributes)
