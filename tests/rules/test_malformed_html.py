"""malformed-html: (source, findings as (line, column, covered text)); the rule has no fix."""

import pytest

RULE = "malformed-html"

CASES = [
    # Mismatched and misnested end tags: one finding, at the end tag.
    pytest.param("<h3>회담 결과</h2>\n<p>x</p>\n", [(1, 10, "</h2>")], id="mismatched-heading"),
    pytest.param("<p><b><i>x</b></i></p>\n", [(1, 15, "</i>")], id="misnested"),
    pytest.param("<p>a</p>\n</div>\n", [(2, 1, "</div>")], id="stray-end-tag"),
    pytest.param("<p>a</p></p>\n", [(1, 9, "</p>")], id="stray-p-end-tag"),
    pytest.param("<p>a</p>\n</body>\n</html>\n", [(2, 1, "</body>"), (3, 1, "</html>")], id="page-end-tags"),
    # Unclosed elements; optional end tags and void elements are fine.
    pytest.param("<div class=\"box\">\n<p>a</p>\n", [(1, 1, '<div class="box">')], id="unclosed-div"),
    pytest.param("<h2>제목\n<p>본문</p>\n", [(1, 1, "<h2>")], id="unclosed-heading"),
    pytest.param("<p>See <a href=\"/x\">this.</p>\n", [(1, 8, '<a href="/x">')], id="unclosed-link"),
    pytest.param("<p>Use List<String> here.</p>\n", [(1, 12, "<String>")], id="unclosed-unknown-element"),
    pytest.param('<div class="clear" />\n<p>a</p>\n', [(1, 1, '<div class="clear" />')], id="self-closing-div"),
    pytest.param("<ul><li>a<li>b</ul>\n<p>a\n<p>b\n", [], id="optional-end-tags"),
    pytest.param("<table><tr><td>a<td>b<tr><td>c</table>\n", [], id="table-optional-end-tags"),
    pytest.param("<dl><dt>a<dd>b</dl>\n<select><option>a<option>b</select>\n", [], id="dl-and-options"),
    pytest.param('<p>a<br>b<br/>c<img src="/a.png" alt=""></p>\n', [], id="void-elements"),
    # <hr> ends the paragraph (libxml2, like HTML), so the </p> after it closes nothing.
    pytest.param("<p>a<hr></p>\n", [(1, 9, "</p>")], id="hr-in-p"),
    pytest.param('<svg viewBox="0 0 1 1"><path d="M0 0" /><circle r="1"/></svg>\n', [], id="svg-self-closing"),
    # Duplicate attributes: the second, which browsers ignore.
    pytest.param('<img src="/a.png" alt="a" alt="b">\n', [(1, 27, 'alt="b"')], id="duplicate-attribute"),
    pytest.param('<p class="a" CLASS="b">x</p>\n', [(1, 14, 'CLASS="b"')], id="duplicate-attribute-case"),
    # The shortest tags that can repeat an attribute (the rule skips shorter ones unparsed).
    pytest.param("<i a a>x</i>\n", [(1, 6, "a")], id="duplicate-attribute-shortest"),
    pytest.param("<i/a/a>x</i>\n", [(1, 6, "a")], id="duplicate-attribute-shortest-slashes"),
    # <p> inside <p>.
    pytest.param("<p>a<p>b</p></p>\n", [(1, 13, "</p>")], id="p-in-p"),
    pytest.param("<p>Lead\n<div>Block</div>\n</p>\n", [(3, 1, "</p>")], id="div-in-p"),
    # Without a </p> after the block, nothing was repaired: the end tag of <p> is optional.
    pytest.param("<p>Lead\n<div>Block</div>\n", [], id="p-ended-by-div"),
    pytest.param("<p>a</p><p>b</p>\n", [], id="p-after-p"),
    # Positions after front matter; CRLF.
    pytest.param("---\r\ntitle: 제목\r\n---\r\n<p>가</p>\r\n<h3>나</h2>\r\n", [(5, 6, "</h2>")], id="crlf-front-matter"),
    # Well-formed.
    pytest.param('<h2>T</h2>\n<p>A <b>bold</b> <a href="/x">link</a>.</p>\n<ul>\n  <li>a</li>\n</ul>\n', [], id="clean"),
]

MARKDOWN_CASES = [
    # In Markdown, autolinks and names CommonMark does not accept as tags are text, not HTML.
    pytest.param("See <https://example.com/a> and <www.example.com>.\n", [], id="autolinks"),
    pytest.param("](<https://github.com/exceljs/exceljs/issues/1305>)\n", [], id="link-destination"),
    pytest.param("Write <apex:page> in Visualforce.\n", [], id="colon-name"),
    pytest.param("Code: `<div>` and\n\n```html\n<div>\n```\n", [], id="code"),
    pytest.param("public List<Node> neighbors;\n", [(1, 12, "<Node>")], id="generic-in-prose"),
    pytest.param("<div>\n\ntext\n", [(1, 1, "<div>")], id="html-block"),
]


@pytest.mark.parametrize("source, expected", CASES)
def test_html(check, source, expected):
    findings = check(RULE, source, [e[:2] for e in expected], None)
    assert [source[f.start:f.end] for f in findings] == [e[2] for e in expected]


@pytest.mark.parametrize("source, expected", MARKDOWN_CASES)
def test_markdown(check, source, expected):
    findings = check(RULE, source, [e[:2] for e in expected], None, path="post.md")
    assert [source[f.start:f.end] for f in findings] == [e[2] for e in expected]


def test_messages(lint):
    messages = [f.message for f in lint("<h3>a</h2>\n<p>List<String> <b><i>x</b></i></p>\n", RULE).findings]
    assert messages == [
        "`</h2>` does not match the open `<h3>`",
        "`<string>` is never closed; if it is text, write `&lt;String>`",
        "misnested `</i>`: its `<i>` was already closed by an outer end tag",
    ]


def test_a_block_in_a_paragraph_is_explained_at_the_stray_end_tag(lint):
    [finding] = lint("<p>Lead\n<div>Block</div>\n</p>\n", RULE).findings
    assert finding.message == (
        "`</p>` closes nothing: `<div>` cannot be inside a paragraph, so the parser ended the `<p>` of 1:1 before it"
    )
