"""duplicate-excerpt: (source, findings as (line, column), text after one fix pass or None)."""

import pytest

RULE = "duplicate-excerpt"

CASES = [
    # Whitespace is folded; the finding points at the key that repeats, the fix deletes its lines.
    pytest.param("---\ntitle: Alliance news\nexcerpt: The alliance enjoys bipartisan support.\n"
                 "feature_text: The alliance enjoys  bipartisan support.\n---\n<p>Body.</p>\n",
                 [(4, 1)], "---\ntitle: Alliance news\nexcerpt: The alliance enjoys bipartisan support.\n---\n<p>Body.</p>\n",
                 id="folded-whitespace"),
    # A YAML alias repeats its anchor: only the alias's line goes.
    pytest.param("---\ntitle: t\nexcerpt: &e The alliance.\nfeature_text: *e\nimage: /a.png\n---\n<p>x</p>\n",
                 [(4, 1)], "---\ntitle: t\nexcerpt: &e The alliance.\nimage: /a.png\n---\n<p>x</p>\n",
                 id="alias"),
    pytest.param("---\nexcerpt: >\n  one two\n  three\nfeature_text: >\n  one   two\n  three\ntitle: T\n---\n<p>x</p>\n",
                 [(5, 1)], "---\nexcerpt: >\n  one two\n  three\ntitle: T\n---\n<p>x</p>\n", id="folded-block-scalars"),
    pytest.param("---\nexcerpt: one two three\nfeature_text: >\n  one two\n  three\n---\n<p>x</p>\n",
                 [(3, 1)], "---\nexcerpt: one two three\n---\n<p>x</p>\n", id="plain-and-block-scalar"),
    pytest.param('---\nexcerpt: one two\nfeature_text: "one two"  # imported\n---\n<p>x</p>\n',
                 [(3, 1)], "---\nexcerpt: one two\n---\n<p>x</p>\n", id="quoted-with-comment"),
    # Every other byte of the front matter stays: quoting, comments, flow lists.
    pytest.param("---\ntitle: 'Quoted'  # keep\nexcerpt: a b\nfeature_text: a b\ntags: [x, y]\n---\n<p>x</p>\n",
                 [(4, 1)], "---\ntitle: 'Quoted'  # keep\nexcerpt: a b\ntags: [x, y]\n---\n<p>x</p>\n", id="rest-untouched"),
    # The one written below is the repeat, whatever its name.
    pytest.param("---\nfeature_text: a b\nexcerpt: a b\n---\n<p>x</p>\n", [(3, 1)], "---\nfeature_text: a b\n---\n<p>x</p>\n",
                 id="later-key-is-flagged"),
    pytest.param("---\ndescription: a b\nexcerpt: a b\nsummary: a  b\n---\n<p>x</p>\n", [(3, 1), (4, 1)],
                 "---\ndescription: a b\n---\n<p>x</p>\n", id="three"),
    pytest.param("---\r\nexcerpt: a b\r\nfeature_text: a\r\n  b\r\n---\r\n<p>x</p>\r\n", [(3, 1)],
                 "---\r\nexcerpt: a b\r\n---\r\n<p>x</p>\r\n", id="crlf"),
    pytest.param("---\ntitle: 동맹 지지\ncategories:\n  - News\nexcerpt: >\n  한·미 동맹은 초당적 지지를 받으며,\n"
                 "  굳건히 유지될 예정이다.\nfeature_text: >\n  한·미 동맹은 초당적 지지를 받으며, 굳건히 유지될 예정이다.\n"
                 "image: /a.jpg\n---\n<p>본문</p>\n",
                 [(8, 1)], "---\ntitle: 동맹 지지\ncategories:\n  - News\nexcerpt: >\n  한·미 동맹은 초당적 지지를 받으며,\n"
                 "  굳건히 유지될 예정이다.\nimage: /a.jpg\n---\n<p>본문</p>\n", id="seed-shape-korean"),
    # Not flagged.
    pytest.param("---\nexcerpt: a b\nfeature_text: a b c\n---\n<p>x</p>\n", [], None, id="different"),
    pytest.param("---\nexcerpt: A b\nfeature_text: a b\n---\n<p>x</p>\n", [], None, id="case-differs"),
    pytest.param("---\nexcerpt: 2024\nsummary: 2024\n---\n<p>x</p>\n", [], None, id="not-text"),
    pytest.param('---\nexcerpt: ""\nfeature_text: "  "\n---\n<p>x</p>\n', [], None, id="empty"),
    pytest.param("---\ntitle: a b\nexcerpt: a b\n---\n<p>x</p>\n", [], None, id="title-not-compared"),
    pytest.param("<p>excerpt: a</p>\n<p>feature_text: a</p>\n", [], None, id="no-front-matter"),
]


@pytest.mark.parametrize("source, expected, fixed", CASES)
def test_duplicate_excerpt(check, lint, apply_fixes, source, expected, fixed):
    findings = check(RULE, source, expected, fixed)
    # Unsafe: `--fix` alone leaves the post as it is.
    assert all(f.fix is not None and f.fix.applicability == "unsafe" for f in findings)
    assert apply_fixes(source, lint(source, RULE).findings, unsafe=False) == source


def test_keys_option(check):
    source = "---\ntitle: a b\nexcerpt: a b\n---\n<p>x</p>\n"
    check(RULE, source, [(3, 1)], "---\ntitle: a b\n---\n<p>x</p>\n", options={"keys": ["title", "excerpt"]})
