"""The declarations of a ``style`` attribute, with their spans, parsed by tinycss2."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import tinycss2

_NEWLINE = re.compile(r"\n")


@dataclass(frozen=True)
class Declaration:
    name: str  # lower-case property name
    value: str  # as written, without `!important`, trimmed
    important: bool
    start: int  # offset of the name in the style text
    end: int  # after the declaration's `;`, or after its last character when it has none


@lru_cache(maxsize=4096)
def declarations(style: str) -> tuple[Declaration, ...]:
    """Every well-formed declaration of ``style`` in order; malformed ones are skipped.

    Cached: imported posts repeat the same few style strings thousands of times."""
    tokens = tinycss2.parse_component_value_list(style)
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(style)]

    def offset(token) -> int:
        return line_starts[token.source_line - 1] + token.source_column - 1

    out: list[Declaration] = []
    segment: list = []
    for token in [*tokens, None]:
        if token is not None and not (token.type == "literal" and token.value == ";"):
            segment.append(token)
            continue
        significant = [t for t in segment if t.type not in ("whitespace", "comment")]
        if significant:
            decl = tinycss2.parse_one_declaration(segment, skip_comments=True)
            if decl.type == "declaration":
                start = offset(significant[0])
                end = offset(token) + 1 if token is not None else len(style.rstrip())
                value = tinycss2.serialize(decl.value).strip()
                out.append(Declaration(decl.lower_name, value, decl.important, start, end))
        segment = []
    return tuple(out)
