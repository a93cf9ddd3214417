"""The CI report formats (github, sarif, junit, json-lines, grouped) and ``--output-file``.

Each format is checked against its own grammar or schema and against the ``json`` format of the
same run, which is the reference for paths, positions, rules and messages.
"""

from __future__ import annotations

import importlib
import io
import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from postlint import docs
from postlint.cli import build_parser, main
from postlint.config import find_config
from postlint.engine import FileResult
from postlint.problems import PROBLEMS
from postlint.registry import Registry
from postlint.report import FORMATS, Options, render
from postlint.rule import Finding
from postlint.source import Source

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "2024-07-22-alliance-news.md"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

CLEAN = "---\ntitle: Clean\n---\n<p>Hello.</p>\n"
# One finding each of empty-paragraph (4:1), inline-color (5:9) and invalid-rel (6:22).
DIRTY = (
    "---\ntitle: Dirty\n---\n"
    "<p>&nbsp;</p>\n"
    '<p>A <b style="color: red">red</b> word.</p>\n'
    '<p><a href="/x" rel="dofollow">x</a></p>\n'
)
ANSI = re.compile(r"\x1b\[")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# A workflow command: ::command key=value,key=value::message, with values and message escaped
# (no raw `,` or `:` in a value, no raw newline anywhere).
WORKFLOW_COMMAND = re.compile(
    r"::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_column>\d+),"
    r"title=postlint \((?P<rule>[^,:\r\n]+)\)::(?P<message>[^\r\n]*)"
)


@pytest.fixture
def site(tmp_path, monkeypatch):
    """An empty folder without any config file above it, as the current folder."""
    if find_config(tmp_path) is not None:
        pytest.skip(f"a config file above the test folder would change the result: {find_config(tmp_path)}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def seed(site):
    if not SEED.is_file():
        pytest.skip(f"no seed post at {SEED}")
    shutil.copyfile(SEED, site / SEED.name)
    # The foundation's five rules: their 17 findings on the seed are known by hand.
    write(site / "postlint.toml", 'select = ["duplicate-excerpt", "image-url", "empty-paragraph", "inline-color", "invalid-rel"]\n')
    return SEED.name


@pytest.fixture
def posts(site):
    """A dirty and a clean post, by the relative paths a user would type."""
    write(site / "posts" / "dirty.md", DIRTY)
    write(site / "posts" / "clean.md", CLEAN)
    return "posts"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def report(capsys, fmt: str, *paths: str) -> str:
    code, out, err = run(capsys, *paths, "--output-format", fmt)
    assert code in (0, 1) and err == ""
    return out


def reference(capsys, *paths: str) -> list[dict]:
    return json.loads(report(capsys, "json", *paths))


def rendered(fmt: str, results: list[FileResult]) -> str:
    out = io.StringIO()
    render(fmt, results, out, Options())
    return out.getvalue()


# -- the format list -------------------------------------------------------------------------


def test_the_cli_offers_exactly_the_registered_formats():
    action = next(a for a in build_parser()._actions if a.dest == "output_format")
    assert tuple(action.choices) == FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_one_module_with_render(fmt):
    module = importlib.import_module(f"postlint.report.{fmt.replace('-', '_')}")
    assert callable(module.render)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reports_the_seed(fmt, seed, capsys):
    code, out, err = run(capsys, seed, "--output-format", fmt)
    assert (code, err) == (1, "")
    assert "inline" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reports_a_file_it_could_not_read(fmt, tmp_path, capsys):
    # A read error has no text at all: its finding stands at 1:1 in every format.
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    code, out, err = run(capsys, str(tmp_path), "--output-format", fmt)
    assert (code, err) == (1, "")
    assert "read-error" in out
    if fmt == "concise":
        assert out.splitlines()[0].startswith(f"{tmp_path / 'gone.md'}:1:1: error read-error ")


# -- sarif -----------------------------------------------------------------------------------


def sarif_run(capsys, *paths: str) -> dict:
    log = json.loads(report(capsys, "sarif", *paths))
    assert len(log["runs"]) == 1
    return log["runs"][0]


def test_sarif_of_the_seed_is_valid_sarif_2_1_0(seed, capsys):
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"no SARIF schema at {SARIF_SCHEMA}")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)  # draft-04, as its $schema says
    assert validator_class is jsonschema.Draft4Validator
    validator_class.check_schema(schema)
    log = json.loads(report(capsys, "sarif", seed))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator_class(schema).iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == 17


