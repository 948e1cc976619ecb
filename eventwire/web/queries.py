"""What the API and the pages read from the store: filtered, paginated queries over its tables.

Every query goes through `store.query(sql, params)` with the user's values as parameters, never formatted
into the SQL text. The SQL keeps to what DuckDB and PostgreSQL both accept.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.model import TalksTrack
from eventwire.store.database import Store
from eventwire.tables import ARTICLES, SCHEMAS
from eventwire.web.filters import ActorFilter, EventFilter, Paging, QuoteFilter, TalksFilter

TRACK_CACHE = 32  # sets of talks tracks kept, by the day they stand on
# The day an event is counted on: its own date (the start of an interval), else the article's.
DAY = "coalesce(substr(date, 1, 10), CAST(published AS VARCHAR))"
SUMMARY_EXCLUDED = ("text", "sentences")  # the article columns an article summary leaves out
ARTICLE_SUMMARY = (", ".join(name for name in ARTICLES.names if name not in SUMMARY_EXCLUDED) + ", "
                   "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events, "
                   "(SELECT count(*) FROM actors m WHERE m.article_id = a.article_id) AS actors, "
                   "(SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS quotes")


@dataclass
class Slice:
    """One page of a longer list: `total` rows matched, `items` are those from `offset` on."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def contains(text: str) -> str:
    """A LIKE pattern (with backslash as the escape character) matching values that contain `text`."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(conditions: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def event_conditions(chosen: EventFilter) -> tuple[list[str], list[Any]]:
    """RETURNS (tuple[list[str], list]): SQL conditions on the events table and their parameters."""
    conditions: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        conditions.append(sql)
        params.extend(values)

    if chosen.actor:
        add("(? = ANY(source_keys) OR ? = ANY(target_keys))", chosen.actor, chosen.actor)
    if chosen.source:
        add("? = ANY(source_keys)", chosen.source)
    if chosen.target:
        add("? = ANY(target_keys)", chosen.target)
    for column in ("cameo_root", "plover", "quad_class"):
        if getattr(chosen, column) is not None:
            add(f"{column} = ?", getattr(chosen, column))
    if chosen.since:
        add(f"{DAY} >= ?", chosen.since.isoformat())
    if chosen.until:
        add(f"{DAY} <= ?", chosen.until.isoformat())
    if chosen.q:
        add("evidence ILIKE ? ESCAPE '\\'", contains(chosen.q))
    if chosen.article:
        add("article_id = ?", chosen.article)
    return conditions, params


class Catalog:
    """Read-only views over one store, shared by the server's threads (a store reads from several threads).

    store (Store): an open store (`eventwire.store.open_store(..., read_only=True)`).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.tracks_lock = threading.Lock()
        self.built_tracks: dict[date | None, list[TalksTrack]] = {}

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return self.store.query(sql, list(params)).to_pylist()

    def page(self, table: str, columns: str, conditions: list[str], params: list[Any], order: str,
             paging: Paging) -> Slice:
        [count] = self.rows(f"SELECT count(*) AS n FROM {table}{where(conditions)}", params)
        items = self.rows(f"SELECT {columns} FROM {table}{where(conditions)} ORDER BY {order} LIMIT ? OFFSET ?",
                          [*params, paging.limit, paging.offset])
        return Slice(count["n"], paging.limit, paging.offset, items)

    def articles(self, paging: Paging) -> Slice:
        """RETURNS (Slice): articles, newest first, without their text, with counts of what was found."""
        return self.page("articles a", ARTICLE_SUMMARY, [], [], "published DESC NULLS LAST, article_id", paging)

    def record(self, article_id: str) -> dict[str, Any] | None:
        """RETURNS (dict | None): the canonical record of one article, None when the store lacks it."""
        records = list(self.store.records([article_id]))
        return records[0] if records else None

    def events(self, chosen: EventFilter, paging: Paging) -> Slice:
        """RETURNS (Slice): matching events, latest day first, in text order within an article."""
        conditions, params = event_conditions(chosen)
        return self.page("events", f"*, {DAY} AS day", conditions, params,
                         "day DESC, article_id, trigger_start", paging)

    def mentions(self, article_ids: Iterable[str]) -> dict[tuple[str, str], dict[str, Any]]:
        """RETURNS (dict): the actor rows of these articles by (article id, actor id)."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.rows(f"SELECT * FROM actors WHERE article_id IN ({marks})", ids)
        return {(row["article_id"], row["actor_id"]): row for row in rows}

    def actors(self, chosen: ActorFilter, paging: Paging) -> Slice:
        """RETURNS (Slice): resolved actors by key, most mentioned first, with the name, country and type of
        their most common mention that is not a person, and how many mentions and articles they have."""
        conditions, params = [], []
        if chosen.q:
            conditions.append("(key ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\')")
            params += [contains(chosen.q)] * 2
        if chosen.country:
            conditions.append("country = ?")
            params.append(chosen.country)
        chosen_keys = f" AND key IN (SELECT key FROM actors{where(conditions)})" if conditions else ""
        grouped = ("(SELECT key, count(*) AS mentions, count(DISTINCT article_id) AS articles FROM actors "
                   f"WHERE key IS NOT NULL{chosen_keys} GROUP BY key) AS grouped")
        found = self.page(grouped, "*", [], params, "mentions DESC, key", paging)
        identities = self.identities(row["key"] for row in found.items)
        found.items = [{"key": row["key"], **identities.get(row["key"], {}), "mentions": row["mentions"],
                        "articles": row["articles"]} for row in found.items]
        return found

    def identities(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """RETURNS (dict): for each actor key, the {name, country, type} of its most common mention, preferring
        mentions that are not persons (a person's key is their affiliation's)."""
        keys = sorted(set(keys))
        if not keys:
            return {}
        marks = ", ".join("?" for _ in keys)
        rows = self.rows("SELECT key, name, country, type, count(*) AS n FROM actors "
                         f"WHERE key IN ({marks}) AND name IS NOT NULL GROUP BY key, name, country, type "
                         "ORDER BY key, type IS NOT DISTINCT FROM 'person', n DESC, name", keys)
        found: dict[str, dict[str, Any]] = {}
        for row in rows:
            found.setdefault(row["key"], {"name": row["name"], "country": row["country"], "type": row["type"]})
        return found

    def quotes(self, chosen: QuoteFilter, paging: Paging) -> Slice:
        """RETURNS (Slice): matching quotes, by article and position."""
        conditions, params = [], []
        if chosen.speaker:
            conditions.append("speaker_key = ?")
            params.append(chosen.speaker)
        if chosen.article:
            conditions.append("article_id = ?")
            params.append(chosen.article)
        if chosen.q:
            conditions.append("content_text ILIKE ? ESCAPE '\\'")
            params.append(contains(chosen.q))
        return self.page("quotes", "*", conditions, params, "article_id, content_start", paging)

    def counts(self) -> dict[str, Any]:
        """RETURNS (dict): rows per table, and events per quad class, CAMEO root and PLOVER type."""
        tables = {table: n for table, n in self.store.counts().items() if table in SCHEMAS}

        def per(column: str) -> dict[str, int]:
            rows = self.rows(f"SELECT {column} AS value, count(*) AS n FROM events WHERE {column} IS NOT NULL "
                             f"GROUP BY {column} ORDER BY {column}")
            return {str(row["value"]): row["n"] for row in rows}

        return {"tables": tables, "quad_class": per("quad_class"), "cameo_root": per("cameo_root"),
                "plover": per("plover")}

    def timeline(self, chosen: EventFilter) -> list[dict[str, Any]]:
        """RETURNS (list[dict]): events per day and quad class ({day, quad_class, events}), by day."""
        conditions, params = event_conditions(chosen)
        return self.rows(f"SELECT {DAY} AS day, quad_class, count(*) AS events FROM events{where(conditions)} "
                         "GROUP BY 1, 2 ORDER BY 1, 2", params)

    def network(self, chosen: EventFilter) -> list[dict[str, Any]]:
        """RETURNS (list[dict]): who acts on whom, {source, target, quad_class, events}, one row per pair of
        resolved actor keys and quad class, over the matching events."""
        conditions, params = event_conditions(chosen)
        conditions += ["s.key IS NOT NULL", "t.key IS NOT NULL", "s.key <> t.key"]
        return self.rows("SELECT s.key AS source, t.key AS target, quad_class, count(*) AS events "
                         "FROM events, unnest(source_keys) AS s(key), unnest(target_keys) AS t(key)"
                         f"{where(conditions)} GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3", params)

    def tracks(self, chosen: TalksFilter) -> list[dict[str, Any]]:
        """RETURNS (list[dict]): the negotiation tracks of the stored articles (`TalksTrack.to_dict()`) that
        match the subject, most recently reported first. The store is read-only while served, so the tracks
        as of each day are built once."""
        from eventwire.talks import build_tracks, matching

        with self.tracks_lock:
            if chosen.as_of not in self.built_tracks:
                if len(self.built_tracks) >= TRACK_CACHE:
                    self.built_tracks.pop(next(iter(self.built_tracks)))
                self.built_tracks[chosen.as_of] = build_tracks(self.store.records(), as_of=chosen.as_of)
            tracks = self.built_tracks[chosen.as_of]
        return [track.to_dict() for track in matching(tracks, chosen.subject)]
