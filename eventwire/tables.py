"""The tabular form of article records: one row per article, actor, event and quote.

The store, the exports and the Spark batch job all write these tables, so their columns are defined
once, here, as Arrow schemas. `flatten` turns a canonical record (`ArticleRecord.to_dict()`) into
rows; `assemble` turns the rows of one article back into the canonical record, so anything read
from a store has the same shape as `eventwire extract` output. Column names are a contract, like
the JSON keys: add columns, never rename them.

Events carry the keys, names, countries and sectors of their sources and targets besides the actor
ids, so a query on the events table alone can group by dyad without a join.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

STRINGS = pa.list_(pa.string())
SPANS = pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32())]))  # character ranges of the text

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("published", pa.date32()),
    ("text", pa.string()),
    ("sentences", SPANS),
    # provenance: what coded the article, so results can be reproduced
    ("eventwire_version", pa.string()),
    ("model", pa.string()),
    ("lexicon", pa.string()),
    ("coded_at", pa.timestamp("s", tz="UTC")),
])

ACTORS = pa.schema([
    ("article_id", pa.string()),
    ("actor_id", pa.string()),
    ("text", pa.string()),
    ("start", pa.int32()),
    ("end", pa.int32()),
    ("key", pa.string()),
    ("name", pa.string()),
    ("country", pa.string()),
    ("sector", pa.string()),
    ("cameo_code", pa.string()),
    ("type", pa.string()),
    ("kb_id", pa.string()),
    ("refers_to", pa.string()),  # the actor id of a pronoun's or description's antecedent
])

EVENTS = pa.schema([
    ("article_id", pa.string()),
    ("event_id", pa.string()),
    ("published", pa.date32()),
    ("sentence", pa.int32()),
    ("evidence", pa.string()),  # the sentence the event was coded from
    ("evidence_start", pa.int32()),
    ("evidence_end", pa.int32()),
    ("trigger_text", pa.string()),
    ("trigger_start", pa.int32()),
    ("trigger_end", pa.int32()),
    ("source", STRINGS),  # actor ids within the article
    ("target", STRINGS),
    ("source_keys", STRINGS),  # the same actors' keys, names, countries and sectors, in the same order
    ("target_keys", STRINGS),
    ("source_names", STRINGS),
    ("target_names", STRINGS),
    ("source_countries", STRINGS),
    ("target_countries", STRINGS),
    ("source_sectors", STRINGS),
    ("target_sectors", STRINGS),
    ("source_codes", STRINGS),  # CAMEO actor codes
    ("target_codes", STRINGS),
    ("cameo", pa.string()),
    ("cameo_root", pa.string()),
    ("plover", pa.string()),
    ("plover_mode", pa.string()),
    ("quad_class", pa.int8()),
    ("goldstein", pa.float64()),
    ("negated", pa.bool_()),
    ("modality", pa.string()),
    ("reported_by", pa.string()),
    ("date", pa.string()),  # ISO date, or an ISO interval "start/end" for "next week"
    ("location_name", pa.string()),
    ("location_country", pa.string()),
    ("location_lat", pa.float64()),
    ("location_lon", pa.float64()),
    ("confidence", pa.float64()),
])

QUOTES = pa.schema([
    ("article_id", pa.string()),
    ("quote_id", pa.string()),
    ("speaker", pa.string()),
    ("speaker_text", pa.string()),
    ("speaker_key", pa.string()),
    ("speakers", STRINGS),
    ("speaker_span_text", pa.string()),  # where the speaker is named ("he"), which speaker_text resolves
    ("speaker_start", pa.int32()),
    ("speaker_end", pa.int32()),
    ("cue_text", pa.string()),
    ("cue_start", pa.int32()),
    ("cue_end", pa.int32()),
    ("content_text", pa.string()),
    ("content_start", pa.int32()),
    ("content_end", pa.int32()),
    ("kind", pa.string()),
    ("source_text", pa.string()),  # the whole phrase standing for the source ("A 2014 study that appeared in ...")
    ("source_start", pa.int32()),
    ("source_end", pa.int32()),
    ("content_parts", SPANS),  # the pieces of a content its cue interrupts, else empty
])

SCHEMAS: dict[str, pa.Schema] = {"articles": ARTICLES, "actors": ACTORS, "events": EVENTS, "quotes": QUOTES}
# What coded a record (the keys of `Extractor.provenance`); the articles table adds when (`coded_at`).
PROVENANCE = ("eventwire_version", "model", "lexicon")


def now() -> datetime:
    """The current time as provenance records it: UTC, whole seconds."""
    return datetime.now(UTC).replace(microsecond=0)


def flatten(record: dict[str, Any], provenance: dict[str, Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of one canonical record, by table name.

    provenance (dict | None): values for the articles table's provenance columns
        (eventwire_version, model, lexicon, coded_at).
    """
    article_id = record["id"]
    published = date.fromisoformat(record["published"]) if record.get("published") else None
    text = record["text"]
    sentences = record.get("sentences", [])
    actors = {actor["id"]: actor for actor in record.get("actors", [])}
    article = {"article_id": article_id, "title": record.get("title"), "url": record.get("url"),
               "published": published, "text": text, "sentences": sentences}
    article.update({name: (provenance or {}).get(name) for name in (*PROVENANCE, "coded_at")})

    def about(ids: list[str], field: str) -> list[str | None]:
        return [actors.get(actor_id, {}).get(field) for actor_id in ids]

    events = []
    for event in record.get("events", []):
        sentence = sentences[event["sentence"]] if 0 <= event["sentence"] < len(sentences) else None
        location = event.get("location") or {}
        row = {"article_id": article_id, "event_id": event["id"], "published": published,
               "sentence": event["sentence"],
               "evidence": text[sentence["start"]:sentence["end"]] if sentence else None,
               "evidence_start": sentence["start"] if sentence else None,
               "evidence_end": sentence["end"] if sentence else None,
               "trigger_text": event["trigger"]["text"], "trigger_start": event["trigger"]["start"],
               "trigger_end": event["trigger"]["end"], "source": event["source"], "target": event["target"],
               "location_name": location.get("name"), "location_country": location.get("country"),
               "location_lat": location.get("lat"), "location_lon": location.get("lon")}
        for role in ("source", "target"):
            for field, column in (("key", "keys"), ("name", "names"), ("country", "countries"),
                                  ("sector", "sectors"), ("cameo_code", "codes")):
                row[f"{role}_{column}"] = about(event[role], field)
        row.update({name: event.get(name) for name in (
            "cameo", "cameo_root", "plover", "plover_mode", "quad_class", "goldstein", "negated", "modality",
            "reported_by", "date", "confidence")})
        events.append(row)

    quotes = []
    for quote in record.get("quotes", []):
        span, source = quote.get("speaker_span") or {}, quote.get("source_span") or {}
        quotes.append({
            "article_id": article_id, "quote_id": quote["id"], "speaker": quote.get("speaker"),
            "speaker_text": quote.get("speaker_text"),
            "speaker_key": actors.get(quote.get("speaker"), {}).get("key"),
            "speakers": quote.get("speakers", []), "speaker_span_text": span.get("text"),
            "speaker_start": span.get("start"),
            "speaker_end": span.get("end"), "cue_text": quote["cue"]["text"], "cue_start": quote["cue"]["start"],
            "cue_end": quote["cue"]["end"], "content_text": quote["content"]["text"],
            "content_start": quote["content"]["start"], "content_end": quote["content"]["end"],
            "kind": quote["kind"], "source_text": source.get("text"), "source_start": source.get("start"),
            "source_end": source.get("end"),
            "content_parts": [{"start": part["start"], "end": part["end"]} for part in quote.get("content_parts", [])]})

    actor_rows = [{"article_id": article_id, "actor_id": actor["id"],
                   **{name: actor.get(name) for name in ACTORS.names[2:]}} for actor in actors.values()]
    return {"articles": [article], "actors": actor_rows, "events": events, "quotes": quotes}


