"""`postlint --fix` / `--diff` on real files: what is written, what is not, and how it is written
(atomically, keeping mode, newline style and BOM), exit codes and the summary."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.config import find_config
from postlint.fixer import visible
from postlint.post import Post
from postlint.source import Source

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "2024-07-22-alliance-news.md"
FRONT = "---\ntitle: T\n---\n"
# The rules of the seed's 17 findings, so that a rule added later does not change what these
# tests count (15 safe fixes, 1 unsafe, 1 without a fix).
SELECT = ["--select", "duplicate-excerpt,image-url,empty-paragraph,inline-color,invalid-rel"]


@pytest.fixture
def folder(tmp_path):
    if find_config(tmp_path) is not None:
        pytest.skip("a config file above the test folder would change the result")
    return tmp_path


@pytest.fixture
def seed(folder):
    if not SEED.is_file():
        pytest.skip(f"no seed post at {SEED}")
    copy = folder / SEED.name
    shutil.copyfile(SEED, copy)
    copy.chmod(0o644)  # the shared copy has no write bits
    return copy


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([*map(str, argv), *SELECT])
    out, err = capsys.readouterr()
    return code, out, err


def stat(path: Path) -> tuple:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


def age(path: Path) -> None:
    """Set the mtime well in the past, so that any rewrite shows even on a coarse clock."""
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))


def findings_json(capsys, *argv) -> tuple[int, list[dict], str]:
    code, out, err = run(capsys, *argv, "--output-format", "json")
    return code, json.loads(out), err


def is_subsequence(needles: list, haystack: list) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


def fixed_text(capsys, path: Path, *argv: str) -> str:
    code = main([str(path), "--fix", "-q", "--output-format", "concise", *argv, *SELECT])
    capsys.readouterr()
    assert code in (0, 1)
    return path.read_bytes().decode("utf-8")


# -- the seed post ---------------------------------------------------------------------------

def test_fix_removes_every_safely_fixable_finding_of_the_seed(seed, capsys):
    code, remaining, err = findings_json(capsys, seed, "--fix")
    assert code == 1
    assert sorted(f["rule"] for f in remaining) == ["duplicate-excerpt", "image-url"]
    assert err.strip() == "15 fixed, 2 remaining."
    lines = seed.read_text(encoding="utf-8").split("\n")
    covered = {f["rule"]: lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] for f in remaining}
    assert covered == {"duplicate-excerpt": "feature_text",
                       "image-url": "'https://www.behealthy4u.com/wp-content/uploads/2024/06/news.jpg'"}


def test_what_remains_after_fix_is_positioned_in_the_fixed_file(folder, capsys):
    post = folder / "post.md"
    post.write_text(FRONT + '<p>&nbsp;</p>\n<p><span style="color:red">a</span></p>\n<p>&nbsp;<div>b</div></p>\n')
    code, remaining, _ = findings_json(capsys, post, "--fix")
    assert post.read_text() == FRONT + "<p>a</p>\n<p>&nbsp;<div>b</div></p>\n"
    assert [(f["rule"], f["line"], f["column"]) for f in remaining] == [("empty-paragraph", 5, 1)]
    assert code == 1


def test_fix_touches_only_the_lines_with_findings(seed, capsys):
    original = seed.read_bytes()
    _, before, _ = findings_json(capsys, seed)
    finding_lines = {f["line"] for f in before}
    fixed = fixed_text(capsys, seed).encode("utf-8")
    old_lines, new_lines = original.split(b"\n"), fixed.split(b"\n")
    untouched = [line for n, line in enumerate(old_lines, 1) if n not in finding_lines and line.strip()]
    assert len(untouched) == 16  # front matter, headings, the list, the image
    assert is_subsequence(untouched, new_lines)
    # Each of the 5 spacers goes with one of the two blank lines around it, no more.
    assert len(new_lines) == len(old_lines) - 2 * 5
    assert b"\n\n\n" not in fixed.split(b"---", 2)[2].rstrip(b"\n")  # no blank lines piled up
    assert fixed.endswith(b"</a>\n\n\n") and original.endswith(b"</a>\n\n\n")
    # The lines that were fixed lost markup only.
    assert b"&nbsp;" not in fixed and b"style=" not in fixed and b"dofollow" not in fixed


def test_fix_keeps_all_the_visible_text(seed, capsys):
    before = visible(Post(Source.from_bytes(seed.read_bytes()), str(seed)))
    after = visible(Post(Source.from_bytes(fixed_text(capsys, seed).encode()), str(seed)))
    assert len(before) > 1000
    assert after == before


def test_fix_keeps_entities_quoting_and_blank_lines_elsewhere(folder, capsys):
    text = (
        "---\n"
        "title: 'Single quoted: kept'  # a YAML comment\n"
        'subtitle: "double quoted"\n'
        "---\n"
        "\n\n"
        "<p>a&nbsp;b<br />c<br>d&#160;e&amp;f</p>\n"
        "<p data-ke-size='size16'>&nbsp;</p>\n"
        "\n"
        "<p><img src=/a.png alt=x></p>\n"
        "<p class=bare>x <span style='color: red'>y</span> z</p>\n"
    )
    post = folder / "post.md"
    post.write_text(text, encoding="utf-8")
    assert fixed_text(capsys, post) == text.replace("<p data-ke-size='size16'>&nbsp;</p>\n", "").replace(
        "<span style='color: red'>y</span>", "y"
    )


def test_a_second_fix_writes_nothing(seed, capsys):
    fixed_text(capsys, seed)
    age(seed)
    before = stat(seed)
    code, _, err = run(capsys, seed, "--fix")
    assert err.strip() == "0 fixed, 2 remaining."
    assert code == 1
    assert stat(seed) == before


def test_fix_writes_no_file_without_fixes(folder, capsys):
    post = folder / "post.md"
    post.write_text(FRONT + '<p style="color: #{{ page.c }}">templated</p>\n<p>&nbsp;<div>x</div></p>\n')
    age(post)
    before = stat(post)
    code, out, _ = run(capsys, post, "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert "empty-paragraph" in out  # reported, not fixable
    assert code == 1
    assert stat(post) == before


# -- --diff ----------------------------------------------------------------------------------

def lines_of(text: str) -> list[str]:
    """Lines as `patch` reads them: split at \\n only, each with its line break."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def apply_unified_diff(text: str, diff: str) -> str:
    """A tiny `patch`: apply the hunks of a one-file unified diff to ``text``."""
    old, lines = lines_of(text), lines_of(diff)
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    hunks: list[tuple[int, list[list[str]]]] = []
    for line in lines[2:]:
        assert line.endswith("\n"), f"diff line without a line break: {line!r}"
        if line.startswith("@@"):
            m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n", line)
            assert m, line
            hunks.append((int(m.group(1)) - (0 if m.group(2) == "0" else 1), []))
        elif line == "\\ No newline at end of file\n":
            hunks[-1][1][-1][1] = hunks[-1][1][-1][1].removesuffix("\n")
        else:
            assert line[0] in " +-", line
            hunks[-1][1].append([line[0], line[1:]])
    out, at = [], 0
    for start, body in hunks:
        out.extend(old[at:start])
        at = start
        for tag, line in body:
            if tag in " -":
                assert old[at] == line, f"context does not match at line {at + 1}"
                at += 1
            if tag in " +":
                out.append(line)
    return "".join(out + old[at:])


