"""Actors: mentions of political actors and the identities they resolve to."""

from eventwire.actors.resolver import find_actors

__all__ = ["find_actors"]
