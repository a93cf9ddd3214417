"""HTML the parser had to repair: mismatched, stray and missing end tags, duplicate attributes."""

from __future__ import annotations

from dataclasses import dataclass

from postlint import Rule
from postlint.html import VOID
from postlint.pertag import PerTag

# Elements whose end tag HTML lets the author leave out.
OPTIONAL_END = frozenset(
    "html head body p li dt dd rt rp rb rtc optgroup option colgroup caption thead tbody tfoot tr td th".split()
)
FOREIGN = ("svg", "math")
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption
    center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
    figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i
    iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noscript
    object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search
    section select slot small source span strike strong style sub summary sup table tbody td template
    textarea tfoot th thead time title tr track tt u ul var video wbr svg math""".split()
)


class MalformedHtml(Rule):
    """HTML the parser had to repair: mismatched, stray and missing end tags, duplicate attributes.

    ## What it does
    Reports, each at its exact position:
    - an end tag that does not match the element it closes (`<h3>Title</h2>`) — at the end tag;
    - a misnested end tag (`<b><i>x</b></i>`: `</i>` comes after `</b>` closed the `<i>`);
    - an end tag that closes nothing (`</div>` with no open `<div>`);
    - an element that is never closed (`<div>`, `<span>`, `<a>`, `<h2>` …). Void elements
      (`<br>`, `<img>`) have no end tag, and elements whose end tag is optional in HTML (`<p>`,
      `<li>`, `<td>`, `<tr>`, `<option>`, `<dt>`, `<dd>`, `<thead>` …) are not reported; inside
      `<svg>` and `<math>`, `<path />` is a closed element;
    - an attribute written twice in one tag (`<img alt="a" alt="b">`: the second is ignored);
    - a block inside a paragraph (`<p>a<div>b</div></p>`, `<p>a<p>b</p></p>`): the parser ends
      the paragraph at the block, so the `</p>` after it closes nothing; reported at that
      `</p>`, naming the block and where its paragraph began.

    ## Why
    Browsers repair broken HTML, each the way the HTML standard says, which is rarely what the
    author meant: a heading never closed swallows the text after it, a stray `</p>` becomes an
    empty paragraph, a duplicate attribute silently loses its second value. Themes, feed
    readers and other tools repair it differently, so the post looks different everywhere.

    ## Bad
    ```html
    <h3>Summit results</h2>
    <p>The talks <b>went well</p>
    ```

    ## Good
    ```html
    <h3>Summit results</h3>
    <p>The talks <b>went well</b></p>
    ```

    ## Fix safety
    No fix: where an end tag belongs is a guess about what the author meant.

    ## Options
    - `unclosed` (bool, default `true`): report elements that are never closed.
"""

    id = "malformed-html"
    summary = "Mismatched, misnested, stray or missing end tag; duplicate attribute; a block inside <p>"
    fixable = "never"
    severity = "error"

    @dataclass(frozen=True)
    class Options:
        unclosed: bool = True

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        # Duplicate attributes depend on the tag alone; parsing every tag's attributes again
        # cost more than the rest of the rule.
        self._per_tag = PerTag(self._duplicates)

    def check(self, post):
        html = post.html
        tags_by_index = tags = html.tags  # a tag's index is its place in the list
        unclosed = [t for t in tags if t.end_tag is None and self._needs_end_tag(t)]
        explained = set()
        findings = []
        for start, end, name in html.stray_end_tags:
            before = [t for t in unclosed if t.start < start and t.index not in explained]
            same = [t for t in before if t.name == name]
            ended = [i for i in html.p_ended_by if tags_by_index[i].start < start and i not in explained] if name == "p" else []
            if ended:
                explained.add(ended[-1])
                p_tag, block = tags_by_index[ended[-1]], tags_by_index[html.p_ended_by[ended[-1]]]
                line, col = post.source.position(p_tag.start)
                message = (f"`</p>` closes nothing: `<{block.name}>` cannot be inside a paragraph, so the parser "
                           f"ended the `<p>` of {line}:{col} before it")
            elif same:
                explained.add(same[-1].index)
                message = f"misnested `</{name}>`: its `<{name}>` was already closed by an outer end tag"
            elif before:
                explained.add(before[-1].index)
                message = f"`</{name}>` does not match the open `<{before[-1].name}>`"
            else:
                message = f"`</{name}>` closes no open element"
            findings.append(self.finding(start, end, message))
        if self.options.unclosed:
            for tag in unclosed:
                if tag.index not in explained:
                    if tag.source.endswith("/>"):
                        hint = ": `/>` closes nothing in HTML"
                    elif tag.name in HTML_ELEMENTS or "-" in tag.name:
                        hint = ""
                    else:
                        hint = f"; if it is text, write `&lt;{tag.source[1 : 1 + len(tag.name)]}>`"
                    findings.append(self.finding(tag.start, tag.end, f"`<{tag.name}>` is never closed{hint}"))
        for tag in tags:
            if tag.end - tag.name_end >= 5:  # the least that holds two attributes: ` a b>`, `/a/b>`
                findings.extend(self._per_tag.findings(post, tag))
        findings.sort(key=lambda f: (f.start, f.end))
        yield from findings

    def _duplicates(self, post, tag):
        return [
            self.finding(attr.start, attr.end, f"duplicate attribute `{attr.name}`: browsers keep the first")
            for attr in tag.duplicate_attrs
        ], True

    @staticmethod
    def _needs_end_tag(tag) -> bool:
        if tag.name in VOID or tag.name in OPTIONAL_END:
            return False
        if tag.source.endswith("/>"):
            element = tag.element
            if tag.name in FOREIGN or element is None or any(a.tag in FOREIGN for a in element.iterancestors()):
                return False
        return True
