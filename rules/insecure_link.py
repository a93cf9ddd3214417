"""Links that send readers to `http://` pages or by a protocol-relative URL."""

from __future__ import annotations

from dataclasses import dataclass

from postlint import Rule
from postlint.rules.mixed_content import insecure_urls


class InsecureLink(Rule):
    """Links that send readers to `http://` pages or by a protocol-relative URL.

    ## What it does
    Looks at every link a reader follows, in HTML and in Markdown alike: `<a href>`,
    `<area href>`, `[text](url)`, reference-style links (reported at the definition's URL) and
    autolinks (`<http://…>`), and reports
    - `http://` — warning;
    - a protocol-relative URL (`//news.example.com/`) — warning.
    Off by default: an old blog links thousands of `http://` pages, and those warnings would
    drown everything else. Values with Liquid or Hugo syntax are not judged, nor are local and
    example hosts (`localhost`, `127.0.0.1`, `*.local`, `*.test`, `example.com`).

    ## Why
    An `http://` page can be tampered with on its way to the reader, and most sites redirect
    to HTTPS anyway (a hop slower, and sometimes to another page). A protocol-relative link
    breaks in a feed reader or an e-mail, where `//` means `file://` or nothing.

    ## Bad
    ```markdown
    Read [the announcement](http://news.seoul-news.kr/2024/07/22).
    ```

    ## Good
    ```markdown
    Read [the announcement](https://news.seoul-news.kr/2024/07/22).
    ```

    ## Fix safety
    Unsafe (`--unsafe-fixes`): the fix writes `https://`, but only the other site knows
    whether it serves the same page over HTTPS.

    ## Options
    - `allowed-hosts` (list, default `[]`): hosts never reported (with their subdomains).
"""

    id = "insecure-link"
    summary = "Link to an `http://` page or by a protocol-relative URL"
    fixable = "sometimes"
    severity = "warning"
    default_enabled = False

    @dataclass(frozen=True)
    class Options:
        allowed_hosts: tuple[str, ...] = ()

    def check(self, post):
        for link, scheme, host, fix in insecure_urls(post, False, self.options.allowed_hosts):
            how = "http://" if scheme == "http://" else "a protocol-relative URL"
            yield self.finding(link.start, link.end, f"link to {host} over {how}; use https://", fix)
