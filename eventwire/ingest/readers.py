"""Readers for every input eventwire accepts: .txt, .html, .jsonl, directories and stdin.

`read_inputs` yields, in input order, an `Article` for everything it could read and an `InputError`
(or `InputWarning`) for everything else, so one bad file never stops a batch.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import trafilatura

from eventwire.errors import InputError, InputWarning, Problem
from eventwire.ingest.checks import check_text, decode, parse_date
from eventwire.model import Article

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
STDIN = "-"

ReadResult = Article | InputError


@dataclass
class IngestOptions:
    """default_date: publication date for inputs that carry none. max_bytes: size limit per article."""

    default_date: date | None = None
    max_bytes: int = 5_000_000


def read_inputs(inputs: Iterable[str], options: IngestOptions | None = None) -> Iterator[ReadResult]:
    """Yield articles and input errors for files, directories (recursively) and "-" (stdin)."""
    options = options or IngestOptions()
    for item in expand_inputs(inputs):
        if item == STDIN:
            yield from read_stdin(options)
        elif isinstance(item, Path):
            try:
                yield from read_file(item, options)
            except OSError as error:  # vanished, unreadable, a device: this input only
                yield InputError(str(item), Problem.UNREADABLE, detail=error.strerror or str(error))
        else:
            yield InputError(item, Problem.NOT_FOUND)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str]:
    """Each input as a file Path (directories expanded in sorted order), STDIN, or a name that does not exist."""
    for name in inputs:
        path = Path(name)
        if name == STDIN:
            yield STDIN
        elif path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p))
        elif path.is_file():
            yield path
        else:
            yield name


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles `read_inputs` will look at (for a progress bar); None when stdin is among them."""
    total = 0
    for item in expand_inputs(inputs):
        if item == STDIN:
            return None
        if isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
            with item.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def is_article_file(path: Path) -> bool:
    """Files a directory walk picks up: known suffixes, not hidden."""
    return not path.name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_file(path: Path, options: IngestOptions) -> Iterator[ReadResult]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as handle:
            yield from read_jsonl(handle, origin, options)
        return
    if path.stat().st_size > options.max_bytes:
        yield InputError(origin, Problem.TOO_LARGE, limit=options.max_bytes)
        return
    yield from read_document(path.read_bytes(), origin, options, html=suffix in HTML_SUFFIXES)


def read_stdin(options: IngestOptions) -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:1]
    if head == b"{":
        yield from read_jsonl(data.splitlines(keepends=True), "<stdin>", options)
    elif len(data) > options.max_bytes:
        yield InputError("<stdin>", Problem.TOO_LARGE, limit=options.max_bytes)
    else:
        yield from read_document(data, "<stdin>", options, html=head == b"<")


def read_document(data: bytes, origin: str, options: IngestOptions, html: bool) -> Iterator[ReadResult]:
    """One article from the bytes of a text or HTML document."""
    try:
        text = decode(data, origin)
        if html:
            yield from finish(article_from_html(text, origin), options)
        else:
            yield from finish(Article(text=check_text(text, origin).strip(), origin=origin), options)
    except InputError as error:
        yield error


def article_from_html(html: str, origin: str) -> Article:
    """Extract the article body and metadata (title, date, author, url) with trafilatura."""
    if not html.strip():
        raise InputError(origin, Problem.EMPTY)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise InputError(origin, Problem.NO_ARTICLE_BODY)
    return Article(text=check_text(document.text, origin).strip(), title=document.title,
                   url=document.url, author=document.author, source=document.sitename,
                   published=parse_date(document.date), origin=origin)


def read_jsonl(lines: Iterable[bytes], origin: str, options: IngestOptions) -> Iterator[ReadResult]:
    """One article per line: `text` and optional `id`, `title`, `url`, `published`, `source`, `author`."""
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            if len(raw) > options.max_bytes:
                raise InputError(where, Problem.TOO_LARGE, limit=options.max_bytes)
            record = parse_record(decode(raw, where), where)
        except InputError as error:
            yield error
        else:
            yield from read_record(record, where, options)


def read_record(record: dict, where: str, options: IngestOptions) -> Iterator[ReadResult]:
    """One article from a record's fields (a JSON Lines object, a table row): `text` and optional `id`,
    `title`, `url`, `published`, `source`, `author`."""
    try:
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            raise InputError(where, Problem.NO_TEXT_FIELD)
        article = Article(text=check_text(record["text"], where).strip(), id=str(record.get("id") or ""),
                          title=optional_str(record.get("title")), url=optional_str(record.get("url")),
                          source=optional_str(record.get("source")), author=optional_str(record.get("author")),
                          published=parse_date(record.get("published")), origin=where)
        if record.get("published") and article.published is None:
            yield InputWarning(where, Problem.UNREADABLE_DATE, value=record["published"])
        yield from finish(article, options)
    except InputError as error:
        yield error


def parse_record(line: str, where: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, Problem.BAD_JSON, detail=f"{error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise InputError(where, Problem.BAD_JSON, detail=f"expected an object, got {type(record).__name__}")
    return record


def optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def finish(article: Article, options: IngestOptions) -> Iterator[ReadResult]:
    """Apply the default date, warn about a missing one, and yield the article."""
    if article.published is None:
        article.published = options.default_date
    if article.published is None:
        yield InputWarning(article.origin, Problem.NO_DATE)
    yield article
