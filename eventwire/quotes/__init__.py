"""Quotes and attributions: who said what, direct and reported."""

from eventwire.quotes.finder import Attribution, find_attributions
from eventwire.quotes.records import mark_reported, quote_records

__all__ = ["Attribution", "find_attributions", "mark_reported", "quote_records"]
