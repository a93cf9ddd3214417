"""What in a post body is not HTML, so that no rule judges or edits it.

- Markdown code (fenced and indented code blocks, inline code spans), found with
  markdown-it-pyrs (markdown-it.rs, CommonMark) for blocks and by CommonMark's backtick rule
  for spans.
- Liquid blocks whose content is literal: ``{% raw %}``, ``{% highlight %}``, ``{% comment %}``.
- Liquid tags and expressions elsewhere (``{% include x.html %}``, ``{{ page.title }}``).

Masking keeps every offset valid: code and literal blocks become spaces (newlines kept), so the
HTML parser sees nothing there; Liquid tags and expressions become underscores, so that
``<p>{{ content }}</p>`` still has something in it. Rules read attribute values from the
original text, where ``{{`` marks them as templated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_LIQUID_BLOCK = re.compile(
    r"\{%-?\s*(raw|highlight|comment)\b.*?-?%\}.*?(?:\{%-?\s*end\1\s*-?%\}|\Z)", re.S
)
_LIQUID = re.compile(r"\{\{.*?(?:\}\}|\Z)|\{%.*?(?:%\}|\Z)", re.S)
_BACKTICKS = re.compile(r"`+")
_NOT_LF = re.compile(r"[^\n]")  # code keeps its LFs (a CR becomes a space)
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")  # Liquid keeps CR and LF
# An indented code block needs an indented line after a blank line or a heading.
_INDENTED_BLOCK = re.compile(r"\n[ \t]*(?:#[^\n]*)?\n(?: {4}|\t)")


def _may_have_code(text: str, start: int, end: int) -> bool:
    """Cheap tests that decide whether markdown-it must run at all (most posts have no code).

    Separate searches, because each has a literal to scan for; one regex of alternatives
    would try every alternative at every position (15% of a whole run, measured)."""
    return (
        text.find("`", start, end) >= 0
        or text.find("~~~", start, end) >= 0
        or text.startswith(("    ", "\t"), start)
        or (
            (text.find("\n    ", start, end) >= 0 or text.find("\n\t", start, end) >= 0)
            and _INDENTED_BLOCK.search(text, start, end) is not None
        )
    )


@dataclass
class Mask:
    text: str  # the post with masked regions blanked; same length as the original
    code: list[tuple[int, int]] = field(default_factory=list)  # code and literal Liquid blocks
    liquid: list[tuple[int, int]] = field(default_factory=list)  # Liquid tags and expressions

    def regions(self) -> list[tuple[int, int]]:
        return sorted(self.code + self.liquid)


def mask(text: str, start: int, end: int, markdown: bool) -> Mask:
    """Mask the body ``text[start:end]``; the rest of ``text`` is returned as it is."""
    code: list[tuple[int, int]] = []
    if markdown and _may_have_code(text, start, end):
        code.extend(markdown_code(text, start, end))
    has_liquid = text.find("{", start, end) >= 0  # both Liquid forms start with `{`
    if has_liquid:
        code.extend(m.span() for m in _LIQUID_BLOCK.finditer(text, start, end))
    code = _merge(code)
    liquid = [m.span() for m in _LIQUID.finditer(text, start, end) if not _inside(m.start(), code)] if has_liquid else []
    if not code and not liquid:
        return Mask(text)
    pieces, last = [], 0
    for s, e, fill in sorted([(s, e, " ") for s, e in code] + [(s, e, "_") for s, e in liquid]):
        if s < last:
            continue
        pieces.append(text[last:s])
        segment = text[s:e]
        if "\n" not in segment and "\r" not in segment:  # a code span or a Liquid tag: one line
            pieces.append(fill * len(segment))
        else:
            pieces.append((_NOT_LF if fill == " " else _NOT_LINE_BREAK).sub(fill, segment))
        last = e
    pieces.append(text[last:])
    return Mask("".join(pieces), code, liquid)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


# Nodes whose children can hold code; a walk of the tree descends only into these.
_CONTAINERS = frozenset({
    "root", "blockquote", "bullet_list", "ordered_list", "list_item", "paragraph", "heading", "lheading",
})


@lru_cache(maxsize=1)
def _parser():
    from markdown_it_pyrs import MarkdownIt

    md = MarkdownIt("zero")
    # CommonMark's block rules only: no inline rule, so the inline content of a block is one
    # text node, and code spans are found in it below. (With markdown-it's inline rules a 5 MB
    # line of backticks made 2 million nodes and took 1.9 GB.)
    md.enable_many(["blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference", "html_block"])
    return md


def markdown_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of fenced and indented code blocks (whole lines) and inline code spans in
    ``text[start:end]``; the blocks from markdown-it.rs (markdown-it-pyrs), a CommonMark parser."""
    body = text[start:end]
    raw = body.encode("utf-8")
    found: list[tuple[int, int, bool]] = []  # byte offsets in the body; True: a code block
    stack = [_parser().tree(body)]
    while stack:
        node = stack.pop()
        name = node.name
        if name == "text":  # the inline content of a paragraph, heading or tight list item
            s, e = node.srcmap
            if raw.find(b"`", s, e) >= 0:
                found.append((s, e, False))
        elif name == "fence" or name == "code_block":
            found.append((*node.srcmap, True))
        elif name in _CONTAINERS:
            stack.extend(node.children)
    at = _characters(body, raw, {offset for s, e, _ in found for offset in (s, e)})
    spans: list[tuple[int, int]] = []
    for s, e, block in found:
        s, e = start + at[s], start + at[e]
        spans.extend([_whole_lines(text, start, end, s, e)] if block else code_spans(text, s, e))
    return spans


