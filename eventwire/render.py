"""Human-readable views of article records for the terminal (rich)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from eventwire.actors.identity import Mention
from eventwire.model import Article, ArticleRecord


def record_panel(record: ArticleRecord) -> Panel:
    """A panel summarising one article: what it is, who acts in it, what happened, who said what."""
    article = record.article
    header = Text()
    header.append(article.title or article.origin or article.id, style="bold")
    header.append(f"\nid {article.id} · published {article.published or 'unknown'} · "
                  f"{len(record.sentences)} sentences · {len(record.actors)} actor mentions · "
                  f"{len(record.events)} events · {len(record.quotes)} quotes")
    parts: list = [header]
    if record.actors:
        parts.append(actors_table(record))
    if record.events:
        parts.append(events_table(record))
    if record.quotes:
        parts.append(quotes_table(record))
    return Panel(Group(*parts), title=article.origin or None, title_align="left")


def actors_table(record: ArticleRecord) -> Table:
    table = Table(title="Actors", title_justify="left", expand=False)
    for column in ("mention", "type", "key", "name", "code", "mentions"):
        table.add_column(column)
    seen: dict[tuple, list] = {}
    for actor in record.actors:
        row_key = (actor.key or actor.text, actor.type)
        if row_key not in seen:
            seen[row_key] = [actor.text, actor.type or "", actor.key or "-", actor.name or "",
                             actor.cameo_code or "", 0]
        seen[row_key][5] += 1
    for row in seen.values():
        table.add_row(*(str(cell) for cell in row))
    return table


def events_table(record: ArticleRecord) -> Table:
    names = {actor.id: actor.key or actor.text for actor in record.actors}
    table = Table(title="Events", title_justify="left")
    for column in ("source", "trigger", "target", "CAMEO", "PLOVER", "modality", "date"):
        table.add_column(column)
    for event in record.events:
        table.add_row(", ".join(names.get(i, i) for i in event.source),
                      ("not " if event.negated else "") + event.trigger.text,
                      ", ".join(names.get(i, i) for i in event.target),
                      event.cameo or "", event.plover or "", event.modality, event.date or "")
    return table


def quotes_table(record: ArticleRecord) -> Table:
    table = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "cue", "kind", "content"):
        table.add_column(column)
    for quote in record.quotes:
        content = quote.content.text
        table.add_row(quote.speaker_text or "-", quote.cue.text, quote.kind,
                      content if len(content) <= 120 else content[:117] + "...")
    return table


def print_record(console: Console, record: ArticleRecord) -> None:
    console.print(record_panel(record))


def mentions_table(article: Article, mentions: list[Mention]) -> Table:
    """Every actor mention of an article with its resolution and the reason for it."""
    table = Table(title=f"{article.origin or article.id} · date {article.published or 'unknown'}",
                  title_justify="left")
    for column in ("mention", "at", "key", "sector", "code", "type", "reason"):
        table.add_column(column, overflow="fold")
    for mention in mentions:
        i = mention.identity
        table.add_row(mention.span.text, str(mention.span.start_char), i.key or "-", i.sector or "",
                      i.cameo_code or "", i.type, mention.reason)
    return table
