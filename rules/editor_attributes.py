"""Attributes and markers that blog editors leave in the HTML they export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import translate
from functools import lru_cache

from lxml import etree

from postlint import Edit, Fix, Rule
from postlint.css import declarations
from postlint.edits import remove_attribute
from postlint.liquid import is_templated
from postlint.pertag import PerTag
from postlint.rule import Finding
from postlint.styles import remove_declarations

WITH_ATTRIBUTES = etree.XPath("//@*/..")  # = //*[@*], in 2/3 of the time
_SPACE = re.compile(r"[ \t\n\f\r]+")
_TOKEN = re.compile(r"[^ \t\n\f\r]+")


@lru_cache(maxsize=64)
@lru_cache(maxsize=32)
def _lowered(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


@lru_cache(maxsize=32)
def _globs(globs: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a list of case-sensitive shell globs (fnmatch's own translation): matching
    each name against each glob in turn cost most of this rule's time."""
    return re.compile("|".join(translate(g) for g in globs) or r"(?!)")


def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class EditorAttributes(Rule):
    """Attributes and markers that blog editors leave in the HTML they export.

    ## What it does
    Flags what an editor wrote for its own use, one finding per attribute, at the attribute:
    - attributes whose name matches `attributes` (Tistory's `data-ke-*`, TinyMCE's
      `data-mce-*`, `data-origin-*`, Blogger's `data-original-attrs`, the Dark Reader extension's
      `data-darkreader-*` pasted along with text, `data-lightbox`);
    - attributes in `link-attributes` (`data-url`) on any element but `<a>`;
    - an `id` matching `id-patterns` (Naver SmartEditor's generated `SE-<uuid>`);
    - a `class` with a token matching `class-patterns` (Word's `MsoNormal`, `MsoListParagraph`);
    - a `style` with a declaration whose property starts with one of `style-prefixes`
      (Word's `mso-bidi-font-weight: normal`);
    - an empty `class=""` or `id=""`;
    - editor markers in the text matching `markers` (Tistory's `[##_Image|kage@…|CDM|1.3|…_##]`,
      which the Tistory renderer turned into an image and a static site shows as it is).

    ## Why
    These attributes mean something only inside the editor that wrote them: no browser, theme
    or script of a static site reads them. They make every post heavier and every diff noisier,
    and they hide the markup that matters. A Tistory marker is worse: the reader sees it as text
    where an image used to be.

    ## Bad
    ```html
    <h2 data-ke-size="size26">한미동맹의 지속적 강화</h2>
    <p id="SE-4f1c2a9e-8b7d-4e3f-9a21-6c5d0e8f7b12" class="MsoNormal">본문입니다.</p>
    ```

    ## Good
    ```html
    <h2>한미동맹의 지속적 강화</h2>
    <p>본문입니다.</p>
    ```

    ## Fix safety
    Safe: the fix removes the attribute with the whitespace before it (from a `class`, only the
    matching tokens; from a `style`, only the matching declarations, as `inline-color` does), and
    no text changes. An `id` that a link of the post points at (`href="#SE-…"`) is reported but
    not removed, nor is a value written with entities. Markers are reported only: what should
    replace them (the image they stood for) is for a person to decide.

    ## Options
    - `attributes` (list of globs, default `["data-ke-*", "data-mce-*", "data-origin-*",
      "data-original-attrs", "data-darkreader-*", "data-lightbox"]`): attribute names to flag.
    - `link-attributes` (list, default `["data-url"]`): attributes flagged on any element but `<a>`.
    - `id-patterns` (list of regular expressions, default: a SmartEditor `SE-<uuid>`, any case):
      generated ids to flag.
    - `class-patterns` (list of globs, default `["Mso*"]`): class tokens to flag.
    - `style-prefixes` (list, default `["mso-"]`): property prefixes to flag in `style`.
    - `empty-attributes` (list, default `["class", "id"]`): attributes flagged when empty.
    - `markers` (list of regular expressions, default: Tistory's `[##_…_##]`): editor markers
      in the text.
"""

    id = "editor-attributes"
    summary = "Attribute or marker left by a blog editor (`data-ke-*`, `SE-` ids, `Mso` classes, Tistory image markers)"
    fixable = "sometimes"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        attributes: tuple[str, ...] = (
            "data-ke-*", "data-mce-*", "data-origin-*", "data-original-attrs", "data-darkreader-*", "data-lightbox",
        )
        link_attributes: tuple[str, ...] = ("data-url",)
        id_patterns: tuple[str, ...] = (r"(?i)\Ase-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z",)
        class_patterns: tuple[str, ...] = ("Mso*",)
        style_prefixes: tuple[str, ...] = ("mso-",)
        empty_attributes: tuple[str, ...] = ("class", "id")
        markers: tuple[str, ...] = (r"\[##_[A-Za-z]+\|.*?_##\]",)

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        opts = self.options
        self._editor_names = _globs(tuple(a.lower() for a in opts.attributes))
        self._link_only = {a.lower() for a in opts.link_attributes}
        self._empty = {a.lower() for a in opts.empty_attributes}
        self._ids = [_compiled(p) for p in opts.id_patterns]
        # A generated id depends on the links in the post; everything else only on the tag.
        self._per_tag = PerTag(self._at)

    def check(self, post):
        findings = []
        for _el, tag in post.html.xpath(WITH_ATTRIBUTES):
            findings.extend(self._per_tag.findings(post, tag))
        findings.extend(self._markers(post))
        yield from sorted(findings, key=lambda f: f.start)

    def _at(self, post, tag) -> tuple[list[Finding], bool]:
        """The findings at one start tag, and whether they depend on the tag alone (not on a
        generated id, which a link in the post may point at)."""
        findings = []
        per_post = False
        for attr in tag.attrs.values():
            name = attr.name
            if self._editor_names.match(name):
                why = f"`{name}` is an editor's attribute"
            elif name in self._link_only and tag.name != "a":
                why = f"`{name}` on <{tag.name}> is an editor's attribute"
            elif name in self._empty and not attr.value.strip():
                why = f"empty `{name}`"
            elif name == "id" and any(p.search(attr.value) for p in self._ids):
                why = f"`id` `{attr.value}` was generated by an editor"
                per_post = True
                if f"#{attr.value}" in post.text:  # a link points at it
                    findings.append(self.finding(attr.start, attr.end, why + " (a link points at it)"))
                    continue
            elif name == "class":
                finding = self._class(post, attr)
                if finding is not None:
                    findings.append(finding)
                continue
            elif name == "style":
                finding = self._style(post, tag, attr)
                if finding is not None:
                    findings.append(finding)
                continue
            else:
                continue
            fix = Fix((remove_attribute(post.text, attr),), f"Remove `{name}`")
            findings.append(self.finding(attr.start, attr.end, why, fix))
        return findings, not per_post

    def _class(self, post, attr):
        tokens = list(_TOKEN.finditer(attr.value))
        patterns = _globs(tuple(self.options.class_patterns))
        editor = [m.group() for m in tokens if patterns.match(m.group())]
        if not editor:
            return None
        shown = " ".join(editor)
        raw = post.text[attr.value_start : attr.value_end]
        fix = None
        if len(editor) == len(tokens):
            fix = Fix((remove_attribute(post.text, attr),), "Remove `class`")
        elif raw == attr.value:
            kept = " ".join(m.group() for m in tokens if m.group() not in editor)
            fix = Fix((Edit(attr.value_start, attr.value_end, kept),), f"Remove `{shown}` from `class`")
        return self.finding(attr.start, attr.end, f"class `{shown}` was written by Word", fix)

    def _style(self, post, tag, attr):
        prefixes = _lowered(self.options.style_prefixes)
        if is_templated(attr.value):
            return None
        found = [d for d in declarations(attr.value) if d.name.startswith(prefixes)] if prefixes else []
        if not found:
            return None
        fix = remove_declarations(post, tag, attr, found, "Remove the editor's declarations")
        shown = ", ".join(d.name for d in found)
        return self.finding(attr.start, attr.end, f"editor's style declarations `{shown}`", fix)

    def _markers(self, post):
        scan, start, end = post.mask.text, post.body_start, len(post.text)
        for pattern in self.options.markers:
            for m in _compiled(pattern).finditer(scan, start, end):
                yield self.finding(m.start(), m.end(), "editor marker left in the text; replace it with what it stood for")
