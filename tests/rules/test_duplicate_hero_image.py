"""duplicate-hero-image: (post, options, findings as (line, column), text after one fix pass or None).

`post(image, body)` puts the hero on line 3 and the body from line 5 on.
"""

import pytest

RULE = "duplicate-hero-image"
NEWS = "https://www.behealthy4u.com/wp-content/uploads/2024/06/news.jpg"


def post(image: str, body: str, key: str = "image") -> str:
    return f"---\ntitle: 동맹 지지\n{key}: {image}\n---\n{body}"


HEAD = post(f"'{NEWS}'", "")

CASES = [
    # The seed's shape: a Tistory import whose first paragraph is the hero image again.
    pytest.param(post(f"'{NEWS}'", f'\n<p><img src="{NEWS}" alt="info 속보" /></p>\n\n<h2>한미동맹</h2>\n'), None,
                 [(6, 4)], HEAD + "\n<h2>한미동맹</h2>\n", id="seed"),
    # Normalised: scheme, protocol-relative, host case, percent-encoding, default port, fragment.
    pytest.param(post("http://img.example.com/a.jpg", '<p><img src="https://img.example.com/a.jpg"></p>\n<p>Text.</p>\n'),
                 None, [(5, 4)], post("http://img.example.com/a.jpg", "<p>Text.</p>\n"), id="http-vs-https"),
    pytest.param(post("https://IMG.example.com:443/a.jpg", '<img src="//img.example.com/a.jpg#top">\n<p>x</p>\n'),
                 None, [(5, 1)], post("https://IMG.example.com:443/a.jpg", "<p>x</p>\n"), id="protocol-relative-port-case"),
    pytest.param(post("/images/뉴스.jpg", '<p><img src="/images/%EB%89%B4%EC%8A%A4.jpg" alt="뉴스"></p>\n'),
                 None, [(5, 4)], post("/images/뉴스.jpg", ""), id="percent-encoding"),
    pytest.param(post("assets/a.png", '<p><img src="/assets/a.png"></p>\n'), None, [(5, 4)],
                 post("assets/a.png", ""), id="site-path-leading-slash"),
    # Other keys, nested keys, the mapping form.
    pytest.param("---\nheader:\n  overlay_image: /a.jpg\n---\n<img src='/a.jpg'>\n", None, [(5, 1)],
                 "---\nheader:\n  overlay_image: /a.jpg\n---\n", id="header-overlay-image"),
    pytest.param("---\ncover:\n  src: /a.jpg\n  alt: A\n---\n<p><img src=/a.jpg></p>\n", None, [(6, 4)],
                 "---\ncover:\n  src: /a.jpg\n  alt: A\n---\n", id="mapping-src"),
    pytest.param(post("/a.jpg", '<img src="/a.jpg">\n', key="teaser"), None, [], None, id="teaser-not-a-hero"),
    pytest.param(post("/a.jpg", '<img src="/a.jpg">\n', key="teaser"), {"keys": ["teaser"]}, [(5, 1)],
                 post("/a.jpg", "", key="teaser"), id="configured-key"),
    # The fix removes wrappers that hold nothing else, and stops at text or a caption.
    pytest.param(post("/a.jpg", '<p><a href="/a.jpg"><img src="/a.jpg"></a></p>\n<p>x</p>\n'), None, [(5, 21)],
                 post("/a.jpg", "<p>x</p>\n"), id="linked-image"),
    pytest.param(post("/a.jpg", '<figure><img src="/a.jpg"><figcaption>Seoul</figcaption></figure>\n'), None,
                 [(5, 9)], post("/a.jpg", "<figure><figcaption>Seoul</figcaption></figure>\n"), id="figure-with-caption"),
    pytest.param(post("/a.jpg", '<p>Photo: <img src="/a.jpg"> taken in Seoul.</p>\n'), None, [(5, 11)],
                 post("/a.jpg", "<p>Photo:  taken in Seoul.</p>\n"), id="inline-in-text"),
    pytest.param(post("/a.jpg", '<p><img src="/a.jpg"><div>words</div></p>\n'), None, [(5, 4)],
                 post("/a.jpg", '<p><div>words</div></p>\n'), id="parser-moved-words-out"),
    # Not flagged: another image, only the first image counts, Liquid, no hero.
    pytest.param(post("/a.jpg", '<p><img src="/b.jpg"></p>\n'), None, [], None, id="other-image"),
    pytest.param(post("/a.jpg", '<p><img src="/b.jpg"></p>\n<p><img src="/a.jpg"></p>\n'), None, [], None,
                 id="not-the-first"),
    pytest.param(post("/a.jpg?w=300", '<img src="/a.jpg">\n'), None, [], None, id="query-differs"),
    pytest.param(post("'{{ site.url }}/a.jpg'", '<img src="{{ site.url }}/a.jpg">\n'), None, [], None, id="liquid"),
    pytest.param("---\ntitle: T\n---\n<img src='/a.jpg'>\n", None, [], None, id="no-hero"),
    pytest.param(post("/a.jpg", "<p>No image.</p>\n"), None, [], None, id="no-image"),
    pytest.param(post("/a.jpg", "<img alt='x'>\n"), None, [], None, id="img-without-src"),
]


@pytest.mark.parametrize("source, options, expected, fixed", CASES)
def test_duplicate_hero_image(check, source, options, expected, fixed):
    findings = check(RULE, source, expected, fixed, options=options)
    assert all(f.fix.applicability == "unsafe" for f in findings if f.fix)


def test_markdown_code_is_not_an_image(check):
    source = post("/a.jpg", "Write it like this:\n\n    <img src=\"/a.jpg\">\n\n<img src='/b.jpg'>\n")
    check(RULE, source, [], None, path="post.md")


def test_markdown_html_block(check):
    source = post("/a.jpg", "Intro text.\n\n<p><img src=\"/a.jpg\"></p>\n")
    check(RULE, source, [(7, 4)], post("/a.jpg", "Intro text.\n\n"), path="post.md")


def test_finding_covers_the_img_tag(lint):
    source = post("/a.jpg", '<p><img src="/a.jpg" alt="A" /></p>\n')
    (finding,) = lint(source, RULE).findings
    assert source[finding.start:finding.end] == '<img src="/a.jpg" alt="A" />'