def diffs_by_file(out: str) -> dict[str, str]:
    parts = re.split(r"(?m)^(?=--- a/)", out)
    return {re.match(r"--- a/(.*)\n", part).group(1): part for part in parts if part}


def test_diff_shows_what_fix_would_write_and_writes_nothing(seed, folder, capsys):
    original = seed.read_text(encoding="utf-8")
    age(seed)
    before = stat(seed)
    code, out, err = run(capsys, seed, "--diff")
    assert code == 1
    assert stat(seed) == before
    assert out.startswith(f"--- a/{seed}\n+++ b/{seed}\n@@ ")
    assert err.strip() == "Would fix 15 findings in 1 file."
    other = folder / "other.md"
    shutil.copyfile(seed, other)
    expected = fixed_text(capsys, other)
    assert expected != original
    assert apply_unified_diff(original, out) == expected


def test_diff_of_posts_without_a_final_line_break_applies(folder, capsys):
    texts = {
        "a.md": FRONT + '<p>a</p>\n<p><span style="color:red">b</span></p>',
        "b.md": FRONT + "<p>a</p>\n<p>&nbsp;</p>\n<p>b</p>",
    }
    for name, text in texts.items():
        (folder / name).write_text(text)
    code, out, _ = run(capsys, folder / "a.md", folder / "b.md", "--diff")
    assert code == 1
    diffs = diffs_by_file(out)
    assert sorted(diffs) == [str(folder / "a.md"), str(folder / "b.md")]
    for name, text in texts.items():
        assert (folder / name).read_text() == text
        patched = apply_unified_diff(text, diffs[str(folder / name)])
        assert patched == fixed_text(capsys, folder / name)
        assert not patched.endswith("\n")


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0c", "\r"])
def test_diff_splits_lines_where_patch_does(folder, capsys, separator):
    # str.splitlines() also splits at these; `patch` and `git apply` split at \n only.
    text = FRONT + f"<p>a{separator}b</p>\n<p>&nbsp;</p>\n<p>c{separator}d</p>\n"
    post = folder / "post.md"
    post.write_bytes(text.encode("utf-8"))
    code, out, _ = run(capsys, post, "--diff")
    assert code == 1
    assert f" <p>a{separator}b</p>\n-<p>&nbsp;</p>\n <p>c{separator}d</p>\n" in out
    assert apply_unified_diff(text, out) == FRONT + f"<p>a{separator}b</p>\n<p>c{separator}d</p>\n"


