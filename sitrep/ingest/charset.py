"""Bytes -> text: compressed inputs opened by their content, then the charset found in order.

The order follows what is most certain: a byte-order mark; valid non-ASCII UTF-8; what the
sender declared (the HTTP header or the WARC record's header); the document's own
``<meta charset>``; UTF-16 without a mark (NUL bytes beside ASCII); UTF-8; then detection
(charset-normalizer). A declared charset
that does not decode the bytes is passed over (pages often declare ISO-8859-1 and send
windows-1252, or declare UTF-8 and send something else).
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import re

from sitrep.errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do we.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "x-sjis": "shift_jis"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.I)

_MAGIC = [
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
]


def compression(head: bytes) -> str | None:
    """The compression format of data starting with ``head`` (gzip, bzip2, xz), by magic number."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name == "bzip2" and not (len(head) > 3 and head[3:4].isdigit()):
                continue
            return name
    return None


def decompress(data: bytes, source: str, max_bytes: int) -> bytes:
    """``data`` decompressed when it is compressed; InputError when corrupt or over ``max_bytes``."""
    kind = compression(data[:8])
    if kind is None:
        return data
    opener = {"gzip": gzip.GzipFile, "bzip2": bz2.BZ2File, "xz": lzma.LZMAFile}[kind]
    try:
        with opener(io.BytesIO(data)) if kind != "gzip" else gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(max_bytes + 1)  # bounded: a small bomb must not fill memory
    except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        raise InputError(f"{source}: corrupt {kind} data ({exc.__class__.__name__})") from None
    if len(out) > max_bytes:
        raise InputError(f"{source}: too large once decompressed (over {max_bytes / 1e6:.0f} MB)")
    return out


def normalise_label(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        if codec == "cp1252":  # five bytes are undefined in windows-1252; ISO-8859-1 reads them
            return data.decode("latin-1")
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: NUL bytes on one side of most ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    for share, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if share > 0.3 and other < 0.05:
            text = _try(data[: len(data) // 2 * 2], codec)
            if text is not None and not _looks_binary(text):
                return text
    return None


def _looks_binary(text: str) -> bool:
    # terminal escapes (ESC, BEL) can be part of a hostile text: it is stored, and shown cleaned
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\x0b\x1b\x07")
    return "\x00" in sample or controls > max(2, len(sample) // 20)


def decode(data: bytes, source: str, declared: str | None = None, forced: str | None = None,
           html: bool | None = None) -> str:
    """Text of ``data``; ``forced`` (the user's --encoding) is used alone when given.

    InputError for empty or binary data, or data that no charset decodes.
    """
    if not data.strip():
        raise InputError(f"{source}: empty file")
    if forced:
        try:
            text = data.decode(_forced_codec(forced, source))
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: cannot decode as {forced} ({exc.__class__.__name__} at byte "
                             f"{exc.start}); try --encoding auto") from None
        return _check_text(text, source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], codec)
            if text is not None:
                return _check_text(text, source)
    # Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever a header says: legacy
    # text is almost never valid UTF-8 by chance, and "ISO-8859-1" is often declared by default.
    text = None if data.isascii() else _try(data, "utf-8")
    if text is None:
        text = _try(data, normalise_label(declared))
    if text is None and html is not False:
        match = _META_CHARSET.search(data[:8192])
        meta = normalise_label(match.group(1).decode("ascii", "replace")) if match else None
        # a page saying "utf-16" in its meta was necessarily transcoded already (or lies)
        if meta and not meta.startswith("utf-16"):
            text = _try(data, meta)
    if text is None and b"\x00" in data[:8192]:  # UTF-16 ASCII is valid UTF-8 with NULs: look first
        text = _utf16_without_bom(data)
    if text is None:
        text = _try(data, "utf-8")
    if text is None and b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary file (NUL bytes), not text")
    if text is None:
        text = _detect(data)
    if text is None:
        raise InputError(f"{source}: cannot find its character encoding; try --encoding")
    return _check_text(text, source)


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    return _try(data, normalise_label(best.encoding))


def _check_text(text: str, source: str) -> str:
    if _looks_binary(text):
        raise InputError(f"{source}: binary file (control bytes), not text")
    if not text.strip():
        raise InputError(f"{source}: empty file")
    return text


def _forced_codec(forced: str, source: str) -> str:
    """The Python codec for the user's --encoding (a UTF-8 file may still open with a BOM)."""
    codec = normalise_label(forced)
    if codec is None:
        raise InputError(f"{source}: unknown encoding '{forced}'")
    return "utf-8-sig" if codec == "utf-8" else codec


def sniff_codec(sample: bytes, source: str, forced: str | None = None) -> str:
    """The codec to read a stream with, judged from its first bytes (``sample``): for tables
    read row by row, which are never held whole. The same order as ``decode``; a stream found
    to be UTF-8 that later holds a byte UTF-8 cannot read gets that byte as windows-1252
    (``UTF8_FALLBACK``), as a whole-file read would have chosen windows-1252 for it."""
    if not sample.strip():
        raise InputError(f"{source}: empty file")
    if forced:
        return _forced_codec(forced, source)
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            # the BOM-reading codecs: the mark is read and dropped, not kept as text
            return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                    "utf-32-le": "utf-32", "utf-32-be": "utf-32"}[codec]
    if b"\x00" in sample[:8192]:
        utf16 = _utf16_without_bom(sample)
        if utf16 is None:
            raise InputError(f"{source}: binary file (NUL bytes), not text")
        share_odd = sample[1:4096:2].count(0) > sample[0:4096:2].count(0)
        return "utf-16-le" if share_odd else "utf-16-be"
    try:  # the sample may end inside a character: an incremental decoder allows for that
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        codec = "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:200_000]).best()
        codec = normalise_label(best.encoding) if best is not None else None
        codec = codec or "cp1252"
    text = sample[:4096].decode(codec, "replace")
    if _looks_binary(text):
        raise InputError(f"{source}: binary file (control bytes), not text")
    return codec


UTF8_FALLBACK = "sitrep-cp1252"


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", "replace"), exc.end


codecs.register_error(UTF8_FALLBACK, _cp1252_bytes)


def open_text_stream(path: str, max_bytes: int, forced: str | None = None, sample_size: int = 1 << 20) -> io.TextIOBase:
    """``path`` as text read lazily: decompressed (gzip, bzip2, xz) and decoded as it is read.

    Memory stays bounded whatever the file's size: the caller limits each row it reads.
    ``newline=""``: the csv module reads quoted line breaks and bare carriage returns itself.
    """
    raw = open(path, "rb")  # noqa: SIM115 - handed to the text wrapper, which closes it
    try:
        kind = compression(raw.peek(8)[:8])
        stream: io.BufferedIOBase = raw
        if kind is not None:
            opener = {"gzip": gzip.GzipFile, "bzip2": bz2.BZ2File, "xz": lzma.LZMAFile}[kind]
            stream = io.BufferedReader(opener(raw) if kind != "gzip" else gzip.GzipFile(fileobj=raw), sample_size)
        else:
            stream = io.BufferedReader(raw, sample_size)
        try:
            sample = stream.peek(sample_size)[:sample_size]  # one read: the buffer holds a sample
        except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
            raise InputError(f"{path}: corrupt {kind} data ({exc.__class__.__name__})") from None
        codec = sniff_codec(sample, path, forced)
        errors = UTF8_FALLBACK if codec == "utf-8" else "strict"
        return io.TextIOWrapper(stream, encoding=codec, errors=errors, newline="")
    except BaseException:
        raw.close()
        raise
