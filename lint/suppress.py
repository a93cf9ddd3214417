"""Suppressions: comments in the body, ``postlint: {ignore: …}`` in the front matter, and the
config's ``per-file-ignores``. The engine calls ``apply`` once the rules have run.

    <!-- postlint-disable-next-line inline-color -->   the next line
    <!-- postlint-disable-line inline-color -->        the line the comment is on
    <!-- postlint-disable inline-color -->             from here to a postlint-enable (or the end)
    <!-- postlint-enable inline-color -->
    <!-- postlint-disable-file -->                     the whole file, front matter included

Ids are separated by commas or spaces; no id means every rule; text after `--` is a reason.
"Every rule" means the rules, not the problem ids of a broken post (``front-matter-syntax``…),
which are suppressed only by name, as ``select = ["ALL"]`` selects only rules. Comments inside
Markdown code or a literal Liquid block are text, not directives.

Which suppressions suppressed nothing is worked out only when the ``unused-suppression`` rule
is selected; that rule turns the ``Unused`` records into findings.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .problems import PROBLEMS
from .rule import Finding, Rule

if TYPE_CHECKING:
    from .post import Post

UNUSED = "unused-suppression"
KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_DIRECTIVE = re.compile(r"<!--[ \t\r\n]*postlint-([a-z-]*)(.*?)-->", re.S)
_ID = re.compile(r"[^\s,]+")


@dataclass(frozen=True)
class Ref:
    """One rule id as written in a suppression; ``start``/``end`` are its offsets in the post."""

    rule: str
    start: int
    end: int


@dataclass(eq=False)
class Directive:
    kind: str  # disable-next-line, disable-line, disable, enable, disable-file, front-matter
    start: int  # the comment, or the front matter's `ignore` value
    end: int
    refs: tuple[Ref, ...]  # empty: every rule
    used: set[str] = field(default_factory=set)  # ids of the findings it suppressed
    closes: list["Directive"] = field(default_factory=list)  # enable: the disables it ended
    closers: list["Directive"] = field(default_factory=list)  # disable: the enables that ended it
    unmatched: list[Ref] = field(default_factory=list)  # enable: ids with no open disable
    invalid: str | None = None  # front matter that is not `postlint: {ignore: [ids]}`

    @property
    def every_rule(self) -> bool:
        return not self.refs or any(ref.rule == "ALL" for ref in self.refs)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(ref.rule for ref in self.refs)


@dataclass(frozen=True)
class Scope:
    """Findings starting in ``[start, end)`` whose rule is named (or, ``rules`` None, any rule
    but ``excluded``) are suppressed, to the credit of ``owner``."""

    owner: Directive
    start: int
    end: int
    rules: frozenset[str] | None
    excluded: frozenset[str] = frozenset()

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.start < self.end:
            return False
        rule = finding.rule
        if self.rules is not None:
            return rule in self.rules
        if rule in PROBLEMS or rule in self.excluded:
            return False
        # A report about suppressions is silenced only by its name, or by the front matter.
        return rule != UNUSED or self.owner.kind == "front-matter"


@dataclass(frozen=True)
class Unused:
    """A suppression, or some of its ids, that suppressed nothing.

    ``refs`` empty: the whole directive; ``unknown``: ids no rule has; ``removable``: other
    directives (the enables that only close it) that go with it."""

    directive: Directive
    refs: tuple[Ref, ...]
    unknown: frozenset[str]
    removable: tuple[Directive, ...] = ()


def directives(post: Post) -> list[Directive]:
    """The suppressions written in the post: front matter first, then the body's comments."""
    found = []
    fm = post.front_matter
    if fm is not None and "postlint" in fm.data:
        found.append(_front_matter(post))
    text, start = post.text, post.body_start
    # A directive is a comment, `<!--`: the `!` is found at memchr speed, `postlint-` is not.
    if text.find("!", start) < 0 or text.find("postlint-", start) < 0:
        return found
    code = post.mask.code
    code_starts = [s for s, _ in code]
    for m in _DIRECTIVE.finditer(text, start):
        i = bisect_right(code_starts, m.start()) - 1
        if i >= 0 and m.start() < code[i][1]:
            continue
        ids_text = m.group(2).split("--", 1)[0]
        base = m.start(2)
        refs = tuple(Ref(r.group(), base + r.start(), base + r.end()) for r in _ID.finditer(ids_text))
        d = Directive(m.group(1), m.start(), m.end(), refs)
        if d.kind not in KINDS:
            known = ", ".join(f"postlint-{k}" for k in KINDS)
            d.invalid = f"`postlint-{d.kind}` is no directive (known: {known}); it suppresses nothing"
        found.append(d)
    return found


