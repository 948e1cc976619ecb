"""Store: article records in an embedded DuckDB file or a PostgreSQL database, behind one interface.

    from eventwire.store import open_store
    with open_store("eventwire.duckdb") as store:
        store.write(records, provenance)
        store.counts()
"""
from __future__ import annotations

from eventwire.store.database import Store, StoreError

DEFAULT_STORE = "eventwire.duckdb"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(location: str = DEFAULT_STORE, read_only: bool = False) -> Store:
    """Open a store, creating its tables when it is new (unless read-only).

    location (str): a DuckDB file path, or a postgresql:// URL.
    read_only (bool): open without the right to write; several readers may share the store.
    RETURNS (Store): the store; use it as a context manager to close it.
    RAISES (StoreError): when the store cannot be opened.
    """
    if str(location).startswith(POSTGRES_SCHEMES):
        from eventwire.store.postgres_store import PostgresStore

        return PostgresStore(str(location), read_only)
    from eventwire.store.duckdb_store import DuckDBStore

    return DuckDBStore(str(location), read_only)


__all__ = ["DEFAULT_STORE", "Store", "StoreError", "open_store"]
