"""The pre-commit hooks in ``.pre-commit-hooks.yaml``, run by the real ``pre-commit try-repo``.

pre-commit builds a virtualenv for the hooks and pip-installs postlint into it (lxml & co. come
from the package index or pip's cache), so this is the slowest test: about 10-15 s per
``try-repo`` call with a warm pip cache. Two calls: one per post, each running BOTH hooks in
order (``postlint``, then ``postlint-fix``), so the two hooks share one environment.

Why not share one environment across calls through ``PRE_COMMIT_HOME``: ``try-repo`` ignores it
and builds in a fresh temporary store each time (``Store(tempdir)`` in
``pre_commit/commands/try_repo.py``). ``PRE_COMMIT_HOME`` is still pointed at a temporary folder
so that nothing here touches the user's ``~/.cache/pre-commit``.

Which postlint is tried: a commit of this checkout's working tree (tracked files plus untracked
files that are not ignored), made in a temporary repository. On a clean CI checkout that is
HEAD. Pointing ``try-repo`` at the checkout itself would make pre-commit's own shadow commit of
uncommitted changes, which takes only *tracked* files (``git add -u``): a new module or a new
hooks file not yet added would be missing, and the hooks would test other code than the rest
of the suite does.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (it is in the `test` extra: pip install -e '.[test]')"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not on PATH (pre-commit needs it)"),
]

# Three findings, all safely fixable: empty-paragraph, inline-color and invalid-rel (dofollow).
BAD = (
    "---\ntitle: Bad post\n---\n\n"
    "<p>&nbsp;</p>\n\n"
    '<p>Read <span style="color: #ee2323;">this</span> and '
    '<a href="https://example.com/" rel="dofollow noopener">that</a>.</p>\n'
)
# The spacer paragraph (and its blank line) gone, the colour span unwrapped, `dofollow` dropped.
BAD_FIXED = (
    "---\ntitle: Bad post\n---\n\n"
    '<p>Read this and <a href="https://example.com/" rel="noopener">that</a>.</p>\n'
)
GOOD = "---\ntitle: Good post\n---\n\nA clean post with a [link](https://example.com/) and nothing to fix.\n"

STATUS = re.compile(r"^(?P<name>\S.*?)\.{3,}(?:\(no files to check\))?(?P<status>Passed|Failed|Skipped)$", re.M)


def _env(pre_commit_home: Path) -> dict[str, str]:
    # No GIT_DIR/GIT_INDEX_FILE from an enclosing git hook, no SKIP or PRE_COMMIT_* of the user's.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "SKIP"}
    env["PRE_COMMIT_HOME"] = str(pre_commit_home)
    return env


def _git(cwd: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)} failed in {cwd}:\n{done.stdout}{done.stderr}"
    return done.stdout


def _init_repo(path: Path, env: dict[str, str]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    _git(path, "-c", "init.defaultBranch=main", "init", "-q", env=env)
    _git(path, "config", "user.email", "test@example.com", env=env)
    _git(path, "config", "user.name", "postlint tests", env=env)
    _git(path, "config", "commit.gpgsign", "false", env=env)


def _commit_all(path: Path, env: dict[str, str]) -> None:
    _git(path, "add", "--all", env=env)
    _git(path, "commit", "-q", "--no-verify", "-m", "snapshot", env=env)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """A one-commit copy of this checkout's working tree (see the module docstring)."""
    listed = _git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard", env=env)
    names = [name for name in listed.split("\0") if name]
    assert ".pre-commit-hooks.yaml" in names, "the hooks file is missing from the checkout"
    snapshot = tmp_path_factory.mktemp("hooks-repo")
    _init_repo(snapshot, env)
    for name in names:
        source = REPO / name
        if not source.exists() and not source.is_symlink():  # tracked but deleted in the tree
            continue
        target = snapshot / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    _commit_all(snapshot, env)
    return snapshot


@pytest.fixture
def posts_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    """A user's content repo with one bad and one good post, committed (a clean tree)."""
    repo = tmp_path / "site"
    _init_repo(repo, env)
    (repo / "_posts").mkdir()
    (repo / "_posts" / "bad.md").write_text(BAD, encoding="utf-8", newline="")
    (repo / "_posts" / "good.md").write_text(GOOD, encoding="utf-8", newline="")
    _commit_all(repo, env)
    return repo


def _try_repo(hooks_repo: Path, posts_repo: Path, env: dict[str, str], *args: str):
    """Run ``pre-commit try-repo`` (all hooks of the hooks file) in the posts repo.
    Returns (exit code, output, {hook name: Passed|Failed|Skipped}, {hook id: its output})."""
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", "--color", "never", str(hooks_repo), *args],
        cwd=posts_repo, env=env, capture_output=True, text=True, timeout=600,
    )
    output = done.stdout + done.stderr
    statuses = {m["name"]: m["status"] for m in STATUS.finditer(output)}
    sections = {}
    for section in STATUS.split(output)[3::3]:  # the text after each status line
        hook_id = re.search(r"^- hook id: (\S+)$", section, re.M)
        if hook_id:
            sections[hook_id[1]] = section
    return done.returncode, output, statuses, sections


def test_hooks_manifest_lists_both_hooks(hooks_repo: Path) -> None:
    from pre_commit.clientlib import load_manifest  # pre-commit's own schema check

    hooks = {hook["id"]: hook for hook in load_manifest(str(hooks_repo / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"postlint", "postlint-fix"}
    assert hooks["postlint"]["entry"] == "postlint"
    assert hooks["postlint-fix"]["entry"] == "postlint --fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "html"]
        assert hook["pass_filenames"] is True


def test_identify_tags_cover_the_post_extensions() -> None:
    from identify.identify import tags_from_filename  # what pre-commit matches `types_or` against

    for name in ("post.md", "post.markdown", "post.html", "post.htm"):
        assert tags_from_filename(name) & {"markdown", "html"}, name


def test_all_files_bad_post_fails_check_and_is_fixed(hooks_repo: Path, posts_repo: Path,
                                                     env: dict[str, str]) -> None:
    bad = posts_repo / "_posts" / "bad.md"
    code, output, statuses, sections = _try_repo(hooks_repo, posts_repo, env, "--all-files")

    assert code == 1, output
    assert statuses == {"postlint": "Failed", "postlint --fix": "Failed"}, output
    # postlint: exit 1, the three findings reported on the bad post
    check = sections["postlint"]
    assert "- exit code: 1" in check, output
    for rule in ("empty-paragraph", "inline-color", "invalid-rel"):
        assert rule in check, output
    assert "_posts/bad.md" in check and "good.md" not in check, output
    # postlint-fix: fixed everything (postlint exits 0) and fails only because the file changed
    fix = sections["postlint-fix"]
    assert "- files were modified by this hook" in fix, output
    assert "- exit code" not in fix, output
    assert "3 fixed, 0 remaining." in fix, output  # (pre-commit may split files across runs)
    assert bad.read_text(encoding="utf-8") == BAD_FIXED
    assert (posts_repo / "_posts" / "good.md").read_text(encoding="utf-8") == GOOD


def test_good_post_passes_both_hooks(hooks_repo: Path, posts_repo: Path, env: dict[str, str]) -> None:
    code, output, statuses, _ = _try_repo(hooks_repo, posts_repo, env, "--files", "_posts/good.md")

    assert code == 0, output
    assert statuses == {"postlint": "Passed", "postlint --fix": "Passed"}, output
    assert (posts_repo / "_posts" / "good.md").read_text(encoding="utf-8") == GOOD
    assert (posts_repo / "_posts" / "bad.md").read_text(encoding="utf-8") == BAD
