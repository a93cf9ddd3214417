"""A Markdown body as CommonMark reads it: one pulldown-cmark parse (pyromark) per post.

From the parse a post knows its code (blocks and spans, never judged or edited), its HTML
(HTML blocks and inline HTML: the only parts the HTML tokenizer and lxml see), its blocks
(paragraphs, headings, lists, quotes, code, HTML blocks, rules, tables) and its Markdown links,
images and reference definitions. Everything else is Markdown text: ``List\\<String>`` holds no
tag, ``<https://example.com>`` is an autolink.

Offsets are character offsets in the post's text, like every other span in postlint.
pulldown-cmark reads UTF-8 and reports byte ranges; the text it is given has template syntax
(Liquid, Hugo shortcodes) written over with `x` of the same length in characters, so that
``[a]({{ site.url }}/b)`` is a link as it is once Jekyll has filled it in, and its ranges are
turned into characters against that same text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

# Tables and footnotes are in Jekyll's kramdown, Hugo's goldmark and Astro's remark-gfm alike.
_OPTIONS = ("ENABLE_TABLES", "ENABLE_FOOTNOTES")


class Block(NamedTuple):
    """One block of the post: ``kind`` is paragraph, heading, quote, list, item, code, html,
    rule, table or footnote; ``depth`` counts the container blocks around it."""

    kind: str
    start: int
    end: int
    depth: int
    level: int = 0  # a heading's level


class MarkdownLink(NamedTuple):
    """A Markdown link or image as the parser gives it (lint/links.py makes the view of it)."""

    image: bool
    link_type: str  # Inline, Reference, Collapsed, Shortcut, Autolink, Email
    url: str  # the destination, escapes and entities decoded
    title: str
    label: str  # a reference link's label
    start: int  # of the whole link, from its `[` (or `![`, `<`)
    end: int
    text: str  # the text or alt as the reader gets it
    text_start: int  # between the brackets
    text_end: int


class Definition(NamedTuple):
    url: str
    title: str
    start: int  # of the whole definition
    end: int


_CONTAINERS = frozenset(("BlockQuote", "List", "Item", "FootnoteDefinition"))
_BLOCK_KINDS = {
    "Paragraph": "paragraph", "Heading": "heading", "BlockQuote": "quote", "List": "list",
    "Item": "item", "CodeBlock": "code", "HtmlBlock": "html", "Table": "table",
    "FootnoteDefinition": "footnote",
}


class Markdown:
    """The CommonMark reading of ``text[start:end]``; ``filled``: that body with template
    syntax written over (same length in characters), which is what the parser reads."""

    def __init__(self, text: str, start: int, end: int, filled: str | None = None) -> None:
        self.text, self.start, self.end = text, start, end
        body = text[start:end] if filled is None else filled
        self.filled = body  # what the parser read: the body, template syntax written over
        self.code: list[tuple[int, int]] = []  # code blocks (whole lines) and code spans
        self.html: list[tuple[int, int]] = []  # inline HTML and the lines of HTML blocks
        self.blocks: list[Block] = []
        self.links: list[MarkdownLink] = []
        self._definitions: dict[str, Definition] | None = None
        raw = body.encode("utf-8", "surrogatepass")
        try:
            events = _parser().events_with_range(_commonmark(body))
            found = self._read(events, raw)
        except BaseException as exc:  # a Rust panic is a BaseException: it would end the whole run
            if type(exc).__name__ != "PanicException":
                raise
            # Not read: all of it is taken for code, so that nothing in it is judged.
            self.code = [(start, end)]
            self.blocks, self.links, self.html = [Block("code", start, end, 0)], [], []
            return
        self._place(found, raw)

    # -- the parse -------------------------------------------------------------------------

    def _read(self, events: Iterable[tuple[Any, dict[str, int]]], raw: bytes) -> list:
        """Walk the events once; every offset here is a byte offset in ``raw``."""
        code, html, blocks, links = [], [], [], []
        depth = 0
        open_links: list[list] = []  # links and images not yet ended: [fields..., text end, texts]
        for event, at in events:
            if type(event) is dict:
                if open_links and "End" not in event:
                    inner = open_links[-1]
                    inner[-2] = at["end"]
                    text = event.get("Text") or event.get("Code")
                    if text is not None:
                        inner[-1].append(text)
                if "Html" in event or "InlineHtml" in event:
                    html.append((at["start"], at["end"]))
                elif "Code" in event:
                    code.append((at["start"], at["end"], False))
                elif "Start" in event:
                    tag = event["Start"]
                    if type(tag) is dict:
                        name, value = next(iter(tag.items()))
                        if name == "Link" or name == "Image":
                            image = name == "Image"
                            inner_start = at["start"] + (2 if image else 1)
                            open_links.append([image, value, at["start"], at["end"], inner_start, inner_start, []])
                            continue
                    else:
                        name = tag
                    kind = _BLOCK_KINDS.get(name)
                    if kind is None:
                        continue  # inline (emphasis, strong…) or a table's inner parts
                    level = int(value["level"][1]) if name == "Heading" else 0
                    blocks.append((kind, at["start"], at["end"], depth, level))
                    if name == "CodeBlock":
                        code.append((at["start"], at["end"], True))
                    elif name in _CONTAINERS:
                        depth += 1
                elif "End" in event:
                    tag = event["End"]
                    name = tag if type(tag) is str else next(iter(tag))
                    if name in _CONTAINERS:
                        depth -= 1
                    if (name == "Link" or name == "Image") and open_links:
                        done = open_links.pop()
                        links.append(done)
                        if open_links:  # a link inside an image's alt, or the reverse
                            parent = open_links[-1]
                            parent[-2] = done[3]
                            parent[-1].extend(done[-1])
                    elif open_links:  # the end of emphasis or the like inside a link's text
                        open_links[-1][-2] = at["end"]
            elif event == "Rule":
                blocks.append(("rule", at["start"], at["end"], depth, 0))
        return [code, html, blocks, links]

    def _place(self, found: list, raw: bytes) -> None:
        """Turn the byte offsets of ``found`` into character offsets in the post's text."""
        code, html, blocks, links = found
        # An indented block's range takes its last line break, which would take the next line too.
        code = [(s, e - 1 if block and e > s and raw[e - 1] in b"\r\n" else e, block) for s, e, block in code]
        offsets = {o for s, e, _ in code for o in (s, e)}
        offsets.update(o for s, e in html for o in (s, e))
        offsets.update(o for b in blocks for o in (b[1], b[2]))
        offsets.update(o for link in links for o in (link[2], link[3], link[4], link[5]))
        at = _characters(self.filled, raw, offsets)
        start, text = self.start, self.text
        for s, e, block in code:
            s, e = start + at[s], start + at[e]
            self.code.append(_whole_lines(text, start, self.end, s, e) if block else (s, e))
        self.html = _merge([(start + at[s], start + at[e]) for s, e in html])
        self.blocks = [Block(kind, start + at[s], start + at[e], depth, level) for kind, s, e, depth, level in blocks]
        for image, value, s, e, text_start, text_end, texts in links:
            self.links.append(MarkdownLink(
                image, value["link_type"], value["dest_url"], value["title"], value["id"],
                start + at[s], start + at[e], "".join(texts), start + at[text_start], start + at[text_end],
            ))
        self.links.sort(key=lambda link: link.start)

    # -- what rules read ---------------------------------------------------------------------

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def html_blocks(self) -> list[tuple[int, int]]:
        return [(b.start, b.end) for b in self.blocks if b.kind == "html"]

    def definition(self, label: str) -> Definition | None:
        """The link reference definition of ``label`` (matched as CommonMark does: case and
        runs of whitespace do not count); None when there is none."""
        if self._definitions is None:
            self._definitions = self._read_definitions()
        return self._definitions.get(normalise_label(label))

    def _read_definitions(self) -> dict[str, Definition]:
        body = self.filled
        raw = body.encode("utf-8", "surrogatepass")
        try:
            found = _parser().reference_definitions(_commonmark(body))
        except BaseException as exc:
            if type(exc).__name__ != "PanicException":
                raise
            return {}
        at = _characters(body, raw, {o for d in found.values() for o in (d["span"]["start"], d["span"]["end"])})
        return {
            normalise_label(label): Definition(
                d["dest"], d["title"] or "", self.start + at[d["span"]["start"]], self.start + at[d["span"]["end"]]
            )
            for label, d in found.items()
        }


def normalise_label(label: str) -> str:
    return " ".join(label.split()).casefold()


@lru_cache(maxsize=1)
def _parser():
    import pyromark

    flags = 0
    for name in _OPTIONS:
        flags |= getattr(pyromark.Options, name)
    return pyromark.Markdown(options=flags)


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
    if "<" in body:
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


def _characters(body: str, raw: bytes, offsets: Iterable[int]) -> dict[int, int]:
    """Character offsets in ``body`` of byte offsets in ``raw``, its UTF-8 encoding (the parser's)."""
    if len(raw) == len(body):
        return {offset: offset for offset in offsets}
    out, byte, char = {}, 0, 0
    for offset in sorted(offsets):
        char += len(raw[byte:offset].decode("utf-8", "ignore"))
        byte, out[offset] = offset, char
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
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
