"""Paragraphs with nothing to read in them.

## What it does
Flags `<p>` elements whose whole content is whitespace, non-breaking spaces (`&nbsp;`, `&#160;`,
`&#xA0;` or a literal U+00A0) and `<br>` line breaks.

## Why
Blog editors (Tistory, WordPress, Naver) insert such paragraphs as vertical spacers. They are
presentation, not content: their height depends on the editor's CSS, which the site does not
have, and screen readers announce them as blank. Spacing belongs in the theme's stylesheet.
`&amp;nbsp;` is visible text (it shows as "&nbsp;"), so it does not count as a space.

## Bad
```html
<p>First paragraph.</p>
<p data-ke-size="size16">&nbsp;</p>
<p>Second paragraph.</p>
```

## Good
```html
<p>First paragraph.</p>
<p>Second paragraph.</p>
```

## Fix safety
Safe. The fix deletes the paragraph; when it stood alone on its line the whole line goes, and
a blank line next to it too when two blank lines would otherwise meet. No word is removed.
A paragraph without an end tag (`<p>&nbsp;` closed implicitly) is reported but not fixed.

## Options
None.
"""

from __future__ import annotations

from postlint import Fix, Rule
from postlint.edits import remove_block

LINE_BREAK = "br"


class EmptyParagraph(Rule):
    id = "empty-paragraph"
    summary = "Paragraph with no visible content (only whitespace, &nbsp; or <br>)"
    fixable = "sometimes"
    severity = "warning"

    def check(self, post):
        for el, tag in post.html.iter("p"):
            if any(child.tag != LINE_BREAK for child in el):
                continue  # an element or a comment inside: not a spacer
            if "".join(el.itertext()).strip():
                continue
            fix = None
            if tag.end_tag is not None:
                start, end = tag.outer_span
                fix = Fix((remove_block(post.text, start, end),), "Remove the empty paragraph")
            yield self.finding(tag.start, tag.end, "empty paragraph (only whitespace, &nbsp; or <br>)", fix)
