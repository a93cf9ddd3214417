"""What a rule is and what it reports: Rule, Finding, Fix, Edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterator, Literal, NamedTuple

if TYPE_CHECKING:
    from .post import Post

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
Fixable = Literal["never", "sometimes", "always"]
Applicability = Literal["safe", "unsafe"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` of the original post with ``replacement``."""

    start: int
    end: int
    replacement: str = ""


class Fix(NamedTuple):
    """The edits that resolve one finding, applied together or not at all.

    Immutable, and a tuple rather than a frozen dataclass: a frozen dataclass sets each field
    through ``object.__setattr__``, 4x slower to make, and finding-heavy posts make dozens."""

    edits: tuple[Edit, ...]
    title: str
    applicability: Applicability = "safe"
    # Text a fix is allowed to remove from the visible text of the post (whitespace folded),
    # e.g. the `&nbsp;` of an empty paragraph. Anything else lost makes the fixer refuse.
    removes_text: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


@dataclass(slots=True)
class Finding:
    rule: str
    message: str
    start: int
    end: int
    severity: Severity = "error"
    fix: Fix | None = None


class Rule:
    """Base class of every rule, built-in or from a plugin.

    A subclass sets ``id``, ``summary``, ``fixable``, ``severity``, optionally ``Options`` (a
    frozen dataclass of defaults) and ``default_enabled``, and implements ``check``. Its
    docstring has the sections What it does / Why / Bad / Good / Fix safety / Options.
    """

    id: ClassVar[str]
    summary: ClassVar[str]
    fixable: ClassVar[Fixable] = "never"
    severity: ClassVar[Severity] = "error"
    default_enabled: ClassVar[bool] = True

    @dataclass(frozen=True)
    class Options:
        pass

    def __init__(self, options: "Rule.Options | None" = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        if severity is not None:
            self.severity = severity  # type: ignore[misc]

    def check(self, post: "Post") -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(self.id, message, start, end, severity or self.severity, fix)
