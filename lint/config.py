"""Configuration: ``[tool.postlint]`` in pyproject.toml, or postlint.toml / .postlint.toml.

Keys are kebab-case. Every unknown key, rule id or ill-typed value is a ConfigError that names
the file and the key; the CLI turns it into one line on stderr and exit code 2.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from .rule import SEVERITIES, Rule

CONFIG_FILES = ("postlint.toml", ".postlint.toml", "pyproject.toml")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    select: list[str] | None = None  # None: the rules that are on by default
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    site_root: Path | None = None
    static_dirs: list[str] | None = None
    markdown_extensions: list[str] = field(default_factory=lambda: [".md", ".markdown"])
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Move a rule's fixes between safe (--fix) and unsafe (--unsafe-fixes), as ruff does.
    extend_safe_fixes: list[str] = field(default_factory=list)
    extend_unsafe_fixes: list[str] = field(default_factory=list)
    # gitignore-style glob (relative to the config file's folder) -> rule ids off for those posts
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path is not None else None


_TOP_KEYS = {
    "select": "list",
    "extend-select": "list",
    "ignore": "list",
    "exclude": "list",
    "site-root": "str",
    "static-dirs": "list",
    "markdown-extensions": "list",
    "rules": "table",
    "extend-safe-fixes": "list",
    "extend-unsafe-fixes": "list",
    "per-file-ignores": "globs",
}


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a pyproject.toml counts only with a
    ``[tool.postlint]`` table)."""
    try:
        start = start.resolve()
    except (OSError, RuntimeError):  # a symlink loop; the file itself becomes a read-error
        start = start.absolute()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                if name != "pyproject.toml" or _has_postlint_table(path):
                    return path
    return None


def _has_postlint_table(path: Path) -> bool:
    try:
        return "postlint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: Path) -> Config:
    data = _read_toml(path)
    where = str(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("postlint", {})
        where += ": [tool.postlint]"
    config = Config(path=path.resolve())
    for key, value in data.items():
        kind = _TOP_KEYS.get(key)
        if kind is None:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
        if kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{where}: {key!r} must be a list of strings")
        if kind == "str" and not isinstance(value, str):
            raise ConfigError(f"{where}: {key!r} must be a string")
        if kind == "table" and not (isinstance(value, dict) and all(isinstance(v, dict) for v in value.values())):
            raise ConfigError(f"{where}: {key!r} must be a table of rule tables ([tool.postlint.rules.RULE-ID])")
        if kind == "globs":
            _check_globs(value, f"{where}: {key!r}")
        if key == "site-root":
            config.site_root = (path.parent / value).resolve()
        else:
            setattr(config, key.replace("-", "_"), value)
    config.markdown_extensions = [e.lower() if e.startswith(".") else "." + e.lower() for e in config.markdown_extensions]
    return config


def _check_globs(value: Any, where: str) -> None:
    if not (isinstance(value, dict) and all(
        isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in value.values()
    )):
        raise ConfigError(f'{where} must be a table of glob = [rule ids], e.g. {{"drafts/**" = ["ALL"]}}')
    import pathspec

    for pattern in value:
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except Exception as exc:  # pathspec raises several kinds for a bad pattern
            raise ConfigError(f"{where}: invalid pattern {pattern!r}: {exc}") from None


def rule_options(rule: type[Rule], raw: dict[str, Any], where: str) -> tuple[Rule.Options, str | None]:
    """Build a rule's frozen Options from its config table; options are typed by their defaults."""
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(rule.Options)}
    values: dict[str, Any] = {}
    severity = None
    defaults = rule.Options()
    for key, value in raw.items():
        if key == "severity":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {value!r}")
            severity = value
            continue
        f = fields.get(key)
        if f is None:
            known = ", ".join(["severity", *fields]) or "severity"
            raise ConfigError(f"{where}: unknown option {key!r} for rule {rule.id} (known: {known})")
        values[f.name] = _typed(getattr(defaults, f.name), value, f"{where}: option {key!r}")
    return rule.Options(**values), severity


def _typed(default: Any, value: Any, where: str) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
        return value
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where} must be a number, not {value!r}")
        return type(default)(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string, not {value!r}")
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} must be a list of strings, not {value!r}")
        return tuple(value)
    raise ConfigError(f"{where}: this option cannot be set from a config file")
