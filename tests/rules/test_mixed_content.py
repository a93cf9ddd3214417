"""mixed-content: (source, options, findings as (line, column, severity), text after one fix pass or None)."""

import pytest

RULE = "mixed-content"

CASES = [
    # Resources: error; links: warning; protocol-relative: warning. All fixed to https:// (unsafe).
    pytest.param('<p><img src="http://img.seoul-news.kr/a.jpg" alt="A"></p>\n', None, [(1, 14, "error")],
                 '<p><img src="https://img.seoul-news.kr/a.jpg" alt="A"></p>\n', id="img-src"),
    pytest.param('<p>See <a href="http://news.seoul-news.kr/1">the news</a>.</p>\n', None, [(1, 17, "warning")],
                 '<p>See <a href="https://news.seoul-news.kr/1">the news</a>.</p>\n', id="a-href"),
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
    pytest.param('<p><a href=" http://news.seoul-news.kr/?a=1&amp;b=2">x</a></p>\n', None, [(1, 14, "warning")],
                 '<p><a href=" https://news.seoul-news.kr/?a=1&amp;b=2">x</a></p>\n', id="leading-space-and-entity"),
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
    pytest.param('<p><a href="http://news.seoul-news.kr/">x</a></p>\n', {"links": False}, [], None, id="links-off"),
    pytest.param('<p><img src="http://img.seoul-news.kr/a.jpg"></p>\n', {"allowed-hosts": ["seoul-news.kr"]}, [], None,
                 id="allowed-hosts"),
]


@pytest.mark.parametrize("source, options, expected, fixed", CASES)
def test_mixed_content(check, lint, source, options, expected, fixed):
    findings = check(RULE, source, [e[:2] for e in expected], fixed, options=options)
    assert [f.severity for f in findings] == [e[2] for e in expected]
    assert all(f.fix.applicability == "unsafe" for f in findings)


def test_markdown_code_is_not_judged(check):
    source = "Embed it:\n\n```html\n<img src=\"http://img.seoul-news.kr/a.jpg\">\n```\n\nOr `<img src=\"//x.org/a\">`.\n"
    check(RULE, source, [], None, path="post.md")


def test_finding_covers_the_url(lint):
    source = '<p><img src="http://img.seoul-news.kr/a.jpg" alt="A"></p>\n'
    (finding,) = lint(source, RULE).findings
    assert source[finding.start:finding.end] == "http://img.seoul-news.kr/a.jpg"
