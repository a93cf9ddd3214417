"""stray-text: (source, findings as (line, column) or (line, column, covered text)); no fix."""

import pytest

RULE = "stray-text"
SEED_LINE = '생생한 뉴스, <a href="https://qoogle.tistory.com" rel="dofollow">qoogle.tistory.com</a>'

HTML_CASES = [
    # A link line glued after the last paragraph (the seed's line 43).
    pytest.param(f"<p>결론적으로, 협력은 계속된다.</p>\n{SEED_LINE}\n", [(2, 1, SEED_LINE)], id="seed-line"),
    pytest.param("Intro words\n<p>a</p>\n", [(1, 1, "Intro words")], id="leading-text"),
    pytest.param("<p>a</p> tail\n", [(1, 10, "tail")], id="after-end-tag-same-line"),
    pytest.param("<b>Bold</b> words\n<p>x</p>\n", [(1, 4, "Bold</b> words")], id="inline-element-first"),
    pytest.param("<p>a</p>\n&copy; 2024 Kim\n", [(2, 1, "&copy; 2024 Kim")], id="entity-is-text"),
    pytest.param("x<p>a</p>y\n", [(1, 1, "x"), (1, 10, "y")], id="two-runs"),
    pytest.param("<h2>제목</h2>\n본문이 여기에\n<ul>\n  <li>하나</li>\n</ul>\n", [(2, 1, "본문이 여기에")], id="korean"),
    pytest.param("---\r\ntitle: 제목\r\n---\r\n<p>a</p>\r\n끝.\r\n", [(5, 1, "끝.")], id="crlf-front-matter"),
    # Not text: whitespace, &nbsp;, comments, images, Liquid.
    pytest.param("<p>a</p>\n&nbsp;\n<p>b</p>\n", [], id="nbsp"),
    pytest.param("<p>a</p>\n<!-- more -->\n<p>b</p>\n", [], id="comment"),
    pytest.param('<img src="/a.png" alt="A"><br>\n<p>x</p>\n', [], id="image-only"),
    pytest.param("<p>a</p>\n{% include ad.html %}\n{{ page.title }}\n", [], id="liquid"),
    # Inside a block: not top level, also with optional or implied end tags.
    pytest.param("<div>text <b>b</b></div>\n", [], id="in-div"),
    pytest.param("<ul><li>a<li>b</ul>\n", [], id="li-without-end-tags"),
    pytest.param("<p>a\n<p>b\n", [], id="p-without-end-tags"),
    pytest.param("<table><tr><td>x</td></tr></table>\n", [], id="table"),
]

MARKDOWN_CASES = [
    # In Markdown only text in a raw HTML block (CommonMark type 6, up to a blank line) is stray.
    pytest.param(f"<p>결론적으로, 협력은 계속된다.</p>\n{SEED_LINE}\n", [(2, 1, SEED_LINE)], id="seed-line"),
    pytest.param("<div>a</div> trailing\n", [(1, 14, "trailing")], id="same-line-after-block"),
    pytest.param("<div>\n<p>a</p>\n</div>\nstray words\n\nA paragraph.\n", [(4, 1, "stray words")], id="later-line-of-block"),
    pytest.param("Text\n  </ul>\n  `\n})\n", [(3, 3, "`\n})")], id="block-interrupts-paragraph"),
    pytest.param("<p>a</p>\n\nPlain *Markdown* text.\n", [], id="paragraph-after-blank-line"),
    pytest.param("Text with <b>bold</b> and <img src='/a.png' alt='A'>.\n", [], id="inline-html-in-paragraph"),
    pytest.param("Para\n    <p>x</p>\nmore\n", [], id="indented-tag-opens-no-block"),
    pytest.param("# Title\n\n- item\n- item\n", [], id="pure-markdown"),
    pytest.param("<p>a</p>\n\n```\n<p>b</p>\ncode\n```\n", [], id="fenced-code"),
    pytest.param("<span>a</span>\nmore\n", [], id="inline-tag-opens-no-type-6-block"),
]


def expected_positions(expected):
    return [case[:2] for case in expected]


@pytest.mark.parametrize("source, expected", HTML_CASES)
def test_html(check, lint, source, expected):
    findings = check(RULE, source, expected_positions(expected), None)
    text = lint(source, RULE).source.text
    assert [text[f.start:f.end] for f in findings] == [case[2] for case in expected]


@pytest.mark.parametrize("source, expected", MARKDOWN_CASES)
def test_markdown(check, lint, source, expected):
    findings = check(RULE, source, expected_positions(expected), None, path="post.md")
    text = lint(source, RULE, path="post.md").source.text
    assert [text[f.start:f.end] for f in findings] == [case[2] for case in expected]
