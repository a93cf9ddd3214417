"""Elements that only say how text looks: <font>, <center>, <big>, <strike>, <u>."""

from __future__ import annotations

from dataclasses import dataclass

from postlint import Edit, Fix, Rule
from postlint.edits import unwrap

# What each tag should become, and how safely the fix gets there.
ADVICE = {
    "font": "style the text in the stylesheet",
    "center": "center it with the stylesheet (text-align: center)",
    "big": "use a heading or <strong>, or the stylesheet",
    "strike": "use <s> (no longer accurate) or <del> (removed)",
    "u": "underlined text looks like a link; use <em>, <strong> or <mark>",
    "tt": "use <code> or <kbd>",
    "b": "use <strong> for importance",
    "i": "use <em> for emphasis",
}
RENAME = {"strike": "s", "b": "strong", "i": "em"}
# <font>'s own attributes: unwrapping the element loses only how the text looked.
FONT_PRESENTATION = frozenset({"color", "face", "size"})


class PresentationalTags(Rule):
    """Elements that only say how text looks: <font>, <center>, <big>, <strike>, <u>.

    ## What it does
    Flags the start tag of the elements in `tags`: `<font>`, `<center>`, `<big>` and `<strike>`
    (obsolete in HTML5) and `<u>` (valid, but used by editors for underlining, which readers take
    for a link). With `strong-em`, `<b>` and `<i>` too, to be written `<strong>` and `<em>`; this
    is off by default, since HTML5 gives `<b>` and `<i>` meanings of their own and html-validate
    accepts them. An `<i>` or `<b>` with a `class` (an icon font's `<i class="fa fa-star"></i>`)
    or without text is never flagged.

    ## Why
    These elements hard-code presentation in the content: the theme cannot restyle them, the
    obsolete ones may be dropped by sanitizers and feed readers, and none says why the text
    stands out, which is what screen readers and search engines need.

    ## Bad
    ```html
    <p><font color="#333333" face="돋움">동맹은</font> <strike>약화되었다</strike> 굳건하다.</p>
    ```

    ## Good
    ```html
    <p>동맹은 <s>약화되었다</s> 굳건하다.</p>
    ```

    ## Fix safety
    Per tag:
    - `<strike>` → `<s>`, `<b>` → `<strong>`, `<i>` → `<em>`: safe renames of the start and end
      tag (attributes and content kept); they render the same.
    - `<font>`: safe unwrap (the content stays) when its only attributes are `color`, `face`
      and `size`, which `inline-color` and `inline-style` would remove anyway; a `<font>` with
      any other attribute (`class`, `id`, `style`) is reported only.
    - `<big>`: unsafe unwrap (only with `--unsafe-fixes`): the words stay, the larger size goes.
    - `<center>`, `<u>`, `<tt>`: reported only; what replaces them (a CSS class, `<em>`,
      `<code>`) is the author's choice.
    Nothing is fixed when the source leaves the end tag implied.

    ## Options
    - `tags` (list, default `["font", "center", "big", "strike", "u"]`): the elements to flag;
      `tt` may be added.
    - `strong-em` (bool, default `false`): also flag `<b>` and `<i>`, with a fix to `<strong>`
      and `<em>`.
"""

    id = "presentational-tags"
    summary = "Presentational element (`<font>`, `<center>`, `<big>`, `<strike>`, `<u>`; `<b>`/`<i>` if configured)"
    fixable = "sometimes"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        tags: tuple[str, ...] = ("font", "center", "big", "strike", "u")
        strong_em: bool = False

    def check(self, post):
        names = {t.lower() for t in self.options.tags}
        if self.options.strong_em:
            names |= {"b", "i"}
        for el, tag in post.html.iter(*sorted(names)):
            if tag.name in ("b", "i") and ("class" in tag.attrs or not "".join(el.itertext()).strip()):
                continue
            advice = ADVICE.get(tag.name, "use the stylesheet")
            yield self.finding(tag.start, tag.end, f"<{tag.name}> is presentational: {advice}", self._fix(post, tag))

    @staticmethod
    def _fix(post, tag):
        if tag.end_tag is None:
            return None
        if tag.name in RENAME:
            new = RENAME[tag.name]
            end_name = tag.end_tag[0] + 2
            if post.text[end_name : end_name + len(tag.name)].lower() != tag.name:
                return None
            edits = (Edit(tag.start + 1, tag.name_end, new), Edit(end_name, end_name + len(tag.name), new))
            return Fix(edits, f"Rename <{tag.name}> to <{new}>")
        if tag.name == "font" and set(tag.attrs) <= FONT_PRESENTATION and not tag.duplicate_attrs:
            return Fix(unwrap(tag), "Unwrap the <font> (its content stays)")
        if tag.name == "big":
            return Fix(unwrap(tag), "Unwrap the <big> (its content stays)", "unsafe")
        return None
