"""The HTML of a post body: one lxml tree, every element tied to its exact source spans.

lxml knows structure (ancestors, XPath, text) but not where a tag stands in the file. One
regex pass over the body finds every start tag and numbers it. The copy of the text handed to
lxml has one line break more inside each start tag, right after its name (whitespace in a tag
changes nothing): libxml2 records for each element the line where its start tag ends, so that
line is different for every start tag and says which tag made the element. Elements the parser
invented (``html``, ``head``, ``body``) have no tag and no span. End tags are matched to start
tags with the HTML rule for "any other end tag": the nearest open element of that name.
"""

from __future__ import annotations

import html as _html
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import add, getitem
from typing import Iterable, Iterator

from lxml import etree

from .source import line_starts as _line_starts

# The tokenizer and the join follow libxml2 2.14, whose HTML parser tokenizes like HTML5 (lxml 6
# bundles it). 2.13 and older build other trees from the same tag soup (29 tests fail with lxml
# 5.4): spans would be wrong, so postlint refuses to run on them.
LIBXML2_NEEDED = (2, 14)


def check_libxml2(version: tuple[int, ...] = etree.LIBXML_VERSION) -> None:
    if tuple(version) < LIBXML2_NEEDED:
        have = ".".join(map(str, version))
        raise ImportError(
            f"postlint needs libxml2 2.14 or newer, which lxml 6 bundles; this lxml ({etree.__version__}) "
            f"runs libxml2 {have}: pip install --upgrade 'lxml>=6'"
        )


check_libxml2()

VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
# libxml2 stops nesting at this depth even with huge_tree; deeper content is dropped.
DEPTH_LIMIT = 2048
# libxml2 keeps an element's line in 16 bits: every line from this one on reads as this one.
LINE_LIMIT = 65535
# The only elements libxml2 invents where the source has no tag.
_IMPLIED = ("html", "head", "body")

# HTML whitespace; libxml2 (like HTML5) does not count NBSP, U+3000 or \v as space in a tag.
_W = "\t\n\f\r "
# What follows a tag name up to (not including) the closing `/>` or `>`: the HTML5 attribute
# grammar, which libxml2 2.14 follows. A quote opens a value only right after `=` (and spaces):
# `title=it's` is an unquoted value and `style={{display: 'none'}}` a value `{{display:` and
# an attribute named `'none'}}`. A name may start with `=` only where no name precedes it
# (`<a b ="x">` is b="x", `<a b="1" ="x">` has an attribute named `="x"`). A `/` between
# attributes is skipped; one right before `>` self-closes the tag, one inside an unquoted value
# (`href=x/>`) belongs to the value. A quote left open runs to the end (the parser drops it all).
# Unrolled so that the engine never has two ways to match: each name and unquoted value is
# taken whole (lookaheads), spaces only between units, so no input can make it backtrack.
_BODY = rf"""
    [{_W}]*
    (?:
        (?:
            /(?!>)
          | [^{_W}/>][^{_W}/>=]*(?![^{_W}/>=])                  # attribute name
            (?:
                [{_W}]*=[{_W}]*
                (?: "[^"]*(?:"|\Z) | '[^']*(?:'|\Z)
                  | [^{_W}>"'][^{_W}>]*(?![^{_W}>])               # unquoted value
                  | (?![^>])                                    # `b=>`: an empty value
                )
              | (?![{_W}]*=)                                    # no value
            )
        )
        [{_W}]*
    )*
"""
# Group 1: a raw-text element (start tag, content, end tag); 2: a start tag's name, 3: its `/`
# when it self-closes (`<p/>` is an empty p for libxml2, even for non-void elements), 4: (empty)
# where it ends otherwise, 5: its end tag when nothing but text comes before it, as in half the
# elements of a post (`<b>bold</b>`): one match instead of two for the tokenizer's loop; 6: a
# start tag cut off at the end (dropped by the parser); 7: an end tag, 8: one cut off at the
# end. A tag cut off consumes the rest, so that no other `<` starts a scan to the end again.
# m.lastindex says which: 1, 3, 4 (a start tag), 5 (a start tag and its end tag), 6, 7 or 8.
_TOKEN = re.compile(
    rf"""<(?:
        !--(?:-?>|.*?(?:--!?>|\Z))                                # comment; `<!-->`, `<!--->` are whole
      | ({"|".join(RAW_TEXT)})(?=[{_W}/>]){_BODY}>.*?(?:</\1(?:[{_W}/][^>]*)?>|\Z)  # raw text: not markup inside
      | ([a-z][^{_W}/>]*){_BODY}(?:(/)>|>()(?:[^<]*(</\2>))?|(\Z))  # start tag [, text, its end tag]
      | /([a-z][^{_W}/>]*){_BODY}(?:/?>|(\Z))                    # end tag
      | [!?][^>]*(?:>|\Z)                                         # doctype, CDATA, processing instruction
    )""",
    re.S | re.X | re.I | re.A,  # re.A: under re.I alone [a-z] and `\2` match the Kelvin sign and long s
)
# Start tags before which libxml2 (2.14) ends an open <p> that is the current element (found by
# parsing `<p>a<T>b</T></p>` for every HTML tag; it differs from HTML5: <section>, <article>,
# <figure>… do not end a <p>, <td> and <tr> do).
_CLOSES_P = frozenset(
    "address blockquote center dd dir div dl dt fieldset form h1 h2 h3 h4 h5 h6 hr li listing menu "
    "ol p pre table tbody td tfoot th tr ul xmp".split()
)
_START_TAG = re.compile(rf"<[a-z][^{_W}/>]*{_BODY}/?>", re.I | re.X | re.A)
_RAW_END = re.compile(r"</([a-z]+)(?:[\t\n\f\r /][^>]*)?>\Z", re.I | re.A)
# One attribute, searched for from where the previous one ended (`/` and spaces are skipped).
_ATTR = re.compile(
    rf"""([^{_W}/>][^{_W}/>=]*)(?:[{_W}]*=[{_W}]*(?:"([^"]*)"|'([^']*)'|([^{_W}>"'][^{_W}>]*)|))?""",
)
_local = threading.local()


