"""Human-readable views of article records for the terminal (rich)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from eventwire.actors.identity import Mention
from eventwire.model import Article, ArticleRecord


def record_panel(record: ArticleRecord) -> Panel:
    """A panel summarising one article: what it is, who acts in it, what happened, who said what."""
    article = record.article
    header = Text()  # Text, not markup: article text and titles are untrusted
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
    return Panel(Group(*parts), title=escape(article.origin) if article.origin else None, title_align="left")


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
        table.add_row(*(escape(str(cell)) for cell in row))
    return table


def events_table(record: ArticleRecord) -> Table:
    names = {actor.id: actor.cameo_code or actor.name or actor.text for actor in record.actors}
    table = Table(title="Events", title_justify="left")
    for column in ("source", "trigger", "target", "CAMEO", "PLOVER", "modality", "date"):
        table.add_column(column)
    for event in record.events:
        table.add_row(*map(escape, (", ".join(names.get(i, i) for i in event.source),
                                    ("not " if event.negated else "") + event.trigger.text,
                                    ", ".join(names.get(i, i) for i in event.target),
                                    event.cameo or "", event.plover or "", event.modality, event.date or "")))
    return table


def actor_names(record: ArticleRecord) -> dict[str, str]:
    """The name of each actor of the record by actor id (its text where it has no name)."""
    return {actor.id: actor.name or actor.text for actor in record.actors}


def speaker_label(names: dict[str, str], speaker_text: str | None, speakers: list[str]) -> str:
    """ "He (Steve Witkoff)": the words of the text, with who they resolved to when that differs."""
    resolved = ", ".join(dict.fromkeys(names[s] for s in speakers if s in names))
    if not speaker_text:
        return resolved or "-"
    return f"{speaker_text} ({resolved})" if resolved and resolved not in speaker_text else speaker_text


def quotes_table(record: ArticleRecord) -> Table:
    names = actor_names(record)
    table = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "cue", "kind", "content"):
        table.add_column(column)
    for quote in record.quotes:
        content = quote.content.text
        table.add_row(*map(escape, (speaker_label(names, quote.speaker_text, quote.speakers), quote.cue.text,
                                    quote.kind, content if len(content) <= 120 else content[:117] + "...")))
    return table


def quotes_by_speaker(record: ArticleRecord) -> Table:
    """Who said what: the article's quotes grouped by resolved speaker."""
    names = actor_names(record)
    groups: dict[str, list] = {}
    for quote in record.quotes:
        who = ", ".join(sorted({names.get(s, s) for s in quote.speakers})) or quote.speaker_text or "unattributed"
        groups.setdefault(who, []).append(quote)
    table = Table(title=record.article.title or record.article.origin or record.article.id, title_justify="left",
                  show_lines=True)
    for column in ("speaker", "said (cue, kind)"):
        table.add_column(column, overflow="fold")
    for who, quotes in groups.items():
        table.add_row(escape(who), escape("\n".join(f"[{q.cue.text}, {q.kind}] {q.content.text}" for q in quotes)))
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
        table.add_row(*map(escape, (mention.span.text, str(mention.span.start_char), i.key or "-", i.sector or "",
                                    i.cameo_code or "", i.type, mention.reason)))
    return table
