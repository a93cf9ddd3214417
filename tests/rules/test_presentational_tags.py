"""presentational-tags: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "presentational-tags"

CASES = [
    # <font>: unwrapped when its attributes are only how the text looked.
    pytest.param('<p><font color="#333333" face="돋움">동맹은</font> 굳건하다.</p>\n', [(1, 4)], "<p>동맹은 굳건하다.</p>\n",
                 id="font-presentation-only"),
    pytest.param("<p><FONT SIZE=2>작게</FONT></p>\n", [(1, 4)], "<p>작게</p>\n", id="font-upper-case-unquoted"),
    pytest.param('<p><font class="lead">a</font></p>\n', [(1, 4)], None, id="font-with-class-reported-only"),
    pytest.param('<p><font style="color: red">a</font></p>\n', [(1, 4)], None, id="font-with-style-reported-only"),
    # <strike> becomes <s>, whatever its case; attributes stay.
    pytest.param("<p>Price: <strike>$10</strike> $8</p>\n", [(1, 11)], "<p>Price: <s>$10</s> $8</p>\n", id="strike"),
    pytest.param('<STRIKE title="old">가격</STRIKE >\n', [(1, 1)], '<s title="old">가격</s >\n', id="strike-upper-case"),
    # <big>: unwrapped, unsafely (the size is lost). <center>, <u>: reported only.
    pytest.param("<p><big>Big news</big> today</p>\n", [(1, 4)], "<p>Big news today</p>\n", id="big"),
    pytest.param('<center><img src="/a.png" alt="a"></center>\n', [(1, 1)], None, id="center"),
    pytest.param("<p>관계대수에는 <u>순수 관계 연산자</u>가 있다</p>\n", [(1, 11)], None, id="underline"),
    # <b> and <i> are valid HTML5 and not flagged by default; <s>, <strong>, <em> never.
    pytest.param("<p><b>bold</b> <i>it</i> <s>old</s> <strong>a</strong> <em>b</em></p>\n", [], None, id="valid-html5"),
    # Reported, not fixed: the source leaves the end tag implied.
    pytest.param("<p><strike>old</p>\n", [(1, 4)], None, id="no-end-tag"),
    pytest.param("---\r\ntitle: 제목\r\n---\r\n<p>한국어 <strike>취소</strike></p>\r\n", [(4, 8)],
                 "---\r\ntitle: 제목\r\n---\r\n<p>한국어 <s>취소</s></p>\r\n", id="crlf-front-matter-korean"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_presentational_tags(check, source, expected, fixed):
    check(RULE, source, expected, fixed)


def test_fix_safety(lint):
    source = '<p><font color="red">a</font> <strike>b</strike> <big>c</big></p>\n'
    safety = {f.message.split(">")[0]: f.fix.applicability for f in lint(source, RULE).findings}
    assert safety == {"<font": "safe", "<strike": "safe", "<big": "unsafe"}


def test_strong_em_option(check):
    source = '<p><b>bold</b> <i>it</i> <i class="fa fa-star"></i> <b></b></p>\n'
    check(RULE, source, [], None)
    check(RULE, source, [(1, 4), (1, 16)], '<p><strong>bold</strong> <em>it</em> <i class="fa fa-star"></i> <b></b></p>\n',
          options={"strong-em": True})


def test_tags_option(check):
    check(RULE, "<p><tt>ls</tt> <u>x</u></p>\n", [(1, 4)], None, options={"tags": ["tt"]})


def test_markdown_code_is_not_judged(check):
    check(RULE, "Old HTML wrote `<center>` and\n\n```html\n<font color=red>x</font>\n```\n", [], None, path="post.md")
