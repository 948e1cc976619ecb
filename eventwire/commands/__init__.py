"""Commands that live beside their stage, each module registering its own on the CLI app.

`eventwire.cli` holds the article-level commands (extract, actors, quotes, evaluate) and the helpers
they share; the modules here add the store (ingest, export, query), talks, the web app (serve) and
batch runs.
"""
from __future__ import annotations

import typer

from eventwire.commands import batch, serve, store, talks


def register_commands(app: typer.Typer) -> None:
    for module in (store, talks, serve, batch):
        module.register(app)