def test_sarif_results_are_the_json_findings_at_the_same_positions(seed, capsys):
    expected = reference(capsys, seed)
    run_ = sarif_run(capsys, seed)
    assert run_["columnKind"] == "unicodeCodePoints"  # as our columns: one per character
    got = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"],
            r["ruleId"], r["level"], r["message"]["text"],
        )
        for r in run_["results"]
    ]
    assert got == [
        (
            f["path"],
            {"startLine": f["line"], "startColumn": f["column"], "endLine": f["end_line"], "endColumn": f["end_column"]},
            f["rule"], SARIF_LEVEL[f["severity"]], f["message"],
        )
        for f in expected
    ]


def test_sarif_describes_each_rule_that_has_a_result_from_its_docs(seed, capsys):
    run_ = sarif_run(capsys, seed)
    driver = run_["tool"]["driver"]
    assert driver["name"] == "postlint" and driver["version"]
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert sorted(set(ids)) == ids == sorted({r["ruleId"] for r in run_["results"]})
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    registry = Registry()
    for descriptor in rules:
        cls = registry.load(descriptor["id"])
        assert descriptor["shortDescription"]["text"] == cls.summary
        assert descriptor["fullDescription"]["text"] == docs.sections(cls)["What it does"]
        assert descriptor["help"] == {"text": docs.markdown(cls), "markdown": docs.markdown(cls)}
        assert descriptor["defaultConfiguration"]["level"] == SARIF_LEVEL[cls.severity]


def test_sarif_problem_ids_are_rules_too(site, capsys):
    write(site / "broken.md", "---\ntitle: [unclosed\n---\n<p>x</p>\n")
    run_ = sarif_run(capsys, "broken.md")
    assert [r["ruleId"] for r in run_["results"]] == ["front-matter-syntax"]
    assert run_["tool"]["driver"]["rules"] == [{
        "id": "front-matter-syntax",
        "shortDescription": {"text": PROBLEMS["front-matter-syntax"]},
        "fullDescription": {"text": PROBLEMS["front-matter-syntax"]},
        "help": {"text": PROBLEMS["front-matter-syntax"], "markdown": PROBLEMS["front-matter-syntax"]},
        "defaultConfiguration": {"level": "error"},
    }]


def test_sarif_of_a_clean_run_has_no_results(posts, capsys):
    run_ = sarif_run(capsys, "posts/clean.md")
    assert run_["results"] == [] and run_["tool"]["driver"]["rules"] == []


def test_sarif_uri_is_relative_to_srcroot_and_percent_encoded(site, capsys):
    post = write(site / "my posts" / "글 #1.md", DIRTY)
    run_ = sarif_run(capsys, str(post))  # given absolute, reported relative
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "my%20posts/%EA%B8%80%20%231.md", "uriBaseId": "%SRCROOT%"}
    base = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.endswith("/")
    assert unquote(urljoin(base, location["uri"])) == unquote(post.resolve().as_uri())


