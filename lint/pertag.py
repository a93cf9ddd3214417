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
        self._seen: dict[tuple[str, str | None, bool], tuple[list[Finding], int, tuple[int, int] | None] | None] = {}

    def findings(self, post: Post, tag: Tag) -> list[Finding]:
        """The findings at ``tag``; do not change the list (it may be the cached one)."""
        seen = self._seen
        html = post.html
        # The masked text of the tag, or None when nothing in the post is masked (most posts:
        # then it is the tag's own text, and slicing and hashing it again costs per tag).
        masked = None if html.scan is html.text else html.scan[tag.start : tag.end]
        key = (tag.source, masked, tag.end_tag is not None)
        cached = seen.get(key, False)
        if cached is False:
            if len(seen) >= self.LIMIT:
                seen.clear()
            found, cacheable = self._judge(post, tag)
            seen[key] = (found, tag.start, tag.end_tag) if cacheable else None
            return found
        if cached is None:
            return self._judge(post, tag)[0]
        found, start, end_tag = cached
        return [_moved(f, start, end_tag, tag) for f in found] if found else found


def _moved(finding: Finding, start: int, end_tag: tuple[int, int] | None, tag: Tag) -> Finding:
    """``finding``, made at a tag at ``start`` with ``end_tag``, at the same text at ``tag``."""
    delta = tag.start - start
    fix = finding.fix
    if fix is not None:
        new = tuple.__new__  # Edit(...) runs a Python-level __new__; this is the hot path of PerTag
        moved_end = tag.end_tag
        edits = []
        for s, e, replacement in fix.edits:
            if (s, e) == end_tag:  # an edit of the end tag goes to the new end tag
                edits.append(new(Edit, (moved_end[0], moved_end[1], replacement)))
            else:
                edits.append(new(Edit, (s + delta, e + delta, replacement)))
        fix = new(Fix, (tuple(edits), fix[1], fix[2], fix[3]))
    return Finding(finding.rule, finding.message, finding.start + delta, finding.end + delta, finding.severity, fix)
