"""The web application behind `eventwire serve`: a read-only dashboard and JSON API over one store."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__
from eventwire.web import api, pages
from eventwire.web.queries import Catalog

STATIC = Path(__file__).parent / "static"
MAX_QUERY_STRING = 2048  # bytes; longer query strings are refused before any parsing
SECURITY_HEADERS = [
    # No scripts at all, styles and images only from the app itself: text from articles cannot run.
    (b"content-security-policy", (b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                  b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Guard:
    """ASGI middleware: refuses oversized query strings (414) and adds the security headers to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING:
            refusal = PlainTextResponse(f"query string longer than {MAX_QUERY_STRING} bytes", status_code=414,
                                        headers={k.decode(): v.decode() for k, v in SECURITY_HEADERS})
            await refusal(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi"))


async def invalid_request(request: Request, error: RequestValidationError) -> Response:
    """422 naming each bad parameter and why: JSON for the API, a page for the dashboard."""
    if not wants_html(request):
        return await request_validation_exception_handler(request, error)
    problems = [f"{'.'.join(str(part) for part in e['loc'][1:]) or 'request'}: {e['msg']}" for e in error.errors()]
    return pages.templates.TemplateResponse(
        request, "error.html", {"status": 422, "reason": "Bad parameters", "problems": problems, "api": "/openapi.json"},
        status_code=422)


async def failed_request(request: Request, error: HTTPException) -> Response:
    if not wants_html(request):
        return await http_exception_handler(request, error)
    return pages.templates.TemplateResponse(
        request, "error.html", {"status": error.status_code, "reason": "", "problems": [error.detail],
                                "api": "/openapi.json"}, status_code=error.status_code)


def create_app(db: str | Path) -> FastAPI:
    """The dashboard and API over one store, opened read-only when the app starts.

    db (str | Path): a DuckDB file, or a PostgreSQL connection string (postgresql://...).
    RETURNS (FastAPI): the ASGI app; serve it with uvicorn (`eventwire serve` does).
    """
    from eventwire.store import open_store

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with open_store(str(db), read_only=True) as store:
            app.state.catalog = Catalog(store)
            yield

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events, actors, quotes and negotiation tracks from one eventwire store, read-only. "
                              "Every list is paginated with `limit` and `offset`; bad parameters get a 422 that "
                              "names them.")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, failed_request)
    app.add_middleware(Guard)
    return app