def test_diff_with_unsafe_fixes_shows_the_unsafe_ones_too(seed, folder, capsys):
    original = seed.read_text(encoding="utf-8")
    _, safe, _ = run(capsys, seed, "--diff")
    code, unsafe, _ = run(capsys, seed, "--diff", "--unsafe-fixes")
    assert code == 1 and "-feature_text: >\n" in unsafe and "feature_text" not in safe
    other = folder / "other.md"
    shutil.copyfile(seed, other)
    assert apply_unified_diff(original, unsafe) == fixed_text(capsys, other, "--unsafe-fixes")
    assert seed.read_text(encoding="utf-8") == original


def test_diff_of_a_clean_post_is_empty_and_exits_0(folder, capsys):
    post = folder / "clean.md"
    post.write_text(FRONT + "<p>Nothing to fix.</p>\n")
    code, out, _ = run(capsys, post, "--diff")
    assert (code, out) == (0, "")


def test_diff_keeps_crlf_in_the_lines_it_shows(seed, capsys):
    seed.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = run(capsys, seed, "--diff")
    assert code == 1
    changed = [line for line in out.split("\n")[2:] if line[:1] in "+-" and line]
    assert changed and all(line.endswith("\r") for line in changed)


# -- unsafe fixes ----------------------------------------------------------------------------

def test_unsafe_fixes_also_remove_the_duplicate_feature_text_lines_only(seed, folder, capsys):
    other = folder / "other.md"
    shutil.copyfile(seed, other)
    safe = fixed_text(capsys, seed)
    code, remaining, err = findings_json(capsys, other, "--fix", "--unsafe-fixes")
    unsafe = other.read_text(encoding="utf-8")
    lines = safe.split("\n")
    assert lines[6] == "feature_text: >" and lines[7].startswith("  ")
    assert unsafe == "\n".join(lines[:6] + lines[8:])
    assert [f["rule"] for f in remaining] == ["image-url"]
    assert err.strip() == "16 fixed, 1 remaining."
    assert code == 1


# -- exit codes, summary, --show-fixes --------------------------------------------------------

