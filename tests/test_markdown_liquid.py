"""Markdown code and Liquid: what is not HTML is never reported or edited; the same markup just
outside is reported at its exact position and fixed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from postlint.config import Config
from postlint.engine import Linter, select_rules
from postlint.fixer import fix_source
from postlint.registry import Registry
from postlint.source import Source

SPAN = '<b><span style="color: #ee2323;">red</span></b>'
SPACER = '<p>&nbsp;</p>'
LINK = '<a href="https://qoogle.tistory.com" rel="dofollow">q</a>'
MARKUP = {
    "inline-color": (SPAN, '<b>red</b>', 10),  # (markup, fixed, column of the finding in it)
    "empty-paragraph": (SPACER, None, 1),
    "invalid-rel": (LINK, '<a href="https://qoogle.tistory.com">q</a>', 43),
}
# Each construct wraps the markup; the markup after it, on its own line, must still be found.
CONSTRUCTS = {
    "fence-backticks": ("md", "```html\n{m}\n```\n"),
    "fence-tildes": ("md", "~~~\n{m}\n~~~\n"),
    "fence-in-list": ("md", "- item\n\n  ```\n  {m}\n  ```\n"),
    "indented-code": ("md", "Text.\n\n    {m}\n"),
    "code-span": ("md", "Write `{m}` like this.\n"),
    "double-backtick-span": ("md", "Write ``{m} ` `` like this.\n"),
    "liquid-raw": ("md", "{{% raw %}}\n{m}\n{{% endraw %}}\n"),
    "liquid-raw-trim": ("html", "{{%- raw -%}}{m}{{%- endraw -%}}\n"),
    "liquid-highlight": ("html", "{{% highlight html linenos %}}\n{m}\n{{% endhighlight %}}\n"),
    "liquid-comment": ("md", "{{% comment %}}\n{m}\n{{% endcomment %}}\n"),
}

# The three rules whose markup the constructs hold; others (stray-text, …) have their own tests.
CONFIG = Config(select=list(MARKUP))
LINTER = Linter(select_rules(Registry(), CONFIG), CONFIG)


def lint(text: str, path: str):
    return LINTER.lint_source(Source.from_text(text), path)[0]


@pytest.mark.parametrize("rule", MARKUP)
@pytest.mark.parametrize("construct", CONSTRUCTS)
def test_markup_inside_is_ignored_and_outside_is_found(construct, rule):
    ext, template = CONSTRUCTS[construct]
    markup, fixed_markup, column = MARKUP[rule]
    head = "---\ntitle: t\n---\n"
    inside = template.format(m=markup)
    text = head + inside + "\n" + markup + "\n"
    outside_line = text[: text.rindex(markup)].count("\n") + 1
    findings = [f for f in lint(text, f"post.{ext}") if f.rule == rule]
    source = Source.from_text(text)
    assert [source.position(f.start) for f in findings] == [(outside_line, column)]

    outcome = fix_source(LINTER, source, f"post.{ext}")
    assert outcome.refused is None
    assert outcome.text.startswith(head + inside), "the construct must stay byte-identical"
    tail = (fixed_markup + "\n") if fixed_markup is not None else ""
    assert outcome.text == head + inside + "\n" + tail


def test_markdown_characters_outside_edits_are_kept():
    text = (
        "---\ntitle: t\n---\n"
        "> **Quote** with _emphasis_ and a [link](https://example.com \"t\").\n"
        "> " + SPAN + "\n\n"
        "1. one\n2. two <span style=\"color:red\">x</span>\n\n"
        "| a | b |\n|---|---|\n| `c` | " + SPAN + " |\n"
    )
    outcome = fix_source(LINTER, Source.from_text(text), "post.md")
    assert outcome.text == text.replace(SPAN, "<b>red</b>").replace('<span style="color:red">x</span>', "x")


def test_html_post_is_not_markdown():
    # In an .html post four spaces of indentation are just indentation.
    text = "---\ntitle: t\n---\n<div>\n\n    " + SPACER + "\n</div>\n"
    assert [f.rule for f in lint(text, "post.html")] == ["empty-paragraph"]
    assert [f.rule for f in lint(text, "post.md")] == []


def test_markdown_extensions_are_configurable(tmp_path: Path):
    config = Config(select=list(MARKUP), markdown_extensions=[".mdx"])
    linter = Linter(select_rules(Registry(), config), config)
    text = "Text.\n\n    " + SPACER + "\n"
    assert linter.lint_source(Source.from_text(text), "post.mdx")[0] == []
    assert [f.rule for f in linter.lint_source(Source.from_text(text), "post.md")[0]] == ["empty-paragraph"]


@pytest.mark.parametrize("ext", ["md", "html"])
def test_liquid_expression_makes_a_value_templated(ext):
    text = (
        "---\ntitle: t\n---\n"
        '<p><a href="{{ site.url }}" rel="{{ page.rel }}">x</a>'
        '<span style="color: {{ page.color }}">y</span></p>\n'
        "<p>{{ content }}</p>\n<p>{% include ad.html %}</p>\n"
    )
    assert lint(text, f"post.{ext}") == []


def test_no_fix_rewrites_inside_a_liquid_expression():
    # The span's colour is plain CSS, but its value holds Liquid: the style is not touched.
    text = '<span style="color: red; {{ page.extra }}">x</span>\n'
    outcome = fix_source(LINTER, Source.from_text(text), "post.html")
    assert outcome.text == text


def test_kramdown_nomarkdown_and_markdown_attribute_do_not_crash():
    text = '{::nomarkdown}\n<div markdown="1">\n' + SPACER + "\n</div>\n{:/nomarkdown}\n"
    findings = lint(text, "post.md")
    assert [f.rule for f in findings] == ["empty-paragraph"]


def test_code_after_non_ascii_text_is_masked_at_its_characters():
    # The Markdown parser counts UTF-8 bytes; the mask must land on the same characters.
    text = f"---\ntitle: t\n---\n한국어 문장 `{SPAN}` 끝 {SPAN}\n"
    findings = lint(text, "post.md")
    assert [f.start for f in findings if f.rule == "inline-color"] == [text.rindex(SPAN) + 9]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_fenced_code_with_crlf_or_lone_cr_line_breaks(newline):
    body = newline.join(["Text.", "", "```html", SPAN, "```", "", SPAN, ""])
    text = ("---\ntitle: t\n---\n" if newline == "\r\n" else "") + body
    findings = lint(text, "post.md")
    assert [f.start for f in findings if f.rule == "inline-color"] == [text.rindex(SPAN) + 9]


def test_many_code_blocks_are_masked_in_linear_time():
    # Each block's line end was searched for a CR to the end of the post: quadratic.
    from postlint.mask import mask

    text = "```\n" * 500_000  # 250,000 empty fenced blocks, 2 MB
    started = time.perf_counter()
    masked = mask(text, 0, len(text), True)
    assert time.perf_counter() - started < 3
    assert masked.code == [(0, len(text))]
