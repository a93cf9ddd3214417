"""postlint.frontmatter.split: where the front matter is, what it says, where each key and value is.

Every test runs with libyaml's loader (the one used when present) and with PyYAML's pure
Python loader (the fallback), because the two report positions and errors differently.
"""

from __future__ import annotations

import pytest
import yaml

from postlint import frontmatter
from postlint.frontmatter import split
from postlint.post import Post
from postlint.source import BOM, Source

LOADERS = [pytest.param(yaml.SafeLoader, id="pure")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(autouse=True, params=LOADERS)
def loader(request, monkeypatch):
    monkeypatch.setattr(frontmatter, "_Loader", request.param)
    return request.param


def key_and_value(text: str, path: str) -> tuple[str, str]:
    entry = split(text).entry(path)
    assert entry is not None, path
    return text[entry.key_start : entry.key_end], text[entry.value_start : entry.value_end]


def error_position(text: str) -> tuple[int, int]:
    fm = split(text)
    assert fm is not None and fm.error is not None
    return Source.from_text(text).position(fm.error[1])


# -- where the block is ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<p>No front matter.</p>\n",
        "\n---\ntitle: x\n---\n",  # not on the first line
        " ---\ntitle: x\n---\n",
        "----\ntitle: x\n----\n",
        "---",  # a lone rule, no line break
    ],
)
def test_no_front_matter(text):
    assert split(text) is None


def test_block_spans_and_body_start():
    text = "---\ntitle: Hello\n---\n<p>Body</p>\n"
    fm = split(text)
    assert fm.error is None
    assert fm.start == 0
    assert text[fm.content_start : fm.content_end] == "title: Hello\n"
    assert text[fm.end :] == "<p>Body</p>\n"
    assert fm.data == {"title": "Hello"}


def test_dots_terminate_the_block():
    text = "---\ntitle: Hello\n...\n<p>Body</p>\n"
    fm = split(text)
    assert fm.error is None
    assert fm.data == {"title": "Hello"}
    assert text[fm.end :] == "<p>Body</p>\n"


def test_closing_line_at_end_of_file_without_line_break():
    text = "---\ntitle: Hello\n---"
    fm = split(text)
    assert fm.error is None
    assert fm.end == len(text)


def test_only_the_first_closing_line_counts():
    text = "---\ntitle: x\n---\n<p>a</p>\n---\n<p>b</p>\n"
    fm = split(text)
    assert fm.data == {"title": "x"}
    assert text[fm.end :] == "<p>a</p>\n---\n<p>b</p>\n"


def test_crlf_block():
    text = "---\r\ntitle: Hello\r\nimage: /a.png\r\n---\r\n<p>x</p>\r\n"
    fm = split(text)
    assert fm.error is None
    assert text[fm.end :] == "<p>x</p>\r\n"
    assert key_and_value(text, "image") == ("image", "/a.png")


def test_bom_post_offsets_index_the_text_without_bom():
    raw = (BOM + "---\ntitle: Hello\n---\n<p>x</p>\n").encode("utf-8")
    post = Post(Source.from_bytes(raw), "a.md")
    entry = post.front_matter.entry("title")
    assert (entry.key_start, entry.value_start) == (4, 11)
    assert post.text[entry.value_start : entry.value_end] == "Hello"
    assert post.source.position(entry.key_start) == (2, 1)


def test_empty_and_comment_only_blocks_are_fine():
    for text in ("---\n---\n<p>x</p>", "---\n# just a comment\n---\n"):
        fm = split(text)
        assert fm.error is None
        assert fm.data == {}
        assert fm.entry("title") is None


# -- spans of keys and values ----------------------------------------------------------------

POST = """\
---
title: 동맹 뉴스 😀 plain value
quoted: "double \\" quoted"
single: 'it''s single'
header:
  image: /assets/header.jpg
  teaser: "/assets/teaser.jpg"
excerpt: >
  folded
  text
literal: |
  line one
  line two
count: 3
tags:
  - a
  - b
empty:
inline: {image: /x.png}
---
<p>Body</p>
"""


@pytest.mark.parametrize(
    ("path", "key", "value"),
    [
        ("title", "title", "동맹 뉴스 😀 plain value"),
        ("quoted", "quoted", '"double \\" quoted"'),
        ("single", "single", "'it''s single'"),
        ("header.image", "image", "/assets/header.jpg"),
        ("header.teaser", "teaser", '"/assets/teaser.jpg"'),
        ("excerpt", "excerpt", ">\n  folded\n  text\n"),
        ("literal", "literal", "|\n  line one\n  line two\n"),
        ("count", "count", "3"),
        ("tags", "tags", "- a\n  - b\n"),
        ("inline.image", "image", "/x.png"),
    ],
)
def test_key_and_value_spans(path, key, value):
    assert key_and_value(POST, path) == (key, value)


def test_values_are_the_loaded_values():
    fm = split(POST)
    assert fm.get("title") == "동맹 뉴스 😀 plain value"
    assert fm.get("quoted") == 'double " quoted'
    assert fm.get("single") == "it's single"
    assert fm.get("header.image") == "/assets/header.jpg"
    assert fm.get("excerpt") == "folded text\n"
    assert fm.get("count") == 3
    assert fm.get("tags") == ["a", "b"]
    assert fm.entry("empty").value is None
    assert fm.keys() == ["title", "quoted", "single", "header", "excerpt", "literal", "count", "tags", "empty", "inline"]