def _front_matter(post: Post) -> Directive:
    fm = post.front_matter
    assert fm is not None
    settings = fm.data["postlint"]
    entry = fm.entry("postlint")
    assert entry is not None
    where = Directive("front-matter", entry.key_start, entry.value_end, ())
    if not isinstance(settings, dict) or set(settings) - {"ignore"} or "ignore" not in settings:
        keys = ", ".join(f"`{k}`" for k in settings) if isinstance(settings, dict) else "no mapping"
        where.invalid = f"front matter `postlint` must be `{{ignore: [RULE, …]}}` (found {keys}); it suppresses nothing"
        return where
    ids = settings["ignore"]
    if isinstance(ids, str):
        ids = _ID.findall(ids)
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        where.invalid = "front matter `postlint: {ignore: …}` must be a rule id or a list of them; it suppresses nothing"
        return where
    value = fm.entry("postlint.ignore")
    assert value is not None
    where.start, where.end = value.value_start, value.value_end
    refs = []
    for rule in ids:
        m = re.search(rf"(?<![\w/-]){re.escape(rule)}(?![\w/-])", post.text[where.start : where.end])
        s = where.start + m.start() if m else where.start
        refs.append(Ref(rule, s, s + len(rule) if m else where.end))
    where.refs = tuple(refs)
    return where


def scopes(post: Post, found: list[Directive]) -> list[Scope]:
    """Where each directive applies. Ranges follow eslint: `disable` opens, `enable` closes;
    `enable x` inside a `disable` of every rule re-enables x alone."""
    text, everything = post.text, len(post.text) + 1
    out: list[Scope] = []
    open_all: tuple[Directive, int, frozenset[str]] | None = None
    open_ids: dict[str, tuple[Directive, int]] = {}
    for d in found:
        if d.invalid:
            continue
        rules = None if d.every_rule else d.ids
        if d.kind in ("disable-file", "front-matter"):
            out.append(Scope(d, 0, everything, rules))
        elif d.kind == "disable-next-line":
            start = text.find("\n", d.end) + 1 or len(text)
            end = text.find("\n", start) + 1 or everything
            out.append(Scope(d, start, end, rules))
        elif d.kind == "disable-line":
            end = text.find("\n", d.end) + 1 or everything
            out.append(Scope(d, text.rfind("\n", 0, d.start) + 1, end, rules))
        elif d.kind == "disable" and rules is None:
            if open_all is not None:
                out.append(Scope(open_all[0], open_all[1], d.start, None, open_all[2]))
            open_all = (d, d.start, frozenset())
        elif d.kind == "disable":
            for rule in rules:
                if rule in open_ids:
                    _close(out, open_ids.pop(rule), rule, d.start)
                open_ids[rule] = (d, d.start)
        elif rules is None:  # enable every rule
            for rule, opened in open_ids.items():
                _close(out, opened, rule, d.start, d)
            if open_all is not None:
                out.append(Scope(open_all[0], open_all[1], d.start, None, open_all[2]))
                _link(open_all[0], d)
            open_all, open_ids = None, {}
        else:  # enable some rules
            for ref in d.refs:
                if ref.rule in open_ids:
                    _close(out, open_ids.pop(ref.rule), ref.rule, d.start, d)
                elif open_all is not None and ref.rule not in open_all[2]:
                    owner, since, excluded = open_all
                    out.append(Scope(owner, since, d.start, None, excluded))
                    open_all = (owner, d.start, excluded | {ref.rule})
                    _link(owner, d)
                else:
                    d.unmatched.append(ref)
    for rule, opened in open_ids.items():
        _close(out, opened, rule, everything)
    if open_all is not None:
        out.append(Scope(open_all[0], open_all[1], everything, None, open_all[2]))
    return out


def _close(out: list[Scope], opened: tuple[Directive, int], rule: str, end: int, by: Directive | None = None) -> None:
    owner, since = opened
    out.append(Scope(owner, since, end, frozenset([rule])))
    if by is not None:
        _link(owner, by)


