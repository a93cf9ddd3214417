"""empty-inline: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "empty-inline"

CASES = [
    # Leftovers of editor formatting: gone, and the words around them untouched.
    pytest.param('<p>동맹은<span style="color: #010101;"></span> 굳건합니다.</p>\n', [(1, 7)],
                 "<p>동맹은 굳건합니다.</p>\n", id="styled-span"),
    pytest.param("<p data-ke-size=\"size14\"><span></span>◆ 운영체제</p>\n", [(1, 26)],
                 '<p data-ke-size="size14">◆ 운영체제</p>\n', id="bare-span-tistory"),
    pytest.param("<p>a<b></b>b<strong></strong>c<i></i>d<em></em>e</p>\n", [(1, 5), (1, 13), (1, 31), (1, 39)],
                 "<p>abcde</p>\n", id="each-element"),
    pytest.param('<p>x<font color="#333333" face="돋움"></font>y</p>\n', [(1, 5)], "<p>xy</p>\n", id="font"),
    # Nested empties: one finding at the outermost, one edit.
    pytest.param('<p>a <b><span style="color: #ee2323;"></span></b>b</p>\n', [(1, 6)], "<p>a b</p>\n", id="nested"),
    pytest.param('<p>a <b><span style="color: red;"><i></i></span></b>b</p>\n', [(1, 6)], "<p>a b</p>\n",
                 id="nested-three-deep"),
    # Alone on its line: the line goes.
    pytest.param("<p>a</p>\n<span></span>\n<p>b</p>\n", [(2, 1)], "<p>a</p>\n<p>b</p>\n", id="own-line"),
    # Content: a space between words, an nbsp, a line break, an image, a comment, Liquid.
    pytest.param("<p>a<span> </span>b</p>\n", [], None, id="space"),
    pytest.param("<p>a<span>&nbsp;</span>b</p>\n", [], None, id="nbsp"),
    pytest.param("<p>a<span><br></span>b</p>\n", [], None, id="br"),
    pytest.param('<p><b><img src="/a.png" alt="a"></b></p>\n', [], None, id="image"),
    pytest.param("<p>a<span><!-- note --></span>b</p>\n", [], None, id="comment"),
    pytest.param("<p><span>{{ page.author }}</span></p>\n", [], None, id="liquid"),
    pytest.param("<p><b><span></span> </b></p>\n", [(1, 7)], "<p><b> </b></p>\n", id="outer-holds-a-space"),
    # Attributes that matter: anchors, icon fonts, script hooks.
    pytest.param('<p>intro<span id="more-123"></span></p>\n', [], None, id="anchor-id"),
    pytest.param('<p><i class="fa fa-star"></i> Rated</p>\n', [], None, id="icon-class"),
    pytest.param('<td><span class="nuRatio"></span></td>\n', [], None, id="script-hook-class"),
    pytest.param('<p><b><span class="x"></span></b></p>\n', [], None, id="outer-holds-one-that-matters"),
    # Other elements are not this rule's.
    pytest.param("<p>a<a href=\"/x\"></a><u></u>b</p>\n", [], None, id="other-elements"),
    # Reported, not fixed: the source leaves the end tag implied.
    pytest.param("<p>a<b></p>\n", [(1, 5)], None, id="no-end-tag"),
    pytest.param("---\r\ntitle: 제목\r\n---\r\n<p>한국어<strong></strong> 끝</p>\r\n", [(4, 7)],
                 "---\r\ntitle: 제목\r\n---\r\n<p>한국어 끝</p>\r\n", id="crlf-front-matter-korean"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_empty_inline(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "safe" for f in findings if f.fix)


def test_markdown_code_is_not_judged(check):
    check(RULE, "Write `<span></span>` for nothing.\n", [], None, path="post.md")


def test_options(check):
    source = '<p>a<span class="x"></span><mark></mark>b</p>\n'
    check(RULE, source, [], None)
    check(RULE, source, [(1, 5), (1, 28)], "<p>ab</p>\n",
          options={"elements": ["span", "mark"], "ignore-attributes": ["class"]})



@pytest.mark.parametrize("elements", [["my-icon"], ["my-icon", "span"], ["x.y"], ['a"b']])
def test_any_element_name_can_be_configured(check, elements):
    # Custom elements have a hyphen in their name; once such a name made the rule crash.
    source = "<p>a<my-icon></my-icon>b<span></span>c<x.y></x.y>d</p>\n"
    flagged = [name for name in ("my-icon", "span", "x.y") if name in elements]
    fixed = source
    for name in flagged:
        fixed = fixed.replace(f"<{name}></{name}>", "")
    expected = sorted((1, source.index(f"<{name}>") + 1) for name in flagged)
    check(RULE, source, expected, fixed if flagged else None, options={"elements": elements})
