"""Suppressions: comments in the body, `postlint: {ignore: …}` in the front matter,
`per-file-ignores` in the config, and the unused-suppression rule that reports what suppresses
nothing. Positions are (line, column) as reports show them."""

from __future__ import annotations

import pytest

from postlint import suppress
from postlint.cli import main
from postlint.config import Config, ConfigError, load_config
from postlint.engine import Linter, select_rules
from postlint.fixer import fix_source
from postlint.post import Post
from postlint.registry import Registry
from postlint.source import Source

REGISTRY = Registry()
RULES = ["inline-color", "empty-paragraph"]
RED = '<p style="color: red">x</p>'  # inline-color at column 4
EMPTY = "<p>&nbsp;</p>"  # empty-paragraph at column 1
UNUSED = "unused-suppression"


def linter(config: Config | None = None, extend: tuple[str, ...] = (), select=RULES) -> Linter:
    config = config or Config()
    return Linter(select_rules(REGISTRY, config, select, list(extend)), config)


def lint(text: str, path: str = "post.html", **kwargs):
    return linter(**kwargs).lint_bytes(text.encode("utf-8"), path)


def found(text: str, path: str = "post.html", **kwargs) -> list[tuple[str, int, int]]:
    result = lint(text, path, **kwargs)
    return [(f.rule, *result.position(f.start)) for f in result.findings]


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


# -- each form, a rule list vs every rule -----------------------------------------------------

FORMS = [
    ("nothing suppressed",
     lines(RED, EMPTY),
     [("inline-color", 1, 4), ("empty-paragraph", 2, 1)]),
    ("next line, listed rule",
     lines("<!-- postlint-disable-next-line inline-color -->", RED, RED),
     [("inline-color", 3, 4)]),
    ("next line, another rule listed",
     lines("<!-- postlint-disable-next-line empty-paragraph -->", RED),
     [("inline-color", 2, 4)]),
    ("next line, every rule",
     lines("<!-- postlint-disable-next-line -->", '<p style="color: red">&nbsp;</p>', EMPTY),
     [("empty-paragraph", 3, 1)]),
    ("next line, two rules with comma and spaces, and a reason",
     lines("<!-- postlint-disable-next-line inline-color,  empty-paragraph -- imported -->",
           '<p style="color: red">&nbsp;</p>'),
     []),
    ("next line after a comment spanning lines",
     lines("<!--", "  postlint-disable-next-line inline-color", "-->", RED, RED),
     [("inline-color", 5, 4)]),
    ("next line with text before the comment",
     lines(RED + " <!-- postlint-disable-next-line inline-color -->", RED, RED),
     [("inline-color", 1, 4), ("inline-color", 3, 4)]),
    ("same line",
     lines(RED + " <!-- postlint-disable-line inline-color -->", RED),
     [("inline-color", 2, 4)]),
    ("range, listed rule",
     lines(RED, "<!-- postlint-disable inline-color -->", RED, EMPTY, "<!-- postlint-enable inline-color -->", RED),
     [("inline-color", 1, 4), ("empty-paragraph", 4, 1), ("inline-color", 6, 4)]),
    ("range, every rule",
     lines("<!-- postlint-disable -->", RED, EMPTY, "<!-- postlint-enable -->", RED),
     [("inline-color", 5, 4)]),
    ("range starts at the comment, not at its line",
     lines(RED + "<!-- postlint-disable -->" + RED),
     [("inline-color", 1, 4)]),
    ("an unclosed disable runs to the end of the file",
     lines(RED, "<!-- postlint-disable inline-color -->", RED, "", RED),
     [("inline-color", 1, 4)]),
    ("enable one rule inside a disable of every rule",
     lines("<!-- postlint-disable -->", RED, "<!-- postlint-enable inline-color -->", RED, EMPTY),
     [("inline-color", 4, 4)]),
    ("enable every rule ends listed disables",
     lines("<!-- postlint-disable inline-color, empty-paragraph -->", RED, "<!-- postlint-enable -->", RED, EMPTY),
     [("inline-color", 4, 4), ("empty-paragraph", 5, 1)]),
    ("whole file, every rule",
     lines(RED, "<!-- postlint-disable-file -->", EMPTY),
     []),
    ("whole file, listed rule",
     lines(RED, EMPTY, "<!-- postlint-disable-file empty-paragraph -->"),
     [("inline-color", 1, 4)]),
    ("ALL is every rule",
     lines("<!-- postlint-disable-next-line ALL -->", '<p style="color: red">&nbsp;</p>'),
     []),
    ("an ordinary comment is no directive",
     lines("<!-- postlint: disable -->", "<!-- see postlint-disable-file -->", RED),
     [("inline-color", 3, 4)]),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in FORMS], ids=[case[0] for case in FORMS])
