"""Links and images on hosts that imitate well-known domains."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from postlint import Rule
from postlint.domains import registrable_domain, url_host

# Brand label -> the brand's main domain, for the message. Labels shorter than `min-length`
# (x) are compared by homoglyphs only: one edit from `x` is any one-letter domain.
BRANDS = {
    "google": "google.com", "youtube": "youtube.com", "naver": "naver.com",
    "daum": "daum.net", "kakao": "kakao.com", "tistory": "tistory.com", "wikipedia": "wikipedia.org",
    "github": "github.com", "facebook": "facebook.com", "instagram": "instagram.com",
    "twitter": "twitter.com", "x": "x.com", "apple": "apple.com", "icloud": "icloud.com",
    "microsoft": "microsoft.com", "outlook": "outlook.com", "amazon": "amazon.com",
    "paypal": "paypal.com", "linkedin": "linkedin.com", "netflix": "netflix.com",
    "yahoo": "yahoo.com", "dropbox": "dropbox.com", "whatsapp": "whatsapp.com",
    "telegram": "telegram.org", "reddit": "reddit.com", "coupang": "coupang.com",
    "samsung": "samsung.com", "tiktok": "tiktok.com", "discord": "discord.com",
    "binance": "binance.com", "coinbase": "coinbase.com", "blogger": "blogger.com",
    "wordpress": "wordpress.com", "blogspot": "blogspot.com", "stackoverflow": "stackoverflow.com",
}
# Real domains one edit away from a brand, never reported.
REAL = frozenset({"wikimedia.org", "naver.net", "daum.com", "paypay.ne.jp"})
# Words one edit from a brand name: domains named with them are not imitations.
WORDS = frozenset({"apply", "ample", "never", "nave", "dam"})
# Hosts whose users name their own blogs: by subdomain (`NAME.tistory.com`) ...
BLOG_SUBDOMAIN_HOSTS = (
    "tistory.com", "blogspot.com", "wordpress.com", "github.io", "gitlab.io", "substack.com",
    "tumblr.com", "netlify.app", "vercel.app", "pages.dev", "wixsite.com", "weebly.com",
    "notion.site", "egloos.com",
)
# ... or by the first path segment (`blog.naver.com/NAME`, `medium.com/@NAME`).
BLOG_PATH_HOSTS = ("blog.naver.com", "m.blog.naver.com", "medium.com", "velog.io", "brunch.co.kr", "post.naver.com")
_NOT_A_NAME = frozenset({"www", "m", "blog", "blogs", "api", "cdn", "img", "static"})

# Characters that look like Latin letters in a URL bar (Unicode confusables, the ones used in
# phishing), digits read as letters, and letter pairs read as one letter.
_CONFUSABLE = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ԁ": "d", "ѕ": "s", "һ": "h", "ӏ": "l", "ɡ": "g", "ο": "o", "α": "a", "ν": "v", "ρ": "p",
    "ι": "i", "κ": "k", "τ": "t", "ı": "i", "ⅼ": "l", "ℓ": "l", "0": "o", "1": "l", "3": "e",
    "5": "s", "ё": "e", "ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "á": "a", "í": "i",
    "ó": "o", "ú": "u", "ç": "c", "ñ": "n",
})
_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"))


def skeleton(label: str) -> str:
    """What ``label`` looks like: confusable characters and pairs folded to Latin letters."""
    s = label.lower().translate(_CONFUSABLE)
    for pair, letter in _PAIRS:
        s = s.replace(pair, letter)
    return s


def decode_label(label: str) -> str:
    """A punycode label (`xn--…`) as the Unicode it shows; other labels as they are."""
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except (UnicodeError, ValueError):
            return label
    return label


def within_one_edit(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance <= 1: one letter added, removed, changed or two swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


class LookalikeDomain(Rule):
    """Links and images on hosts that imitate well-known domains.

    ## What it does
    Looks at the host of every link and image, in HTML and Markdown alike (`<a href>`,
    `<area href>`, `<img src>` and `srcset`, `[text](url)`, `![alt](url)`, reference-style links
    at their definition, autolinks), and reports it when it imitates a well-known domain (Google, YouTube, Naver, Daum, Kakao,
    Tistory, Wikipedia, GitHub, Facebook, Instagram, Twitter/X, Apple, Microsoft, Amazon,
    PayPal and more; see `brands`):
    - its registrable domain's name is one edit from the brand's (`qoogle.com`, `gooogle.com`,
      `paypa.com`, `amazno.com`: a letter added, removed, changed, or two swapped);
    - it spells the brand with look-alike characters: digits (`g00gle.com`, `paypa1.com`),
      letter pairs (`rnicrosoft.com`), Cyrillic or Greek letters, also when written in
      punycode (`xn--ggle-55da.com` is `gооgle.com` with two Cyrillic `о`);
    - the brand's domain is put in front of another (`paypal.com.secure-login.net`);
    - a blog on a blog-hosting domain (`tistory.com`, `blogspot.com`, `wordpress.com`,
      `github.io`, …, and `blog.naver.com/NAME`, `medium.com/@NAME`) has a name that imitates a
      brand the same ways (`qoogle.tistory.com`).
    The brand's own domains are never reported, nor are its names under other country domains
    (`google.co.kr`), nor a blog named exactly after a brand (`google.github.io`). The
    registrable domain is found without the network: a small bundled list of multi-part
    suffixes (`co.kr`, `co.uk`, `com.au`, …) is used, and other hosts are cut at two labels.
    Liquid-templated URLs are not judged.

    ## Why
    Spam and phishing pages are linked with names a reader takes for the real thing at a
    glance. Imported and guest posts carry such links (often with `rel="dofollow"`), and a
    site that links to them is penalised by search engines and loses its readers' trust.

    ## Bad
    ```html
    <p>Search it on <a href="https://www.qoogle.com/search?q=postlint">Google</a>.</p>
    ```

    ## Good
    ```html
    <p>Search it on <a href="https://www.google.com/search?q=postlint">Google</a>.</p>
    ```

    ## Fix safety
    No fix: only the author knows which site was meant.

    ## Options
    - `brands` (list): the names imitated, as domains (`google.com`); the name before the
      suffix (`google`) is what is compared. Default: the list above.
    - `extra-brands` (list, default `[]`): more domains, added to `brands`.
    - `allowed-domains` (list, default `[]`): registrable domains never reported
      (`gooogle-fan.net`).
    - `blog-hosts` (list): domains whose subdomains are blogs named by their authors.
    - `min-length` (int, default `4`): shorter brand names (`x`) are compared by look-alike
      characters only, not by one edit.
