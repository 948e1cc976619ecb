"""The JSON API, under /api: the same data as the pages, for programs. Its OpenAPI schema is /openapi.json."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from eventwire.web.filters import ActorFilter, EventFilter, Key, Paging, QuoteFilter, TalksFilter
from eventwire.web.queries import Catalog
from eventwire.web.schemas import ActorSummary, ArticleSummary, Counts, DayCount, EventRow, Page, PairCount, QuoteRow

router = APIRouter(prefix="/api", tags=["data"])


def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog


CatalogDep = Annotated[Catalog, Depends(get_catalog)]
Events = Annotated[EventFilter, Query()]
Pages = Annotated[Paging, Query()]
Talks = Annotated[TalksFilter, Query()]
ArticleId = Annotated[Key, Path(description="The article's id.")]


@router.get("/articles", response_model=Page[ArticleSummary])
def articles(catalog: CatalogDep, paging: Pages) -> dict[str, Any]:
    """Articles in the store, newest first, with how many actors, events and quotes were found in each."""
    return catalog.articles(paging).to_dict()


@router.get("/articles/{article_id}")
def article(catalog: CatalogDep, article_id: ArticleId) -> dict[str, Any]:
    """One article's canonical record: the JSON Lines record of `eventwire extract`."""
    record = catalog.record(article_id)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id!r} in this store")
    return record


@router.get("/events", response_model=Page[EventRow])
def events(catalog: CatalogDep, chosen: Events, paging: Pages) -> dict[str, Any]:
    """Events (rows of the events table), latest first, filtered by actor, dyad, code, dates and text."""
    return catalog.events(chosen, paging).to_dict()


@router.get("/actors", response_model=Page[ActorSummary])
def actors(catalog: CatalogDep, chosen: Annotated[ActorFilter, Query()], paging: Pages) -> dict[str, Any]:
    """Resolved actors by key, most mentioned first."""
    return catalog.actors(chosen, paging).to_dict()


@router.get("/quotes", response_model=Page[QuoteRow])
def quotes(catalog: CatalogDep, chosen: Annotated[QuoteFilter, Query()], paging: Pages) -> dict[str, Any]:
    """Quotes and attributions, by article and position."""
    return catalog.quotes(chosen, paging).to_dict()


@router.get("/counts", response_model=Counts)
def counts(catalog: CatalogDep) -> dict[str, Any]:
    """Rows per table, and events per quad class, CAMEO root and PLOVER type."""
    return catalog.counts()


@router.get("/timeline", response_model=list[DayCount])
def timeline(catalog: CatalogDep, chosen: Events) -> list[dict[str, Any]]:
    """Matching events per day and quad class."""
    return catalog.timeline(chosen)


@router.get("/network", response_model=list[PairCount])
def network(catalog: CatalogDep, chosen: Events) -> list[dict[str, Any]]:
    """Who acts on whom over the matching events: counts per source key, target key and quad class."""
    return catalog.network(chosen)


@router.get("/talks")
def talks(catalog: CatalogDep, chosen: Talks) -> list[dict[str, Any]]:
    """Negotiation tracks built from the stored articles (`TalksTrack` records): subject, venue, parties,
    mediators, status timeline, positions and next round, each with the sentences that report it."""
    return catalog.tracks(chosen)
