"""The HTML of a post body: one lxml tree, every element tied to its exact source spans.

lxml knows structure (ancestors, XPath, text) but not where a tag stands in the file. One
regex pass over the body finds every start tag, numbers it, and writes that number into the
copy of the text handed to lxml as an extra attribute right after the tag name. After the
parse the number is read off each element and the attribute is stripped in one C call, so no
rule ever sees it. Elements the parser invented (``html``, ``body``, implied tags) have no
number and no span. End tags are matched to start tags with the HTML rule for "any other end
tag": the nearest open element of that name.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

MARK = "data-postlint-tag"
VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes".split())
# libxml2 stops nesting at this depth even with huge_tree; deeper content is dropped.
DEPTH_LIMIT = 2048

_TOKEN = re.compile(
    r"""<(?:
        !--.*?(?:-->|\Z)                                     # comment
      | (/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>  # start or end tag
      | [!?][^>]*(?:>|\Z)                                    # doctype, CDATA, processing instruction
    )""",
    re.S | re.X,
)
_ATTR = re.compile(
    r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""",
)
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in RAW_TEXT}


@dataclass(frozen=True)
class Attr:
    """One attribute as written: ``name`` lower-cased, ``value`` with entities decoded."""

    name: str
    value: str
    start: int  # of the name
    end: int  # after the value (and its closing quote)
    value_start: int  # inside the quotes
    value_end: int
    quote: str  # '"', "'" or '' (unquoted or no value)


class Tag:
    """One start tag in the source, with its end tag when the source has one."""

    __slots__ = ("name", "start", "end", "name_end", "index", "end_tag", "element", "_attrs", "_dups", "_text")

    def __init__(self, text: str, name: str, start: int, end: int, name_end: int, index: int) -> None:
        self._text = text
        self.name = name
        self.start, self.end, self.name_end = start, end, name_end
        self.index = index
        self.end_tag: tuple[int, int] | None = None
        self.element: etree._Element | None = None
        self._attrs: dict[str, Attr] | None = None
        self._dups: list[Attr] = []

    def __repr__(self) -> str:
        return f"<Tag {self.name} {self.start}:{self.end}>"

    @property
    def source(self) -> str:
        return self._text[self.start : self.end]

    @property
    def outer_span(self) -> tuple[int, int]:
        """From the start tag to the end of its end tag (or of the start tag when none)."""
        return self.start, (self.end_tag[1] if self.end_tag else self.end)

    @property
    def inner_span(self) -> tuple[int, int] | None:
        """Between the start tag and the end tag; None when the end tag is implied."""
        return (self.end, self.end_tag[0]) if self.end_tag else None

    @property
    def attrs(self) -> dict[str, Attr]:
        """The attributes as written; the first of duplicates wins, as in browsers."""
        if self._attrs is None:
            self._attrs = {}
            end = self.end - 1
            if self._text[end - 1 : end] == "/":
                end -= 1
            for m in _ATTR.finditer(self._text, self.name_end, end):
                name = m.group(1).lower()
                for group in (2, 3, 4):
                    if m.group(group) is not None:
                        vs, ve = m.span(group)
                        quote = "" if group == 4 else self._text[vs - 1]
                        value = _html.unescape(m.group(group))
                        break
                else:
                    vs = ve = m.end()
                    quote, value = "", ""
                attr = Attr(name, value, m.start(), m.end(), vs, ve, quote)
                if name in self._attrs:
                    self._dups.append(attr)
                else:
                    self._attrs[name] = attr
        return self._attrs

    @property
    def duplicate_attrs(self) -> list[Attr]:
        self.attrs  # noqa: B018 - parses on first use
        return self._dups


class Html:
    """The parsed body: ``root`` (lxml), ``tags`` (source order) and the join between them."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start, self.end = start, end
        self.tags: list[Tag] = []
        self.stray_end_tags: list[tuple[int, int, str]] = []
        self.too_deep: Tag | None = None
        self.root: etree._Element | None = None
        self._tag_of: dict[etree._Element, Tag] = {}
        marked = self._tokenize()
        if marked.strip():
            self._parse(marked)

    def _tokenize(self) -> str:
        text, tags, stack = self.text, self.tags, []
        pieces: list[str] = []
        last = pos = self.start
        end = self.end
        search = _TOKEN.search
        while True:
            m = search(text, pos, end)
            if m is None:
                break
            pos = m.end()
            name = m.group(2)
            if name is None:
                continue
            lname = name.lower()
            if m.group(1):
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i].name == lname:
                        stack[i].end_tag = m.span()
                        del stack[i:]
                        break
                else:
                    self.stray_end_tags.append((m.start(), pos, lname))
                continue
            name_end = m.start() + 1 + len(name)
            tag = Tag(text, lname, m.start(), pos, name_end, len(tags))
            pieces.append(text[last:name_end])
            pieces.append(f' {MARK}="{tag.index}"')
            last = name_end
            tags.append(tag)
            if lname in RAW_TEXT:
                close = _RAW_END[lname].search(text, pos, end)
                if close is not None:
                    tag.end_tag = close.span()
                pos = close.end() if close is not None else end
            elif lname not in VOID:
                stack.append(tag)
                if len(stack) == DEPTH_LIMIT - 2 and self.too_deep is None:
                    self.too_deep = tag
        pieces.append(text[last:end])
        return "".join(pieces)

    def _parse(self, marked: str) -> None:
        parser = etree.HTMLParser(huge_tree=True, no_network=True, default_doctype=False)
        try:
            root = etree.fromstring(marked, parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return
        if root is None:
            return
        tags = self.tags
        for el in root.iter(etree.Element):
            number = el.get(MARK)
            if number is not None:
                tag = tags[int(number)]
                tag.element = el
                self._tag_of[el] = tag
        etree.strip_attributes(root, MARK)
        self.root = root
        if self.too_deep is not None:
            # Only a real cut counts: the parser's own depth error.
            if not any("depth" in e.message.lower() for e in parser.error_log):
                self.too_deep = None

    def tag(self, element: etree._Element) -> Tag | None:
        """The source tag of ``element``; None for elements the parser implied."""
        return self._tag_of.get(element)

    def iter(self, *names: str) -> Iterator[tuple[etree._Element, Tag]]:
        """Elements with a source tag, in document order, optionally only these tag names."""
        if self.root is None:
            return
        tag_of = self._tag_of
        for el in self.root.iter(*names) if names else self.root.iter(etree.Element):
            tag = tag_of.get(el)
            if tag is not None:
                yield el, tag


_VISIBLE_TEXT = etree.XPath("descendant::text()[not(ancestor::script or ancestor::style)]")


def visible_text(element: etree._Element) -> str:
    """The text a reader sees inside ``element`` (no script, style or comment), decoded."""
    return "".join(_VISIBLE_TEXT(element))