def test_comment_forms(text, expected):
    assert found(text) == expected


FRONT_MATTER = [
    ("a list", "postlint: {ignore: [inline-color]}", [("empty-paragraph", 6, 1)]),
    ("one id", "postlint: {ignore: inline-color}", [("empty-paragraph", 6, 1)]),
    ("block style, two ids", "postlint:\n  ignore:\n    - inline-color\n    - empty-paragraph", []),
    ("ALL", "postlint:\n  ignore: ALL", []),
    ("another rule", "postlint: {ignore: [invalid-rel]}", [("inline-color", 5, 4), ("empty-paragraph", 6, 1)]),
]


@pytest.mark.parametrize("yaml, expected", [case[1:] for case in FRONT_MATTER], ids=[case[0] for case in FRONT_MATTER])
def test_front_matter_ignore(yaml, expected):
    text = f"---\ntitle: T\n{yaml}\n---\n{RED}\n{EMPTY}\n"
    shift = yaml.count("\n")
    assert found(text) == [(rule, line + shift, col) for rule, line, col in expected]


def test_file_wide_suppressions_cover_the_front_matter():
    text = "---\nexcerpt: Same words.\nsummary: Same words.\n---\n<p>x</p>\n"
    assert found(text, select=["duplicate-excerpt"]) == [("duplicate-excerpt", 3, 1)]
    assert found(text + "<!-- postlint-disable-file duplicate-excerpt -->\n", select=["duplicate-excerpt"]) == []
    with_key = text.replace("---\n<p>", "postlint: {ignore: duplicate-excerpt}\n---\n<p>")
    assert found(with_key, select=["duplicate-excerpt"]) == []


def test_the_postlint_key_upsets_no_rule():
    text = "---\ntitle: T\nexcerpt: E.\n---\n<p>Hello.</p>\n"
    with_key = text.replace("excerpt: E.\n", "excerpt: E.\npostlint: {ignore: [inline-color]}\n")
    every = {"select": [rule for rule in REGISTRY.ids if rule != UNUSED]}
    assert [(f.rule, f.message) for f in lint(with_key, **every).findings] == \
        [(f.rule, f.message) for f in lint(text, **every).findings]


def test_problem_ids_are_suppressed_only_by_name():
    broken = "---\ntitle: [unclosed\n---\n"
    assert [f[0] for f in found(broken + "<!-- postlint-disable-file -->\n")] == ["front-matter-syntax"]
    assert found(broken + "<!-- postlint-disable-file front-matter-syntax -->\n") == []


# -- where a comment is not a directive -------------------------------------------------------

CODE = [
    ("fenced code", "post.md", lines("```html", "<!-- postlint-disable-file -->", "```", "", RED)),
    ("indented code", "post.md", lines("Text.", "", "    <!-- postlint-disable-file -->", "", RED)),
    ("inline code", "post.md", lines("Write `<!-- postlint-disable-file -->` to turn it off.", "", RED)),
    ("raw Liquid", "post.html", lines("{% raw %}<!-- postlint-disable-file -->{% endraw %}", RED)),
    ("Liquid comment", "post.html", lines("{% comment %}<!-- postlint-disable-file -->{% endcomment %}", RED)),
]


@pytest.mark.parametrize("path, text", [case[1:] for case in CODE], ids=[case[0] for case in CODE])
def test_comments_in_code_are_not_directives(path, text):
    assert [f[0] for f in found(text, path)] == ["inline-color"]
    assert found(text, path, extend=(UNUSED,)) == found(text, path)  # nor reported as unused


def test_a_directive_after_a_fence_still_counts():
    text = lines("```", "<!-- postlint-disable-next-line -->", "```", "<!-- postlint-disable-next-line -->", RED)
    assert found(text, "post.md") == []


# -- CRLF ---------------------------------------------------------------------------------

def test_crlf():
    text = lines("<!-- postlint-disable-next-line inline-color -->", RED, RED,
                 "<!-- postlint-disable -->", EMPTY, "<!-- postlint-enable -->", EMPTY).replace("\n", "\r\n")
    assert found(text) == [("inline-color", 3, 4), ("empty-paragraph", 7, 1)]


def test_crlf_unused_fix_removes_the_line_with_its_crlf():
    text = "<p>a</p>\r\n<!-- postlint-disable-next-line -->\r\n<p>b</p>\r\n"
    result = lint(text, extend=(UNUSED,))
    outcome = fix_source(linter(extend=(UNUSED,)), result.source, "post.html")
    assert outcome.text == "<p>a</p>\r\n<p>b</p>\r\n"


