"""The embedded store: one DuckDB file (the default, `eventwire.duckdb`).

Rows go in as Arrow tables registered with DuckDB (no row-by-row inserts). A store opened read-only opens
the file read-only, and each session uses its own cursor, so a web server can read from several threads.
DuckDB lets one process write a file at a time: a second writer gets a `StoreError` saying so.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.store.database import Session, Store, StoreError
from eventwire.store.schema import DUCKDB

READING = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class DuckDBSession(Session):
    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self.cursor = cursor

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        result = self.cursor.execute(sql, params)
        names = [column[0] for column in result.description]
        return [dict(zip(names, row)) for row in result.fetchall()]

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        self.cursor.execute(sql, params)

    def insert(self, table: str, data: pa.Table) -> None:
        self.cursor.register("incoming_rows", data)
        try:
            self.cursor.execute(f"INSERT INTO {table} SELECT * FROM incoming_rows")
        finally:
            self.cursor.unregister("incoming_rows")


class DuckDBStore(Store):
    """A store in a DuckDB file, created when missing (unless read-only)."""

    dialect = DUCKDB

    def __init__(self, location: str, read_only: bool = False) -> None:
        super().__init__(location, read_only)
        if read_only and not Path(location).exists():
            raise StoreError(f"{location}: no such store")
        try:
            self.connection = duckdb.connect(location, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{location}: cannot open the store ({error})") from None
        if not read_only:
            self.create_tables()

    @contextmanager
    def session(self) -> Iterator[DuckDBSession]:
        cursor = self.connection.cursor()
        try:
            cursor.execute("SET TimeZone = 'UTC'")
            yield DuckDBSession(cursor)
        except duckdb.InterruptException:  # Ctrl-C while DuckDB was working
            raise KeyboardInterrupt from None
        except duckdb.Error as error:
            raise StoreError(f"{self.location}: {error}") from None
        finally:
            cursor.close()

    @contextmanager
    def transaction(self) -> Iterator[DuckDBSession]:
        with self.session() as session:
            session.cursor.begin()
            try:
                yield session
            except BaseException:
                with suppress(duckdb.Error):  # an interrupted transaction may be rolled back already
                    session.cursor.rollback()
                raise
            session.cursor.commit()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as error:
            raise StoreError(f"bad SQL: {error}") from None
        if len(statements) != 1 or statements[0].type not in READING:
            raise StoreError("a query must be one SELECT statement (the store is read-only to queries)")
        with self.session() as session:
            return session.cursor.sql(sql, params=params).to_arrow_table()

    def close(self) -> None:
        self.connection.close()
