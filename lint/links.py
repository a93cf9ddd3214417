"""Every link and image of a post, whatever its syntax: the one view that rules about URLs read.

HTML (`<a href>`, `<img src>`, each `srcset` candidate, `<source>`, `<video poster>`, frames,
scripts, …), Markdown inline links and images, reference-style links and images resolved to
their definitions, autolinks, and the front matter's image fields. Each item knows its URL and
where the URL is written, its text or alt, its title, its syntax, and whether template syntax
(Liquid, Hugo) is in the URL: a rule cannot judge a URL it cannot see.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from lxml import etree

from .html import Tag, visible_text
from .liquid import is_templated

if TYPE_CHECKING:
    from .post import Post

# What the browser does with a URL: the kinds it loads into the page (mixed content on an HTTPS
# page when they are http://), links a reader follows, forms, and the rest.
LOADED = frozenset(("image", "media", "frame", "script", "style", "object", "resource"))
_HTML_KINDS = {
    ("a", "href"): "link", ("area", "href"): "link",
    ("img", "src"): "image", ("img", "srcset"): "image", ("source", "srcset"): "image",
    ("input", "src"): "image", ("video", "poster"): "image",
    ("video", "src"): "media", ("audio", "src"): "media", ("source", "src"): "media", ("track", "src"): "media",
    ("iframe", "src"): "frame", ("frame", "src"): "frame",
    ("script", "src"): "script", ("link", "href"): "style",
    ("object", "data"): "object", ("embed", "src"): "object",
    ("form", "action"): "form", ("button", "formaction"): "form", ("input", "formaction"): "form",
}
# A URL in these attributes of any other element is loaded too (custom elements, old markup).
_LOADED_ELSEWHERE = ("src", "srcset", "poster")
URL_ATTRS = frozenset({"href", "src", "srcset", "action", "formaction", "data", "poster", "background",
                       "xlink:href", "lowsrc", "dynsrc", "codebase", "cite", "longdesc"})
_WITH_URL = etree.XPath("descendant-or-self::*[" + " or ".join(
    f"@{name}" if ":" not in name else f"@*[name()='{name}']" for name in sorted(URL_ATTRS)) + "]")
_SRCSET_URL = re.compile(r"(?:^|,)\s*([^\s,][^\s]*?)(?=,|\s|$)")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(slots=True)
class Link:
    """One URL of the post: a link, an image, or another URL the page uses."""

    url: str  # as the browser gets it: entities and backslash escapes decoded, spaces trimmed
    raw: str  # as written
    start: int  # where it is written (for a reference-style link: in its definition)
    end: int
    kind: str  # link, image, media, frame, script, style, object, resource, form, other
    syntax: str  # html, markdown, reference, autolink, front-matter
    element: str  # the HTML element (`a`, `img` for Markdown); the key for front matter
    attr: str  # the HTML attribute; "" in Markdown; the key path in front matter
    templated: bool  # Liquid or Hugo syntax in the URL: not to be judged
    text: str | None = None  # a link's text or an image's alt; None when there is none
    text_start: int = -1
    text_end: int = -1
    title: str | None = None
    tag: Tag | None = None  # the HTML start tag
    whole: tuple[int, int] = (0, 0)  # the whole construct: start tag, `![…](…)`, key and value

    @property
    def loads(self) -> bool:
        """Whether the browser loads the URL into the page (an image, a script, a frame…)."""
        return self.kind in LOADED


class Links:
    """The links and images of one post, built on first use."""

    def __init__(self, post: "Post") -> None:
        self._post = post

    @cached_property
    def body(self) -> list[Link]:
        """Every URL of the body, in the order the constructs holding them are written."""
        found = list(self._html())
        if self._post.markdown is not None:
            found.extend(self._markdown())
            found.sort(key=lambda link: link.whole[0])
        return found

    def urls(self) -> Iterator[Link]:
        """Each URL of the body once, where it is written: reference-style links that share
        a definition are one URL, at the definition."""
        seen = set()
        for link in self.body:
            if link.syntax == "reference":
                if (link.start, link.end) in seen:
                    continue
                seen.add((link.start, link.end))
            yield link

    def images(self) -> Iterator[Link]:
        """Each image of the body once: an `<img>` (by its `src`, else its first `srcset`
        candidate) or a Markdown image."""
        seen = set()
        for link in self.body:
            if link.kind == "image" and link.element == "img":
                if link.tag is not None:
                    if link.tag.start in seen:
                        continue
                    seen.add(link.tag.start)
                yield link

    def front_matter(self, keys: tuple[str, ...]) -> Iterator[Link]:
        """The image URLs in the front matter fields ``keys`` (dotted for nested keys; a field
        may be a mapping with a `path`, `src` or `url`) that hold a string."""
        fm = self._post.front_matter
        if fm is None or not fm.data:
            return
        for key in keys:
            entry = fm.url_entry(key)
            if entry is None or not isinstance(entry.value, str):
                continue
            if entry.key != key.rsplit(".", 1)[-1]:  # the `path`/`src`/`url` of a mapping
                key = f"{key}.{entry.key}"
            raw = self._post.text[entry.value_start : entry.value_end]
            yield Link(
                entry.value.strip(), raw, entry.value_start, entry.value_end, "image", "front-matter",
                key.rsplit(".", 1)[-1], key, is_templated(entry.value), whole=(entry.key_start, entry.value_end),
            )

    # -- HTML ------------------------------------------------------------------------------

    def _html(self) -> Iterator[Link]:
        text = self._post.text
        for el, tag in self._post.html.xpath(_WITH_URL):
            name = tag.name
            attrs = tag.attrs
            items = attrs.items()
            if name == "img" and "srcset" in attrs and "src" in attrs:  # an image is known by its src
                items = sorted(items, key=lambda item: item[0] != "src")
            for attr_name, attr in items:
                if attr_name not in URL_ATTRS:
                    continue
                kind = _HTML_KINDS.get((name, attr_name))
                if kind is None:
                    kind = "resource" if attr_name in _LOADED_ELSEWHERE else "other"
                templated = is_templated(attr.value)
                text_of = _html_text(el, tag) if kind == "link" or (name == "img" and attr_name != "srcset") else (None, -1, -1)
                if attr_name == "srcset" and not templated:
                    raw = text[attr.value_start : attr.value_end]
                    for m in _SRCSET_URL.finditer(raw):
                        start = attr.value_start + m.start(1)
                        yield Link(_html.unescape(m.group(1)), m.group(1), start, start + len(m.group(1)), kind,
                                   "html", name, attr_name, False, *text_of, tag=tag, whole=(tag.start, tag.end))
                    continue
                start, end = _trimmed(text, attr.value_start, attr.value_end)
                yield Link(attr.value.strip(), text[start:end], start, end, kind, "html", name, attr_name, templated,
                           *text_of, tag=tag, whole=(tag.start, tag.end))

    # -- Markdown ----------------------------------------------------------------------------

    def _markdown(self) -> Iterator[Link]:
        post = self._post
        text, markdown = post.text, post.markdown
        # Destinations are found in the body as the parser read it, where `{{ site.url }}` is
        # one run of `x`, and read from the post itself.
        parsed = " " * markdown.start + markdown.filled
        for md in markdown.links:
            element, kind = ("img", "image") if md.image else ("a", "link")
            title = md.title or None
            if md.link_type in ("Autolink", "Email"):
                start, end, syntax = md.start + 1, md.end - 1, "autolink"
            elif md.link_type == "Inline":
                found = destination(parsed, md.text_end + 2, md.end) if parsed.startswith("](", md.text_end) else None
                if found is None:
                    continue  # not where CommonMark puts it: nothing to point at
                start, end, syntax = *found, "markdown"
            else:
                definition = markdown.definition(md.label or md.text)
                found = _definition_destination(parsed, definition) if definition is not None else None
                if found is None:
                    continue
                start, end, syntax = *found, "reference"
            raw = text[start:end]
            templated = is_templated(raw)
            url = raw if templated else _markdown_url(raw)
            yield Link(url, raw, start, end, kind, syntax, element, "", templated, md.text, md.text_start,
                       md.text_end, title, whole=(md.start, md.end))


def _html_text(el: etree._Element, tag: Tag) -> tuple[str | None, int, int]:
    """An `<a>`'s visible text and the span between its tags; an `<img>`'s alt and its span."""
    if tag.name == "img":
        alt = tag.attrs.get("alt")
        return (alt.value, alt.value_start, alt.value_end) if alt is not None else (None, -1, -1)
    inner = tag.inner_span
    return (visible_text(el), *inner) if inner is not None else (visible_text(el), tag.end, tag.end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _markdown_url(raw: str) -> str:
    """A Markdown link destination as written, as the browser gets it."""
    return _html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", raw)) if ("\\" in raw or "&" in raw) else raw


def destination(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the link destination that starts at ``start`` (after spaces and at most one
    line break), as CommonMark reads it: inside `<…>`, or a run without spaces
    or control characters whose parentheses balance. None when there is no destination."""
    i = start
    while i < end and text[i] in " \t":
        i += 1
    if i < end and text[i] in "\r\n":
        i += 2 if text.startswith("\r\n", i) else 1
        while i < end and text[i] in " \t":
            i += 1
    if i >= end:
        return None
    begin = i
    if text[i] == "<":
        i += 1
        while i < end and text[i] not in "<>\r\n":
            i += 2 if text[i] == "\\" else 1
        return (begin + 1, i) if i < end and text[i] == ">" else None
    depth = 0
    while i < end:
        c = text[i]
        if c == "\\" and i + 1 < end:
            i += 2
            continue
        if c <= " " or c == "\x7f":
            break
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        i += 1
    return (begin, i) if i > begin else None


def _definition_destination(text: str, definition) -> tuple[int, int] | None:
    """The span of the destination in a link reference definition `[label]: destination`."""
    i, end = definition.start, definition.end
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "]":
            break
        i += 1
    if not text.startswith("]:", i):
        return None
    return destination(text, i + 2, end)
