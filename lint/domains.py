"""Host names of URLs: the host of a link, its registrable domain, host allow-lists.

No network and no Public Suffix List download: a small list of the multi-part suffixes that
blogs link to most is bundled. A host under a suffix not listed (``example.gov.br``) is cut
at its last two labels, which is the registrable domain for almost every host a post links to.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .liquid import is_templated

# Second-level suffixes under which a registrable domain has three labels.
MULTI_PART_SUFFIXES = frozenset(
    """
    co.kr or.kr go.kr ac.kr ne.kr re.kr pe.kr hs.kr ms.kr es.kr sc.kr kg.kr mil.kr
    co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk
    com.au net.au org.au edu.au gov.au id.au
    co.jp ne.jp or.jp ac.jp go.jp gr.jp ad.jp ed.jp
    com.cn net.cn org.cn gov.cn edu.cn com.tw org.tw edu.tw idv.tw com.hk org.hk edu.hk
    co.nz org.nz net.nz co.in net.in org.in ac.in gov.in firm.in
    com.br net.br org.br gov.br com.mx org.mx com.ar com.co com.pe com.tr org.tr gov.tr
    com.sg edu.sg gov.sg com.my com.ph com.vn com.pk com.ng co.za org.za co.il org.il ac.il
    co.id or.id ac.id go.id co.th ac.th in.th com.ua com.pl com.ru com.es com.sa com.eg
    """.split()
)


def url_host(url: str) -> str | None:
    """The lower-cased host of an absolute or protocol-relative http(s) URL; None for site
    paths, other schemes, templated values and malformed URLs."""
    url = url.strip()
    if not url or is_templated(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", ""):
        return None
    host = parts.hostname
    return host.rstrip(".") if host else None


def registrable_domain(host: str) -> str:
    """``www.news.bbc.co.uk`` -> ``bbc.co.uk``; ``qoogle.tistory.com`` -> ``tistory.com``."""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in MULTI_PART_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def host_matches(host: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether ``host`` is one of ``patterns`` or, for a pattern written ``.example.com`` or
    ``example.com``, one of its subdomains."""
    host = host.lower()
    for pattern in patterns:
        domain = pattern.lower().lstrip(".")
        if host == domain or host.endswith("." + domain):
            return True
    return False


# Hosts that are never served over HTTPS on the public web: URLs on them are examples.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]", ".local", ".localhost", ".test", ".example",
               "example.com", "example.org", "example.net")


def insecure_scheme(url: str, allowed_hosts: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(`http://` or `//`, host) when ``url`` (as written) is fetched over http:// or by a
    protocol-relative URL from a public host not in ``allowed_hosts``; else None."""
    if url[:7].lower() == "http://":
        scheme = "http://"
    elif url.startswith("//"):
        scheme = "//"
    else:
        return None
    host = url_host(url)
    if host is None or host_matches(host, LOCAL_HOSTS) or host_matches(host, allowed_hosts):
        return None
    return scheme, host