def assemble(article: dict[str, Any], actors: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]],
             quotes: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The canonical record of one article from its rows (the inverse of `flatten`)."""
    published = article.get("published")
    record = {"id": article["article_id"], "title": article.get("title"), "url": article.get("url"),
              "published": published.isoformat() if isinstance(published, date) else published,
              "text": article["text"],
              "sentences": [{"start": s["start"], "end": s["end"]} for s in article.get("sentences") or []]}
    record["actors"] = [{"id": row["actor_id"], **{name: row.get(name) for name in ACTORS.names[2:]}}
                        for row in actors]
    record["events"] = []
    for row in events:
        location = ({"name": row["location_name"], "country": row.get("location_country"),
                     "lat": row.get("location_lat"), "lon": row.get("location_lon")}
                    if row.get("location_name") else None)
        record["events"].append({
            "id": row["event_id"], "sentence": row["sentence"],
            "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
            "source": list(row.get("source") or []), "target": list(row.get("target") or []),
            **{name: row.get(name) for name in ("cameo", "cameo_root", "plover", "plover_mode", "quad_class")},
            "goldstein": row.get("goldstein"), "negated": bool(row.get("negated")),
            "modality": row.get("modality"), "reported_by": row.get("reported_by"), "date": row.get("date"),
            "location": location, "confidence": row.get("confidence")})
    record["quotes"] = [{
        "id": row["quote_id"], "speaker": row.get("speaker"), "speaker_text": row.get("speaker_text"),
        "cue": {"text": row["cue_text"], "start": row["cue_start"], "end": row["cue_end"]},
        "content": {"text": row["content_text"], "start": row["content_start"], "end": row["content_end"]},
        "kind": row["kind"], "speakers": list(row.get("speakers") or []),
        "speaker_span": ({"text": row["speaker_span_text"], "start": row["speaker_start"], "end": row["speaker_end"]}
                         if row.get("speaker_start") is not None else None),
        "source_span": ({"text": row["source_text"], "start": row["source_start"], "end": row["source_end"]}
                        if row.get("source_start") is not None else None),
        "content_parts": [{"text": article["text"][part["start"]:part["end"]], "start": part["start"],
                           "end": part["end"]} for part in row.get("content_parts") or []]} for row in quotes]
    return record


def to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of a named table as an Arrow table with that table's schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])