def test_key_positions_in_the_file():
    fm = split(POST)
    source = Source.from_text(POST)
    assert source.position(fm.entry("header.image").key_start) == (6, 3)
    assert source.position(fm.entry("header.image").value_start) == (6, 10)
    assert source.position(fm.entry("count").key_start) == (14, 1)


def test_key_after_korean_and_emoji_values_is_character_exact():
    # libyaml works on UTF-8 bytes; the spans must still be characters.
    text = "---\ntitle: 한국어 제목 😀😀\nimage: /a.png\n---\n"
    assert key_and_value(text, "image") == ("image", "/a.png")


@pytest.mark.parametrize("path", ["missing", "header.missing", "title.sub", "tags.a", "header.image.x"])
def test_absent_paths(path):
    fm = split(POST)
    assert fm.entry(path) is None
    assert fm.get(path, "default") == "default"


def test_duplicate_key_span_is_the_one_whose_value_was_loaded():
    text = "---\nimage: /first.png\nimage: /second.png\n---\n"
    fm = split(text)
    assert fm.get("image") == "/second.png"
    assert key_and_value(text, "image")[1] == "/second.png"


def test_alias_value_span_is_where_the_alias_is_written():
    text = "---\nexcerpt: &e The alliance.\nfeature_text: *e\n---\n"
    assert key_and_value(text, "feature_text") == ("feature_text", "*e")


# -- broken front matter ---------------------------------------------------------------------


def test_unclosed_front_matter_is_an_error_at_the_start():
    fm = split("---\ntitle: x\n<p>body</p>\n")
    assert fm.error is not None
    assert "never closed" in fm.error[0]
    assert fm.error[1] == 0
    assert fm.data == {}
    assert fm.entry("title") is None


def test_yaml_error_points_at_the_line_and_column_in_the_file():
    text = "---\nauthor: 홍길동 😀\ntitle: 제목: 부제\n---\n<p>x</p>\n"
    # line 3 is `title: 제목: 부제`; the second `:` is column 10 (t1 … :6 ' '7 제8 목9 :10)
    assert error_position(text) == (3, 10)
    assert "mapping values are not allowed" in split(text).error[0]


def test_yaml_error_position_with_bom_and_crlf():
    raw = (BOM + "---\r\nauthor: 홍길동 😀\r\ntitle: 제목: 부제\r\n---\r\n").encode("utf-8")
    post = Post(Source.from_bytes(raw), "a.md")
    assert post.source.position(post.front_matter.error[1]) == (3, 10)


def test_tab_indentation_error_points_at_the_tab():
    text = "---\ntitle: x\ntags:\n\t- a\n---\n"
    assert error_position(text) == (4, 1)


def test_control_character_is_an_error_at_its_position_not_a_crash():
    # Text pasted from word processors carries control characters; YAML forbids them.
    text = "---\ntitle: 한국😀 a\x07b\n---\n"
    assert error_position(text) == (2, 13)


@pytest.mark.parametrize("content", ["- a\n- b\n", "just a sentence\n", "42\n"])
def test_front_matter_that_is_not_a_mapping_is_an_error(content):
    text = f"---\n{content}---\n<p>x</p>\n"
    fm = split(text)
    assert fm.error is not None
    assert "not a mapping" in fm.error[0]
    assert Source.from_text(text).position(fm.error[1]) == (2, 1)
    assert fm.data == {}
    assert fm.entry("title") is None


def test_unhashable_key_is_an_error_not_a_crash():
    fm = split("---\n? [a, b]\n: x\n---\n")
    assert fm.error is not None
    assert fm.data == {}


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/object/apply:subprocess.call",
    ],
)
def test_tags_that_would_run_code_are_refused_and_never_executed(tag, tmp_path):
    sentinel = tmp_path / "pwned"
    command = f"touch {sentinel}"
    arg = f"[[sh, -c, '{command}']]" if "subprocess" in tag else f"['{command}']"
    text = f"---\ntitle: safe\nimage: {tag} {arg}\n---\n<p>x</p>\n"
    fm = split(text)
    assert not sentinel.exists()
    assert fm.error is not None
    assert "could not determine a constructor" in fm.error[0]
    assert Source.from_text(text).position(fm.error[1]) == (3, 8)  # at the tag
    assert fm.data == {}


def test_python_name_tag_is_refused():
    fm = split("---\nx: !!python/name:os.system\n---\n")
    assert fm.error is not None
    assert fm.data == {}


@pytest.mark.parametrize("value, message", [
    ("2024-02-30", "day is out of range for month"),
    ("2024-07-22 25:00:00", "hour must be in 0..23"),
])
def test_an_impossible_date_is_a_finding_at_the_value(value, message):
    # YAML reads an unquoted date as a timestamp; an impossible one is a broken post, not a crash.
    text = f"---\ntitle: x\ndate: {value}\n---\n<p>x</p>\n"
    fm = split(text)
    assert fm.error == (f"invalid value in front matter: {message}", text.index(value))
    assert fm.data == {}


@pytest.mark.parametrize("text, expected", [
    ("---\nimage: /a.png\n---\n", ("image", "/a.png")),
    ("---\nimage:\n  alt: x\n  src: /a.png\n---\n", ("src", "/a.png")),
    ("---\nimage:\n  alt: x\n---\n", None),
    ("---\ntitle: x\n---\n", None),
])
def test_url_entry_reads_a_mapping_by_its_path_src_or_url(text, expected):
    entry = split(text).url_entry("image")
    assert (None if entry is None else (entry.key, text[entry.value_start:entry.value_end])) == expected
