"""Link types in `rel` that HTML does not define, `dofollow` above all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from postlint import Edit, Fix, Rule
from postlint.edits import remove_attribute
from postlint.liquid import is_templated

DEFINED = frozenset(
    "alternate author bookmark external help license next nofollow noopener noreferrer opener "
    "prev search tag privacy-policy terms-of-service ugc sponsored me".split()
)
ELEMENTS = ("a", "area", "form")
# Backlink-scheme tokens no browser, crawler or script gives a meaning: removing them is safe.
MEANINGLESS = frozenset({"dofollow", "follow", "do-follow", "index"})
_TOKEN = re.compile(r"[^ \t\n\f\r]+")


class InvalidRel(Rule):
    """Link types in `rel` that HTML does not define, `dofollow` above all.

    ## What it does
    Checks every token of `rel` on `<a>`, `<area>` and `<form>` against the link types the HTML
    standard defines (`alternate`, `author`, `bookmark`, `external`, `help`, `license`, `next`,
    `nofollow`, `noopener`, `noreferrer`, `opener`, `prev`, `search`, `tag`, `privacy-policy`,
    `terms-of-service`) and those search engines and microformats use (`ugc`, `sponsored`, `me`).
    Tokens are compared case-insensitively; each unknown token is reported on its own.

    ## Why
    `rel="dofollow"` does not exist: links are followed unless they say `nofollow`. It is the mark
    of SEO backlink schemes, which search engines penalise, and of copy-pasted spam. Other unknown
    tokens are typos (`noopner`) that silently disable what the author meant.

    ## Bad
    ```html
    <p>Source: <a href="https://example.com/" rel="dofollow">example.com</a></p>
    ```

    ## Good
    ```html
    <p>Source: <a href="https://example.com/">example.com</a></p>
    ```

    ## Fix safety
    The fix removes the unknown token, and the whole `rel` attribute when no token is left; the
    link and its text stay. It is safe for the SEO tokens that mean nothing to anyone
    (`dofollow`, `follow`, `do-follow`, `index`) and unsafe (`--unsafe-fixes`) for the others:
    scripts select links by made-up tokens (Bootstrap's `rel="tooltip"`, lightboxes'
    `rel="lightbox"`), and removing those changes what the page does. A `rel` value with entities is reported but not fixed; one with
    Liquid (`{{ page.rel }}`) is not judged, since its tokens are known only at build time.

    ## Options
    - `extra-tokens` (list, default `[]`): more tokens to accept, e.g. `["lightbox"]`.
"""

    id = "invalid-rel"
    summary = "`rel` token that HTML does not define (dofollow, typos)"
    fixable = "sometimes"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        extra_tokens: tuple[str, ...] = ()

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        self._allowed = DEFINED | {t.lower() for t in self.options.extra_tokens}

    def check(self, post):
        allowed = self._allowed
        text = post.text
        for _el, tag in post.html.iter(*ELEMENTS):
            attr = tag.attrs.get("rel")
            if attr is None or is_templated(attr.value):
                continue
            raw = text[attr.value_start : attr.value_end]
            tokens = list(_TOKEN.finditer(raw))
            editable = "&" not in raw
            for i, m in enumerate(tokens):
                if m.group().lower() in allowed:
                    continue
                start, end = attr.value_start + m.start(), attr.value_start + m.end()
                fix = None
                if editable:
                    if len(tokens) == 1:
                        edit = remove_attribute(text, attr)
                    elif i + 1 < len(tokens):  # the token and the space after it
                        edit = Edit(start, attr.value_start + tokens[i + 1].start(), "")
                    else:  # the last token and the space before it
                        edit = Edit(attr.value_start + tokens[i - 1].end(), end, "")
                    safety = "safe" if m.group().lower() in MEANINGLESS else "unsafe"
                    fix = Fix((edit,), f"Remove `{m.group()}` from `rel`", safety)
                yield self.finding(start, end, f"`rel` token `{m.group()}` is not defined by HTML", fix)
