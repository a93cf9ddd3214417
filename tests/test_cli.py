"""The command line: exit codes, selection, output formats, errors, config and file discovery.

Most tests call ``postlint.cli.main`` in-process; a few run ``python -m postlint`` to prove
the module entry point works as installed.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.config import find_config

RULES = ("duplicate-excerpt", "empty-paragraph", "image-url", "inline-color", "invalid-rel")
CLEAN = "---\ntitle: Clean\n---\n<p>Hello.</p>\n"
# One finding each of empty-paragraph (4:1), inline-color (5:9) and invalid-rel (6:22).
DIRTY = (
    "---\ntitle: Dirty\n---\n"
    "<p>&nbsp;</p>\n"
    '<p>A <b style="color: red">red</b> word.</p>\n'
    '<p><a href="/x" rel="dofollow">x</a></p>\n'
)
HOTLINKED = "---\ntitle: News\nimage: https://cdn.example.com/a.png\n---\n<p>x</p>\n"
ANSI = re.compile(r"\x1b\[")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> list[dict]:
        return json.loads(self.out)

    def rules(self) -> list[str]:
        return [f["rule"] for f in self.json()]


@pytest.fixture
def cli(capsys):
    def run(*argv: str) -> Run:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


@pytest.fixture
def site(tmp_path):
    """A folder without any config file above it (the tests put their own in)."""
    found = find_config(tmp_path)
    if found is not None:
        pytest.skip(f"a config file above the test folder would leak into the tests: {found}")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- exit codes ------------------------------------------------------------------------------


def test_exit_0_when_clean(cli, site):
    run = cli(str(write(site / "a.md", CLEAN)))
    assert run.code == 0
    assert "All clear: 1 file checked" in run.out
    assert run.err == ""


def test_exit_1_with_findings(cli, site):
    run = cli(str(write(site / "a.md", DIRTY)))
    assert run.code == 1
    assert "Found 3 findings" in run.out


def test_exit_2_on_usage_error(cli, site):
    assert cli("--no-such-option").code == 2


def test_exit_zero_reports_but_exits_0(cli, site):
    run = cli("--exit-zero", "--output-format", "json", str(write(site / "a.md", DIRTY)))
    assert run.code == 0
    assert run.rules() == ["empty-paragraph", "inline-color", "invalid-rel"]


def test_default_path_is_the_current_folder(cli, site, monkeypatch):
    write(site / "posts" / "a.md", DIRTY)
    monkeypatch.chdir(site)
    run = cli("--output-format", "json")
    assert run.code == 1
    assert {f["path"] for f in run.json()} == {str(Path("posts") / "a.md")}


@pytest.mark.parametrize("given", ["posts", "./posts", "posts/", "posts//", "./posts/./"])
def test_a_walked_file_is_shown_under_the_folder_as_given_and_linted_once(cli, site, monkeypatch, given):
    write(site / "posts" / "a.md", DIRTY)
    monkeypatch.chdir(site)
    once = cli("--output-format", "json", given).json()
    assert {f["path"] for f in once} == {str(Path("posts") / "a.md")}
    # The same file named again (as pre-commit would) is not linted twice.
    assert len(cli("--output-format", "json", given, str(Path("posts") / "a.md")).json()) == len(once)


# -- selection -------------------------------------------------------------------------------


def test_select_only_these_rules(cli, site):
    post = str(write(site / "a.md", DIRTY))
    assert cli("--select", "empty-paragraph", "--output-format", "json", post).rules() == ["empty-paragraph"]
    both = cli("--select", "invalid-rel,empty-paragraph", "--output-format", "json", post)
    assert both.rules() == ["empty-paragraph", "invalid-rel"]


def test_ignore_these_rules(cli, site):
    run = cli("--ignore", "inline-color", "--output-format", "json", str(write(site / "a.md", DIRTY)))
    assert run.rules() == ["empty-paragraph", "invalid-rel"]


def test_select_with_no_matching_finding_is_clean(cli, site):
    assert cli("--select", "image-url", str(write(site / "a.md", DIRTY))).code == 0


def test_problems_with_the_post_itself_are_reported_whatever_is_selected(cli, site):
    post = write(site / "a.md", "---\ntitle: a: b\n---\n<p>x</p>\n")
    run = cli("--select", "invalid-rel", "--output-format", "json", str(post))
    assert (run.code, run.rules()) == (1, ["front-matter-syntax"])


def test_problem_ids_can_be_ignored_on_the_command_line_as_in_the_config(cli, site):
    post = str(write(site / "a.md", "---\ntitle: a: b\n---\n<p>x</p>\n"))
    assert cli("--ignore", "front-matter-syntax", post).code == 0
    write(site / "postlint.toml", 'ignore = ["front-matter-syntax"]\n')
    assert cli(post).code == 0


# -- output ----------------------------------------------------------------------------------


def test_json_output(cli, site):
    post = write(site / "a.md", DIRTY)
    run = cli("--output-format", "json", str(post))
    findings = run.json()
    for f in findings:
        assert {"path", "line", "column", "end_line", "end_column", "rule", "message", "severity", "fixable"} <= set(f)
        assert f["path"] == str(post)
        assert isinstance(f["fixable"], bool)
        assert f["severity"] in ("error", "warning", "info")
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [
        ("empty-paragraph", 4, 1), ("inline-color", 5, 9), ("invalid-rel", 6, 22),
    ]
    color = findings[1]
    line = DIRTY.splitlines()[color["line"] - 1]
    assert (color["end_line"], line[color["column"] - 1 : color["end_column"] - 1]) == (5, 'style="color: red"')


def test_json_output_when_clean_is_an_empty_list(cli, site):
    run = cli("--output-format", "json", str(write(site / "a.md", CLEAN)))
    assert (run.code, run.json()) == (0, [])


def test_concise_output_is_one_line_per_finding(cli, site):
    post = write(site / "a.md", DIRTY)
    lines = cli("--output-format", "concise", "--quiet", str(post)).out.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{post}:4:1", f"{post}:5:9", f"{post}:6:22"]


def test_full_output_shows_position_rule_and_a_caret_under_the_column(cli, site):
    post = write(site / "a.md", DIRTY)
    out = cli(str(post)).out
    assert str(post) in out
    assert "5:9" in out and "inline-color" in out
    source_line = next(line for line in out.splitlines() if '<b style="color: red">' in line)
    caret_line = out.splitlines()[out.splitlines().index(source_line) + 1]
    assert caret_line.index("^") == source_line.index('style="color')


def test_statistics_counts_findings_per_rule(cli, site):
    write(site / "a.md", DIRTY)
    write(site / "b.md", DIRTY)
    out = cli("--statistics", "--output-format", "concise", str(site)).out
    rows = {rule: int(n) for n, rule in re.findall(r"^\s*(\d+)\s+([a-z-]+)", out, re.M)}
    assert rows == {"empty-paragraph": 2, "inline-color": 2, "invalid-rel": 2}


def test_quiet_drops_the_summary_not_the_findings(cli, site):
    post = str(write(site / "a.md", DIRTY))
    loud = cli("--output-format", "concise", post).out
    quiet = cli("--output-format", "concise", "--quiet", post).out
    assert "Found 3 findings" in loud
    assert "Found" not in quiet
    assert quiet.count("\n") == 3


def test_quiet_and_clean_prints_nothing(cli, site):
    assert cli("--quiet", str(write(site / "a.md", CLEAN))).out.strip() == ""


def test_no_color_when_not_a_terminal(cli, site, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    run = cli(str(write(site / "a.md", DIRTY)))
    assert "inline-color" in run.out
    assert not ANSI.search(run.out)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _on_a_terminal(monkeypatch, *argv: str) -> str:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main(list(argv))
    return terminal.getvalue()


def test_colour_on_a_terminal_and_no_color_turns_it_off(site, monkeypatch):
    post = str(write(site / "a.md", DIRTY))
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert ANSI.search(_on_a_terminal(monkeypatch, post))  # the check below can fail
    monkeypatch.setenv("NO_COLOR", "1")
    out = _on_a_terminal(monkeypatch, post)
    assert "inline-color" in out
    assert not ANSI.search(out)
    assert not ANSI.search(_on_a_terminal(monkeypatch, "rule", "empty-paragraph"))
    assert not ANSI.search(_on_a_terminal(monkeypatch, "rules"))


# -- rules and rule --------------------------------------------------------------------------


def test_rules_lists_every_rule(cli):
    run = cli("rules")
    assert run.code == 0
    listed = {line.split()[0] for line in run.out.splitlines()[1:] if line.strip()}
    assert set(RULES) <= listed
    for rule_id in RULES:
        line = next(line for line in run.out.splitlines() if line.startswith(rule_id + " "))
        assert len(line.split()) > 4  # default, fix, severity and a summary


def test_rule_prints_its_documentation(cli):
    run = cli("rule", "empty-paragraph")
    assert run.code == 0
    assert run.out.startswith("# empty-paragraph")
    for section in ("What it does", "Why", "Bad", "Good", "Fix safety", "Options"):
        assert f"## {section}" in run.out
    assert "&nbsp;" in run.out


def test_rule_explains_a_problem_id_too(cli):
    run = cli("rule", "encoding-error")
    assert run.code == 0
    assert "UTF-8" in run.out


# -- bad invocations: exit 2 and exactly one line on stderr ---------------------------------

BAD_CONFIGS = {
    "unknown-key": "colour = true\n",
    "unknown-rule-table": "[rules.no-such-rule]\nseverity = 'error'\n",
    "unknown-rule-option": "[rules.image-url]\nallowed-host = ['a.example']\n",
    "bad-option-type": "[rules.image-url]\nallowed-hosts = 'a.example'\n",
    "bad-severity": "[rules.image-url]\nseverity = 'fatal'\n",
    "bad-top-level-type": "select = 'empty-paragraph'\n",
    "unknown-id-in-select": "select = ['no-such-rule']\n",
    "bad-toml": "select = [\n",
}


@pytest.mark.parametrize("config", BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_invalid_config_exits_2_with_one_line(cli, site, config):
    write(site / "postlint.toml", config)
    run = cli(str(write(site / "a.md", CLEAN)))
    assert run.code == 2
    assert run.out == ""
    assert len(run.err.splitlines()) == 1
    assert run.err.startswith("postlint: error: ")
    assert str(site / "postlint.toml") in run.err  # it says which file
    assert "Traceback" not in run.err


def test_an_lxml_with_an_older_libxml2_is_refused_in_one_line(site):
    # libxml2 before 2.14 builds other trees from tag soup: spans would be wrong, not just slow.
    # A fresh interpreter whose lxml reports libxml2 2.13.8 before postlint is imported.
    post = write(site / "a.md", CLEAN)
    code = (
        "import sys, lxml.etree; lxml.etree.LIBXML_VERSION = (2, 13, 8)\n"
        "from postlint.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    run = subprocess.run([sys.executable, "-c", code, str(post)], capture_output=True, text=True)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.startswith("postlint: error: postlint needs libxml2 2.14") and len(run.stderr.splitlines()) == 1
    assert "2.13.8: pip install --upgrade 'lxml>=6'" in run.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["--no-such-option", "{post}"],
        ["--select", "no-such-rule", "{post}"],
        ["--ignore", "no-such-rule", "{post}"],
        ["--select"],
        ["--output-format", "yaml", "{post}"],
        ["{site}/missing.md"],
        ["--config", "{site}/missing.toml", "{post}"],
        ["rule", "no-such-rule"],
        ["rule"],
        ["rules", "extra"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_bad_invocation_exits_2_with_one_line(cli, site, argv):
    post = write(site / "a.md", CLEAN)
    run = cli(*(a.format(post=post, site=site) for a in argv))
    assert run.code == 2
    assert run.out == ""
    assert len(run.err.splitlines()) == 1, run.err
    assert run.err.startswith("postlint: error: ")
    assert "Traceback" not in run.err


# -- config discovery ------------------------------------------------------------------------

IGNORE_EMPTY = 'ignore = ["empty-paragraph"]\n'
EMPTY_PARAGRAPH = "---\ntitle: x\n---\n<p>&nbsp;</p>\n"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("postlint.toml", IGNORE_EMPTY),
        (".postlint.toml", IGNORE_EMPTY),
        ("pyproject.toml", "[project]\nname = 'blog'\n\n[tool.postlint]\n" + IGNORE_EMPTY),
    ],
)
def test_config_is_found_by_walking_up(cli, site, name, content):
    post = write(site / "content" / "_posts" / "2024" / "a.md", EMPTY_PARAGRAPH)
    assert cli(str(post)).code == 1  # without the config: a finding
    write(site / name, content)
    assert cli(str(post)).code == 0
    assert cli(str(post.parent)).code == 0


def test_config_is_found_from_the_current_folder_when_no_path_is_given(cli, site, monkeypatch):
    write(site / "posts" / "a.md", EMPTY_PARAGRAPH)
    write(site / "postlint.toml", IGNORE_EMPTY)
    monkeypatch.chdir(site / "posts")
    assert cli().code == 0


def test_pyproject_without_a_postlint_table_is_passed_over(cli, site):
    post = write(site / "blog" / "a.md", EMPTY_PARAGRAPH)
    write(site / "postlint.toml", IGNORE_EMPTY)
    write(site / "blog" / "pyproject.toml", "[project]\nname = 'blog'\n")
    assert cli(str(post)).code == 0


def test_the_nearest_config_wins(cli, site):
    post = write(site / "blog" / "a.md", EMPTY_PARAGRAPH)
    write(site / "postlint.toml", IGNORE_EMPTY)
    write(site / "blog" / ".postlint.toml", 'select = ["empty-paragraph"]\n')
    assert cli(str(post)).code == 1


def test_config_option_names_a_file_that_wins_over_discovery(cli, site):
    post = write(site / "a.md", EMPTY_PARAGRAPH)
    write(site / "postlint.toml", 'select = ["empty-paragraph"]\n')
    other = write(site / "elsewhere" / "strict.toml", IGNORE_EMPTY)
    assert cli(str(post)).code == 1
    assert cli("--config", str(other), str(post)).code == 0


def test_rule_options_from_the_config_take_effect(cli, site):
    post = write(site / "a.md", HOTLINKED)
    assert cli("--output-format", "json", str(post)).rules() == ["image-url"]
    write(site / "postlint.toml", '[rules.image-url]\nallowed-hosts = ["cdn.example.com"]\n')
    assert cli("--output-format", "json", str(post)).rules() == []
    write(site / "postlint.toml", '[rules.image-url]\nallowed-hosts = [".example.com"]\n')
    assert cli("--output-format", "json", str(post)).rules() == []


def test_rule_severity_from_the_config_takes_effect(cli, site):
    post = write(site / "a.md", EMPTY_PARAGRAPH)
    write(site / "pyproject.toml", "[tool.postlint.rules.empty-paragraph]\nseverity = 'info'\n")
    assert [f["severity"] for f in cli("--output-format", "json", str(post)).json()] == ["info"]


def test_command_line_select_overrides_the_config(cli, site):
    post = write(site / "a.md", DIRTY)
    write(site / "postlint.toml", 'select = ["empty-paragraph"]\n')
    assert cli("--output-format", "json", str(post)).rules() == ["empty-paragraph"]
    assert cli("--select", "invalid-rel", "--output-format", "json", str(post)).rules() == ["invalid-rel"]


# -- which files are linted ------------------------------------------------------------------


def linted(run: Run, root: Path) -> set[str]:
    return {Path(f["path"]).relative_to(root).as_posix() for f in run.json()}


def test_folders_are_walked_for_post_extensions(cli, site):
    for name in ("a.md", "b.markdown", "c.html", "d.htm", "e.txt", "f.MD", "deep/er/g.md"):
        write(site / name, EMPTY_PARAGRAPH)
    run = cli("--output-format", "json", str(site))
    assert linted(run, site) == {"a.md", "b.markdown", "c.html", "d.htm", "f.MD", "deep/er/g.md"}


def test_build_and_vendor_folders_are_skipped_unless_named(cli, site):
    write(site / "_posts" / "a.md", EMPTY_PARAGRAPH)
    for folder in ("_site", "node_modules", ".git", "vendor", ".jekyll-cache"):
        write(site / folder / "copy.md", EMPTY_PARAGRAPH)
    assert linted(cli("--output-format", "json", str(site)), site) == {"_posts/a.md"}
    named = cli("--output-format", "json", str(site / "_site" / "copy.md"))
    assert linted(named, site) == {"_site/copy.md"}


def test_gitignore_is_honoured_but_a_named_file_is_linted(cli, site):
    write(site / ".gitignore", "drafts/\n*.tmp.md\n")
    write(site / "a.md", EMPTY_PARAGRAPH)
    write(site / "b.tmp.md", EMPTY_PARAGRAPH)
    write(site / "drafts" / "c.md", EMPTY_PARAGRAPH)
    write(site / "sub" / ".gitignore", "local.md\n")
    write(site / "sub" / "local.md", EMPTY_PARAGRAPH)
    write(site / "sub" / "kept.md", EMPTY_PARAGRAPH)
    assert linted(cli("--output-format", "json", str(site)), site) == {"a.md", "sub/kept.md"}
    named = cli("--output-format", "json", str(site / "drafts" / "c.md"), str(site / "b.tmp.md"))
    assert linted(named, site) == {"drafts/c.md", "b.tmp.md"}


def test_gitignore_above_the_linted_folder_counts_inside_the_work_tree(cli, site):
    (site / ".git").mkdir()
    write(site / ".gitignore", "drafts/\n")
    write(site / "content" / "a.md", EMPTY_PARAGRAPH)
    write(site / "content" / "drafts" / "b.md", EMPTY_PARAGRAPH)
    assert linted(cli("--output-format", "json", str(site / "content")), site) == {"content/a.md"}


def test_config_exclude_patterns(cli, site):
    write(site / "postlint.toml", 'exclude = ["archive/"]\n')
    write(site / "a.md", EMPTY_PARAGRAPH)
    write(site / "archive" / "old.md", EMPTY_PARAGRAPH)
    assert linted(cli("--output-format", "json", str(site)), site) == {"a.md"}


def test_a_file_named_twice_is_linted_once(cli, site):
    post = str(write(site / "a.md", EMPTY_PARAGRAPH))
    assert len(cli("--output-format", "json", post, post).json()) == 1


# -- the module entry point, for real ---------------------------------------------------------


def python_m_postlint(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "postlint", *argv], cwd=cwd, capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_python_m_postlint(site):
    write(site / "a.md", DIRTY)
    write(site / "b.md", CLEAN)
    done = python_m_postlint("--output-format", "concise", ".", cwd=site)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[:3] == [
        "a.md:4:1: warning empty-paragraph [*] empty paragraph (only whitespace, &nbsp; or <br>)",
        "a.md:5:9: warning inline-color [*] inline colour `color: red`",
        "a.md:6:22: error invalid-rel [*] `rel` token `dofollow` is not defined by HTML",
    ]
    assert done.stderr == ""
    assert python_m_postlint("b.md", cwd=site).returncode == 0
    bad = python_m_postlint("--select", "nope", cwd=site)
    assert (bad.returncode, bad.stdout, len(bad.stderr.splitlines())) == (2, "", 1)
