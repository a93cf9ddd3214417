"""Text at the top level of an HTML body, outside any block element."""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_left
from postlint import Rule

# Phrasing content: at the top level these are part of a stray run, not a block around it.
INLINE = frozenset(
    """a abbr b bdi bdo big br cite code data del dfn em font i img input ins kbd label mark nobr
    q s samp small span strike strong sub sup time tt u var wbr""".split()
)
# CommonMark's HTML blocks of type 6: a line starting with one of these tags opens a block of
# raw HTML that runs to the next blank line. Text in it is not Markdown, it is stray HTML text.
MARKDOWN_BLOCK_TAGS = frozenset(
    """address article aside base basefont blockquote body caption center col colgroup dd details
    dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6
    head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p
    param search section summary table tbody td tfoot th thead title tr track ul""".split()
)
# Only to locate what lxml already found at the top level: comments and tags are not text.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[A-Za-z/][^>]*>", re.S)
_SPACE_ENTITY = re.compile(r"&(?:nbsp|#160|#x0*a0);?", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# A line that starts with a tag (CommonMark's HTML block start, before the name is checked).
_TAG_LINE = re.compile(r"^ {0,3}</?([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)", re.M)
_END_TAGS = re.compile(r"(?:\s*</[^>]*>)+")


class StrayText(Rule):
    """Text at the top level of an HTML body, outside any block element.

    ## What it does
    Reports each run of text (with the inline elements in it: `<a>`, `<b>`, `<span>`, …) that
    sits directly in the body, outside any block element such as `<p>`, `<li>`, `<div>` or a
    heading. The finding spans the run, from its first character to its last.
    - In an `.html` post every such run is reported.
    - In a Markdown post, top-level text is a Markdown paragraph and is fine. Only text inside
      a block of raw HTML is reported: in CommonMark a line that starts with a block tag
      (`<p>`, `<div>`, `<h2>`, `</p>`, …) opens an HTML block that runs to the next blank line,
      and the lines of that block are not Markdown. So text on the line after `<p>…</p>` with no
      blank line between is stray HTML text, as is text after `</p>` on the same line.
    Whitespace, `&nbsp;`, comments, Liquid tags and code are not text here.

    ## Why
    Such text is usually the end of an import or a copy-paste: a signature or a link line
    glued after the last paragraph. It gets no paragraph style (margins, font size, line
    height), and in Markdown it is not even Markdown: `*emphasis*` and `[links](…)` in it stay
    as typed. Themes that style `.post-content > p` show it as unformatted text.

    ## Bad
    ```markdown
    <p>The talks will continue next month.</p>
    Fresh news, <a href="https://news.example.com/">news.example.com</a>
    ```

    ## Good
    ```markdown
    <p>The talks will continue next month.</p>
    <p>Fresh news, <a href="https://news.example.com/">news.example.com</a></p>
    ```

    ## Fix safety
    No fix: whether the text belongs in the paragraph above, in a paragraph of its own or
    nowhere is the author's call.

    ## Options
    None.
"""

    id = "stray-text"
    summary = "Text outside any block element at the top level of the HTML body"
    fixable = "never"
    severity = "warning"

    def check(self, post):
        root = post.html.root
        body = root.find("body") if root is not None else None
        if body is None:
            return
        html = post.html
        start = post.body_start
        for child in body:
            tag = html.tag(child) if isinstance(child.tag, str) else None
            if isinstance(child.tag, str) and (tag is None or child.tag not in INLINE):
                # A block (or an element the parser implied): the run before it ends here.
                end = tag.start if tag is not None else None
                if end is not None:
                    yield from self._run(post, start, end)
                # After an implied end tag the run's start is unknown: it is not checked.
                start = tag.outer_span[1] if tag is not None and tag.end_tag is not None else None
        yield from self._run(post, start, html.end)

    def _run(self, post, start: int, end: int):
        if start is None or start >= end:
            return
        scan = post.mask.text[start:end]
        if scan.isspace():
            return  # most runs are the line breaks between two blocks
        liquid = [(s, e) for s, e in post.mask.liquid if s < end and e > start]
        if liquid:
            cleaned = list(scan)
            for s, e in liquid:
                for i in range(max(s, start), min(e, end)):
                    if cleaned[i - start] not in "\r\n":
                        cleaned[i - start] = " "
            scan = "".join(cleaned)
        words = _SPACE_ENTITY.sub(_blank, _MARKUP.sub(_blank, scan))
        if not _html.unescape(words).strip():
            return
        # One finding per piece between blank lines; in Markdown only from where an HTML block
        # begins (a line can start one in the middle of a paragraph).
        piece_start = 0
        fresh = False  # whether the line before the piece is blank in the post itself too
        blocks = None  # in Markdown: where lines in the run start an HTML block
        for blank in [*_BLANK_LINE.finditer(scan), None]:
            piece_end = blank.start() if blank else len(scan)
            begin = piece_start if words[piece_start:piece_end].strip() else None
            if post.is_markdown and begin is not None:
                if blocks is None:
                    blocks = [m.start() for m in _TAG_LINE.finditer(post.text, start, end)
                              if m.group(1).lower() in MARKDOWN_BLOCK_TAGS]
                begin = _html_block_start(post.text, post.body_start, start + piece_start, start + piece_end, blocks, fresh)
                begin = None if begin is None else begin - start
            if begin is not None:
                yield from self._piece(scan, words, begin, piece_end, start)
            piece_start = blank.end() if blank else len(scan)
            fresh = blank is not None and not post.text[start + blank.start() : start + blank.end()].strip()

    def _piece(self, scan: str, words: str, begin: int, end: int, offset: int):
        piece = words[begin:end]
        if not _html.unescape(piece).strip():
            return
        first = begin + len(piece) - len(piece.lstrip())
        last = begin + len(piece.rstrip())
        # The run ends after the end tags that close inline elements in it.
        tail = _END_TAGS.match(scan, last, end)
        if tail:
            last = tail.end()
        yield self.finding(offset + first, offset + last, "text outside any block element; put it in a paragraph")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _html_block_start(
    text: str, body_start: int, start: int, end: int, blocks: list[int], fresh: bool = False
) -> int | None:
    """Where, in ``text[start:end]`` (no blank line in it), a CommonMark HTML block of type 6
    holds the text: ``start`` when the block began on an earlier line, else the start of the
    first line in it that opens one (``blocks``: the starts of such lines, sorted); None when
    no part of it is in an HTML block. ``fresh``: the line before ``start`` is blank, so no
    block began earlier (a blank line ends one)."""
    if not fresh and _in_html_block(text, body_start, start):
        return start
    i = bisect_left(blocks, start)
    return blocks[i] if i < len(blocks) and blocks[i] < end else None


def _in_html_block(text: str, body_start: int, offset: int) -> bool:
    """Whether the line holding ``offset`` belongs to a CommonMark HTML block (type 6): no
    blank line between it and a line that starts with a block tag."""
    line_start = text.rfind("\n", body_start, offset) + 1 or body_start
    line_start = max(line_start, body_start)
    while True:
        line_end = text.find("\n", line_start)
        line_end = line_end if line_end >= 0 else len(text)
        if not text[line_start:line_end].strip():
            return False
        m = _TAG_LINE.match(text, line_start, line_end)
        if m and m.group(1).lower() in MARKDOWN_BLOCK_TAGS:
            return True
        if line_start <= body_start:
            return False
        line_start = text.rfind("\n", body_start, line_start - 1) + 1 or body_start
        line_start = max(line_start, body_start)
