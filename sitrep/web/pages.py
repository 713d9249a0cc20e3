"""Server-rendered pages: the map and timeline, an event, an article, search, framing, API docs.

Templates are Jinja2 with autoescaping always on; no template marks a value safe.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from sitrep import __version__, queries
from sitrep.web import views
from sitrep.web.api import IDENT, FilterDep, Sort, StoreDep, Text
from sitrep.web.app import HERE

router = APIRouter(include_in_schema=False)

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(version=__version__, actor_text=views.actor_text, killed_text=views.killed_text)

FILTER_FIELDS = ("type", "acled_type", "actor", "outlet", "place", "admin1", "bbox", "since", "until", "multi",
                 "contradicted")


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status_code)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status, title=f"{status}", status=status, message=message)


def _filter_params(request: Request) -> dict[str, str]:
    """The filter fields of this request's query string, to carry into links and the map's fetch."""
    return {k: v for k, v in request.query_params.items() if k in FILTER_FIELDS and v}


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request, st: StoreDep, where: FilterDep, sort: Sort = "date",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
) -> HTMLResponse:
    params = _filter_params(request)
    page = queries.events_page(st, where, sort, limit, cursor)
    chart = views.timeline_chart(queries.timeline(st, where))
    query = urlencode(params)
    more = urlencode({**params, "sort": sort, "limit": limit, "cursor": page.next}) if page.next else None
    return render(
        "index.html", title="Events", where=where, params=params, sort=sort, query=query,
        events=[e.to_dict() for e in page.events], more=more, chart=chart,
        day_link=lambda d: "?" + urlencode({**params, "since": d, "until": d}),
        event_types=views.event_types(), acled_types=views.ACLED_TYPES,
        outlets=st.outlet_names(),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(st: StoreDep, event_id: Annotated[str, PathParam(pattern=IDENT)]) -> HTMLResponse:
    found = queries.find_event(st, event_id)
    if found is None:
        raise HTTPException(404, f"no single event with id starting '{event_id}'")
    event = queries.event_detail(st, found)
    return render("event.html", title=views.event_headline(event), event=event,
                  columns=views.source_columns(event), rows=views.SOURCE_ROWS)


@router.get("/articles", response_class=HTMLResponse)
def search_page(
    st: StoreDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    outlet: Text = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> HTMLResponse:
    rows = st.articles(query=q or None, outlet=outlet or None, limit=limit)
    return render("articles.html", title="Search" if q else "Articles", q=q or "", outlet=outlet or "",
                  articles=rows, outlets=st.outlet_names())


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(st: StoreDep, article_id: Annotated[str, PathParam(pattern=IDENT)]) -> HTMLResponse:
    row = st.article(article_id)
    if row is None:
        raise HTTPException(404, f"no single article with id starting '{article_id}'")
    mentions = row["mentions"]
    return render("article.html", title=row["title"] or row["id"], article=row,
                  segments=views.highlighted(row["text"], mentions),
                  records=[views.mention_fields(m) for m in mentions])


@router.get("/framing", response_class=HTMLResponse)
def framing_page(request: Request, st: StoreDep, actor: Text = None, outlet: Text = None) -> HTMLResponse:
    table = views.framing_rows(request.app.state.sitrep, st, actor, outlet)
    return render("framing.html", title="Framing", table=table, matrix=views.framing_matrix(table["labels"]), actor=actor or "", outlet=outlet or "",
                  outlets=st.outlet_names())


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "description": p.get("description")
                       or p.get("schema", {}).get("pattern") or "", "required": p.get("required", False)}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params, "body": "requestBody" in op})
    return render("docs.html", title="API", endpoints=endpoints,
                  writable=request.app.state.sitrep.writable)
