"""Suppression comments and front matter ignores that suppress nothing."""

from __future__ import annotations

import difflib
from typing import Iterator

from postlint import Edit, Finding, Fix, Rule
from postlint.edits import remove_block
from postlint.suppress import Directive, Ref, Unused, known_ids


class UnusedSuppression(Rule):
    """Suppression comments and front matter ignores that suppress nothing.

    ## What it does
    Flags a `<!-- postlint-disable… -->` comment, or a front matter `postlint: {ignore: […]}`,
    that suppressed no finding in this run; a rule id in one that suppressed nothing while
    the others did; a rule id that no rule has (a typo: `inline-colour`); a
    `<!-- postlint-enable -->` that ends no `postlint-disable`; a misspelt directive
    (`postlint-disable-nextline`); and a front matter `postlint` that is not `{ignore: […]}`.
    The finding points at the comment, or at the id when only some ids are unused.

    A rule id whose rule did not run (not selected) is not judged, so a run with a narrower
    `--select` never calls a needed comment unused. A comment without ids (every rule) is judged
    by the rules that ran: check with your usual selection.

    This rule is off by default: `--extend-select unused-suppression`. Its findings depend on
    what the other rules found, so the engine makes them after every rule has run and the
    suppressions have been applied, and only when this rule is selected; `check` itself
    reports nothing. Only a suppression that names `unused-suppression` (or the front matter
    or `per-file-ignores`) silences it; `<!-- postlint-disable -->` alone does not. An id
    `unused-suppression` in a suppression is never itself reported.

    ## Why
    A suppression outlives the problem it was written for: the colour is gone, the comment
    stays, and it will hide the next real problem on that line. Typos in rule ids suppress
    nothing at all, silently.

    ## Bad
    ```html
    <!-- postlint-disable-next-line -->
    <p>Nothing on this line is flagged.</p>
    ```

    ## Good
    ```html
    <!-- postlint-disable-next-line empty-paragraph -->
    <p>&nbsp;</p>
    ```

    ## Fix safety
    Safe: the fix deletes the comment (its whole line when it stands alone on it), together
    with the `postlint-enable` that only closed it, or removes the unused id from the comment's
    list. Comments are not visible text, and what they suppressed was nothing. Unsafe when the
    comment names an unknown id: a typo is better corrected than deleted. Front matter ignores
    and misspelt directives are reported but not fixed.

    ## Options
    None.
"""

    id = "unused-suppression"
    summary = "Suppression comment or front matter ignore that suppresses nothing"
    fixable = "sometimes"
    severity = "warning"
    default_enabled = False

    def check(self, post):
        return iter(())

    def report(self, post, unused: list[Unused]) -> Iterator[Finding]:
        """Findings for what ``postlint.suppress`` found unused; called by the engine."""
        for u in unused:
            d = u.directive
            if d.invalid:
                yield self.finding(d.start, d.end, d.invalid)
                continue
            comment = d.kind != "front-matter"
            applicability = "unsafe" if u.unknown else "safe"
            if not u.refs:
                fix = None
                if comment:
                    edits = tuple(remove_block(post.text, x.start, x.end) for x in (d, *u.removable))
                    fix = Fix(edits, "Remove the unused suppression", applicability)
                yield self.finding(d.start, d.end, _whole(d, u.unknown), fix)
                continue
            for ref in u.refs:
                fix = None
                if comment:
                    fix = Fix((_drop(d, ref),), f"Remove `{ref.rule}` from the suppression", applicability)
                yield self.finding(ref.start, ref.end, _one(d, ref, ref.rule in u.unknown), fix)


def _name(d: Directive) -> str:
    return "`postlint: {ignore: …}`" if d.kind == "front-matter" else f"`postlint-{d.kind}`"


def _whole(d: Directive, unknown: frozenset[str]) -> str:
    if d.kind == "enable":
        message = "unused suppression: this `postlint-enable` ends no `postlint-disable`"
    else:
        ids = ", ".join(ref.rule for ref in d.refs) or "every rule"
        message = f"unused suppression: {_name(d)} ({ids}) suppresses nothing"
    return message + (f"; {_unknown(sorted(unknown))}" if unknown else "")


def _one(d: Directive, ref: Ref, unknown: bool) -> str:
    if unknown:
        return f"unused suppression in {_name(d)}: {_unknown([ref.rule])}"
    if d.kind == "enable":
        return f"unused suppression: no `postlint-disable` of `{ref.rule}` is open here"
    return f"unused suppression: `{ref.rule}` in {_name(d)} suppresses nothing"


def _unknown(ids: list[str]) -> str:
    parts = []
    for rule in ids:
        close = difflib.get_close_matches(rule, known_ids(), n=1)
        parts.append(f"`{rule}`" + (f" (did you mean `{close[0]}`?)" if close else ""))
    return ("unknown rule id " if len(ids) == 1 else "unknown rule ids ") + ", ".join(parts)


def _drop(d: Directive, ref: Ref) -> Edit:
    """Delete ``ref`` from the comment's list with the separator that joins it to a neighbour."""
    i = d.refs.index(ref)
    if i > 0:
        return Edit(d.refs[i - 1].end, ref.end, "")
    return Edit(ref.start, d.refs[1].start, "")
