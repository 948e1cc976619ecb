"""What a batch reads: a folder (or one file) of text, HTML and JSON Lines articles, or a Parquet corpus
with one article per row (a `text` column and optional `id`, `title`, `url`, `published`, `source`,
`author`; a name or folder ending in `.parquet`).

The checks are those of `eventwire.ingest`, applied here to bytes and rows that an engine has already
read, so Spark executors accept and reject exactly what `eventwire extract` does. Inputs are named by
absolute path (`path:line` for a JSON Lines record, `path:row` for a Parquet row) whichever engine reads
them, so the error tables of both engines agree.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

import pyarrow.parquet as pq

from eventwire.errors import InputError, Problem
from eventwire.ingest import IngestOptions, read_inputs
from eventwire.ingest.readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    ReadResult,
    read_document,
    read_jsonl,
    read_record,
)

ARTICLE_COLUMNS = ("text", "id", "title", "url", "published", "source", "author")
ARTICLE_SUFFIXES = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)


def is_parquet(source: str) -> bool:
    """Whether INPUT names a Parquet corpus (a file or folder whose name ends in .parquet)."""
    return source.rstrip("/").lower().endswith(".parquet")


def input_name(uri: str) -> str:
    """How an input is named in messages and the error table: a local path for file: URIs, else the URI."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def read_content(origin: str, content: bytes, options: IngestOptions) -> Iterator[ReadResult]:
    """The articles and errors in the bytes of one file, read by its suffix as JSON Lines, HTML or text."""
    suffix = PurePosixPath(origin).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(content.splitlines(keepends=True), origin, options)
    elif len(content) > options.max_bytes:
        yield InputError(origin, Problem.TOO_LARGE, limit=options.max_bytes)
    else:
        yield from read_document(content, origin, options, html=suffix in HTML_SUFFIXES)


def read_row(row: dict, origin: str, number: int, options: IngestOptions) -> Iterator[ReadResult]:
    """The article (or error) in row `number` (from 1) of the Parquet file `origin`."""
    yield from read_record({name: row.get(name) for name in ARTICLE_COLUMNS}, f"{origin}:{number}", options)


def read_corpus(source: str, options: IngestOptions) -> Iterator[ReadResult]:
    """Everything in a local INPUT, for the local engine: articles and errors, in a stable order."""
    source = os.path.abspath(source)
    if not is_parquet(source):
        yield from read_inputs([source], options)
        return
    path = Path(source)
    for file in sorted(path.rglob("*.parquet")) if path.is_dir() else [path]:
        parquet = pq.ParquetFile(file)
        columns = [name for name in ARTICLE_COLUMNS if name in parquet.schema_arrow.names]
        number = 0
        for batch in parquet.iter_batches(columns=columns):
            for row in batch.to_pylist():
                number += 1
                yield from read_row(row, str(file), number, options)
