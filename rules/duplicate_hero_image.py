"""The body's first image is the front matter's hero image again."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from postlint import Fix, Rule
from postlint.edits import remove_block
from postlint.liquid import is_templated

# Elements that only wrap the image (a link to the full size, a paragraph, a figure without a
# caption): when the image is all they hold, the fix removes them with it.
_WRAPPERS = frozenset({"a", "p", "figure", "div", "span", "center", "picture"})
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalise(url: str) -> str | None:
    """A form of ``url`` in which two spellings of the same image compare equal: scheme
    (http, https or none), host case, a default port, percent-encoding, a fragment and the
    leading slash of a site path do not count. None when there is nothing to compare."""
    url = url.strip()
    if not url or is_templated(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return None
    path = unquote(parts.path)
    query = f"?{unquote(parts.query)}" if parts.query else ""
    host = (parts.hostname or "").lower()
    if host:
        if port is not None and str(port) != _DEFAULT_PORTS.get(scheme or "https"):
            host = f"{host}:{port}"
        return f"//{host}{path or '/'}{query}"
    return "/" + path.lstrip("/") + query


class DuplicateHeroImage(Rule):
    """The body's first image is the front matter's hero image again.

    ## What it does
    Compares the URL of the first image of the body (an `<img>`, or a Markdown `![alt](url)`)
    with the front matter's hero image
    (`image`, `feature_image`, `cover`, `cover_image`, `header.image`, `header.overlay_image` by
    default; a field may also be a mapping with a `path`, `src` or `url`) and reports the `<img>`
    when they name the same file. URLs are compared normalised: `http://`, `https://` and `//`
    are the same, as are host case, a default port, percent-encoding (`%EB%89%B4` = `뉴`), the
    fragment, and `/a.jpg` = `a.jpg` for site paths. Values with Liquid are not compared.

    ## Why
    Themes show the front matter image as the post's hero banner. Importers (Tistory, WordPress)
    also leave it as the first picture of the body, so readers see the same picture twice, one
    under the other.

    ## Bad
    ```html
    ---
    title: News
    image: /assets/images/news.jpg
    ---
    <p><img src="/assets/images/news.jpg" alt="Press briefing" /></p>
    <p>The briefing began at ten.</p>
    ```

    ## Good
    ```html
    ---
    title: News
    image: /assets/images/news.jpg
    ---
    <p>The briefing began at ten.</p>
    ```

    ## Fix safety
    Unsafe (`--unsafe-fixes`): the fix deletes the `<img>`, and the elements around it that hold
    nothing else (`<p>`, `<a>`, `<figure>` without a caption), or the Markdown image with its
    line, but only your theme knows whether the hero image is really shown on the post page.
    An image that shares its paragraph with text or a caption is reported and not fixed.

    ## Options
    - `keys` (list): the front matter fields that hold the hero image; dotted for nested keys.
"""

    id = "duplicate-hero-image"
    summary = "First image of the body repeats the front matter hero image"
    fixable = "sometimes"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        keys: tuple[str, ...] = (
            "image", "feature_image", "cover", "cover_image", "header.image", "header.overlay_image",
        )

    def check(self, post):
        fm = post.front_matter
        if fm is None or not fm.data:
            return
        heroes = {}
        for key in self.options.keys:
            entry = fm.url_entry(key)
            value = entry.value if entry is not None else None
            if isinstance(value, str) and (url := normalise(value)) is not None:
                heroes.setdefault(url, key)
        if not heroes:
            return
        first = next(post.links.images(), None)
        if first is None or first.templated:
            return
        key = heroes.get(normalise(first.url)) if first.attr != "srcset" else None
        if key is None:
            return
        message = f"the first image repeats the front matter `{key}` (the hero image)"
        if first.tag is not None:
            tag = first.tag
            yield self.finding(tag.start, tag.end, message, self._fix(post, tag.element, tag))
        else:
            yield self.finding(*first.whole, message, self._markdown_fix(post, first))

    @staticmethod
    def _markdown_fix(post, image):
        """Delete a Markdown image that is all of its paragraph, with the paragraph."""
        start, end = image.whole
        for block in post.markdown.blocks:
            if block.kind == "paragraph" and block.start <= start and end <= block.end:
                if (post.text[block.start : start] + post.text[end : block.end]).strip():
                    return None  # words beside the image
                return Fix((remove_block(post.text, start, end),), "Remove the repeated image", "unsafe")
        return None

    @staticmethod
    def _fix(post, el, tag):
        span, chain = tag.outer_span, [tag.outer_span]
        while (parent := el.getparent()) is not None and parent.tag in _WRAPPERS:
            parent_tag = post.html.tag(parent)
            if parent_tag is None or parent_tag.end_tag is None or len(parent) != 1:
                break
            wider = chain + [(parent_tag.start, parent_tag.end), parent_tag.end_tag]
            # In the source, all but the wrappers' own tags must be blank: that rules out words
            # beside the image, and content the parser moved out of the wrapper
            # (`<p><img><div>words</div></p>`), which the tree would not show.
            if _rest(post.text, parent_tag.outer_span, wider).strip():
                break
            el, span, chain = parent, parent_tag.outer_span, wider
        return Fix((remove_block(post.text, *span),), "Remove the repeated image", "unsafe")


def _rest(text: str, span: tuple[int, int], tags: list[tuple[int, int]]) -> str:
    """``text[span]`` without ``tags``, `&nbsp;` read as a space."""
    rest, last = [], span[0]
    for start, end in sorted(tags):
        rest.append(text[last:start])
        last = max(last, end)
    rest.append(text[last : span[1]])
    return "".join(rest).replace("&nbsp;", " ")
