"""editor-attributes: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "editor-attributes"

CASES = [
    # Tistory: the seed post's heading and the list and paragraph attributes of imported posts.
    pytest.param('<h2 data-ke-size="size26">한미동맹의 지속적 강화</h2>\n', [(1, 5)],
                 "<h2>한미동맹의 지속적 강화</h2>\n", id="tistory-heading"),
    pytest.param('<ul style="list-style-type: disc;" data-ke-list-type="disc">\n<li>a</li>\n</ul>\n', [(1, 36)],
                 '<ul style="list-style-type: disc;">\n<li>a</li>\n</ul>\n', id="tistory-list-keeps-style"),
    pytest.param('<p data-ke-size="size16" data-ke-align="center">x</p>\n', [(1, 4), (1, 26)], "<p>x</p>\n",
                 id="one-finding-per-attribute"),
    pytest.param('<img src="/a.png" data-origin-width="800" data-origin-height="600" alt="">\n', [(1, 19), (1, 43)],
                 '<img src="/a.png" alt="">\n', id="data-origin"),
    pytest.param('<div data-original-attrs="{&quot;style&quot;:&quot;&quot;}">글</div>\n', [(1, 6)],
                 "<div>글</div>\n", id="blogger-original-attrs-with-entities"),
    # data-url only where it is not a link's.
    pytest.param('<img src="/a.png" alt="" data-url="/a.png">\n', [(1, 26)], '<img src="/a.png" alt="">\n',
                 id="data-url-on-img"),
    pytest.param('<a href="/x" data-url="/x">x</a>\n', [], None, id="data-url-on-link"),
    # Naver SmartEditor ids: generated UUIDs only, and never one a link points at.
    pytest.param('<p id="SE-fa00c622-ad28-4b58-83c3-14cf827067ca">본문</p>\n', [(1, 4)], "<p>본문</p>\n",
                 id="smarteditor-id"),
    pytest.param('<p id="SE-fa00c622-ad28-4b58-83c3-14cf827067ca">본문</p>\n'
                 '<a href="#SE-fa00c622-ad28-4b58-83c3-14cf827067ca">위로</a>\n', [(1, 4)], None, id="linked-id-kept"),
    pytest.param('<h2 id="se-intro">Intro</h2>\n', [], None, id="human-id"),
    # Word: Mso classes (only those tokens go) and mso- declarations.
    pytest.param('<p class="MsoNormal">Text</p>\n', [(1, 4)], "<p>Text</p>\n", id="word-class"),
    pytest.param('<p class="MsoListParagraph note">Text</p>\n', [(1, 4)], '<p class="note">Text</p>\n',
                 id="word-class-keeps-other-token"),
    pytest.param('<span style="mso-bidi-font-weight: normal; font-weight: bold">x</span>\n', [(1, 7)],
                 '<span style="font-weight: bold">x</span>\n', id="word-style-keeps-other-declaration"),
    pytest.param('<p>a<span style="mso-spacerun: yes">&nbsp;</span>b</p>\n', [(1, 11)], "<p>a&nbsp;b</p>\n",
                 id="word-spacerun-span-unwrapped"),
    pytest.param('<p class="note" style="margin: 0">x</p>\n', [], None, id="ordinary-class-and-style"),
    # Empty class and id.
    pytest.param('<p class="" id="">x</p>\n', [(1, 4), (1, 13)], "<p>x</p>\n", id="empty-class-and-id"),
    # Tistory markers: reported, never edited; not inside Markdown code.
    pytest.param('<p>[##_Image|kage@bx1234/img.png|CDM|1.3|{"originWidth":800}_##]</p>\n', [(1, 4)], None,
                 id="tistory-marker"),
    # After CRLF front matter, Korean before the attribute.
    pytest.param('---\r\ntitle: 제목\r\n---\r\n<p>한국어 <span data-ke-size="size16">글</span></p>\r\n', [(4, 14)],
                 "---\r\ntitle: 제목\r\n---\r\n<p>한국어 <span>글</span></p>\r\n", id="crlf-front-matter-korean"),
    pytest.param('<p>data-ke-size="size16"</p>\n', [], None, id="text-not-attribute"),
]

MARKDOWN_CASES = [
    pytest.param("Text\n\n<p data-ke-size=\"size16\">x</p>\n", [(3, 4)], "Text\n\n<p>x</p>\n", id="raw-html"),
    pytest.param("Tistory writes `[##_Image|kage@x|CDM|1.3_##]` for an image.\n", [], None, id="marker-in-code-span"),
    pytest.param("```html\n<p data-ke-size=\"size16\">x</p>\n```\n", [], None, id="fence"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_html(check, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    assert all(f.fix.applicability == "safe" for f in findings if f.fix)


@pytest.mark.parametrize("source, expected, fixed", MARKDOWN_CASES)
def test_markdown(check, source, expected, fixed):
    check(RULE, source, expected, fixed, path="post.md")


def test_options(check):
    source = '<pre data-lang="js" data-ke-language="js">x</pre>\n'
    check(RULE, source, [(1, 21)], '<pre data-lang="js">x</pre>\n')
    check(RULE, source, [(1, 6)], '<pre data-ke-language="js">x</pre>\n', options={"attributes": ["data-lang"]})
