"""Over every real post: no finding inside Markdown code or a literal Liquid block, and --fix
leaves all of them byte-identical. Code is found here independently of postlint, by a full
markdown-it-py parse (inline rules included)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from postlint.cli import main
from postlint.config import Config
from postlint.engine import Linter, select_rules
from postlint.frontmatter import split
from postlint.registry import Registry

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
LITERAL = re.compile(r"\{%-?\s*(raw|highlight|comment)\b.*?\{%-?\s*end\1\s*-?%\}", re.S)
MD = MarkdownIt("commonmark")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is not here")


def posts() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".markdown", ".html") and p.name != "SOURCES.md")


def code_of(text: str, markdown: bool) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """(code block line ranges, 1-based in the file; code spans as (line range of their
    paragraph, content); every code text)."""
    fm = split(text)
    body_start = fm.end if fm is not None else 0
    first_line = text[:body_start].count("\n")
    blocks, spans, everything = [], [], [m.group() for m in LITERAL.finditer(text, body_start)]
    if markdown:
        for token in MD.parse(text[body_start:]):
            if token.type in ("fence", "code_block") and token.map:
                blocks.append((first_line + token.map[0] + 1, first_line + token.map[1]))
                everything.append(token.content)
            for child in token.children or []:
                if child.type == "code_inline":
                    lines = (first_line + token.map[0] + 1, first_line + token.map[1])
                    spans.append((lines, child.content))
                    everything.append(child.content)
    return blocks, spans, everything


def test_no_finding_inside_code_or_literal_liquid():
    linter = Linter(select_rules(Registry(), Config(select=["ALL"])), Config())
    checked, bad = 0, []
    for path in posts():
        result = linter.lint_file(path)
        if result.source is None:
            continue
        text = result.source.text
        blocks, spans, _ = code_of(text, path.suffix in (".md", ".markdown"))
        literal = [m.span() for m in LITERAL.finditer(text)]
        for f in result.findings:
            line, _col = result.position(f.start)
            checked += 1
            snippet = text[f.start : f.end]
            if any(a <= line <= b for a, b in blocks):
                bad.append(f"{path.name}:{line}: {f.rule} inside a code block")
            elif any(s <= f.start < e for s, e in literal):
                bad.append(f"{path.name}:{line}: {f.rule} inside a literal Liquid block")
            elif snippet and "<" in snippet and any(
                a <= line <= b and snippet in content for (a, b), content in spans
            ):
                bad.append(f"{path.name}:{line}: {f.rule} inside a code span: {snippet[:60]!r}")
    assert checked > 1000
    assert bad == [], "\n".join(bad[:20])


def test_fix_keeps_every_code_block_span_and_literal_block(tmp_path: Path):
    copy = tmp_path / "real"
    shutil.copytree(CORPUS, copy)
    for p in copy.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    before = {p: code_of(p.read_text(encoding="utf-8", errors="replace"), p.suffix == ".md")[2]
              for p in copy.rglob("*") if p.suffix in (".md", ".html")}
    assert main(["--fix", "--unsafe-fixes", "--quiet", "--output-format", "concise", str(copy)]) in (0, 1)
    changed = 0
    for p, code in before.items():
        after = code_of(p.read_text(encoding="utf-8", errors="replace"), p.suffix == ".md")[2]
        assert after == code, f"{p.name}: code changed by --fix"
        changed += 1
    assert changed > 1000
