"""`eventwire serve`: a local dashboard and JSON API over a store. `create_app(db)` builds the ASGI app."""
from eventwire.web.app import create_app

__all__ = ["create_app"]