# -- unused suppressions ------------------------------------------------------------------

STALE = lines("<p>Intro.</p>", "", "  <!-- postlint-disable-next-line inline-color -->", "<p>Fixed long ago.</p>", RED)


def test_unused_is_reported_only_when_selected():
    assert found(STALE) == [("inline-color", 5, 4)]
    assert found(STALE, extend=(UNUSED,)) == [(UNUSED, 3, 3), ("inline-color", 5, 4)]


def test_unused_on_the_command_line(tmp_path, capsys):
    post = tmp_path / "post.html"
    post.write_text(STALE, encoding="utf-8")
    assert main([str(post), "--output-format", "concise", "--select", "inline-color"]) == 1
    assert UNUSED not in capsys.readouterr().out
    args = [str(post), "--output-format", "concise", "--select", "inline-color", "--extend-select", UNUSED]
    assert main(args) == 1
    assert f"{post}:3:3: warning {UNUSED} [*]" in capsys.readouterr().out


def test_unused_fix_removes_the_comment_line_and_nothing_else():
    result = lint(STALE, extend=(UNUSED,))
    unused = [f for f in result.findings if f.rule == UNUSED]
    assert unused[0].fix.applicability == "safe"
    outcome = fix_source(linter(extend=(UNUSED,)), result.source, "post.html")
    assert outcome.text == lines("<p>Intro.</p>", "", "<p>Fixed long ago.</p>", '<p>x</p>')
    assert outcome.applied == {UNUSED: 1, "inline-color": 1}


UNUSED_CASES = [
    ("every rule, nothing on the next line",
     lines("<!-- postlint-disable-next-line -->", "<p>x</p>"),
     [(UNUSED, 1, 1)], lines("<p>x</p>")),
    ("one id of two unused: the id is reported and removed",
     lines("<!-- postlint-disable-next-line empty-paragraph, inline-color -->", RED),
     [(UNUSED, 1, 33)], lines("<!-- postlint-disable-next-line inline-color -->", RED)),
    ("the second id unused",
     lines("<!-- postlint-disable-next-line inline-color,empty-paragraph -->", RED),
     [(UNUSED, 1, 46)], lines("<!-- postlint-disable-next-line inline-color -->", RED)),
    ("a used range",
     lines("<!-- postlint-disable inline-color -->", RED, "<!-- postlint-enable inline-color -->"),
     [], None),
    ("an unused range goes with its enable",
     lines("<p>a</p>", "<!-- postlint-disable inline-color -->", "<p>b</p>", "<!-- postlint-enable inline-color -->", "<p>c</p>"),
     [(UNUSED, 2, 1)], lines("<p>a</p>", "<p>b</p>", "<p>c</p>")),
    ("an enable that ends nothing",
     lines("<p>a</p>", "<!-- postlint-enable -->"),
     [(UNUSED, 2, 1)], lines("<p>a</p>")),
    ("an enable of a rule that is not disabled",
     lines("<!-- postlint-disable inline-color -->", RED, "<!-- postlint-enable inline-color, empty-paragraph -->"),
     [(UNUSED, 3, 36)], lines("<!-- postlint-disable inline-color -->", RED, "<!-- postlint-enable inline-color -->")),
    ("an unused whole-file directive, mid-line: only the comment goes",
     lines("<p>a</p> <!-- postlint-disable-file -->"),
     [(UNUSED, 1, 10)], lines("<p>a</p> ")),
    ("a rule that did not run is not judged",
     lines("<!-- postlint-disable-next-line invalid-rel -->", "<p>x</p>"),
     [], None),
    ("a problem id is judged: it always runs",
     lines("<!-- postlint-disable-file front-matter-syntax -->", "<p>x</p>"),
     [(UNUSED, 1, 1)], lines("<p>x</p>")),
    ("only a directive naming unused-suppression silences it",
     lines("<!-- postlint-disable-file unused-suppression -->", "<!-- postlint-disable-next-line -->", "<p>x</p>"),
     [], None),
    ("a directive for every rule does not",
     lines("<!-- postlint-disable -->", "<p>x</p>"),
     [(UNUSED, 1, 1)], lines("<p>x</p>")),
]


@pytest.mark.parametrize("text, expected, fixed", [c[1:] for c in UNUSED_CASES], ids=[c[0] for c in UNUSED_CASES])
def test_unused(text, expected, fixed):
    assert [f for f in found(text, extend=(UNUSED,)) if f[0] != "inline-color"] == expected
    outcome = fix_source(linter(extend=(UNUSED,)), Source.from_text(text), "post.html")
    assert [f.rule for f in outcome.result.findings] == []
    assert outcome.text == (text if fixed is None else fixed)


