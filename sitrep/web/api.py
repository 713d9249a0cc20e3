"""The JSON API: thin routes over ``sitrep.queries`` and the store (no SQL from the client)."""

from __future__ import annotations

import json
import queue
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from sitrep import queries
from sitrep.queries import EventFilter
from sitrep.render import json_line
from sitrep.store.base import Store

router = APIRouter(prefix="/api")

Sort = Literal["date", "-date", "-killed", "-outlets"]
# patterns accept "" too: a filter form sends its empty fields, and empty means "any"
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
NUMBER = r"-?\d{1,3}(\.\d{1,8})?"
BBOX = rf"^({NUMBER},{NUMBER},{NUMBER},{NUMBER})?$"
IDENT = r"^[0-9A-Za-z]{4,64}$"  # an id or a unique prefix of one
Text = Annotated[str | None, Query(max_length=200)]


class PlainJSON(JSONResponse):
    """JSON as UTF-8; text holding a lone surrogate (possible in stored text) is written with
    ``\\u`` escapes instead of failing."""

    def render(self, content: Any) -> bytes:
        try:
            return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(content, separators=(",", ":")).encode("ascii")


def as_json(content: Any) -> JSONResponse:
    """Records are plain JSON already: sent as they are, without FastAPI's per-value encoding
    (which costs more than the query on a page of events)."""
    return PlainJSON(content)


def settings(request: Request) -> Any:
    return request.app.state.sitrep


def store(request: Request) -> Iterator[Store]:
    """The store for one request, borrowed from the app's pool."""
    with request.app.state.sitrep.pool.borrow() as borrowed:
        yield borrowed


StoreDep = Annotated[Store, Depends(store)]


def event_filter(
    type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{0,40}$", description="PLOVER type, e.g. ASSAULT")] = None,
    acled_type: Annotated[str | None, Query(max_length=80, description="ACLED event type of any of its reports, e.g. Battles")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Words of an actor's name or label (prefixes)")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Reported by this outlet (whole name)")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Words of a place or governorate name (prefixes)")] = None,
    admin1: Annotated[str | None, Query(max_length=200, description="Governorate / province (whole name)")] = None,
    bbox: Annotated[str | None, Query(pattern=BBOX, description="west,south,east,north in degrees")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="From this date (YYYY[-MM[-DD]])")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Up to this date, inclusive")] = None,
    multi: Annotated[bool, Query(description="Only events reported by two outlets or more")] = False,
    contradicted: Annotated[bool, Query(description="Only events whose sources disagree")] = False,
) -> EventFilter:
    box = None
    if bbox:
        west, south, east, north = (float(v) for v in bbox.split(","))
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise HTTPException(422, "bbox: west and east within ±180, south ≤ north within ±90")
        box = (west, south, east, north)
    return EventFilter(type=type or None, acled_type=acled_type or None, actor=actor or None, outlet=outlet or None,
                       place=place or None, admin1=admin1 or None, bbox=box, since=since or None,
                       until=until or None, multi=multi, contradicted=contradicted)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events", summary="Fused events, filtered, sorted and paged")
def list_events(
    st: StoreDep, where: FilterDep,
    sort: Sort = "date",
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 50,
    cursor: Annotated[str | None, Query(max_length=400, description="The previous page's 'next'")] = None,
) -> JSONResponse:
    page = queries.events_page(st, where, sort, limit, cursor)
    return as_json({"events": [e.to_dict() for e in page.events], "next": page.next})


@router.get("/events/{event_id}", summary="One event with each source's version and the contradictions")
def get_event(st: StoreDep, event_id: Annotated[str, PathParam(pattern=IDENT)]) -> JSONResponse:
    found = queries.find_event(st, event_id)
    if found is None:
        raise HTTPException(404, f"no single event with id starting '{event_id}'")
    return as_json(queries.event_detail(st, found))


@router.get("/map", summary="Located events as GeoJSON points (for the map)")
def map_points(
    st: StoreDep, where: FilterDep,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_POINTS)] = queries.MAX_POINTS,
) -> JSONResponse:
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [p["longitude"], p["latitude"]]},
        "properties": {k: p[k] for k in ("id", "type", "date", "location", "admin1", "killed_min", "killed_max",
                                         "n_outlets", "n_contradictions")},
    } for p in queries.event_points(st, where, limit)]
    return as_json({"type": "FeatureCollection", "features": features})


