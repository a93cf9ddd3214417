"""The fixer: how one pass picks and applies edits, the loop to a fixed point, and the guards
that refuse a fix losing words or parsing worse (the post is then left exactly as it was)."""

from __future__ import annotations

import re

import pytest

from postlint import Edit, Finding, Fix, Rule
from postlint.engine import Linter
from postlint.fixer import MAX_PASSES, apply_edits, choose, fix_source
from postlint.rules.empty_paragraph import EmptyParagraph
from postlint.rules.inline_color import InlineColor
from postlint.source import Source


def fix(text: str, rules: list[Rule], unsafe: bool = False, path: str = "post.html"):
    return fix_source(Linter(rules), Source.from_text(text), path, unsafe=unsafe)


def finding(*edits: Edit, applicability: str = "safe", rule: str = "r") -> Finding:
    start, end = min(e.start for e in edits), max(e.end for e in edits)
    return Finding(rule, "m", start, end, "error", Fix(tuple(edits), "t", applicability))


# -- one pass: apply_edits and choose ------------------------------------------------------------

def test_apply_edits_in_any_order_given():
    edits = [Edit(8, 9, "NINE"), Edit(0, 1, ""), Edit(4, 4, "+"), Edit(5, 7, "-")]
    assert apply_edits("012345678", edits) == "123+4-7NINE"


def test_apply_edits_of_nothing_is_the_text():
    assert apply_edits("text", []) == "text"


def test_choose_takes_fixes_in_position_order():
    late, early, middle = finding(Edit(8, 9)), finding(Edit(0, 1)), finding(Edit(4, 5))
    assert choose([late, early, middle], unsafe=False) == [early, middle, late]


def test_choose_skips_a_fix_that_overlaps_an_earlier_one():
    first, overlapping, after = finding(Edit(0, 5)), finding(Edit(3, 8)), finding(Edit(8, 9))
    assert choose([overlapping, after, first], unsafe=False) == [first, after]


def test_touching_deletions_are_both_taken():
    left, right = finding(Edit(0, 3)), finding(Edit(3, 6))
    chosen = choose([right, left], unsafe=False)
    assert chosen == [left, right]
    assert apply_edits("abcdefgh", [e for f in chosen for e in f.fix.edits]) == "gh"


@pytest.mark.parametrize("deletion, insertion", [(Edit(0, 3), Edit(3, 3, "X")), (Edit(3, 6), Edit(3, 3, "X"))])
def test_an_insertion_at_the_boundary_of_another_edit_is_not_taken(deletion, insertion):
    # Which side of the deletion the text would land on is ambiguous: the earlier fix wins.
    a, b = finding(deletion), finding(insertion)
    expected = [a] if deletion.start < 3 else [b]
    assert choose([a, b], unsafe=False) == expected
    assert choose([b, a], unsafe=False) == expected


def test_two_insertions_at_one_place_are_not_both_taken():
    a, b = finding(Edit(2, 2, "A")), finding(Edit(2, 2, "B"))
    assert len(choose([a, b], unsafe=False)) == 1


def test_overlap_is_judged_per_edit_not_by_the_fix_span():
    # An unwrap deletes a start tag and an end tag; a fix between the two is independent of it.
    unwrap = finding(Edit(0, 6), Edit(20, 27))
    inside, clashing = finding(Edit(10, 12)), finding(Edit(25, 30))
    assert choose([clashing, inside, unwrap], unsafe=False) == [unwrap, inside]


def test_unsafe_fixes_only_when_asked_and_findings_without_fix_never():
    safe, unsafe = finding(Edit(0, 1)), finding(Edit(2, 3), applicability="unsafe")
    bare = Finding("r", "m", 4, 5)
    assert choose([safe, unsafe, bare], unsafe=False) == [safe]
    assert choose([safe, unsafe, bare], unsafe=True) == [safe, unsafe]


# -- the loop --------------------------------------------------------------------------------

