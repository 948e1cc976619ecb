"""Ingest: turn files, directories, JSON Lines corpora and stdin into `Article` records."""

from eventwire.ingest.readers import IngestOptions, read_inputs

__all__ = ["IngestOptions", "read_inputs"]
