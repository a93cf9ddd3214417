"""A post as the rules see it: lazy, read-only views over one Source, each built once."""

from __future__ import annotations

import os
from functools import cached_property

from . import frontmatter
from .html import Html
from .links import Links
from .markdown import Markdown
from .mask import Mask, Templates, filled, masked, templates
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
    def templates(self) -> Templates:
        """Template syntax in the body: Liquid and Hugo shortcodes."""
        return templates(self.text, self.body_start, len(self.text))

    @cached_property
    def markdown(self) -> Markdown | None:
        """The body as CommonMark reads it (one parse); None for an HTML post."""
        if not self.is_markdown:
            return None
        start, end = self.body_start, len(self.text)
        return Markdown(self.text, start, end, filled(self.text, start, end, self.templates))

    @cached_property
    def mask(self) -> Mask:
        """The body as the HTML parser must see it: code, literal template blocks, template
        syntax and (in Markdown) everything but HTML masked."""
        return masked(self.text, self.body_start, len(self.text), self.templates, self.markdown)

    @cached_property
    def links(self) -> Links:
        """Every link and image of the post, whatever its syntax (lint/links.py)."""
        return Links(self)

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
