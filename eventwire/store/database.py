"""`Store`: article records in a database, the same interface over DuckDB and PostgreSQL.

A store holds the record tables of `eventwire.tables` (articles, actors, events, quotes) and its own
(`eventwire.store.schema`). Writing is by whole articles, one transaction per `write` call, so a
crash loses at most the call in progress. Reading gives back canonical record dicts (the shape of
`ArticleRecord.to_dict()`) or, through `query`, Arrow tables from read-only SQL.

Backends implement `Session` (run SQL, insert an Arrow table) and how to open one; everything else is here.
SQL parameters are written `?` for both backends.
"""
from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from itertools import groupby
from typing import Any, Self

import numpy as np
import pyarrow as pa

from eventwire.store.schema import ALL_SCHEMAS, ARTICLE_TABLES, COLUMNS, Dialect
from eventwire.store.stories import StoryIndex, StoryMember, bands, signature
from eventwire.tables import PROVENANCE, SCHEMAS, assemble, flatten, now

READ_BATCH = 500  # articles assembled per round trip in `records`
CHILDREN = {"actors": "actor_id", "events": "event_id", "quotes": "quote_id"}


class StoreError(RuntimeError):
    """The store cannot be opened or cannot do what was asked (locked file, bad SQL, read-only store)."""


class Session(ABC):
    """One connection's view of the store, inside or outside a transaction."""

    @abstractmethod
    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run SQL. RETURNS (list[dict]): the result rows, by column name."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run SQL that returns nothing."""

    @abstractmethod
    def insert(self, table: str, data: pa.Table) -> None:
        """Append an Arrow table whose columns are those of `table`, in order."""


