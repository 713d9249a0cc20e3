"""The FastAPI application: a JSON API under ``/api`` and server-rendered pages, over one store.

Everything the app shows comes from ``sitrep.queries`` and the Store protocol, as the CLI's
commands do. Article text is untrusted: templates escape every value (Jinja2 autoescape), the
pages carry a Content-Security-Policy that allows scripts from this server only (no inline
script, no ``eval``), the map's script builds popups from text nodes, and nothing is fetched
from another origin. Reads need nothing; writes need the token given at start-up.
"""

from __future__ import annotations

import hmac
import os
import queue
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep import __version__
from sitrep.errors import SitrepError
from sitrep.store.base import Store, display_url, is_postgres, open_store, resolve_db

HERE = Path(__file__).parent
TOKEN_ENV = "SITREP_TOKEN"

# Scripts, styles, images and data from this server only; no inline script or style, no eval,
# no plugins, no framing, forms post back here only.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


class StorePool:
    """A few open stores shared by the request threads; each request borrows one for itself.

    A store's connection is used by one thread at a time (SQLite connections and psycopg
    connections are not meant to run two queries at once).
    """

    def __init__(self, db: str, size: int = 4):
        self.db = db
        self.size = size
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._all: list[Store] = []

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        store = self.take()
        try:
            yield store
        finally:
            self.give(store)

    def take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opened < self.size:
                self._opened += 1
                try:
                    store = open_store(self.db)
                except BaseException:
                    self._opened -= 1
                    raise
                self._all.append(store)
                return store
        try:
            return self._idle.get(timeout=30)
        except queue.Empty:
            raise StarletteHTTPException(503, "the server is busy: every database connection is in use") from None

    def give(self, store: Store) -> None:
        self._idle.put(store)

    def close(self) -> None:
        for store in self._all:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing at shutdown: nothing left to tell
                pass
        self._all.clear()


class Settings:
    """What ``create_app`` was given; the routes read it from ``request.app.state.sitrep``."""

    def __init__(self, db: str, token: str | None, pool: StorePool):
        self.db = db
        self.token = token or None
        self.pool = pool
        self.framing_cache: dict[str, Any] = {}
        self.framing_lock = threading.Lock()
        self.points_cache: OrderedDict[str, tuple[tuple, bytes]] = OrderedDict()
        self.points_lock = threading.Lock()

    def data_version(self) -> tuple | None:
        """Something that changes whenever the database does, or None when that cannot be told
        cheaply: for a SQLite file, the size and modification time of the file and its WAL (every
        commit writes to one of them); PostgreSQL is not cached."""
        if is_postgres(resolve_db(self.db)):
            return None
        try:
            main = os.stat(self.db)
        except OSError:
            return None
        try:
            wal = os.stat(f"{self.db}-wal")
            wal_version = (wal.st_size, wal.st_mtime_ns)
        except OSError:
            wal_version = None
        return (main.st_size, main.st_mtime_ns, wal_version)

    def cached_points(self, key: str, make: Any, most: int = 8) -> bytes:
        """The map's compact points for one filter, as JSON bytes, made again only when the
        database has changed (the map's first load is the page's slowest answer)."""
        version = self.data_version()
        if version is not None:
            with self.points_lock:
                hit = self.points_cache.get(key)
                if hit is not None and hit[0] == version:
                    self.points_cache.move_to_end(key)
                    return hit[1]
        body = make()
        if version is not None:
            with self.points_lock:
                self.points_cache[key] = (version, body)
                self.points_cache.move_to_end(key)
                while len(self.points_cache) > most:
                    self.points_cache.popitem(last=False)
        return body

    @property
    def writable(self) -> bool:
        return self.token is not None

    def token_matches(self, given: str) -> bool:
        """Constant-time comparison: how long it takes says nothing about how much matched."""
        if self.token is None:
            return False
        return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), self.token.encode("utf-8", "surrogatepass"))


# What a reader's first visit asks for: the front page and the map's points for no filter
WARM_PATHS = ("/", "/api/points?")


async def warm_up(app: FastAPI) -> None:
    """Answer the first visit's requests once, in-process, before the server takes connections:
    templates compiled, modules imported, the database's pages read and the unfiltered map
    points cached, so that the first reader does not wait for them (``sitrep serve``)."""
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://warm-up") as client:
        for path in WARM_PATHS:
            await client.get(path)


def create_app(db: str, token: str | None = None, pool_size: int = 4, warm: bool = False) -> FastAPI:
    """The app serving ``db`` (a SQLite path or a ``postgresql://`` URL).

    Without ``token`` the app is read-only; with it, ``POST /api/ingest`` and ``POST /api/fuse``
    accept requests carrying ``Authorization: Bearer <token>``. With ``warm``, the app answers a
    first visit's requests once at start-up (``warm_up``), before it listens.
    """
    from sitrep.web import api, pages

    pool = StorePool(db, pool_size)
    with pool.borrow():  # fail at start-up, not at the first request, if the database cannot be opened
        pass

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        if warm:
            await warm_up(app)
        yield
        pool.close()

    app = FastAPI(
        title="sitrep",
        version=__version__,
        description=f"Fused conflict events, their sources and contradictions, from {display_url(db)}.",
        # FastAPI's own docs pages load scripts from a CDN: the app has its own page at /api instead
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.sitrep = Settings(db, token, pool)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        if _has_nul(request.scope.get("query_string", b"")):
            # no filter or search means anything with NUL in it, and PostgreSQL refuses it in text
            response = _error(request, 400, "NUL characters are not allowed in a query")
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/") and "cache-control" not in response.headers:
            response.headers["cache-control"] = "no-store"
        return response

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError):  # noqa: ANN202
        return _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):  # noqa: ANN202
        response = _error(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):  # noqa: ANN202
        if _wants_html(request):
            problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
            return _error(request, 422, problems or "invalid request")
        return JSONResponse({"detail": _plain_errors(exc.errors())}, status_code=422)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _has_nul(query: bytes) -> bool:
    return b"\x00" in query or b"%00" in query.lower()


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json", "/static/"))


def _plain_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors as JSON-safe dicts (the rejected input itself is not echoed back)."""
    return [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg")), "type": str(e.get("type"))}
            for e in errors]


def _error(request: Request, status: int, message: str) -> HTMLResponse | JSONResponse:
    if _wants_html(request):
        from sitrep.web.pages import render_error

        return render_error(request, status, message)
    return JSONResponse({"detail": message}, status_code=status)
