"""insecure-link: (source, path, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "insecure-link"

CASES = [
    pytest.param('<p>See <a href="http://news.seoul-news.kr/1">the news</a>.</p>\n', "post.html", [(1, 17)],
                 '<p>See <a href="https://news.seoul-news.kr/1">the news</a>.</p>\n', id="a-href"),
    pytest.param('<p><a href=" http://news.seoul-news.kr/?a=1&amp;b=2">x</a></p>\n', "post.html", [(1, 14)],
                 '<p><a href=" https://news.seoul-news.kr/?a=1&amp;b=2">x</a></p>\n', id="leading-space-and-entity"),
    pytest.param('<map><area href="//news.seoul-news.kr/" alt="x"></map>\n', "post.html", [(1, 18)],
                 '<map><area href="https://news.seoul-news.kr/" alt="x"></map>\n', id="protocol-relative-area"),
    pytest.param("Read [the news](http://news.acme.org/2024/07/22).\n", "post.md", [(1, 17)],
                 "Read [the news](https://news.acme.org/2024/07/22).\n", id="markdown-link"),
    pytest.param("See <http://news.acme.org/>.\n", "post.md", [(1, 6)],
                 "See <https://news.acme.org/>.\n", id="autolink"),
    pytest.param("[a][news], [b][News] and [news]\n\n[news]: <http://news.acme.org/> \"News\"\n", "post.md", [(3, 10)],
                 "[a][news], [b][News] and [news]\n\n[news]: <https://news.acme.org/> \"News\"\n",
                 id="reference-links-at-their-definition-once"),
    # Not flagged.
    pytest.param("![photo](http://photos.acme.org/f.png)\n", "post.md", [], None, id="an-image-is-mixed-content"),
    pytest.param("Visit http://news.acme.org today.\n", "post.md", [], None, id="bare-url-is-text-in-commonmark"),
    pytest.param("[local](http://localhost:4000/) [docs](http://example.com/)\n", "post.md", [], None, id="local-hosts"),
    pytest.param("[home]({{ site.url }}/) [post]({{< ref \"a.md\" >}})\n", "post.md", [], None, id="templated"),
    pytest.param("Type `[x](http://a.org)` or \\[x](http://a.org)\n", "post.md", [], None,
                 id="code-and-escaped-bracket"),
    pytest.param("[mail](mailto:a@acme.org) <a@acme.org> [top](#top)\n", "post.md", [], None, id="other-schemes"),
]


@pytest.mark.parametrize("source, path, expected, fixed", CASES)
def test_insecure_link(check, source, path, expected, fixed):
    findings = check(RULE, source, expected, fixed, path=path)
    assert all(f.severity == "warning" and f.fix.applicability == "unsafe" for f in findings)


def test_allowed_hosts(check):
    findings = check(RULE, "[a](http://old.acme.org/) [b](http://news.acme.org/)\n", [(1, 31)],
                     "[a](http://old.acme.org/) [b](https://news.acme.org/)\n",
                     options={"allowed-hosts": ["old.acme.org"]}, path="post.md")
    assert len(findings) == 1


def test_off_by_default():
    import postlint

    assert postlint.lint_text("[a](http://news.acme.org/)\n", "post.md") == []
