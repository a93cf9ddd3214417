"""postlint.source.Source: the text every offset indexes, and offset -> (line, column).

Positions are what a user clicks on in an editor, so they count characters (not bytes,
not UTF-16 units), are 1-based, and ignore the BOM, which no editor shows.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postlint.source import BOM, DecodeProblem, Source


def naive_position(text: str, offset: int) -> tuple[int, int]:
    """The obvious definition, to check the bisect-based one against."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# -- BOM -------------------------------------------------------------------------------------


def test_bom_is_kept_aside_and_offsets_start_after_it():
    raw = BOM.encode("utf-8") + b"---\ntitle: x\n---\n"
    source = Source.from_bytes(raw)
    assert source.bom is True
    assert source.text == "---\ntitle: x\n---\n"
    assert source.text[0] == "-"
    assert source.position(0) == (1, 1)
    assert source.position(source.text.index("title")) == (2, 1)


def test_bom_is_written_back_and_bytes_round_trip():
    raw = BOM.encode("utf-8") + "ab\r\n한국어\r\n".encode("utf-8")
    source = Source.from_bytes(raw)
    assert source.to_bytes() == raw
    assert source.to_bytes("changed\r\n") == BOM.encode("utf-8") + b"changed\r\n"


def test_no_bom_is_not_invented():
    raw = "ab\n".encode("utf-8")
    source = Source.from_bytes(raw)
    assert source.bom is False
    assert source.to_bytes() == raw


def test_from_text_also_sets_the_bom_aside():
    source = Source.from_text(BOM + "x")
    assert (source.bom, source.text) == (True, "x")


def test_a_zero_width_no_break_space_inside_the_text_is_text_not_a_bom():
    source = Source.from_bytes("a\ufeffb".encode("utf-8"))
    assert source.bom is False
    assert source.text == "a\ufeffb"
    assert source.position(2) == (1, 3)


# -- line breaks -----------------------------------------------------------------------------


def test_crlf_counts_as_one_line_break_and_columns_restart_after_it():
    source = Source.from_text("ab\r\ncd\r\n\r\nlast")
    assert source.newline == "\r\n"
    assert source.position(source.text.index("c")) == (2, 1)
    assert source.position(source.text.index("d")) == (2, 2)
    assert source.position(source.text.index("last")) == (4, 1)
    # The \r is the last character of its line, not the start of the next one.
    assert source.position(2) == (1, 3)
    assert source.position(3) == (1, 4)


def test_lf_newline_style():
    assert Source.from_text("a\nb\r\n").newline == "\n"
    assert Source.from_text("a\r\nb\n").newline == "\r\n"
    assert Source.from_text("no line break").newline == "\n"


def test_crlf_survives_a_round_trip():
    raw = b"---\r\ntitle: x\r\n---\r\n<p>a</p>\r\n"
    assert Source.from_bytes(raw).to_bytes() == raw


# -- columns count characters ----------------------------------------------------------------


def test_korean_columns_count_characters_not_utf8_bytes():
    source = Source.from_text("제목: 한국어 <p>")
    # 제1 목2 :3 ' '4 한5 국6 어7 ' '8 <9
    assert source.position(source.text.index("<p>")) == (1, 9)


def test_emoji_outside_the_bmp_is_one_column():
    # 😀 is 4 bytes in UTF-8 and 2 units in UTF-16; an editor shows one character.
    source = Source.from_text("x\n😀😀 <b>")
    assert source.position(source.text.index("<b>")) == (2, 4)


def test_combining_characters_are_counted_one_by_one():
    source = Source.from_text("e\u0301x")  # é written as e + combining acute accent
    assert source.position(2) == (1, 3)


# -- line starts, ends and EOF ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, (1, 1)),  # start of the file
        (1, (1, 2)),
        (2, (1, 3)),  # the line break itself is at the end of line 1
        (3, (2, 1)),  # start of line 2
        (5, (2, 3)),
        (6, (3, 1)),  # the empty line 3
        (7, (4, 1)),  # EOF after a trailing newline: an empty last line
    ],
)
def test_position_at_line_starts_ends_and_eof(offset, expected):
    assert Source.from_text("ab\ncd\n\n").position(offset) == expected


def test_position_at_eof_without_trailing_newline_is_after_the_last_character():
    source = Source.from_text("ab\ncd")
    assert source.position(5) == (2, 3)


def test_empty_text():
    source = Source.from_text("")
    assert source.position(0) == (1, 1)
    assert source.line_text(1) == ""


# -- line_text and line_span -----------------------------------------------------------------


def test_line_text_excludes_the_line_break_lf_and_crlf():
    source = Source.from_text("first\r\n\r\n한국어 😀\nlast")
    assert [source.line_text(n) for n in (1, 2, 3, 4)] == ["first", "", "한국어 😀", "last"]


def test_line_span_indexes_the_text():
    text = "ab\r\ncd\nlast"
    source = Source.from_text(text)
    for line, expected in [(1, "ab"), (2, "cd"), (3, "last")]:
        start, end = source.line_span(line)
        assert text[start:end] == expected
        assert source.position(start) == (line, 1)


def test_line_text_of_a_trailing_empty_line():
    source = Source.from_text("a\n")
    assert source.line_text(2) == ""


def test_line_text_with_bom_is_without_the_bom():
    source = Source.from_bytes(BOM.encode("utf-8") + b"first\nsecond")
    assert source.line_text(1) == "first"


# -- the map agrees with the obvious definition everywhere -----------------------------------


@given(st.lists(st.sampled_from(["a", " ", "\n", "\r\n", "\r", "한", "😀", "\t", "\u0301"]), max_size=40))
def test_position_matches_counting_for_every_offset(pieces):
    text = "".join(pieces)
    source = Source.from_text(text)
    for offset in range(len(text) + 1):
        assert source.position(offset) == naive_position(text, offset)


# -- undecodable input -----------------------------------------------------------------------


def test_invalid_utf8_is_a_decode_problem_with_a_character_offset():
    raw = "한국".encode("utf-8") + b"\xff" + b"rest"
    with pytest.raises(DecodeProblem) as info:
        Source.from_bytes(raw)
    assert info.value.rule == "encoding-error"
    assert info.value.offset == 2  # two characters before the bad byte, though six bytes


def test_invalid_utf8_offset_is_relative_to_the_text_without_bom():
    raw = BOM.encode("utf-8") + b"ab\xffcd"
    with pytest.raises(DecodeProblem) as info:
        Source.from_bytes(raw)
    assert info.value.offset == 2  # "ab" precede the bad byte; the BOM is not text


def test_nul_bytes_are_a_binary_file():
    with pytest.raises(DecodeProblem) as info:
        Source.from_bytes(b"abc\x00def")
    assert info.value.rule == "binary-file"
    assert info.value.offset == 3


def test_nul_byte_offset_is_relative_to_the_text_without_bom():
    with pytest.raises(DecodeProblem) as info:
        Source.from_bytes(BOM.encode("utf-8") + b"ab\x00")
    assert info.value.offset == 2