def test_exit_0_when_fix_leaves_nothing_and_1_with_exit_non_zero_on_fix(folder, capsys):
    text = FRONT + '<p>a</p>\n<p>&nbsp;</p>\n<p><a href="/x" rel="dofollow">x</a></p>\n'
    post = folder / "post.md"
    post.write_text(text)
    code, out, err = run(capsys, post, "--fix")
    assert (code, err.strip()) == (0, "2 fixed, 0 remaining.")
    assert post.read_text() == FRONT + '<p>a</p>\n<p><a href="/x">x</a></p>\n'
    post.write_text(text)
    code, _, err = run(capsys, post, "--fix", "--exit-non-zero-on-fix")
    assert (code, err.strip()) == (1, "2 fixed, 0 remaining.")
    # Nothing fixed (the post is clean now): exit 0 even with the flag.
    code, _, err = run(capsys, post, "--fix", "--exit-non-zero-on-fix")
    assert (code, err.strip()) == (0, "0 fixed, 0 remaining.")


def test_exit_1_when_findings_remain_after_fix(seed, capsys):
    assert run(capsys, seed, "--fix")[0] == 1


def test_show_fixes_lists_what_was_fixed_per_file(seed, folder, capsys):
    clean = folder / "clean.md"
    clean.write_text(FRONT + "<p>Nothing to fix.</p>\n")
    _, _, err = run(capsys, seed, clean, "--fix", "--show-fixes")
    assert f"{seed}: fixed 5 × empty-paragraph, 9 × inline-color, 1 × invalid-rel" in err.splitlines()
    assert str(clean) not in err
    _, _, err = run(capsys, seed, "--fix")
    assert "× " not in err


# -- how a file is written ---------------------------------------------------------------------

def test_mode_is_kept(seed, capsys):
    seed.chmod(0o640)
    original = seed.read_bytes()
    fixed_text(capsys, seed)
    assert seed.read_bytes() != original
    assert seed.stat().st_mode & 0o7777 == 0o640


def test_crlf_stays_crlf_and_lf_stays_lf(seed, folder, capsys):
    crlf = folder / "crlf.md"
    crlf.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    lf_fixed = fixed_text(capsys, seed)
    raw = crlf.read_bytes()
    fixed_text(capsys, crlf)
    assert crlf.read_bytes() != raw
    assert crlf.read_bytes() == lf_fixed.replace("\n", "\r\n").encode("utf-8")
    assert b"\r\n" not in seed.read_bytes()


def test_bom_is_kept(seed, folder, capsys):
    bom = folder / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes())
    lf_fixed = fixed_text(capsys, seed)
    fixed_text(capsys, bom)
    assert bom.read_bytes() == b"\xef\xbb\xbf" + lf_fixed.encode("utf-8")


def test_a_symlinked_post_is_fixed_through_the_link(folder, capsys):
    (folder / "real").mkdir()
    (folder / "site").mkdir()
    target = folder / "real" / "post.md"
    target.write_text(FRONT + "<p>a</p>\n<p>&nbsp;</p>\n")
    link = folder / "site" / "post.md"
    link.symlink_to(Path("..") / "real" / "post.md")
    code, _, err = run(capsys, link, "--fix")
    assert (code, err.strip()) == (0, "1 fixed, 0 remaining.")
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text() == FRONT + "<p>a</p>\n"
    assert sorted(os.listdir(folder / "real")) == ["post.md"]


def test_read_only_file_is_a_finding_and_stays_as_it_was(seed, folder, capsys):
    seed.chmod(0o444)
    age(seed)
    before = stat(seed)
    code, remaining, err = findings_json(capsys, seed, "--fix")
    assert code == 1
    assert stat(seed) == before
    rules = [f["rule"] for f in remaining]
    assert "write-error" in rules
    assert [f for f in remaining if f["rule"] == "write-error"][0]["message"].count("read-only") == 1
    assert rules.count("empty-paragraph") == 5  # the original findings are still reported
    assert err.strip().startswith("0 fixed,")
    assert sorted(os.listdir(folder)) == [seed.name]


