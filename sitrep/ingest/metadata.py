"""Article metadata from the text itself: outlet signature, dateline, language."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from urllib.parse import urlparse

from sitrep import lexicon
from sitrep.resolve.datafiles import load_yaml

_MONTHS = lexicon.month_numbers()
_MONTH_RE = r"(?:" + "|".join(w.lower() for w in lexicon.month_words()) + r")\.?"
_DAY_NAME = r"(?:(?:" + "|".join(d[:3].lower() for d in lexicon.weekdays()) + r")[a-z]*,?\s+)?"
# Datelines as outlets print them: "Wed 05 Apr 2017", "23 February 2015", "April 5 2017",
# "Fri Feb 27 2015", "24.08.2013", "15-09-2013", "14 July 2020,", "Apr 232017" (lost space).
_DATELINES = [
    ("dmy", re.compile(_DAY_NAME + r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_RE + r"),?\s+(\d{4})\b", re.I)),
    ("mdy", re.compile(_DAY_NAME + r"\b(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)),
    ("mdy", re.compile(r"\b(" + _MONTH_RE + r")\s+(\d{1,2})(\d{4})\b", re.I)),
    ("dmy_num", re.compile(r"(?<![\d.])(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})(?![\d.])")),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
]


def _make_date(y: int, m: int, d: int) -> str | None:
    try:
        value = date(y, m, d)
    except ValueError:
        return None
    if not 1990 <= value.year <= 2100:
        return None
    return value.isoformat()


def _parse_match(kind: str, m: re.Match[str]) -> str | None:
    if kind == "dmy":
        return _make_date(int(m.group(3)), _MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
    if kind == "mdy":
        return _make_date(int(m.group(3)), _MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)))
    if kind == "dmy_num":
        return _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def dateline_end(text: str, window: int = 120) -> int:
    """Where a dateline at the very top of ``text`` ends (0 when there is none): the text after
    it is the story (or a caption run into it)."""
    head = text[:window]
    ends = [m.end() for _kind, pattern in _DATELINES for m in pattern.finditer(head) if m.start() <= 40]
    return max(ends, default=0)


def find_dateline(text: str, window: int = 400) -> str | None:
    """Publication date printed near the top of an article ("14 July 2020,", "Wed 05 Apr 2017").

    The earliest full date (day, month and year) in the first ``window`` characters wins:
    outlets print the dateline before the story, and a story's own dates rarely carry a year.
    """
    head = text[:window]
    found: list[tuple[int, str]] = []
    for kind, pattern in _DATELINES:
        for m in pattern.finditer(head):
            value = _parse_match(kind, m)
            if value:
                found.append((m.start(), value))
    return min(found)[1] if found else None


@lru_cache(maxsize=1)
def _outlets() -> list[dict]:
    return load_yaml("outlets.yaml")


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for o in _outlets():
        display = o["short"]
        for alias in [o["name"], o["short"], *o.get("aliases", [])]:
            index[alias.lower()] = display
        for domain in o.get("domains", []):
            index[domain.lower()] = display
    return index


def canonical_outlet(name: str | None) -> str | None:
    """Known outlet's short name for an alias ("sana" -> "SANA"); unknown names pass through."""
    if not name or not name.strip():
        return None
    return _alias_index().get(name.strip().lower(), name.strip())


def outlet_full_name(short: str) -> str | None:
    for o in _outlets():
        if o["short"] == short:
            return o["name"]
    return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    if not host:
        return None
    index = _alias_index()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in index:
            return index[candidate]
    return host[4:] if host.startswith("www.") else host


# "LinkNaija | Nigeria's popular news platform", "Autoracing | F1 | Indy": the name comes first
_SITE_SEPARATORS = re.compile(r"\s+[|\-–—·:]\s+|\s*[|·]\s*")


def outlet_from_metadata(sitename: str | None, url: str | None = None) -> str | None:
    """The outlet a page's metadata names (trafilatura's site name: og:site_name, publisher, ...).

    A site name that is only the first label of the page's host name ("Nj" for nj.com, "Hosted"
    for hosted.ap.org) was made up from the URL, so the URL itself is used for it instead.
    """
    if not sitename or not sitename.strip():
        return None
    name = _SITE_SEPARATORS.split(sitename.strip())[0].strip(" @_-–—|·:\t")
    if len(name) < 2 or len(name) > 80 or _NOT_A_SITE_NAME.match(name):
        return None
    host = (urlparse(url).hostname or "").lower() if url else ""
    labels = [p for p in host.split(".") if p and p != "www"]
    if labels and name.lower().replace(" ", "") == labels[0] and len(labels) >= 2:
        return outlet_from_url(url) or canonical_outlet(name)
    return canonical_outlet(name)


_META_SITE = re.compile(
    r"""<meta\s[^>]*?(?:property|name)\s*=\s*["'](?:og:site_name|application-name)["'][^>]*?>""", re.I)
