"""mixed-content: (source, options, findings as (line, column, severity), text after one fix pass or None).
Links a reader follows are insecure-link's (tests/rules/test_insecure_link.py)."""

import pytest

RULE = "mixed-content"

CASES = [
    # Resources: error; protocol-relative: warning. All fixed to https:// (unsafe).
    pytest.param('<p><img src="http://img.seoul-news.kr/a.jpg" alt="A"></p>\n', None, [(1, 14, "error")],
                 '<p><img src="https://img.seoul-news.kr/a.jpg" alt="A"></p>\n', id="img-src"),
    pytest.param('<p>See <a href="http://news.seoul-news.kr/1">the news</a>.</p>\n', None, [], None,
                 id="a-link-is-not-mixed-content"),
    pytest.param('<script async src="//platform.twitter.com/widgets.js" charset="utf-8"></script>\n', None,
                 [(1, 20, "warning")],
                 '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
                 id="protocol-relative-script"),
    pytest.param('<iframe src="HTTP://www.youtube.com/embed/x" width="560"></iframe>\n', None, [(1, 14, "error")],
                 '<iframe src="https://www.youtube.com/embed/x" width="560"></iframe>\n', id="iframe-upper-case"),
    pytest.param('<video poster="http://cdn.seoul-news.kr/p.jpg" src="https://cdn.seoul-news.kr/v.mp4"></video>\n', None,
                 [(1, 16, "error")],
                 '<video poster="https://cdn.seoul-news.kr/p.jpg" src="https://cdn.seoul-news.kr/v.mp4"></video>\n',
                 id="poster"),
    pytest.param('<img src="/a.jpg" srcset="http://cdn.seoul-news.kr/a-1x.jpg 1x, http://cdn.seoul-news.kr/a-2x.jpg 2x" alt="">\n',
                 None, [(1, 27, "error"), (1, 65, "error")],
                 '<img src="/a.jpg" srcset="https://cdn.seoul-news.kr/a-1x.jpg 1x, https://cdn.seoul-news.kr/a-2x.jpg 2x" alt="">\n',
                 id="srcset-each-candidate"),
    pytest.param('<link rel="stylesheet" href="http://cdn.seoul-news.kr/a.css">\n', None, [(1, 30, "error")],
                 '<link rel="stylesheet" href="https://cdn.seoul-news.kr/a.css">\n', id="stylesheet"),
    pytest.param('<object data="http://cdn.seoul-news.kr/a.swf"></object>\n', None, [(1, 15, "error")],
                 '<object data="https://cdn.seoul-news.kr/a.swf"></object>\n', id="object-data"),
    pytest.param("<p><img src=http://img.seoul-news.kr/a.jpg alt=A></p>\n", None, [(1, 13, "error")],
                 "<p><img src=https://img.seoul-news.kr/a.jpg alt=A></p>\n", id="unquoted"),
    pytest.param('<p><img src=" http://img.seoul-news.kr/?a=1&amp;b=2"></p>\n', None, [(1, 15, "error")],
                 '<p><img src=" https://img.seoul-news.kr/?a=1&amp;b=2"></p>\n', id="leading-space-and-entity"),
    # Korean text before the URL; positions in characters; CRLF kept.
    pytest.param('---\r\ntitle: 서울\r\n---\r\n<p>사진: <img src="http://사진.seoul-news.kr/a.jpg"></p>\r\n', None,
                 [(4, 18, "error")],
                 '---\r\ntitle: 서울\r\n---\r\n<p>사진: <img src="https://사진.seoul-news.kr/a.jpg"></p>\r\n', id="korean-crlf"),
    # Not flagged.
    pytest.param('<p><img src="https://img.seoul-news.kr/a.jpg"></p>\n', None, [], None, id="https"),
    pytest.param('<p><img src="/assets/a.jpg"> <a href="../b/">b</a></p>\n', None, [], None, id="relative"),
    pytest.param('<p><img src="{{ site.url }}/a.jpg"> <a href="http://{{ site.host }}/b">b</a></p>\n', None, [], None,
                 id="liquid"),
    pytest.param('<p><a href="http://localhost:4000/">local</a> <img src="http://127.0.0.1/a.png"></p>\n', None, [],
                 None, id="local-hosts"),
    pytest.param('<p><a href="http://example.com/">example</a></p>\n', None, [], None, id="example-domain"),
    pytest.param('<p><a href="mailto:a@b.org">mail</a> <a href="#top">top</a></p>\n', None, [], None, id="other-schemes"),
    pytest.param('<p data-src="http://img.seoul-news.kr/a.jpg" title="http://x.org">x</p>\n', None, [], None,
                 id="other-attributes"),
    pytest.param('<p>See http://news.seoul-news.kr for more.</p>\n', None, [], None, id="text-is-not-a-url"),
    # Options.
    pytest.param('<p><img src="http://img.seoul-news.kr/a.jpg"></p>\n', {"allowed-hosts": ["seoul-news.kr"]}, [], None,
                 id="allowed-hosts"),
]