def test_the_fix_of_an_unused_range_removes_its_enable_in_one_go():
    text = lines("<!-- postlint-disable inline-color -->", "<p>b</p>", "<!-- postlint-enable inline-color -->")
    result = lint(text, extend=(UNUSED,))
    [unused] = result.findings
    assert [text[e.start:e.end] for e in unused.fix.edits] == [
        "<!-- postlint-disable inline-color -->\n", "<!-- postlint-enable inline-color -->\n"]


def test_an_enable_that_also_ends_another_disable_stays():
    text = lines("<!-- postlint-disable inline-color -->", "<!-- postlint-disable empty-paragraph -->", EMPTY,
                 "<!-- postlint-enable -->")
    result = lint(text, extend=(UNUSED,))
    [unused] = result.findings
    assert result.position(unused.start) == (1, 1) and len(unused.fix.edits) == 1


def test_two_unused_ids_of_three_converge_to_the_used_one():
    text = lines("<!-- postlint-disable-next-line empty-paragraph, invalid-rel, inline-color -->", RED)
    fixer = linter(extend=(UNUSED,), select=RULES + ["invalid-rel"])
    assert [f[1:] for f in found(text, extend=(UNUSED,), select=RULES + ["invalid-rel"])] == [(1, 33), (1, 50)]
    assert fix_source(fixer, Source.from_text(text), "post.html").text == \
        lines("<!-- postlint-disable-next-line inline-color -->", RED)


def test_an_id_of_unused_suppression_is_never_judged_itself():
    text = lines("<!-- postlint-disable-next-line unused-suppression -->", "<p>x</p>")
    assert found(text, extend=(UNUSED,)) == []


# -- unknown rule ids -----------------------------------------------------------------------

def test_unknown_ids_are_unused_suppressions_with_an_unsafe_fix():
    text = lines("<!-- postlint-disable-next-line inline-colour -->", RED)
    assert found(text) == [("inline-color", 2, 4)]  # not reported when the rule is off
    result = lint(text, extend=(UNUSED,))
    unused = result.findings[0]
    assert (unused.rule, result.position(unused.start)) == (UNUSED, (1, 1))
    assert "unknown rule id `inline-colour` (did you mean `inline-color`?)" in unused.message
    assert unused.fix.applicability == "unsafe"
    fixer = linter(extend=(UNUSED,))
    assert fix_source(fixer, result.source, "post.html").text == text.replace(RED, "<p>x</p>")
    assert fix_source(fixer, result.source, "post.html", unsafe=True).text == lines("<p>x</p>")


def test_an_unknown_id_next_to_a_used_one_is_pointed_at():
    text = lines("<!-- postlint-disable-next-line inline-color, acme/no-such -->", RED)
    result = lint(text, extend=(UNUSED,))
    [unused] = result.findings
    assert result.position(unused.start) == (1, 47) and text[unused.start:unused.end] == "acme/no-such"
    assert "unknown rule id `acme/no-such`" in unused.message


FRONT_MATTER_UNUSED = [
    ("unused", "postlint: {ignore: [empty-paragraph, inline-color]}", (3, 21), "`empty-paragraph` in"),
    ("unknown", "postlint: {ignore: inline-colour}", (3, 20), "unknown rule id `inline-colour`"),
    ("not a mapping", "postlint: inline-color", (3, 1), "must be `{ignore: [RULE, …]}`"),
    ("a misspelt key", "postlint: {ingore: [inline-color]}", (3, 1), "(found `ingore`)"),
]


def test_a_misspelt_directive_is_reported_without_a_fix():
    text = lines(RED + " <!-- postlint-disable-nextline inline-color -->")
    assert found(text) == [("inline-color", 1, 4)]
    result = lint(text, extend=(UNUSED,))
    unused = result.findings[1]
    assert result.position(unused.start) == (1, 29) and unused.fix is None
    assert "`postlint-disable-nextline` is no directive" in unused.message


@pytest.mark.parametrize("yaml, position, message", [c[1:] for c in FRONT_MATTER_UNUSED],
                         ids=[c[0] for c in FRONT_MATTER_UNUSED])
def test_front_matter_unused_is_reported_without_a_fix(yaml, position, message):
    result = lint(f"---\ntitle: T\n{yaml}\n---\n{RED}\n", extend=(UNUSED,))
    [unused] = [f for f in result.findings if f.rule == UNUSED]
    assert result.position(unused.start) == position and message in unused.message
    assert unused.fix is None


