"""A hostile-article corpus, written for these tests: every article tells a real event (so its
words reach events, tables and exports) wrapped in what must never be interpreted on display.

- rich markup and BBCode (``[/b]`` breaks rich's parser; ``[link=file:///etc/passwd]``), emoji codes;
- terminal escapes (OSC window title, clear screen, colours, 8-bit CSI, bidi override, BEL, CR);
- HTML with scripts, ``javascript:`` links, event handlers and an escape written as an entity;
- 300-deep nesting;
- mixed encodings: windows-1252 declared in <meta>, UTF-16 with and without a BOM, a UTF-8
  file with one stray Latin-1 byte, a gzipped page named .html.gz;
- a JSONL file whose outlet, title and URL columns carry all of the above.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

MARKUP = "[/b] [link=file:///etc/passwd]click[/link] [bold red]ALERT[/] [/] :skull: [i]"
ESCAPES = "\x1b]0;pwned-title\x07 \x1b[2J\x1b[H \x1b[31mred\x1b[0m \x9b31m \u202eevil\u202c \x07 \rover"
SHOWN_MARKUP = ["[/b]", "[link=file:///etc/passwd]", ":skull:"]


def _event(place: str, day: str) -> str:
    return (f"Shelling killed four civilians in {place} on {day}, a local monitor said. The monitor said "
            f"the shells were fired from positions held by government forces and that two children were "
            f"among the dead.")


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write the corpus into ``folder``; returns the files by name."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        files[name] = path

    put("markup.txt", (f"Markup {MARKUP} in a headline\n\n{MARKUP}\n\n{_event('Ariha', 'Monday')} "
                       f"Witnesses wrote {MARKUP} online.\n\nPosted in [url=javascript:alert(1)]news[/url].\n").encode())
    put("escapes.txt", (f"Escapes {ESCAPES} in a headline\n\n{ESCAPES}\n\n{_event('Saraqib', 'Tuesday')} "
                        f"A resident said {ESCAPES} afterwards.\n").encode())
    put("script.html", f"""<!doctype html><html><head><title>Script [/b] page &#27;[2J</title>
<meta property="og:site_name" content="[red]Evil[/red] &#27;]0;x&#7; Wire">
<script>alert(document.cookie)</script><style>body{{display:none}}</style></head>
<body onload="alert(1)"><article><h1>Script [/b] page</h1>
<p>{_event('Maarat al-Numan', 'Wednesday')} <a href="javascript:alert(1)">Read [link=javascript:alert(1)]more[/link]</a>
&#27;]0;entity-title&#7; &#27;[2J &#x9b;31m</p>
<p>The monitor said <img src=x onerror="alert(1)"> the strike hit a market [/i] at noon.</p>
<iframe src="javascript:alert(2)"></iframe><script>document.write('<p>injected</p>')</script>
</article></body></html>""".encode())
    depth = 300
    put("nested.html", ("<html><head><title>Nested page</title></head><body>" + "<div>" * depth
                        + f"<p>{_event('Jisr al-Shughur', 'Thursday')} {MARKUP}</p>" + "</div>" * depth
                        + "</body></html>").encode())
    put("cp1252.html", ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 r\u00e9sum\u00e9 \u2013 "
                        "\u201cquoted\u201d</title></head><body><article><p>"
                        + _event("Kafr Nabl", "Friday") + " The caf\u00e9 owner said \u201cthe shells came at "
                        "dawn\u201d \u2013 he lost his r\u00e9sum\u00e9 too.</p></article></body></html>").encode("cp1252"))
    put("utf16-bom.txt", ("UTF-16 report\n\n" + _event("Binnish", "Saturday") + " " + ESCAPES).encode("utf-16"))
    put("utf16-nobom.txt", ("UTF-16 report without a mark\n\n" + _event("Sarmin", "Sunday")).encode("utf-16-le"))
    put("stray-byte.txt", ("Stray byte report\n\n" + _event("Taftanaz", "Monday") + " Caf").encode() + b"\xe9"
        + b" owner said so.")
    put("page.html.gz", gzip.compress(("<html><head><title>Gzipped page</title></head><body><article><p>"
                                       + _event("Atarib", "Tuesday") + "</p></article></body></html>").encode()))
    rows = [
        {"text": _event("Darat Izza", "Wednesday") + " " + MARKUP, "title": f"Row {MARKUP}",
         "outlet": f"[red]Evil[/red] News {ESCAPES}", "url": "javascript:alert(1)", "published": "2024-03-14T10:00:00"},
        {"text": _event("Ariha", "Thursday") + " " + ESCAPES, "title": f"Row {ESCAPES}",
         "outlet": "Plain Wire", "published": "14/03/2024"},
        {"text": _event("Idlib", "Friday"), "title": "Impossible date", "outlet": "Plain Wire",
         "published": "2017-02-31"},
    ]
    put("rows.jsonl", "\n".join(json.dumps(r) for r in rows).encode())
    return files
