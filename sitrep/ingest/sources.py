"""Inputs -> raw documents: files, directories, CSV/JSONL, URLs, RSS/Atom feeds, WARC.

Each input yields ``RawDoc`` objects, or ``Failure`` records for what could not be read, so a
batch goes on past a bad input. Nothing here does NLP; ``build_article`` turns a RawDoc into
an ``Article`` (HTML extraction, boilerplate removal, metadata).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.config import IngestOptions
from sitrep.errors import ColumnError, DateError, ExtractError, InputError
from sitrep.ingest.boilerplate import strip_boilerplate
from sitrep.ingest.charset import compression, decode, decompress
from sitrep.ingest.metadata import (
    canonical_outlet,
    detect_language,
    find_dateline,
    outlet_from_metadata,
    outlet_from_text,
    outlet_from_url,
    site_name_from_html,
)
from sitrep.ingest.validate import clean_text, parse_published
from sitrep.model import Article, Failure

log = logging.getLogger("sitrep.ingest")

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
COMPRESSED_SUFFIXES = {".gz", ".gzip", ".bz2", ".xz"}
# SQLite's own files: the database beside its inputs is not an input
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


@dataclass
class RawDoc:
    content: str
    kind: str  # "text" or "html"
    source: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


Item = RawDoc | Failure


def _forced(options: IngestOptions) -> str | None:
    """The user's --encoding, or None to find each input's own (``auto``)."""
    enc = (options.encoding or "").strip()
    return None if enc.lower() in {"", "auto"} else enc


def _read_bytes(path: Path, options: IngestOptions) -> bytes:
    """The file's bytes, decompressed when its content is gzip/bzip2/xz; both sizes capped."""
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(
            f"{path}: file too large ({size / 1e6:.1f} MB > {options.max_bytes / 1e6:.0f} MB limit)"
        )
    return decompress(path.read_bytes(), str(path), options.max_bytes)


def _read_file(path: Path, options: IngestOptions) -> str:
    return decode(_read_bytes(path, options), str(path), forced=_forced(options))


def _inner_suffix(path: Path) -> str:
    """The suffix that says what a file holds: ``.html`` for ``page.html.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    while suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _head(path: Path, n: int = 64) -> bytes:
    with path.open("rb") as fh:
        return fh.read(n)


def _is_warc(path: Path, head: bytes) -> bool:
    if head.startswith(b"WARC/"):
        return True
    if compression(head) == "gzip":  # a .warc.gz is a series of gzip members, each a record
        import zlib

        try:
            with path.open("rb") as fh:
                first = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(fh.read(4096), 16)
        except zlib.error:
            return False
        return first.startswith(b"WARC/")
    return False


def is_sqlite_file(path: Path) -> bool:
    """A SQLite database or one of its journal files (sitrep's own store in the input folder)."""
    name = path.name
    for side in SQLITE_SIDE_FILES:
        if name.endswith(side) and path.with_name(name[: -len(side)]).exists():
            return True
    try:
        return _head(path, 16) == SQLITE_HEADER
    except OSError:
        return False


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def iter_inputs(inputs: Iterable[str], options: IngestOptions) -> Iterator[Item]:
    """Every raw document in ``inputs`` (paths, directories, URLs), in order."""
    client = None
    try:
        for spec in inputs:
            if spec.startswith(("http://", "https://")):
                if client is None:
                    client = _http_client(options)
                yield from _iter_url(spec, client, options)
            elif spec == "-":
                yield from _iter_text_blob(sys.stdin.read(), "<stdin>")
            else:
                yield from _iter_path(Path(spec), options)
    finally:
        if client is not None:
            client.close()


def _iter_text_blob(text: str, source: str) -> Iterator[Item]:
    kind = "html" if _looks_like_html(text) else "text"
    yield RawDoc(content=text, kind=kind, source=source)


def _iter_path(path: Path, options: IngestOptions) -> Iterator[Item]:
    if not path.exists():
        yield Failure(str(path), "read", f"{path}: no such file or directory")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for file in files:
            if not is_sqlite_file(file):  # e.g. the database being written, kept beside its inputs
                yield from _iter_path(file, options)
        return
    suffix = _inner_suffix(path)
    try:
        head = _head(path)
        if head.startswith(SQLITE_HEADER):
            raise InputError(f"{path}: a SQLite database, not an article")
        if _is_warc(path, head):
            yield from _iter_warc(path, options)
        elif suffix in TABLE_SUFFIXES:
            yield from _iter_table(path, options)
        else:
            text = _read_file(path, options)
            if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
                yield RawDoc(content=text, kind="html", source=str(path))
            else:
                yield RawDoc(content=text, kind="text", source=str(path))
    except InputError as exc:
        yield Failure(str(path), exc.stage, str(exc))
    except OSError as exc:
        yield Failure(str(path), "read", f"{path}: {exc.strerror or exc}")


def _row_value(row: dict, column: str | None) -> str | None:
    if not column:
        return None
    value = row.get(column)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _iter_table(path: Path, options: IngestOptions) -> Iterator[Item]:
    """Rows of a CSV/TSV/JSONL file read as a stream: no size cap on the file, ``max_bytes`` on
    each row (a longer row is one failure, and the rest of the file is read)."""
    from sitrep.ingest.charset import open_text_stream

    with open_text_stream(str(path), options.max_bytes, _forced(options)) as stream:
        try:
            yield from _table_items(path, stream, options)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: cannot decode the rest of the file as {stream.encoding} "
                             f"({exc.__class__.__name__}); try --encoding") from None