"""

    id = "lookalike-domain"
    summary = "Link or image host that imitates a well-known domain (qoogle.com, g00gle.com)"
    fixable = "never"
    severity = "warning"

    @dataclass(frozen=True)
    class Options:
        brands: tuple[str, ...] = tuple(BRANDS.values())
        extra_brands: tuple[str, ...] = ()
        allowed_domains: tuple[str, ...] = ()
        blog_hosts: tuple[str, ...] = BLOG_SUBDOMAIN_HOSTS
        min_length: int = 4

    def __init__(self, options=None, severity=None) -> None:
        super().__init__(options, severity)
        o = self.options
        self._brands = {}  # brand name -> domain
        self._real = set(REAL) | {d.lower() for d in o.allowed_domains}
        for domain in (*o.brands, *o.extra_brands):
            domain = registrable_domain(domain.lower())
            self._real.add(domain)
            self._brands.setdefault(domain.split(".")[0], domain)
        self._skeletons = {skeleton(name): name for name in self._brands}
        # A site links the same few hosts in post after post; comparing a name with every
        # brand costs 10-15 us, so each name is compared once per run (a dict: rules are
        # pickled to the --jobs workers).
        self._imitated_names: dict[str, str | None] = {}

    def check(self, post):
        for link in post.links.urls():
            if link.kind != "link" and link.kind != "image" or link.templated:
                continue
            host = url_host(link.url)
            if host is None or "." not in host:
                continue
            message = self.judge(host, link.url)
            if message:
                yield self.finding(link.start, link.end, message)

    def judge(self, host: str, url: str) -> str | None:
        blog = self._judge_blog(host, url)
        if blog is not None:
            return blog or None
        domain = registrable_domain(host)
        name = domain.split(".")[0]
        if domain in self._real or name in self._brands or name in WORDS:
            return None
        brand = self._imitated(name)
        if brand:
            return f"`{domain}` imitates {self._brands[brand]} ({self._how(name, brand)})"
        for real in self._real:
            if host.startswith(real + "."):
                return f"`{host}` puts {real} in front of another domain, `{domain}`"
        return None

    def _judge_blog(self, host: str, url: str) -> str | None:
        """The finding for a blog named after a brand; "" for another blog; None: no blog."""
        name = None
        for blog_host in self.options.blog_hosts:
            if host.endswith("." + blog_host):
                name = host[: -len(blog_host) - 1].rsplit(".", 1)[-1]
                where = f"`{host}` is a {blog_host} blog"
                break
        else:
            if host in BLOG_PATH_HOSTS:
                segment = urlsplit(url.strip()).path.strip("/").split("/", 1)[0]
                name, where = segment.lstrip("@").lower(), f"`{host}/{segment}` is a blog on {host}"
            else:
                return None
        if not name or name in _NOT_A_NAME or name in WORDS:
            return ""
        brand = self._imitated(name)
        if brand:
            return f"{where} whose name imitates {brand} ({self._how(name, brand)})"
        return ""

    def _imitated(self, name: str) -> str | None:
        """The brand ``name`` imitates without being it, or None."""
        seen = self._imitated_names
        if name not in seen:
            if len(seen) >= 4096:
                seen.clear()
            seen[name] = self._compare(name)
        return seen[name]

    def _compare(self, name: str) -> str | None:
        if name in self._brands:
            return None
        shown = ".".join(decode_label(label) for label in name.split("."))
        look = skeleton(shown)
        if look in self._skeletons and look != shown:
            return self._skeletons[look]
        if look in self._brands:  # e.g. `gооgle` written with Cyrillic letters
            return look
        for brand in self._brands:
            if len(brand) >= self.options.min_length and within_one_edit(shown, brand):
                return brand
        return None

    @staticmethod
    def _how(name: str, brand: str) -> str:
        shown = decode_label(name)
        if name.startswith("xn--"):
            return f"punycode for `{shown}`, look-alike letters"
        if skeleton(shown) == brand and shown != brand:
            return "look-alike characters"
        return "one letter off"
