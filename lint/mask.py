"""What in a post body is not HTML, so that no rule judges or edits it.

- Markdown code (fenced and indented code blocks, inline code spans), found with a CommonMark
  parser for blocks (pyromark: pulldown-cmark) and by CommonMark's backtick rule for spans.
- Liquid blocks whose content is literal: ``{% raw %}``, ``{% highlight %}``, ``{% comment %}``.
- Liquid tags and expressions elsewhere (``{% include x.html %}``, ``{{ page.title }}``).

Masking keeps every offset valid: code and literal blocks become spaces (newlines kept), so the
HTML parser sees nothing there; Liquid tags and expressions become underscores, so that
``<p>{{ content }}</p>`` still has something in it. Rules read attribute values from the
original text, where ``{{`` marks them as templated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_LIQUID_BLOCK = re.compile(
    r"\{%-?\s*(raw|highlight|comment)\b.*?-?%\}.*?(?:\{%-?\s*end\1\s*-?%\}|\Z)", re.S
)
_LIQUID = re.compile(r"\{\{.*?(?:\}\}|\Z)|\{%.*?(?:%\}|\Z)", re.S)
_NOT_LF = re.compile(r"[^\n]")  # code keeps its LFs (a CR becomes a space)
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")  # Liquid keeps CR and LF
# An indented code block needs an indented line after a blank line or a heading.
_INDENTED_BLOCK = re.compile(r"\n[ \t]*(?:#[^\n]*)?\n(?: {4}|\t)")


def _may_have_code(text: str, start: int, end: int) -> bool:
    """Cheap tests that decide whether the Markdown parser must run at all (most posts have no code).

    Separate searches, because each has a literal to scan for; one regex of alternatives
    would try every alternative at every position (15% of a whole run, measured). A rare
    character is looked for before a longer needle that holds it: CPython finds one character
    at memchr speed (0.2 us in a post of 11,000 characters) and two or three at 7-9 us."""
    return (
        text.find("`", start, end) >= 0
        or (text.find("~", start, end) >= 0 and text.find("~~~", start, end) >= 0)
        or text.startswith(("    ", "\t"), start)
        or (
            (text.find("\n    ", start, end) >= 0 or (text.find("\t", start, end) >= 0 and text.find("\n\t", start, end) >= 0))
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


def markdown_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of fenced and indented code blocks (whole lines) and inline code spans in
    ``text[start:end]``."""
    body = text[start:end]
    raw = body.encode("utf-8")
    found = _pulldown_code(body, raw)
    at = _characters(body, raw, {offset for s, e, _ in found for offset in (s, e)})
    spans: list[tuple[int, int]] = []
    for s, e, block in found:
        s, e = start + at[s], start + at[e]
        spans.append(_whole_lines(text, start, end, s, e) if block else (s, e))
    return spans


# The block parser is pyromark (pulldown-cmark), which has wheels for every CPython from 3.11
# on; see docs/DESIGN-NOTES.md for why it, and why not for Python 3.10.

# What pulldown-cmark reads differently from CommonMark, rewritten before it reads the body
# (see _commonmark). Each pattern starts with a literal, or with a lookbehind that lets a match
# start only at the start of a run, so that no input makes it slow.
_LONE_CR = re.compile(r"\r(?!\n)")
_FENCE_THEN_TAB = re.compile(r"(?<![`~])(?:`{3,}|~{3,})[ \t]+(?=\r?\n|\Z)")
# A start tag first on its line but for container marks (where an HTML block can start, and not
# where a link reference definition's destination can hold one), or an end tag anywhere.
_RAW_TEXT_START = re.compile(r"\n[ \t>*+\-.)0-9]*<(?i:script|style|textarea)(?=[ \t>\r\n]|\Z)")
_RAW_TEXT_END = re.compile(r"</(?i:script|style|textarea)>")
_VT_FF = str.maketrans("\x0b\x0c", "\x01\x01")


@lru_cache(maxsize=1)
def _pulldown():
    import pyromark

    return pyromark.Markdown()  # plain CommonMark: no extension (tables, footnotes, ...) enabled


def _pulldown_code(body: str, raw: bytes) -> list[tuple[int, int, bool]]:
    """UTF-8 byte ranges in ``body`` of every code block (True; from the start of its first line
    to its last line) and code span (False; its backticks included), from pulldown-cmark's
    events. Its code spans are CommonMark's: a backtick inside an HTML tag or an autolink
    (`<a title="`">`) opens none."""
    try:
        found = _read(_pulldown().events_with_range(_commonmark(body)))
    except BaseException as exc:  # a Rust panic is a BaseException: it would end the whole run
        if type(exc).__name__ != "PanicException":
            raise
        return [(0, len(raw), True)]  # not read: all of it is taken for code
    # An indented block's range takes its last line break, which would take the next line too.
    return [(s, e - 1 if block and e > s and raw[e - 1] in b"\r\n" else e, block) for s, e, block in found]


def _read(events: Iterable[tuple[Any, dict[str, int]]]) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    for event, at in events:
        if type(event) is dict:
            if "Code" in event:
                found.append((at["start"], at["end"], False))
            elif (tag := event.get("Start")) is not None and type(tag) is dict and "CodeBlock" in tag:
                found.append((at["start"], at["end"], True))
    return found


def _commonmark(body: str) -> str:
    """``body`` as pulldown-cmark must see it to read it as CommonMark; every rewrite keeps the
    length in bytes, so every offset holds."""
    body = "\n" + body  # so that the first line starts after a line break, as the others do
    if "\r" in body:  # a lone CR ends a line; pulldown-cmark runs a fence's info string past it
        body = _LONE_CR.sub("\n", body)
    if "\t" in body:  # a closing fence followed by a tab does not close for pulldown-cmark
        body = _FENCE_THEN_TAB.sub(_tabs_to_spaces, body)
    # An HTML block that starts with <pre, <script, <style or <textarea ends at a line with any
    # of their four end tags; pulldown-cmark waits for the start tag's own. As <pre, padded with
    # spaces to their length, they all end where CommonMark says.
    body = _RAW_TEXT_END.sub(_as_pre, _RAW_TEXT_START.sub(_as_pre, body))
    if "\x0b" in body or "\x0c" in body:  # pulldown-cmark takes VT and FF for spaces: a line
        body = body.translate(_VT_FF)  # of them would be blank
    return body[1:]


def _tabs_to_spaces(fence: re.Match[str]) -> str:
    return fence.group().replace("\t", " ")


def _as_pre(tag: re.Match[str]) -> str:
    found = tag.group()
    if found.startswith("</"):
        return "</pre>" + " " * (len(found) - 6)
    marks = found.index("<")
    return found[:marks] + "<pre" + " " * (len(found) - marks - 4)


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
