"""Apply fixes: text edits on the original, looped to a fixed point, verified before any write.

A pass applies every applicable fix that does not overlap one already taken, in position order,
then re-lints the new text. The loop ends when no applicable fix is left. Before the result is
accepted it must keep every visible character of the post (front matter values and body text,
whitespace aside) except what a fix declared it removes, and it must parse as well as the
original did. Otherwise the post is left exactly as it was and a finding says why.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import FileResult, Linter
from .html import visible_text
from .post import Post
from .rule import Edit, Finding
from .source import Source

MAX_PASSES = 12


@dataclass
class FixOutcome:
    """What fixing one post did. ``text`` is the fixed text (the original when refused)."""

    original: str
    result: FileResult  # the findings that remain, positioned in ``text``
    applied: Counter = field(default_factory=Counter)  # rule id -> fixes applied
    refused: Finding | None = None

    @property
    def text(self) -> str:
        return self.result.source.text if self.result.source is not None else self.original

    @property
    def changed(self) -> bool:
        return self.text != self.original


def applicable(finding: Finding, unsafe: bool) -> bool:
    fix = finding.fix
    return fix is not None and (fix.applicability == "safe" or unsafe)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order given) to ``text``."""
    out, last = [], 0
    for edit in sorted(edits):
        out.append(text[last : edit.start])
        out.append(edit.replacement)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def choose(findings: list[Finding], unsafe: bool) -> list[Finding]:
    """The applicable fixes of one pass: in position order, none overlapping another."""
    taken: list[Finding] = []
    spans: list[tuple[int, int]] = []
    for finding in sorted((f for f in findings if applicable(f, unsafe)), key=lambda f: f.fix.span):
        edits = finding.fix.edits
        if any(_overlaps(e.start, e.end, s, t) for e in edits for s, t in spans):
            continue
        taken.append(finding)
        spans.extend((e.start, e.end) for e in edits)
    return taken


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    # Touching deletions are independent; an insertion at a boundary of another edit is not.
    return (a < d and c < b) or (a == b and c <= a <= d) or (c == d and a <= c <= b)


def fix_source(linter: Linter, source: Source, path: str, unsafe: bool = False) -> FixOutcome:
    """Fix one decoded post as far as its fixes go; never returns a text that lost content."""
    first = linter.post(source, path)
    findings, fixable = linter.lint_post(first)
    original = FileResult(path, source, findings, fixable)
    if not fixable or not any(applicable(f, unsafe) for f in findings):
        return FixOutcome(source.text, original)
    last = first
    applied: Counter = Counter()
    removed: list[str] = []
    seen = {source.text}
    for _ in range(MAX_PASSES):
        chosen = choose(findings, unsafe)
        if not chosen:
            break
        text = apply_edits(last.text, [e for f in chosen for e in f.fix.edits])
        applied.update(f.rule for f in chosen)
        removed.extend(f.fix.removes_text for f in chosen if f.fix.removes_text)
        if text in seen:
            return _refuse(original, f"fixes did not converge (they cycle): {_rules(chosen)}")
        seen.add(text)
        last = linter.post(Source(text, source.bom), path)
        findings, fixable = linter.lint_post(last)
    else:
        if any(applicable(f, unsafe) for f in findings):
            rules = _rules([f for f in findings if applicable(f, unsafe)])
            return _refuse(original, f"fixes did not converge after {MAX_PASSES} passes: {rules}")
    problem = verify(first, last, removed)
    if problem is not None:
        return _refuse(original, problem)
    return FixOutcome(source.text, FileResult(path, last.source, findings, fixable), applied)


def _rules(findings: list[Finding]) -> str:
    return ", ".join(sorted({f.rule for f in findings}))


def not_written(linter: Linter, source: Source, path: str, why: str) -> FixOutcome:
    """The outcome for a post whose fixes could not be written: its original findings + why."""
    findings, fixable = linter.lint_source(source, path)
    return _refuse(FileResult(path, source, findings, fixable), why, "write-error")


def _refuse(original: FileResult, why: str, rule: str = "fix-refused") -> FixOutcome:
    finding = Finding(rule, f"not fixed: {why}; the file is left as it was", 0, 0, "error")
    findings = sorted([*original.findings, finding], key=lambda f: (f.start, f.end, f.rule))
    result = FileResult(original.path, original.source, findings, original.fixable)
    return FixOutcome(original.source.text, result, refused=finding)


# -- the guards -------------------------------------------------------------------------------

def visible(post: Post) -> str:
    """Every character a reader sees, whitespace removed: front matter values, then body text."""
    parts: list[str] = []
    fm = post.front_matter
    if fm is not None:
        _scalars(fm.data, parts)
    root = post.html.root
    if root is not None:
        parts.append(visible_text(root))
    return "".join("".join(parts).split())


def _scalars(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        for v in value.values():
            _scalars(v, out)
    elif isinstance(value, list):
        for v in value:
            _scalars(v, out)
    elif value is not None:
        out.append(str(value))


def _is_deletion(old: str, removed: list[str], new: str) -> bool:
    """Whether deleting one occurrence of each of ``removed`` from ``old`` gives ``new``.

    Which occurrence is not known (a duplicate field removes the *second* copy of a text), so
    each is tried where ``old`` and ``new`` still agree; no state is tried twice."""
    if len(old) - sum(map(len, removed)) != len(new):
        return False
    seen: set[tuple[int, tuple[str, ...]]] = set()

    def search(i: int, j: int, left: tuple[str, ...]) -> bool:  # old[:i] minus the others == new[:j]
        while left:
            if (i, left) in seen:
                return False
            seen.add((i, left))
            for k, text in enumerate(left):
                if text in left[:k] or not old.startswith(text, i):
                    continue
                if search(i + len(text), j, left[:k] + left[k + 1 :]):
                    return True
            if i == len(old) or j == len(new) or old[i] != new[j]:
                return False
            i, j = i + 1, j + 1
        return old[i:] == new[j:]

    return search(0, 0, tuple(sorted(text for text in removed if text)))


def parse_problems(post: Post) -> tuple[bool, bool, int]:
    fm = post.front_matter
    return (fm is not None and fm.error is not None, post.html.too_deep is not None, len(post.html.stray_end_tags))


def verify(old: Post, new: Post, removed: list[str]) -> str | None:
    """Why the fixed post must not be written, or None when it keeps the original whole.

    Both posts are the ones the fix loop linted: their parses are reused, not redone."""
    if not _is_deletion(visible(old), ["".join(text.split()) for text in removed], visible(new)):
        return "a fix would change the visible text"
    old_problems, new_problems = parse_problems(old), parse_problems(new)
    if (new_problems[0] and not old_problems[0]) or (new_problems[1] and not old_problems[1]) or new_problems[2] > old_problems[2]:
        return "a fix would make the post parse worse than before"
    return None


# -- writing ------------------------------------------------------------------------------

def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: a temp file in the same folder, renamed over it, mode kept.
    A symlink stays a link: the file it points to is the one replaced."""
    path = Path(os.path.realpath(path))
    mode = os.stat(path).st_mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".postlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def writable(path: Path) -> bool:
    """Whether the user lets us write ``path``: its mode bits, even for root."""
    return bool(os.stat(path).st_mode & 0o222)