def _characters(body: str, raw: bytes, offsets: set[int]) -> dict[int, int]:
    """Character offsets in ``body`` of byte offsets in ``raw``, its UTF-8 encoding (the parser's)."""
    if len(raw) == len(body):
        return {offset: offset for offset in offsets}
    out, byte, char = {}, 0, 0
    for offset in sorted(offsets):
        char += len(raw[byte:offset].decode("utf-8", "ignore"))
        byte, out[offset] = offset, char
    return out


def _whole_lines(text: str, start: int, end: int, s: int, e: int) -> tuple[int, int]:
    """From the start of the line holding ``s`` to after the line break of the line holding
    the end ``e`` (CommonMark line breaks: LF, CRLF or a lone CR)."""
    # The CR is looked for only as far as the LF: searched to the end of the text, it made a
    # post of many code blocks quadratic (1.25 million fences: 37 s).
    lf = text.rfind("\n", start, s)
    before = max(lf, text.rfind("\r", max(lf, start), s))
    line_start = before + 1 if before >= 0 else start
    lf = text.find("\n", e, end)
    cr = text.find("\r", e, lf if lf >= 0 else end)
    i = cr if cr >= 0 else lf
    if i < 0:
        return line_start, end
    return line_start, i + (2 if text.startswith("\r\n", i) else 1)


def code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """CommonMark code spans: a backtick run closed by the next run of the same length."""
    spans: list[tuple[int, int]] = []
    pos = start
    while True:
        opener = _BACKTICKS.search(text, pos, end)
        if opener is None:
            return spans
        if _escaped(text, opener.start()):
            # `\`` is a literal backtick; the rest of the run may still open a span
            pos = opener.start() + 1
            continue
        n = len(opener.group())
        closer = _BACKTICKS.search(text, opener.end(), end)
        while closer is not None and len(closer.group()) != n:
            closer = _BACKTICKS.search(text, closer.end(), end)
        if closer is None:
            pos = opener.end()
            continue
        spans.append((opener.start(), closer.end()))
        pos = closer.end()


def _escaped(text: str, i: int) -> bool:
    backslashes = 0
    while i > 0 and text[i - 1] == "\\":
        backslashes += 1
        i -= 1
    return backslashes % 2 == 1
