"""Colours hard-coded in `style` attributes."""

from __future__ import annotations

from dataclasses import dataclass

from postlint.styles import StylePropertyRule


class InlineColor(StylePropertyRule):
    """Colours hard-coded in `style` attributes.

    ## What it does
    Flags elements whose `style` attribute sets `color` or `background-color` (configurable),
    parsed with a real CSS parser: any spelling of a value counts (`#ee2323`, 8-digit
    `#21538527`, `rgb(238 35 35 / 50%)`, `RED`, with `!important` or comments); other properties
    such as `border-color` do not. One finding per element.

    ## Why
    Colours pasted from a blog editor fight the site's theme: they vanish in dark mode, fail
    contrast checks and cannot be changed in one place. Emphasis belongs in the markup
    (`<strong>`, `<em>`) and colour in the stylesheet.

    ## Bad
    ```html
    <p>Support is <b><span style="color: #ee2323;">bipartisan</span></b>.</p>
    ```

    ## Good
    ```html
    <p>Support is <b>bipartisan</b>.</p>
    ```

    ## Fix safety
    Safe. The fix removes the colour declarations; when nothing is left it removes the `style`
    attribute, and a `<span>` left with no attribute is unwrapped (its content stays). A style
    with entities in it is reported but not fixed; one with Liquid (`{{ page.accent }}`) is not
    judged, since its value is known only at build time.

    ## Options
    - `properties` (list, default `["color", "background-color"]`): the properties to flag.
"""

    id = "inline-color"
    summary = "`style` attribute that sets a colour (color, background-color)"
    fixable = "sometimes"
    severity = "warning"

    noun = "colour"

    @dataclass(frozen=True)
    class Options:
        properties: tuple[str, ...] = ("color", "background-color")
