"""Read-only tables in one memory-mapped file, read in place instead of unpickled.

A large index (the world gazetteer: 255,000 places under 660,000 names) costs about 0.7 s of CPU
to unpickle in every process that loads it: one Python object per name, list of ids and field.
Packed, it opens in milliseconds: a name's ids and a row's fields are read from the file when
asked for, the operating system shares the file's pages between the processes that map it, and a
worker forked from a process that opened it finds it open.

Generic over what is stored: ``PackedNames`` is a ``str -> tuple[int, ...]`` mapping (an open
hash table: CRC-32 of the name's UTF-8, linear probing), ``PackedRows`` a sequence of one
``NamedTuple`` type (a column per field: machine integers or floats when every value of the field
is one, else a table of the field's distinct values and an index into it per row). ``write``
packs them, with any small picklable values, into one file; ``load`` maps it.
"""

from __future__ import annotations

import mmap
import os
import pickle
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

_MAGIC = b"sitrep-packed-1\n"
_NONE_INT = -(2**63)  # an integer column's None


class PackedNames(Mapping):
    """``str -> tuple[int, ...]``, looked up in the file (about a microsecond a name)."""

    def __init__(self, keys: memoryview, key_offsets: memoryview, ids: memoryview, id_offsets: memoryview,
                 slots: memoryview):
        self._keys, self._key_offsets, self._ids, self._id_offsets = keys, key_offsets, ids, id_offsets
        self._slots = slots
        self._mask = len(slots) - 1

    def _find(self, key: object) -> int:
        """The row of ``key``, or -1."""
        if not isinstance(key, str):
            return -1
        raw = key.encode("utf-8", "surrogatepass")
        slot = zlib.crc32(raw) & self._mask
        slots, offsets, keys = self._slots, self._key_offsets, self._keys
        while True:
            row = slots[slot] - 1
            if row < 0:
                return -1
            if keys[offsets[row]:offsets[row + 1]] == raw:
                return row
            slot = (slot + 1) & self._mask

    def _value(self, row: int) -> tuple[int, ...]:
        return tuple(self._ids[self._id_offsets[row]:self._id_offsets[row + 1]])

    def _key(self, row: int) -> str:
        return bytes(self._keys[self._key_offsets[row]:self._key_offsets[row + 1]]).decode("utf-8", "surrogatepass")

    def __getitem__(self, key: str) -> tuple[int, ...]:
        row = self._find(key)
        if row < 0:
            raise KeyError(key)
        return self._value(row)

    def get(self, key: str, default: Any = None) -> Any:
        row = self._find(key)
        return default if row < 0 else self._value(row)

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._key_offsets) - 1

    def __iter__(self) -> Iterator[str]:
        return iter(self._all_keys())

    def items(self) -> Iterator[tuple[str, tuple[int, ...]]]:  # type: ignore[override]
        return zip(self._all_keys(), self.values(), strict=True)

    def values(self) -> Iterator[tuple[int, ...]]:  # type: ignore[override]
        # a walk over every name (a caller deriving its own table) reads the arrays whole, once
        ids, offsets = self._ids.tolist(), self._id_offsets.tolist()
        return map(tuple, map(ids.__getitem__, map(slice, offsets, offsets[1:])))

    def _all_keys(self) -> list[str]:
        text = bytes(self._keys).decode("utf-8", "surrogatepass")
        if text.isascii():  # byte offsets are character offsets
            offsets = self._key_offsets.tolist()
            return list(map(text.__getitem__, map(slice, offsets, offsets[1:])))
        return [self._key(row) for row in range(len(self))]


class PackedRows(Sequence):
    """Rows of one ``NamedTuple`` type, each made from its columns when first asked for and then
    kept (the same few thousand places come back article after article)."""

    def __init__(self, row_type: type, columns: list[tuple[str, Any, Any]], length: int):
        self._make = row_type._make
        self._length = length
        self._columns = columns
        self._getters = [_getter(*column) for column in columns]
        self._made: dict[int, Any] = {}

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: int) -> Any:  # type: ignore[override]
        row = self._made.get(i) if i.__class__ is int else None
        if row is None:
            if isinstance(i, slice):
                return [self[j] for j in range(*i.indices(self._length))]
            i = i.__index__()
            if i < 0:
                i += self._length
            if not 0 <= i < self._length:
                raise IndexError(i)
            row = self._made[i] = self._make([get(i) for get in self._getters])
        return row

    def __iter__(self) -> Iterator[Any]:
        return map(self.__getitem__, range(self._length))

    def tolist(self) -> list:
        """Every row, made at once from whole columns (about 0.6 microseconds a row): for a caller
        that reads most rows, or in tight loops where a list's indexing is worth the rows' memory."""
        columns = [_whole(*column) for column in self._columns]
        return list(map(self._make, zip(*columns, strict=True))) if columns else [self._make(()) for _ in range(self._length)]


