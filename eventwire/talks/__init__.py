"""Talks: where each negotiation stands, across articles, built from stored events.

`build_tracks(records)` (or `TalksTracker().build(records, as_of, subject)`) turns canonical article
records into `TalksTrack` records (eventwire/model.py): subject, venue, parties and mediators, a dated
status timeline, positions between the sides and the next expected round, each linked to its sentences.
"""
from eventwire.talks.knowledge import TalksDataError, TalksKnowledge, load_knowledge
from eventwire.talks.tracker import TalksTracker, build_tracks, matching

__all__ = ["TalksDataError", "TalksKnowledge", "TalksTracker", "build_tracks", "load_knowledge", "matching"]
