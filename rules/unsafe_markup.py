"""Markup that runs code: script URLs, event handlers, scripts, plugins and foreign frames."""

from __future__ import annotations

import re
from dataclasses import dataclass

from postlint import Rule
from postlint.domains import host_matches, url_host
from postlint.liquid import is_templated

PLUGINS = ("object", "embed", "applet")
EMBED_HOSTS = (
    "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "tv.naver.com", "play-tv.kakao.com",
    "tv.kakao.com", "www.google.com/maps", "maps.google.com", "codepen.io", "codesandbox.io",
    "jsfiddle.net", "open.spotify.com", "w.soundcloud.com", "player.twitch.tv", "www.slideshare.net",
    "docs.google.com", "www.instagram.com", "platform.twitter.com", "stackblitz.com", "gist.github.com",
    "www.loom.com", "player.bilibili.com", "www.facebook.com",
)
SCRIPT_HOSTS = ("platform.twitter.com", "gist.github.com", "www.instagram.com", "embed.tiktok.com",
                "static.codepen.io", "cpwebassets.codepen.io", "www.tiktok.com")
# Whether a post may hold anything this rule reports, decided by substring searches of the
# lower-cased text (C speed; a regex of alternatives would try each at every position). A
# superset: `&#` because an entity can spell a scheme; `script` holds `<script` (and
# `javascript:`), `frame` both `<frame` and `<iframe`.
_NEEDLES = ("script", "frame", "<object", "<embed", "<applet", "data:", "&#")
_EVENT_HANDLER_TEXT = re.compile(r"on[a-z]{3,}\s*=")


def _maybe(post) -> bool:
    lowered = post.lowered_body
    return any(needle in lowered for needle in _NEEDLES) or _EVENT_HANDLER_TEXT.search(lowered) is not None


_IGNORED_IN_URL = re.compile(r"[\x00-\x20]")  # browsers skip these inside a scheme
_EVENT_HANDLER = re.compile(r"on[a-z]{3,}\Z")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")


def _allowed(url: str, allowed: tuple[str, ...]) -> bool:
    """Whether ``url`` is on an allowed host, or under an allowed host/path prefix."""
    host = url_host(url)
    if host is None:
        return False
    path = url.split("//", 1)[-1].split("/", 1)[1] if "/" in url.split("//", 1)[-1] else ""
    for entry in allowed:
        entry_host, _, prefix = entry.lower().partition("/")
        if host_matches(host, (entry_host,)) and path.lower().startswith(prefix):
            return True
    return False


class UnsafeMarkup(Rule):
    """Markup that runs code: script URLs, event handlers, scripts, plugins and foreign frames.

    ## What it does
    Reports, each at its own position:
    - a `javascript:`, `vbscript:` or `data:text/html` URL in `href`, `src`, `action`,
      `formaction`, `data`, `poster` and the like, or in a Markdown link or image
      (`[click](javascript:…)`), also when written with entities or tabs (`java&#x09;script:`,
      which browsers read as `javascript:`);
    - an inline event handler attribute (`onclick`, `onerror`, `onload`, `onmouseover`, …);
    - a `<script>` element, unless its `src` is on `allowed-script-hosts` (embed scripts of
      Twitter/X, GitHub gists, Instagram, TikTok, CodePen by default);
    - an `<object>`, `<embed>` or `<applet>` element;
    - an `<iframe>` (or `<frame>`) whose `src` is not on `allowed-frame-hosts` (YouTube,
      youtube-nocookie, Vimeo, Naver TV, Kakao TV, Google Maps, CodePen, … by default), or that
      has a `srcdoc` (a page written inline, scripts included).
    Values with Liquid (`{{ page.video }}`) are not judged.

    ## Why
    A post is content; code in it runs with the site's privileges on every reader's browser. In
    imported and guest posts, `onerror=` on an image, a `javascript:` link or a frame from an
    unknown host is how spam and malware get in (the "XSS via blog import" class of bugs), and a
    static site has no server-side filter to catch it. Plugins (`<object>`, `<embed>`) are no
    longer run by browsers at all.

    ## Bad
    ```html
    <p><img src="/assets/chart.png" alt="Chart" onerror="location='https://spam.example.net/'"></p>
    ```

    ## Good
    ```html
    <p><img src="/assets/chart.png" alt="Chart"></p>
    ```

    ## Fix safety
    No fix: removing code changes what the page does; the author must decide what it was for.

    ## Options
    - `allowed-frame-hosts` (list): hosts (with their subdomains), or host/path prefixes
      (`www.google.com/maps`), whose `<iframe>` embeds are fine.
    - `allowed-script-hosts` (list): hosts whose `<script src>` is fine.
"""

    id = "unsafe-markup"
    summary = "javascript: URL, inline event handler, <script>, <object>/<embed>, or <iframe> from an unknown host"
    fixable = "never"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        allowed_frame_hosts: tuple[str, ...] = EMBED_HOSTS
        allowed_script_hosts: tuple[str, ...] = SCRIPT_HOSTS

    def check(self, post):
        o = self.options
        if not _maybe(post):
            return
        for _el, tag in post.html.iter():
            name = tag.name
            attrs = tag.attrs
            src = attrs.get("src")
            if name == "script":
                if src is None or not is_templated(src.value) and not _allowed(src.value, o.allowed_script_hosts):
                    where = f" from {url_host(src.value) or src.value.strip()}" if src is not None and src.value.strip() else ""
                    yield self.finding(tag.start, tag.end, f"<script>{where} in a post runs code on every reader's browser")
            elif name in PLUGINS:
                yield self.finding(tag.start, tag.end, f"<{name}> embeds a plugin; browsers no longer run them")
            elif name in ("iframe", "frame"):
                if "srcdoc" in attrs:
                    srcdoc = attrs["srcdoc"]
                    yield self.finding(srcdoc.start, srcdoc.end, f"<{name} srcdoc> embeds a page of its own, scripts included")
                elif src is None or not src.value.strip():
                    pass  # an empty frame: broken, not unsafe
                elif (host := url_host(src.value)) is not None and not _allowed(src.value, o.allowed_frame_hosts):
                    yield self.finding(src.value_start, src.value_end, f"<{name}> embeds {host}, not an allowed embed host")
            for attr_name, attr in attrs.items():
                if _EVENT_HANDLER.match(attr_name):
                    yield self.finding(attr.start, attr.end, f"inline event handler `{attr_name}` runs code")
        for link in post.links.urls():
            if link.templated:
                continue
            url = _IGNORED_IN_URL.sub("", link.url).lower()
            where = f"`{link.attr}`" if link.syntax == "html" else f"a Markdown {'image' if link.kind == 'image' else 'link'}"
            if url.startswith(_SCRIPT_SCHEMES):
                yield self.finding(link.start, link.end, f"`{url.split(':', 1)[0]}:` URL in {where} runs code")
            elif url.startswith("data:text/html"):
                yield self.finding(link.start, link.end, f"`data:text/html` URL in {where} is a page of unknown content")
