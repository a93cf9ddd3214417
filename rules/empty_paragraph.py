"""Paragraphs with nothing to read in them."""

from __future__ import annotations

import re

from lxml import etree

from postlint import Fix, Rule
from postlint.edits import remove_block

# The parser closes a `<p>` before a block (`<p>&nbsp;<div>words</div></p>`): the element is
# empty, but the source up to `</p>` holds words that deleting it would lose.
_TAG_OTHER_THAN_BR = re.compile(r"<(?!br[\s/>])[a-z]", re.I)


def _only_breaks(p: etree._Element) -> bool:
    """No child but <br> (another element, a comment or a processing instruction is content,
    not a spacer), and no text but whitespace."""
    for child in p:
        if child.tag != "br":
            return False
    return not "".join(p.itertext()).strip()


class EmptyParagraph(Rule):
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
    A paragraph without an end tag (`<p>&nbsp;` closed implicitly), or whose `</p>` comes after
    other markup (`<p>&nbsp;<div>…</div></p>`), is reported but not fixed.

    ## Options
    None.
"""

    id = "empty-paragraph"
    summary = "Paragraph with no visible content (only whitespace, &nbsp; or <br>)"
    fixable = "sometimes"
    severity = "warning"

    def check(self, post):
        html = post.html
        if html.root is None:
            return
        for el in html.root.iter("p"):  # (an XPath that leaves out those with words costs more)
            text = el.text  # most paragraphs start with words: no need to look further
            if (text and not text.isspace()) or (len(el) and not _only_breaks(el)):
                continue  # (without children, el.text is all the text there is)
            tag = html.tag(el)
            if tag is None:
                continue
            fix = None
            inner = tag.inner_span
            if inner is not None and not _TAG_OTHER_THAN_BR.search(post.text, *inner):
                start, end = tag.outer_span
                fix = Fix((remove_block(post.text, start, end),), "Remove the empty paragraph")
            yield self.finding(tag.start, tag.end, "empty paragraph (only whitespace, &nbsp; or <br>)", fix)