def test_a_failed_write_leaves_the_file_and_no_temp_file(seed, folder, capsys, monkeypatch):
    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("postlint.fixer.os.replace", fail)
    original = seed.read_bytes()
    code, remaining, _ = findings_json(capsys, seed, "--fix")
    assert code == 1
    assert seed.read_bytes() == original
    assert any(f["rule"] == "write-error" and "No space left" in f["message"] for f in remaining)
    assert sorted(os.listdir(folder)) == [seed.name]


def test_no_temp_file_is_left_behind(seed, folder, capsys):
    for name in ("a.md", "b.md"):
        shutil.copyfile(seed, folder / name)
    code, _, err = run(capsys, folder, "--fix")
    assert err.strip() == "45 fixed, 6 remaining."
    assert sorted(os.listdir(folder)) == sorted(["a.md", "b.md", seed.name])


# -- moving a rule's fixes between safe and unsafe ---------------------------------------------

def test_extend_unsafe_fixes_keeps_fix_from_applying_a_rule(seed, folder, capsys):
    (folder / "postlint.toml").write_text('extend-unsafe-fixes = ["empty-paragraph"]\n')
    code, remaining, err = findings_json(capsys, seed, "--fix")
    text = seed.read_text(encoding="utf-8")
    assert text.count('<p data-ke-size="size16">&nbsp;</p>') == 5
    assert "style=" not in text  # the other rules' fixes still apply
    assert sorted({f["rule"] for f in remaining}) == ["duplicate-excerpt", "empty-paragraph", "image-url"]
    assert err.strip() == "10 fixed, 7 remaining."
    fixed_text(capsys, seed, "--unsafe-fixes")
    assert "&nbsp;" not in seed.read_text(encoding="utf-8")


def test_extend_safe_fixes_lets_fix_apply_an_unsafe_rule(seed, folder, capsys):
    (folder / "postlint.toml").write_text('extend-safe-fixes = ["duplicate-excerpt"]\n')
    code, remaining, err = findings_json(capsys, seed, "--fix")
    assert "feature_text" not in seed.read_text(encoding="utf-8")
    assert "excerpt: >" in seed.read_text(encoding="utf-8")
    assert [f["rule"] for f in remaining] == ["image-url"]
    assert err.strip() == "16 fixed, 1 remaining."


# -- the golden file -------------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_fixing_the_example_seed_gives_the_golden_file(folder, capsys):
    # examples/fixed/ is the reviewed output of `postlint --fix` on examples/_posts/ (its 15 fixes).
    name = "2024-07-22-alliance-news.md"
    post = folder / name
    shutil.copyfile(EXAMPLES / "_posts" / name, post)
    post.chmod(0o644)
    config = ["--config", str(EXAMPLES / "postlint.toml")]
    code = main([str(post), "--fix", "-q", "--output-format", "concise", *config, *SELECT])
    capsys.readouterr()
    assert code == 1  # duplicate-excerpt (unsafe) and image-url (no safe fix) remain
    golden = (EXAMPLES / "fixed" / name).read_bytes()
    assert golden != (EXAMPLES / "_posts" / name).read_bytes()
    assert post.read_bytes() == golden


def test_a_check_with_unsafe_fixes_counts_them_as_fixable(seed, capsys):
    # Without --fix, --unsafe-fixes changes only what is called fixable (as in ruff): the [*]
    # marks, json's `fixable`, --statistics and the summary, which names the command to run.
    before = seed.read_bytes()
    _, out, _ = run(capsys, seed, "--output-format", "concise")
    assert out.count("[*]") == 15
    assert out.rstrip().endswith("15 fixable with `postlint --fix`. 1 more with `--unsafe-fixes`.")
    _, out, _ = run(capsys, seed, "--unsafe-fixes", "--output-format", "concise")
    assert out.count("[*]") == 16
    assert out.rstrip().endswith("16 fixable with `postlint --fix --unsafe-fixes`.")
    _, items, _ = findings_json(capsys, seed, "--unsafe-fixes")
    assert sum(item["fixable"] for item in items) == 16
    _, out, _ = run(capsys, seed, "--unsafe-fixes", "--statistics", "--quiet", "--output-format", "concise")
    assert re.search(r"1  invalid-rel\s+\[\*\]", out)
    assert seed.read_bytes() == before