def _table_items(path: Path, stream: io.TextIOBase, options: IngestOptions) -> Iterator[Item]:
    suffix = _inner_suffix(path)
    rows: Iterable[dict | Failure]
    if suffix in {".jsonl", ".ndjson"}:
        rows = _jsonl_rows(stream, path, options.max_bytes)
    else:
        # a field longer than a whole article may be is malformed input, not something to hold
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1, options.max_bytes))
        reader = csv.DictReader(stream, delimiter="\t" if suffix == ".tsv" else ",")
        try:
            columns = reader.fieldnames or []
        except csv.Error as exc:
            raise InputError(f"{path}: not a readable CSV file ({exc})") from None
        _check_columns(path, columns, options)
        rows = _csv_rows(reader, path)
    checked = suffix not in {".jsonl", ".ndjson"}
    for n, row in enumerate(rows, start=1):
        source = f"{path}#{n}"
        if isinstance(row, Failure):
            yield row
            continue
        if not checked:
            _check_columns(path, list(row), options)
            checked = True
        content = _row_value(row, options.text_column)
        if not content:
            yield Failure(source, "read", f"{source}: row has no text in column '{options.text_column}'")
            continue
        yield RawDoc(
            content=content,
            kind="html" if _looks_like_html(content) else "text",
            source=source,
            title=_row_value(row, options.title_column),
            outlet=_row_value(row, options.outlet_column),
            published=_row_value(row, options.date_column),
            url=_row_value(row, options.url_column),
        )


def _csv_rows(reader: csv.DictReader, path: Path) -> Iterator[dict | Failure]:
    """The rows of ``reader``; a malformed line ends the file with one failure, not a crash."""
    try:
        yield from reader
    except csv.Error as exc:
        yield Failure(f"{path}#{reader.line_num}", "read", f"{path}: malformed CSV at line {reader.line_num} ({exc})")


def _check_columns(path: Path, columns: list[str], options: IngestOptions) -> None:
    if options.text_column not in columns:
        shown = ", ".join(columns[:12]) or "none"
        raise ColumnError(
            f"{path}: no text column '{options.text_column}' (columns: {shown}); use --text-column"
        )
    for flag, column in [
        ("--title-column", options.title_column if options.title_column != "title" else None),
        ("--date-column", options.date_column),
        ("--outlet-column", options.outlet_column),
        ("--url-column", options.url_column),
    ]:
        if column and column not in columns:
            raise ColumnError(f"{path}: no column '{column}' for {flag} (columns: {', '.join(columns[:12])})")


