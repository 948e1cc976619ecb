"""Who is who in a track: mediators, facilitators and parties, each with the evidence for its role
and whether it is still at the table.

- A mediator mediates, hosts or commits to the process in its own events (CAMEO 038/039/045/165),
  is named as one ("Qatar and Egypt, the primary mediators"), or speaks of helping the sides to a
  deal ("focused on helping achieve a ceasefire agreement").
- A facilitator is asked by one side to press or urge someone else ("urging the U.S. to step up its
  pressure on Israel", "urged Saudi Arabia and the United States to press the military to return"):
  the one asked stands between the sides.
- Every other actor of the track's events is a party.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from eventwire.model import TalksEvidence, TalksParticipant
from eventwire.talks.clusters import Cluster
from eventwire.talks.knowledge import TalksKnowledge
from eventwire.talks.reports import Report


def participants(track: Cluster, knowledge: TalksKnowledge) -> tuple[list[TalksParticipant], list[TalksParticipant]]:
    """RETURNS (tuple): the parties and the mediators (and facilitators) of a track, most reported first."""
    evidence: dict[str, list[TalksEvidence]] = defaultdict(list)
    roles: dict[str, str] = {}
    for key, found in mediators(track, knowledge).items():
        roles[key], evidence[key] = "mediator", found
    for key, found in facilitators(track, knowledge).items():
        if key not in roles:
            roles[key], evidence[key] = "facilitator", found
    for report in track.reports:
        for key in report.actors:
            if key not in roles or roles[key] == "party":
                roles[key] = "party"
                evidence[key].append(report.evidence)
    names = {key: name for article in track.articles for key, name in article.names.items()}
    states = participation(track, knowledge)
    weight = Counter(key for report in track.reports for key in report.actors)
    ranked = sorted(roles, key=lambda key: (-weight[key], key))
    people = [TalksParticipant(key=key, name=names.get(key, key), role=roles[key], state=states.get(key),
                               evidence=unique(evidence[key])) for key in ranked]
    return [p for p in people if p.role == "party"], [p for p in people if p.role != "party"]


def mediators(track: Cluster, knowledge: TalksKnowledge) -> dict[str, list[TalksEvidence]]:
    """RETURNS (dict): actor key -> evidence that it mediates, by its events, its name or its words."""
    found: dict[str, list[TalksEvidence]] = defaultdict(list)
    rule = knowledge.signals.mediation
    for report in track.talks:
        if report.code and report.code.startswith(tuple(rule.codes)) and not report.negated:
            for key in report.sources:
                found[key].append(report.evidence)
    actors = set(track.actors)
    for article in track.articles:
        for key, mentions in article.mentions.items():
            for text, sentence in mentions:
                if key in actors and knowledge.mediator_mention.search(text.lower()):
                    found[key].append(article.evidence(sentence))
        for speakers, content, sentence in article.quotes:
            if knowledge.mediator_speech.search(content.lower()):
                for key in speakers:
                    if key in actors:
                        found[key].append(article.evidence(sentence))
    return found


def facilitators(track: Cluster, knowledge: TalksKnowledge) -> dict[str, list[TalksEvidence]]:
    """RETURNS (dict): actor key -> evidence that a side asked it to act on another side."""
    rule = knowledge.signals.intermediary
    found: dict[str, list[TalksEvidence]] = defaultdict(list)
    by_sentence: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for article in track.articles:
        for report in article.reports:
            by_sentence[report.article, report.sentence].append(report)
    for appeal in track.reports:
        if not appeal.code or not appeal.code.startswith(tuple(rule.appeal_codes)) or appeal.modality != "asserted":
            continue
        for act in by_sentence[appeal.article, appeal.sentence]:
            if act.modality in rule.requested_modalities and act.code and act.code.startswith(
                    tuple(rule.requested_codes)) and set(act.sources) & set(appeal.targets) and \
                    not set(act.sides) & set(appeal.sources):
                for key in set(act.sources) & set(appeal.targets):
                    found[key] += [appeal.evidence, act.evidence]
    return found


def participation(track: Cluster, knowledge: TalksKnowledge) -> dict[str, str]:
    """RETURNS (dict): actor key -> its state ("withdrew", "committed", "negotiating"), from the last
    event it is the source of that says one (signals.yaml, participation)."""
    states: dict[str, str] = {}
    for report in sorted(track.talks, key=lambda r: (r.day, r.article, r.sentence)):
        for rule in knowledge.signals.participation:
            if rule.matches(report.code, report.modality, report.negated):
                states.update(dict.fromkeys(report.sources, rule.state))
                break
    return states


def unique(evidence: list[TalksEvidence]) -> list[TalksEvidence]:
    """The evidence once per article and sentence, keeping the first (which names an event, if any)."""
    seen: dict[tuple[str, int], TalksEvidence] = {}
    for item in evidence:
        seen.setdefault((item.article, item.sentence), item)
    return list(seen.values())
