"""lookalike-domain: (source, options, findings as (line, column)); the rule has no fix.

`link(url)` is `<p>See <a href="URL">this</a>.</p>`: the value starts at column 17.
"""

import pytest

RULE = "lookalike-domain"


def link(url: str) -> str:
    return f'<p>See <a href="{url}">this</a>.</p>\n'


CASES = [
    # The seed: a Tistory blog whose name is one letter from google.
    pytest.param('<p>뉴스</p>\n생생한 뉴스, <a href="https://qoogle.tistory.com" rel="dofollow">qoogle.tistory.com</a>\n',
                 None, [(2, 18)], id="seed-tistory-blog-name"),
    # One edit on the registrable domain's name: changed, added, removed, swapped.
    pytest.param(link("https://www.qoogle.com/search?q=x"), None, [(1, 17)], id="changed-letter"),
    pytest.param(link("https://gooogle.com/"), None, [(1, 17)], id="added-letter"),
    pytest.param(link("https://paypl.com/login"), None, [(1, 17)], id="removed-letter"),
    pytest.param(link("https://amazno.com/"), None, [(1, 17)], id="swapped-letters"),
    pytest.param(link("https://navre.co.kr/"), None, [(1, 17)], id="multi-part-suffix"),
    pytest.param(link("//youtbe.com/watch?v=1"), None, [(1, 17)], id="protocol-relative"),
    pytest.param(link("HTTPS://WWW.FACEBOOK.CO/page"), None, [], id="real-name-other-suffix"),
    # Look-alike characters and punycode.
    pytest.param(link("https://g00gle.com/"), None, [(1, 17)], id="digits"),
    pytest.param(link("https://rnicrosoft.com/"), None, [(1, 17)], id="rn-for-m"),
    pytest.param(link("https://gооgle.com/"), None, [(1, 17)], id="cyrillic-o"),
    pytest.param(link("https://xn--ggle-55da.com/"), None, [(1, 17)], id="punycode"),
    pytest.param(link("https://x0.com/"), None, [], id="short-brand-not-by-edit"),
    # The brand's domain put in front of another.
    pytest.param(link("https://paypal.com.account-check.net/"), None, [(1, 17)], id="brand-as-subdomain"),
    # Blog names on blog hosts, by subdomain or by path.
    pytest.param(link("https://googie.blogspot.com/2024/01/a.html"), None, [(1, 17)], id="blogspot"),
    pytest.param(link("https://kakae.github.io/"), None, [(1, 17)], id="github-io"),
    pytest.param(link("https://blog.naver.com/navre/22345"), None, [(1, 17)], id="naver-blog-id"),
    pytest.param(link("https://medium.com/@g00gle/post-1"), None, [(1, 17)], id="medium-at-name"),
    pytest.param(link("https://google.github.io/styleguide/"), None, [], id="blog-named-exactly-a-brand"),
    pytest.param(link("https://idenrai.github.io/"), None, [], id="ordinary-blog"),
    pytest.param(link("https://www.tistory.com/"), None, [], id="blog-host-itself"),
    pytest.param(link("https://blog.naver.com/PostView.naver?blogId=x"), None, [], id="naver-view-page"),
    # Images too.
    pytest.param('<p><img src="https://cdn.instagrarn.com/a.jpg" alt="Seoul"></p>\n', None, [(1, 14)], id="img-src"),
    # Real domains, words and other not-imitations.
    pytest.param(link("https://www.google.com/"), None, [], id="google"),
    pytest.param(link("https://www.google.co.kr/maps"), None, [], id="google-country"),
    pytest.param(link("https://ko.wikipedia.org/wiki/한미동맹"), None, [], id="wikipedia"),
    pytest.param(link("https://commons.wikimedia.org/"), None, [], id="wikimedia-one-edit-but-real"),
    pytest.param(link("https://paypay.ne.jp/"), None, [], id="paypay"),
    pytest.param(link("https://apply.com/"), None, [], id="word-one-edit-from-apple"),
    pytest.param(link("https://icloud.com.cn/"), None, [], id="brand-country-domain"),
    pytest.param(link("https://youtu.be/dQw4w9WgXcQ"), None, [], id="youtu-be"),
    pytest.param(link("/2024/07/news/"), None, [], id="site-path"),
    pytest.param(link("mailto:me@qoogle.com"), None, [], id="mailto"),
    pytest.param(link("{{ site.url }}/about"), None, [], id="liquid"),
    pytest.param('<p>qoogle.com <link href="https://qoogle.com"></p>\n', None, [], id="not-a-link"),
    # Options.
    pytest.param(link("https://qoogle.com/"), {"allowed-domains": ["qoogle.com"]}, [], id="allowed-domain"),
    pytest.param(link("https://postlnt.dev/"), {"extra-brands": ["postlint.dev"]}, [(1, 17)], id="extra-brand"),
    pytest.param(link("https://qoogle.com/"), {"brands": ["naver.com"]}, [], id="brands-replaced"),
    pytest.param(link("https://qoogle.myblog.kr/"), {"blog-hosts": ["myblog.kr"]}, [(1, 17)], id="blog-hosts"),
    pytest.param(link("https://dauum.net/"), {"min-length": 5}, [], id="min-length"),
]


@pytest.mark.parametrize("source, options, expected", CASES)
def test_lookalike_domain(check, source, options, expected):
    check(RULE, source, expected, None, options=options)


def test_markdown_code_is_not_a_link(check):
    check(RULE, "Phishing looks like `<a href=\"https://qoogle.com\">`.\n\n<a href='https://qoogle.com'>x</a>\n",
          [(3, 10)], None, path="post.md")


def test_finding_covers_the_url_and_says_what_is_imitated(lint):
    source = link("https://qoogle.tistory.com")
    (finding,) = lint(source, RULE).findings
    assert source[finding.start:finding.end] == "https://qoogle.tistory.com"
    assert "tistory.com blog" in finding.message and "google" in finding.message
