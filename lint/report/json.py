"""``--output-format json``: one array of finding objects."""

from __future__ import annotations

import json

from . import locate


def as_dict(item) -> dict:
    f = item.finding
    return {
        "path": item.path,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "rule": f.rule,
        "message": f.message,
        "severity": f.severity,
        "fixable": item.fixable,
        "fix": None if f.fix is None else {
            "title": f.fix.title,
            "applicability": f.fix.applicability,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits],
        },
    }


def render(results, out, options) -> None:
    items = [as_dict(item) for r in results for item in locate(r)]
    # No indent: json's C encoder only runs without one (10x faster on large reports).
    out.write(json.dumps(items, ensure_ascii=False) + "\n")
