"""--jobs: posts linted in worker processes are reported exactly as a serial run reports them.

From 400 files on the CLI lints in one process per core by default, so this is the path most
whole-repository runs take. Results cross processes by pickling.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.config import Config, find_config
from postlint.engine import Linter, select_rules
from postlint.registry import Registry

SEED = Path(__file__).resolve().parents[1] / "examples" / "_posts" / "2024-07-22-alliance-news.md"


@pytest.fixture
def folder(tmp_path):
    if find_config(tmp_path) is not None:
        pytest.skip("a config file above the test folder would change the result")
    seed = SEED.read_text(encoding="utf-8")
    for i in range(24):  # seed-style posts, each a little different
        (tmp_path / f"post-{i:02}.md").write_text(seed + "<p>&nbsp;</p>\n" * (i % 4), encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"---\ntitle: x\n---\n\xff\xfe")  # encoding-error
    (tmp_path / "yaml.md").write_text("---\ntitle: [unclosed\n---\n<p>x</p>\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json", "concise", "sarif"])
def test_a_parallel_run_reports_what_a_serial_run_does(folder, capsys, fmt):
    serial = main([str(folder), "--jobs", "1", "--output-format", fmt, "--select", "ALL"])
    expected = capsys.readouterr().out
    parallel = main([str(folder), "--jobs", "2", "--output-format", fmt, "--select", "ALL"])
    assert (parallel, capsys.readouterr().out) == (serial, expected)
    assert serial == 1 and "encoding-error" in expected and "front-matter-syntax" in expected


def test_results_survive_pickling_with_their_fixes():
    config = Config()
    linter = Linter(select_rules(Registry(), config, select=["ALL"]), config)
    result = linter.lint_file(SEED)
    assert any(f.fix is not None for f in result.findings)
    back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.findings == result.findings and back.source == result.source and back.fixable == result.fixable
