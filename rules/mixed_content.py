"""Images, media, frames, scripts and styles loaded over `http://` or a protocol-relative URL."""

from __future__ import annotations

from dataclasses import dataclass

from postlint import Edit, Fix, Rule
from postlint.domains import insecure_scheme

# Whether a post may hold an http:// or protocol-relative URL, decided by substring searches of
# the lower-cased text (C speed) before the links are looked at.
_NEEDLES = ("http:", "srcset")


def insecure_urls(post, loaded: bool, allowed_hosts: tuple[str, ...]):
    """(link, `http://` or `//`, host, fix to https://) for each URL that the page loads
    (``loaded``) or each link a reader follows (not ``loaded``), fetched insecurely."""
    if not _maybe_insecure(post):
        return
    for link in post.links.urls():
        if link.templated or (not link.loads if loaded else link.kind != "link"):
            continue
        found = insecure_scheme(link.raw, allowed_hosts)
        if found is not None:
            scheme, host = found
            fix = Fix((Edit(link.start, link.start + len(scheme), "https://"),), "Use https://", "unsafe")
            yield link, scheme, host, fix


def _maybe_insecure(post) -> bool:
    lowered = post.lowered_body
    return any(needle in lowered for needle in _NEEDLES) or _protocol_relative(post.text, post.body_start)


def _protocol_relative(text: str, start: int) -> bool:
    """Whether a `//` in ``text[start:]`` can start a protocol-relative URL: after a quote, `=`,
    `(` or `<` (whitespace between), or after whitespace that follows a `:` (a reference
    definition). A walk back from each `//` rather than a regex that tries every character."""
    at = text.find("//", start)
    while at >= 0:
        before = at - 1
        while before >= start and text[before].isspace():
            before -= 1
        if before >= start and (text[before] in "\"'=(<" or (text[before] == ":" and before < at - 1)):
            return True
        at = text.find("//", at + 1)
    return False


class MixedContent(Rule):
    """Images, media, frames, scripts and styles loaded over `http://` or a protocol-relative URL.

    ## What it does
    Looks at every URL the page loads, in HTML and in Markdown alike: `<img src>` and each
    `srcset` candidate, `![alt](url)` and reference-style images, `<video>`/`<audio>`/`<source>`/
    `<track>` sources and `poster`, `<iframe src>`, `<script src>`, `<link href>`,
    `<object data>`, `<embed src>`. It reports
    - `http://` — error (mixed content);
    - a protocol-relative URL (`//cdn.example.com/a.js`) — warning.
    Links a reader follows (`<a href>`, `[text](url)`) are not mixed content: `insecure-link`
    reports those. Values with Liquid or Hugo syntax (`{{ site.url }}/a.png`) are not judged,
    nor are hosts that are only examples or local (`localhost`, `127.0.0.1`, `*.local`,
    `*.test`, `example.com`). A reference-style image is reported at its definition's URL.

    ## Why
    On an HTTPS site, browsers block `http://` scripts, frames and styles and upgrade or flag
    `http://` images ("not secure"); an image that its server does not serve over HTTPS then
    breaks. A protocol-relative URL breaks when the page is opened from a file, a feed reader
    or an e-mail, where `//` means `file://` or nothing.

    ## Bad
    ```markdown
    ![Seoul at night](http://img.seoul-news.kr/seoul.jpg)
    ```

    ## Good
    ```markdown
    ![Seoul at night](https://img.seoul-news.kr/seoul.jpg)
    ```

    ## Fix safety
    Unsafe (`--unsafe-fixes`): the fix writes `https://` for `http://` and for `//`, but only
    the other server knows whether it serves the same file over HTTPS. The URL is read as
    written (`http&#58;//` is not seen as `http://`).

    ## Options
    - `allowed-hosts` (list, default `[]`): hosts never reported (with their subdomains).
"""

    id = "mixed-content"
    summary = "Image, video, frame, script or style loaded over `http://` (error) or a `//` URL (warning)"
    fixable = "sometimes"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        allowed_hosts: tuple[str, ...] = ()

    def check(self, post):
        for link, scheme, host, fix in insecure_urls(post, True, self.options.allowed_hosts):
            what = f"`{link.attr}`" if link.syntax == "html" else "the image"
            if scheme == "http://":
                message, severity = f"{what} loads {host} over http:// (mixed content on an HTTPS site)", "error"
            else:
                message, severity = f"{what} loads {host} by a protocol-relative URL; write https://", "warning"
            yield self.finding(link.start, link.end, message, fix, severity)
