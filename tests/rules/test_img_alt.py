"""img-alt: (source, options, findings as (line, column, covered text)); the rule has no fix.

`img(attrs)` is `<p><img src="/a/news.jpg" ATTRS></p>`; an alt value starts at column 32.
"""

import pytest

RULE = "img-alt"
TAG = '<img src="/a/news.jpg">'


def img(attrs: str) -> str:
    return f'<p><img src="/a/news.jpg" {attrs}></p>\n'


CASES = [
    # Missing alt: the whole tag.
    pytest.param(f"<p>{TAG}</p>\n", None, [(1, 4, TAG)], id="missing"),
    pytest.param('<img src="/a.png" ALT>\n', None, [], id="bare-alt-is-empty"),
    # File names.
    pytest.param(img('alt="news.jpg"'), None, [(1, 32, "news.jpg")], id="file-name"),
    pytest.param(img('alt="IMG_1234"'), None, [(1, 32, "IMG_1234")], id="camera-name"),
    pytest.param(img('alt="DSC0001"'), None, [(1, 32, "DSC0001")], id="dsc"),
    pytest.param(img('alt="스크린샷 2024-07-22 131502.png"'), None, [(1, 32, "스크린샷 2024-07-22 131502.png")],
                 id="korean-screenshot-file"),
    pytest.param(img("alt='/wp-content/uploads/2024/06/news.JPEG'"), None,
                 [(1, 32, "/wp-content/uploads/2024/06/news.JPEG")], id="path-upper-case"),
    # Placeholders, numbered or decorated.
    pytest.param(img('alt="image"'), None, [(1, 32, "image")], id="image"),
    pytest.param(img('alt="Image 1"'), None, [(1, 32, "Image 1")], id="numbered"),
    pytest.param(img('alt="사진"'), None, [(1, 32, "사진")], id="korean-photo"),
    pytest.param(img('alt="이미지1"'), None, [(1, 32, "이미지1")], id="korean-image-numbered"),
    pytest.param(img('alt="[photo]"'), None, [(1, 32, "[photo]")], id="bracketed"),
    pytest.param(img('alt=untitled'), None, [(1, 31, "untitled")], id="unquoted"),
    pytest.param(img('alt=" Photo "'), None, [(1, 32, " Photo ")], id="spaces-around"),
    # Positions after front matter and Korean text.
    pytest.param('---\ntitle: 동맹\n---\n<p>사진 설명: <img src="/a.png" alt="사진"></p>\n', None, [(4, 34, "사진")],
                 id="after-front-matter"),
    # Fine: real descriptions, decorative empty alt, Liquid.
    pytest.param(img('alt="info 속보"'), None, [], id="seed-alt"),
    pytest.param(img('alt="Photo of the summit in Seoul"'), None, [], id="photo-of"),
    pytest.param(img('alt="사진: 회담 장면"'), None, [], id="korean-description"),
    pytest.param(img('alt=""'), None, [], id="decorative"),
    pytest.param(img('alt=" "'), None, [], id="decorative-space"),
    pytest.param(img('alt="{{ page.title }}"'), None, [], id="liquid"),
    pytest.param(img('alt="Diagram of png compression"'), None, [], id="extension-word-inside"),
    pytest.param('<p><picture><source srcset="/a.webp"><img src="/a.jpg" alt="Chart"></picture></p>\n', None, [],
                 id="picture"),
    # Options.
    pytest.param(img('alt="pic"'), {"placeholders": ["image"]}, [], id="placeholders-replaced"),
    pytest.param(img('alt="그림 2"'), {"extra-placeholders": ["그림"]}, [(1, 32, "그림 2")], id="extra-placeholders"),
    pytest.param(f"<p>{TAG}</p>\n", {"missing": False}, [], id="missing-off"),
]


@pytest.mark.parametrize("source, options, expected", CASES)
def test_img_alt(check, source, options, expected):
    findings = check(RULE, source, [e[:2] for e in expected], None, options=options)
    assert [source[f.start:f.end] for f in findings] == [e[2] for e in expected]


def test_markdown_code_is_not_an_image(check):
    check(RULE, "Write `<img src=\"a.png\">` like this:\n\n    <img src=\"a.png\">\n", [], None, path="post.md")
