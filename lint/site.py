"""The site a post belongs to, for the few rules that must look at it (local files)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

# Where each generator serves `/x.png` from: Jekyll the root, Hugo `static/`, Astro `public/`.
DEFAULT_STATIC_DIRS = (".", "static", "public", "assets")


class Site:
    """``root`` is None when postlint does not know the site; then nothing is checked."""

    def __init__(self, root: Path | None, static_dirs: tuple[str, ...] = DEFAULT_STATIC_DIRS) -> None:
        self.root = root
        self.static_dirs = static_dirs
        self.exists = lru_cache(maxsize=4096)(self._exists)

    def _exists(self, url_path: str) -> bool | None:
        """Whether the site serves ``url_path`` (``/images/a.png``); None when unknown."""
        if self.root is None:
            return None
        relative = unquote(url_path.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
        return any(os.path.exists(self.root / d / relative) for d in self.static_dirs)
