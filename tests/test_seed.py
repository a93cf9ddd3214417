"""The seed post (a Tistory import) yields exactly the findings we promised, at the right places.

Every position below was counted by hand in /work/shared/seed/2024-07-22-alliance-news.md
(columns in characters, the Korean text counted one column per syllable), not copied from
the tool. Each finding is also checked to cover exactly the text it names.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from postlint.cli import main
from postlint.config import find_config

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "2024-07-22-alliance-news.md"
IMAGE = "'https://www.behealthy4u.com/wp-content/uploads/2024/06/news.jpg'"
EMPTY_P = '<p data-ke-size="size16">'
KE16, KE26 = 'data-ke-size="size16"', 'data-ke-size="size26"'  # Tistory's editor attribute
RED, BLUE, HIGHLIGHT = 'style="color: #ee2323;"', 'style="color: #1a5490;"', 'style="background-color: #21538527;"'

EXPECTED = [
    ("duplicate-excerpt", 7, 1, "feature_text"),  # the repeating key, not `excerpt` on line 5
    ("image-url", 9, 8, IMAGE),  # the value, quotes included
    ("duplicate-hero-image", 12, 4, '<img src="https://www.behealthy4u.com/wp-content/uploads/2024/06/news.jpg" alt="info 속보" />'),
    ("editor-attributes", 14, 5, KE26),
    ("empty-paragraph", 16, 1, EMPTY_P),
    ("editor-attributes", 16, 4, KE16),
    ("inline-color", 18, 67, RED),
    ("inline-color", 18, 151, HIGHLIGHT),
    ("inline-color", 20, 69, BLUE),
    ("inline-color", 20, 211, RED),
    ("empty-paragraph", 22, 1, EMPTY_P),
    ("editor-attributes", 22, 4, KE16),
    ("fake-heading", 24, 1, "<p>"),  # <p><strong>한·미 동맹의 중요성</strong></p>: an <h3> after the <h2>
    ("inline-color", 29, 34, HIGHLIGHT),
    ("empty-paragraph", 32, 1, EMPTY_P),
    ("editor-attributes", 32, 4, KE16),
    ("inline-color", 34, 13, BLUE),
    ("inline-color", 34, 210, RED),
    ("empty-paragraph", 36, 1, EMPTY_P),
    ("editor-attributes", 36, 4, KE16),
    ("editor-attributes", 38, 5, KE26),
    ("empty-paragraph", 40, 1, EMPTY_P),
    ("editor-attributes", 40, 4, KE16),
    ("inline-color", 42, 60, BLUE),
    ("inline-color", 42, 212, HIGHLIGHT),
    ("stray-text", 43, 1, '생생한 뉴스, <a href="https://qoogle.tistory.com" rel="dofollow">qoogle.tistory.com</a>'),
    ("lookalike-domain", 43, 18, "https://qoogle.tistory.com"),  # a blog name imitating google
    ("invalid-rel", 43, 51, "dofollow"),
]


@pytest.fixture
def seed(tmp_path):
    if not SEED.is_file():
        pytest.skip(f"no seed post at {SEED}")
    if find_config(tmp_path) is not None:
        pytest.skip("a config file above the test folder would change the result")
    copy = tmp_path / SEED.name
    shutil.copyfile(SEED, copy)
    return copy


def lint(seed: Path, capsys) -> tuple[int, list[dict]]:
    code = main([str(seed), "--output-format", "json"])
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


def test_seed_findings_are_exactly_these(seed, capsys):
    code, findings = lint(seed, capsys)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [e[:3] for e in EXPECTED]
    assert {f["path"] for f in findings} == {str(seed)}


def test_each_seed_finding_covers_the_text_it_names(seed, capsys):
    lines = seed.read_text(encoding="utf-8").split("\n")
    _, findings = lint(seed, capsys)
    covered = []
    for f in findings:
        if f["end_line"] == f["line"]:
            covered.append(lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1])
        else:  # only the image value could span lines; it does not here
            covered.append(None)
    assert covered == [e[3] for e in EXPECTED]


def test_seed_counts(seed, capsys):
    _, findings = lint(seed, capsys)
    counts = {}
    for f in findings:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    assert counts == {"duplicate-excerpt": 1, "editor-attributes": 7, "fake-heading": 1, "image-url": 1, "empty-paragraph": 5, "inline-color": 9, "invalid-rel": 1,
                      "duplicate-hero-image": 1, "lookalike-domain": 1,
                      "stray-text": 1}
