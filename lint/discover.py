"""Which files a run lints: posts under the given paths, minus ignored ones.

A file named on the command line is always linted (pre-commit passes file names); folders are
walked for post extensions, skipping build and vendor folders and whatever `.gitignore` files
and the config's ``exclude`` patterns ignore.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import pathspec

POST_EXTENSIONS = (".md", ".markdown", ".html", ".htm")
SKIP_DIRS = frozenset({"_site", "node_modules", ".git", "vendor", ".jekyll-cache", ".sass-cache", "__pycache__"})


def _spec(lines: list[str]) -> pathspec.PathSpec:
    # Imported here: 8 ms of start-up, and a pre-commit run names its files (no walk, no spec).
    import pathspec

    # GitIgnoreSpec follows git's own precedence rules (a re-included file in an excluded folder).
    return pathspec.GitIgnoreSpec.from_lines(lines)


def discover(paths: list[Path], exclude: list[str] = (), exclude_root: Path | None = None) -> Iterator[str]:
    """Yield post files in a stable order, each as ``str(Path(...))`` of the path the user gave
    joined with the file's path inside it. Paths that do not exist raise FileNotFoundError."""
    excluded = _spec(list(exclude)) if exclude else None
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {path}")
    root = None if exclude_root is None else str(exclude_root)
    seen: set[str] = set()
    for path in paths:
        given = str(path)  # as the paths named on the command line (pathlib drops `./`)
        if not path.is_dir():
            if given not in seen:
                seen.add(given)
                yield given
            continue
        top = str(path.resolve())
        cut = len(top) if top.endswith(os.sep) else len(top) + 1
        prefix = "" if given == "." else given if given.endswith(os.sep) else given + os.sep
        # The walk works on strings: a Path per file was half of its time.
        for file in _walk(top, excluded, root):
            shown = prefix + file[cut:]
            if shown not in seen:
                seen.add(shown)
                yield shown


def _relative(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder``, with `/` for separators; None when it is not inside."""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix) :]
    return rel if os.sep == "/" else rel.replace(os.sep, "/")


def _walk(top: str, excluded: pathspec.PathSpec | None, exclude_root: str | None) -> Iterator[str]:
    # (folder, spec) pairs of .gitignore files that apply to the folder being walked
    # .gitignore files above ``top`` count only inside the same git work tree.
    ignores: list[tuple[str, pathspec.PathSpec]] = []
    above = []
    for folder in Path(top).parents:
        above.append(folder)
        if (folder / ".git").exists():
            break
    else:
        above = []
    if not os.path.exists(os.path.join(top, ".git")):
        for folder in reversed(above):
            gitignore = folder / ".gitignore"
            if gitignore.is_file():
                ignores.append((str(folder), _read_gitignore(gitignore)))
    yield from _walk_dir(top, ignores, excluded, exclude_root)


def _read_gitignore(path: str | Path) -> pathspec.PathSpec:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return _spec(file.read().splitlines())
    except OSError:
        return _spec([])


def _ignored(path: str, is_dir: bool, ignores, excluded, exclude_root: str | None) -> bool:
    slash = "/" if is_dir else ""
    for folder, spec in ignores:
        if spec.match_file(_relative(path, folder) + slash):
            return True
    if excluded is not None and exclude_root is not None:
        rel = _relative(path, exclude_root)
        return rel is not None and excluded.match_file(rel + slash)
    return False


def _walk_dir(folder: str, ignores, excluded, exclude_root: str | None) -> Iterator[str]:
    gitignore = os.path.join(folder, ".gitignore")
    if os.path.isfile(gitignore):
        ignores = [*ignores, (folder, _read_gitignore(gitignore))]
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = entry.path
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
