"""Placeholder text ("Lorem ipsum") left in a post."""

from __future__ import annotations

import re

from postlint import Rule

# Markup is matched (and skipped) so that only text between tags is searched: comments,
# script and style elements, and tags whose quoted attribute values may hold ">".
_MARKUP = r"""<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|</?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>"""
_SCAN = re.compile(rf"{_MARKUP}|(?P<lorem>\blorem\s+ipsum\b)", re.I | re.S)


class NoLoremIpsum(Rule):
    """Placeholder text ("Lorem ipsum") left in a post.

    ## What it does
    Flags "lorem ipsum" (any case, any whitespace between the words) in the text of the post
    body: not in tags, attributes, HTML comments, scripts, styles or Markdown code.

    ## Why
    "Lorem ipsum" is filler from a template or a page builder. Published, it tells readers the
    post was never finished, and search engines index the filler as the post's content.

    ## Bad
    ```html
    <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>
    ```

    ## Good
    ```html
    <p>The alliance met in Vilnius on 11 July.</p>
    ```

    ## Fix safety
    No fix: only the author can write the text that belongs there.

    ## Options
    None.
"""

    id = "acme/no-lorem-ipsum"
    summary = 'Placeholder text ("Lorem ipsum") in the post body'
    fixable = "never"
    severity = "error"

    def check(self, post):
        # post.mask.text has the same offsets as the post, with code and Liquid blanked out.
        for m in _SCAN.finditer(post.mask.text, post.body_start):
            if m.group("lorem"):
                words = " ".join(m.group("lorem").split())
                yield self.finding(m.start("lorem"), m.end("lorem"), f"placeholder text “{words}”")
