"""Findings worked out once per distinct start tag and moved to each place it occurs.

Imported posts repeat the same few tags (`<span style="color: #ee2323;">`) thousands of times.
What a rule finds at a start tag usually depends only on the tag's text, as written and as
masked, and on whether it has an end tag (a fix may unwrap the element). Such a rule asks a
``PerTag`` for the findings at each tag: the first time a tag's text is seen its ``judge``
runs; afterwards the findings are copied to the new place, edits included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .html import Tag
from .rule import Edit, Finding, Fix

if TYPE_CHECKING:
    from .post import Post

# judge(post, tag) -> (findings, cacheable); not cacheable when they depend on more of the
# post than the tag (editor-attributes: a generated id that a link points at).
Judge = Callable[["Post", Tag], "tuple[list[Finding], bool]"]


class PerTag:
    LIMIT = 4096  # distinct tags kept; a run over many sites starts over rather than grow

    def __init__(self, judge: Judge) -> None:
        self._judge = judge
        # key -> (the tag's start, [(finding, _plan(finding))]); None: judge it at every place
        self._seen: dict[tuple[str, str | None, bool], tuple[int, list] | None] = {}

    def findings(self, post: Post, tag: Tag) -> list[Finding]:
        """The findings at ``tag``; do not change the list (it may be the cached one)."""
        seen = self._seen
        html = post.html
        # The masked text of the tag, or None when nothing in the post is masked (most posts:
        # then it is the tag's own text, and slicing and hashing it again costs per tag).
        masked = None if html.scan is html.text else html.scan[tag.start : tag.end]
        key = (html.text[tag.start : tag.end], masked, tag.end_tag is not None)  # (tag.source, one call less)
        cached = seen.get(key, False)
        if cached is False:
            if len(seen) >= self.LIMIT:
                seen.clear()
            found, cacheable = self._judge(post, tag)
            seen[key] = (tag.start, [(f, _plan(f, tag.end_tag)) for f in found]) if cacheable else None
            return found
        if cached is None:
            return self._judge(post, tag)[0]
        start, plans = cached
        if not plans:
            return []
        # The findings moved to this tag: its offsets, and its end tag for an edit of the end tag.
        # tuple.__new__ because Edit(...) and Fix(...) run a Python-level __new__: the hot path.
        delta, end, new = tag.start - start, tag.end_tag, tuple.__new__
        moved = []
        for f, plan in plans:
            fix = f.fix
            if plan is not None:
                edits = []  # (a loop: a list comprehension costs a call more)
                for s, e, r, at_end in plan:
                    edits.append(new(Edit, (end[0], end[1], r) if at_end else (s + delta, e + delta, r)))
                fix = new(Fix, (tuple(edits), fix[1], fix[2], fix[3]))
            moved.append(Finding(f.rule, f.message, f.start + delta, f.end + delta, f.severity, fix))
        return moved


def _plan(finding: Finding, end_tag: tuple[int, int] | None) -> tuple[tuple[int, int, str, bool], ...] | None:
    """The edits of ``finding``'s fix, each marked when it is an edit of the end tag (which
    moves to the end tag of the next place, not by the same distance)."""
    if finding.fix is None:
        return None
    return tuple((s, e, r, (s, e) == end_tag) for s, e, r in finding.fix.edits)
