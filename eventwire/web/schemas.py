"""The shapes of the JSON API's answers, for its OpenAPI schema.

Rows of the store's tables are described from the Arrow schemas of `eventwire.tables`, so a column added
there appears in the API without being declared twice.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, TypeVar

import pyarrow as pa
from pydantic import BaseModel, create_model

from eventwire.tables import ARTICLES, EVENTS, QUOTES
from eventwire.web.queries import SUMMARY_EXCLUDED

T = TypeVar("T")


def python_type(arrow_type: pa.DataType) -> Any:
    """RETURNS: the Python type of a value of an Arrow column (nullable)."""
    if pa.types.is_list(arrow_type):
        return list[python_type(arrow_type.value_type)] | None
    for test, kind in ((pa.types.is_string, str), (pa.types.is_date, date), (pa.types.is_timestamp, datetime),
                       (pa.types.is_integer, int), (pa.types.is_floating, float), (pa.types.is_boolean, bool)):
        if test(arrow_type):
            return kind | None
    return dict[str, Any] | None


def row_model(name: str, schema: pa.Schema, exclude: tuple[str, ...] = (), **extra: Any) -> type[BaseModel]:
    """RETURNS (type[BaseModel]): a model with one optional field per column of `schema`, plus `extra`."""
    fields = {f.name: (python_type(f.type), None) for f in schema if f.name not in exclude}
    return create_model(name, **fields, **extra)


EventRow = row_model("EventRow", EVENTS, day=(str | None, None))
QuoteRow = row_model("QuoteRow", QUOTES)
ArticleSummary = row_model("ArticleSummary", ARTICLES, exclude=SUMMARY_EXCLUDED,
                           events=(int, 0), actors=(int, 0), quotes=(int, 0))


class Page(BaseModel, Generic[T]):
    """One page of a longer list."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ActorSummary(BaseModel):
    key: str
    name: str | None = None
    country: str | None = None
    type: str | None = None
    mentions: int
    articles: int


class Counts(BaseModel):
    tables: dict[str, int]
    quad_class: dict[str, int]
    cameo_root: dict[str, int]
    plover: dict[str, int]


class DayCount(BaseModel):
    day: str | None
    quad_class: int | None
    events: int


class PairCount(BaseModel):
    source: str
    target: str
    quad_class: int | None
    events: int
