"""The headings of a post body in source order: HTML `<h1>`–`<h6>` and Markdown ATX headings.

Shared by the heading rules (`fake-heading`, `heading-order`). Markdown headings are found in
the masked body (code and Liquid blanked, lint/mask.py), so a `#` in a code block is none;
setext headings (`Title` over `===`) are not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .html import Tag
    from .post import Post

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
VERBATIM = ("pre", "code", "script", "style", "textarea")
# CommonMark ATX heading: up to three spaces, 1-6 `#`, then a space or the end of the line.
_ATX = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|\r?$)[^\n]*", re.M)
# A line that may start one, after the first: `^` under re.M has no literal for the regex engine
# to scan for, so the regex above costs ~13 us on a post with no heading; this one ~2.5.
_MAYBE_ATX = re.compile(r"\n {0,3}#")


@dataclass(frozen=True)
class Heading:
    level: int
    start: int  # of the start tag, or of the first `#`
    end: int  # of the start tag, or of the line
    tag: "Tag | None" = None  # None for a Markdown heading


def headings(post: "Post") -> list[Heading]:
    found = [Heading(int(tag.name[1]), tag.start, tag.end, tag) for _el, tag in post.html.iter(*HEADING_TAGS)]
    if post.is_markdown:
        scan, start = post.mask.text, post.body_start
        if scan.startswith(("#", " #", "  #", "   #"), start) or _MAYBE_ATX.search(scan, start):
            verbatim = [tag.outer_span for _el, tag in post.html.iter(*VERBATIM)]
            for m in _ATX.finditer(scan, start, len(scan)):
                if any(s <= m.start() < e for s, e in verbatim):
                    continue  # a shell comment in a <pre>
                found.append(Heading(len(m.group(1)), m.start(1), m.end(), None))
        found.sort(key=lambda h: h.start)
    return found


def previous(found: list[Heading], offset: int) -> Heading | None:
    """The last heading that starts before ``offset``."""
    last = None
    for heading in found:
        if heading.start >= offset:
            break
        last = heading
    return last
