"""Text at the top level of an HTML body, outside any block element."""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_right

from postlint import Rule

# Phrasing content: at the top level these are part of a stray run, not a block around it.
INLINE = frozenset(
    """a abbr b bdi bdo big br cite code data del dfn em font i img input ins kbd label mark nobr
    q s samp small span strike strong sub sup time tt u var wbr""".split()
)
# Only to locate what lxml already found at the top level: comments and tags are not text.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[A-Za-z/][^>]*>", re.S)
_SPACE_ENTITY = re.compile(r"&(?:nbsp|#160|#x0*a0);?", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_END_TAGS = re.compile(r"(?:\s*</[^>]*>)+")


class StrayText(Rule):
    """Text at the top level of an HTML body, outside any block element.

    ## What it does
    Reports each run of text (with the inline elements in it: `<a>`, `<b>`, `<span>`, …) that
    sits directly in the body, outside any block element such as `<p>`, `<li>`, `<div>` or a
    heading. The finding spans the run, from its first character to its last.
    - In an `.html` post every such run is reported.
    - In a Markdown post, top-level text is a Markdown paragraph and is fine. Only text inside
      an HTML block, as CommonMark reads the post, is reported: a line that starts with a block
      tag (`<p>`, `<div>`, `<h2>`, `</p>`, …) opens an HTML block that runs to the next blank
      line, and the lines of that block are not Markdown. So text on the line after `<p>…</p>`
      with no blank line between is stray HTML text, as is text after `</p>` on the same line;
      text right after a code block's closing fence is a paragraph.
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
        # One finding per piece between blank lines; in Markdown only the parts in HTML blocks:
        # elsewhere text is a Markdown paragraph.
        piece_start = 0
        html_blocks = post.markdown.html_blocks() if post.markdown is not None else None
        for blank in [*_BLANK_LINE.finditer(scan), None]:
            piece_end = blank.start() if blank else len(scan)
            if words[piece_start:piece_end].strip():
                if html_blocks is None:
                    yield from self._piece(scan, words, piece_start, piece_end, start)
                else:
                    i = bisect_right(html_blocks, (start + piece_start,))
                    i -= 1 if i and html_blocks[i - 1][1] > start + piece_start else 0
                    for s, e in html_blocks[i:]:
                        if s >= start + piece_end:
                            break
                        s, e = max(s - start, piece_start), min(e - start, piece_end)
                        if s < e:
                            yield from self._piece(scan, words, s, e, start)
            piece_start = blank.end() if blank else len(scan)

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
