"""front-matter-schema: (front matter lines, options, path, findings as (line, column, severity)); no fix.

`post(lines)` wraps front matter lines in `---`: the first line is line 2.
"""

import pytest

RULE = "front-matter-schema"


def post(*lines: str) -> str:
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n<p>본문</p>\n"


P = "2024-07-22-alliance-news.md"
# lint/frontmatter.py lets the ValueError of PyYAML's timestamp constructor (a date or time that
# matches YAML's pattern but does not exist) escape instead of reporting front-matter-syntax.

CASES = [
    # Required keys: one finding at the opening `---`.
    pytest.param(post("date: 2024-07-22"), None, P, [(1, 1, "error")], id="no-title"),
    pytest.param(post("title: T"), {"required": ["title", "date"]}, P, [(1, 1, "error")], id="configured-required"),
    # Strings.
    pytest.param(post("title: 2024"), None, P, [(2, 8, "error")], id="title-number"),
    pytest.param(post("title:", "layout: post"), None, P, [(2, 7, "error")], id="title-null"),
    pytest.param(post("title: [a, b]"), None, P, [(2, 8, "error")], id="title-list"),
    pytest.param(post("title: '2024'"), None, P, [], id="title-quoted-number"),
    # Lists of strings, or one string.
    pytest.param(post("title: T", "tags:", "  name: news"), None, P, [(4, 3, "error")], id="tags-mapping"),
    pytest.param(post("title: T", "categories: [News, [Korea]]"), None, P, [(3, 13, "error")], id="nested-list"),
    pytest.param(post("title: T", "tags: [뉴스, 2024]"), None, P, [(3, 7, "error")], id="number-in-list"),
    pytest.param(post("title: T", "tags: 7"), None, P, [(3, 7, "error")], id="tags-number"),
    pytest.param(post("title: T", "categories:", "  - News", "tags: 한미동맹"), None, P, [], id="list-and-string"),
    pytest.param(post("title: T", "tags:"), None, P, [], id="empty-tags"),
    # Dates.
    pytest.param(post("title: T", 'date: "2024-02-30"'), None, "a.md", [(3, 7, "error")], id="impossible-quoted-date"),
    pytest.param(post("title: T", "date: 22/07/2024"), None, "a.md", [(3, 7, "error")], id="day-month-year"),
    pytest.param(post("title: T", "date: 2023-02-14-10:00:00 +0900"), None, "a.md", [(3, 7, "error")],
                 id="dash-before-time"),
    pytest.param(post("title: T", "lastmod: soon"), None, "a.md", [(3, 10, "error")], id="lastmod"),
    pytest.param(post("title: T", "date: 2024-07-22"), None, "a.md", [], id="date"),
    pytest.param(post("title: T", 'date: "2024-07-22"'), None, "a.md", [], id="quoted-date"),
    pytest.param(post("title: T", "date: 2024-07-22 10:00:00 +0900"), None, "a.md", [], id="jekyll-zone"),
    pytest.param(post("title: T", "date: 2024-07-22T10:00:00+09:00"), None, "a.md", [], id="rfc3339"),
    pytest.param(post("title: T", "date: 2024-07-22 10:00"), None, "a.md", [], id="no-seconds"),
    # The file name's date.
    pytest.param(post("title: T", "date: 2024-07-23"), None, P, [(3, 7, "warning")], id="file-name-disagrees"),
    pytest.param(post("title: T", "date: 2024-07-22 23:30:00 -0500"), None, P, [], id="same-day-as-written"),
    pytest.param(post("title: T", "date: 2024-07-23"), None, "_posts/2024/" + P, [(3, 7, "warning")], id="in-folder"),
    pytest.param(post("title: T", "date: 2024-07-23"), {"file-name-date": False}, P, [], id="file-name-date-off"),
    pytest.param(post("title: T", "date: 2024-07-23"), None, "about.md", [], id="no-date-in-name"),
    # Allowed keys.
    pytest.param(post("title: T", "feature_text: x", "tags: [a]"), {"allowed-keys": ["title", "tags"]}, P,
                 [(3, 1, "warning")], id="allowed-keys"),
    # Not checked: no front matter, broken YAML (front-matter-syntax's).
    pytest.param("<p>본문</p>\n", None, P, [], id="no-front-matter"),
    # The seed's front matter is fine.
    pytest.param(post("title: 동맹 지지 초당적 합의로 정치적 안전망 구축!", "categories:", "  - News", "excerpt: >", "  한·미 동맹"),
                 None, P, [], id="seed-shape"),
]


@pytest.mark.parametrize("source, options, path, expected", CASES)
def test_front_matter_schema(check, source, options, path, expected):
    findings = check(RULE, source, [e[:2] for e in expected], None, options=options, path=path)
    assert [f.severity for f in findings] == [e[2] for e in expected]


def test_broken_yaml_is_left_to_front_matter_syntax(lint):
    result = lint("---\ntitle: [unclosed\n---\n", RULE, path=P)
    assert [f.rule for f in result.findings] == ["front-matter-syntax"]
