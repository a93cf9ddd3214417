"""inline-style: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "inline-style"

CASES = [
    # Editor fonts on paragraphs and spans: the declarations go, the words stay.
    pytest.param("<p style=\"font-family: 'Nanum Gothic'; font-size: 11pt;\">본문</p>\n", [(1, 4)], "<p>본문</p>\n",
                 id="paragraph-font-and-size"),
    pytest.param('<p>a <span style="font-size: 14px;">b</span> c</p>\n', [(1, 12)], "<p>a b c</p>\n",
                 id="span-unwrapped"),
    pytest.param('<p><font style="font-size: 10pt">작은 글씨</font></p>\n', [(1, 10)], "<p>작은 글씨</p>\n",
                 id="font-unwrapped"),
    pytest.param('<span class="note" style="line-height: 1.8">x</span>\n', [(1, 20)], '<span class="note">x</span>\n',
                 id="span-with-class-kept"),
    pytest.param('<p style="text-align: center; line-height: 1.5;">x</p>\n', [(1, 4)],
                 '<p style="text-align: center;">x</p>\n', id="keeps-other-declaration"),
    pytest.param('<p style="FONT-SIZE: 12PT !important">x</p>\n', [(1, 4)], "<p>x</p>\n", id="upper-case-important"),
    # Colours are inline-color's; the font shorthand only when configured.
    pytest.param('<p style="color: red; font: 12px serif">x</p>\n', [], None, id="colour-and-shorthand"),
    pytest.param('<p style="font-weight: bold">x</p>\n', [], None, id="font-weight"),
    # Reported, not fixed: entities; not judged: Liquid.
    pytest.param('<span style="font-family: &quot;Nanum&quot;;">x</span>\n', [(1, 7)], None, id="entity"),
    pytest.param('<span style="font-size: {{ page.size }}">x</span>\n', [], None, id="liquid"),
    # After CRLF front matter with Korean before it.
    pytest.param('---\r\ntitle: 제목\r\n---\r\n<p>한국어 <span style="font-size: 16px;">크게</span></p>\r\n', [(4, 14)],
                 "---\r\ntitle: 제목\r\n---\r\n<p>한국어 크게</p>\r\n", id="crlf-front-matter-korean"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_inline_style(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "safe" for f in findings if f.fix)


def test_markdown_code_is_not_judged(check):
    check(RULE, 'Write `<p style="font-size: 9pt">` to shrink it.\n', [], None, path="post.md")


def test_properties_option(check):
    source = '<p style="font-size: 9pt; text-align: justify">x</p>\n'
    check(RULE, source, [(1, 4)], '<p style="text-align: justify">x</p>\n')
    check(RULE, source, [(1, 4)], '<p style="font-size: 9pt;">x</p>\n', options={"properties": ["text-align"]})
