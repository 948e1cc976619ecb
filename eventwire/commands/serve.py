"""The `serve` command: the dashboard and JSON API over a store."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console


def serve(
    db: Annotated[str, typer.Option("--db", help="The store: a DuckDB file, or a postgresql:// URL.")],
    host: Annotated[str, typer.Option("--host", help="Interface to listen on; the default serves this machine "
                                      "only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve a read-only dashboard (events, timeline, actor network, talks, articles) and a JSON API over a store.

    Pages are at http://HOST:PORT/, the API under /api/ and its OpenAPI schema at /openapi.json.
    """
    import uvicorn

    from eventwire.cli import usage_errors
    from eventwire.store import StoreError, open_store
    from eventwire.web import create_app

    errors = Console(stderr=True, soft_wrap=True)
    with usage_errors(errors, (StoreError,)):  # fail here, with the store's message, not in the server's startup
        open_store(db, read_only=True).close()
    errors.print(f"eventwire: serving {db} on http://{host}:{port}/ (Ctrl+C to stop)", markup=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI app."""
    app.command()(serve)
