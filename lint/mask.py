"""What in a post body is not HTML, so that no rule judges or edits it.

- Markdown code (code blocks and code spans) and Markdown text: in a Markdown post only the
  HTML that CommonMark hands through (HTML blocks and inline HTML, lint/markdown.py) is HTML.
- Template blocks whose content is literal: Liquid ``{% raw %}``, ``{% highlight %}``,
  ``{% comment %}``, Hugo ``{{< highlight >}}``.
- Template tags and expressions elsewhere: Liquid (``{% include x.html %}``,
  ``{{ page.title }}``) and Hugo shortcodes (``{{< figure … >}}``, ``{{% note %}}``).

Masking keeps every offset valid. Code and literal blocks become spaces (newlines kept), so the
HTML parser sees nothing there. Template syntax becomes underscores, so that
``<p>{{ content }}</p>`` still has something in it; inside a start tag but outside an attribute
value it becomes spaces, so that ``<li{% if x %} class="on"{% endif %}>`` stays an ``<li>`` with
a class. In Markdown text, a ``<`` (and an escaped ``\\&``) becomes an underscore: CommonMark
renders ``List\\<String>`` and ``<https://example.com>`` as text, not tags. Rules read attribute
values and quote messages from the original text, where ``{{`` marks a value as templated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .markdown import Markdown, _merge

_LIQUID_BLOCK = re.compile(
    r"\{%-?\s*(raw|highlight|comment)\b.*?-?%\}.*?(?:\{%-?\s*end\1\s*-?%\}|\Z)"
    r"|\{\{([<%])\s*highlight\b.*?[>%]\}\}.*?(?:\{\{[<%]\s*/highlight\s*[>%]\}\}|\Z)",
    re.S,
)
_LIQUID = re.compile(r"\{\{.*?(?:\}\}|\Z)|\{%.*?(?:%\}|\Z)", re.S)
_NOT_LF = re.compile(r"[^\n]")  # code keeps its LFs (a CR becomes a space)
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")  # template syntax keeps CR and LF


class Templates(NamedTuple):
    """Template syntax in a body: literal blocks (code to every rule) and tags/expressions."""

    literal: list[tuple[int, int]]
    tags: list[tuple[int, int]]


@dataclass
class Mask:
    text: str  # the post with masked regions blanked; same length as the original
    code: list[tuple[int, int]] = field(default_factory=list)  # code and literal template blocks
    liquid: list[tuple[int, int]] = field(default_factory=list)  # template tags and expressions

    def regions(self) -> list[tuple[int, int]]:
        return sorted(self.code + self.liquid)


def templates(text: str, start: int, end: int) -> Templates:
    if text.find("{", start, end) < 0:  # both forms start with `{`
        return Templates([], [])
    literal = _merge([m.span() for m in _LIQUID_BLOCK.finditer(text, start, end)])
    tags = [m.span() for m in _LIQUID.finditer(text, start, end) if not _inside(m.start(), literal)]
    return Templates(literal, tags)


# Liquid tags that output nothing: once rendered, a line of them is blank.
_SILENT = re.compile(
    r"\{%-?\s*(?:if|elsif|else|endif|unless|endunless|for|endfor|case|when|endcase|assign|capture"
    r"|endcapture|break|continue|tablerow|endtablerow)\b"
)


def filled(text: str, start: int, end: int, found: Templates) -> str:
    """The body with template syntax written over (line breaks kept), as Markdown reads it once
    the generator has filled it in: with spaces where a Liquid tag outputs nothing
    (`{% if x %}`), so `<li{% if x %} class="on"{% endif %}>` is a tag; with `x` where it
    outputs something (`{{ site.url }}`, `{% post_url a %}`), so `[a]({{ site.url }}/b)` is a link."""
    if not found.literal and not found.tags:
        return text[start:end]
    pieces, last = [], start
    for s, e in sorted(found.literal + found.tags):
        pieces.append(text[last:s])
        pieces.append(_NOT_LINE_BREAK.sub(" " if _SILENT.match(text, s) else "x", text[s:e]))
        last = e
    pieces.append(text[last:end])
    return "".join(pieces)


def mask(text: str, start: int, end: int, markdown: bool) -> Mask:
    """Mask the body ``text[start:end]``, read as Markdown or not; the rest is returned as it is."""
    found = templates(text, start, end)
    parsed = Markdown(text, start, end, filled(text, start, end, found)) if markdown else None
    return masked(text, start, end, found, parsed)


def masked(text: str, start: int, end: int, found: Templates, markdown: Markdown | None) -> Mask:
    """The mask of a body whose template syntax and (for Markdown) CommonMark parse are known."""
    code = _merge(found.literal + markdown.code) if markdown is not None else found.literal
    liquid = [span for span in found.tags if not _inside(span[0], code)] if markdown is not None else found.tags
    fills = [(s, e, " ") for s, e in code] + [(s, e, "_") for s, e in liquid]
    scan = _filled_in(text, fills) if fills else text
    if liquid and "<" in scan:
        scan = _between_attributes(scan, liquid)
    if markdown is not None:
        scan = _markdown_text(scan, start, end, markdown.html)
    return Mask(scan, code, liquid)


def _filled_in(text: str, fills: list[tuple[int, int, str]]) -> str:
    pieces, last = [], 0
    for s, e, fill in sorted(fills):
        if s < last:
            continue
        pieces.append(text[last:s])
        segment = text[s:e]
        if "\n" not in segment and "\r" not in segment:  # a code span or a template tag: one line
            pieces.append(fill * len(segment))
        else:
            pieces.append((_NOT_LF if fill == " " else _NOT_LINE_BREAK).sub(fill, segment))
        last = e
    pieces.append(text[last:])
    return "".join(pieces)


def _markdown_text(scan: str, start: int, end: int, html: list[tuple[int, int]]) -> str:
    """``scan`` with each `<` of Markdown text (outside inline HTML and HTML blocks), and each
    `&` that a backslash escapes, made an underscore: the HTML parser would take them for markup.
    Code and template syntax in ``scan`` are masked already."""
    gaps, last = [], start
    for s, e in [*html, (end, end)]:
        if scan.find("<", last, s) >= 0 or scan.find("\\&", last, s) >= 0:
            gaps.append((last, s))
        last = e
    if not gaps:
        return scan
    pieces, last = [], 0
    for s, e in gaps:
        pieces.append(scan[last:s])
        pieces.append(scan[s:e].replace("<", "_").replace("\\&", "\\_"))
        last = e
    pieces.append(scan[last:])
    return "".join(pieces)


def _between_attributes(scan: str, liquid: list[tuple[int, int]]) -> str:
    """``scan`` with the template syntax that stands inside a start tag, outside any attribute
    value, blanked to spaces instead of underscores: `<li{% if x %} class="on">` is an `<li>`."""
    chars = None
    for s, e in liquid:
        if not _between_attributes_at(scan, s):
            continue
        if chars is None:
            chars = list(scan)
        for i in range(s, e):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return scan if chars is None else "".join(chars)


_TAG_NAME = re.compile(r"<[A-Za-z][A-Za-z0-9-]*")
_SPACE = " \t\r\n\f"


def _between_attributes_at(scan: str, offset: int) -> bool:
    """Whether ``offset`` is inside a start tag of ``scan`` (right after its name, or between
    its attributes) and not in an attribute's name or value."""
    lt = scan.rfind("<", 0, offset)
    if lt < 0 or scan.rfind(">", lt, offset) >= 0:
        return False
    name = _TAG_NAME.match(scan, lt)
    if name is None or name.end() > offset:
        return False
    state = "between"  # or "name", "before value", "unquoted", or the quote of a quoted value
    for c in scan[name.end() : offset]:
        if state == "between" or state == "after name":
            if c == "=" and state == "after name":
                state = "before value"
            elif c not in _SPACE and c != "/":
                state = "name"
        elif state == "name":
            if c == "=":
                state = "before value"
            elif c in _SPACE or c == "/":
                state = "after name"
        elif state == "before value":
            if c in "\"'":
                state = c
            elif c not in _SPACE:
                state = "unquoted"
        elif state == "unquoted":
            if c in _SPACE:
                state = "between"
        elif c == state:  # the closing quote
            state = "between"
    return state == "between" or state == "after name"


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)
