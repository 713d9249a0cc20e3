"""Which characters of a text are already claimed by a span: O(span) checks, not O(spans)."""

from __future__ import annotations


class Coverage:
    def __init__(self, length: int):
        self._covered = bytearray(length + 1)

    def overlaps(self, start: int, end: int) -> bool:
        return self._covered.find(1, start, end) != -1

    def add(self, start: int, end: int) -> None:
        self._covered[start:end] = b"\x01" * (end - start)
