"""sitrep.packed: a packed index reads back exactly what was written, from the mapped file."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from sitrep import packed


class Row(NamedTuple):
    name: str
    lat: float
    code: int | None
    level: object  # a float in one row, an int in another: each comes back as written
    flag: bool = False


class Shape(NamedTuple):
    name: str


ROWS = [Row("Ariha", 35.81, 170000, 3.0), Row("Idlib", 35.93, None, 3, True), Row("Ariha", -1.5, 0, "x")]
NAMES = {"ariha": (0, 2), "idlib": (1,), "édlib": (1,), "ma'arrat al-nu'man": (), "a" * 300: (2, 1, 0)}


@pytest.fixture
def index(tmp_path):
    path = tmp_path / "index.packed"
    packed.write(path, NAMES, ROWS, {"max_words": 4, "countries": {"SY": 1}})
    return packed.load(path)


def test_names_read_back(index):
    names, _, _ = index
    assert dict(names.items()) == NAMES
    assert list(names) == list(NAMES)  # in the order written
    assert len(names) == len(NAMES)
    for key, ids in NAMES.items():
        assert key in names and names[key] == ids and names.get(key) == ids
    assert "aleppo" not in names and names.get("aleppo", ()) == () and names.get("aleppo") is None
    assert 3 not in names
    with pytest.raises(KeyError):
        names["aleppo"]


def test_rows_keep_their_values_and_types(index):
    _, rows, extra = index
    assert len(rows) == 3 and list(rows) == ROWS
    for got, want in zip(rows, ROWS, strict=True):
        assert type(got) is Row
        assert [type(v) for v in got] == [type(v) for v in want]
    assert rows[-1] == ROWS[-1] and rows[1:] == ROWS[1:]
    assert rows[0] is rows[0]  # made once
    whole = rows.tolist()
    assert whole == ROWS and [[type(v) for v in r] for r in whole] == [[type(v) for v in r] for r in ROWS]
    with pytest.raises(IndexError):
        rows[3]
    assert extra == {"max_words": 4, "countries": {"SY": 1}}


def test_many_names_probe_past_collisions(tmp_path):
    names = {f"town {i}": (i, i + 1) for i in range(5000)}
    path = tmp_path / "many.packed"
    packed.write(path, names, [Row(str(i), 0.0, i, 0) for i in range(5001)])
    mapped, rows, _ = packed.load(path)
    assert all(mapped[k] == v for k, v in names.items())
    assert sum(f"town {i}" in mapped for i in range(5000, 6000)) == 0
    assert rows[4321].code == 4321


def test_a_file_of_another_shape_or_cut_short_is_refused(tmp_path):
    path = tmp_path / "index.packed"
    packed.write(path, NAMES, ROWS)

    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError):
        packed.load(path)
    path.write_bytes(b"not an index")
    with pytest.raises(ValueError):
        packed.load(path)
    packed.write(path, NAMES, [Shape("Ariha")])
    assert list(packed.load(path)[1]) == [Shape("Ariha")]
    Shape._fields = ("name", "lat")  # the row type gained a field since the file was written
    try:
        with pytest.raises(ValueError):
            packed.load(path)
    finally:
        Shape._fields = ("name",)