def test_a_fix_that_makes_another_finding_fixable_is_finished_in_the_same_run():
    # The Tistory spacer with a coloured span in it: the colour goes and the span is unwrapped,
    # which leaves an empty paragraph, which the next pass removes.
    text = '<p>a</p>\n<p><span style="color:red">&nbsp;</span></p>\n<p>b&nbsp;c</p>\n'
    outcome = fix(text, [InlineColor(), EmptyParagraph()])
    assert outcome.refused is None
    assert outcome.text == "<p>a</p>\n<p>b&nbsp;c</p>\n"
    assert dict(outcome.applied) == {"inline-color": 1, "empty-paragraph": 1}
    assert outcome.result.findings == []


class FirstDataX(Rule):
    """Removes ` data-x` attributes, but offers a fix for the first one only (one per pass)."""

    id, summary, fixable = "first-data-x", "data-x", "sometimes"

    def check(self, post):
        for i, m in enumerate(re.finditer(" data-x", post.text)):
            fix = Fix((Edit(m.start(), m.end()),), "remove data-x") if i == 0 else None
            yield self.finding(m.start(), m.end(), "data-x", fix)


@pytest.mark.parametrize("count", [2, MAX_PASSES])
def test_the_loop_runs_until_no_fix_is_left_up_to_the_bound(count):
    outcome = fix("<p" + " data-x" * count + ">words</p>\n", [FirstDataX()])
    assert outcome.refused is None
    assert outcome.text == "<p>words</p>\n"
    assert outcome.applied["first-data-x"] == count


class Toggle(Rule):
    """class="a" -> class="b" -> class="a": a fix that undoes itself on the next pass."""

    id, summary, fixable = "toggle", "toggle", "always"

    def check(self, post):
        for m in re.finditer(r'class="([ab])"', post.text):
            new = 'class="b"' if m.group(1) == "a" else 'class="a"'
            yield self.finding(m.start(), m.end(), "toggle", Fix((Edit(m.start(), m.end(), new),), "toggle"))


class Grow(Rule):
    """Adds an attribute on every pass: never the same text twice, never done."""

    id, summary, fixable = "grow", "grow", "always"

    def check(self, post):
        at = post.text.index("<p") + 2
        yield self.finding(at, at, "grow", Fix((Edit(at, at, " data-g"),), "grow"))


def assert_refused(outcome, original: str, *words: str) -> None:
    assert outcome.refused is not None and outcome.refused.rule == "fix-refused"
    assert outcome.text == original and not outcome.changed
    assert outcome.result.source.text == original  # remaining findings are positioned in the original
    assert outcome.refused in outcome.result.findings
    for word in words:
        assert word in outcome.refused.message


def test_fixes_that_cycle_are_refused_naming_the_rule():
    text = '<p class="a">words</p>\n'
    outcome = fix(text, [Toggle(), EmptyParagraph()])
    assert_refused(outcome, text, "did not converge", "cycle", "toggle")
    assert "empty-paragraph" not in outcome.refused.message
    assert [f.rule for f in outcome.result.findings] == ["fix-refused", "toggle"]


def test_fixes_that_never_converge_are_refused_after_the_bound():
    text = "<p>words</p>\n"
    outcome = fix(text, [Grow()])
    assert_refused(outcome, text, "did not converge", f"{MAX_PASSES} passes", "grow")


def test_one_pass_more_than_the_bound_is_refused():
    text = "<p" + " data-x" * (MAX_PASSES + 1) + ">words</p>\n"
    assert_refused(fix(text, [FirstDataX()]), text, "did not converge", "first-data-x")


# -- the guards ------------------------------------------------------------------------------

class DeleteWord(Rule):
    """Deletes the word `secret`, declaring it (or not) as text the fix removes."""

    id, summary, fixable = "delete-word", "delete a word", "always"
    declare = False

    def check(self, post):
        for m in re.finditer(r"secret ", post.text):
            removes = "secret" if self.declare else ""
            fix = Fix((Edit(m.start(), m.end()),), "delete", removes_text=removes)
            yield self.finding(m.start(), m.end(), "word", fix)


class DeclaredDeleteWord(DeleteWord):
    id = "declared-delete-word"
    declare = True


def test_a_fix_that_deletes_a_visible_word_is_refused():
    text = "<p>keep the secret words</p>\n"
    outcome = fix(text, [DeleteWord()])
    assert_refused(outcome, text, "visible text")


