"""nbsp-indent: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "nbsp-indent"

CASES = [
    # Indentation and sentence spacing, in every spelling; the run becomes one space.
    pytest.param("<p>&nbsp;&nbsp;&nbsp;&nbsp;첫 문단입니다.</p>\n", [(1, 4)], "<p> 첫 문단입니다.</p>\n", id="indent"),
    pytest.param("<p>First sentence.&nbsp;&nbsp;Second one.</p>\n", [(1, 19)], "<p>First sentence. Second one.</p>\n",
                 id="sentence-spacing"),
    pytest.param("<p>Below.&nbsp; &nbsp;Now we update it.</p>\n", [(1, 10)], "<p>Below. Now we update it.</p>\n",
                 id="wordpress-double-space"),
    pytest.param("<p>a&#160;&#xA0;&#xa0;&#0160;b</p>\n", [(1, 5)], "<p>a b</p>\n", id="numeric-spellings"),
    pytest.param("Email me\u00a0\u00a0or tell me on Twitter.\n", [(1, 9)], "Email me or tell me on Twitter.\n",
                 id="literal-u00a0"),
    pytest.param("<p>a&nbsp;&nbsp;b&nbsp;&nbsp;&nbsp;c</p>\n", [(1, 5), (1, 18)], "<p>a b c</p>\n", id="two-runs"),
    # A number and its unit stay together with one non-breaking space, as written.
    pytest.param("<p>거리는 10&nbsp;&nbsp;km입니다.</p>\n", [(1, 10)], "<p>거리는 10&nbsp;km입니다.</p>\n", id="number-unit"),
    pytest.param("<p>10&#160;&#160;kg</p>\n", [(1, 6)], "<p>10&#160;kg</p>\n", id="number-unit-numeric"),
    # Not flagged: one nbsp, spacing that means something, inside a tag, a whole element's content.
    pytest.param("<p>10&nbsp;km and&nbsp;more</p>\n", [], None, id="single"),
    pytest.param("<pre>x&nbsp;&nbsp;=&nbsp;&nbsp;1</pre>\n<p><code>a&nbsp;&nbsp;b</code></p>\n", [], None, id="pre-code"),
    pytest.param('<img src="/a.png" alt="a&nbsp;&nbsp;b">\n', [], None, id="attribute"),
    pytest.param("<table><tr><td>&nbsp;&nbsp;</td></tr></table>\n<p>&nbsp;&nbsp;</p>\n", [], None, id="whole-content"),
    pytest.param("<p>&amp;nbsp;&amp;nbsp;</p>\n", [], None, id="escaped"),
    # But a run beside other content of the element is spacing.
    pytest.param("<p>&nbsp;&nbsp;<b>제목</b></p>\n", [(1, 4)], "<p> <b>제목</b></p>\n", id="before-element"),
    pytest.param("---\r\ntitle: 제목\r\n---\r\n<p>한국어.&nbsp;&nbsp;끝</p>\r\n", [(4, 8)],
                 "---\r\ntitle: 제목\r\n---\r\n<p>한국어. 끝</p>\r\n", id="crlf-front-matter-korean"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_nbsp_indent(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "unsafe" for f in findings)


def test_markdown_code_is_not_judged(check):
    check(RULE, "```\nx&nbsp;&nbsp;= 1\n```\n\nSee `a&nbsp;&nbsp;b`.\n", [], None, path="post.md")


def test_single_nbsp_around_a_code_span_is_no_run(check):
    # WordPress wraps inline code in single non-breaking spaces; the code between is no space.
    check(RULE, "Open the\u00a0`Contacts.xcodeproj`\u00a0and run it.\n", [], None, path="post.md")
    check(RULE, "Open the\u00a0`x`\u00a0\u00a0and run it.\n", [(1, 13)], "Open the\u00a0`x` and run it.\n", path="post.md")


def test_unsafe_only(lint, apply_fixes):
    result = lint("<p>a.&nbsp;&nbsp;b</p>\n", RULE)
    assert apply_fixes(result.source.text, result.findings, unsafe=False) == "<p>a.&nbsp;&nbsp;b</p>\n"


def test_keep_number_unit_option(check):
    check(RULE, "<p>10&nbsp;&nbsp;km</p>\n", [(1, 6)], "<p>10 km</p>\n", options={"keep-number-unit": False})
