"""``--output-format json-lines``: one JSON object per finding per line, the keys of ``json``."""

from __future__ import annotations

import json

from . import locate
from .json import as_dict


def render(results, out, options, tally) -> None:
    for r in results:
        for item in locate(r, options.unsafe_fixes):
            out.write(json.dumps(as_dict(item), ensure_ascii=False) + "\n")