class Store(ABC):
    """A store of article records. Use as a context manager, or call `close()`.

    location (str): a DuckDB file path or a postgresql:// URL.
    read_only (bool): open without the right to write (several readers may share the store).
    """

    dialect: Dialect

    def __init__(self, location: str, read_only: bool = False) -> None:
        self.location, self.read_only = location, read_only

    # --- what a backend provides ---

    @abstractmethod
    def session(self) -> AbstractContextManager[Session]:
        """A session for reading (safe to use from several threads at once, one session each)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Session]:
        """A session whose work is committed together at the end, or not at all."""

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Run read-only SQL (SELECT) over the store's tables and views.

        sql (str): one SELECT statement; parameters are written `?`.
        RETURNS (pa.Table): the result.
        RAISES (StoreError): for SQL that does not read, or that the database rejects.
        """

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def create_tables(self) -> None:
        """Create what is missing of the store's tables, indexes and views."""
        with self.transaction() as session:
            for statement in self.dialect.create_statements():
                session.execute(statement)

    # --- writing ---

    def write(self, records: Iterable[dict[str, Any]], provenance: dict[str, Any] | None = None) -> int:
        """Store article records and their stories, in one transaction.

        records (Iterable[dict]): canonical record dicts (`ArticleRecord.to_dict()`). An article already
            stored is left as it is (replace it by calling `delete` first); of repeated ids, the first counts.
        provenance (dict | None): what coded the records (`Extractor.provenance`: eventwire_version, model,
            lexicon); `coded_at` defaults to now.
        RETURNS (int): how many articles were added.
        """
        self.check_writable()
        unique: dict[str, dict[str, Any]] = {}
        for record in records:
            unique.setdefault(record["id"], record)
        provenance = {"coded_at": now(), **(provenance or {})}
        with self.transaction() as session:
            stored = self.stored_ids(session, list(unique))
            new = [record for article_id, record in unique.items() if article_id not in stored]
            if not new:
                return 0
            rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for record in new:
                for table, table_rows in flatten(record, provenance).items():
                    rows[table].extend(table_rows)
            for member, keys in self.assign_stories(session, new):
                rows["stories"].append(member.to_row())
                rows["story_bands"].extend({"article_id": member.article_id, "band": band, "bucket": bucket}
                                           for band, bucket in keys)
            for table, table_rows in rows.items():
                if table_rows:
                    session.insert(table, pa.Table.from_pylist(table_rows, schema=ALL_SCHEMAS[table]))
        return len(new)

    def assign_stories(self, session: Session,
                       records: list[dict[str, Any]]) -> list[tuple[StoryMember, list[tuple[int, int]]]]:
        """The story of each new record, among stored articles and the records before it, with the
        (band, bucket) pairs of its signature."""
        signatures = [signature(record["text"]) for record in records]
        record_keys = [bands(values) for values in signatures]
        keys = {key for pairs in record_keys for key in pairs}
        found = session.rows(
            "SELECT s.article_id, s.story_id, s.signature, b.band, b.bucket FROM story_bands b "
            "JOIN (SELECT unnest(?::SMALLINT[]) AS band, unnest(?::BIGINT[]) AS bucket) k "
            "ON b.band = k.band AND b.bucket = k.bucket JOIN stories s ON s.article_id = b.article_id",
            [[band for band, _ in keys], [bucket for _, bucket in keys]])
        members: dict[str, StoryMember] = {}
        for row in found:
            if row["article_id"] not in members:
                members[row["article_id"]] = StoryMember(row["article_id"], row["story_id"],
                                                         np.array(row["signature"], dtype=np.int64))
        index = StoryIndex((members[row["article_id"]], row["band"], row["bucket"]) for row in found)
        return [(index.assign(record["id"], values, pairs), pairs)
                for record, values, pairs in zip(records, signatures, record_keys)]

    def delete(self, ids: Iterable[str]) -> int:
        """Remove articles and everything coded from them. RETURNS (int): how many were stored."""
        self.check_writable()
        ids = list(dict.fromkeys(ids))
        with self.transaction() as session:
            stored = self.stored_ids(session, ids)
            for table in ARTICLE_TABLES:
                session.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        return len(stored)

    def start_run(self, command: str, provenance: dict[str, Any]) -> str:
        """Record the start of an ingest run. RETURNS (str): the run id."""
        run_id = uuid.uuid4().hex[:12]
        row = {"run_id": run_id, "started_at": now(), "status": "running", "command": command,
               **{name: provenance.get(name) for name in PROVENANCE}}
        with self.transaction() as session:
            session.insert("runs", pa.Table.from_pylist([row], schema=ALL_SCHEMAS["runs"]))
        return run_id

    def finish_run(self, run_id: str, status: str, stored: int, skipped: int, failed: int) -> None:
        """Record how a run ended."""
        with self.transaction() as session:
            session.execute("UPDATE runs SET finished_at = ?, status = ?, stored = ?, skipped = ?, failed = ? "
                            "WHERE run_id = ?", [now(), status, stored, skipped, failed, run_id])

    def record_errors(self, run_id: str, errors: Iterable[dict[str, Any]]) -> None:
        """Record input errors (`InputError.to_dict()`), replacing earlier errors of the same inputs."""
        rows = [{"run_id": run_id, "input": error["input"], "code": error["code"], "reason": error["reason"],
                 "recorded_at": now()} for error in errors]
        if not rows:
            return
        with self.transaction() as session:
            session.execute("DELETE FROM errors WHERE input IN (SELECT unnest(?::VARCHAR[]))",
                            [[row["input"] for row in rows]])
            session.insert("errors", pa.Table.from_pylist(rows, schema=ALL_SCHEMAS["errors"]))

    def check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: the store was opened read-only")

    # --- reading ---

    def has(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored."""
        with self.session() as session:
            return self.stored_ids(session, list(ids))

    @staticmethod
    def stored_ids(session: Session, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = session.rows("SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                            [ids])
        return {row["article_id"] for row in rows}

    def records(self, article_ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Canonical record dicts, by article id (all articles, or those named that are stored)."""
        if article_ids is None:
            with self.session() as session:
                ids = [row["article_id"] for row in session.rows("SELECT article_id FROM articles ORDER BY 1")]
        else:
            ids = sorted(set(article_ids))
        for start in range(0, len(ids), READ_BATCH):
            yield from self.assemble_records(ids[start:start + READ_BATCH])

    def assemble_records(self, ids: list[str]) -> Iterator[dict[str, Any]]:
        where = "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
        with self.session() as session:
            articles = session.rows(f"SELECT {COLUMNS['articles']} FROM articles {where} ORDER BY article_id",
                                    [ids])
            # child ids are numbered in record order (a1, a2, ..., a10): order by length, then text
            children = {table: {article: list(rows) for article, rows in groupby(session.rows(
                f"SELECT {COLUMNS[table]} FROM {table} {where} ORDER BY article_id, length({key}), {key}", [ids]),
                key=lambda row: row["article_id"])} for table, key in CHILDREN.items()}
        for article in articles:
            article_id = article["article_id"]
            yield assemble(article, *(children[table].get(article_id, []) for table in CHILDREN))

    def counts(self) -> dict[str, int]:
        """Rows per table: the record tables and `stories` (logs such as `errors` and `runs` are left out)."""
        with self.session() as session:
            return {table: session.rows(f"SELECT count(*) AS n FROM {table}")[0]["n"]
                    for table in (*SCHEMAS, "stories")}