_CONTENT = re.compile(r"""content\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·]\s+|\s+::\s+")


def _squash(name: str) -> str:
    return re.sub(r"[\W_]", "", name.lower())


def _matches_host(name: str, url: str | None) -> bool:
    host = (urlparse(url).hostname or "").lower() if url else ""
    labels = [p for p in host.split(".") if len(p) >= 4 and p != "www"]
    squashed = _squash(name)
    return bool(squashed) and any(label in squashed or squashed in label for label in labels)


def site_name_from_html(html: str, url: str | None = None) -> str | None:
    """The site's own name in its head: og:site_name, else application-name, else the short last
    part of its title ("Headline - SFGate", which names the site that published a wire story
    where the publisher metadata names the agency).

    og:site_name is sometimes a section ("U.S." on a page titled "... - Reuters") and a title's
    last part sometimes too ("... | Auto News" on autoindustriya.com): when they differ and the
    title does not echo the meta name, the one matching the page's own host name wins.
    """
    import html as html_lib

    head = html[:200_000]
    title_match = _TITLE.search(head)
    title = html_lib.unescape(title_match.group(1)).strip() if title_match else ""
    parts = _TITLE_SEPARATORS.split(title)
    suffix = parts[-1].strip() if len(parts) >= 2 else ""
    if (not suffix or len(suffix) > 40 or len(suffix.split()) > 5 or _NOT_A_SITE_NAME.match(suffix)
            or not suffix[0].isalnum() or suffix[-1] in ".!?\"”’'»"):  # a quote or a sentence, not a name
        suffix = ""
    metas = []
    for tag in _META_SITE.finditer(head):
        content = _CONTENT.search(tag.group())
        value = html_lib.unescape((content.group(1) or content.group(2) or "") if content else "").strip()
        if value and value != title:  # some pages put their title in application-name
            metas.append((0 if "site_name" in tag.group().lower() else 1, value))
    meta = _SITE_SEPARATORS.split(min(metas)[1])[0].strip() if metas else ""
    if meta and suffix and meta.lower() not in title.lower():
        if _matches_host(suffix, url) and not _matches_host(meta, url):
            return suffix
    return meta or suffix or None


# a copyright line, a bare year or a placeholder put where the site's name belongs
_NOT_A_SITE_NAME = re.compile(r"^(?:copyright\b|©|\(c\)|\d{4}\b|home$|homepage$|index$|untitled\b|none$|null$)", re.I)


_MEDIA_WORDS = r"(?:Media|News|Times|Post|Herald|Tribune|Agency|Network|Press|Gazette|Journal|Daily|Review|Monitor|Observer|Express|TV|Radio)"
_NAME = r"(?:[A-Z][\w'’\-]+\s+){1,4}"
_SIGNATURES = [
    # "Statement of the Revolutionary Communist International Tendency (RCIT), 14 July 2020"
    re.compile(r"\b(?:Statement|Declaration|Communiqu[eé]|Press release) (?:of|by|from) (?:the )?((?:[A-Z][\w'’\-]+\s+){0,5}[A-Z][\w\-]+)\s*\(([A-Z]{2,8})\)"),
    # "Visit Red Revolution Media's online store", "updates from Red Revolution Media."
    re.compile(r"\b(" + _NAME + _MEDIA_WORDS + r")(?:['’]s)?\b"),
    # "at the Harbour Voices online store", "the latest news from Harbour Voices."
    re.compile(r"\b((?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+?)(?:['’]s)?\s+online\s+(?:store|shop)\b"),
    re.compile(r"\b(?:news|updates|stories)\s+from\s+((?:[A-Z][\w'’\-]+\s?){1,4})(?=[.!,]|\s*$)"),
    # "International Bureau of the RCIT" as a closing signature
    re.compile(r"^\s*(?:International |Central |Press |Media )?(?:Bureau|Office|Secretariat|Committee) of the ([A-Z]{2,8})\s*$", re.M),
]


_LEADING_VERBS = re.compile(
    r"^(?:(?:Visit|Follow|Support|Join|Read|Subscribe|Sign|Like|Donate|Watch|Listen|Share|Welcome|"
    r"Thanks|Thank|Contact|About|From|By|At|On)\s+)+"
)


def outlet_from_text(text: str, boilerplate: list[str] | None = None) -> str | None:
    """Outlet named by the document's own signature: a statement header, a site's name in
    its adverts or sign-off, or a closing "Bureau of the X"."""
    index = _alias_index()
    head, tail = text[:800], text[-400:]
    for pattern in _SIGNATURES:
        # a site's name is trusted only where sites sign: adverts, appeals, the closing lines
        site_pattern = pattern is not _SIGNATURES[0] and pattern is not _SIGNATURES[-1]
        chunks = [*(boilerplate or []), tail] if site_pattern else [head, tail]
        for chunk in chunks:
            m = pattern.search(chunk)
            if not m:
                continue
            name = _LEADING_VERBS.sub("", m.group(1).strip())
            abbr = m.group(2) if m.lastindex and m.lastindex >= 2 else None
            for key in (abbr, name):
                if key and key.lower() in index:
                    return index[key.lower()]
            if not name or name.split()[0].lower() in {"the", "social", "mass", "news", "our", "your"}:
                continue
            return abbr or name
    return None


def detect_language(text: str) -> str | None:
    if not text.strip():
        return None
    import py3langid

    lang, _score = py3langid.classify(text[:2000])
    return lang
