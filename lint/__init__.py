"""postlint: lint and safely normalize the posts of static-site content repos.

The Python API is text in, findings or fixed text out, with nothing kept between calls::

    import postlint

    for f in postlint.lint_text(text, "_posts/2024-07-22-news.md"):
        line, column = postlint.position(text, f.start)
        print(f"{line}:{column} {f.rule} {f.message}")

    fixed, remaining = postlint.fix_text(text, "post.html", config="postlint.toml")

Importing postlint is cheap: the engine, lxml and the rules load on the first call.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import TYPE_CHECKING

from .rule import Edit, Finding, Fix, Rule

if TYPE_CHECKING:
    import os

    from .config import Config
    from .engine import Linter
    from .registry import Registry

    ConfigLike = Config | str | os.PathLike[str] | None

__version__ = "0.1.0"
__all__ = ["Edit", "Finding", "Fix", "Rule", "__version__", "fix_text", "lint_text", "position"]

BOM = "\ufeff"


def lint_text(text: str, path: str = "post.md", config: ConfigLike = None) -> list[Finding]:
    """The findings of one post, sorted by position.

    ``path`` names the post and decides how its body is read (``.md`` and ``.markdown`` are
    Markdown, whose code is never checked); the file need not exist and no config is looked up
    from it. ``config`` is a ``postlint.config.Config``, the path of a config file, or None for
    the defaults. ``Finding.start`` and ``end`` index ``text``; see ``position``.
    Raises ``postlint.config.ConfigError`` for a bad config.
    """
    linter = _linter(config)
    return _offsets_in(text, linter.lint_bytes(_encode(text), path).findings)


def fix_text(
    text: str, path: str = "post.md", config: ConfigLike = None, unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """The post with its safe fixes applied (``unsafe=True``: unsafe ones too), and the
    findings that remain, indexing the fixed text.

    Exactly what ``postlint --fix`` writes: when a fix would lose text or make the post parse
    worse, ``text`` comes back unchanged with a ``fix-refused`` finding.
    """
    from .engine import FileResult
    from .fixer import fix_source

    linter = _linter(config)
    source = linter.decode(_encode(text), path)
    if isinstance(source, FileResult):  # not a text post (NUL characters): nothing to fix
        return text, _offsets_in(text, source.findings)
    outcome = fix_source(linter, source, path, unsafe=unsafe)
    fixed = (BOM if source.bom else "") + outcome.text
    return fixed, _offsets_in(fixed, outcome.result.findings)


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``offset`` in ``text``, as postlint's reports count them:
    columns in characters, a leading BOM not counted."""
    from .source import Source

    bom = text.startswith(BOM)
    return Source.from_text(text).position(max(offset - bom, 0))


def _encode(text: str) -> bytes:
    # surrogatepass: a lone surrogate becomes an encoding-error finding, as in a file
    return text.encode("utf-8", "surrogatepass")


def _offsets_in(text: str, findings: list[Finding]) -> list[Finding]:
    """The engine's offsets leave out a BOM; the caller's string has it."""
    if not text.startswith(BOM):
        return findings
    return [dataclasses.replace(f, start=f.start + 1, end=f.end + 1, fix=_shift(f.fix)) for f in findings]


def _shift(fix: Fix | None) -> Fix | None:
    if fix is None:
        return None
    return fix._replace(edits=tuple(Edit(e.start + 1, e.end + 1, e.replacement) for e in fix.edits))


def _linter(config: ConfigLike) -> Linter:
    from pathlib import Path

    from .config import Config, load_config
    from .engine import Linter, select_rules

    if config is None:
        config = Config()
    elif not isinstance(config, Config):
        config = load_config(Path(config))
    return Linter(select_rules(_registry(), config), config)


@lru_cache(maxsize=1)
def _registry() -> Registry:
    # Looking up the installed rules costs milliseconds, more than linting a post; the
    # installed packages do not change between calls, the configs (never cached) do.
    from .registry import Registry

    return Registry()
