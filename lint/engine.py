"""Lint one post: read it once, build the Post once, run every selected rule on it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from typing import Iterable

from . import suppress
from .config import Config, ConfigError, rule_options
from .html import DEPTH_LIMIT
from .mask import Mask
from .post import Post
from .problems import PROBLEMS
from .registry import Registry
from .rule import Edit, Finding, Fix, Rule
from .site import DEFAULT_STATIC_DIRS, Site
from .source import DecodeProblem, Source


@dataclass
class FileResult:
    """The findings of one file; ``source`` is None when the file could not be decoded."""

    path: str
    source: Source | None
    findings: list[Finding] = field(default_factory=list)
    # False when postlint must not rewrite the post (it did not read all of it).
    fixable: bool = True

    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(offset) if self.source is not None else (1, 1)

    # With --jobs, results cross processes as plain tuples, strings and numbers, which pickle
    # entirely in C. Pickled as objects, each Finding, Fix and Edit cost a Python-level call on
    # each side: per post of 38 findings, 108 us to pickle in the worker and 44 to unpickle.
    def to_wire(self) -> tuple:
        source = self.source
        return (
            self.path,
            None if source is None else (source.text, source.bom),
            [(f.rule, f.message, f.start, f.end, f.severity,
              None if (fix := f.fix) is None else (tuple(map(tuple, fix.edits)), fix.title, fix.applicability, fix.removes_text))
             for f in self.findings],
            self.fixable,
        )

    @classmethod
    def from_wire(cls, wire: tuple) -> "FileResult":
        path, source, wired, fixable = wire
        new = tuple.__new__  # Fix(...) and Edit(...) run a Python-level __new__
        findings = []
        for rule, message, start, end, severity, fix in wired:
            if fix is not None:
                fix = new(Fix, (tuple(map(_EDIT, fix[0])), fix[1], fix[2], fix[3]))
            findings.append(Finding(rule, message, start, end, severity, fix))
        return cls(path, None if source is None else Source(*source), findings, fixable)


_EDIT = partial(tuple.__new__, Edit)


def select_rules(
    registry: Registry,
    config: Config,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> list[Rule]:
    """Instantiate the rules a run uses. ``ALL`` selects every rule. Unknown ids are errors."""
    known = set(registry.ids)
    where = str(config.path) if config.path else "command line"

    def check_ids(ids: Iterable[str], origin: str) -> None:
        for rule_id in ids:
            if rule_id != "ALL" and rule_id not in known and rule_id not in PROBLEMS:
                raise ConfigError(f"{origin}: unknown rule id {rule_id!r} (see `postlint rules`)")

    for rule_id in config.rules:
        if rule_id not in known:
            raise ConfigError(f"{where}: {_table(rule_id)}: unknown rule id {rule_id!r} (see `postlint rules`)")
    check_ids(config.select or [], f"{where}: select")
    check_ids(config.extend_select, f"{where}: extend-select")
    check_ids(config.ignore, f"{where}: ignore")
    check_ids(config.extend_safe_fixes, f"{where}: extend-safe-fixes")
    check_ids(config.extend_unsafe_fixes, f"{where}: extend-unsafe-fixes")
    check_ids(select or [], "--select")
    check_ids(extend_select or [], "--extend-select")
    check_ids(ignore or [], "--ignore")
    for pattern, ids in config.per_file_ignores.items():
        check_ids(ids, f"{where}: per-file-ignores[{pattern!r}]")

    chosen_select = select if select is not None else config.select
    if chosen_select is None:
        classes = registry.load_all()
        wanted = {rule_id for rule_id, cls in classes.items() if cls.default_enabled}
    elif "ALL" in chosen_select:
        wanted = set(known)
    else:
        wanted = set(chosen_select) & known
    wanted |= set(config.extend_select + (extend_select or [])) & known
    wanted |= known if "ALL" in config.extend_select + (extend_select or []) else set()
    wanted -= set(config.ignore + (ignore or []))

    rules = []
    for rule_id in sorted(wanted):
        cls = registry.load(rule_id)
        options, severity = rule_options(cls, config.rules.get(rule_id, {}), f"{where}: {_table(rule_id)}")
        rules.append(cls(options, severity))
    return rules


def _table(rule_id: str) -> str:
    """The config table of a rule as the user writes it: a namespaced id needs quotes in TOML."""
    return f"[rules.{rule_id}]" if "/" not in rule_id else f'[rules."{rule_id}"]'


_POSITION = attrgetter("start", "end", "rule")  # how findings are ordered; attrgetter runs in C


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, read with plain system calls: ``open()`` builds a buffered file
    object per file, 3 us of a post (7.3 -> 4.5 us a post over the bench's posts)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = [os.read(fd, 1 << 16)]
        while chunks[-1]:  # until a read at the end gives nothing: a pipe may return less
            chunks.append(os.read(fd, 1 << 20))
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 2 else b"".join(chunks)


class Linter:
    """Runs a fixed set of rules over posts. Holds no state between posts but caches of the site."""

    def __init__(self, rules: list[Rule], config: Config | None = None, site: Site | None = None) -> None:
        self.rules = rules
        self.config = config or Config()
        self.ignored_problems = set(self.config.ignore)
        self._markdown_extensions = tuple(self.config.markdown_extensions)
        self.applicability = {rule: "unsafe" for rule in self.config.extend_unsafe_fixes}
        self.applicability.update({rule: "safe" for rule in self.config.extend_safe_fixes})
        if site is None:
            static = tuple(self.config.static_dirs or DEFAULT_STATIC_DIRS)
            site = Site(self.config.site_root or self.config.root, static)
        self.site = site
        table = self.config.per_file_ignores
        self.per_file_ignores = suppress.PerFileIgnores(table, self.config.root) if table else None

    def post(self, source: Source, path: str) -> Post:
        return Post(source, path, self.site, self._markdown_extensions)

    def lint_source(self, source: Source, path: str) -> tuple[list[Finding], bool]:
        """Findings of one decoded post, sorted by position, and whether it may be fixed."""
        return self.lint_post(self.post(source, path))

    def lint_post(self, post: Post) -> tuple[list[Finding], bool]:
        """``lint_source`` for a Post already made (the fixer keeps it for its checks)."""
        path = post.path
        findings: list[Finding] = []
        fixable = True
        fm = post.front_matter
        if fm is not None and fm.error is not None:
            message, offset = fm.error
            findings.append(Finding("front-matter-syntax", message, offset, offset, "error"))
            fixable = False
        # A rule that per-file-ignores turns off for this post does not run at all.
        ignores = self.per_file_ignores.ignored(path) if self.per_file_ignores else frozenset()
        rules = [r for r in self.rules if not suppress.skipped(r.id, ignores)] if ignores else self.rules
        for rule in rules:
            try:
                findings.extend(rule.check(post))
            except Exception as exc:  # one broken rule must not hide the others
                findings.append(Finding(
                    "internal-error", f"rule {rule.id} crashed: {type(exc).__name__}: {exc}", 0, 0, "error"
                ))
                fixable = False
        # The body is parsed only when a selected rule reads it (promise 3); a cut tree matters
        # only then, since no text edit of the front matter touches the body.
        if post.html_parsed and (tag := post.html.too_deep) is not None:
            findings.append(Finding(
                "html-too-deep",
                f"HTML nests deeper than {DEPTH_LIMIT} elements; content below is not checked, and the post is not fixed",
                tag.start, tag.end, "error",
            ))
            fixable = False
        if self.ignored_problems:
            findings = [f for f in findings if f.rule not in self.ignored_problems]
        body_start = post.body_start
        if any(f.start >= body_start for f in findings):
            masked = post.mask
            if masked.code or masked.liquid:
                findings = _outside_mask(findings, masked)
        findings = suppress.apply(post, findings, rules, ignores, self.ignored_problems)
        if self.applicability:
            for f in findings:
                wanted = self.applicability.get(f.rule)
                if f.fix is not None and wanted is not None and f.fix.applicability != wanted:
                    f.fix = f.fix._replace(applicability=wanted)
        findings.sort(key=_POSITION)
        return findings, fixable

    def decode(self, raw: bytes, path: str) -> Source | FileResult:
        """The decoded post, or the result that says why it is not a text post."""
        try:
            return Source.from_bytes(raw)
        except DecodeProblem as problem:
            lenient = Source.from_text(raw.decode("utf-8", "replace"))
            finding = Finding(problem.rule, problem.message, problem.offset, problem.offset, "error")
            return FileResult(path, lenient, self._keep([finding], path), fixable=False)

    def read(self, path: str | os.PathLike[str]) -> Source | FileResult:
        """Read and decode one file, or the result that says why it cannot be linted."""
        try:
            raw = read_bytes(path)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            finding = Finding("read-error", f"cannot read file: {reason}", 0, 0, "error")
            return FileResult(str(path), None, self._keep([finding], str(path)), fixable=False)
        return self.decode(raw, str(path))

    def lint_bytes(self, raw: bytes, path: str) -> FileResult:
        source = self.decode(raw, path)
        if isinstance(source, FileResult):
            return source
        findings, fixable = self.lint_source(source, path)
        return FileResult(path, source, findings, fixable)

    def lint_file(self, path: str | os.PathLike[str]) -> FileResult:
        source = self.read(path)
        if isinstance(source, FileResult):
            return source
        findings, fixable = self.lint_source(source, str(path))
        return FileResult(str(path), source, findings, fixable)

    def _keep(self, findings: list[Finding], path: str) -> list[Finding]:
        ignored = self.ignored_problems
        if self.per_file_ignores is not None:
            ignored = ignored | self.per_file_ignores.ignored(path)
        return [f for f in findings if f.rule not in ignored]


def _outside_mask(findings: list[Finding], masked: Mask) -> list[Finding]:
    """No finding inside code or a literal Liquid block, no edit inside any masked region.

    Rules never see masked text; this holds the promise for every rule, a plugin's too."""
    code = masked.code
    regions = masked.regions()
    kept = []
    for f in findings:
        if any(s <= f.start < e for s, e in code):
            continue
        if f.fix is not None and any(
            edit.start < e and s < edit.end for edit in f.fix.edits for s, e in regions
        ):
            f.fix = None
        kept.append(f)
    return kept


# -- worker processes (--jobs): each builds its Linter once, then lints the paths it is given --

_WORKER: Linter | None = None


def worker_init(rules: list[Rule], config: Config, ignored_problems: set[str]) -> None:
    global _WORKER
    _WORKER = Linter(rules, config)
    _WORKER.ignored_problems = set(ignored_problems)


def worker_lint(path: str) -> tuple:
    """The result of one path, in its wire form (``FileResult.to_wire``)."""
    assert _WORKER is not None
    return _WORKER.lint_file(path).to_wire()
