"""The headings of a post body in source order: HTML `<h1>`–`<h6>` and Markdown headings.

Shared by the heading rules (`fake-heading`, `heading-order`). Markdown headings (`## Title`,
and `Title` over `===`) are the post's CommonMark parse's (lint/markdown.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .html import Tag
    from .post import Post

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Heading:
    level: int
    start: int  # of the start tag, or of the Markdown heading (its first `#`)
    end: int  # of the start tag, or of the Markdown heading's first line
    tag: "Tag | None" = None  # None for a Markdown heading


def headings(post: "Post") -> list[Heading]:
    found = [Heading(int(tag.name[1]), tag.start, tag.end, tag) for _el, tag in post.html.iter(*HEADING_TAGS)]
    if post.markdown is not None:
        text = post.text
        for block in post.markdown.headings():
            line_end = text.find("\n", block.start, block.end)
            end = line_end if line_end >= 0 else block.end
            found.append(Heading(block.level, block.start, end - (text[end - 1 : end] == "\r"), None))
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
