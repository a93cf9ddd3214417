"""fake-heading: (source, findings as (line, column), message's suggested level); never fixed."""

from pathlib import Path

import pytest

RULE = "fake-heading"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "2024-07-22-alliance-news.md"

CASES = [
    # The level that fits: one below the heading before, <h2> when there is none.
    pytest.param('<h2 data-ke-size="size26">한미동맹의 지속적 강화</h2>\n<p>본문.</p>\n<p><strong>한·미 동맹의 중요성</strong></p>\n',
                 [(3, 1)], "h3", id="after-h2"),
    pytest.param("<p><b>2. 하향식 통합 테스트</b></p>\n<p>본문</p>\n", [(1, 1)], "h2", id="no-heading-before"),
    pytest.param("<h3>A</h3>\n<p>x</p>\n<p><strong>B</strong></p>\n", [(3, 1)], "h4", id="after-h3"),
    pytest.param("<h6>A</h6>\n<p><strong>B</strong></p>\n", [(2, 1)], "h6", id="no-h7"),
    pytest.param('<h2>A</h2>\n<p data-ke-size="size16"><b><span style="color: #ee2323;">* 결함 추이 분석</span></b></p>\n',
                 [(2, 1)], "h3", id="tistory-styled-bold"),
    pytest.param("<p>\n  <strong>Setup</strong>\n</p>\n", [(1, 1)], "h2", id="whitespace-around"),
    # Not headings: bold beside other text, sentences, labels, hand-typed list items, long text.
    pytest.param("<p><strong>Note</strong> the server restarts.</p>\n", [], None, id="text-beside"),
    pytest.param("<p><strong>a</strong><em>b</em></p>\n", [], None, id="two-children"),
    pytest.param("<p><b>서버는 매일 재시작됩니다.</b></p>\n", [], None, id="sentence"),
    pytest.param("<p><strong>Key considerations:</strong></p>\n<ul><li>a</li></ul>\n", [], None, id="label"),
    pytest.param('<p data-ke-size="size16"><b><span>- API 오용</span></b></p>\n', [], None, id="dash-list-item"),
    pytest.param("<p><b>" + "긴 강조 " * 25 + "</b></p>\n", [], None, id="too-long"),
    pytest.param("<p><strong></strong></p>\n", [], None, id="empty"),
    # Where a heading cannot go.
    pytest.param("<ul><li><p><strong>Step</strong></p></li></ul>\n<blockquote><p><b>Quote</b></p></blockquote>\n"
                 "<table><tr><td><p><b>Cell</b></p></td></tr></table>\n", [], None, id="list-quote-cell"),
]


@pytest.mark.parametrize("source, expected, level", CASES)
def test_fake_heading(check, source, expected, level):
    findings = check(RULE, source, expected, None)
    assert all(f.fix is None for f in findings)
    assert all(f.message.endswith(f"<{level}>") for f in findings)


def test_markdown(check):
    # A Markdown heading before counts; Markdown bold paragraphs only with `markdown`.
    source = "## Setup\n\n<p><strong>Install</strong></p>\n\n**Configure**\n\nText **not alone**.\n"
    findings = check(RULE, source, [(3, 1)], None, path="post.md")
    assert findings[0].message.endswith("<h3>")
    findings = check(RULE, source, [(3, 1), (5, 1)], None, path="post.md", options={"markdown": True})
    assert findings[1].message.endswith("<h3>")
    check(RULE, "```html\n<p><strong>x</strong></p>\n```\n\n    **y**\n", [], None, path="post.md",
          options={"markdown": True})


def test_max_length_option(check):
    check(RULE, "<p><b>Twelve chars</b></p>\n", [], None, options={"max-length": 10})


def test_seed_line_24(lint):
    # Counted by hand: line 24 of the seed is `<p><strong>한·미 동맹의 중요성</strong></p>`, the <h2>
    # before it is on line 14.
    if not SEED.is_file():
        pytest.skip(f"no seed post at {SEED}")
    result = lint(SEED.read_text(encoding="utf-8"), RULE, path=SEED.name)
    assert [(result.position(f.start), f.message) for f in result.findings] == [
        ((24, 1), "bold paragraph used as a heading; make it an <h3>")
    ]