def _getter(kind: str, data: Any, values: Any):  # noqa: ANN202 - row -> the field's value
    if kind == "f":
        return data.__getitem__
    if kind == "i":
        return lambda i: None if data[i] == _NONE_INT else data[i]
    return lambda i: values[data[i]]


def _whole(kind: str, data: Any, values: Any) -> list:
    """A column's every value, in row order."""
    if kind == "f":
        return data.tolist()
    if kind == "i":
        return [None if v == _NONE_INT else v for v in data.tolist()]
    return list(map(values.__getitem__, data.tolist()))


def _column(values: list) -> tuple[str, array, list | None]:
    """A column's kind ("f" floats, "i" integers or None, "v" a table of distinct values), its
    array and, for "v", the distinct values (kept apart by type: 1, 1.0 and True stay as given)."""
    types = {type(v) for v in values}
    if types == {float}:
        return "f", array("d", values), None
    if types <= {int, type(None)} and _NONE_INT not in values:
        return "i", array("q", [_NONE_INT if v is None else v for v in values]), None
    distinct: dict[tuple, int] = {}
    codes = array("I", (distinct.setdefault((type(v), v), len(distinct)) for v in values))
    return "v", codes, [v for _, v in distinct]


def write(path: Path, names: Mapping[str, Sequence[int]], rows: Sequence[tuple], extra: Any = None) -> None:
    """Pack ``names`` (name -> row numbers), ``rows`` (one ``NamedTuple`` type) and ``extra`` (small,
    picklable) into ``path``, written whole under another name first (readers never see half)."""
    keys = [k.encode("utf-8", "surrogatepass") for k in names]
    key_offsets, id_offsets, ids = array("Q", [0]), array("Q", [0]), array("I")
    for raw, value in zip(keys, names.values(), strict=True):
        key_offsets.append(key_offsets[-1] + len(raw))
        ids.extend(value)
        id_offsets.append(len(ids))
    size = 1 << max(4, (2 * len(keys) - 1).bit_length())  # at most half full: short probes
    slots = array("I", bytes(4 * size))
    for row, raw in enumerate(keys):
        slot = zlib.crc32(raw) & (size - 1)
        while slots[slot]:
            slot = (slot + 1) & (size - 1)
        slots[slot] = row + 1
    row_type = type(rows[0]) if rows else tuple
    fields = tuple(getattr(row_type, "_fields", ()))
    columns = [_column([r[f] for r in rows]) for f in range(len(fields))]
    blobs: list[bytes | array] = [b"".join(keys), key_offsets, ids, id_offsets, slots, *(c[1] for c in columns)]
    spans, at = [], 0
    for blob in blobs:
        length = len(blob) * blob.itemsize if isinstance(blob, array) else len(blob)
        at += -at % 8
        spans.append((at, length, blob.typecode if isinstance(blob, array) else "B"))
        at += length
    header = pickle.dumps({"spans": spans, "row_type": row_type, "fields": fields, "length": len(rows),
                           "columns": [(kind, values) for kind, _, values in columns], "extra": extra},
                          protocol=pickle.HIGHEST_PROTOCOL)
    start = len(_MAGIC) + 8 + len(header)
    start += -start % 8
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(_MAGIC + len(header).to_bytes(8, "little") + header)
        for (offset, _, _), blob in zip(spans, blobs, strict=True):
            fh.write(bytes(start + offset - fh.tell()))
            fh.write(blob)
    tmp.replace(path)


def load(path: Path) -> tuple[PackedNames, PackedRows, Any]:
    """The names, rows and extra packed in ``path`` by ``write`` (ValueError if it is not such a file)."""
    with path.open("rb") as fh:
        if fh.read(len(_MAGIC)) != _MAGIC:
            raise ValueError(f"{path} is not a packed index")
        header = pickle.loads(fh.read(int.from_bytes(fh.read(8), "little")))
        start = fh.tell()
        start += -start % 8
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    parts = []
    for offset, length, typecode in header["spans"]:
        if start + offset + length > len(mapped):
            raise ValueError(f"{path} is truncated")
        part = view[start + offset:start + offset + length]
        parts.append(part if typecode == "B" else part.cast(typecode))
    if tuple(getattr(header["row_type"], "_fields", ())) != header["fields"]:
        raise ValueError(f"{path} holds rows of another shape")  # the row type's fields changed since
    keys, key_offsets, ids, id_offsets, slots, *data = parts
    names = PackedNames(keys, key_offsets, ids, id_offsets, slots)
    columns = [(kind, column, values) for (kind, values), column in zip(header["columns"], data, strict=True)]
    return names, PackedRows(header["row_type"], columns, header["length"]), header["extra"]
