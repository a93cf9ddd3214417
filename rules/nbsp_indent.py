"""Runs of non-breaking spaces used to indent or space out text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from postlint import Edit, Fix, Rule

_NBSP = r"(?:&nbsp;|&#0*160;|&#[xX]0*[aA]0;|\u00a0)"
_RUN = re.compile(rf"{_NBSP}(?:[ \t]*{_NBSP})+")
_FIRST = re.compile(_NBSP)
# Where spacing is meaningful or the text is not text.
_VERBATIM = ("pre", "code", "textarea", "script", "style", "xmp", "listing", "plaintext")


class NbspIndent(Rule):
    """Runs of non-breaking spaces used to indent or space out text.

    ## What it does
    Flags two or more non-breaking spaces in a row, in any spelling (`&nbsp;`, `&#160;`,
    `&#xA0;`, or an invisible literal U+00A0), possibly with ordinary spaces between them
    (`&nbsp; &nbsp;`, as WordPress writes a double space): a paragraph indented with
    `&nbsp;&nbsp;&nbsp;&nbsp;`, or two sentences pushed apart with `.&nbsp;&nbsp;`. A single
    `&nbsp;` (keeping `10&nbsp;km` or a name together) is never flagged. Not flagged either:
    runs inside `<pre>`, `<code>`, `<textarea>`, `<script>`, `<style>` and Markdown code, where
    spacing is meaningful; runs inside a tag; and a run that is the whole content of an element
    (`<td>&nbsp;&nbsp;</td>`, `<p>&nbsp;&nbsp;</p>`, which is `empty-paragraph`'s).

    ## Why
    Editors turn every space typed after another into `&nbsp;`. Indentation and spacing made of
    them cannot be changed by the theme, break the line where they should not (text does not
    wrap inside the run), and as literal U+00A0 characters are invisible in the source.
    Indenting paragraphs is the stylesheet's job (`text-indent`).

    ## Bad
    ```html
    <p>&nbsp;&nbsp;&nbsp;&nbsp;첫 문단입니다.&nbsp;&nbsp;둘째 문장입니다.</p>
    ```

    ## Good
    ```html
    <p>첫 문단입니다. 둘째 문장입니다.</p>
    ```

    ## Fix safety
    Unsafe (only with `--unsafe-fixes`): the run becomes one ordinary space, so the text looks
    different (no indentation, one space between sentences) and may now wrap there; no word
    changes. With `keep-number-unit` (the default), a run between a number and a unit
    (`10&nbsp;&nbsp;km`) becomes one non-breaking space, written as the run's first one was.

    ## Options
    - `keep-number-unit` (bool, default `true`): keep a single non-breaking space between a
      digit and the letter after it.
"""

    id = "nbsp-indent"
    summary = "Two or more `&nbsp;` in a row used as indentation or spacing"
    fixable = "always"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        keep_number_unit: bool = True

    def check(self, post):
        text = post.text
        if text.find("&", post.body_start) < 0 and text.find("\u00a0", post.body_start) < 0:
            return  # every spelling of a non-breaking space has one of these
        runs = list(_RUN.finditer(text, post.body_start, len(text)))
        if not runs:
            return  # the tags need not be walked
        scan, html = post.mask.text, post.html
        skip = sorted(self._skipped(html))
        starts = [s for s, _ in skip]
        reach, furthest = [], 0  # the furthest end of any skipped span starting at or before
        for _, e in skip:
            furthest = max(furthest, e)
            reach.append(furthest)
        whole = {tag.end: tag.end_tag[0] for tag in html.tags if tag.end_tag is not None}
        # Found in the original: masked code reads as spaces, which would join two runs.
        for m in runs:
            start, end = m.span()
            if scan[start:end] != m.group():
                continue  # in Markdown code or Liquid
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and reach[i] > start:
                continue
            before, after = self._segment(scan, start, end)
            if whole.get(before) == after and not scan[before:after].replace(m.group(), "").strip():
                continue
            replacement = " "
            if (self.options.keep_number_unit and start > 0 and text[start - 1].isdigit()
                    and end < len(text) and text[end].isalpha()):
                replacement = _FIRST.match(text, start).group()
            count = len(_FIRST.findall(m.group()))
            fix = Fix((Edit(start, end, replacement),), "Replace the non-breaking spaces with one space", "unsafe")
            yield self.finding(start, end, f"{count} non-breaking spaces in a row used for spacing", fix)

    @staticmethod
    def _skipped(html):
        for el, tag in html.iter():
            yield tag.start, tag.end
            if el.tag in _VERBATIM:
                yield tag.outer_span

    @staticmethod
    def _segment(scan: str, start: int, end: int) -> tuple[int, int]:
        """The text between the nearest `>` before ``start`` and the nearest `<` after ``end``."""
        before = scan.rfind(">", 0, start) + 1
        after = scan.find("<", end)
        return before, (len(scan) if after < 0 else after)
