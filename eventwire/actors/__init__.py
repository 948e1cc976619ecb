"""Actors: mentions of political actors and the identities they resolve to."""

from eventwire.actors.identity import Identity, Mention
from eventwire.actors.kb import KnowledgeBase, load_knowledge_base
from eventwire.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "Identity", "KnowledgeBase", "Mention", "load_knowledge_base"]
