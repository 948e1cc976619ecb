"""eventwire: sourced, structured records of political events, actors, quotes and talks from news text."""

__version__ = "0.1.0"
