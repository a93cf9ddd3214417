"""heading-order: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "heading-order"

CASES = [
    # Skipped levels: from the heading before, and for the first one from the title (h1).
    pytest.param("<h2>결론</h2>\n<h4>협력 분야</h4>\n", [(2, 1)], None, id="h2-then-h4"),
    pytest.param("<h3>Intro</h3>\n<p>x</p>\n", [(1, 1)], None, id="first-heading-skips-h2"),
    pytest.param("<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n<h2>D</h2>\n<h3>E</h3>\n", [], None, id="in-order-and-back-up"),
    pytest.param('<h2 data-ke-size="size26">한미동맹</h2>\n<h2 data-ke-size="size26">결론</h2>\n', [], None, id="seed-h2s"),
    # <h1> in the body.
    pytest.param("<h1>Title again</h1>\n<h2>A</h2>\n", [(1, 1)], None, id="h1"),
    # The whole heading in bold: the bold goes, the words stay.
    pytest.param("<h2><b>결론 및 앞으로의 방향</b></h2>\n", [(1, 5)], "<h2>결론 및 앞으로의 방향</h2>\n", id="b-in-h2"),
    pytest.param('<h2 id="x">\n  <strong>Setup</strong>\n</h2>\n', [(2, 3)], '<h2 id="x">\n  Setup\n</h2>\n', id="strong-indented"),
    pytest.param('<h2><b style="color: red">A</b></h2>\n', [(1, 5)], None, id="bold-with-attributes-reported-only"),
    pytest.param("<h2><b>A</b> and B</h2>\n<h3>C <strong>D</strong></h3>\n", [], None, id="partly-bold"),
    # Both at once: two findings on one heading.
    pytest.param("<h2>A</h2>\n<h4><b>B</b></h4>\n", [(2, 1), (2, 5)], "<h2>A</h2>\n<h4>B</h4>\n", id="skip-and-bold"),
    pytest.param("---\r\ntitle: 제목\r\n---\r\n<h2>가</h2>\r\n<h4><strong>나</strong></h4>\r\n", [(5, 1), (5, 5)],
                 "---\r\ntitle: 제목\r\n---\r\n<h2>가</h2>\r\n<h4>나</h4>\r\n", id="crlf-front-matter-korean"),
]

MARKDOWN_CASES = [
    pytest.param("## A\n\n#### B\n", [(3, 1)], None, id="skip"),
    pytest.param("# Title\n\n## A\n", [(1, 1)], None, id="h1"),
    pytest.param("## **Concept of Slow Start:**\n", [(1, 4)], None, id="bold-reported-only"),
    pytest.param("## __A__ ##\n", [(1, 4)], None, id="bold-underscores-closing-hashes"),
    pytest.param("## **A** and **B**\n", [], None, id="two-bold-runs"),
    # Mixed HTML and Markdown headings are one outline.
    pytest.param("## A\n\n<h4>B</h4>\n", [(3, 1)], None, id="mixed"),
    # Not headings: code, a `#` without a space, a shell comment in <pre>.
    pytest.param("## A\n\n```sh\n#### not a heading\n```\n\n#hashtag\n\n<pre>\n# comment\n</pre>\n", [], None,
                 id="not-headings"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_html(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "safe" for f in findings if f.fix)


@pytest.mark.parametrize("source, expected, fixed", MARKDOWN_CASES)
def test_markdown(check, source, expected, fixed):
    check(RULE, source, expected, fixed, path="post.md")


def test_messages(lint):
    messages = [f.message for f in lint("<h3>A</h3>\n<h2>B</h2>\n<h5>C</h5>\n", RULE).findings]
    assert messages == ["h3 after the title (h1) skips h2", "h5 after an h2 skips h3"]


def test_allow_h1_option(check):
    source = "<h1>A</h1>\n<h2>B</h2>\n<h4>C</h4>\n"
    check(RULE, source, [(1, 1), (3, 1)], None)
    check(RULE, source, [(3, 1)], None, options={"allow-h1": True})
    check(RULE, "<h3>Intro</h3>\n", [], None, options={"allow-h1": True})
