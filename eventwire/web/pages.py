"""The dashboard's pages: server-rendered HTML from Jinja2 templates with autoescaping, so article text,
titles and URLs are always shown as text. Each page links to the API call that returns its data."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from eventwire.web.api import ArticleId, CatalogDep, Events, Pages, Talks
from eventwire.web.charts import network_chart, timeline_chart
from eventwire.web.filters import ActorFilter, Paging
from eventwire.web.labels import load_labels
from eventwire.web.markup import article_marks, evidence_marks, segments

TEMPLATES = Path(__file__).parent / "templates"
ACTOR_CHOICES = 300  # actor keys offered as suggestions in the filter forms

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def link_url(url: str | None) -> str | None:
    """RETURNS (str | None): the URL when it is safe to link to (http or https), else None (shown as text)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["link_url"] = link_url
    env.globals["labels"] = load_labels()
    return env


templates = Jinja2Templates(env=environment())


def render(request: Request, name: str, api: str, **context: Any) -> HTMLResponse:
    """The template `name` with `context`; `api` is the path of the API call with the page's data."""
    query = request.url.query
    return templates.TemplateResponse(request, name, {"api": f"{api}?{query}" if query else api, **context})


def actor_choices(catalog: CatalogDep) -> list[dict[str, Any]]:
    return catalog.actors(ActorFilter(), Paging(limit=ACTOR_CHOICES)).items


@router.get("/")
def overview(request: Request, catalog: CatalogDep, paging: Pages) -> HTMLResponse:
    return render(request, "overview.html", "/api/articles", counts=catalog.counts(),
                  articles=catalog.articles(paging))


@router.get("/events")
def events(request: Request, catalog: CatalogDep, chosen: Events, paging: Pages) -> HTMLResponse:
    found = catalog.events(chosen, paging)
    mentions = catalog.mentions(row["article_id"] for row in found.items)
    rows = [{**row, "segments": segments(row["evidence"] or "", evidence_marks(row, mentions),
                                         row["evidence_start"] or 0)} for row in found.items]
    return render(request, "events.html", "/api/events", chosen=chosen, found=found, rows=rows,
                  actors=actor_choices(catalog))


@router.get("/timeline")
def timeline(request: Request, catalog: CatalogDep, chosen: Events) -> HTMLResponse:
    rows = catalog.timeline(chosen)
    return render(request, "timeline.html", "/api/timeline", chosen=chosen, chart=timeline_chart(rows),
                  rows=rows, actors=actor_choices(catalog))


@router.get("/network")
def network(request: Request, catalog: CatalogDep, chosen: Events,
            nodes: Annotated[int, Query(ge=2, le=100, description="Most actors to draw.")] = 30) -> HTMLResponse:
    rows = catalog.network(chosen)
    identities = catalog.identities([row["source"] for row in rows] + [row["target"] for row in rows])
    names = {key: identity["name"] for key, identity in identities.items()}
    chart = network_chart(rows, names, load_labels().stance, max_nodes=nodes)
    return render(request, "network.html", "/api/network", chosen=chosen, chart=chart,
                  actors=actor_choices(catalog))


@router.get("/talks")
def talks(request: Request, catalog: CatalogDep, chosen: Talks) -> HTMLResponse:
    return render(request, "talks.html", "/api/talks", chosen=chosen, tracks=catalog.tracks(chosen))


@router.get("/articles/{article_id}")
def article(request: Request, catalog: CatalogDep, article_id: ArticleId) -> HTMLResponse:
    record = catalog.record(article_id)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r} in this store")
    actors = {actor["id"]: actor for actor in record["actors"]}
    return render(request, "article.html", f"/api/articles/{quote(article_id, safe='')}", record=record, actors=actors,
                  segments=segments(record["text"], article_marks(record)))
