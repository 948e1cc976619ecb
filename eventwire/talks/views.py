"""Terminal views of negotiation tracks (rich): a list, and one track in detail."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from eventwire.model import TalksParticipant, TalksTrack


def tracks_table(tracks: list[TalksTrack]) -> Table:
    """RETURNS (Table): one row per track: id, subject, venue, parties, mediators, status, next round."""
    table = Table(title=f"{len(tracks)} negotiation track{'s' if len(tracks) != 1 else ''}", title_justify="left")
    for column in ("id", "subject", "venue", "parties", "mediators", "status", "since", "next round", "articles"):
        table.add_column(column)
    for track in tracks:
        since = track.timeline[-1].date if track.timeline else None
        table.add_row(track.id, track.subject, track.venue or "-", names(track.parties), names(track.mediators),
                      track.status or "-", since or "-", track.next_round.date if track.next_round else "-",
                      str(len(track.articles)))
    return table


def track_detail(track: TalksTrack) -> Group:
    """RETURNS (Group): a track's participants, timeline, positions and next round, each with its sentence."""
    header = Text()
    header.append(f"{track.subject}\n", style="bold")
    header.append(f"id {track.id} · venue {track.venue or 'unknown'} · status {track.status or 'unknown'} · "
                  f"{len(track.articles)} articles, {track.first_seen} to {track.last_seen}")
    people = Table(title="Participants", title_justify="left")
    for column in ("actor", "role", "state", "evidence"):
        people.add_column(column)
    for person in track.parties + track.mediators:
        people.add_row(f"{person.name} ({person.key})", person.role, person.state or "-",
                       quote(person.evidence[0].text) if person.evidence else "")
    timeline = Table(title="Status", title_justify="left")
    for column in ("date", "status", "by", "reports", "evidence"):
        timeline.add_column(column)
    for change in track.timeline:
        timeline.add_row(change.date or "?", change.status, ", ".join(change.actors), str(len(change.evidence)),
                         quote(change.evidence[0].text))
    positions = Table(title="Positions", title_justify="left")
    for column in ("who", "what", "whom", "times", "evidence"):
        positions.add_column(column)
    for position in track.positions:
        positions.add_row(position.source, position.kind, position.target, str(position.count),
                          quote(position.evidence[0].text))
    parts: list = [header, people, timeline]
    if track.positions:
        parts.append(positions)
    if track.next_round:
        nxt = track.next_round
        parts.append(Text(f"Next round: {nxt.start} to {nxt.end} — {quote(nxt.evidence[0].text)}"))
    return Group(*parts)


def names(people: list[TalksParticipant]) -> str:
    return ", ".join(f"{p.name}{' (' + p.state + ')' if p.state in {'withdrew', 'committed'} else ''}"
                     for p in people) or "-"


def quote(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"
