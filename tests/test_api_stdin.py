"""Editors and scripts: `--stdin-filename` and the Python API (`lint_text`, `fix_text`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import postlint
from postlint.config import Config, ConfigError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "_posts" / "2024-07-22-alliance-news.md"

# A BOM, CRLF line ends and an entity the fixes must keep; two safe fixes.
POST = ("\ufeff---\r\ntitle: Hi\r\n---\r\n"
        '<p><a href="https://e.com/" rel="dofollow">e.com</a></p>\r\n'
        "<p>&nbsp;</p>\r\n"
        "<p>Words&nbsp;stay.<br /></p>\r\n")
FIXED = ("\ufeff---\r\ntitle: Hi\r\n---\r\n"
         '<p><a href="https://e.com/">e.com</a></p>\r\n'
         "<p>Words&nbsp;stay.<br /></p>\r\n")
# One unsafe fix (a script may select links by `tooltip`) and one safe.
REL = '<p><a href="/x" rel="tooltip dofollow">x</a></p>\n'
# The rules these posts are about; others may be added to the defaults at any time.
RULES = ["invalid-rel", "empty-paragraph"]
TWO = Config(select=RULES)


def postlint_cli(*args: str, input: bytes, cwd: Path, select: str = ",".join(RULES)) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "postlint", "--select", select, *args], input=input,
                          capture_output=True, cwd=cwd, env=env, timeout=120)


# -- --stdin-filename -------------------------------------------------------------------------

def test_stdin_is_linted_and_reported_under_its_name(tmp_path):
    done = postlint_cli("--stdin-filename", "_posts/hi.html", "--output-format", "json",
                        input=POST.encode("utf-8"), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    found = [(f["path"], f["line"], f["column"], f["rule"]) for f in json.loads(done.stdout)]
    assert found == [("_posts/hi.html", 4, 34, "invalid-rel"), ("_posts/hi.html", 5, 1, "empty-paragraph")]
    assert not (tmp_path / "_posts").exists()  # the name is only a name


def test_stdin_config_is_found_from_the_names_folder(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "postlint.toml").write_text('ignore = ["empty-paragraph"]\n')
    for name, expected in [("site/_posts/hi.html", ["invalid-rel"]),
                           ("elsewhere/hi.html", ["invalid-rel", "empty-paragraph"])]:
        done = postlint_cli("--stdin-filename", name, "--output-format", "json",
                            input=POST.encode("utf-8"), cwd=tmp_path)
        assert [f["rule"] for f in json.loads(done.stdout)] == expected, name


def test_stdin_markdown_or_html_by_the_names_extension(tmp_path):
    text = b"Some `<p>&nbsp;</p>` code.\n"
    for name, found in [("hi.md", []), ("hi.html", ["empty-paragraph"])]:
        done = postlint_cli("--stdin-filename", name, "--output-format", "json", input=text, cwd=tmp_path)
        assert [f["rule"] for f in json.loads(done.stdout)] == found, name


def test_stdin_fix_writes_the_fixed_post_and_only_it_to_stdout(tmp_path):
    done = postlint_cli("--stdin-filename", "hi.html", "--fix", input=POST.encode("utf-8"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == FIXED.encode("utf-8")
    assert done.stderr.decode().splitlines()[-1] == "2 fixed, 0 remaining."


def test_stdin_fix_reports_what_remains_on_stderr_with_exit_1(tmp_path):
    done = postlint_cli("--stdin-filename", "hi.html", "--fix", "--output-format", "concise",
                        input=REL.encode("utf-8"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == b'<p><a href="/x" rel="tooltip">x</a></p>\n'
    report = done.stderr.decode().splitlines()
    assert report[0] == "hi.html:1:22: error invalid-rel `rel` token `tooltip` is not defined by HTML"
    assert report[-1] == "1 fixed, 1 remaining."


def test_stdin_fix_gives_the_bytes_fix_would_write_to_the_file(tmp_path):
    raw = SEED.read_bytes()
    done = postlint_cli("--stdin-filename", "post.md", "--fix", input=raw, cwd=tmp_path, select="ALL")
    (tmp_path / "post.md").write_bytes(raw)
    postlint_cli("--fix", "post.md", input=b"", cwd=tmp_path, select="ALL")
    assert done.stdout == (tmp_path / "post.md").read_bytes() != raw


def test_stdin_fix_gives_back_a_post_it_cannot_read_as_it_came(tmp_path):
    raw = b"---\ntitle: caf\xe9\n---\n<p>&nbsp;</p>\n"
    done = postlint_cli("--stdin-filename", "hi.html", "--fix", "--output-format", "concise", input=raw, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == raw
    assert "hi.html:2:11: error encoding-error" in done.stderr.decode()


def test_stdin_diff(tmp_path):
    done = postlint_cli("--stdin-filename", "hi.html", "--diff", input=REL.encode("utf-8"), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.decode().splitlines()[:2] == ["--- a/hi.html", "+++ b/hi.html"]
    assert '+<p><a href="/x" rel="tooltip">x</a></p>' in done.stdout.decode().splitlines()


def test_stdin_with_a_path_is_a_usage_error(tmp_path):
    done = postlint_cli("--stdin-filename", "hi.html", "other.html", input=b"", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == b"postlint: error: --stdin-filename: the post is read from stdin, so give no PATH\n"


# -- the Python API ---------------------------------------------------------------------------

def test_lint_text_offsets_index_the_text_given():
    findings = postlint.lint_text(POST, "hi.html", TWO)
    assert [(f.rule, POST[f.start : f.end], postlint.position(POST, f.start)) for f in findings] == [
        ("invalid-rel", "dofollow", (4, 34)),
        ("empty-paragraph", "<p>", (5, 1)),
    ]


def test_position_counts_as_the_reports_do():
    text = "\ufeff<p>&nbsp;</p>\n"  # the BOM is in the string, but no column
    [finding] = postlint.lint_text(text, "hi.html", TWO)
    assert text[finding.start : finding.end] == "<p>"
    assert postlint.position(text, finding.start) == (1, 1)
    assert postlint.position("a\r\nb\r\ncd", 7) == (3, 2)


def test_lint_text_reads_markdown_by_the_path():
    text = "Some `<p>&nbsp;</p>` code.\n"
    assert postlint.lint_text(text, "post.md", TWO) == []
    assert [f.rule for f in postlint.lint_text(text, "post.html", TWO)] == ["empty-paragraph"]


def test_fix_text_keeps_every_other_character():
    fixed, remaining = postlint.fix_text(POST, "hi.html", TWO)
    assert fixed == FIXED
    assert remaining == []


def test_fix_text_findings_index_the_fixed_text_and_unsafe_is_opt_in():
    fixed, remaining = postlint.fix_text(REL, "hi.html", TWO)
    assert fixed == '<p><a href="/x" rel="tooltip">x</a></p>\n'
    assert [(f.rule, fixed[f.start : f.end]) for f in remaining] == [("invalid-rel", "tooltip")]
    assert postlint.fix_text(REL, "hi.html", TWO, unsafe=True) == ('<p><a href="/x">x</a></p>\n', [])


def test_fix_text_refuses_what_the_cli_refuses():
    text = "---\ntitle: caf\udce9\n---\n<p>&nbsp;</p>\n"  # a lone surrogate: not UTF-8
    fixed, remaining = postlint.fix_text(text, "hi.html", TWO)
    assert fixed == text
    assert [f.rule for f in remaining] == ["encoding-error"]


def test_configs_of_two_calls_do_not_mix(tmp_path):
    toml = tmp_path / "postlint.toml"
    toml.write_text(f'select = {RULES!r}\n[rules.empty-paragraph]\nseverity = "info"\n'.replace("'", '"'))
    quiet = Config(select=RULES, ignore=["invalid-rel"])
    for _ in range(2):  # interleaved, twice: nothing of one call is left for the next
        assert [f.rule for f in postlint.lint_text(POST, "hi.html", config=quiet)] == ["empty-paragraph"]
        assert [f.severity for f in postlint.lint_text(POST, "hi.html", config=toml)] == ["error", "info"]
        assert [f.severity for f in postlint.lint_text(POST, "hi.html", config=str(toml))] == ["error", "info"]
        assert [(f.rule, f.severity) for f in postlint.lint_text(POST, "hi.html", TWO)] == [
            ("invalid-rel", "error"), ("empty-paragraph", "warning")]
        defaults = [(f.rule, f.severity) for f in postlint.lint_text(POST, "hi.html")]
        assert ("invalid-rel", "error") in defaults and ("empty-paragraph", "warning") in defaults
        assert postlint.fix_text(REL, "hi.html", config=quiet) == (REL, [])
    assert quiet == Config(select=RULES, ignore=["invalid-rel"])


def test_a_bad_config_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown rule id 'no-such-rule'"):
        postlint.lint_text(POST, config=Config(select=["no-such-rule"]))
    with pytest.raises(ConfigError, match="cannot read"):
        postlint.lint_text(POST, config=tmp_path / "missing.toml")


def test_import_postlint_loads_no_engine():
    code = "import sys, postlint; print(sorted(m for m in ('lxml', 'postlint.engine', 'yaml') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr


def test_stdin_diff_marks_a_last_line_without_line_break(tmp_path):
    # The same diff as `--diff` on a file: `patch` needs the marker to apply it.
    done = postlint_cli("--diff", "--stdin-filename", "a.html", input=b"<p>a</p>\n<p>&nbsp;</p>", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.decode().endswith("-<p>&nbsp;</p>\n\\ No newline at end of file\n")
