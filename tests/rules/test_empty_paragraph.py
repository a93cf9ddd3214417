"""empty-paragraph: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "empty-paragraph"

CASES = [
    # Every spelling of a non-breaking space, and <br>.
    pytest.param("<p>a</p>\n<p>&nbsp;</p>\n<p>b</p>\n", [(2, 1)], "<p>a</p>\n<p>b</p>\n", id="nbsp-named"),
    pytest.param("<p>a</p>\n<p>&#160;</p>\n", [(2, 1)], "<p>a</p>\n", id="nbsp-decimal"),
    pytest.param("<p>a</p>\n<p>&#xA0;</p>\n", [(2, 1)], "<p>a</p>\n", id="nbsp-hex"),
    pytest.param("<p>a</p>\n<p>&#xa0;</p>\n", [(2, 1)], "<p>a</p>\n", id="nbsp-hex-lower"),
    pytest.param("<p>a</p>\n<p>\u00a0</p>\n", [(2, 1)], "<p>a</p>\n", id="nbsp-literal"),
    pytest.param("<p>a</p>\n<p><br></p>\n", [(2, 1)], "<p>a</p>\n", id="br"),
    pytest.param("<p>a</p>\n<p><br /></p>\n", [(2, 1)], "<p>a</p>\n", id="br-self-closing"),
    pytest.param("<p> <br>&nbsp;&#160;\u00a0<br/> </p>\n<p>a</p>\n", [(1, 1)], "<p>a</p>\n", id="mixed"),
    pytest.param("<p></p>\n<p>a</p>\n", [(1, 1)], "<p>a</p>\n", id="nothing-at-all"),
    pytest.param("<p>a</p>\n<p>\n  \n</p>\n<p>b</p>\n", [(2, 1)], "<p>a</p>\n<p>b</p>\n", id="spans-lines"),
    pytest.param("<P>&nbsp;</P>\n<p>a</p>\n", [(1, 1)], "<p>a</p>\n", id="upper-case-tag"),
    # The Tistory spacer of the seed post, with its attribute.
    pytest.param('<h2>T</h2>\n<p data-ke-size="size16">&nbsp;</p>\n<p>a</p>\n', [(2, 1)],
                 "<h2>T</h2>\n<p>a</p>\n", id="seed-spacer"),
    # Not empty: visible text, an entity that shows as text, a child element, a comment.
    pytest.param("<p>Text.</p>\n", [], None, id="text"),
    pytest.param("<p>&amp;nbsp;</p>\n", [], None, id="escaped-nbsp-is-text"),
    pytest.param("<p><span>&nbsp;</span></p>\n", [], None, id="child-element"),
    pytest.param('<p><img src="/a.png" alt=""></p>\n', [], None, id="image-only"),
    pytest.param('<p>&nbsp;<a href="/x">link</a></p>\n', [], None, id="nbsp-and-link"),
    pytest.param("<p><!--more--></p>\n", [], None, id="excerpt-separator-comment"),
    pytest.param("<div>&nbsp;</div>\n<td>&nbsp;</td>\n", [], None, id="only-p"),
    # Where the finding is: after front matter, in characters, with CRLF kept.
    pytest.param("---\r\ntitle: 한국어 제목\r\ntags:\r\n  - 뉴스\r\n---\r\n<p>첫 문단</p>\r\n<p>&nbsp;</p>\r\n<p>둘째</p>\r\n",
                 [(7, 1)], "---\r\ntitle: 한국어 제목\r\ntags:\r\n  - 뉴스\r\n---\r\n<p>첫 문단</p>\r\n<p>둘째</p>\r\n",
                 id="crlf-front-matter"),
    pytest.param("한국어 텍스트 <p>&nbsp;</p> 끝\n", [(1, 9)], "한국어 텍스트  끝\n", id="korean-before"),
    pytest.param("<p>a</p><p>&nbsp;</p><p>b</p>\n", [(1, 9)], "<p>a</p><p>b</p>\n", id="same-line"),
    pytest.param("<div>\n  <p><br></p>\n</div>\n", [(2, 3)], "<div>\n</div>\n", id="indented"),
    # The fix: one blank line stays between paragraphs; entities elsewhere stay as written.
    pytest.param("<p>a</p>\n\n<p>&nbsp;</p>\n\n<p>b</p>\n", [(3, 1)], "<p>a</p>\n\n<p>b</p>\n", id="blank-lines"),
    pytest.param("<p>a&nbsp;b</p>\n<p>&nbsp;</p>\n<br />\n", [(2, 1)], "<p>a&nbsp;b</p>\n<br />\n", id="rest-untouched"),
    pytest.param("<p>&nbsp;</p>\n<p>a</p>\n<p><br></p>\n", [(1, 1), (3, 1)], "<p>a</p>\n", id="two"),
    # Reported, not fixed: no end tag to delete up to; words between <p> and </p> that the
    # parser moved out of the paragraph.
    pytest.param("<p>&nbsp;\n<p>b</p>\n", [(1, 1)], None, id="no-end-tag"),
    pytest.param("<p>&nbsp;<div>kept words</div></p>\n", [(1, 1)], None, id="block-inside-source-span"),
]


# In Markdown, code is not HTML: it is never flagged nor edited.
MARKDOWN_CASES = [
    pytest.param("Text\n\n<p>&nbsp;</p>\n\nMore text.\n", [(3, 1)], "Text\n\nMore text.\n", id="raw-html"),
    pytest.param("Text\n\n```html\n<p>&nbsp;</p>\n```\n", [], None, id="fence"),
    pytest.param("    <p>&nbsp;</p>\n", [], None, id="indented-code"),
    pytest.param("Write `<p>&nbsp;</p>` for a spacer.\n", [], None, id="code-span"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_html(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "safe" for f in findings if f.fix)


@pytest.mark.parametrize("source, expected, fixed", MARKDOWN_CASES)
def test_markdown(check, source, expected, fixed):
    check(RULE, source, expected, fixed, path="post.md")
