"""--jobs: posts linted in worker processes are reported exactly as a serial run reports them.

From 400 files on the CLI lints in one process per core by default, so this is the path most
whole-repository runs take. Results cross processes as plain data (FileResult.to_wire), pickled.
"""

from __future__ import annotations

import pickle
import pickletools
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.config import Config, find_config
from postlint import Edit
from postlint.engine import FileResult, Linter, select_rules
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


def test_results_cross_processes_whole_and_as_plain_data():
    config = Config()
    linter = Linter(select_rules(Registry(), config, select=["ALL"]), config)
    result = linter.lint_file(SEED)
    assert any(f.fix is not None for f in result.findings)
    blob = pickle.dumps(result.to_wire(), protocol=pickle.HIGHEST_PROTOCOL)
    # Plain data pickles in C: no class of ours (nor any other) is named in the stream.
    assert not [op.name for op, _arg, _pos in pickletools.genops(blob) if "GLOBAL" in op.name or op.name.startswith("NEWOBJ")]
    back = FileResult.from_wire(pickle.loads(blob))
    assert back == result
    assert [type(f.fix) for f in back.findings] == [type(f.fix) for f in result.findings]
    assert all(type(e) is Edit for f in back.findings if f.fix is not None for e in f.fix.edits)


def test_posts_without_a_clean_source_cross_processes_too(folder):
    linter = Linter([], Config())
    undecodable = linter.lint_file(folder / "broken.md")  # a lenient source, not fixable
    unreadable = linter.lint_file(folder)  # a folder: read-error, no source at all
    assert unreadable.source is None and not undecodable.fixable
    for result in (undecodable, unreadable):
        assert FileResult.from_wire(pickle.loads(pickle.dumps(result.to_wire()))) == result


def test_the_workers_arguments_pickle_after_use(folder):
    # Where processes are spawned (macOS, Windows; forkserver, Python 3.14's default on Linux)
    # the rules and the config go to each worker pickled; rules keep caches as they run.
    config = Config()
    rules = select_rules(Registry(), config, select=["ALL"])
    linter = Linter(rules, config)
    for path in sorted(folder.glob("*.md")):
        linter.lint_file(path)
    rules_back, config_back = pickle.loads(pickle.dumps((rules, config)))
    again = Linter(rules_back, config_back)
    assert [again.lint_file(p) for p in sorted(folder.glob("*.md"))] == [linter.lint_file(p) for p in sorted(folder.glob("*.md"))]
