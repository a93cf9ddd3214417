"""Plugins: examples/plugin really installed by pip, then used through `python -m postlint`.

pip installs it offline into a temporary folder (``--target``) that only the subprocesses see
on PYTHONPATH, so the test venv is never changed and no other test sees the plugin.
``--no-build-isolation`` builds with the test venv's setuptools (the test extra asks for one
with ``bdist_wheel`` built in), ``--no-index`` keeps pip off the network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from postlint.registry import GROUP, Registry, RegistryError

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "examples" / "plugin"
RULE = "acme/no-lorem-ipsum"

# Line 6 holds the one placeholder a reader sees: "Lorem ipsum" at column 14 (end 6:25).
# The others are in an attribute, a comment and a code span, which no reader sees as text.
POST = """\
---
title: Draft
---
<p title="lorem ipsum">Intro.</p>
<!-- lorem ipsum: fill in later -->
<p>Hi there. Lorem ipsum dolor sit amet.</p>

Templates say `lorem ipsum` here.
"""


@pytest.fixture(scope="module")
def target(tmp_path_factory) -> Path:
    """examples/plugin, pip-installed into a folder of its own."""
    work = tmp_path_factory.mktemp("plugin")
    # A copy, because building writes build/ and *.egg-info next to the sources.
    src = shutil.copytree(PLUGIN, work / "src", ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    target = work / "site-packages"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--no-cache-dir", "--disable-pip-version-check", "--quiet", "--target", str(target), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def postlint(*args: str, path: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m postlint ARGS`, with ``path`` (the plugin's install folder) on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NO_COLOR"] = "1"
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return subprocess.run([sys.executable, "-m", "postlint", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


@pytest.fixture
def post(tmp_path) -> Path:
    file = tmp_path / "draft.md"
    file.write_text(POST, encoding="utf-8")
    return file


def test_the_installed_plugin_is_listed(target):
    done = postlint("rules", path=target)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith(RULE))
    assert line.split()[1:4] == ["on", "never", "error"]
    assert 'Placeholder text ("Lorem ipsum")' in line


def test_its_documentation(target):
    done = postlint("rule", RULE, path=target)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"# {RULE}\n")
    for section in ("What it does", "Why", "Bad", "Good", "Fix safety", "Options"):
        assert f"## {section}\n" in done.stdout


def test_it_finds_the_placeholder_at_its_position(target, post):
    done = postlint("--output-format", "json", str(post), path=target)
    assert done.returncode == 1, done.stderr
    found = [(f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
             for f in json.loads(done.stdout) if f["rule"] == RULE]
    assert found == [(6, 14, 6, 25, "placeholder text “Lorem ipsum”")]
    assert POST.splitlines()[5][13:24] == "Lorem ipsum"


def test_namespaced_id_in_select_and_config(target, post):
    done = postlint("--select", RULE, "--output-format", "concise", str(post), path=target)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[0] == f"{post}:6:14: error {RULE} placeholder text “Lorem ipsum”"

    (post.parent / "postlint.toml").write_text(f'[rules."{RULE}"]\nseverity = "warning"\n')
    done = postlint("--select", RULE, "--output-format", "json", str(post), path=target)
    assert [f["severity"] for f in json.loads(done.stdout)] == ["warning"]

    (post.parent / "postlint.toml").write_text(f'[rules."{RULE}"]\nwords = ["lorem"]\n')
    done = postlint(str(post), path=target)
    assert done.returncode == 2
    assert done.stderr == (f"postlint: error: {post.parent / 'postlint.toml'}: [rules.\"{RULE}\"]: "
                           f"unknown option 'words' for rule {RULE} (known: severity)\n")


def test_the_contract_test_covers_the_installed_plugin(target):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "tests/test_contract.py", "-k", "acme"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"PASSED tests/test_contract.py::test_rule_contract[{RULE}-NoLoremIpsum]" in done.stdout.splitlines()


def test_without_the_install_the_rule_does_not_exist(post):
    assert RULE not in Registry().ids
    assert RULE not in postlint("rules").stdout
    done = postlint("--output-format", "json", str(post))
    assert [f["rule"] for f in json.loads(done.stdout) if f["rule"].startswith("acme/")] == []
    done = postlint("--select", RULE, str(post))
    assert done.returncode == 2
    assert done.stderr == f"postlint: error: --select: unknown rule id '{RULE}' (see `postlint rules`)\n"


def fake_distribution(folder: Path, name: str) -> None:
    """An installed distribution as importlib.metadata sees one: a dist-info folder."""
    info = folder / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{GROUP}]\n{RULE} = {name.replace('-', '_')}:NoLorem\n")


@pytest.mark.parametrize("command", [["rules"], ["rule", RULE], ["--select", RULE, "draft.md"]])
def test_two_packages_with_one_id_are_an_error_naming_both(tmp_path, post, command):
    fake_distribution(tmp_path / "path", "acme-one")
    fake_distribution(tmp_path / "path", "acme-two")
    done = postlint(*command, path=tmp_path / "path", cwd=post.parent)
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"postlint: error: rule id '{RULE}' is registered by two packages: ")
    assert "acme-one (acme_one:NoLorem)" in line and "acme-two (acme_two:NoLorem)" in line


@pytest.mark.parametrize("name", ["Acme/NoLorem", "acme/", "/no-lorem", "acme/team/no-lorem", "no_lorem"])
def test_an_id_that_is_not_kebab_case_is_an_error(name):
    point = EntryPoint(name=name, value="acme_rules:NoLorem", group=GROUP)
    with pytest.raises(RegistryError, match=f"acme_rules registers a rule with the invalid id '{name}'"):
        Registry(points=[point]).ids


def test_ids_kebab_case_with_an_optional_namespace_are_accepted():
    names = ["no-lorem", "acme/no-lorem", "acme2/x"]
    points = [EntryPoint(name=n, value="acme_rules:X", group=GROUP) for n in names]
    assert Registry(points=points).ids == sorted(names)
