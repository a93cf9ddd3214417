"""Front matter keys that are missing, of the wrong type, unknown, or a date that disagrees
with the file name."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from postlint import Rule

# A date as Jekyll, Hugo and Astro all read it: YYYY-MM-DD, then optionally a time and a zone.
_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(?:[ \t]*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4}))?)?\Z"
)
_FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})-")


def parse_date(value) -> dt.date | None:
    """The calendar date of a front matter value as written (no time zone conversion); None
    when it is not a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DATE.match(value.strip())
        if m:
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                if m.group(4) is not None:
                    dt.time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
                return day
            except ValueError:
                return None
    return None


class FrontMatterSchema(Rule):
    """Front matter keys that are missing, of the wrong type, unknown, or a date that disagrees
    with the file name.

    ## What it does
    Checks the front matter of every post that has one (a post whose YAML does not parse is
    `front-matter-syntax`'s):
    - a key of `required` (`title` by default) that is missing — at the front matter's `---`;
    - a key of `string-keys` (`title`, `layout`, `permalink`, `excerpt`, `description`) that is
      not a string (`title: 2024` is a number, `title:` alone is null) — at the value;
    - a key of `list-keys` (`categories`, `tags`) that is neither one string nor a list of
      strings (a mapping, a number, a nested list) — at the value;
    - a key of `date-keys` (`date`, `last_modified_at`, `lastmod`, `updated`) that is not a
      valid date or date-time (`2024-02-30`, `22/07/2024`, `2024-07-22-10:00:00`); accepted is
      `YYYY-MM-DD`, optionally followed by a time `HH:MM[:SS]` and a zone (`Z`, `+09:00`, `+0900`);
    - a post named `YYYY-MM-DD-title.md` whose `date` is another day (the calendar day as
      written; the time zone is not converted) — warning;
    - when `allowed-keys` is set, every key not in it — warning.

    ## Why
    Generators fail or silently misbehave on these: Jekyll skips a post whose date does not
    parse, Hugo stops the build, `tags: {a: b}` breaks tag pages, a number as title breaks
    themes that call string filters on it. A date that disagrees with the file name gives the
    post one URL from the name and another from the date, depending on the permalink setting.

    ## Bad
    ```markdown
    ---
    title: 2024
    date: 22/07/2024
    tags:
      name: news
    ---
    Text.
    ```

    ## Good
    ```markdown
    ---
    title: "2024"
    date: 2024-07-22
    tags: [news]
    ---
    Text.
    ```

    ## Fix safety
    No fix: which value is right is the author's call.

    ## Options
    - `required` (list, default `["title"]`): keys every post must have.
    - `string-keys` (list): keys whose value must be a string.
    - `list-keys` (list): keys whose value must be a string or a list of strings.
    - `date-keys` (list): keys whose value must be a date or date-time.
    - `allowed-keys` (list, default `[]`, meaning any): when set, the only keys allowed
      (dotted paths are not checked; top-level keys only).
    - `file-name-date` (bool, default `true`): compare `date` with a `YYYY-MM-DD-` file name.
"""

    id = "front-matter-schema"
    summary = "Front matter key missing, of the wrong type, unknown, or date disagreeing with the file name"
    fixable = "never"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        required: tuple[str, ...] = ("title",)
        string_keys: tuple[str, ...] = ("title", "layout", "permalink", "excerpt", "description")
        list_keys: tuple[str, ...] = ("categories", "tags")
        date_keys: tuple[str, ...] = ("date", "last_modified_at", "lastmod", "updated")
        allowed_keys: tuple[str, ...] = ()
        file_name_date: bool = True

    def check(self, post):
        fm = post.front_matter
        if fm is None or fm.error is not None:
            return
        o = self.options
        findings = []
        missing = [key for key in o.required if fm.entry(key) is None]
        if missing:
            names = ", ".join(f"`{k}`" for k in missing)
            findings.append(self.finding(fm.start, fm.start + 3, f"front matter has no {names}"))
        for key in o.string_keys:
            entry = fm.entry(key)
            if entry is not None and not isinstance(entry.value, str):
                findings.append(self.finding(entry.value_start, entry.value_end,
                                             f"`{key}` should be a string, not {_type(entry.value)}"))
        for key in o.list_keys:
            entry = fm.entry(key)
            if entry is None or entry.value is None or isinstance(entry.value, str):
                continue
            if not isinstance(entry.value, list) or not all(isinstance(v, str) for v in entry.value):
                bad = entry.value if not isinstance(entry.value, list) else next(v for v in entry.value if not isinstance(v, str))
                what = _type(bad) if not isinstance(entry.value, list) else f"a list holding {_type(bad)} ({bad!r})"
                findings.append(self.finding(entry.value_start, entry.value_end,
                                             f"`{key}` should be a string or a list of strings, not {what}"))
        for key in o.date_keys:
            entry = fm.entry(key)
            if entry is None or entry.value is None:
                continue
            date = parse_date(entry.value)
            if date is None:
                findings.append(self.finding(entry.value_start, entry.value_end,
                                             f"`{key}` is not a valid date (write YYYY-MM-DD, optionally with HH:MM:SS and a zone)"))
            elif key == "date" and o.file_name_date:
                named = _FILE_DATE.match(PurePosixPath(post.path).name)
                if named:
                    try:
                        file_date = dt.date(*(int(g) for g in named.groups()))
                    except ValueError:
                        file_date = None
                    if file_date is not None and file_date != date:
                        findings.append(self.finding(entry.value_start, entry.value_end,
                                                     f"`date` is {date.isoformat()}, the file name says {file_date.isoformat()}",
                                                     severity="warning"))
        if o.allowed_keys:
            allowed = set(o.allowed_keys)
            for key in fm.keys():
                if str(key) not in allowed and (entry := fm.entry(str(key))) is not None:
                    findings.append(self.finding(entry.key_start, entry.key_end, f"`{key}` is not an allowed key",
                                                 severity="warning"))
        findings.sort(key=lambda f: (f.start, f.end))
        yield from findings


def _type(value) -> str:
    if value is None:
        return "empty (null)"
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a mapping",
            dt.date: "a date", dt.datetime: "a date-time"}.get(type(value), type(value).__name__)
