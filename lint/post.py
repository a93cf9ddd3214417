"""A post as the rules see it: lazy, read-only views over one Source, each built once."""

from __future__ import annotations

import os
from functools import cached_property

from . import frontmatter
from .html import Html
from .mask import Mask, mask
from .site import Site
from .source import Source

MARKDOWN_EXTENSIONS = (".md", ".markdown")


class Post:
    def __init__(
        self,
        source: Source,
        path: str = "post.md",
        site: Site | None = None,
        markdown_extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS,
    ) -> None:
        self.source = source
        self.text = source.text
        self.path = path
        self.site = site or Site(None)
        self.is_markdown = os.path.splitext(path)[1].lower() in markdown_extensions

    @cached_property
    def front_matter(self) -> frontmatter.FrontMatter | None:
        return frontmatter.split(self.text)

    @property
    def body_start(self) -> int:
        fm = self.front_matter
        return fm.end if fm is not None else 0

    @cached_property
    def mask(self) -> Mask:
        """The body with code, literal Liquid blocks and Liquid expressions masked."""
        return mask(self.text, self.body_start, len(self.text), self.is_markdown)

    @cached_property
    def lowered_body(self) -> str:
        """The body lower-cased, for the substring searches that let a rule skip a post: made
        once for every rule that asks (a copy of the body is ~9 us)."""
        return self.text[self.body_start :].lower()

    @property
    def html_parsed(self) -> bool:
        """Whether anything has asked for ``html`` yet (it is built on first use)."""
        return "html" in self.__dict__

    @cached_property
    def html(self) -> Html:
        return Html(self.text, self.body_start, len(self.text), self.mask.text, self.source.line_starts)
