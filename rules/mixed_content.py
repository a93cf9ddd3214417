"""Resources and links loaded over `http://` or a protocol-relative `//` URL."""

from __future__ import annotations

import re
from dataclasses import dataclass

from postlint import Edit, Fix, Rule
from postlint.domains import host_matches, url_host
from postlint.liquid import is_templated

# Attributes whose URL the browser loads into the page: blocked or flagged on an HTTPS page.
RESOURCE_ATTRS = {"src": None, "srcset": None, "poster": None, "data": ("object",)}
LINK_ELEMENTS = ("a", "area")
# Hosts that are never served over HTTPS on the public web: links to them are examples.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]", ".local", ".localhost", ".test", ".example",
               "example.com", "example.org", "example.net")
_URL = re.compile(r"\S+")
_SRCSET_URL = re.compile(r"(?:^|,)\s*([^\s,][^\s]*?)(?=,|\s|$)")


# Whether a post may hold an http:// or protocol-relative URL, decided by substring searches of
# the lower-cased text (C speed). A superset: `&#` because an entity can spell one.
_NEEDLES = ("http:", "srcset", "&#")


def _maybe(post) -> bool:
    lowered = post.lowered_body
    return any(needle in lowered for needle in _NEEDLES) or _protocol_relative(post.text, post.body_start)


def _protocol_relative(text: str, start: int) -> bool:
    """Whether a `//` in ``text[start:]`` follows a quote or `=` (whitespace between), as a
    protocol-relative URL in an attribute value does. A walk back from each `//` rather than
    the regex `["'=]\\s*//`, which tries every character of the post (10 -> ~2 us a post)."""
    at = text.find("//", start)
    while at >= 0:
        before = at - 1
        while before >= start and text[before].isspace():
            before -= 1
        if before >= start and text[before] in "\"'=":
            return True
        at = text.find("//", at + 1)
    return False


class MixedContent(Rule):
    """Resources and links loaded over `http://` or a protocol-relative `//` URL.

    ## What it does
    - `http://` in a URL the page loads (`src` of `<img>`, `<script>`, `<iframe>`, `<video>`,
      `<audio>`, `<source>`, `<embed>`; every candidate of `srcset`; `poster`; `<object data>`;
      `<link href>`) — error;
    - `http://` in a link (`<a href>`, `<area href>`) — warning;
    - a protocol-relative URL (`//cdn.example.com/a.js`) in any of these — warning.
    Values with Liquid (`{{ site.url }}/a.png`) are not judged, nor are hosts that are only
    examples or local (`localhost`, `127.0.0.1`, `*.local`, `*.test`, `example.com`).

    ## Why
    On an HTTPS site, browsers block `http://` scripts, frames and styles and upgrade or flag
    `http://` images ("not secure"); an image that its server does not serve over HTTPS then
    breaks. `http://` links send readers to pages that can be tampered with on the way, and
    many such sites redirect to HTTPS anyway. A protocol-relative URL breaks when the page is
    opened from a file, a feed reader or an e-mail, where `//` means `file://` or nothing.

    ## Bad
    ```html
    <p><img src="http://img.seoul-news.kr/seoul.jpg" alt="Seoul at night"></p>
    ```

    ## Good
    ```html
    <p><img src="https://img.seoul-news.kr/seoul.jpg" alt="Seoul at night"></p>
    ```

    ## Fix safety
    Unsafe (`--unsafe-fixes`): the fix writes `https://` for `http://` and for `//`, but only
    the other server knows whether it serves the same file over HTTPS. The URL is read as
    written (`http&#58;//` is not seen as `http://`).

    ## Options
    - `links` (bool, default `true`): also report `http://` and `//` in `<a href>` and
      `<area href>`.
    - `allowed-hosts` (list, default `[]`): hosts never reported (with their subdomains).
"""

    id = "mixed-content"
    summary = "`http://` or protocol-relative URL in src/srcset/poster (error) or a link (warning)"
    fixable = "sometimes"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        links: bool = True
        allowed_hosts: tuple[str, ...] = ()

    def check(self, post):
        text = post.text
        if not _maybe(post):
            return
        for _el, tag in post.html.iter():
            for name, attr in tag.attrs.items():
                kind = self._kind(tag.name, name)
                if kind is None or is_templated(attr.value) or not attr.value.strip():
                    continue
                raw = text[attr.value_start : attr.value_end]
                pattern = _SRCSET_URL if name == "srcset" else _URL
                for m in pattern.finditer(raw):
                    group = 1 if name == "srcset" else 0
                    url = m.group(group)
                    start = attr.value_start + m.start(group)
                    yield from self._judge(url, start, kind, name)
                    if name != "srcset":
                        break

    def _kind(self, element: str, attr: str) -> str | None:
        if attr == "href":
            if element in LINK_ELEMENTS:
                return "link" if self.options.links else None
            return "resource" if element == "link" else None
        if attr in RESOURCE_ATTRS:
            only = RESOURCE_ATTRS[attr]
            return "resource" if only is None or element in only else None
        return None

    def _judge(self, url: str, start: int, kind: str, attr: str):
        lower = url.lower()
        if lower.startswith("http://"):
            scheme, severity = "http://", "error" if kind == "resource" else "warning"
        elif url.startswith("//"):
            scheme, severity = "//", "warning"
        else:
            return
        host = url_host(url)
        if host is None or host_matches(host, LOCAL_HOSTS) or host_matches(host, self.options.allowed_hosts):
            return
        if kind == "link":
            message = f"link to {host} over {'http://' if scheme == 'http://' else 'a protocol-relative URL'}; use https://"
        elif scheme == "http://":
            message = f"`{attr}` loads {host} over http:// (mixed content on an HTTPS site)"
        else:
            message = f"`{attr}` loads {host} by a protocol-relative URL; write https://"
        fix = Fix((Edit(start, start + len(scheme), "https://"),), "Use https://", "unsafe")
        yield self.finding(start, start + len(url), message, fix, severity)