# -- fixes of suppressed findings ------------------------------------------------------------

def test_a_suppressed_finding_is_not_fixed():
    text = lines("<!-- postlint-disable-next-line inline-color -->", RED, RED)
    outcome = fix_source(linter(), Source.from_text(text), "post.html")
    assert outcome.text == lines("<!-- postlint-disable-next-line inline-color -->", RED, "<p>x</p>")
    assert outcome.result.findings == []


# -- per-file-ignores ------------------------------------------------------------------------

@pytest.fixture
def site(tmp_path):
    (tmp_path / "site").mkdir()
    config = tmp_path / "site" / "postlint.toml"
    config.write_text(
        '[per-file-ignores]\n"_posts/2019-*.md" = ["inline-color"]\n"drafts/**" = ["ALL"]\n'
        '"legacy/*.html" = ["encoding-error", "empty-paragraph"]\n',
        encoding="utf-8",
    )
    return tmp_path


PER_FILE = [
    ("_posts/2019-01-01-a.md", ["empty-paragraph"]),
    ("_posts/2020-01-01-a.md", ["inline-color", "empty-paragraph"]),
    ("drafts/deep/er/post.md", []),
    ("other/_posts/2019-01-01-a.md", ["inline-color", "empty-paragraph"]),  # anchored by its slash
    ("legacy/a.html", ["inline-color"]),
]


@pytest.mark.parametrize("rel, expected", PER_FILE)
def test_per_file_ignores(site, monkeypatch, rel, expected):
    config = load_config(site / "site" / "postlint.toml")
    path = site / "site" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(lines(RED, EMPTY), encoding="utf-8")
    assert [f.rule for f in linter(config).lint_file(path).findings] == expected
    monkeypatch.chdir(site / "site")  # a relative path is taken from the current folder
    assert [f.rule for f in linter(config).lint_file(rel).findings] == expected


def test_per_file_ignores_never_match_outside_the_config_folder(site):
    config = load_config(site / "site" / "postlint.toml")
    outside = site / "drafts" / "post.md"
    outside.parent.mkdir()
    outside.write_text(lines(RED), encoding="utf-8")
    assert [f.rule for f in linter(config).lint_file(outside).findings] == ["inline-color"]


def test_per_file_ignores_problem_ids_by_name_only(site):
    config = load_config(site / "site" / "postlint.toml")
    for rel in ("legacy/bad.html", "drafts/bad.html"):
        path = site / "site" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"<p>caf\xe9</p>\n")
    assert linter(config).lint_file(site / "site" / "legacy" / "bad.html").findings == []
    assert [f.rule for f in linter(config).lint_file(site / "site" / "drafts" / "bad.html").findings] == ["encoding-error"]


def test_an_ignored_rule_does_not_run(site):
    config = load_config(site / "site" / "postlint.toml")
    crashing = linter(config)
    for rule in crashing.rules:
        rule.check = None  # calling it would be an internal-error finding
    path = site / "site" / "drafts" / "a.md"
    path.parent.mkdir()
    path.write_text(lines(RED), encoding="utf-8")
    assert crashing.lint_file(path).findings == []


# -- config errors ------------------------------------------------------------------------

CONFIG_ERRORS = [
    ('[per-file-ignores]\n"drafts/**" = ["inline-colour"]\n',
     "per-file-ignores['drafts/**']: unknown rule id 'inline-colour'"),
    ('per-file-ignores = ["drafts/**"]\n', "'per-file-ignores' must be a table of glob = [rule ids]"),
    ('[per-file-ignores]\n"drafts/**" = "ALL"\n', "'per-file-ignores' must be a table of glob = [rule ids]"),
]


@pytest.mark.parametrize("toml, message", CONFIG_ERRORS)
def test_config_errors(tmp_path, capsys, toml, message):
    config = tmp_path / "postlint.toml"
    config.write_text(toml, encoding="utf-8")
    (tmp_path / "post.html").write_text("<p>x</p>\n", encoding="utf-8")
    assert main([str(tmp_path / "post.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(config) in err and message in err


def test_config_error_from_the_api():
    config = Config(per_file_ignores={"*.md": ["nope"]})
    with pytest.raises(ConfigError, match=r"per-file-ignores\['\*\.md'\]: unknown rule id 'nope'"):
        select_rules(REGISTRY, config)


# -- speed: nothing is done for a post without a directive ---------------------------------

def test_no_directive_no_scan():
    post = Post(Source.from_text(lines(RED) * 50), "post.md")
    assert suppress.directives(post) == []
    assert "mask" not in post.__dict__  # the code mask was not even built
