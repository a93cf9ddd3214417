"""Images without a text alternative, or with a file name or placeholder as one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from postlint import Rule
from postlint.liquid import is_templated

PLACEHOLDERS = (
    "image", "images", "img", "photo", "photos", "picture", "pic", "pics", "graphic", "figure",
    "screenshot", "screen shot", "untitled", "alt", "alt text", "no title", "thumbnail", "thumb",
    "banner", "icon", "logo image", "blank", "null", "none", "undefined", "todo",
    "이미지", "사진", "그림", "스크린샷", "캡처", "캡쳐", "제목 없음", "썸네일", "대체텍스트", "대체 텍스트",
    "画像", "写真", "图片",
)
_FILE_NAME = re.compile(
    r"""(?:^|[\\/])[^\\/\s][^\\/]*\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|jxl|ico)\Z  # a.png, dir/a.jpg
      | \A(?:img|dsc|dscn|dcim|pxl|mvimg|screenshot|스크린샷|kakaotalk)[_\-\s]?\d[\d_\-\s]*\Z  # IMG_1234, DSC0001
    """,
    re.I | re.X,
)
# A placeholder may be numbered or decorated: "Image 1", "사진1", "photo-2", "[image]".
_DECORATION = re.compile(r"[\s\d_\-.:#()\[\]]+")


class ImgAlt(Rule):
    """Images without a text alternative, or with a file name or placeholder as one.

    ## What it does
    Checks every image, HTML `<img>` and Markdown `![alt](url)` (reference-style too):
    - an `<img>` with no `alt` attribute at all — reported at the tag;
    - a Markdown image with nothing between its brackets (`![](photo.jpg)`) — reported at the
      image: Markdown has no way to say that an image is decoration;
    - alt text that is a file name (`news.jpg`, `IMG_1234`, `DSC0001`, `스크린샷 2024-07-22`…
      with an image extension) — reported at the text;
    - alt text that is a placeholder word from `placeholders` (`image`, `photo`, `img`, `이미지`,
      `사진`, `untitled`, …), also numbered or decorated (`Image 1`, `사진1`, `[image]`) —
      reported at the text.
    `alt=""` (or only spaces) on an `<img>` is the correct text for a decorative image and is
    not reported. Alt text with Liquid or Hugo syntax is not judged.

    ## Why
    The `alt` text is what screen readers say, what search engines index and what shows when
    the image fails to load. Without it a screen reader reads out the file name; a file name or
    "image" as alt says nothing. Editors and importers fill alt with such values by default.

    ## Bad
    ```html
    <p><img src="/assets/2024/07/IMG_1234.jpg" alt="IMG_1234.jpg"></p>
    ```

    ## Good
    ```html
    <p><img src="/assets/2024/07/IMG_1234.jpg" alt="The foreign ministers shaking hands in Seoul"></p>
    ```

    ## Fix safety
    No fix: only the author knows what the image shows.

    ## Options
    - `placeholders` (list): alt texts that say nothing (compared case-insensitively, ignoring
      numbers, spaces and brackets around them).
    - `extra-placeholders` (list, default `[]`): more, added to `placeholders`.
    - `missing` (bool, default `true`): report an `<img>` without `alt` and a Markdown image
      without alt text.
"""

    id = "img-alt"
    summary = "Image without alt text, or with a file name or placeholder (image, 사진) as alt"
    fixable = "never"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        placeholders: tuple[str, ...] = PLACEHOLDERS
        extra_placeholders: tuple[str, ...] = ()
        missing: bool = True

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        o = self.options
        self._words = {_DECORATION.sub(" ", w.lower()).strip() for w in (*o.placeholders, *o.extra_placeholders)}

    def check(self, post):
        words = self._words
        text = post.text
        for image in post.links.images():
            if image.text is None:  # an <img> without alt
                if self.options.missing:
                    tag = image.tag
                    yield self.finding(tag.start, tag.end, "image without `alt`; describe it, or write alt=\"\" if it is decoration")
                continue
            value = image.text.strip()
            if image.syntax != "html" and not value:
                if self.options.missing:
                    yield self.finding(*image.whole, "image without alt text; describe it between the brackets of `![…]`")
                continue
            if not value or is_templated(text[image.text_start : image.text_end]):
                continue
            if _FILE_NAME.search(value):
                yield self.finding(image.text_start, image.text_end, f"alt text is a file name ({value}); describe the image")
            elif _DECORATION.sub(" ", value.lower()).strip() in words:
                yield self.finding(image.text_start, image.text_end, f"alt text is a placeholder ({value}); describe the image")
