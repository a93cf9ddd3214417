"""Headings that skip a level, `<h1>` in the body, and headings wrapped whole in bold."""

from __future__ import annotations

import re
from dataclasses import dataclass

from postlint import Fix, Rule
from postlint.edits import unwrap
from postlint.headings import headings

EMPHASIS = ("b", "strong")
# `## **Title**`: the heading's whole text in one bold run (no other run of the delimiter inside).
_MARKDOWN_BOLD = re.compile(r"[ \t]+(\*\*|__)((?:(?!\1)[^\n])+?)\1[ \t]*(?:#+[ \t]*)?\r?$")


class HeadingOrder(Rule):
    """Headings that skip a level, `<h1>` in the body, and headings wrapped whole in bold.

    ## What it does
    Reads the headings of the body in order (HTML `<h1>`–`<h6>` and, in Markdown posts, `#`
    headings) and flags:
    - a heading more than one level below the one before it (`<h2>` then `<h4>`); the first
      heading is compared with the title, which the layout shows as `<h1>`, so a post opening
      with `<h3>` skips `<h2>`;
    - an `<h1>` (or `# Heading`) in the body, unless `allow-h1`: the layout already shows the
      title as the page's `<h1>`;
    - a heading whose whole content is one `<b>` or `<strong>` (`<h2><b>결론</b></h2>`,
      `## **결론**`): headings are bold already.
    The finding is at the heading, or at the emphasis for the last kind. Off by default: many
    Markdown authors open their sections with `#` or start at `###`, and this rule reports
    every one of those posts.

    ## Why
    Screen reader users move through a page by its headings, and the theme's table of
    contents nests them by level: a skipped level reads as a missing section, and a second
    `<h1>` competes with the title. Bold inside a heading changes nothing visible in most
    themes but doubles the markup (and makes some themes' headings heavier than the rest).

    ## Bad
    ```html
    <h2>결론 및 앞으로의 방향</h2>
    <h4><b>협력 분야</b></h4>
    ```

    ## Good
    ```html
    <h2>결론 및 앞으로의 방향</h2>
    <h3>협력 분야</h3>
    ```

    ## Fix safety
    Only the HTML bold has a fix, and it is safe: the `<b>`/`<strong>` start and end tags are
    removed, the words stay; a `<b>` with attributes, or without an end tag, is reported only,
    and so is Markdown's `## **Title**` (the fixer reads a Markdown body as HTML, where `**` is
    text it must not lose). Levels are not fixed: changing one changes the outline below it, which
    the author has to decide.

    ## Options
    - `allow-h1` (bool, default `false`): accept `<h1>` in the body (for layouts that do not
      show the title as `<h1>`); the first heading is then compared with nothing.
"""

    id = "heading-order"
    summary = "Heading that skips a level, `<h1>` in the body, or a heading wrapped whole in bold"
    fixable = "sometimes"
    severity = "warning"
    # Off by default: over the corpus of real posts it reports 4,152 times, an <h1> in 313 of
    # 1,448 posts (Markdown authors open sections with `#`) and posts opening at `###`/`####`.
    default_enabled = False

    @dataclass(frozen=True)
    class Options:
        allow_h1: bool = False

    def check(self, post):
        before = None if self.options.allow_h1 else 1
        for heading in headings(post):
            level = heading.level
            if level == 1 and not self.options.allow_h1:
                yield self.finding(heading.start, heading.end, "<h1> in the body: the layout shows the title as <h1>; use <h2>")
            elif before is not None and level > before + 1:
                after = "the title (h1)" if before == 1 and not self.options.allow_h1 else f"an h{before}"
                yield self.finding(heading.start, heading.end,
                                   f"h{level} after {after} skips h{before + 1}")
            before = level
            finding = self._bold(post, heading)
            if finding is not None:
                yield finding

    def _bold(self, post, heading):
        if heading.tag is None:
            if not post.text.startswith("#" * heading.level, heading.start):
                return None  # a setext heading
            m = _MARKDOWN_BOLD.match(post.mask.text, heading.start + heading.level, heading.end)
            if m is None or not m.group(2).strip():
                return None
            # Reported only: the fixer's guard reads a Markdown body as HTML, where `**` is
            # visible text, and would refuse every fix of the post.
            s1, e1 = m.span(1)
            return self.finding(s1, e1, "the whole heading is bold; headings are bold already")
        el = heading.tag.element
        if el is None or len(el) != 1 or (el.text or "").strip() or el[0].tag not in EMPHASIS:
            return None
        bold = el[0]
        if (bold.tail or "").strip() or not "".join(bold.itertext()).strip():
            return None
        tag = post.html.tag(bold)
        if tag is None:
            return None
        fix = None
        if not tag.attrs and tag.end_tag is not None:
            fix = Fix(unwrap(tag), f"Remove the <{tag.name}> around the heading")
        return self.finding(tag.start, tag.end, f"the whole heading is in <{tag.name}>; headings are bold already", fix)
