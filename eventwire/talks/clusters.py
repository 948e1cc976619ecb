"""Forming tracks: the events about talks grouped by actors, issue, venue and time.

Within an article, events about talks (a status, a round, mediation, an appeal to negotiate) that
share an actor form one group; demands, accusations and rejections join the group of their actors,
and join two groups into one when they link them (a side walks out accusing the other).
Across articles, a group joins the track it shares two actors with, or one actor and the venue or an
issue, or the venue and an issue, when the issues do not differ, the venues do not differ (unless two
actors are shared: talks move) and the reports are close in time.
A demand, accusation or rejection left over, in an article that speaks of talks, joins the track of
both its actors that is nearest in time.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from eventwire.talks.knowledge import TalksKnowledge
from eventwire.talks.reports import ArticleReports, Report


@dataclass
class Cluster:
    """Reports of one negotiation: `talks` say something about the talks, `positions` about the sides."""

    talks: list[Report] = field(default_factory=list)
    positions: list[Report] = field(default_factory=list)
    articles: list[ArticleReports] = field(default_factory=list)
    actors: Counter = field(default_factory=Counter)
    issues: Counter = field(default_factory=Counter)
    venues: Counter = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None

    @property
    def reports(self) -> list[Report]:
        return self.talks + self.positions

    def add(self, other: Cluster) -> None:
        self.talks += other.talks
        self.positions += other.positions
        self.articles += [a for a in other.articles if all(a.id != b.id for b in self.articles)]
        self.actors.update(other.actors)
        self.issues.update(other.issues)
        self.venues.update(other.venues)
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        self.first, self.last = (min(days), max(days)) if days else (None, None)


def article_groups(article: ArticleReports, knowledge: TalksKnowledge) -> tuple[list[Cluster], list[Report]]:
    """RETURNS (tuple): the groups of talks events of one article, with the positions of their actors,
    and the positions that share no actor with any group."""
    groups: list[Cluster] = []
    for report in article.reports:
        if not report.actors or not knowledge.is_talks_event(report.code, report.modality, report.negated):
            continue
        joined = [g for g in groups if set(report.actors) & set(g.actors)]
        group = Cluster(articles=[article])
        for other in joined:
            group.add(other)
            groups.remove(other)
        group.talks.append(report)
        group.actors.update(report.actors)
        groups.append(group)
    loose: list[Report] = []
    grouped = {report.event for group in groups for report in group.talks}  # event ids are unique in an article
    for report in article.reports:
        if report.modality in {"demanded", "hypothetical"} or knowledge.position(report.code) is None or \
                report.event in grouped:
            continue
        linked = [g for g in groups if set(report.sides) & set(g.actors)]
        for other in linked[1:]:  # "the army walked out, accusing the RSF": one negotiation, both sides
            linked[0].add(other)
            groups.remove(other)
        group = linked[0] if linked else None
        if group is None:
            loose.append(report)
        else:
            group.positions.append(report)
    for group in groups:
        describe(group, article, knowledge)
    return groups, loose


def describe(group: Cluster, article: ArticleReports, knowledge: TalksKnowledge) -> None:
    """Fill a group's actors, issues (from its sentences, else the whole article), venues and dates."""
    group.actors = Counter(key for report in group.reports for key in report.sides)
    sentences = sorted({r.sentence for r in group.reports})
    for sentence in sentences:
        group.issues.update(knowledge.issues_in(article.evidence(sentence).text))
    if not group.issues:
        group.issues.update(knowledge.issues_in(article.text))
    group.venues.update(r.venue for r in group.talks if r.venue)
    days = [d for r in group.talks for d in (r.start, r.published) if d is not None]
    group.first, group.last = (min(days), max(days)) if days else (article.published, article.published)


def cluster(articles: list[ArticleReports], knowledge: TalksKnowledge) -> list[Cluster]:
    """RETURNS (list[Cluster]): one cluster per negotiation track, in order of first report."""
    groups: list[Cluster] = []
    loose: list[tuple[Report, ArticleReports]] = []
    for article in articles:
        found, left = article_groups(article, knowledge)
        groups += found
        if knowledge.round_talks.search(article.text.lower()):
            loose += [(report, article) for report in left]
    groups.sort(key=lambda g: (g.first or date.max, g.articles[0].id))
    tracks: list[Cluster] = []
    for group in groups:
        scored = [(affinity(group, track, knowledge), n) for n, track in enumerate(tracks)]
        best = max((s for s in scored if s[0] is not None), default=None)
        if best is None:
            tracks.append(group)
        else:
            tracks[best[1]].add(group)
    for report, article in loose:
        attach(report, article, tracks, knowledge)
    return tracks


def attach(report: Report, article: ArticleReports, tracks: list[Cluster], knowledge: TalksKnowledge) -> None:
    """Add a position to the track that has all its actors and is nearest in time, within the gap."""
    gap = knowledge.signals.clustering.max_gap_days
    near = [(distance(report.day, track), n) for n, track in enumerate(tracks)
            if len(report.sides) > 1 and set(report.sides) <= set(track.actors)]
    near = [(days, n) for days, n in near if days <= gap]
    if near:
        track = tracks[min(near)[1]]
        track.positions.append(report)
        if all(article.id != a.id for a in track.articles):
            track.articles.append(article)


def distance(day: date, track: Cluster) -> int:
    """RETURNS (int): days between `day` and the span of a track's reports (0 within it)."""
    if track.first is None or track.last is None:
        return 0
    return max((track.first - day).days, (day - track.last).days, 0)


def affinity(group: Cluster, track: Cluster, knowledge: TalksKnowledge) -> tuple[int, int, int] | None:
    """RETURNS (tuple | None): how much a group has in common with a track (shared actors, venue,
    issues), or None when it does not belong to it."""
    gap = knowledge.signals.clustering.max_gap_days
    if group.first and track.last and (group.first - track.last).days > gap:
        return None
    shared = len(set(group.actors) & set(track.actors))
    venue = int(bool(set(group.venues) & set(track.venues)))
    issues = len(set(group.issues) & set(track.issues))
    if group.issues and track.issues and not issues:
        return None
    if group.venues and track.venues and not venue and shared < 2:
        return None  # talks elsewhere that share only a mediator are other talks
    if shared >= 2 or shared and (venue or issues) or venue and issues:
        return shared, venue, issues
    return None
