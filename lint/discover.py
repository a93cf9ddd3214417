"""Which files a run lints: posts under the given paths, minus ignored ones.

A file named on the command line is always linted (pre-commit passes file names); folders are
walked for post extensions, skipping build and vendor folders and whatever `.gitignore` files
and the config's ``exclude`` patterns ignore.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pathspec

POST_EXTENSIONS = (".md", ".markdown", ".html", ".htm")
SKIP_DIRS = frozenset({"_site", "node_modules", ".git", "vendor", ".jekyll-cache", ".sass-cache", "__pycache__"})


def _spec(lines: list[str]) -> pathspec.PathSpec:
    # GitIgnoreSpec follows git's own precedence rules (a re-included file in an excluded folder).
    return pathspec.GitIgnoreSpec.from_lines(lines)


def discover(paths: list[Path], exclude: list[str] = (), exclude_root: Path | None = None) -> Iterator[Path]:
    """Yield post files in a stable order. Paths that do not exist raise FileNotFoundError."""
    excluded = _spec(list(exclude)) if exclude else None
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {path}")
    seen: set[Path] = set()
    for path in paths:
        if not path.is_dir():
            if path not in seen:
                seen.add(path)
                yield path
            continue
        top = path.resolve()
        for file in _walk(top, excluded, exclude_root):
            shown = path / file.relative_to(top)
            if shown not in seen:
                seen.add(shown)
                yield shown


def _walk(top: Path, excluded: pathspec.PathSpec | None, exclude_root: Path | None) -> Iterator[Path]:
    # (folder, spec) pairs of .gitignore files that apply to the folder being walked
    # .gitignore files above ``top`` count only inside the same git work tree.
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    above = []
    for folder in top.parents:
        above.append(folder)
        if (folder / ".git").exists():
            break
    else:
        above = []
    if not (top / ".git").exists():
        for folder in reversed(above):
            gitignore = folder / ".gitignore"
            if gitignore.is_file():
                ignores.append((folder, _read_gitignore(gitignore)))
    yield from _walk_dir(top, ignores, excluded, exclude_root)


def _read_gitignore(path: Path) -> pathspec.PathSpec:
    try:
        return _spec(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return _spec([])


def _ignored(path: Path, is_dir: bool, ignores, excluded, exclude_root) -> bool:
    for folder, spec in ignores:
        rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
        if spec.match_file(rel):
            return True
    if excluded is not None and exclude_root is not None:
        try:
            rel = path.relative_to(exclude_root).as_posix() + ("/" if is_dir else "")
        except ValueError:
            return False
        return excluded.match_file(rel)
    return False


def _walk_dir(folder: Path, ignores, excluded, exclude_root) -> Iterator[Path]:
    gitignore = folder / ".gitignore"
    if gitignore.is_file():
        ignores = [*ignores, (folder, _read_gitignore(gitignore))]
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        if _is_dir(entry):
            if entry.name in SKIP_DIRS or _ignored(path, True, ignores, excluded, exclude_root):
                continue
            yield from _walk_dir(path, ignores, excluded, exclude_root)
        elif entry.name.lower().endswith(POST_EXTENSIONS):
            if not _ignored(path, False, ignores, excluded, exclude_root):
                yield path


def _is_dir(entry: os.DirEntry) -> bool:
    # A symlink loop raises ELOOP here; as a file it becomes a read-error finding instead.
    try:
        return entry.is_dir()
    except OSError:
        return False
