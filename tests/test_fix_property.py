"""Properties of --fix on generated posts in the seed's style (a Tistory import): the visible
text is kept, fixing twice is fixing once, and a line no finding is on comes out unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from postlint.config import Config
from postlint.engine import Linter, select_rules
from postlint.fixer import applicable, fix_source, visible
from postlint.registry import Registry
from postlint.source import Source

CONFIG = Config()
LINTER = Linter(select_rules(Registry(), CONFIG), CONFIG)
PATH = "_posts/2024-07-22-generated.md"

KOREAN = ["한·미", "동맹", "대통령실은", "초당적", "지지가", "외교부", "협력", "11월", "강화"]
word = st.one_of(
    st.sampled_from(KOREAN),
    st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8),
)
words = st.lists(word, min_size=1, max_size=8).map(" ".join)
colour = st.sampled_from(["color", "background-color"]).flatmap(
    lambda prop: st.from_regex(r"#[0-9a-f]{6}([0-9a-f]{2})?", fullmatch=True).map(lambda c: f"{prop}: {c};")
)
rel = st.lists(
    st.sampled_from(["dofollow", "nofollow", "noopener", "follow", "index", "noreferrer", "lightbox"]),
    min_size=1, max_size=3, unique=True,
).map(" ".join)


@st.composite
def block(draw) -> str:
    kind = draw(st.sampled_from(["p", "colour", "spacer", "colour-spacer", "br", "list", "link", "nbsp", "tail"]))
    w = lambda: draw(words)  # noqa: E731
    if kind == "p":
        return f"<p>{w()}</p>"
    if kind == "colour":
        return f'<p>{w()} <b><span style="{draw(colour)}">{w()}</span></b>{w()}</p>'
    if kind == "spacer":
        return '<p data-ke-size="size16">&nbsp;</p>'
    if kind == "colour-spacer":
        return f'<p><span style="{draw(colour)}">&nbsp;</span></p>'
    if kind == "br":
        return f"<p>{w()}<br />{w()}</p>"
    if kind == "list":
        items = draw(st.lists(st.builds(lambda a, c, b: f'    <li>{a} <b><span style="{c}">{b}</span></b>.</li>',
                                        words, colour, words), min_size=1, max_size=3))
        return "<ul>\n" + "\n".join(items) + "\n</ul>"
    if kind == "link":
        return f'<p><a href="https://example.com/post" rel="{draw(rel)}">{w()}</a></p>'
    if kind == "nbsp":
        return f"<p>{w()}&nbsp;{w()}</p>"
    return f'{w()}, <a href="https://qoogle.tistory.com" rel="{draw(rel)}">{w()}</a>'


@st.composite
def post(draw) -> str:
    excerpt = draw(words)
    feature = excerpt if draw(st.booleans()) else draw(words)
    text = f"---\ntitle: {draw(words)}\nexcerpt: >\n  {excerpt}\nfeature_text: >\n  {feature}\n---\n"
    for b in draw(st.lists(block(), min_size=1, max_size=10)):
        text += "\n" * draw(st.integers(0, 2)) + b + "\n"
    text += "\n" * draw(st.integers(0, 2))
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def fix(text: str):
    return fix_source(LINTER, Source.from_text(text), PATH)


def seen(text: str) -> str:
    return visible(LINTER.post(Source.from_text(text), PATH))


def is_subsequence(needles: list, haystack: list) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post())
def test_fix_keeps_words_and_untouched_lines_and_is_idempotent(text):
    source = Source.from_text(text)
    findings, _ = LINTER.lint_source(source, PATH)
    outcome = fix(text)
    assert outcome.refused is None, outcome.refused.message
    fixed = outcome.text

    # Every visible character is kept, and the newline style.
    assert seen(fixed) == seen(text)
    if "\r\n" in text:
        assert fixed.count("\n") == fixed.count("\r\n")

    # Fixing twice is fixing once: no safe fix is left, and a second run changes nothing.
    assert not any(applicable(f, unsafe=False) for f in outcome.result.findings)
    again = fix(fixed)
    assert again.text == fixed and not again.applied

    # A line no finding is on comes out unchanged, in order; blank lines go only with a removed
    # spacer paragraph (one each at most).
    touched = set()
    for f in findings:
        first, last = source.position(f.start)[0], source.position(max(f.start, f.end - 1))[0]
        touched.update(range(first, last + 1))
    kept = [line for n, line in enumerate(text.split("\n"), 1) if n not in touched and line.strip()]
    assert is_subsequence(kept, fixed.split("\n"))
    blank = lambda t: sum(1 for line in t.split("\n") if not line.strip())  # noqa: E731
    assert 0 <= blank(text) - blank(fixed) <= outcome.applied["empty-paragraph"]
    event("fixed" if outcome.applied else "nothing to fix")
