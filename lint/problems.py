"""Findings about a post that no rule can check because the post itself is broken.

They have ids like rules, so they can be selected, ignored and suppressed, but they are
always on: a post that cannot be read must never look clean.
"""

PROBLEMS: dict[str, str] = {
    "read-error": "The file could not be read (permissions, a folder, a broken link).",
    "binary-file": "The file is binary (NUL bytes), not a text post.",
    "encoding-error": "The file is not valid UTF-8.",
    "front-matter-syntax": "The YAML front matter does not parse, is not a mapping, or is never closed.",
    "html-too-deep": "The HTML nests deeper than the parser follows; content below that depth is not checked and the post is never fixed (reported when a selected rule reads the HTML).",
    "fix-refused": "--fix left the post as it was: a fix would lose visible text or break parsing, or the fixes did not converge.",
    "write-error": "--fix could not write the fixed post (read-only file, full disk).",
    "internal-error": "A rule crashed on this post; the other rules still ran. Please report it.",
}
