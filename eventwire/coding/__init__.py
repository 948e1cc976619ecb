"""Coding: CAMEO and PLOVER events from the dependency parse, with the lexicon and code table as data."""

from eventwire.coding.coder import CodingContext, EventCoder

__all__ = ["CodingContext", "EventCoder"]
