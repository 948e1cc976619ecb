"""The server store: a PostgreSQL database named by a postgresql:// URL (psycopg 3).

Same tables and SQL as the DuckDB store; list columns are PostgreSQL arrays and the article sentences
JSONB. Rows go in with COPY. Queries run in read-only transactions. One connection is shared, a
session at a time, so the store can be used from several threads.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pyarrow as pa

from eventwire.store.database import Session, Store, StoreError
from eventwire.store.schema import POSTGRES

# `?` placeholders outside quoted strings and identifiers, and `%` signs that psycopg would read as its own.
_PLACEHOLDER = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")|(\?)|(%)")


def psycopg_sql(sql: str) -> str:
    """SQL written with `?` placeholders, in psycopg's `%s` style."""
    return _PLACEHOLDER.sub(lambda m: m.group(1) or ("%s" if m.group(2) else "%%"), sql)


class PostgresSession(Session):
    def __init__(self, connection: Any) -> None:
        from psycopg.rows import dict_row

        self.cursor = connection.cursor(row_factory=dict_row)

    def run(self, sql: str, params: Sequence[Any] | None) -> None:
        self.cursor.execute(psycopg_sql(sql) if params is not None else sql, params)

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        self.run(sql, params)
        return self.cursor.fetchall()

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        self.run(sql, params)

    def insert(self, table: str, data: pa.Table) -> None:
        from psycopg.types.json import Jsonb

        records = {name for name, type_ in zip(data.column_names, data.schema.types)
                   if pa.types.is_list(type_) and pa.types.is_struct(type_.value_type)}
        columns = ", ".join(f'"{name}"' for name in data.column_names)
        with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in data.to_pylist():
                copy.write_row([Jsonb(value) if name in records and value is not None else value
                                for name, value in row.items()])


class PostgresStore(Store):
    """A store in a PostgreSQL database; its tables are created when missing (unless read-only)."""

    dialect = POSTGRES

    def __init__(self, location: str, read_only: bool = False) -> None:
        super().__init__(location, read_only)
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'eventwire[postgres]'") from None
        self.errors = psycopg.Error
        try:
            self.connection = psycopg.connect(location, autocommit=True, options="-c TimeZone=UTC")
        except psycopg.Error as error:
            raise StoreError(f"{redacted(location)}: cannot connect ({error})") from None
        if read_only:
            self.connection.execute("SET default_transaction_read_only = on")
        self.lock = threading.Lock()
        if not read_only:
            self.create_tables()

    @contextmanager
    def session(self) -> Iterator[PostgresSession]:
        with self.lock:
            try:
                yield PostgresSession(self.connection)
            except self.errors as error:
                raise StoreError(f"{redacted(self.location)}: {error}") from None

    @contextmanager
    def transaction(self) -> Iterator[PostgresSession]:
        with self.session() as session, self.connection.transaction():
            yield session

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        with self.session() as session, self.connection.transaction():
            session.execute("SET TRANSACTION READ ONLY")
            session.run(sql, params)
            names = [column.name for column in session.cursor.description or ()]
            rows = session.cursor.fetchall()
        return pa.table({name: pa.array([row[name] for row in rows]) for name in names})

    def close(self) -> None:
        self.connection.close()


def redacted(location: str) -> str:
    """A postgresql:// URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", location)