def apply_sarif_fixes(raw: bytes, results: list[dict]) -> bytes:
    """Apply every fix the way a SARIF consumer does, from the spec alone: regions by line and
    column in code points (columnKind), ends exclusive, the BOM not counted, each region in the
    unmodified file."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")[bom:]
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    replacements = []
    for result in results:
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for r in change["replacements"]:
                    region = r["deletedRegion"]
                    start = offset(region["startLine"], region["startColumn"])
                    end = offset(region["endLine"], region["endColumn"])
                    replacements.append((start, end, r.get("insertedContent", {}).get("text", "")))
    for start, end, new in sorted(replacements, reverse=True):
        text = text[:start] + new + text[end:]
    return ("\ufeff" * bom + text).encode("utf-8")


def test_sarif_fixes_applied_by_the_spec_give_the_fixed_post(site, capsys):
    # A BOM, CRLF line ends, an emoji (two UTF-16 units, one code point) and Korean before the
    # findings: every way a column or offset could be miscounted.
    head = "\ufeff---\r\ntitle: T\r\n---\r\n"
    post = site / "bom.md"
    post.write_bytes((head + (
        '<p>😀 글 <span style="color: red">Red</span> <b style="color: blue; font-weight: bold">B</b></p>\r\n'
        "<p>&nbsp;</p>\r\n"
        '<p><a href="/x" rel="dofollow nofollow">x</a></p>\r\n'
    )).encode("utf-8"))
    run_ = sarif_run(capsys, "bom.md")
    assert {r["ruleId"] for r in run_["results"] if "fixes" in r} == {"inline-color", "empty-paragraph", "invalid-rel"}
    assert all(fix["properties"]["applicability"] == "safe" for r in run_["results"] for fix in r.get("fixes", []))
    assert apply_sarif_fixes(post.read_bytes(), run_["results"]) == (head + (
        '<p>😀 글 Red <b style="font-weight: bold">B</b></p>\r\n'
        '<p><a href="/x" rel="nofollow">x</a></p>\r\n'
    )).encode("utf-8")


def test_sarif_marks_unsafe_fixes(seed, capsys):
    run_ = sarif_run(capsys, seed)
    duplicate = next(r for r in run_["results"] if r["ruleId"] == "duplicate-excerpt")
    assert [fix["properties"]["applicability"] for fix in duplicate["fixes"]] == ["unsafe"]


# -- github ----------------------------------------------------------------------------------


def test_github_one_workflow_command_per_finding(seed, capsys):
    expected = reference(capsys, seed)
    lines = report(capsys, "github", seed).splitlines()
    assert len(lines) == len(expected) == 17
    command = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(lines, expected):
        m = WORKFLOW_COMMAND.fullmatch(line)
        assert m, line
        assert m.group("command") == command[f["severity"]]
        assert m.group("file") == f["path"]
        assert [int(m.group(k)) for k in ("line", "col", "end_line", "end_column")] == [
            f["line"], f["column"], f["end_line"], f["end_column"]]
        assert m.group("rule") == f["rule"]
        assert m.group("message") == f["message"].replace("%", "%25")


def test_github_escapes_values_and_message():
    message = "50% off: a, b\r\nnext line"
    result = FileResult("odd, name: 100%.md", Source.from_text("<p>x</p>\n"), [Finding("acme/x", message, 0, 3, "info")])
    line = rendered("github", [result])
    assert line == (
        "::notice file=odd%2C name%3A 100%25.md,line=1,col=1,endLine=1,endColumn=4,"
        "title=postlint (acme/x)::50%25 off: a, b%0D%0Anext line\n"
    )
    m = WORKFLOW_COMMAND.fullmatch(line.rstrip("\n"))
    assert m and m.group("file") == "odd%2C name%3A 100%25.md"


# -- junit -----------------------------------------------------------------------------------


def test_junit_one_testcase_per_file_one_failure_per_finding(posts, capsys):
    expected = reference(capsys, posts)
    root = ET.fromstring(report(capsys, "junit", posts))
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.tag, suite.get("name"), suite.get("tests"), suite.get("failures")) == ("testsuite", "postlint", "2", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"posts/clean.md", "posts/dirty.md"}
    assert all(case.get("classname") == "postlint" for case in cases.values())
    assert list(cases["posts/clean.md"]) == []  # passing
    failures = cases["posts/dirty.md"].findall("failure")
    assert [(x.get("type"), x.get("message"), x.text) for x in failures] == [
        (f["rule"], f["message"], f"{f['path']}:{f['line']}:{f['column']}: {f['message']}") for f in expected
    ]
    assert len(failures) == 3


def test_junit_escapes_markup_and_characters_xml_cannot_carry():
    message = 'a <b> & "c"\nd\x01e'
    result = FileResult("a&b.md", Source.from_text("<p>x</p>\n"), [Finding("acme/x", message, 0, 3, "error")])
    root = ET.fromstring(rendered("junit", [result]).encode("utf-8"))
    (case,) = root.iter("testcase")
    (failure,) = case
    assert case.get("name") == "a&b.md"
    assert failure.get("message") == 'a <b> & "c"\nd\\x01e'
    assert failure.text == 'a&b.md:1:1: a <b> & "c"\nd\\x01e'


# -- json-lines ------------------------------------------------------------------------------


def test_json_lines_is_the_json_report_one_object_a_line(seed, posts, capsys):
    out = report(capsys, "json-lines", seed, posts)
    assert out.endswith("\n")
    assert [json.loads(line) for line in out.splitlines()] == reference(capsys, seed, posts)


def test_json_lines_of_a_clean_run_is_empty(posts, capsys):
    assert report(capsys, "json-lines", "posts/clean.md") == ""


# -- grouped ---------------------------------------------------------------------------------


def test_grouped_lists_findings_under_their_file(posts, capsys):
    write(Path("posts") / "second.md", "---\ntitle: Two\n---\n" + "\n" * 8 + "<p>&nbsp;</p>\n")
    messages = {f["rule"]: f["message"] for f in reference(capsys, posts)}
    summary = report(capsys, "concise", posts).splitlines()[-1]  # the same summary as every text format
    assert summary.startswith("Found 4 findings")
    assert report(capsys, "grouped", posts) == "\n".join([
        "posts/dirty.md",
        f"  4:1  empty-paragraph [*] {messages['empty-paragraph']}",  # columns aligned per file
        f"  5:9  inline-color [*] {messages['inline-color']}",
        f"  6:22 invalid-rel [*] {messages['invalid-rel']}",
        "",
        "posts/second.md",  # the clean file is not listed
        f"  12:1 empty-paragraph [*] {messages['empty-paragraph']}",
        "",
        summary,
        "",
    ])


def test_grouped_quiet_prints_findings_only(posts, capsys):
    code, out, _ = run(capsys, posts, "--output-format", "grouped", "--quiet")
    assert code == 1 and out.splitlines()[0] == "posts/dirty.md" and "Found" not in out


# -- --output-file ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit"])
def test_output_file_gets_the_report_and_stdout_stays_empty(fmt, posts, capsys):
    on_stdout = report(capsys, fmt, posts)
    code, out, err = run(capsys, posts, "--output-format", fmt, "--output-file", "report.out")
    assert (code, out, err) == (1, "", "")
    assert Path("report.out").read_text(encoding="utf-8") == on_stdout


def test_output_file_is_utf8_and_overwritten(site, capsys):
    write(site / "글.md", DIRTY)
    Path("report.json").write_text("old content that is longer than nothing" * 100, encoding="utf-8")
    run(capsys, "글.md", "--output-format", "json", "--output-file", "report.json")
    assert [f["path"] for f in json.loads(Path("report.json").read_bytes().decode("utf-8"))] == ["글.md"] * 3


def test_output_file_with_exit_zero_keeps_the_report(posts, capsys):
    code, out, _ = run(capsys, posts, "--output-format", "sarif", "--output-file", "postlint.sarif", "--exit-zero")
    assert (code, out) == (0, "")
    assert len(json.loads(Path("postlint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 3


@pytest.mark.parametrize("bad", ["missing-folder/report.json", "."])
def test_output_file_bad_path_is_a_usage_error(bad, posts, capsys):
    code, out, err = run(capsys, posts, "--output-file", bad)
    assert (code, out) == (2, "")
    assert err.startswith("postlint: error: --output-file: ") and err.count("\n") == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_colour_goes_to_a_file(posts, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main([posts])
    assert ANSI.search(terminal.getvalue())  # so the check below can fail
    terminal.seek(0)
    terminal.truncate()
    main([posts, "--output-file", "report.txt"])
    assert terminal.getvalue() == ""
    text = Path("report.txt").read_text(encoding="utf-8")
    assert "inline-color" in text and not ANSI.search(text)


def test_diff_goes_to_the_output_file_too(posts, capsys):
    before = Path("posts/dirty.md").read_bytes()
    code, out, _ = run(capsys, posts, "--diff", "--output-file", "changes.diff")
    assert (code, out) == (1, "")
    diff = Path("changes.diff").read_text(encoding="utf-8")
    assert diff.startswith("--- a/posts/dirty.md\n+++ b/posts/dirty.md\n") and "-<p>&nbsp;</p>" in diff
    assert Path("posts/dirty.md").read_bytes() == before
