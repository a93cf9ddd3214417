"""inline-color: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "inline-color"

CASES = [
    # The seed post's shapes: the <span> goes, its words and the <b> stay.
    pytest.param('<p>대통령실은 <b><span style="color: #ee2323;">초당적</span></b>이라는</p>\n', [(1, 19)],
                 "<p>대통령실은 <b>초당적</b>이라는</p>\n", id="seed-color"),
    pytest.param('<b><span style="background-color: #21538527;">오는 11월</span></b>\n', [(1, 10)],
                 "<b>오는 11월</b>\n", id="seed-background-8-digit-hex"),
    # Any spelling of a colour value or property name.
    pytest.param('<p>a <span style="color: rgb(238 35 35 / 50%)">b</span> c</p>\n', [(1, 12)], "<p>a b c</p>\n",
                 id="rgb-space-syntax"),
    pytest.param('<p STYLE="COLOR: RED">x</p>\n', [(1, 4)], "<p>x</p>\n", id="upper-case"),
    pytest.param('<p style="color: #ee2323 !important; margin: 0">x</p>\n', [(1, 4)], '<p style="margin: 0">x</p>\n',
                 id="important"),
    pytest.param('<p style="color: red /* brand */; margin: 0">x</p>\n', [(1, 4)], '<p style="margin: 0">x</p>\n',
                 id="comment-in-declaration"),
    pytest.param('<p style="/* brand */ color: red; margin: 0">x</p>\n', [(1, 4)],
                 '<p style="/* brand */ margin: 0">x</p>\n', id="comment-before-declaration"),
    # What the fix keeps: other declarations, the element, other attributes.
    pytest.param('<p style="color:red">Text</p>\n', [(1, 4)], "<p>Text</p>\n", id="p-keeps-element"),
    pytest.param('<span style="color: red; font-weight: bold">x</span>\n', [(1, 7)],
                 '<span style="font-weight: bold">x</span>\n', id="keeps-other-declaration"),
    pytest.param('<span class="note" style="color: red">x</span>\n', [(1, 20)], '<span class="note">x</span>\n',
                 id="span-with-class-kept"),
    pytest.param('<p><span style="color: red">x</p>\n', [(1, 10)], "<p><span>x</p>\n", id="span-without-end-tag"),
    pytest.param('<p style="margin: 0;\n  color: red">x</p>\n', [(1, 4)], '<p style="margin: 0;">x</p>\n',
                 id="multi-line-style"),
    # One finding per element, however many colours it sets.
    pytest.param('<p style="background-color:#fff;color:red;">x</p>\n', [(1, 4)], "<p>x</p>\n", id="two-in-one"),
    pytest.param('<p style="color:red">a</p>\n<p style="color:blue">b</p>\n', [(1, 4), (2, 4)], "<p>a</p>\n<p>b</p>\n",
                 id="two-elements"),
    # After CRLF front matter, with Korean text before it on the line.
    pytest.param('---\r\ntitle: 제목\r\ntags:\r\n  - 뉴스\r\n---\r\n<p>한국어 <span style="color: red">빨강</span></p>\r\n',
                 [(6, 14)], "---\r\ntitle: 제목\r\ntags:\r\n  - 뉴스\r\n---\r\n<p>한국어 빨강</p>\r\n",
                 id="crlf-front-matter-korean"),
    # Reported but not fixed: entities make the attribute's source differ from its value.
    pytest.param('<span style="font-family: &quot;Nanum&quot;; color: red">x</span>\n', [(1, 7)], None, id="entity"),
    # Not flagged.
    pytest.param('<p style="border-color: red; border-top-color: blue">x</p>\n', [], None, id="border-color"),
    pytest.param('<p style="font-weight: bold">x</p>\n', [], None, id="no-colour"),
    pytest.param('<span style="color: {{ page.accent }}">x</span>\n', [], None, id="liquid"),
    pytest.param('<p>style="color: red"</p>\n<style>p { color: red }</style>\n', [], None, id="not-an-attribute"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_inline_color(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "safe" for f in findings if f.fix)


def test_properties_option(check):
    source = '<p style="color: red; border-color: blue">x</p>\n'
    check(RULE, source, [(1, 4)], '<p style="border-color: blue">x</p>\n')
    check(RULE, source, [(1, 4)], '<p style="color: red;">x</p>\n', options={"properties": ["border-color"]})
