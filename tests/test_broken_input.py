"""Broken posts are findings with a file and a position (or are clean), never a traceback,
and one broken post never stops the run over the others."""

from __future__ import annotations

import json
import os
import time

import pytest

from postlint.cli import main
from postlint.engine import Linter, select_rules
from postlint.config import Config
from postlint.registry import Registry

BOM = "\ufeff".encode("utf-8")
FRONT = b"---\ntitle: x\n---\n"


def lint_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main([*args, "--output-format", "json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err == ""
    return code, json.loads(out)


def found(findings: list[dict]) -> list[tuple[str, int, int]]:
    return [(f["rule"], f["line"], f["column"]) for f in findings]


def write(path, raw: bytes):
    path.write_bytes(raw)
    return path


@pytest.fixture
def linter():
    return Linter(select_rules(Registry(), Config()))


# -- one broken post at a time, through the CLI ----------------------------------------------


def test_bad_yaml(tmp_path, capsys):
    post = write(tmp_path / "a.md", "---\nauthor: 홍길동\ntitle: 제목: 부제\n---\n<p>x</p>\n".encode())
    code, findings = lint_json(capsys, str(post))
    assert code == 1
    assert found(findings) == [("front-matter-syntax", 3, 10)]
    assert findings[0]["path"] == str(post)
    assert findings[0]["severity"] == "error"


def test_unclosed_front_matter(tmp_path, capsys):
    post = write(tmp_path / "a.md", b"---\ntitle: x\n<p>body</p>\n")
    code, findings = lint_json(capsys, str(post))
    assert (code, found(findings)) == (1, [("front-matter-syntax", 1, 1)])


def test_control_character_in_front_matter(tmp_path, capsys):
    post = write(tmp_path / "a.md", b"---\ntitle: a\x0bb\n---\n<p>x</p>\n")
    code, findings = lint_json(capsys, str(post))
    assert (code, found(findings)) == (1, [("front-matter-syntax", 2, 9)])


def test_invalid_utf8_at_its_line_and_character_column(tmp_path, capsys):
    # <p> then 한국 (six bytes, two characters) then the bad byte: column 6.
    post = write(tmp_path / "a.md", FRONT + "<p>한국".encode() + b"\xff</p>\n")
    code, findings = lint_json(capsys, str(post))
    assert (code, found(findings)) == (1, [("encoding-error", 4, 6)])
    assert "0xff" in findings[0]["message"]


def test_invalid_utf8_on_the_first_line_after_a_bom(tmp_path, capsys):
    post = write(tmp_path / "a.md", BOM + b"ab\xc3(\n")
    code, findings = lint_json(capsys, str(post))
    assert found(findings) == [("encoding-error", 1, 3)]


def test_binary_file(tmp_path, capsys):
    post = write(tmp_path / "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, findings = lint_json(capsys, str(post))
    assert code == 1
    assert found(findings) == [("binary-file", 3, 1)]  # the first NUL starts line 3


def test_directory_named_like_a_post_is_a_read_error(tmp_path, linter):
    folder = tmp_path / "x.md"
    folder.mkdir()
    result = linter.lint_file(folder)
    assert [(f.rule, result.position(f.start)) for f in result.findings] == [("read-error", (1, 1))]
    assert result.path == str(folder)
    assert result.fixable is False


def test_unreadable_file_is_a_read_error(tmp_path, capsys):
    post = write(tmp_path / "secret.md", FRONT)
    post.chmod(0)
    try:
        if os.access(post, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading (see the folder and symlink tests)")
        code, findings = lint_json(capsys, str(tmp_path))
        assert (code, found(findings)) == (1, [("read-error", 1, 1)])
        assert "Permission denied" in findings[0]["message"]
    finally:
        post.chmod(0o644)


@pytest.mark.parametrize("target", ["missing.md", "loop.md"])
def test_dangling_or_looping_symlink_is_a_read_error(tmp_path, capsys, target):
    link = tmp_path / "loop.md" if target == "loop.md" else tmp_path / "broken.md"
    os.symlink(tmp_path / target, link)
    code, findings = lint_json(capsys, str(tmp_path))
    assert code == 1
    assert [(f["path"], f["rule"], f["line"], f["column"]) for f in findings] == [
        (str(link), "read-error", 1, 1)
    ]
    # Named explicitly, too.
    code, findings = lint_json(capsys, str(link))
    assert found(findings) == [("read-error", 1, 1)]


def test_five_megabyte_single_line_post(tmp_path, capsys):
    words = b"word " * 1_000_000
    post = write(tmp_path / "big.md", FRONT + b"<p>" + words + b'<span style="color: red">x</span></p>\n')
    started = time.perf_counter()
    code, findings = lint_json(capsys, str(post))
    assert time.perf_counter() - started < 2
    column = len("<p>") + len(words) + len('<span ') + 1
    assert found(findings) == [("inline-color", 4, column)]
    # The code frame of the default output shows a window of the line, not 5 MB of it.
    assert main([str(post)]) == 1
    out = capsys.readouterr().out
    assert 'style="color: red"' in out
    assert len(out) < 2_000


def test_hundred_thousand_nested_divs(tmp_path, capsys):
    raw = FRONT + b"<div>" * 100_000 + b'<p style="color:red">deep</p>' + b"</div>" * 100_000 + b"\n"
    post = write(tmp_path / "deep.md", raw)
    started = time.perf_counter()
    code, findings = lint_json(capsys, str(post))
    assert time.perf_counter() - started < 2
    assert code == 1
    assert [f["rule"] for f in findings] == ["html-too-deep"]
    line, column = findings[0]["line"], findings[0]["column"]
    text = raw.decode()
    offset = len("".join(text.splitlines(keepends=True)[: line - 1])) + column - 1
    assert text[offset : offset + 5] == "<div>"


@pytest.mark.parametrize("depth", range(2040, 2052))
def test_content_near_the_depth_limit_is_checked_or_reported_never_silently_lost(linter, depth):
    raw = b"<div>" * depth + b'<p style="color:red">x</p>' + b"</div>" * depth
    result = linter.lint_bytes(raw, "a.md")
    rules = {f.rule for f in result.findings}
    assert "inline-color" in rules or "html-too-deep" in rules


def test_unclosed_tags(tmp_path, capsys):
    post = write(tmp_path / "a.md", FRONT + b'<div><p style="color: red">text<b>bold<i>italic\n')
    code, findings = lint_json(capsys, str(post))
    assert found(findings) == [
        ("malformed-html", 4, 1), ("inline-color", 4, 9), ("malformed-html", 4, 32), ("malformed-html", 4, 39),
    ]


def test_start_tag_cut_off_at_end_of_file(tmp_path, capsys):
    post = write(tmp_path / "a.md", FRONT + b'<p>x</p>\n<a href="https://example.com/')
    code, findings = lint_json(capsys, str(post))
    # The parser keeps the cut tag as text, outside any block.
    assert (code, found(findings)) == (1, [("stray-text", 5, 1)])


@pytest.mark.parametrize(
    "raw", [b"", BOM, b"\n\n", b"   ", FRONT, b"---\ntitle: x\n---", b"---\n---\n", BOM + FRONT],
    ids=["empty", "bom-only", "newlines", "spaces", "front-matter-only", "front-matter-no-newline",
         "empty-front-matter", "bom-front-matter"],
)
def test_empty_and_front_matter_only_posts_are_clean(tmp_path, capsys, raw):
    post = write(tmp_path / "a.md", raw)
    # front-matter-schema would ask for a title; the point here is that nothing breaks.
    assert lint_json(capsys, str(post), "--ignore", "front-matter-schema") == (0, [])


# -- all of them in one run ------------------------------------------------------------------


@pytest.fixture
def broken_folder(tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    write(folder / "a-bad-yaml.md", b"---\ntitle: a: b\n---\n")
    write(folder / "b-binary.md", b"\x00\x01\x02")
    write(folder / "c-encoding.md", b"caf\xe9\n")
    write(folder / "d-deep.md", b"<div>" * 100_000)
    write(folder / "e-empty.md", b"")
    write(folder / "f-good.md", FRONT + b'<p>ok <span style="color:red">red</span></p>\n')
    write(folder / "g-unclosed.md", b"---\ntitle: x\n")
    write(folder / "h-only-front-matter.md", FRONT)
    write(folder / "i-tabs.md", b"---\ntitle: x\ntags:\n\t- a\n---\n")
    os.symlink(folder / "nowhere.md", folder / "j-dangling.md")
    (folder / "k-folder.md").mkdir()
    write(folder / "k-folder.md" / "inside.md", FRONT + b"<p>&nbsp;</p>\n")
    return folder


def test_the_run_goes_on_past_every_broken_post(broken_folder, capsys):
    code, findings = lint_json(capsys, str(broken_folder))
    by_file = {}
    for f in findings:
        by_file.setdefault(os.path.relpath(f["path"], broken_folder), []).append((f["rule"], f["line"], f["column"]))
    # 100,000 unclosed <div>s are 100,000 malformed-html findings besides the depth problem.
    deep = by_file.pop("d-deep.md")
    assert ("html-too-deep", 1, 5 * 2045 + 1) in deep
    assert {rule for rule, _, _ in deep} == {"html-too-deep", "malformed-html"}
    assert by_file == {
        "a-bad-yaml.md": [("front-matter-syntax", 2, 9)],
        "b-binary.md": [("binary-file", 1, 1)],
        "c-encoding.md": [("encoding-error", 1, 4)],
        "f-good.md": [("inline-color", 4, 13)],
        "g-unclosed.md": [("front-matter-syntax", 1, 1)],
        "i-tabs.md": [("front-matter-syntax", 4, 1)],
        "j-dangling.md": [("read-error", 1, 1)],
        "k-folder.md/inside.md": [("empty-paragraph", 4, 1)],
    }
    assert code == 1


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_every_report_format_survives_broken_posts(broken_folder, capsys, fmt):
    code = main([str(broken_folder), "--output-format", fmt])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert "Traceback" not in out
    for name in ("a-bad-yaml.md", "b-binary.md", "c-encoding.md", "d-deep.md", "j-dangling.md"):
        assert name in out


def test_front_matter_rules_alone_do_not_parse_the_body():
    # DESIGN promise 3: nothing is computed that the selected rules do not need.
    from postlint.config import Config
    from postlint.engine import Linter, select_rules
    from postlint.registry import Registry
    from postlint.source import Source

    config = Config(select=["duplicate-excerpt"])
    linter = Linter(select_rules(Registry(), config), config)
    post = linter.post(Source.from_text("---\nexcerpt: a\nfeature_text: a\n---\n" + "<div>" * 3000), "a.html")
    findings, fixable = linter.lint_post(post)
    assert [f.rule for f in findings] == ["duplicate-excerpt"] and fixable
    assert not post.html_parsed
