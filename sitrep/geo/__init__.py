"""Geoparsing: toponyms in any text, resolved to GeoNames places anywhere on Earth.

    >>> import sitrep
    >>> [t.name for t in sitrep.geoparse("Floods hit Paris, Texas, and Lamar County on Monday.")]
    ['Paris', 'Texas', 'Lamar County']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sitrep.geo.gazetteer import GeoEntry, GeoIndex, geo_index
from sitrep.geo.recognise import Mention, recognise
from sitrep.geo.resolve import Context, resolve

__all__ = ["Context", "Toponym", "geoparse", "resolve_spans"]


@dataclass
class Toponym:
    start: int
    end: int
    text: str  # the words in the document
    name: str | None = None  # the gazetteer's name for the place (None: not resolved)
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    fclass: str | None = None  # GeoNames feature class (A, P, L, H, ...)
    fcode: str | None = None  # GeoNames feature code (PCLI, ADM1, ADM2, PPL, PPLC, CONT, ...)
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # name of the first-level division
    admin1_code: str | None = None  # GeoNames admin1 code
    precision: str | None = None  # continent/country/region/admin1/admin2/city/water/road/point
    demonym: bool = False  # "Turkish": tells the country, names no place
    source: str = "gazetteer"  # "ner" (spaCy entity) or "gazetteer" or "demonym"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _toponym(m: Mention, e: GeoEntry | None, index: GeoIndex) -> Toponym:
    t = Toponym(m.start, m.end, m.text, demonym=m.source == "demonym", source=m.source)
    if e is not None:
        t.name, t.geonameid, t.lat, t.lon = e.name, e.geonameid, round(e.lat, 5), round(e.lon, 5)
        t.fclass, t.fcode, t.country, t.precision = e.fclass, e.fcode, e.country, e.kind
        t.admin1_code = e.admin1
        t.admin1 = index.admin1_name(e.country, e.admin1) if e.kind not in ("country", "continent") else None
    return t


def geoparse(text: str, context: Context | dict | None = None, ner: bool = False) -> list[Toponym]:
    """Toponyms in ``text``, in order, each resolved to a place or left unresolved (``name`` None).

    ``context``: a ``Context`` or a dict with ``country`` (the outlet's country, ISO code) and
    ``countries`` (ISO -> weight). ``ner=True`` adds spaCy's entity recogniser (GPE/LOC/FAC places,
    PERSON/ORG names kept out): about ten times slower, and no better on the news corpora measured.
    """
    if isinstance(context, dict):
        context = Context(country=context.get("country"), countries=context.get("countries"))
    index = geo_index()
    mentions = recognise(text, index, use_ner=ner)
    # a gazetteer match left unresolved was only ever a capitalised word that spells a hamlet
    return [_toponym(m, e, index) for m, e in resolve(text, mentions, index, context)
            if e is not None or m.source != "gazetteer"]


def resolve_spans(text: str, spans: list[tuple[int, int]], context: Context | dict | None = None) -> list[Toponym]:
    """Resolve given toponym spans (a scorer's gold spans, another recogniser's output)."""
    if isinstance(context, dict):
        context = Context(country=context.get("country"), countries=context.get("countries"))
    index = geo_index()
    mentions = [Mention(s, e, text[s:e], "ner") for s, e in sorted(spans)]
    return [_toponym(m, e, index) for m, e in resolve(text, mentions, index, context)]
