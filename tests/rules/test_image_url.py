"""image-url: (front matter value or post, options, findings as (line, column), fixed text or None).

A bare value is put into `image:` on line 3, so its findings are at (3, 8).
"""

import pytest

from postlint.site import Site

RULE = "image-url"
OURS = {"allowed-hosts": [".example.com"]}


def post(value: str) -> str:
    return f"---\ntitle: T\nimage: {value}\n---\n<p>x</p>\n"


CASES = [
    # Unsafe schemes and malformed values.
    pytest.param(post("javascript:alert(1)"), None, [(3, 8)], None, id="javascript"),
    pytest.param(post("'data:image/png;base64,iVBORw0KGgo='"), None, [(3, 8)], None, id="data"),
    pytest.param(post("VBScript:msgbox(1)"), None, [(3, 8)], None, id="vbscript"),
    pytest.param(post("ftp://img.example.com/a.png"), OURS, [(3, 8)], None, id="other-scheme"),
    pytest.param(post(r"'C:\images\a.png'"), None, [(3, 8)], None, id="backslash"),
    pytest.param(post("'/images/my photo.png'"), None, [(3, 8)], None, id="spaces"),
    pytest.param(post("42"), None, [(3, 8)], None, id="not-a-string"),
    # http:// has an (unsafe) https fix; the other host is also reported when not allowed.
    pytest.param(post("http://img.example.com/a.png"), OURS, [(3, 8)], post("https://img.example.com/a.png"), id="http"),
    pytest.param(post("'HTTP://img.example.com/a.png'"), OURS, [(3, 8)], post("'https://img.example.com/a.png'"),
                 id="http-upper-case-quoted"),
    pytest.param(post("http://other.org/a.png"), None, [(3, 8), (3, 8)], post("https://other.org/a.png"),
                 id="http-and-hot-link"),
    pytest.param(post("//img.example.com/a.png"), OURS, [(3, 8)], None, id="protocol-relative"),
    # Hot-linking, and allowed-hosts with its `.domain` form.
    pytest.param(post("https://other.org/a.png"), None, [(3, 8)], None, id="hot-link"),
    pytest.param(post("https://other.org/a.png"), {"allowed-hosts": ["other.org"]}, [], None, id="allowed-host"),
    pytest.param(post("https://cdn.img.example.com/a.png"), OURS, [], None, id="allowed-subdomain"),
    pytest.param(post("https://example.com/a.png"), OURS, [], None, id="allowed-domain-itself"),
    pytest.param(post("https://IMG.Example.COM/a.png"), OURS, [], None, id="allowed-host-case"),
    pytest.param(post("https://notexample.com/a.png"), OURS, [(3, 8)], None, id="suffix-is-not-subdomain"),
    pytest.param(post("https://img.example.com/a.png"), {"allowed-hosts": ["example.com"]}, [(3, 8)], None,
                 id="exact-host-no-subdomains"),
    # Extensions.
    pytest.param(post("/files/report.pdf"), None, [(3, 8)], None, id="not-an-image"),
    pytest.param(post("/a.PNG"), None, [], None, id="upper-case-extension"),
    pytest.param(post("https://img.example.com/a.webp?w=640"), OURS, [], None, id="query"),
    pytest.param(post("https://img.example.com/resize/a"), OURS, [], None, id="no-extension"),
    # Liquid is not judged; empty values and other keys are not checked.
    pytest.param(post("'{{ site.url }}/assets/a.pdf'"), None, [], None, id="liquid"),
    pytest.param(post(""), None, [], None, id="empty"),
    pytest.param("---\nbanner: javascript:alert(1)\n---\n<p>x</p>\n", None, [], None, id="other-key"),
    # Nested keys and the mapping form.
    pytest.param("---\nheader:\n  image: http://img.example.com/a.png\n  teaser: /t.pdf\n---\n<p>x</p>\n", OURS,
                 [(3, 10), (4, 11)], "---\nheader:\n  image: https://img.example.com/a.png\n  teaser: /t.pdf\n---\n<p>x</p>\n",
                 id="header-image"),
    pytest.param("---\nimage:\n  path: javascript:alert(1)\n  alt: x\n---\n<p>x</p>\n", None, [(3, 9)], None,
                 id="mapping-path"),
    # Positions after multi-line front matter with Korean text; CRLF kept.
    pytest.param("---\ntitle: 동맹 지지\ncategories:\n  - News\nexcerpt: >\n  한·미 동맹\nimage: 'http://img.example.com/뉴스.jpg'\n---\n",
                 OURS, [(7, 8)],
                 "---\ntitle: 동맹 지지\ncategories:\n  - News\nexcerpt: >\n  한·미 동맹\nimage: 'https://img.example.com/뉴스.jpg'\n---\n",
                 id="korean-front-matter"),
    pytest.param("---\r\ntitle: T\r\nimage: http://img.example.com/a.png\r\n---\r\n", OURS, [(3, 8)],
                 "---\r\ntitle: T\r\nimage: https://img.example.com/a.png\r\n---\r\n", id="crlf"),
    # Not flagged.
    pytest.param(post("/assets/images/news.jpg"), None, [], None, id="site-relative-no-site-root"),
    pytest.param(post("https://img.example.com/a.png"), OURS, [], None, id="https-allowed"),
]


@pytest.mark.parametrize("source, options, expected, fixed", CASES)
def test_image_url(check, source, options, expected, fixed):
    findings = check(RULE, source, expected, fixed, options=options)
    assert all(f.fix.applicability == "unsafe" for f in findings if f.fix)


@pytest.mark.parametrize("value, severity", [
    ("javascript:alert(1)", "error"),
    ("'data:image/png;base64,iVBORw0KGgo='", "error"),
    ("'/images/my photo.png'", "error"),
    ("http://img.example.com/a.png", "warning"),
    ("//img.example.com/a.png", "warning"),
    ("https://other.org/a.png", "warning"),
    ("/files/report.pdf", "warning"),
])
def test_severity(lint, value, severity):
    assert [f.severity for f in lint(post(value), RULE, OURS).findings] == [severity]


@pytest.mark.parametrize("value, expected", [
    ("/assets/images/news.jpg", []),
    ("assets/images/news.jpg", []),
    ("/assets/images/news.jpg?v=2", []),
    ("/img/hugo.png", []),  # served from static/
    ("/images/my%20photo.png", []),
    ("/assets/images/gone.jpg", [(3, 8)]),
    ("'{{ site.baseurl }}/gone.jpg'", []),
    ("https://img.example.com/gone.jpg", []),  # another server's files are not looked for
])
def test_site_relative_path(check, lint, tmp_path, value, expected):
    for name in ("assets/images/news.jpg", "static/img/hugo.png", "images/my photo.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    check(RULE, post(value), expected, None, options=OURS, site=Site(tmp_path))
    if expected:
        assert lint(post(value), RULE, OURS, site=Site(tmp_path)).findings[0].severity == "error"
