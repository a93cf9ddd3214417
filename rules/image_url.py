"""Front matter image URLs that are broken, unsafe, insecure or hot-linked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from postlint import Edit, Fix, Rule
from postlint.liquid import is_templated

IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "ico", "tif", "tiff", "jxl", "heic")
_BAD_CHARS = re.compile(r"[\x00-\x1f\x7f\\<>\"]")
_EXTENSION = re.compile(r"\.([A-Za-z0-9]+)$")


class ImageUrl(Rule):
    """Front matter image URLs that are broken, unsafe, insecure or hot-linked.

    ## What it does
    Checks the front matter's image fields (`image`, `feature_image`, `cover`, `thumbnail`,
    `og_image`, `header.image`, `header.teaser`, `header.overlay_image` by default; a field may also
    be a mapping with a `path`, `src` or `url`) and reports:
    - a malformed value (control characters, backslashes, an unknown scheme) — error;
    - a `javascript:`, `vbscript:` or `data:` URL — error;
    - unencoded spaces — error;
    - `http://` (mixed content on an HTTPS site) — warning;
    - a protocol-relative `//host/…` URL — warning;
    - a host not in `allowed-hosts` (hot-linking someone else's server) — warning;
    - a site-relative path whose file does not exist under the site root — error;
    - an extension that is not an image's — warning.
    Values with Liquid (`{{ site.url }}/a.png`) are not judged.

    ## Why
    Themes put these images in `<meta property="og:image">`, hero banners and post lists. A
    hot-linked image breaks when the other site moves it (or bills you for it), a missing file is a
    broken banner on every list page, and `http://` images are blocked or flagged on HTTPS pages.

    ## Bad
    ```html
    ---
    title: News
    image: 'http://other-blog.example/wp-content/uploads/news.jpg'
    ---
    <p>Body.</p>
    ```

    ## Good
    ```html
    ---
    title: News
    image: /assets/images/news.jpg
    ---
    <p>Body.</p>
    ```

    ## Fix safety
    Only `http://` has a fix, to `https://`, and it is unsafe (`--unsafe-fixes`): the other host
    may not serve HTTPS.

    ## Options
    - `keys` (list): the front matter fields to check; dotted for nested keys (`header.image`).
    - `allowed-hosts` (list, default `[]`): hosts you may serve images from; a leading `.` allows
      subdomains (`.example.com`). Every other host is reported as hot-linking.
    - `image-extensions` (list): extensions accepted as images; a path without one is accepted.
"""

    id = "image-url"
    summary = "Front matter image URL that is malformed, unsafe, insecure, missing or hot-linked"
    fixable = "sometimes"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        keys: tuple[str, ...] = (
            "image", "feature_image", "cover", "thumbnail", "og_image",
            "header.image", "header.teaser", "header.overlay_image",
        )
        allowed_hosts: tuple[str, ...] = ()
        image_extensions: tuple[str, ...] = IMAGE_EXTENSIONS

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        self._extensions = frozenset(e.lower().lstrip(".") for e in self.options.image_extensions)

    def check(self, post):
        fm = post.front_matter
        if fm is None or not fm.data:
            return
        for key in self.options.keys:
            entry = fm.url_entry(key)
            if entry is not None and entry.value is not None and not isinstance(entry.value, str):
                if entry.key != key.rsplit(".", 1)[-1]:  # the `path`/`src`/`url` of a mapping
                    key = f"{key}.{entry.key}"
                yield self.finding(entry.value_start, entry.value_end, f"`{key}` should be a URL or path, not {type(entry.value).__name__}")
        for image in post.links.front_matter(self.options.keys):
            for severity, message, fix in self._problems(post, image.attr, image.url, image):
                yield self.finding(image.start, image.end, message, fix, severity)

    def _problems(self, post, key, url, image):
        if not url or is_templated(url):
            return
        if _BAD_CHARS.search(url):
            yield "error", f"`{key}` is not a valid URL (control character, backslash, quote or angle bracket)", None
            return
        if " " in url:
            yield "error", f"`{key}` has unencoded spaces (write them as %20)", None
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError as exc:
            yield "error", f"`{key}` is not a valid URL: {exc}", None
            return
        scheme = parts.scheme.lower()
        if scheme in ("javascript", "vbscript", "data"):
            yield "error", f"`{key}` uses a `{scheme}:` URL; use an image file", None
            return
        if scheme and scheme not in ("http", "https"):
            yield "error", f"`{key}` has an unsupported scheme `{scheme}:`", None
            return
        if scheme == "http":
            yield "warning", f"`{key}` is loaded over http:// (mixed content on an HTTPS site)", self._https_fix(post, image)
        if url.startswith("//"):
            yield "warning", f"`{key}` is a protocol-relative URL; write https://", None
        host = (parts.hostname or "").lower()
        if host:
            if not self._allowed(host):
                yield "warning", f"`{key}` is hot-linked from {host}; host the image yourself or allow the host", None
        elif url.startswith("/") or not scheme:
            if post.site.exists(parts.path) is False:
                yield "error", f"`{key}`: no file {parts.path} under the site root", None
        ext = _EXTENSION.search(parts.path)
        if ext and ext.group(1).lower() not in self._extensions:
            yield "warning", f"`{key}` does not look like an image (.{ext.group(1)})", None

    def _allowed(self, host: str) -> bool:
        for allowed in self.options.allowed_hosts:
            allowed = allowed.lower()
            if host == allowed.lstrip(".") or (allowed.startswith(".") and host.endswith(allowed)):
                return True
        return False

    @staticmethod
    def _https_fix(post, image):
        at = image.raw.lower().find("http://")
        if at < 0:
            return None
        start = image.start + at
        return Fix((Edit(start, start + len("http://"), "https://"),), "Load the image over https://", "unsafe")
