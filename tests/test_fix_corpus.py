"""`postlint --fix` over every real post of ../shared/corpus/real (a copy): no crash, no byte
changed in a post without a safe fix, no word lost in a fixed one, and a second run writes nothing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.config import Config, find_config
from postlint.engine import Linter, select_rules
from postlint.fixer import applicable, visible
from postlint.registry import Registry
from postlint.source import Source

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
POST_SUFFIXES = (".md", ".markdown", ".html", ".htm")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    copy = tmp_path_factory.mktemp("corpus") / "real"
    shutil.copytree(CORPUS, copy)
    if find_config(copy) is not None:
        pytest.skip("a config file above the corpus copy would change the result")
    for folder, dirs, files in os.walk(copy):  # the shared copy has no write bits
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    return copy


def posts(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in POST_SUFFIXES)


def snapshot(root: Path) -> dict[Path, tuple[bytes, int, int]]:
    out = {}
    for p in posts(root):
        st = p.stat()
        out[p] = (p.read_bytes(), st.st_mtime_ns, st.st_ino)
    return out


def fix_all(root: Path, capsys) -> tuple[int, list[dict], str]:
    code = main([str(root), "--fix", "-q", "--output-format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_fix_the_whole_corpus(corpus, capsys):
    config = Config()
    linter = Linter(select_rules(Registry(), config), config)
    before = snapshot(corpus)
    assert len(before) > 1000
    wants_fix = set()
    for path in before:
        result = linter.lint_file(path)
        if result.fixable and any(applicable(f, unsafe=False) for f in result.findings):
            wants_fix.add(path)
    for path, (_, mtime, _) in before.items():
        os.utime(path, ns=(mtime - 10**9, mtime - 10**9))  # any rewrite will show
    before = snapshot(corpus)

    code, remaining, err = fix_all(corpus, capsys)
    assert code in (0, 1), err
    problems = [f for f in remaining if f["rule"] in ("internal-error", "write-error")]
    assert problems == []
    refused = {Path(f["path"]) for f in remaining if f["rule"] == "fix-refused"}

    after = snapshot(corpus)
    assert after.keys() == before.keys()
    changed = {p for p in before if after[p] != before[p]}
    # Only posts with an applicable safe fix change, and every one of those that was not
    # refused does.
    assert changed <= wants_fix
    assert changed == wants_fix - refused
    assert len(changed) >= 10  # the Tistory imports have spacers and colours to fix
    for path in changed:
        old, new = Source.from_bytes(before[path][0]), Source.from_bytes(after[path][0])
        assert visible(linter.post(new, str(path))) == visible(linter.post(old, str(path))), path
        assert (new.bom, new.newline) == (old.bom, old.newline), path

    code, _, err = fix_all(corpus, capsys)
    assert err == ""  # -q: no summary
    assert snapshot(corpus) == after
    assert code in (0, 1)
