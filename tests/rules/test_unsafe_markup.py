"""unsafe-markup: (source, options, findings as (line, column, covered text)); the rule has no fix."""

import pytest

RULE = "unsafe-markup"

CASES = [
    # Script URLs, also disguised by case, entities and tabs.
    pytest.param('<p><a href="javascript:alert(1)">click</a></p>\n', None, [(1, 13, "javascript:alert(1)")],
                 id="javascript-href"),
    pytest.param('<p><a href=" JavaScript:void(0)">x</a></p>\n', None, [(1, 14, "JavaScript:void(0)")], id="case-and-space"),
    pytest.param('<p><a href="java&#x09;script:alert(1)">x</a></p>\n', None, [(1, 13, "java&#x09;script:alert(1)")],
                 id="entity-tab"),
    pytest.param("<form action='vbscript:msgbox(1)'></form>\n", None, [(1, 15, "vbscript:msgbox(1)")], id="vbscript"),
    pytest.param('<iframe src="data:text/html;base64,PHNjcmlwdD4="></iframe>\n', None,
                 [(1, 14, "data:text/html;base64,PHNjcmlwdD4=")],
                 id="data-html-frame"),
    # Inline event handlers: the whole attribute.
    pytest.param('<p><img src="/a.png" alt="A" onerror="location=\'https://spam.example.net/\'"></p>\n', None,
                 [(1, 30, "onerror=\"location='https://spam.example.net/'\"")], id="onerror"),
    pytest.param('<div onClick=go()>x</div>\n', None, [(1, 6, "onClick=go()")], id="onclick-unquoted-case"),
    pytest.param('<p onmouseover="a()" onload="b()">x</p>\n', None, [(1, 4, 'onmouseover="a()"'), (1, 22, 'onload="b()"')],
                 id="two-handlers"),
    # Elements: <script>, plugins, frames from hosts not allowed.
    pytest.param("<p>a</p>\n<script>document.write('<a href=x>ad</a>')</script>\n", None, [(2, 1, "<script>")],
                 id="inline-script"),
    pytest.param('<script src="https://cdn.ads.example.net/a.js"></script>\n', None,
                 [(1, 1, '<script src="https://cdn.ads.example.net/a.js">')], id="script-from-unknown-host"),
    pytest.param('<object data="/a.swf" type="application/x-shockwave-flash"></object>\n', None,
                 [(1, 1, '<object data="/a.swf" type="application/x-shockwave-flash">')], id="object"),
    pytest.param('<embed src="/a.swf">\n', None, [(1, 1, '<embed src="/a.swf">')], id="embed"),
    pytest.param('<iframe src="https://ads.example.net/frame" width="300"></iframe>\n', None,
                 [(1, 14, "https://ads.example.net/frame")], id="iframe-unknown-host"),
    pytest.param("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n", None,
                 [(1, 9, '''srcdoc="<script>alert(1)</script>"''')], id="iframe-srcdoc"),
    # Korean text before; positions in characters.
    pytest.param('<p>광고 <a href="javascript:void(0)" onclick="open()">보기</a></p>\n', None,
                 [(1, 16, "javascript:void(0)"), (1, 36, 'onclick="open()"')], id="korean"),
    # Allowed embeds and scripts; not code.
    pytest.param('<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>\n', None,
                 [], id="youtube"),
    pytest.param('<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n', None, [], id="youtube-nocookie"),
    pytest.param('<iframe src="https://player.vimeo.com/video/1"></iframe>\n', None, [], id="vimeo"),
    pytest.param('<iframe src="https://www.google.com/maps/embed?pb=x"></iframe>\n', None, [], id="google-maps-path"),
    pytest.param('<iframe src="https://www.google.com/search?q=x"></iframe>\n', None,
                 [(1, 14, "https://www.google.com/search?q=x")], id="google-not-maps"),
    pytest.param('<blockquote class="twitter-tweet"><p>x</p></blockquote>\n'
                 '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n', None, [],
                 id="twitter-embed-script"),
    pytest.param('<script src="https://gist.github.com/u/1.js"></script>\n', None, [], id="gist"),
    pytest.param("<iframe src=\"{{ page.video }}\"></iframe>\n<a href='{{ page.js }}'>x</a>\n", None, [], id="liquid"),
    pytest.param('<p><a href="https://example.net/javascript:">x</a> <img src="data:image/png;base64,iVBO" alt=""></p>\n',
                 None, [], id="not-script-urls"),
    pytest.param('<p data-on="x" one="1" title="onclick=alert(1)">javascript:alert(1)</p>\n', None, [], id="not-handlers"),
    pytest.param("<p>Write <iframe> for a frame.</p>\n", None, [], id="empty-frame-is-not-unsafe"),
    pytest.param('<iframe src="/demos/chart.html"></iframe>\n', None, [], id="same-site-frame"),
    # Options.
    pytest.param('<iframe src="https://ads.example.net/frame"></iframe>\n', {"allowed-frame-hosts": ["example.net"]}, [],
                 id="allowed-frame-hosts"),
    pytest.param('<iframe src="https://www.youtube.com/embed/x"></iframe>\n', {"allowed-frame-hosts": []},
                 [(1, 14, "https://www.youtube.com/embed/x")], id="no-frame-hosts"),
    pytest.param('<script src="https://cdn.example.net/a.js"></script>\n', {"allowed-script-hosts": [".example.net"]}, [],
                 id="allowed-script-hosts"),
]


@pytest.mark.parametrize("source, options, expected", CASES)
def test_unsafe_markup(check, source, options, expected):
    findings = check(RULE, source, [e[:2] for e in expected], None, options=options)
    assert [source[f.start:f.end] for f in findings] == [e[2] for e in expected]


def test_markdown_code_is_not_markup(check):
    source = "Never write this:\n\n```html\n<img src=x onerror=alert(1)>\n```\n\nNor `<script>alert(1)</script>`.\n"
    check(RULE, source, [], None, path="post.md")