def _link(disable: Directive, enable: Directive) -> None:
    if enable not in disable.closers:
        disable.closers.append(enable)
    if disable not in enable.closes:
        enable.closes.append(disable)


def apply(
    post: Post,
    findings: list[Finding],
    rules: Sequence[Rule],
    file_ignores: frozenset[str] = frozenset(),
    ignored_problems: Iterable[str] = (),
) -> list[Finding]:
    """The findings no suppression covers, plus unused-suppression findings when that rule is
    among ``rules`` (the rules that ran). ``file_ignores``: the problem ids per-file-ignores
    names for this post (its rules were not run at all)."""
    if file_ignores:
        findings = [f for f in findings if f.rule not in file_ignores]
    found = directives(post)
    if not found:
        return findings
    in_force = scopes(post, found)
    kept = []
    for f in findings:
        covering = [s for s in in_force if s.covers(f)]
        for scope in covering:
            scope.owner.used.add(f.rule)
        if not covering:
            kept.append(f)
    reporter = next((r for r in rules if r.id == UNUSED), None)
    if reporter is None:
        return kept
    ran = {r.id for r in rules} | (set(PROBLEMS) - set(ignored_problems))
    reports = reporter.report(post, unused(found, ran))  # type: ignore[attr-defined]
    kept.extend(f for f in reports if not any(s.covers(f) for s in in_force))
    return kept


def unused(found: list[Directive], ran: set[str]) -> list[Unused]:
    """The suppressions, or ids in them, that suppressed nothing. An id of a rule that did not
    run is not judged: a run with a narrower --select must not call needed comments unused."""
    known = known_ids()
    out = []
    for d in found:
        if d.invalid:
            out.append(Unused(d, (), frozenset()))
            continue
        if d.kind == "enable":
            unmatched = tuple(d.unmatched)
            unknown = frozenset(r.rule for r in unmatched if r.rule not in known)
            if (d.every_rule and not d.closes) or (unmatched and len(unmatched) == len(d.refs)):
                out.append(Unused(d, (), unknown))
            elif unmatched:
                out.append(Unused(d, unmatched, unknown))
            continue
        if d.every_rule:
            if not d.used:
                out.append(Unused(d, (), frozenset(), _closers_of(d)))
            continue
        unknown = frozenset(r.rule for r in d.refs if r.rule not in known)
        idle = tuple(r for r in d.refs if r.rule not in d.used and (r.rule in ran or r.rule in unknown)
                     and r.rule != UNUSED)
        if len(idle) == len(d.refs):
            out.append(Unused(d, (), unknown, _closers_of(d)))
        elif idle:
            out.append(Unused(d, idle, unknown))
    return out


def _closers_of(d: Directive) -> tuple[Directive, ...]:
    """The enables that end ``d`` and nothing else, so removing ``d`` makes them pointless."""
    return tuple(e for e in d.closers if e.closes == [d] and not e.unmatched)


@lru_cache(maxsize=1)
def known_ids() -> frozenset[str]:
    from .registry import Registry

    return frozenset(Registry().ids) | frozenset(PROBLEMS) | {"ALL"}


class PerFileIgnores:
    """``per-file-ignores``: gitignore-style globs, relative to the config file's folder, each
    with the rule ids it turns off for the posts it matches. Paths outside the folder never
    match."""

    def __init__(self, table: dict[str, list[str]], root: Path | None) -> None:
        import pathspec

        self.root = root if root is not None else Path.cwd()
        self.specs = [(pathspec.GitIgnoreSpec.from_lines([pattern]), frozenset(ids)) for pattern, ids in table.items()]
        self.ignored = lru_cache(maxsize=8192)(self._ignored)  # the fixer lints a post up to 12 times

    def _ignored(self, path: str) -> frozenset[str]:
        rel = _relative(path, self.root)
        if rel is None:
            return frozenset()
        out: frozenset[str] = frozenset()
        for spec, ids in self.specs:
            if spec.match_file(rel):
                out |= ids
        return out


def _relative(path: str, root: Path) -> str | None:
    for candidate in (Path(os.path.abspath(path)), Path(path).resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return None


def skipped(rule_id: str, ignores: frozenset[str]) -> bool:
    """Whether per-file-ignores turns ``rule_id`` off (``ALL``: every rule, no problem id)."""
    return rule_id in ignores or "ALL" in ignores
