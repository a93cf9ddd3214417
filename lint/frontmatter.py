"""The YAML front matter of a post: where it is, what it says, where each key and value is.

The YAML is parsed once, with a safe loader (libyaml's when present): ``compose`` gives nodes
whose marks carry character offsets, and the mapping is constructed from those same nodes.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Jekyll's rule: the file starts with a `---` line; the block ends at a `---` or `...` line.
_OPEN = re.compile(r"---[ \t]*\r?\n")
_ALIAS = re.compile(r"[ \t]*:[ \t]*(\*[^\s,\[\]{}]+)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)


class Entry(NamedTuple):
    """One key of the front matter and its value, as absolute character offsets.

    Immutable; a NamedTuple rather than a frozen dataclass, which sets each field through
    ``object.__setattr__`` (4x slower to make, as for ``Fix``)."""

    key: str
    key_start: int
    key_end: int
    value_start: int
    value_end: int
    value: Any


class FrontMatter:
    def __init__(self, text: str, start: int, content_start: int, content_end: int, end: int) -> None:
        self.text = text  # the whole post
        self.start, self.end = start, end
        self.content_start, self.content_end = content_start, content_end
        self.data: dict[str, Any] = {}
        self.error: tuple[str, int] | None = None
        self._root: yaml.Node | None = None
        self._parse()

    def _parse(self) -> None:
        content = self.text[self.content_start : self.content_end]
        loader = None
        try:
            loader = _Loader(content)  # the pure-Python reader rejects control characters here
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            offset = self.content_start + (mark.index if mark is not None else 0)
            problem = exc.problem or exc.context or "invalid YAML"
            self.error = (f"invalid YAML in front matter: {problem}", offset)
            return
        except yaml.reader.ReaderError as exc:  # a control character
            position = exc.position
            if loader is not None and not isinstance(loader, yaml.reader.Reader):  # libyaml counts bytes
                position = len(content.encode("utf-8")[:position].decode("utf-8", "replace"))
            self.error = (f"invalid YAML in front matter: {exc}".splitlines()[0], self.content_start + position)
            return
        except yaml.YAMLError as exc:
            self.error = (f"invalid YAML in front matter: {exc}".splitlines()[0], self.content_start)
            return
        except (ValueError, OverflowError) as exc:  # a well-formed but impossible date: 2024-02-30
            bad = _unconstructible(loader, node)
            offset = self.content_start + (bad.start_mark.index if bad is not None else 0)
            self.error = (f"invalid value in front matter: {exc}", offset)
            return
        finally:
            if loader is not None:
                loader.dispose()
        if data is None:
            return
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            self.error = ("front matter is not a mapping of keys to values", self.content_start)
            return
        self.data = data
        self._root = node

    def get(self, path: str, default: Any = None) -> Any:
        """The value at a dotted ``path`` (``header.image``), or ``default``."""
        entry = self.entry(path)
        return default if entry is None else entry.value

    def entry(self, path: str) -> Entry | None:
        """The key and value at a dotted ``path``, with their spans; None when absent."""
        node, data = self._root, self.data
        if path.partition(".")[0] not in data:  # most keys asked for are absent
            return None
        parts = path.split(".")
        found = None
        for i, part in enumerate(parts):
            if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict) or part not in data:
                return None
            found = None
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                    found = (key_node, value_node)  # the last one wins, as in the loaded mapping
            if found is None:
                return None
            node, data = found[1], data[part]
        assert found is not None
        key_node, value_node = found
        base = self.content_start
        value_start, value_end = base + value_node.start_mark.index, base + value_node.end_mark.index
        if value_node.start_mark.index < key_node.end_mark.index:
            # An alias (`*e`): compose() shares the anchored node, whose marks point above the
            # key. The alias itself is written right after the key's colon.
            alias = _ALIAS.match(self.text, base + key_node.end_mark.index)
            if alias is not None:
                value_start, value_end = alias.span(1)
        return Entry(
            parts[-1],
            base + key_node.start_mark.index,
            base + key_node.end_mark.index,
            value_start,
            value_end,
            data,
        )

    def url_entry(self, path: str) -> Entry | None:
        """The entry of a URL field, which themes also write as a mapping (``image: {path: …}``):
        then the entry of its ``path``, ``src`` or ``url``. None when there is no such string."""
        entry = self.entry(path)
        if entry is not None and isinstance(entry.value, dict):
            inner = next((k for k in ("path", "src", "url") if isinstance(entry.value.get(k), str)), None)
            return self.entry(f"{path}.{inner}") if inner is not None else None
        return entry

    def keys(self) -> list[str]:
        return list(self.data)


def _unconstructible(loader, root: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar under ``root`` that the loader cannot turn into a value."""
    loader.constructed_objects, loader.recursive_objects = {}, {}  # left over from the failure
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError, yaml.YAMLError):
                return node
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def split(text: str) -> FrontMatter | None:
    """The front matter block at the start of ``text``, or None when the post has none.

    A block that is opened but never closed is reported through ``error``.
    """
    opening = _OPEN.match(text)
    if opening is None:
        return None
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        fm = FrontMatter.__new__(FrontMatter)
        fm.text, fm.start, fm.end = text, 0, opening.end()
        fm.content_start = fm.content_end = opening.end()
        fm.data, fm._root = {}, None
        fm.error = ("front matter opened with `---` is never closed", 0)
        return fm
    return FrontMatter(text, 0, opening.end(), closing.start(), closing.end())