def _jsonl_rows(stream: io.TextIOBase, path: Path, max_chars: int) -> Iterator[dict | Failure]:
    n = 0
    while True:
        line = stream.readline(max_chars + 1)
        if not line:
            return
        n += 1
        if len(line) > max_chars and not line.endswith("\n"):
            while line and not line.endswith("\n"):  # skip the rest of the long line, a piece at a time
                line = stream.readline(1 << 20)
            yield Failure(f"{path}#{n}", "read", f"{path}#{n}: line too long (over {max_chars / 1e6:.0f} MB)")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(f"{path}#{n}", "read", f"{path}#{n}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield Failure(f"{path}#{n}", "read", f"{path}#{n}: line is not a JSON object")
            continue
        yield row


def _iter_warc(path: Path, options: IngestOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = kept = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                found += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or str(path)
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                body = record.content_stream().read(options.max_bytes + 1)
                if len(body) > options.max_bytes:
                    yield Failure(url, "read", f"{url}: WARC record too large")
                    continue
                if "html" not in ctype and "text" not in ctype:
                    continue
                try:
                    text = decode(body, url, declared=_charset(ctype), forced=_forced(options),
                                  html="html" in ctype)
                except InputError as exc:
                    yield Failure(url, exc.stage, str(exc))
                    continue
                kind = "html" if "html" in ctype or _looks_like_html(text) else "text"
                kept += 1
                yield RawDoc(content=text, kind=kind, source=f"{path}#{url}", url=url)
    except ArchiveLoadFailed as exc:
        raise InputError(f"{path}: not a readable WARC file ({' '.join(str(exc).split())[:120]})") from None
    except (ValueError, EOFError, OSError, KeyError, IndexError) as exc:  # warcio on truncated or odd records
        raise InputError(f"{path}: not a readable WARC file ({exc.__class__.__name__})") from None
    if not found:
        raise InputError(f"{path}: no response records in this WARC file")
    if not kept:
        raise InputError(f"{path}: none of its {found} responses is HTML or text")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        part = part.strip()
        if part.lower().startswith("charset="):
            return part.split("=", 1)[1].strip("\"' ")
    return None


def _http_client(options: IngestOptions):  # noqa: ANN202
    import httpx

    # redirects are followed by sitrep.ingest.network, which checks every hop's address
    return httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=False,
        headers={"User-Agent": options.user_agent},
    )


def fetch(url: str, client, options: IngestOptions) -> tuple[str, str]:  # noqa: ANN001
    """Body text and content type of ``url``; FetchError on timeout, HTTP error, size or a refused address."""
    from sitrep.ingest.network import fetch_bytes

    response = fetch_bytes(url, client, options)
    ctype = response.content_type
    body = decompress(response.body, url, options.max_bytes)  # a .gz served as application/gzip
    is_html = "html" in ctype.lower() or None
    return decode(body, url, declared=response.charset, forced=_forced(options), html=is_html), ctype


def _is_feed(ctype: str, text: str) -> bool:
    if any(t in ctype for t in FEED_TYPES):
        return True
    head = text[:500].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head) or head.startswith(("<rss", "<feed"))


def _iter_url(url: str, client, options: IngestOptions, depth: int = 0) -> Iterator[Item]:  # noqa: ANN001
    try:
        text, ctype = fetch(url, client, options)
    except InputError as exc:
        yield Failure(url, exc.stage, str(exc))
        return
    if depth == 0 and _is_feed(ctype, text):
        yield from _iter_feed(url, text, client, options)
        return
    kind = "html" if "html" in ctype or _looks_like_html(text) else "text"
    yield RawDoc(content=text, kind=kind, source=url, url=url)


def _iter_feed(url: str, text: str, client, options: IngestOptions) -> Iterator[Item]:  # noqa: ANN001
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield Failure(url, "read", f"{url}: not a readable RSS/Atom feed")
        return
    feed_title = feed.feed.get("title")
    for entry in feed.entries:
        link = entry.get("link")
        published = None
        if entry.get("published_parsed"):
            year, month, day = entry.published_parsed[:3]
            published = f"{year:04d}-{month:02d}-{day:02d}"
        if link:
            for item in _iter_url(link, client, options, depth=1):
                if isinstance(item, RawDoc):
                    item.title = item.title or entry.get("title")
                    item.published = item.published or published
                    item.outlet = item.outlet or feed_title
                yield item
        else:
            body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
            source = f"{url}#{entry.get('id') or entry.get('title')}"
            yield RawDoc(content=body, kind="html" if "<" in body else "text", source=source,
                         title=entry.get("title"), published=published, outlet=feed_title)


@dataclass
class HtmlParts:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None  # from the page's metadata (site name, og:site_name, publisher)
    url: str | None = None  # the page's own canonical URL, when it states one