POINT_FIELDS = ["id", "lat", "lon", "disputed"]


@router.get("/points", summary="Located events as compact points [id, lat, lon, disputed] (the map's first load)")
def compact_points(
    request: Request, st: StoreDep, where: FilterDep,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_POINTS)] = queries.MAX_POINTS,
) -> Response:
    """One short array per event, only what the map draws: a tenth of ``/api/map``'s bytes. The
    map asks ``/api/map`` (with a small ``bbox``) for the details of the events a reader clicks.
    Coordinates are rounded to 5 decimals (about a metre); ``disputed`` is 1 when sources disagree.
    The answer is kept per filter until the database changes."""
    def make() -> bytes:
        rows = queries.compact_points(st, where, limit)
        points = [[ident, round(lat, 5), round(lon, 5), 1 if disputed else 0] for ident, lat, lon, disputed in rows]
        return PlainJSON({"fields": POINT_FIELDS, "points": points, "truncated": len(rows) >= limit}).body

    key = json.dumps([where.__dict__, limit], sort_keys=True, default=str)
    return Response(settings(request).cached_points(key, make), media_type="application/json")


@router.get("/timeline", summary="Matching events counted by day and type")
def get_timeline(st: StoreDep, where: FilterDep) -> JSONResponse:
    return as_json({"counts": queries.timeline(st, where)})


