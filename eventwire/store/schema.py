"""The store's tables: the four record tables of `eventwire.tables`, and the store's own.

Record tables (`articles`, `actors`, `events`, `quotes`) have exactly the columns of
`eventwire.tables.SCHEMAS`. The store adds:

- `stories`: the story (set of near-duplicate articles, e.g. syndicated copies of one wire report) each
  article belongs to, with the MinHash signature that decided it;
- `story_bands`: the locality-sensitive hash bands of each signature, to find candidate copies by lookup;
- `errors`: the latest error of each input that could not be stored;
- `runs`: one row per `eventwire ingest` run, with what coded it and how it ended;
- the view `story_events`: one row per event per story (copies of a story count an event once), with
  `num_mentions`, `num_articles` and `num_sources` (the GDELT 2.0 counts); exports and analyses read it.

SQL here is written once for DuckDB and PostgreSQL (both read `?::TYPE[]` casts, `unnest`, `split_part`,
`array_to_string`); each backend gives its own type names through `Dialect`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from eventwire.tables import SCHEMAS

TIMESTAMP = pa.timestamp("s", tz="UTC")

STORIES = pa.schema([("article_id", pa.string()), ("story_id", pa.string()),
                     ("signature", pa.list_(pa.int64()))])
STORY_BANDS = pa.schema([("article_id", pa.string()), ("band", pa.int16()), ("bucket", pa.int64())])
ERRORS = pa.schema([("run_id", pa.string()), ("input", pa.string()), ("code", pa.string()),
                    ("reason", pa.string()), ("recorded_at", TIMESTAMP)])
RUNS = pa.schema([("run_id", pa.string()), ("started_at", TIMESTAMP), ("finished_at", TIMESTAMP),
                  ("status", pa.string()), ("command", pa.string()), ("eventwire_version", pa.string()),
                  ("model", pa.string()), ("lexicon", pa.string()), ("stored", pa.int64()),
                  ("skipped", pa.int64()), ("failed", pa.int64())])

STORE_SCHEMAS: dict[str, pa.Schema] = {"stories": STORIES, "story_bands": STORY_BANDS, "errors": ERRORS,
                                       "runs": RUNS}
ALL_SCHEMAS: dict[str, pa.Schema] = {**SCHEMAS, **STORE_SCHEMAS}
# The quoted column list of each record table, to SELECT its columns in the order of `eventwire.tables`.
COLUMNS: dict[str, str] = {name: ", ".join(f'"{column}"' for column in schema.names)
                           for name, schema in SCHEMAS.items()}
# Tables whose rows belong to one article (deleted with it).
ARTICLE_TABLES = (*SCHEMAS, "stories", "story_bands")
INDEXES = {"actors": "article_id", "events": "article_id", "quotes": "article_id", "stories": "article_id",
           "story_bands": "bucket"}


@dataclass(frozen=True)
class Dialect:
    """How one database spells the column types of the Arrow schemas."""

    scalars: dict[pa.DataType, str]
    records: str  # a list of structs (article sentences)

    def type_of(self, arrow_type: pa.DataType) -> str:
        if pa.types.is_list(arrow_type):
            item = arrow_type.value_type
            return self.records if pa.types.is_struct(item) else f"{self.scalars[item]}[]"
        return self.scalars[arrow_type]

    def create_table(self, name: str, schema: pa.Schema) -> str:
        columns = ", ".join(f'"{field.name}" {self.type_of(field.type)}' for field in schema)
        key = ", PRIMARY KEY (article_id)" if name == "articles" else ""
        return f"CREATE TABLE IF NOT EXISTS {name} ({columns}{key})"

    def create_statements(self) -> list[str]:
        """DDL for every table, index and view of the store, safe to run on an existing store."""
        statements = [self.create_table(name, schema) for name, schema in ALL_SCHEMAS.items()]
        # a store made by an earlier version gains the columns added since (at the end of each table)
        statements += [f'ALTER TABLE {name} ADD COLUMN IF NOT EXISTS "{field.name}" {self.type_of(field.type)}'
                       for name, schema in ALL_SCHEMAS.items() for field in schema]
        statements += [f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table} ({column})"
                       for table, column in INDEXES.items()]
        return [*statements, "DROP VIEW IF EXISTS story_events", f"CREATE VIEW story_events AS {STORY_EVENTS}"]


SCALARS = {pa.string(): "VARCHAR", pa.date32(): "DATE", pa.int8(): "SMALLINT", pa.int16(): "SMALLINT",
           pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.float64(): "DOUBLE PRECISION", pa.bool_(): "BOOLEAN",
           TIMESTAMP: "TIMESTAMPTZ"}
DUCKDB = Dialect(scalars=SCALARS, records='STRUCT("start" INTEGER, "end" INTEGER)[]')
POSTGRES = Dialect(scalars=SCALARS, records="JSONB")

# The identity of an event across the copies of a story: what was done, by whom, to whom, and whether it was
# negated. Event ids and sentence numbers differ between copies; these do not.
EVENT_KEY = ("concat_ws('|', e.cameo, array_to_string(e.source_codes, ';'), "
             "array_to_string(e.target_codes, ';'), CAST(e.negated AS VARCHAR))")
# Where an article was published: the host of its URL, or the article itself when it has no URL.
SOURCE_NAME = "coalesce(nullif(split_part(split_part(a.url, '://', 2), '/', 1), ''), a.article_id)"
# The event's own date when it is one day, else the article's publication date.
EVENT_DAY = "CASE WHEN length(e.date) = 10 THEN CAST(e.date AS DATE) ELSE e.published END"

STORY_EVENTS = f"""
WITH mentions AS (
    SELECT e.*, s.story_id, {EVENT_KEY} AS event_key, {EVENT_DAY} AS day, a.url, a.coded_at,
           {SOURCE_NAME} AS source_name
    FROM events e
    JOIN articles a ON a.article_id = e.article_id
    JOIN stories s ON s.article_id = e.article_id
), counted AS (
    SELECT story_id, event_key, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
           count(DISTINCT source_name) AS num_sources
    FROM mentions GROUP BY story_id, event_key
), ranked AS (
    SELECT m.*, row_number() OVER (PARTITION BY story_id, event_key
                                   ORDER BY published, article_id, sentence, event_id) AS mention
    FROM mentions m
)
SELECT r.*, c.num_mentions, c.num_articles, c.num_sources
FROM ranked r JOIN counted c ON c.story_id = r.story_id AND c.event_key = r.event_key
WHERE r.mention = 1
"""
