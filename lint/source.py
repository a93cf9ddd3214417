"""Bytes to text, once: encoding, BOM, newline style and the offset <-> line/column map."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

BOM = "\ufeff"
_NEWLINE = re.compile(r"\n")


class DecodeProblem(Exception):
    """The bytes are not a text post; ``offset`` is where, in characters of a lenient decoding."""

    def __init__(self, rule: str, message: str, offset: int) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.offset = offset


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (lines end at LF, as libxml2 counts them)."""
    return [0, *map(re.Match.end, _NEWLINE.finditer(text))]


def _char_offset(raw: bytes, byte_offset: int) -> int:
    """Characters before ``byte_offset`` in the text postlint shows: decoded leniently, BOM aside."""
    before = raw[:byte_offset].decode("utf-8", "replace")
    return len(before) - before.startswith(BOM)


@dataclass
class Source:
    """The original text of one post. Offsets everywhere in postlint index ``text``."""

    text: str
    bom: bool = False
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)  # a cache of text

    @classmethod
    def from_bytes(cls, raw: bytes) -> "Source":
        """Decode strictly as UTF-8; raise DecodeProblem for binary or undecodable input."""
        nul = raw.find(b"\x00", 0, 8192)  # no slice: that would copy 8 KB of every post
        if nul >= 0:
            offset = _char_offset(raw, nul)
            raise DecodeProblem("binary-file", "binary file (contains NUL bytes), not a text post", offset)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            offset = _char_offset(raw, exc.start)
            bad = raw[exc.start : exc.start + 1].hex()
            raise DecodeProblem(
                "encoding-error", f"invalid UTF-8 (byte 0x{bad} at byte offset {exc.start})", offset
            ) from None
        return cls.from_text(text)

    @classmethod
    def from_text(cls, text: str) -> "Source":
        if text.startswith(BOM):
            return cls(text[1:], bom=True)
        return cls(text)

    @property
    def newline(self) -> str:
        nl = self.text.find("\n")
        return "\r\n" if nl > 0 and self.text[nl - 1] == "\r" else "\n"

    def to_bytes(self, text: str | None = None) -> bytes:
        """Encode ``text`` (default: the original) as the file was: UTF-8, BOM kept."""
        return ((BOM if self.bom else "") + (self.text if text is None else text)).encode("utf-8")

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        starts = self._line_starts or self.line_starts  # never empty once made: [0, ...]
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def range_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``position`` of ``start`` and of ``end`` at once: a report needs both."""
        return (*self.position(start), *self.position(end))

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of 1-based ``line`` without its line break."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r" and line < len(starts):
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]
