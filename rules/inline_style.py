"""Typography hard-coded in `style` attributes: fonts, sizes, line heights."""

from __future__ import annotations

from dataclasses import dataclass

from postlint.styles import StylePropertyRule


class InlineStyle(StylePropertyRule):
    """Typography hard-coded in `style` attributes: fonts, sizes, line heights.

    ## What it does
    Flags elements whose `style` attribute sets a presentational property of the `properties`
    option (`font-family`, `font-size` and `line-height` by default), parsed with a real CSS
    parser, so any spelling counts (`FONT-SIZE: 12pt`, `!important`, comments). The `font`
    shorthand is not flagged unless you add it. One finding per element. Colours are
    `inline-color`'s.

    ## Why
    Blog editors write the font the author happened to pick (`font-family: 'Nanum Gothic'`,
    `font-size: 11pt`) into every paragraph they touch. On the site this overrides the theme:
    the post looks unlike every other page, ignores the reader's font size settings, and
    cannot be changed in one place. Typography belongs in the stylesheet.

    ## Bad
    ```html
    <p style="font-family: 'Nanum Gothic'; font-size: 11pt;">대통령실은 초당적 지지를 강조했습니다.</p>
    ```

    ## Good
    ```html
    <p>대통령실은 초당적 지지를 강조했습니다.</p>
    ```

    ## Fix safety
    Safe, the same fix as `inline-color`'s: the flagged declarations go; when nothing is left
    the `style` attribute goes, and a `<span>` or `<font>` left with no attribute is unwrapped
    (its content stays). A style with entities in it (`font-family: &quot;Nanum&quot;`) is
    reported but not fixed; one with Liquid is not judged.

    ## Options
    - `properties` (list, default `["font-family", "font-size", "line-height"]`): the properties
      to flag, e.g. add `"font"`, `"text-align"` or `"letter-spacing"`.
"""

    id = "inline-style"
    summary = "`style` attribute that sets typography (font-family, font-size, line-height)"
    fixable = "sometimes"
    severity = "warning"

    noun = "typography"

    @dataclass(frozen=True)
    class Options:
        properties: tuple[str, ...] = ("font-family", "font-size", "line-height")
