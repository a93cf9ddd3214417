"""Front matter text fields that repeat another field word for word."""

from __future__ import annotations

from dataclasses import dataclass

from postlint import Fix, Rule
from postlint.edits import remove_lines


class DuplicateExcerpt(Rule):
    """Front matter text fields that repeat another field word for word.

    ## What it does
    Compares the front matter's text fields (`excerpt`, `feature_text`, `description`, `summary`,
    `subtitle` by default) after folding whitespace, and flags every field that repeats one
    written above it. The finding points at the repeating key.

    ## Why
    Importers and content pipelines fill every field a theme might read with the same text. The
    page then shows the same paragraph twice (as the hero text and as the excerpt), feeds search
    engines duplicate descriptions, and every edit has to be made twice and drifts apart.

    ## Bad
    ```html
    ---
    title: Alliance news
    excerpt: The alliance enjoys bipartisan support.
    feature_text: The alliance enjoys  bipartisan support.
    ---
    <p>Body.</p>
    ```

    ## Good
    ```html
    ---
    title: Alliance news
    excerpt: The alliance enjoys bipartisan support.
    ---
    <p>Body.</p>
    ```

    ## Fix safety
    Unsafe (only with `--unsafe-fixes`): the fix deletes the repeating key and its value's lines
    and keeps every other byte of the front matter, but a theme may show that field, and the
    page would then lose it.

    ## Options
    - `keys` (list, default `["excerpt", "feature_text", "description", "summary", "subtitle"]`):
      the fields compared with each other.
"""

    id = "duplicate-excerpt"
    summary = "Front matter text field that repeats another (feature_text = excerpt)"
    fixable = "sometimes"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        keys: tuple[str, ...] = ("excerpt", "feature_text", "description", "summary", "subtitle")

    def check(self, post):
        fm = post.front_matter
        if fm is None or not fm.data:
            return
        entries = [fm.entry(key) for key in self.options.keys if isinstance(fm.data.get(key), str)]
        entries = sorted((e for e in entries if e is not None), key=lambda e: e.key_start)
        seen: dict[str, str] = {}
        for entry in entries:
            folded = " ".join(entry.value.split())
            if not folded:
                continue
            first = seen.setdefault(folded, entry.key)
            if first == entry.key:
                continue
            fix = Fix(
                (remove_lines(post.text, entry.key_start, entry.value_end),),
                f"Remove `{entry.key}`",
                applicability="unsafe",
                removes_text=entry.value,
            )
            yield self.finding(entry.key_start, entry.key_end, f"`{entry.key}` repeats `{first}` word for word", fix)