@router.get("/articles", summary="Stored articles; full-text search with q")
def list_articles(
    st: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search")] = None,
    outlet: Text = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> JSONResponse:
    return as_json({"articles": st.articles(query=q or None, outlet=outlet or None, limit=limit)})


@router.get("/articles/{article_id}", summary="One article: text, its records and their evidence offsets")
def get_article(st: StoreDep, article_id: Annotated[str, PathParam(pattern=IDENT)]) -> JSONResponse:
    row = st.article(article_id)
    if row is None:
        raise HTTPException(404, f"no single article with id starting '{article_id}'")
    return as_json(row)


@router.get("/outlets", summary="Outlets with their article counts")
def list_outlets(st: StoreDep) -> dict[str, Any]:
    return {"outlets": st.outlet_summary()}


@router.get("/framing", summary="How each outlet labels each actor, and loaded language per outlet")
def get_framing(request: Request, st: StoreDep, actor: Text = None, outlet: Text = None) -> dict[str, Any]:
    from sitrep.web.views import framing_rows

    return framing_rows(settings(request), st, actor, outlet)


EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


@router.get("/export", summary="Matching events exported (streamed): csv, acled, geojson or jsonl")
def export(
    request: Request, where: FilterDep,
    format: Literal["csv", "acled", "geojson", "jsonl"] = "csv",
) -> StreamingResponse:
    media, suffix = EXPORT_TYPES[format]
    pool = settings(request).pool
    return StreamingResponse(_stream_export(pool, where, format), media_type=media,
                             headers={"content-disposition": f'attachment; filename="sitrep-events.{suffix}"'})


class _Cancelled(Exception):
    pass


def _stream_export(pool: Any, where: EventFilter, fmt: str) -> Iterator[str]:
    """The export writer runs in a thread of its own, handing text over through a small queue,
    so that a response of any size streams with flat memory; a client that goes away stops it."""
    from sitrep.store.export import write

    chunks: queue.Queue[str | None | BaseException] = queue.Queue(maxsize=64)
    cancelled = threading.Event()

    class Out:
        def __init__(self) -> None:
            self.buffer: list[str] = []
            self.size = 0

        def write(self, text: str) -> int:
            self.buffer.append(text)
            self.size += len(text)
            if self.size >= 64_000:
                self.flush()
            return len(text)

        def flush(self) -> None:
            if self.buffer:
                put("".join(self.buffer))
                self.buffer, self.size = [], 0

    def put(item: str | None | BaseException) -> None:
        while True:
            if cancelled.is_set():
                raise _Cancelled
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def produce() -> None:
        try:
            with pool.borrow() as st:
                out = Out()
                write(queries.iter_events(st, where), st.mention_records, fmt, out)
                out.flush()
            put(None)
        except _Cancelled:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the response, which ends there
            try:
                put(exc)
            except _Cancelled:
                pass

    worker = threading.Thread(target=produce, name="sitrep-export", daemon=True)
    worker.start()
    try:
        while True:
            item = chunks.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        cancelled.set()


# -- writes: only with the token given at start-up ------------------------------------------

def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    conf = settings(request)
    if not conf.writable:
        raise HTTPException(403, "this server is read-only: start 'sitrep serve' with --token or SITREP_TOKEN to allow writes")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not conf.token_matches(given.strip()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed", {"www-authenticate": "Bearer"})


class TextInput(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=DATE)
    url: str | None = Field(None, max_length=2000)


class FileInput(BaseModel):
    name: str = Field(min_length=1, max_length=200, description="File name; its suffix says how to read it")
    content: str = Field(max_length=20_000_000)


class IngestRequest(BaseModel):
    texts: list[TextInput] = Field(default_factory=list, max_length=10_000)
    urls: list[str] = Field(default_factory=list, max_length=1000)
    files: list[FileInput] = Field(default_factory=list, max_length=100)
    fuse: bool = True


SUFFIXES = {".txt", ".html", ".htm", ".csv", ".jsonl", ".json", ".xml", ".warc", ".md"}


@router.post("/ingest", summary="Ingest texts, URLs or files, extract and (by default) fuse (token needed)",
             dependencies=[Depends(require_token)])
def post_ingest(request: Request, body: IngestRequest) -> dict[str, Any]:
    from sitrep.config import IngestOptions
    from sitrep.fuse.events import fuse_store
    from sitrep.ingest.run import ingest
    from sitrep.pipeline import default_pipeline

    if not (body.texts or body.urls or body.files):
        raise HTTPException(422, "nothing to ingest: give texts, urls or files")
    options = IngestOptions(text_column="text", title_column="title", date_column="published",
                            outlet_column="outlet", url_column="url")
    pipeline = default_pipeline()
    with tempfile.TemporaryDirectory(prefix="sitrep-ingest-") as tmp:
        inputs: list[str] = []
        if body.texts:
            path = Path(tmp) / "texts.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for item in body.texts:
                    fh.write(json_line(item.model_dump()) + "\n")
            inputs.append(str(path))
        for i, item in enumerate(body.files):
            suffix = Path(item.name).suffix.lower()
            if suffix not in SUFFIXES:
                raise HTTPException(422, f"files[{i}]: a file name ending in one of {', '.join(sorted(SUFFIXES))}")
            path = Path(tmp) / f"file{i}{suffix}"  # the client's name is not used as a path
            path.write_text(item.content, encoding="utf-8", errors="surrogatepass")
            inputs.append(str(path))
        inputs += body.urls
        with settings(request).pool.borrow() as st:
            report = ingest(inputs, st, options, extractor=pipeline.extract_article, version=pipeline.version)
            fused = fuse_store(st).__dict__ if body.fuse else None
    return {"added": report.added, "duplicates": report.duplicates, "mentions": report.mentions,
            "failures": [f.to_dict() for f in report.failures], "fusion": fused}


@router.post("/fuse", summary="Fuse the mentions not yet in an event (token needed)",
             dependencies=[Depends(require_token)])
def post_fuse(st: StoreDep) -> dict[str, Any]:
    from sitrep.fuse.events import fuse_store

    return dict(fuse_store(st).__dict__)


@router.get("/health", summary="The server answers, and what it serves")
def health(request: Request, st: StoreDep) -> dict[str, Any]:
    return {"ok": True, "events": st.count("events"), "articles": st.count("articles"),
            "writable": settings(request).writable}


__all__ = ["router"]