def test_a_declared_removal_is_accepted():
    outcome = fix("<p>keep the secret words</p>\n", [DeclaredDeleteWord()])
    assert outcome.refused is None
    assert outcome.text == "<p>keep the words</p>\n"


def test_a_declared_removal_does_not_cover_another_word():
    # `removes_text` allows exactly what it names: here `secret`, but the fix takes `other` too.
    class Greedy(DeclaredDeleteWord):
        id = "greedy"

        def check(self, post):
            for f in super().check(post):
                f.fix = Fix((Edit(f.start, f.end + len("other ")),), "delete", removes_text="secret")
                yield f

    text = "<p>keep the secret other words</p>\n"
    assert_refused(fix(text, [Greedy()]), text, "visible text")


class FrontMatterEdit(Rule):
    """Replaces `old` with `new` (once: `new` must not contain `old`)."""

    id, summary, fixable = "fm-edit", "edit", "always"
    old, new = "", ""

    def check(self, post):
        at = post.text.find(self.old)
        if at >= 0:
            end = at + len(self.old)
            yield self.finding(at, end, "edit", Fix((Edit(at, end, self.new),), "edit"))


def test_a_fix_that_drops_a_front_matter_value_is_refused():
    class DropTitle(FrontMatterEdit):
        old, new = "title: Words\n", ""

    text = "---\ntitle: Words\nlayout: post\n---\n<p>a</p>\n"
    assert_refused(fix(text, [DropTitle()]), text, "visible text")


def test_a_fix_that_makes_the_front_matter_stop_parsing_is_refused():
    # No value is visible (`draft:` is null), so only the parse guard can catch this.
    class BreakYaml(FrontMatterEdit):
        old, new = "draft:\n", "draft: [\n"

    text = "---\ndraft:\n---\n<p>words</p>\n"
    assert_refused(fix(text, [BreakYaml()]), text, "parse worse")


def test_a_fix_that_adds_a_stray_end_tag_is_refused():
    class Stray(FrontMatterEdit):
        old, new = "</p>\n", "</p></div>\n"

    text = "<p>words</p>\n"
    assert_refused(fix(text, [Stray()]), text, "parse worse")


BROKEN = {
    "yaml-error": "---\ntitle: [unclosed\n---\n<p>a</p>\n<p>&nbsp;</p>\n",
    "html-too-deep": "<p>a</p>\n<p>&nbsp;</p>\n" + "<div>" * 2100 + "deep" + "</div>" * 2100 + "\n",
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_post_that_does_not_parse_is_never_fixed(name):
    text = BROKEN[name]
    outcome = fix(text, [EmptyParagraph()], unsafe=True)
    rules = [f.rule for f in outcome.result.findings]
    # The spacer is found and has a fix: only the broken parse keeps it from being applied.
    spacer = [f for f in outcome.result.findings if f.rule == "empty-paragraph"]
    assert spacer and spacer[0].fix is not None
    assert ("front-matter-syntax" if name == "yaml-error" else "html-too-deep") in rules
    assert outcome.text == text and not outcome.changed and not outcome.applied
    assert outcome.result.fixable is False


def test_a_post_without_applicable_fixes_comes_back_as_it_was():
    text = '<p>&nbsp;<div>kept words</div></p>\n'  # reported, not fixed
    outcome = fix(text, [EmptyParagraph()])
    assert [f.rule for f in outcome.result.findings] == ["empty-paragraph"]
    assert outcome.text == text and outcome.refused is None and not outcome.applied


def test_a_declared_removal_elsewhere_in_the_visible_text_is_accepted():
    # duplicate-excerpt removes the *second* copy; the guard must not insist on the first one
    # (the visible text is "Same words" + "Other" + "Same words": removing the first copy of
    # "Samewords" from that string gives a different order than removing the second).
    from postlint.rules.duplicate_excerpt import DuplicateExcerpt

    text = "---\nexcerpt: Same words\ntitle: Other\nfeature_text: Same words\n---\n<p>Body</p>\n"
    outcome = fix(text, [DuplicateExcerpt()], unsafe=True)
    assert outcome.refused is None
    assert outcome.text == "---\nexcerpt: Same words\ntitle: Other\n---\n<p>Body</p>\n"
