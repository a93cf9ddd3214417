"""The CommonMark block parser behind the mask: where pulldown-cmark (pyromark) reads Markdown
otherwise than CommonMark, the mask rewrites the body first (offsets kept); nothing it is given
crashes, hangs or takes GBs."""

from __future__ import annotations

import time

import pytest

import postlint.markdown as markdown_module
from postlint.mask import mask

SPAN = '<b><span style="color: #ee2323;">red</span></b>'


def masked(text: str) -> str:
    """The text with its code masked."""
    return mask(text, 0, len(text), True).text


def is_code(text: str, part: str, last: bool = False) -> bool:
    """Whether ``part`` (its first occurrence, or its last) is masked in ``text``."""
    at = text.rindex(part) if last else text.index(part)
    return masked(text)[at : at + len(part)].strip() == ""


@pytest.mark.parametrize("closing", ["```", "```\t", "``` \t ", "````\t\t"])
def test_a_closing_fence_may_be_followed_by_spaces_and_tabs(closing):
    text = f"```\n{SPAN}\n{closing}\n\n{SPAN} `x`\n"
    assert is_code(text, SPAN)
    assert not is_code(text, SPAN, last=True)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_breaks(newline):
    text = newline.join(["Text.", "", "```html", SPAN, "```", "", SPAN, "", "    " + SPAN, ""])
    first, second, third = (i for i in range(len(text)) if text.startswith(SPAN, i))
    out = masked(text)
    assert out[first : first + len(SPAN)].strip() == "" and out[third : third + len(SPAN)].strip() == ""
    assert out[second : second + len(SPAN)] == SPAN


@pytest.mark.parametrize("control", ["\x0b", "\x0c"])
def test_a_line_of_vt_or_ff_is_not_blank(control):
    # It ends the indented code block before it and starts a paragraph, which the indented
    # line after it continues.
    text = f"Text.\n\n    code\n{control}\n    {SPAN}\n"
    assert is_code(text, "code")
    assert not is_code(text, SPAN)


@pytest.mark.parametrize("start, end", [("<style>", "</pre>"), ("<pre>", "</script>"), ("<script>", "</textarea>"), ("<TEXTAREA>", "</STYLE>")])
def test_a_raw_text_html_block_ends_at_any_of_the_four_end_tags(start, end):
    # CommonMark: the end tag need not match the start tag. The block ends on its first line
    # here, so the indented line after the blank one is code.
    text = f"{start}x{end}\n\n    {SPAN}\n"
    assert is_code(text, SPAN)
    text = f"- {start}\n  x{end}\n\n      {SPAN}\n"
    assert is_code(text, SPAN)


def test_a_raw_text_tag_in_a_link_reference_definition_is_left_alone():
    # Not rewritten to <pre: the definition holds, and the code span after it is code. Its
    # `<` is Markdown text, which the HTML parser does not see as a tag.
    text = "[a]: /x<script>\n\n`" + SPAN + "`\n"
    assert is_code(text, SPAN)
    assert masked(text).startswith("[a]: /x_script>")


@pytest.mark.parametrize("html, block", [("<search>", True), ("<source>", False)])
def test_html_block_names_are_commonmark_031(html, block):
    # 0.31 added <search> to the names that start an HTML block and took <source> out: in an
    # HTML block a backtick span is not code.
    text = f"{html}`{SPAN}`\n"
    assert is_code(text, SPAN) is not block


@pytest.mark.parametrize("text", [">\t`<i>x</i>`\n", "-\n\t`<i>x</i>`\n", "> a\n>\t`<i>x</i>`\n"])
def test_code_after_a_tab_that_is_partly_indentation(text):
    assert is_code(text, "<i>x</i>")


@pytest.mark.parametrize("text", [
    "- [1]: http://example.com\n      \n- [2]: http://example.org\n",  # pulldown-cmark 0.13.4 panicked
    "- [n]:Z\r\n\t\t",
    "b\n1. [1]:x\r       ",
])
def test_inputs_that_made_a_parser_panic(text):
    # Read, not taken whole for code as after a panic: the code span alone is masked.
    masked = mask(text + "`x`\n", 0, len(text) + 4, True)
    assert masked.code == [(len(text), len(text) + 3)]


def test_a_parser_panic_takes_the_whole_body_for_code(monkeypatch):
    class PanicException(BaseException):  # the name pyo3 gives a Rust panic
        pass

    class Parser:
        def events_with_range(self, body):
            raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(markdown_module, "_parser", lambda: Parser())
    text = "---\ntitle: t\n---\nText `x`.\n\n" + SPAN + "\n"
    assert mask(text, 17, len(text), True).code == [(17, len(text))]


def test_another_exception_from_the_parser_is_not_swallowed(monkeypatch):
    class Parser:
        def events_with_range(self, body):
            raise KeyboardInterrupt

    monkeypatch.setattr(markdown_module, "_parser", lambda: Parser())
    with pytest.raises(KeyboardInterrupt):
        mask("`x`", 0, 3, True)


@pytest.mark.parametrize("before", ['<a title="`">link</a>', "<https://x.example/a`b>", "\\`"])
def test_a_backtick_in_an_html_tag_an_autolink_or_escaped_opens_no_code_span(before):
    # CommonMark: HTML tags and autolinks bind before code spans; `\`` is a backtick.
    text = f"Text {before} {SPAN} and `code`.\n"
    assert not is_code(text, SPAN)
    assert is_code(text, "`code`")


PATHOLOGICAL = {
    "5 MB line of backtick pairs": "` " * 2_500_000,
    "5 MB of [": "`x`\n" + "[" * 5_000_000,
    "5 MB of *a": "`x`\n" + "*a" * 2_500_000,
    "5 MB of <": "`x`\n" + "<" * 5_000_000,
    "100,000 nested list items": "- " * 100_000 + "`x`\n",
    "100,000 nested blockquotes": "> " * 100_000 + "`x`\n",
    "1,000,000 nested blockquotes": "`x`\n" + ">" * 1_000_000 + "<scriptx",
    "5 MB of tabs after a fence": "```" + "\t" * 5_000_000 + "x",
    "5 MB of backtick runs of rising length, none closed": "".join("`" * k + "a" for k in range(1, 3163)),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_is_masked_in_seconds(name):
    text = PATHOLOGICAL[name]
    started = time.perf_counter()
    mask(text, 0, len(text), True)
    assert time.perf_counter() - started < 6