def _html_to_text(raw: RawDoc) -> HtmlParts:
    """Main text and metadata of an HTML document."""
    import trafilatura
    from htmldate import find_date

    doc = trafilatura.bare_extraction(
        raw.content, url=raw.url, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    fallback_title = None
    if not text or not text.strip():
        text, fallback_title = _visible_text(raw)
        if text:
            log.warning("%s: no main text found by trafilatura; kept the page's visible text", raw.source)
    if not text or not text.strip():
        raise ExtractError(f"{raw.source}: HTML has no main text to extract")
    published = None
    try:
        published = find_date(raw.content, url=raw.url, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; a date is optional
        published = None
    url = getattr(doc, "url", None) or raw.url
    return HtmlParts(
        text=text, title=getattr(doc, "title", None) or fallback_title, published=published or getattr(doc, "date", None),
        outlet=outlet_from_metadata(site_name_from_html(raw.content, url) or getattr(doc, "sitename", None), url),
        url=url,
    )


_BLOCKS = ("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
           "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption", "header", "main")
_INVISIBLE = ("script", "style", "noscript", "iframe", "template", "svg", "object", "embed", "form",
              "button", "select", "textarea", "nav", "footer", "head")


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _visible_text(raw: RawDoc) -> tuple[str, str | None]:
    """Text a browser would show, block by block, when trafilatura finds no main text (short
    pages, pages nested deeper than its parser goes). Scripts, styles and frames never count."""
    from lxml import etree
    from lxml import html as lxml_html

    # lxml refuses control characters in text it sets; they carry nothing a reader sees
    html = _XML_UNSAFE.sub(" ", raw.content)
    try:
        parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        title = (tree.findtext(".//title") or "").strip() or None
        for element in list(tree.iter(*_INVISIBLE)):
            if element.getparent() is not None:
                element.drop_tree()
        for element in tree.iter(*_BLOCKS):
            element.tail = "\n\n" + (element.tail or "")
        content = tree.text_content()
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return "", None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", content)]
    return "\n\n".join(p for p in paragraphs if p), title


def _iso_or_none(value: str | None) -> str | None:
    """A date found by a guess (htmldate, a feed): ISO day, or None when it is no real date."""
    try:
        return parse_published(value)
    except DateError:
        return None


def build_article(raw: RawDoc, options: IngestOptions) -> Article:
    """Extract, clean and annotate one raw document; InputError if nothing usable remains."""
    title, published = raw.title, parse_published(raw.published, raw.source)
    site, url = None, raw.url
    if raw.kind == "html":
        parts = _html_to_text(raw)
        text, title, site, url = parts.text, title or parts.title, parts.outlet, url or parts.url
        published = published or _iso_or_none(parts.published)
    else:
        text = raw.content.replace("\r\n", "\n").replace("\r", "\n")
    text, title = clean_text(text), clean_text(title) if title else title
    clean, removed = strip_boilerplate(text)
    if len(clean.strip()) < options.min_chars <= len(text.strip()):
        # the rules would delete the whole body: they are wrong for this page, not the page
        log.warning("%s: boilerplate rules matched the whole text (%s); kept it all",
                    raw.source, ", ".join(sorted({rule for rule, _ in removed})) or "none")
        clean, removed = text.strip(), []
    if len(clean.strip()) < options.min_chars:
        raise ExtractError(f"{raw.source}: no main text (only {len(clean.strip())} chars)")
    removed_texts = [t for _, t in removed]
    # what the sender or the page's metadata says comes before guesses from the text
    outlet = (
        canonical_outlet(options.outlet)
        or canonical_outlet(raw.outlet)
        or site
        or outlet_from_text(text, removed_texts)
        or outlet_from_url(url)
    )
    if raw.kind == "text" and not title:
        first = clean.strip().split("\n", 1)[0].strip()
        title = first if len(first) <= 200 else None
    published = published or find_dateline(clean)
    return Article(
        text=clean,
        title=title,
        outlet=outlet,
        published=published,
        language=detect_language(clean),
        source=raw.source,
        url=url,
        removed=[f"[{rule}] {t}" for rule, t in removed],
    )


def iter_articles(inputs: Iterable[str], options: IngestOptions) -> Iterator[Article | Failure]:
    """Articles (or failures) from every input, in order."""
    for item in iter_inputs(inputs, options):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            article = build_article(item, options)
        except InputError as exc:
            yield Failure(item.source, exc.stage, str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one input must not end the batch
            log.error("%s: internal error: %s", item.source, exc, exc_info=True)
            yield Failure(item.source, "internal", f"{item.source}: internal error (please report): "
                                                   f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
            continue
        yield article