@pytest.mark.parametrize("source, options, expected, fixed", CASES)
def test_mixed_content(check, lint, source, options, expected, fixed):
    findings = check(RULE, source, [e[:2] for e in expected], fixed, options=options)
    assert [f.severity for f in findings] == [e[2] for e in expected]
    assert all(f.fix.applicability == "unsafe" for f in findings)


# Markdown posts: images in either syntax; the finding at the URL, for a reference-style image
# at its definition (once, however many images use it).
MARKDOWN_CASES = [
    pytest.param("---\ntitle: t\n---\n![](http://photos.acme.org/f.png)\n", [(4, 5, "error")],
                 "---\ntitle: t\n---\n![](https://photos.acme.org/f.png)\n", id="markdown-image"),
    pytest.param('서울 ![야경](http://photos.acme.org/f.png "밤") 끝\n', [(1, 10, "error")],
                 '서울 ![야경](https://photos.acme.org/f.png "밤") 끝\n', id="markdown-image-korean-title"),
    pytest.param("![a](<http://photos.acme.org/a b.png>)\n", [(1, 7, "error")],
                 "![a](<https://photos.acme.org/a b.png>)\n", id="angle-brackets"),
    pytest.param("![a][pic] and ![b][pic]\n\n[pic]: http://photos.acme.org/f.png\n", [(3, 8, "error")],
                 "![a][pic] and ![b][pic]\n\n[pic]: https://photos.acme.org/f.png\n", id="reference-image-at-definition"),
    pytest.param("![photo](//photos.acme.org/f.png)\n", [(1, 10, "warning")],
                 "![photo](https://photos.acme.org/f.png)\n", id="protocol-relative-markdown-image"),
    pytest.param('Text <img src="http://photos.acme.org/f.png"> inline.\n', [(1, 16, "error")],
                 'Text <img src="https://photos.acme.org/f.png"> inline.\n', id="inline-html-in-a-paragraph"),
    pytest.param("[![cover](http://photos.acme.org/c.png)](http://news.acme.org/)\n", [(1, 11, "error")],
                 "[![cover](https://photos.acme.org/c.png)](http://news.acme.org/)\n", id="image-inside-a-link"),
    # Not flagged.
    pytest.param("[the news](http://news.acme.org/) and <http://news.acme.org/>\n", [], None, id="links-are-not-mixed"),
    pytest.param("![a]({{ site.url }}/a.png) ![b]({{< param cdn >}}/b.png)\n", [], None, id="templated"),
    pytest.param("Write `![](http://a.org/x.png)` or\n\n    ![](http://a.org/x.png)\n", [], None, id="code"),
    pytest.param("\\![not an image](http://photos.acme.org/f.png)\n", [], None, id="escaped-bang-is-a-link"),
    pytest.param("![a][missing]\n", [], None, id="undefined-reference-is-text"),
]


@pytest.mark.parametrize("source, expected, fixed", MARKDOWN_CASES)
def test_mixed_content_in_markdown(check, source, expected, fixed):
    findings = check(RULE, source, [e[:2] for e in expected], fixed, path="post.md")
    assert [f.severity for f in findings] == [e[2] for e in expected]


def test_markdown_code_is_not_judged(check):
    source = "Embed it:\n\n```html\n<img src=\"http://img.seoul-news.kr/a.jpg\">\n```\n\nOr `<img src=\"//x.org/a\">`.\n"
    check(RULE, source, [], None, path="post.md")


def test_finding_covers_the_url(lint):
    source = '<p><img src="http://img.seoul-news.kr/a.jpg" alt="A"></p>\n'
    (finding,) = lint(source, RULE).findings
    assert source[finding.start:finding.end] == "http://img.seoul-news.kr/a.jpg"