def _parser() -> etree.HTMLParser:
    """One parser per thread, reused: lxml parsers are cheap to reuse, not to make. It reads
    UTF-8 bytes whatever the text declares (``_parse``)."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.HTMLParser(
            huge_tree=True, no_network=True, default_doctype=False, encoding="utf-8"
        )
    return parser


@dataclass(slots=True)
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

    # No reference back to the Html: without that cycle a post's tags and tree are freed when
    # the post is done, instead of piling up for the garbage collector.
    __slots__ = ("name", "start", "end", "name_end", "index", "end_tag", "element", "_text", "_scan", "_attrs", "_dups")

    def __init__(
        self,
        text: str,
        scan: str,
        name: str,
        start: int,
        end: int,
        name_end: int,
        index: int,
        end_tag: tuple[int, int] | None,
        element: "etree._Element | None",
    ) -> None:
        self._text, self._scan = text, scan
        self.name = name
        self.start, self.end, self.name_end = start, end, name_end
        self.index = index
        self.end_tag = end_tag  # its span; None when the source leaves it implied
        self.element = element  # None when the parser dropped the tag
        self._attrs: dict[str, Attr] | None = None
        self._dups: list[Attr] | None = None  # made with ``_attrs``

    def __repr__(self) -> str:
        return f"<Tag {self.name} {self.start}:{self.end}>"

    @property
    def source(self) -> str:
        return self._text[self.start : self.end]

    @property
    def outer_span(self) -> tuple[int, int]:
        """From the start tag to the end of its end tag (or of the start tag when none)."""
        end_tag = self.end_tag
        return self.start, (end_tag[1] if end_tag else self.end)

    @property
    def inner_span(self) -> tuple[int, int] | None:
        """Between the start tag and the end tag; None when the end tag is implied."""
        end_tag = self.end_tag
        return (self.end, end_tag[0]) if end_tag else None

    @property
    def attrs(self) -> dict[str, Attr]:
        """The attributes as written; the first of duplicates wins, as in browsers."""
        if self._attrs is None:
            start, end = self.start, self.end
            self._attrs, self._dups = {}, []
            for name, value, s, e, vs, ve, quote in _attributes(
                self._text[start:end], self._scan[start:end], self.name_end - start
            ):
                attr = Attr(name, value, start + s, start + e, start + vs, start + ve, quote)
                if name in self._attrs:
                    self._dups.append(attr)
                else:
                    self._attrs[name] = attr
        return self._attrs

    @property
    def duplicate_attrs(self) -> list[Attr]:
        self.attrs  # noqa: B018 - parses on first use
        assert self._dups is not None
        return self._dups


@lru_cache(maxsize=4096)
def _attributes(source: str, scan: str, name_end: int) -> tuple[tuple[str, str, int, int, int, int, str], ...]:
    """(name, value, start, end, value start, value end, quote) of each attribute of a start tag,
    offsets counted from the tag's ``<``. Cached: imported posts repeat the same few tags
    thousands of times.

    Attributes are found in the masked text (a Liquid expression cannot end a value) and read
    from the original (where `{{` marks a value as templated)."""
    out = []
    # Up to the `>`; a `/` before it is skipped like any `/` between attributes.
    for m in _ATTR.finditer(scan, name_end, len(scan) - 1):
        for group in (2, 3, 4):
            if m.group(group) is not None:
                vs, ve = m.span(group)
                quote = "" if group == 4 else source[vs - 1]
                value = source[vs:ve]
                if "&" in value:
                    value = _CHARREF.sub(_decode_in_attribute, value)
                break
        else:
            vs = ve = m.end()
            quote, value = "", ""
        out.append((libxml2_name(m.group(1)), value, m.start(), m.end(), vs, ve, quote))
    return tuple(out)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=1024)  # a post has ~130 tags and a handful of names
def libxml2_name(name: str) -> str:
    """A tag or attribute name as libxml2 keeps it: ASCII letters lower-cased (`DİV` is `dİv`),
    cut to its first 100 bytes (whole characters), which matters for `<http://…>` autolinks."""
    name = name.lower() if name.isascii() else name.translate(_ASCII_LOWER)
    if len(name) <= 25 or len(encoded := name.encode("utf-8")) <= 100:
        return name
    return encoded[:100].decode("utf-8", "ignore")


# What html.unescape looks at; in an attribute value it decodes too much (below).
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_ENTITIES = _html.entities.html5


def _decode_in_attribute(m: re.Match[str]) -> str:
    """HTML5 in an attribute value (libxml2 2.14 agrees): a named reference without `;`
    followed by `=` or an ASCII letter or digit stays as written, so `?a=1&param=2` keeps
    `&para` and `&copy=3` keeps `&copy`. Everything else decodes as html.unescape does."""
    ref = m.group(1)
    if ref[0] == "#" or ref in _ENTITIES:
        return _html.unescape(m.group())
    for n in range(len(ref) - 1, 0, -1):  # the longest legacy name (one without `;`) it starts with
        if ref[:n] in _ENTITIES:
            after = ref[n]
            if after == "=" or (after.isascii() and after.isalnum()):
                return m.group()
            return _ENTITIES[ref[:n]] + ref[n:]
    return m.group()


class Html:
    """The parsed body: ``root`` (lxml), the start tags in source order, and the join.

    Work beyond the one tokenizer pass (which also pairs end tags with start tags) and the parse
    is done on first use: Tag objects, their attributes, and the join of each element asked
    for to its tag.
    """

    def __init__(
        self, text: str, start: int, end: int, scan: str | None = None, line_starts: list[int] | None = None
    ) -> None:
        self.text = text
        # What the tokenizer and the parser see: ``text`` with what is not HTML masked
        # (lint/mask.py), the same length, so every offset holds in both.
        self.scan = text if scan is None else scan
        self.start, self.end = start, end
        self.root: etree._Element | None = None
        self._starts: list[re.Match[str]] = []
        self._tags: list[Tag | None] = []
        # The join (see the module doc), looked up per element when a rule asks for it rather
        # than worked out for every element at once: by the element's line, the number of the
        # tag that made it; see ``_join`` for the others.
        self._by_line: dict[int, int] = {}
        self._shared: dict[int, int] = {}
        self._invented: set[etree._Element] = set()
        self._late: dict[etree._Element, int] = {}
        self._elements: list[etree._Element | None] | None = None
        # End tags by start tag number, paired with the HTML rule for "any other end tag"
        # (the nearest open element of that name); None when the source leaves it implied.
        self.end_tags: list[tuple[int, int] | None] = []
        # <p> start tags ended by a block's start tag, as libxml2 does: p number -> block number.
        self.p_ended_by: dict[int, int] = {}
        # End tags that close nothing: (start, end, name).
        self.stray_end_tags: list[tuple[int, int, str]] = []
        self._lines: list[int] = []
        self._name_ends: list[int] = []
        self._tag_ends: list[int] = []
        self._too_deep_index: int | None = None
        self._depth_error = False
        # Where each line of ``text`` starts (Source.line_starts: the report needs them too).
        copy = self._tokenize(_line_starts(text) if line_starts is None else line_starts)
        if self._starts or (copy and not copy.isspace()):  # (a tag is not blank; strip() would copy)
            self._parse(copy)

    def _tokenize(self, line_starts: list[int]) -> str:
        """Find every tag, number the start tags, pair end tags; return the copy for lxml.

        The loop does only what needs the stack of open elements; offsets, lines and the copy
        are worked out after it in C-level maps (this loop is a fifth of a run)."""
        text, starts = self.scan, self._starts
        ends: list[tuple[int, int] | None] = []  # by start tag number: its end tag's span
        names: list[str] = []  # the stack of open elements: names and start tag numbers
        numbers: list[int] = []
        raw: list[int] = []  # start tags of raw-text elements
        closed: list[int] = []  # start tags closed by their `/>`
        stray, p_ended_by = self.stray_end_tags, self.p_ended_by
        closes_p, void, too_deep = _CLOSES_P, VOID, DEPTH_LIMIT - 2  # locals: read per tag
        for m in _TOKEN.finditer(text, self.start, self.end):
            kind = m.lastindex
            if kind == 7:
                name = m[7].lower()
                if names and names[-1] == name:
                    names.pop()
                    ends[numbers.pop()] = m.span()
                    continue
                for i in range(len(names) - 2, -1, -1):
                    if names[i] == name:
                        ends[numbers[i]] = m.span()
                        del names[i:], numbers[i:]
                        break
                else:
                    stray.append((m.start(), m.end(), name))
                continue
            if kind == 4 or kind == 5 or kind == 3:
                name = m[2].lower()
            elif kind == 1:
                name = m[1].lower()
            else:  # comments, doctypes, tags cut off at the end
                continue
            number = len(starts)
            starts.append(m)
            if name in closes_p and names and names[-1] == "p":
                # libxml2 ends a <p> that is the current element here; its </p> then closes nothing
                names.pop()
                p_ended_by[numbers.pop()] = number
            # The two common cases first: an element opened, and one opened and closed by its own
            # end tag at once (the stack is as it was). A void element is never open.
            if kind == 4 and name not in void:
                ends.append(None)
                names.append(name)
                numbers.append(number)
                if len(names) == too_deep and self._too_deep_index is None:
                    self._too_deep_index = number
                continue
            if kind == 5 and name not in void:
                ends.append(m.span(5))
                if len(names) + 1 == too_deep and self._too_deep_index is None:
                    self._too_deep_index = number
                continue
            ends.append(None)
            if kind == 1:
                raw.append(number)
                close = _RAW_END.search(m.group())
                if close is not None and close.group(1).lower() == name:
                    ends[number] = (m.start() + close.start(), m.end())
            elif kind == 3:  # `<x/>`: libxml2 closes it here, whatever x is (a later </x> is not its end)
                closed.append(number)
            elif kind == 5:  # `<br>text</br>`: that end tag closes nothing
                stray.append((m.start(5), m.end(5), name))
        self._tags = [None] * len(starts)
        self.end_tags = ends
        # Where each tag's name and the tag end (a raw-text match runs on to its end tag, and
        # group 4 is not in a self-closed tag's match).
        name_ends = self._name_ends = list(map(re.Match.end, starts, repeat(2)))
        tag_ends = self._tag_ends = list(map(re.Match.end, starts, repeat(4)))
        for i in raw:
            m = starts[i]
            name_ends[i] = m.end(1)
            tag_ends[i] = _START_TAG.match(text, m.start()).end()
        for i in closed:
            tag_ends[i] = starts[i].end()
        # The line libxml2 will give each tag's element: 1 + the line breaks of the body before
        # the tag's end, plus one more line break after the name of each start tag up to and
        # including this one in the copy. (The mask keeps every line break where it is.)
        first = 2 - bisect_right(line_starts, self.start)
        # (operator.add and getitem: in a map, half the cost of int.__add__ and str.__getitem__)
        lines = map(bisect_right, repeat(line_starts), tag_ends)
        self._lines = list(map(add, lines, range(first, first + len(starts))))
        bounds = [self.start, *name_ends, self.end]
        return "\n".join(map(getitem, repeat(text), map(slice, bounds, bounds[1:])))

    def _parse(self, copy: str) -> None:
        parser = _parser()
        try:
            # Handed as UTF-8 bytes: lxml converts a str of non-ASCII text more slowly (38.7 ->
            # 37.6 us a post, encoding included), refuses one that starts with an XML
            # declaration naming an encoding, and drops the rest of a text after a lone surrogate
            # (text given through the API may hold them), which as bytes reads as U+FFFD.
            root = etree.fromstring(copy.encode("utf-8", "surrogatepass"), parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return
        if root is None:
            return
        self.root = root
        self._depth_error = any("depth" in e.message.lower() for e in parser.error_log)
        self._join(root)

    def _join(self, root: etree._Element) -> None:
        """Each tag's line, and the few elements a line does not tell (``_odd``)."""
        lines = self._lines
        exact = bisect_left(lines, LINE_LIMIT)  # tags before it have a line of their own
        self._by_line = by_line = dict(zip(lines, range(exact)))  # (zip stops at `exact`)
        # An invented html/head/body can share its line with the tag after which it was made:
        # such a line leaves ``by_line``, and elements on it are told apart by identity.
        shared = self._shared
        for el in root.iter(*_IMPLIED):
            line = el.sourceline
            i = by_line.get(line, shared.get(line))
            if i is not None and self._name(i) != el.tag:
                self._invented.add(el)
                shared[line] = i
                by_line.pop(line, None)
        if exact < len(lines):
            # Past the 16-bit line limit: elements and the tags that made them come in the same
            # order, so the rest is joined in that order, by name.
            j = exact
            for el in root.iter(etree.Element):
                if el.sourceline < LINE_LIMIT:
                    continue
                k = j
                while k < len(lines) and self._name(k) != el.tag:
                    k += 1
                if k < len(lines):
                    self._late[el] = k
                    j = k + 1

    def _odd(self, element: etree._Element) -> int | None:
        """The tag number of an element whose line is not in ``_by_line``: None for an invented
        element; or it is on a line shared with an invented element, or past the line limit.
        (Every lookup asks ``_by_line`` first and this only when it has no answer; the lookups
        are written out where they are made, since rules make them many times a post.)"""
        if element in self._invented:
            return None
        i = self._shared.get(element.sourceline)
        return i if i is not None else self._late.get(element)

    def _name(self, index: int) -> str:
        """The name of start tag ``index`` as libxml2 keeps it (it follows the tag's `<`): the one
        place a name is taken from the source."""
        return libxml2_name(self.scan[self._starts[index].start() + 1 : self._name_ends[index]])

    # -- the start tags ------------------------------------------------------------------

    def tag_at(self, index: int, element: "etree._Element | None | bool" = False) -> Tag:
        """The start tag numbered ``index``; ``element`` is its element when the caller has it."""
        tag = self._tags[index]
        if tag is None:
            tag = self._tags[index] = Tag(
                self.text, self.scan, self._name(index), self._starts[index].start(), self._tag_ends[index],
                self._name_ends[index], index, self.end_tags[index],
                self.element(index) if element is False else element,
            )
        return tag

    @property
    def tags(self) -> list[Tag]:
        """Every start tag in source order."""
        return [self.tag_at(i) for i in range(len(self._starts))]

    def tag(self, element: etree._Element) -> Tag | None:
        """The source tag of ``element``; None for elements the parser implied."""
        i = self._by_line.get(element.sourceline)
        if i is None and (i := self._odd(element)) is None:
            return None
        return self.tag_at(i, element)

    def element(self, index: int) -> "etree._Element | None":
        if self._elements is None:
            self._elements = [None] * len(self._starts)
            if self.root is not None:
                get, odd, elements = self._by_line.get, self._odd, self._elements
                for el in self.root.iter(etree.Element):  # (see ``_odd``)
                    i = get(el.sourceline)
                    if i is not None or (i := odd(el)) is not None:
                        elements[i] = el
        return self._elements[index]

    def iter(self, *names: str) -> Iterator[tuple[etree._Element, Tag]]:
        """Elements with a source tag, in document order, optionally only these tag names."""
        if self.root is None:
            return iter(())
        return self._tagged(self.root.iter(*names) if names else self.root.iter(etree.Element))

    def xpath(self, expression: etree.XPath) -> Iterator[tuple[etree._Element, Tag]]:
        """Elements a compiled XPath selects, with their source tags."""
        if self.root is None:
            return iter(())
        return self._tagged(expression(self.root))

    def _tagged(self, elements: Iterable[etree._Element]) -> Iterator[tuple[etree._Element, Tag]]:
        """Each of ``elements`` made from a tag, with its Tag."""
        get, odd, tag_at = self._by_line.get, self._odd, self.tag_at
        for el in elements:
            i = get(el.sourceline)
            if i is None and (i := odd(el)) is None:
                continue
            yield el, tag_at(i, el)

    @property
    def too_deep(self) -> Tag | None:
        """The tag at which the parser stopped nesting (its content is lost), if it did."""
        if not self._depth_error or not self._starts:
            return None
        index = self._too_deep_index
        return self.tag_at(index if index is not None else len(self._starts) - 1)


_VISIBLE_TEXT = etree.XPath("descendant::text()[not(ancestor::script or ancestor::style)]")


def visible_text(element: etree._Element) -> str:
    """The text a reader sees inside ``element`` (no script, style or comment), decoded."""
    return "".join(_VISIBLE_TEXT(element))
